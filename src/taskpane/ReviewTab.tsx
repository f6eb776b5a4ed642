/** 评分表: the score tables found — the scheme, the units, and every diagnostic, each leading to its cell. */
import * as React from 'react';
import {
  Badge,
  Button,
  Caption1,
  Card,
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
import type { Diagnostic, Severity } from '../engine/diagnostics';
import { sum, toNumber } from '../engine/decimal';
import type { Loaded } from './usePane';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  diagnostic: { justifyContent: 'flex-start', textAlign: 'left', height: 'auto', minHeight: '40px', paddingBlock: tokens.spacingVerticalXS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
});

const SEVERITY: Record<Severity, { label: string; color: 'danger' | 'warning' | 'informative' }> = {
  error: { label: '错误', color: 'danger' },
  warning: { label: '警告', color: 'warning' },
  info: { label: '提示', color: 'informative' },
};

export function ReviewTab(props: {
  loaded: Loaded;
  busy: boolean;
  onRecheck: () => void;
  onSelect?: (sheet: string, cell: string) => void;
  onEnter: (unit: string) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const { result } = props.loaded;
  const scheme = result.assessment.scheme;
  const count = (s: Severity) => result.diagnostics.filter((d) => d.severity === s).length;
  const order: Severity[] = ['error', 'warning', 'info'];
  const diagnostics = [...result.diagnostics].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));

  return (
    <div className={styles.section}>
      <div className={styles.row}>
        <Text weight="semibold">
          {scheme ? `找到 ${result.units.length} 个单位的评分表` : '没有找到评分表'}
        </Text>
        <Badge color="danger" appearance="tint">{count('error')} 个错误</Badge>
        <Badge color="warning" appearance="tint">{count('warning')} 个警告</Badge>
        <Button onClick={props.onRecheck} disabled={props.busy}>
          重新检查
        </Button>
      </div>

      <Subtitle2 as="h2">提示（{diagnostics.length}）</Subtitle2>
      {diagnostics.length === 0 ? (
        <Caption1>没有发现问题。</Caption1>
      ) : (
        <ul className={styles.list} aria-label="提示列表">
          {diagnostics.map((d, i) => (
            <li key={i}>
              <DiagnosticButton d={d} onSelect={props.onSelect} className={styles.diagnostic} />
            </li>
          ))}
        </ul>
      )}

      <Subtitle2 as="h2">被考核单位</Subtitle2>
      <Table size="small" aria-label="被考核单位">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>单位</TableHeaderCell>
            <TableHeaderCell>工作表</TableHeaderCell>
            <TableHeaderCell>未填</TableHeaderCell>
            <TableHeaderCell>操作</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {result.assessment.tables.map((t) => {
            const scored = result.units.find((u) => u.table === t);
            return (
              <TableRow key={t.sheet}>
                <TableCell>{t.unit}</TableCell>
                <TableCell>{t.sheet}</TableCell>
                <TableCell>{scored?.score.blank ?? 0}</TableCell>
                <TableCell>
                  <Button size="small" onClick={() => props.onEnter(t.unit)} aria-label={`现场评分：${t.unit}`}>
                    评分
                  </Button>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>

      {scheme && (
        <>
          <Subtitle2 as="h2">评分表结构</Subtitle2>
          {scheme.categories.map((c) => (
            <Card key={c.title} size="small">
              <Text weight="semibold">
                {c.title}（{toNumber(sum(c.items.map((it) => it.points)))}分）
              </Text>
              <ul className={styles.list}>
                {c.items.map((it) => (
                  <li key={it.label}>
                    <Caption1>
                      {it.label} — {toNumber(it.points)}分
                    </Caption1>
                  </li>
                ))}
              </ul>
            </Card>
          ))}
          {scheme.adjustments.length > 0 && <Caption1>加减分 {scheme.adjustments.length} 项{scheme.hasVeto ? '；有一票否决栏' : ''}</Caption1>}
        </>
      )}
    </div>
  );
}

function DiagnosticButton({ d, onSelect, className }: { d: Diagnostic; onSelect?: (sheet: string, cell: string) => void; className: string }) {
  const where = [d.sheet, d.cell].filter(Boolean).join(' ');
  const canSelect = Boolean(onSelect && d.sheet && d.cell);
  const badge = (
    <Badge color={SEVERITY[d.severity].color} appearance="filled" size="small">
      {SEVERITY[d.severity].label}
    </Badge>
  );
  if (!canSelect) {
    return (
      <Text>
        {badge} {where && <Text weight="semibold">{where} </Text>}
        {d.message}
      </Text>
    );
  }
  return (
    <Button
      appearance="subtle"
      className={className}
      onClick={() => onSelect?.(d.sheet as string, d.cell as string)}
      title="在 Excel 中选中该单元格"
    >
      {badge}
      &nbsp;
      <Text>
        {where && <Text weight="semibold">{where} </Text>}
        {d.message}
      </Text>
    </Button>
  );
}
