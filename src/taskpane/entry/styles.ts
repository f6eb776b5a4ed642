/** The styles 现场评分's parts share. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useEntryStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  card: { minWidth: 0, maxWidth: '100%', boxSizing: 'border-box' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  score: { width: '8em', maxWidth: '100%', '& input': { textAlign: 'right' } },
  full: { width: '100%', maxWidth: '100%', minWidth: 0, boxSizing: 'border-box' },
  muted: { color: tokens.colorNeutralForeground3, whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  touch: { minHeight: '40px' },
  records: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  column: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, alignItems: 'center', flexWrap: 'wrap' },
  link: { alignSelf: 'flex-start', minHeight: '32px', paddingInline: tokens.spacingHorizontalXS },
  actions: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
});
