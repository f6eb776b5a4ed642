/**
 * 现场评分: one unit, item by item — a number field bounded by the item's points, a reason for a
 * deduction, the 加减分 entries and the veto switch. A value that cannot be saved is refused as
 * it is typed, with the reason; saving writes only this unit's cells. Keyboard: Tab or Enter
 * moves to the next score, ↑/↓ add or take a point, Ctrl+Enter saves. Fields are large enough
 * for a finger. What is typed stays (in the pane's drafts) until it is saved or given up.
 */
import * as React from 'react';
import {
  Button,
  Caption1,
  Card,
  Dropdown,
  Field,
  Input,
  Option,
  Select,
  Switch,
  Text,
  makeStyles,
  tokens,
  type InputProps,
} from '@fluentui/react-components';
import {
  checkAdjustment,
  checkItem,
  missingReasons,
  onSiteChanges,
  onSitePlan,
  onSiteProblems,
  onSiteRebase,
  onSiteStart,
  recordableRules,
  recordPlan,
  type OnSiteDraft,
  type OnSiteInput,
} from '../app/onSite';
import { compileScheme, ruleName, type Deduction } from '../engine/deductions';
import { dec, toNumber, type Decimal } from '../engine/decimal';
import { parseValue } from '../sheet/entry';
import { a1, parseA1 } from '../sheet/grid';
import type { ScoreTable } from '../sheet/readScoreTable';
import { gridOf, tableKey, tableLabel } from './units';
import type { Loaded, Write } from './usePane';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  score: { maxWidth: '10em' },
  muted: { color: tokens.colorNeutralForeground3, whiteSpace: 'pre-line' },
  touch: { minHeight: '40px' },
  records: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  column: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  actions: {
    position: 'sticky',
    bottom: 0,
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

export interface EntryTabProps {
  loaded: Loaded;
  busy: boolean;
  /** tableKey of the unit being scored. */
  unitKey: string | null;
  onUnit: (key: string) => void;
  /** Unsaved forms by tableKey. */
  drafts: ReadonlyMap<string, OnSiteDraft>;
  onDraft: (key: string, draft: OnSiteDraft | null) => void;
  /** An entry cell to put the cursor in (from a diagnostic), once. */
  focusCell: string | null;
  onFocused: () => void;
  today: string;
  write: Write;
}

export function EntryTab(props: EntryTabProps): React.JSX.Element {
  const styles = useStyles();
  const tables = props.loaded.result.assessment.tables;
  const table = tables.find((t) => tableKey(t) === props.unitKey) ?? null;
  // Who records (记录人) stays the same from unit to unit.
  const [who, setWho] = React.useState('');

  if (tables.length === 0) {
    return <Text>没有找到评分表，无法现场评分。请先在“评分表”中查看各工作表为何未被识别。</Text>;
  }
  return (
    <div className={styles.root}>
      <Field label="被考核单位" hint={table ? undefined : '选择要评分的单位；也可以在“评分表”的单位列表中点击“评分”。'}>
        <Dropdown
          className={styles.touch}
          size="large"
          placeholder="选择单位"
          value={table ? tableLabel(table, tables) : ''}
          selectedOptions={table ? [tableKey(table)] : []}
          onOptionSelect={(_e, d) => d.optionValue && props.onUnit(d.optionValue)}
        >
          {tables.map((t) => (
            <Option key={tableKey(t)} value={tableKey(t)} text={tableLabel(t, tables)}>
              {tableLabel(t, tables)}
              {props.drafts.has(tableKey(t)) ? '（未保存）' : ''}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {table && <UnitForm key={tableKey(table)} {...props} table={table} who={who} onWho={setWho} />}
    </div>
  );
}

function UnitForm(props: EntryTabProps & { table: ScoreTable; who: string; onWho: (who: string) => void }): React.JSX.Element {
  const styles = useStyles();
  const { table, loaded, who, onWho: setWho } = props;
  const key = tableKey(table);
  const grid = gridOf(loaded.grids, table);
  const form = React.useRef<HTMLFormElement>(null);
  const start = React.useMemo(() => onSiteStart(table, grid), [table, grid]);
  const stored = props.drafts.get(key);
  const draft = React.useMemo<OnSiteDraft>(() => (stored ? onSiteRebase(stored, start) : { base: start, input: start }), [stored, start]);
  const input = draft.input;
  const scored = loaded.result.units.find((u) => u.table === table);
  const problems = onSiteProblems(table, input);
  const missing = new Set(missingReasons(table, input, draft.base));
  const changes = onSiteChanges(draft);
  const reasonCol = table.columns.reason;
  const label = tableLabel(table, loaded.result.assessment.tables);

  const { focusCell, onFocused } = props;
  React.useEffect(() => {
    if (!focusCell) return;
    const field = form.current?.querySelector<HTMLInputElement>(`[data-kaohe-cell="${focusCell}"]`);
    if (field) {
      field.focus();
      field.scrollIntoView?.({ block: 'center' });
    }
    onFocused();
  }, [focusCell, onFocused]);

  const edit = (change: (next: OnSiteInput) => void) => {
    const next: OnSiteInput = {
      items: input.items.map((row) => [...row]),
      reasons: input.reasons.map((row) => [...row]),
      adjustments: [...input.adjustments],
      adjustmentReasons: [...input.adjustmentReasons],
      veto: input.veto,
    };
    change(next);
    props.onDraft(key, { base: draft.base, input: next });
  };
  const canSave = !props.busy && problems.size === 0 && changes > 0;
  const save = () => {
    if (!canSave) return;
    const stale = table.totalCell && !table.totalBlank && !table.totalIsFormula;
    void props.write(
      `正在保存 ${label} 的得分…`,
      () => onSitePlan(table, input, grid),
      `已保存 ${label} 的得分`,
      stale ? `总分单元格 ${table.totalCell} 已填有数值，考核助手不会改动它；如得分有变，请核对“评分表”中的提示后自行修改或清空，再到“计算排名”写入。` : undefined,
    );
  };
  /** Enter moves to the next score field, Ctrl+Enter saves. */
  const onKeyDown = (e: React.KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter') return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      save();
      return;
    }
    const target = e.target as HTMLElement;
    if (!target.hasAttribute('data-kaohe-cell')) return;
    e.preventDefault();
    const fields = [...(form.current?.querySelectorAll<HTMLInputElement>('[data-kaohe-cell]') ?? [])];
    fields[fields.indexOf(target as HTMLInputElement) + 1]?.focus();
  };
  /** Where a reason goes, said under its field. */
  const reasonHint = (row: number, cell: string) =>
    reasonCol !== undefined ? `写入扣分原因列 ${a1(row, reasonCol)}` : `作为批注写在 ${cell}（此表没有“扣分原因”列）`;

  return (
    <form ref={form} className={styles.root} aria-label={`现场评分：${label}`} onSubmit={(e) => e.preventDefault()} onKeyDown={onKeyDown}>
      <Caption1 className={styles.muted}>
        工作表“{table.sheet}”。Enter 跳到下一项，↑/↓ 加减 1 分，Ctrl+Enter 保存。
      </Caption1>
      {table.scheme.categories.map((c, ci) => (
        <Card key={`${ci}-${c.title}`}>
          <Text weight="semibold" as="h3">
            {c.title}
          </Text>
          {c.items.map((item, ii) => {
            const k = `${ci}.${ii}`;
            const entry = table.entries.items[ci][ii];
            const check = checkItem(input.items[ci][ii], item);
            const lost = check.ok && check.value !== null && check.value.lt(item.points);
            const computed = scored?.entries.items[ci][ii];
            const reason = input.reasons[ci][ii];
            return (
              <div key={k} className={styles.item}>
                <Text>{item.label}</Text>
                {item.rules.length > 0 && <Caption1 className={styles.muted}>{item.rules.join('\n')}</Caption1>}
                {computed?.computed && computed.value && (
                  <Caption1>按扣分记录（信访台账、扣分明细）计算为 {toNumber(computed.value)} 分</Caption1>
                )}
                <Records lines={scored?.deductions.filter((d) => d.itemKey === `c${ci}.i${ii}`) ?? []} />
                <Field
                  label={`得分（满分 ${toNumber(item.points)}，${entry.cell}）`}
                  validationState={problems.has(k) ? 'error' : 'none'}
                  validationMessage={problems.get(k)}
                >
                  <ScoreInput
                    className={styles.score}
                    cell={entry.cell}
                    value={input.items[ci][ii]}
                    max={item.points}
                    ariaLabel={`${item.label} 得分，满分 ${toNumber(item.points)}，单元格 ${entry.cell}`}
                    onValue={(v) => edit((n) => void (n.items[ci][ii] = v))}
                  />
                </Field>
                {(lost || reason !== '') && (
                  <Field
                    label="扣分原因"
                    hint={reasonHint(table.itemRows[ci][ii], entry.cell)}
                    validationState={missing.has(k) ? 'warning' : 'none'}
                    validationMessage={missing.has(k) ? '请填写扣分原因' : undefined}
                  >
                    <Input
                      size="large"
                      value={reason}
                      aria-label={`${item.label} 扣分原因`}
                      onChange={(_e, d) => edit((n) => void (n.reasons[ci][ii] = d.value))}
                    />
                  </Field>
                )}
                <RecordForm {...props} who={who} onWho={setWho} unit={table.unit} itemKey={`c${ci}.i${ii}`} label={item.label} />
              </div>
            );
          })}
        </Card>
      ))}
      {table.scheme.adjustments.length > 0 && (
        <Card>
          <Text weight="semibold" as="h3">
            加减分
          </Text>
          {table.scheme.adjustments.map((rule, k) => {
            const entry = table.entries.adjustments[k];
            const check = checkAdjustment(input.adjustments[k], rule);
            const given = check.ok && check.value !== null && !check.value.eq(0);
            const reason = input.adjustmentReasons[k];
            const deducted = check.ok && check.value !== null && check.value.lt(0);
            return (
              <div key={k} className={styles.item}>
                <Field
                  label={`${rule.label}（${rule.rule || '加减分'}，${entry.cell}）`}
                  hint={rule.kind === 'bonus' ? '加分项，填正数' : rule.kind === 'deduction' ? '扣分项，填负数（如 -1）' : '加分填正数，扣分填负数'}
                  validationState={problems.has(`a.${k}`) ? 'error' : 'none'}
                  validationMessage={problems.get(`a.${k}`)}
                >
                  <Input
                    className={styles.score}
                    size="large"
                    value={input.adjustments[k]}
                    inputMode="decimal"
                    autoComplete="off"
                    data-kaohe-cell={entry.cell}
                    aria-label={`${rule.label} 加减分，单元格 ${entry.cell}`}
                    onChange={(_e, d) => edit((n) => void (n.adjustments[k] = d.value))}
                  />
                </Field>
                {(given || reason !== '') && (
                  <Field
                    label={deducted ? '扣分原因' : '加分依据'}
                    hint={reasonHint(parseA1(entry.cell).row, entry.cell)}
                    validationState={missing.has(`a.${k}`) ? 'warning' : 'none'}
                    validationMessage={missing.has(`a.${k}`) ? '请填写扣分原因' : undefined}
                  >
                    <Input
                      size="large"
                      value={reason}
                      aria-label={`${rule.label} ${deducted ? '扣分原因' : '加分依据'}`}
                      onChange={(_e, d) => edit((n) => void (n.adjustmentReasons[k] = d.value))}
                    />
                  </Field>
                )}
                <Records lines={scored?.deductions.filter((d) => d.itemKey === `a${k}`) ?? []} />
                <RecordForm {...props} who={who} onWho={setWho} unit={table.unit} itemKey={`a${k}`} label={rule.label} />
              </div>
            );
          })}
        </Card>
      )}
      {table.entries.veto ? (
        <div className={styles.column}>
          <Switch
            className={styles.touch}
            label={`一票否决（${table.entries.veto.cell}）：${input.veto ? '是' : '否'}`}
            checked={input.veto === true}
            onChange={(_e, d) => edit((n) => void (n.veto = d.checked))}
          />
          <Caption1 className={styles.muted}>打开即记为“是”：该单位按设置记 0 分或排在最后，不评等次、不得奖励。</Caption1>
        </div>
      ) : (
        <Caption1 className={styles.muted}>此表没有“一票否决”栏，无法在此记录一票否决；如需要，请在评分表中加一行“一票否决”。</Caption1>
      )}
      <div className={styles.actions}>
        <div className={styles.row}>
          <Button appearance="primary" size="large" onClick={save} disabled={!canSave}>
            保存 {label} 的得分
          </Button>
          {changes > 0 && (
            <Button size="large" onClick={() => props.onDraft(key, null)} disabled={props.busy}>
              放弃修改
            </Button>
          )}
        </div>
        {problems.size > 0 ? (
          <Text role="alert" className={styles.error}>
            有 {problems.size} 处无效的得分，改正后才能保存
          </Text>
        ) : changes > 0 ? (
          <Text>有 {changes} 处修改未保存</Text>
        ) : (
          <Text className={styles.muted}>没有未保存的修改</Text>
        )}
        {missing.size > 0 && problems.size === 0 && (
          <Text className={styles.warning}>有 {missing.size} 处扣分未填写原因（仍可保存）</Text>
        )}
      </div>
    </form>
  );
}

/** The records already counted against an item: rule, count, points and reason, with where each is. */
function Records({ lines }: { lines: Deduction[] }) {
  const styles = useStyles();
  if (lines.length === 0) return null;
  return (
    <ul className={styles.records} aria-label="已有扣分记录">
      {lines.map((d, k) => (
        <li key={k}>
          <Caption1>
            {d.rule}
            {d.count > 1 ? ` ×${d.count}` : ''}：{d.points.gt(0) ? '+' : ''}
            {d.points.toFixed()} 分{d.reason ? `（${d.reason}）` : ''} — {d.source === 'ledger' ? '信访台账' : d.source === 'register' ? '办理台账' : '扣分明细'} {d.cell}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}

/**
 * An item's score: typed freely (５, 4.5, 5分 are understood), checked as typed, ↑/↓ step by one
 * point within [0, points]. A text field with the spin button's role, so a value that cannot be
 * saved stays visible with its reason instead of being cleared by the browser.
 */
function ScoreInput(props: { cell: string; value: string; max: Decimal; ariaLabel: string; className: string; onValue: (v: string) => void }) {
  const check = checkItem(props.value, { label: '', points: props.max, rules: [] });
  const now = check.ok && check.value !== null ? toNumber(check.value) : undefined;
  const onKeyDown: InputProps['onKeyDown'] = (e) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    const typed = parseValue(props.value);
    // Blank starts at the points; text that is not a number is left for the user to correct.
    if (typed.kind !== 'blank' && typed.kind !== 'number') return;
    const v = typed.kind === 'blank' ? props.max : e.key === 'ArrowUp' ? typed.value.plus(1) : typed.value.minus(1);
    const bounded = v.gt(props.max) ? props.max : v.lt(0) ? dec(0) : v;
    props.onValue(bounded.toFixed());
  };
  return (
    <Input
      className={props.className}
      size="large"
      value={props.value}
      inputMode="decimal"
      autoComplete="off"
      role="spinbutton"
      aria-valuemin={0}
      aria-valuemax={toNumber(props.max)}
      aria-valuenow={now}
      data-kaohe-cell={props.cell}
      aria-label={props.ariaLabel}
      onKeyDown={onKeyDown}
      onChange={(_e, d) => props.onValue(d.value)}
    />
  );
}

/** 记录扣分: one occurrence against a rule of the item — rule, count, reason, who — into 扣分明细. */
function RecordForm(
  props: EntryTabProps & { unit: string; itemKey: string; label: string; who: string; onWho: (who: string) => void },
): React.JSX.Element | null {
  const styles = useStyles();
  const scheme = props.loaded.result.assessment.scheme;
  const item = React.useMemo(() => (scheme ? compileScheme(scheme).find((it) => it.key === props.itemKey) : undefined), [scheme, props.itemKey]);
  const rules = item ? recordableRules(item) : [];
  const [open, setOpen] = React.useState(false);
  const [ruleId, setRuleId] = React.useState(rules[0]?.id ?? '');
  const [count, setCount] = React.useState('1');
  const [reason, setReason] = React.useState('');
  if (!item || rules.length === 0) return null;
  const n = Number(count);
  const countOk = Number.isInteger(n) && n >= 1;
  if (!open) {
    return (
      <Button className={styles.touch} appearance="secondary" onClick={() => setOpen(true)} aria-label={`${props.label} 记录扣分`}>
        记录扣分…
      </Button>
    );
  }
  const add = () => {
    if (!countOk) return;
    const { grids, result } = props.loaded;
    const record = { unit: props.unit, itemKey: props.itemKey, ruleId, count: n, reason: reason.trim(), who: props.who.trim(), date: props.today };
    void props.write('正在记录…', () => recordPlan(grids, result, record), `已记入扣分明细：${props.unit} ${props.label}`).then((outcome) => {
      if (!outcome) return;
      setReason('');
      setCount('1');
      setOpen(false);
    });
  };
  return (
    <Card appearance="outline" role="group" aria-label={`${props.label} 记录扣分`}>
      <Caption1>记一条扣分记录到“扣分明细”工作表，并按扣分因素重算本项得分。</Caption1>
      <Field label="扣分因素">
        <Select size="large" value={ruleId} onChange={(_e, d) => setRuleId(d.value)}>
          {rules.map((r) => (
            <option key={r.id} value={r.id}>
              {ruleName(r)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="次数" validationState={countOk ? 'none' : 'error'} validationMessage={countOk ? undefined : '次数应为正整数'}>
        <Input size="large" value={count} inputMode="numeric" onChange={(_e, d) => setCount(d.value)} />
      </Field>
      <Field label="原因">
        <Input size="large" value={reason} onChange={(_e, d) => setReason(d.value)} />
      </Field>
      <Field label="记录人">
        <Input size="large" value={props.who} onChange={(_e, d) => props.onWho(d.value)} />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" size="large" onClick={add} disabled={props.busy || !countOk}>
          添加记录
        </Button>
        <Button size="large" onClick={() => setOpen(false)}>
          取消
        </Button>
      </div>
    </Card>
  );
}
