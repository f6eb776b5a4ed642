/**
 * 现场评分: one unit, item by item — a number field bounded by the item's points, a reason for a
 * deduction, the 加减分 entries and the veto switch. A value that cannot be saved is refused as
 * it is typed, with the reason; saving writes only this unit's cells. Keyboard: Tab moves from
 * field to field; Ctrl+Enter saves. Fields are large enough for a finger.
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
} from '@fluentui/react-components';
import { checkItem, onSitePlan, onSiteProblems, onSiteStart, recordableRules, recordPlan, type OnSiteInput } from '../app/onSite';
import { compileScheme, ruleName } from '../engine/deductions';
import { toNumber } from '../engine/decimal';
import type { WritePlan } from '../host/host';
import type { Loaded } from './usePane';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  score: { maxWidth: '10em' },
  rules: { color: tokens.colorNeutralForeground3, whiteSpace: 'pre-line' },
  actions: { position: 'sticky', bottom: 0, paddingBlock: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground1, display: 'flex', columnGap: tokens.spacingHorizontalS },
});

export function EntryTab(props: {
  loaded: Loaded;
  busy: boolean;
  unit: string | null;
  onUnit: (unit: string) => void;
  today: string;
  write: (label: string, plan: WritePlan, done: string) => Promise<unknown>;
}): React.JSX.Element {
  const styles = useStyles();
  const [who, setWho] = React.useState('');
  const tables = props.loaded.result.assessment.tables;
  const table = tables.find((t) => t.unit === props.unit) ?? null;
  const scored = props.loaded.result.units.find((u) => u.table === table);
  const [input, setInput] = React.useState<OnSiteInput | null>(table ? onSiteStart(table) : null);
  React.useEffect(() => setInput(table ? onSiteStart(table) : null), [table]);

  if (tables.length === 0) return <Text>没有找到评分表，无法现场评分。</Text>;
  const problems = table && input ? onSiteProblems(table, input) : new Map<string, string>();
  const save = () => {
    if (!table || !input || problems.size > 0) return;
    void props.write(`正在保存 ${table.unit} 的得分…`, onSitePlan(table, input), `已保存 ${table.unit} 的得分`);
  };
  const edit = (change: (next: OnSiteInput) => void) =>
    setInput((old) => {
      if (!old) return old;
      const next: OnSiteInput = {
        items: old.items.map((row) => [...row]),
        reasons: old.reasons.map((row) => [...row]),
        adjustments: [...old.adjustments],
        veto: old.veto,
      };
      change(next);
      return next;
    });

  return (
    <form
      className={styles.root}
      aria-label="现场评分"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save();
      }}
    >
      <Field label="被考核单位">
        <Dropdown
          placeholder="选择单位"
          value={table?.unit ?? ''}
          selectedOptions={table ? [table.unit] : []}
          onOptionSelect={(_e, d) => d.optionValue && props.onUnit(d.optionValue)}
        >
          {tables.map((t) => (
            <Option key={t.sheet} value={t.unit}>
              {t.unit}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {table && input && (
        <>
          {table.scheme.categories.map((c, ci) => (
            <Card key={c.title}>
              <Text weight="semibold">{c.title}</Text>
              {c.items.map((item, ii) => {
                const key = `${ci}.${ii}`;
                const value = input.items[ci][ii];
                const check = checkItem(value, item);
                const lost = check.ok && check.value && check.value.lt(item.points);
                const computed = scored?.entries.items[ci][ii];
                return (
                  <div key={key} className={styles.item}>
                    <Text>{item.label}</Text>
                    {item.rules.length > 0 && <Caption1 className={styles.rules}>{item.rules.join('\n')}</Caption1>}
                    {computed?.computed && computed.value && (
                      <Caption1>按扣分记录（信访台账、扣分明细）计算为 {toNumber(computed.value)} 分</Caption1>
                    )}
                    <Field
                      label={`得分（满分 ${toNumber(item.points)}，${table.entries.items[ci][ii].cell}）`}
                      validationState={problems.has(key) ? 'error' : 'none'}
                      validationMessage={problems.get(key)}
                    >
                      <Input
                        className={styles.score}
                        value={value}
                        inputMode="decimal"
                        size="large"
                        aria-label={`${item.label} 得分，满分 ${toNumber(item.points)}，单元格 ${table.entries.items[ci][ii].cell}`}
                        onChange={(_e, d) => edit((n) => void (n.items[ci][ii] = d.value))}
                      />
                    </Field>
                    <RecordForm loaded={props.loaded} unit={table.unit} itemKey={`c${ci}.i${ii}`} label={item.label} busy={props.busy} today={props.today} who={who} onWho={setWho} write={props.write} />
                    {lost && (
                      <Field label="扣分原因">
                        <Input
                          value={input.reasons[ci][ii]}
                          aria-label={`${item.label} 扣分原因`}
                          onChange={(_e, d) => edit((n) => void (n.reasons[ci][ii] = d.value))}
                        />
                      </Field>
                    )}
                  </div>
                );
              })}
            </Card>
          ))}
          {table.scheme.adjustments.length > 0 && (
            <Card>
              <Text weight="semibold">加减分</Text>
              {table.scheme.adjustments.map((rule, k) => (
                <div key={k} className={styles.item}>
                  <Field
                    label={`${rule.label}（${rule.rule || '加减分'}）`}
                    validationState={problems.has(`a.${k}`) ? 'error' : 'none'}
                    validationMessage={problems.get(`a.${k}`)}
                  >
                    <Input
                      className={styles.score}
                      value={input.adjustments[k]}
                      inputMode="decimal"
                      aria-label={`${rule.label} 加减分`}
                      onChange={(_e, d) => edit((n) => void (n.adjustments[k] = d.value))}
                    />
                  </Field>
                  <RecordForm loaded={props.loaded} unit={table.unit} itemKey={`a${k}`} label={rule.label} busy={props.busy} today={props.today} who={who} onWho={setWho} write={props.write} />
                </div>
              ))}
            </Card>
          )}
          {table.entries.veto && (
            <Switch
              label={input.veto ? '一票否决：是' : '一票否决：否'}
              checked={input.veto === true}
              onChange={(_e, d) => edit((n) => void (n.veto = d.checked))}
            />
          )}
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" size="large" disabled={props.busy || problems.size > 0}>
              保存 {table.unit} 的得分
            </Button>
            {problems.size > 0 && <Text role="alert">有 {problems.size} 处无效的得分，改正后才能保存</Text>}
          </div>
        </>
      )}
      {!table && <Caption1>请选择一个单位开始现场评分。</Caption1>}
    </form>
  );
}


/** 记录扣分: one occurrence against a rule of the item — rule, count, reason, who — into 扣分明细. */
function RecordForm(props: {
  loaded: Loaded;
  unit: string;
  itemKey: string;
  label: string;
  busy: boolean;
  today: string;
  who: string;
  onWho: (who: string) => void;
  write: (label: string, plan: WritePlan, done: string) => Promise<unknown>;
}): React.JSX.Element | null {
  const item = React.useMemo(() => compileScheme(props.loaded.result.assessment.scheme!).find((it) => it.key === props.itemKey), [props.loaded, props.itemKey]);
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
      <Button size="small" appearance="secondary" onClick={() => setOpen(true)} aria-label={`${props.label} 记录扣分`}>
        记录扣分…
      </Button>
    );
  }
  const add = () => {
    if (!countOk) return;
    const plan = recordPlan(props.loaded.grids, props.loaded.result, { unit: props.unit, itemKey: props.itemKey, ruleId, count: n, reason: reason.trim(), who: props.who.trim(), date: props.today });
    void props.write('正在记录…', plan, `已记入扣分明细：${props.unit} ${props.label}`).then(() => {
      setReason('');
      setCount('1');
      setOpen(false);
    });
  };
  return (
    <Card appearance="outline" aria-label={`${props.label} 记录扣分`}>
      <Field label="扣分因素">
        <Select value={ruleId} onChange={(_e, d) => setRuleId(d.value)}>
          {rules.map((r) => (
            <option key={r.id} value={r.id}>
              {ruleName(r)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="次数" validationState={countOk ? 'none' : 'error'} validationMessage={countOk ? undefined : '次数应为正整数'}>
        <Input value={count} inputMode="numeric" onChange={(_e, d) => setCount(d.value)} />
      </Field>
      <Field label="原因">
        <Input value={reason} onChange={(_e, d) => setReason(d.value)} />
      </Field>
      <Field label="记录人">
        <Input value={props.who} onChange={(_e, d) => props.onWho(d.value)} />
      </Field>
      <div style={{ display: 'flex', gap: 8 }}>
        <Button appearance="primary" onClick={add} disabled={props.busy || !countOk}>
          添加记录
        </Button>
        <Button onClick={() => setOpen(false)}>取消</Button>
      </div>
    </Card>
  );
}
