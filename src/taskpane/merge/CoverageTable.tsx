/** 覆盖情况 and what will be written, per unit: which copies scored it, how many cells each merge writes. */
import * as React from 'react';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import type { MergeOutcome } from '../../app/merge';

const useStyles = makeStyles({
  warn: { color: tokens.colorPaletteMarigoldForeground2 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function CoverageTable({ outcome }: { outcome: MergeOutcome }): React.JSX.Element {
  const styles = useStyles();
  const writes = new Map<string, number>();
  for (const w of outcome.writes) writes.set(w.unit, (writes.get(w.unit) ?? 0) + 1);
  const conflicts = new Map<string, number>();
  for (const c of outcome.conflicts) if (c.resolvedBy === null) conflicts.set(c.unit, (conflicts.get(c.unit) ?? 0) + 1);
  return (
    <Table size="small" aria-label="覆盖情况">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>单位</TableHeaderCell>
          <TableHeaderCell>评分副本</TableHeaderCell>
          <TableHeaderCell>将写入</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {outcome.coverage.map((c) => (
          <TableRow key={c.unit}>
            <TableCell>{c.unit}</TableCell>
            <TableCell>
              {c.scoredBy.length === 0 ? <span className={styles.muted}>（无）</span> : c.scoredBy.join('、')}
              {c.scoredBy.length > 1 && <span className={styles.warn}>（多个副本）</span>}
            </TableCell>
            <TableCell>
              {[
                writes.get(c.unit) ? `${writes.get(c.unit)} 个单元格` : '',
                conflicts.get(c.unit) ? `${conflicts.get(c.unit)} 处冲突` : '',
                c.blank ? '仍未评分' : '',
              ]
                .filter(Boolean)
                .join('，') || '—'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
