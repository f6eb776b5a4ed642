/**
 * The ranking as the pane shows it, and each unit's deductions from the records. Memoised: the
 * tab re-renders while a write shows its progress, and 300 rows need not be drawn again for that.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { AssessmentResult, Report } from '../../app/scoreAssessment';
import { sum, toNumber } from '../../engine/decimal';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  // Auto layout, every column on one line: the unit's name takes what the numbers leave.
  table: { width: '100%', '& th, & td': { paddingInline: tokens.spacingHorizontalXS } },
  rank: { width: '2.5em', textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  unit: { maxWidth: '9em', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  total: { width: '3em', textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  band: { whiteSpace: 'nowrap' },
  // As narrow as its heading (two characters): most rows are empty.
  veto: { width: '2em', whiteSpace: 'nowrap', textAlign: 'center' },
});

const SOURCE = { ledger: '信访台账', log: '扣分明细', register: '办理台账' } as const;

export const RankingTable = React.memo(function RankingTable({ report }: { report: Report }): React.JSX.Element {
  const styles = useStyles();
  const vetoes = report.units.some((u) => u.veto);
  return (
    <Table aria-label="排名结果" size="small" className={styles.table}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.rank}>名次</TableHeaderCell>
          <TableHeaderCell>单位</TableHeaderCell>
          <TableHeaderCell className={styles.total}>总分</TableHeaderCell>
          <TableHeaderCell className={styles.band}>等次</TableHeaderCell>
          {vetoes && (
            <TableHeaderCell className={styles.veto} aria-label="一票否决">
              否决
            </TableHeaderCell>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {report.units.map((u, i) => (
          <TableRow key={`${u.sheet}-${i}`}>
            <TableCell className={styles.rank}>{u.rank}</TableCell>
            <TableCell className={styles.unit} title={u.name}>
              {u.name}
            </TableCell>
            <TableCell className={styles.total}>{u.total}</TableCell>
            <TableCell className={styles.band}>{u.band ?? '—'}</TableCell>
            {vetoes && <TableCell className={styles.veto}>{u.veto ? '是' : ''}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
});

export const DeductionsList = React.memo(function DeductionsList({ result, report }: { result: AssessmentResult; report: Report }): React.JSX.Element {
  const styles = useStyles();
  const withDeductions = result.units.filter((u) => u.deductions.length > 0);
  return (
    <>
      <Subtitle2 as="h2">扣分情况（按信访台账、扣分明细计算）</Subtitle2>
      {withDeductions.length === 0 ? (
        <Caption1>没有按扣分记录计算的扣分：各项得分均按评分表中填写的计。</Caption1>
      ) : (
        <Accordion multiple collapsible aria-label="各单位扣分情况">
          {withDeductions.map((u) => {
            const lines = report.units.find((r) => r.sheet === u.table.sheet && r.name === u.table.unit)?.deductions ?? [];
            const net = toNumber(sum(u.deductions.map((d) => d.points)));
            return (
              <AccordionItem key={`${u.table.sheet}-${u.table.unit}`} value={`${u.table.sheet}-${u.table.unit}`}>
                <AccordionHeader>
                  {u.table.unit}：{lines.length} 条，{net > 0 ? '+' : ''}
                  {net} 分
                </AccordionHeader>
                <AccordionPanel>
                  <ul className={styles.list}>
                    {lines.map((d, k) => (
                      <li key={k}>
                        <Caption1>
                          {d.item} · {d.rule}
                          {d.count > 1 ? ` ×${d.count}` : ''}：{d.points > 0 ? '+' : ''}
                          {d.points} 分{d.reason ? `（${d.reason}）` : ''} — {SOURCE[d.source]} {d.cell}
                        </Caption1>
                      </li>
                    ))}
                  </ul>
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      )}
      <Caption1 className={styles.muted}>扣分按扣分因素逐条计算；一项扣完为止，不低于 0 分。</Caption1>
    </>
  );
});
