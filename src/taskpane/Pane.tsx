/**
 * The pane itself, over any host: in Excel (the Office.js host) or in the browser preview (the
 * ExcelJS host on a file the user opened). Three sections: 评分表, 现场评分, 计算排名.
 */
import * as React from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { EntryTab } from './EntryTab';
import { RankTab } from './RankTab';
import { ReviewTab } from './ReviewTab';
import { usePane, type PaneHost } from './usePane';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  busy: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

type Section = 'review' | 'entry' | 'rank';

export function Pane({ host, today }: { host: PaneHost; today: string }): React.JSX.Element {
  const styles = useStyles();
  const pane = usePane(host);
  const [section, setSection] = React.useState<Section>('review');
  const [unit, setUnit] = React.useState<string | null>(null);

  return (
    <div className={styles.root}>
      <TabList selectedValue={section} onTabSelect={(_e, d) => setSection(d.value as Section)} aria-label="考核助手功能">
        <Tab value="review">评分表</Tab>
        <Tab value="entry">现场评分</Tab>
        <Tab value="rank">计算排名</Tab>
      </TabList>
      {pane.busy && (
        <div className={styles.busy} role="status" aria-live="polite">
          <Text size={200}>{pane.busy}</Text>
          <ProgressBar aria-label={pane.busy} />
        </div>
      )}
      {pane.notice && (
        <MessageBar intent={pane.notice.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{pane.notice.title}</MessageBarTitle>
            {pane.notice.text}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => pane.setNotice(null)}>
              知道了
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {(host.limitations ?? []).map((l) => (
        <MessageBar key={l} intent="info" layout="multiline">
          <MessageBarBody>{l}</MessageBarBody>
        </MessageBar>
      ))}
      {pane.loaded && section === 'review' && (
        <ReviewTab
          loaded={pane.loaded}
          busy={pane.busy !== null}
          onRecheck={pane.refresh}
          onSelect={host.select ? (sheet, cell) => void host.select?.(sheet, cell) : undefined}
          onEnter={(name) => {
            setUnit(name);
            setSection('entry');
          }}
        />
      )}
      {pane.loaded && section === 'entry' && <EntryTab loaded={pane.loaded} busy={pane.busy !== null} unit={unit} onUnit={setUnit} today={today} write={pane.write} />}
      {pane.loaded && section === 'rank' && <RankTab loaded={pane.loaded} busy={pane.busy !== null} today={today} write={pane.write} />}
    </div>
  );
}
