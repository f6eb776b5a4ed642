/**
 * 办理台账: the case register (信访事项办理台账) as of a date — per unit the cases due, on time,
 * late and open with 按期办结率, then the cases overdue and those due soon. A case leads to its
 * row (selected in Excel; listed as text where the host cannot select). 编号 only: no petitioner,
 * no matter is ever shown.
 */
import * as React from 'react';
import {
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { validAsOf, type CasesResult } from '../app/cases';
import { scoreAssessment } from '../app/scoreAssessment';
import type { CaseOutcome } from '../engine/cases/register';
import { formatDate } from '../engine/chinese';
import { isoDate, parseDate } from '../sheet/dates';
import { percent } from '../engine/cases/rates';
import { CaseRulesEditor } from './CaseRulesEditor';
import type { Loaded, Write } from './usePane';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  item: { justifyContent: 'flex-start', width: '100%', textAlign: 'left', minHeight: '40px', fontWeight: tokens.fontWeightRegular },
  // One text node (so it reads as one): no break between Chinese characters (「今天到 / 期」), and lines balanced so
  // that none is left with a word alone (「11 / 日」) or a date cut at its hyphen.
  plain: { display: 'block', minHeight: '32px', paddingInline: tokens.spacingHorizontalS, wordBreak: 'keep-all', textWrap: 'balance' },
  muted: { color: tokens.colorNeutralForeground3 },
  // A case's line breaks only between its parts (编号, 单位, 到期日 …, 状态), never inside one: no 「今天到 / 期」.
  part: { whiteSpace: 'nowrap' },
  // The per-unit table: every cell on one line; if the pane is too narrow, the table scrolls inside its own box.
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { width: '100%', '& th, & td': { paddingInline: tokens.spacingHorizontalXS, whiteSpace: 'nowrap' } },
  unit: { whiteSpace: 'nowrap' },
  number: { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  // A numeric heading's text ends where its numbers end, and its column is at least as wide as it.
  numberHeading: { justifyContent: 'flex-end', textAlign: 'right', minWidth: 'min-content' },
});

/** 编号, 单位, 到期日 and the state: the parts of a case's line, each kept whole on a line. */
const caseParts = (o: CaseOutcome, text: string): string[] => [o.case.id, o.case.unit, `到期日 ${o.due}`, text];

export interface CasesTabProps {
  loaded: Loaded;
  /** YYYY-MM-DD: the default as-of date when the score sheets carry none. */
  today: string;
  /** Selects a range in Excel; absent where the host cannot (the browser preview). */
  onSelect?: (sheet: string, range: string) => void;
  busy: boolean;
  write: Write;
}

// 按期办结率 on two lines (按期 / 办结率): on one, the table is wider than a 350 px pane.
const NUMBER_HEADINGS = [['应办结'], ['按期'], ['逾期'], ['未到期'], ['按期', '办结率']] as const;

const FROM = { given: '所选日期', assessment: '评分表上的考核日期', today: '今天' } as const;

export function CasesTab(props: CasesTabProps): React.JSX.Element {
  const styles = useStyles();
  // Typed as text, read as ledgers write dates (2024-12-20, 2024年12月20日, 2024/12/20): never in the browser's own date format.
  const [typed, setTyped] = React.useState('');
  const parts = parseDate(typed);
  const asOf = parts && validAsOf(isoDate(parts)) ? isoDate(parts) : undefined;
  const cases: CasesResult | null = React.useMemo(
    () => (asOf ? scoreAssessment(props.loaded.grids, props.loaded.settings.score, { asOf, today: props.today }).cases : props.loaded.result.cases),
    [asOf, props.loaded, props.today],
  );

  if (!cases) {
    return (
      <div className={styles.section}>
        <Text>工作簿中没有信访事项办理台账。</Text>
        <Caption1 className={styles.muted}>
          添加一张工作表（如“信访事项办理台账”），表头有“编号”“受理日期”“责任单位”，可选“来源”“类别”“办理期限”“延期”“延期批准”“办结日期”“状态”，每件一行；然后点击“评分表”中的“重新检查”。
        </Caption1>
        <CaseRulesEditor loaded={props.loaded} busy={props.busy} write={props.write} />
      </div>
    );
  }
  const total = cases.overall;
  const line = (o: CaseOutcome, text: string) => {
    const p = caseParts(o, text);
    return (
      <li key={o.case.id}>
        {props.onSelect ? (
          <Button appearance="subtle" className={styles.item} onClick={() => props.onSelect?.(o.case.sheet, o.case.range)}>
            <span>
              {p.map((part, i) => (
                <React.Fragment key={i}>
                  {i > 0 && ' '}
                  <span className={styles.part}>{part}</span>
                </React.Fragment>
              ))}
            </span>
          </Button>
        ) : (
          // One text node, as it is read.
          <Text className={styles.plain}>{p.join(' ')}</Text>
        )}
      </li>
    );
  };

  return (
    <div className={styles.section}>
      <div className={styles.row}>
        <Field
          label="截至日期"
          hint={asOf ? `按 ${formatDate(asOf, 'arabic')} 计` : `${formatDate(cases.asOf, 'arabic')}（${FROM[cases.asOfFrom]}）；可改为其他日期，如 2024-12-31`}
          validationMessage={typed.trim() && !asOf ? '请写成 年-月-日，如 2024-12-20 或 2024年12月20日' : undefined}
        >
          <Input value={typed} placeholder={cases.asOf} autoComplete="off" onChange={(_e, d) => setTyped(d.value)} aria-label="截至日期" />
        </Field>
      </div>
      <Text weight="semibold">
        共 {total.total} 件，已办结 {total.closed} 件，按期办结率 {percent(total.onTimeRate)}，结案率 {percent(total.closeRate)}
      </Text>
      <div className={styles.row}>
        <Badge color={cases.overdue.length > 0 ? 'danger' : 'success'} appearance="tint">
          逾期未办结 {cases.overdue.length} 件
        </Badge>
        <Badge color={cases.dueSoon.length > 0 ? 'warning' : 'informative'} appearance="tint">
          {cases.rules.dueSoonDays} 日内到期 {cases.dueSoon.length} 件
        </Badge>
      </div>
      <Caption1 className={styles.muted}>按期办结率 = 按期办结件数 ÷（已办结件数 + 逾期未办结件数）</Caption1>

      <Subtitle2 as="h2">逾期未办结（{cases.overdue.length}）</Subtitle2>
      {cases.overdue.length === 0 ? (
        <Caption1>没有逾期未办结的案件。</Caption1>
      ) : (
        <ul className={styles.list} aria-label="逾期未办结">
          {cases.overdue.map((o) => line(o, `已超期 ${o.daysOver} 日`))}
        </ul>
      )}
      <Subtitle2 as="h2">即将到期（{cases.dueSoon.length}）</Subtitle2>
      {cases.dueSoon.length === 0 ? (
        <Caption1>{cases.rules.dueSoonDays} 日内没有到期的案件。</Caption1>
      ) : (
        <ul className={styles.list} aria-label="即将到期">
          {cases.dueSoon.map((o) => line(o, o.daysLeft === 0 ? '今天到期' : `还剩 ${o.daysLeft} 日`))}
        </ul>
      )}
      {props.onSelect && <Caption1 className={styles.muted}>点击一件，在 Excel 中选中它在台账中的那一行。</Caption1>}

      <Subtitle2 as="h2">各单位办理情况</Subtitle2>
      <div className={styles.scroll}>
        <Table size="small" aria-label="各单位办理情况" className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.unit}>单位</TableHeaderCell>
              {NUMBER_HEADINGS.map((h) => (
                <TableHeaderCell key={h.join('')} className={styles.number} button={{ className: styles.numberHeading }}>
                  {h.length === 1 ? (
                    h[0]
                  ) : (
                    <span>
                      {h[0]}
                      <br />
                      {h[1]}
                    </span>
                  )}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {cases.perUnit
              .filter((u) => u.total > 0)
              .map((u) => (
                <TableRow key={u.unit}>
                  <TableCell className={styles.unit}>{u.unit}</TableCell>
                  <TableCell className={styles.number}>{u.due}</TableCell>
                  <TableCell className={styles.number}>{u.onTime}</TableCell>
                  <TableCell className={styles.number}>{u.late}</TableCell>
                  <TableCell className={styles.number}>{u.open}</TableCell>
                  <TableCell className={styles.number}>{percent(u.onTimeRate)}</TableCell>
                </TableRow>
              ))}
          </TableBody>
        </Table>
      </div>
      <CaseRulesEditor loaded={props.loaded} busy={props.busy} write={props.write} />
    </div>
  );
}
