/**
 * 评分表: the score tables found — every diagnostic, each leading to its cell (selected in Excel,
 * or opened in 现场评分 where the host cannot select), the units, and the scheme.
 */
import * as React from 'react';
import {
  Badge,
  Button,
  Caption1,
  Card,
  Radio,
  RadioGroup,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { Diagnostic, Severity } from '../engine/diagnostics';
import { sum, toNumber } from '../engine/decimal';
import { findTemplates, isTemplate } from '../sheet/outputs/templates';
import { tableKey, tableLabel, tableOfEntry } from './units';
import { ActionStatus } from './ActionStatus';
import { Finality } from './Finality';
import type { Loaded } from './usePane';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, alignItems: 'center', flexWrap: 'wrap' },
  diagnostic: {
    justifyContent: 'flex-start',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalXS,
    width: '100%',
    textAlign: 'left',
    height: 'auto',
    minHeight: '44px',
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightRegular,
  },
  plain: { display: 'flex', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalXS, paddingBlock: tokens.spacingVerticalS, paddingInline: tokens.spacingHorizontalS },
  narrow: { width: '3.5em' },
  numeric: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', justifyContent: 'flex-end' },
  name: { maxWidth: '12em', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  table: { width: '100%', '& th, & td': { paddingInline: tokens.spacingHorizontalXS } },
  action: { width: '4.5em' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  touch: { minHeight: '40px' },
  compact: { minHeight: '40px', minWidth: 'auto', paddingInline: tokens.spacingHorizontalS },
  badge: { flexShrink: 0, whiteSpace: 'nowrap', marginTop: '2px' },
});

const SEVERITY: Record<Severity, { label: string; color: 'danger' | 'warning' | 'informative' }> = {
  error: { label: '错误', color: 'danger' },
  warning: { label: '警告', color: 'warning' },
  info: { label: '说明', color: 'informative' },
};
const ORDER: Severity[] = ['error', 'warning', 'info'];

export interface ReviewTabProps {
  loaded: Loaded;
  busy: boolean;
  onRecheck: () => void;
  /** Selects a cell in Excel; absent where the host cannot (the browser preview). */
  onSelect?: (sheet: string, cell: string) => void;
  /** Opens a unit (by tableKey) in 现场评分, at an entry cell when given. */
  onEnter: (key: string, cell?: string) => void;
}

export function ReviewTab(props: ReviewTabProps): React.JSX.Element {
  const styles = useStyles();
  const { result } = props.loaded;
  const scheme = result.assessment.scheme;
  const tables = result.assessment.tables;
  const [shown, setShown] = React.useState<Severity | 'all'>('all');
  const recheck = React.useRef<HTMLButtonElement>(null);
  const count = (s: Severity) => result.diagnostics.filter((d) => d.severity === s).length;
  const diagnostics = [...result.diagnostics]
    .sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity))
    .filter((d) => shown === 'all' || d.severity === shown);
  const ofSheet = (sheet: string, s: Severity) => result.diagnostics.filter((d) => d.sheet === sheet && d.severity === s).length;

  return (
    <div className={styles.section}>
      <div className={styles.row}>
        <Text weight="semibold">{scheme ? `找到 ${result.units.length} 个单位的评分表` : '没有找到评分表'}</Text>
        {count('error') > 0 ? (
          <Badge color="danger" appearance="tint">
            {count('error')} 个错误
          </Badge>
        ) : (
          <Badge color="success" appearance="tint">
            没有错误
          </Badge>
        )}
        {count('warning') > 0 && (
          <Badge color="warning" appearance="tint">
            {count('warning')} 个警告
          </Badge>
        )}
        <Button ref={recheck} className={styles.touch} onClick={props.onRecheck} disabledFocusable={props.busy}>
          重新检查
        </Button>
      </div>
      <ActionStatus at="recheck" returnFocus={() => recheck.current} />
      <Caption1 className={styles.muted}>
        {props.onSelect ? '在 Excel 中修改工作簿后，点击“重新检查”。' : '得分可在“现场评分”中修改；改动工作簿中的其他内容请用 Excel 或 WPS，改好后重新打开。'}
      </Caption1>
      <Finality loaded={props.loaded} />
      <Recognised loaded={props.loaded} />
      {!scheme && (
        <Text>
          考核助手按表头识别评分表：一行中有“考核内容”“考核重点”“分值”“扣分因素”“得分”（或其同义词，如 项目、标准分、评分标准、实得分）。
          下面的提示说明了每张工作表为何未被识别。
        </Text>
      )}

      <Subtitle2 as="h2">检查结果（{result.diagnostics.length} 条）</Subtitle2>
      {result.diagnostics.length === 0 ? (
        <Caption1>没有发现问题：得分都在分值范围内，表格结构完整。</Caption1>
      ) : (
        <>
          <RadioGroup layout="horizontal" value={shown} onChange={(_e, d) => setShown(d.value as Severity | 'all')} aria-label="显示哪些提示">
            <Radio value="all" label="全部" />
            <Radio value="error" label={`错误 ${count('error')}`} />
            <Radio value="warning" label={`警告 ${count('warning')}`} />
            <Radio value="info" label={`说明 ${count('info')}`} />
          </RadioGroup>
          {diagnostics.length === 0 ? (
            <Caption1>没有这一类检查结果。</Caption1>
          ) : (
            <ul className={styles.list} aria-label="检查结果列表">
              {diagnostics.map((d, i) => (
                <li key={i}>
                  <DiagnosticLine d={d} {...props} />
                </li>
              ))}
            </ul>
          )}
          <ActionStatus at="select" />
          <Caption1 className={styles.muted}>
            {props.onSelect ? '点击一条检查结果，在 Excel 中选中它所指的单元格。' : '点击指向得分单元格的检查结果，在“现场评分”中修改它。'}
          </Caption1>
        </>
      )}

      <Subtitle2 as="h2">被考核单位（{tables.length}）</Subtitle2>
      {tables.length === 0 ? (
        <Caption1>没有识别出被考核单位。</Caption1>
      ) : (
        <Table size="small" aria-label="被考核单位" className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>单位</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(styles.narrow, styles.numeric)}>未填</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(styles.narrow, styles.numeric)}>错误</TableHeaderCell>
              <TableHeaderCell className={styles.action}>操作</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {tables.map((t) => {
              const scored = result.units.find((u) => u.table === t);
              const label = tableLabel(t, tables);
              return (
                <TableRow key={tableKey(t)}>
                  <TableCell className={styles.name} title={t.sheet !== t.unit ? `工作表 ${t.sheet}` : undefined}>
                    {label}
                  </TableCell>
                  <TableCell className={styles.numeric}>{scored?.score.blank ?? 0}</TableCell>
                  <TableCell className={styles.numeric}>{ofSheet(t.sheet, 'error')}</TableCell>
                  <TableCell>
                    <Button className={styles.compact} onClick={() => props.onEnter(tableKey(t))} aria-label={`现场评分：${label}`}>
                      评分
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}

      {scheme && (
        <>
          <Subtitle2 as="h2">评分表结构</Subtitle2>
          {scheme.categories.map((c, ci) => (
            <Card key={`${ci}-${c.title}`} size="small">
              <Text weight="semibold">
                {c.title}（{toNumber(sum(c.items.map((it) => it.points)))}分）
              </Text>
              <ul className={styles.list}>
                {c.items.map((it, ii) => (
                  <li key={ii}>
                    <Caption1>
                      {it.label}
                      {statesPoints(it.label, toNumber(it.points)) ? '' : `（${toNumber(it.points)}分）`}
                    </Caption1>
                  </li>
                ))}
              </ul>
            </Card>
          ))}
          {scheme.adjustments.length > 0 && (
            <Card size="small">
              <Text weight="semibold">加减分（{scheme.adjustments.length} 项）</Text>
              <ul className={styles.list}>
                {scheme.adjustments.map((a, k) => (
                  <li key={k}>
                    <Caption1>
                      {a.label} — {a.rule || (a.kind === 'bonus' ? '加分' : a.kind === 'deduction' ? '扣分' : '加减分')}
                    </Caption1>
                  </li>
                ))}
              </ul>
            </Card>
          )}
          <Caption1>
            满分 {toNumber(sum(scheme.categories.flatMap((c) => c.items.map((it) => it.points))))} 分；{scheme.hasVeto ? '有一票否决栏' : '没有一票否决栏'}
          </Caption1>
        </>
      )}
    </div>
  );
}

/** One diagnostic: its severity, sheet and cell, and the message; a button where it leads somewhere. */
function DiagnosticLine({ d, onSelect, onEnter, loaded }: { d: Diagnostic } & ReviewTabProps) {
  const styles = useStyles();
  const where = [d.sheet, d.cell].filter(Boolean).join(' ');
  const badge = (
    <Badge className={styles.badge} color={SEVERITY[d.severity].color} appearance="filled" size="small" data-kaohe-severity={d.severity}>
      {SEVERITY[d.severity].label}
    </Badge>
  );
  const body = (
    <Text>
      {where && <Text weight="semibold">{where}</Text>}
      {where ? ` ${d.message}` : d.message}
    </Text>
  );
  const table = d.sheet && d.cell ? tableOfEntry(loaded.result.assessment.tables, d.sheet, d.cell) : undefined;
  const action =
    onSelect && d.sheet && d.cell
      ? { run: () => onSelect(d.sheet as string, d.cell as string), title: '在 Excel 中选中该单元格' }
      : table
        ? { run: () => onEnter(tableKey(table), d.cell), title: '在现场评分中修改' }
        : null;
  if (!action) {
    return (
      <div className={styles.plain}>
        {badge}
        {body}
      </div>
    );
  }
  return (
    <Button appearance="subtle" className={styles.diagnostic} onClick={action.run} title={action.title}>
      {badge}
      {body}
    </Button>
  );
}

/** True when an item's label already states its points: '信访件办理(5分)' with 5. */
function statesPoints(label: string, points: number): boolean {
  return new RegExp(`[（(]\\s*${String(points).replace('.', '\\.')}\\s*分\\s*[)）]`).test(label);
}

/** The sheets read besides the score tables: the petition ledger, the deduction log, the case register, and the templates. */
function Recognised({ loaded }: { loaded: Loaded }) {
  const { records, cases } = loaded.result;
  const parts = [
    records.ledgerEvents > 0 ? `信访台账 ${records.ledgerEvents} 件信访事项` : '',
    records.logRows > 0 ? `扣分明细 ${records.logRows} 条记录` : '',
    cases ? `信访事项办理台账 ${cases.overall.total} 件` : '',
  ].filter(Boolean);
  const { named, templates } = React.useMemo(() => {
    const declared = loaded.settings.templates;
    return { named: loaded.grids.filter((g) => isTemplate(g, declared)).map((g) => g.name), templates: findTemplates(loaded.grids, declared).templates };
  }, [loaded.grids, loaded.settings]);
  const templateLine =
    named.length === 0
      ? null
      : `模板：${named
          .map((name) => {
            const t = templates.find((x) => x.sheet === name);
            return `${name}（${!t ? '没有 {{单位}} 之类的占位符，未使用' : t.kind === 'unit' ? '写入结果时为每个单位生成一张' : '写入结果时生成一张'}）`;
          })
          .join('、')}，不参加评分。`;
  return (
    <>
      <Caption1>
        {parts.length === 0 ? '没有找到信访台账、扣分明细或办理台账：各项得分按评分表中填写的计。' : `还读取了：${parts.join('；')}，按扣分因素计算相关得分。`}
      </Caption1>
      {templateLine && <Caption1>{templateLine}</Caption1>}
    </>
  );
}
