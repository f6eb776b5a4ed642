/**
 * 记录扣分 (记录加分 on a bonus line): one occurrence against a rule of the item — rule, count,
 * reason, who — appended to 扣分明细 at once (not waiting for 保存), and the item's score set to
 * what the rules now give. Opened from the item by its link or Alt+J in the item's fields; Esc
 * closes it. The form says beforehand when it would replace a score typed and not yet saved. While it
 * is open the item shows no other reason field: the record's reason starts from the item's.
 */
import * as React from 'react';
import { Button, Caption1, Card, Field, Input, Select, Text } from '@fluentui/react-components';
import { recordableRules, recordPlan } from '../../app/onSite';
import { compileScheme, ruleName, type Deduction } from '../../engine/deductions';
import { RULE_EFFECTS } from '../../engine/rules/rule';
import type { Loaded, Write } from '../usePane';
import { useEntryStyles } from './styles';

export interface RecordFormProps {
  loaded: Loaded;
  busy: boolean;
  today: string;
  write: Write;
  unit: string;
  itemKey: string;
  label: string;
  /** 'bonus' for a 加分 line: the form says 加分 instead of 扣分. */
  bonus: boolean;
  who: string;
  onWho: (who: string) => void;
  /** The item's records so far (a rule counted once cannot be recorded twice). */
  existing: Deduction[];
  /** The item's reason as it stands (typed or written): the record's reason starts from it, the one reason field the item shows while the form is open. */
  reason: string;
  /** A score typed for this item and not saved, which recording would replace. */
  unsavedScore: string | null;
  /** Called just before the record is written: the unsaved score it replaces is given up. */
  onAdding?: () => void;
  /** Closed: by 取消/Esc (`added` false) or after the record was written. */
  onClose: (added: boolean) => void;
}

/** The recordable rules of an item (none: the item has nothing to record on site). */
export function useRecordableRules(loaded: Loaded, itemKey: string) {
  const scheme = loaded.result.assessment.scheme;
  // With a case register, rules scored from it (到期不能按时结案的) are not recorded by hand.
  const register = loaded.result.cases !== null;
  return React.useMemo(() => {
    const item = scheme ? compileScheme(scheme).find((it) => it.key === itemKey) : undefined;
    return item ? recordableRules(item, register) : [];
  }, [scheme, itemKey, register]);
}

export function RecordForm(props: RecordFormProps): React.JSX.Element | null {
  const styles = useEntryStyles();
  const rules = useRecordableRules(props.loaded, props.itemKey);
  const [ruleId, setRuleId] = React.useState(rules[0]?.id ?? '');
  const [count, setCount] = React.useState('1');
  const [reason, setReason] = React.useState(props.reason);
  const first = React.useRef<HTMLSelectElement>(null);
  React.useEffect(() => first.current?.focus(), []);
  const rule = rules.find((r) => r.id === ruleId);
  if (!rule) return null;
  const once = RULE_EFFECTS[rule.kind].once;
  const taken = once && props.existing.some((d) => d.rule === rule.sourceText || d.rule === ruleName(rule));
  const n = once ? 1 : /^\d{1,3}$/.test(count.trim()) ? Number(count.trim()) : NaN;
  const countOk = Number.isInteger(n) && n >= 1;
  const word = props.bonus ? '加分' : '扣分';
  const ready = countOk && !taken;

  const add = () => {
    if (!ready || props.busy) return;
    const { grids, result } = props.loaded;
    props.onAdding?.();
    const record = { unit: props.unit, itemKey: props.itemKey, ruleId, count: n, reason: reason.trim(), who: props.who.trim(), date: props.today };
    void props
      .write('正在记录…', () => recordPlan(grids, result, record), `已记入扣分明细：${props.unit} ${props.label}`, '本项得分已按扣分因素重算。', `record:${props.itemKey}`)
      .then((outcome) => {
        if (outcome) props.onClose(true);
      });
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onClose(false);
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && (e.target as HTMLElement).tagName === 'INPUT') {
      e.preventDefault();
      e.stopPropagation();
      add();
    }
  };
  return (
    <Card appearance="outline" role="group" aria-label={`${props.label} 记录${word}`} className={styles.card} onKeyDown={onKeyDown}>
      <Caption1>记一条{word}记录到“扣分明细”工作表，立即写入，并按{word}因素重算本项得分。Enter 添加，Esc 取消。</Caption1>
      {props.unsavedScore !== null && (
        <Text className={styles.warning}>本项填写的得分 {props.unsavedScore || '（空）'} 尚未保存，添加记录后将按记录重算并取代它。</Text>
      )}
      <Field label={`${word}因素`}>
        <Select ref={first} className={styles.full} size="large" value={ruleId} onChange={(_e, d) => setRuleId(d.value)}>
          {rules.map((r) => (
            <option key={r.id} value={r.id}>
              {ruleName(r)}
            </option>
          ))}
        </Select>
      </Field>
      {taken && <Text className={styles.error}>这一条只计一次，已经记录过了；如需更正，请在“扣分明细”工作表中修改那一行。</Text>}
      {!once && (
        <Field label="次数" validationState={countOk ? 'none' : 'error'} validationMessage={countOk ? undefined : '次数应为 1 到 999 的整数'}>
          <Input className={styles.score} size="large" value={count} inputMode="numeric" onChange={(_e, d) => setCount(d.value)} />
        </Field>
      )}
      <Field label="本条记录的原因（写入扣分明细）">
        <Input className={styles.full} size="large" value={reason} onChange={(_e, d) => setReason(d.value)} />
      </Field>
      <Field label="记录人">
        <Input className={styles.full} size="large" value={props.who} onChange={(_e, d) => props.onWho(d.value)} />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" size="large" onClick={add} disabledFocusable={props.busy || !ready}>
          添加记录
        </Button>
        <Button size="large" onClick={() => props.onClose(false)}>
          取消
        </Button>
      </div>
    </Card>
  );
}
