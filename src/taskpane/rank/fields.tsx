/**
 * The small typed fields of 计算排名's settings. Each keeps what is typed as text (Backspace leaves
 * it empty, never 0 at once), passes on only a valid value, and says what is wrong under itself;
 * `onValid` tells the tab, which does not write while any field is wrong.
 */
import * as React from 'react';
import { Field, Input, makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  number: { width: '7em', '& input': { textAlign: 'right' } },
  wide: { width: '100%', minWidth: 0 },
});

/** Which fields are wrong, by id: `track(id)` is the field's onValid. */
export function useInvalidFields(): { invalid: number; track: (id: string) => (ok: boolean) => void } {
  const [bad, setBad] = React.useState<ReadonlySet<string>>(new Set());
  const track = React.useCallback(
    (id: string) => (ok: boolean) =>
      setBad((old) => {
        if (ok !== old.has(id)) return old;
        const next = new Set(old);
        if (ok) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  return { invalid: bad.size, track };
}

interface TextFieldProps<T> {
  label: string;
  hint?: string;
  value: T;
  show: (value: T) => string;
  /** The value of a text, or a message saying what is wrong with it. */
  parse: (text: string) => { value: T } | { wrong: string };
  onChange: (value: T) => void;
  onValid?: (ok: boolean) => void;
  numeric?: boolean;
  placeholder?: string;
}

function TypedField<T>(props: TextFieldProps<T>): React.JSX.Element {
  const styles = useStyles();
  const [text, setText] = React.useState(() => props.show(props.value));
  const parsed = props.parse(text.trim());
  const wrong = 'wrong' in parsed ? parsed.wrong : null;
  const { onValid } = props;
  React.useEffect(() => onValid?.(wrong === null), [onValid, wrong]);
  return (
    <Field label={props.label} hint={props.hint} validationState={wrong ? 'error' : 'none'} validationMessage={wrong ?? undefined}>
      <Input
        className={props.numeric ? styles.number : styles.wide}
        value={text}
        placeholder={props.placeholder}
        inputMode={props.numeric ? 'decimal' : undefined}
        onChange={(_e, d) => {
          setText(d.value);
          const p = props.parse(d.value.trim());
          if ('value' in p) props.onChange(p.value);
        }}
      />
    </Field>
  );
}

type Base<T> = Omit<TextFieldProps<T>, 'show' | 'parse'>;

/** A whole number of units (表扬前几名): 0 to 99; blank counts as 0. */
export function CountField(props: Base<number>): React.JSX.Element {
  return <TypedField<number> {...props} numeric show={String} parse={(t) => (/^\d{0,2}$/.test(t) ? { value: Number(t || 0) } : { wrong: '请填写 0 到 99 的整数' })} />;
}

/** An amount in 元 (at most two decimals); blank counts as 0. */
export function MoneyField(props: Base<number>): React.JSX.Element {
  return <TypedField<number> {...props} numeric show={String} parse={parseMoney} />;
}

/** A score such as 98 or 97.5. */
export function ScoreField(props: Base<number>): React.JSX.Element {
  return <TypedField<number> {...props} numeric show={String} parse={(t) => (/^\d{1,3}(\.\d{1,2})?$/.test(t) ? { value: Number(t) } : { wrong: '请填写分数，如 98' })} />;
}

/** Free text (主送机关, 发文字号 …); `required` refuses a blank one. */
export function TextField(props: Base<string> & { required?: boolean }): React.JSX.Element {
  return <TypedField<string> {...props} show={(v) => v} parse={(t) => (props.required && t === '' ? { wrong: `请填写${props.label}` } : { value: t })} />;
}

/** Names separated by 、 (or ，/,): 片长、点长、村书记. */
export function NamesField(props: Base<string[]>): React.JSX.Element {
  return <TypedField<string[]> {...props} show={(v) => v.join('、')} parse={(t) => ({ value: splitList(t) })} />;
}

/** Amounts separated by 、: 10000、8000、6000 (the first place's first). */
export function AmountsField(props: Base<number[]>): React.JSX.Element {
  return (
    <TypedField<number[]>
      {...props}
      show={(v) => v.join('、')}
      parse={(t) => {
        const parts = splitList(t).map(parseMoney);
        const bad = parts.find((p) => 'wrong' in p);
        return bad && 'wrong' in bad ? { wrong: '请填写金额，用“、”分隔，如 10000、8000、6000' } : { value: parts.map((p) => ('value' in p ? p.value : 0)) };
      }}
    />
  );
}

/** 成文日期 as YYYY-MM-DD text (a date picker would show the browser's own format, e.g. 12/25/2024). */
export function DateField(props: Base<string | null>): React.JSX.Element {
  return (
    <TypedField<string | null>
      {...props}
      placeholder="2024-12-20"
      show={(v) => v ?? ''}
      parse={(t) => (t === '' ? { value: null } : /^\d{4}-\d{2}-\d{2}$/.test(t) && !Number.isNaN(Date.parse(t)) ? { value: t } : { wrong: '请按 2024-12-20 的格式填写' })}
    />
  );
}

function parseMoney(t: string): { value: number } | { wrong: string } {
  if (t === '') return { value: 0 };
  return /^\d{1,9}(\.\d{1,2})?$/.test(t) ? { value: Number(t) } : { wrong: '请填写金额（元），如 1000' };
}

function splitList(t: string): string[] {
  return t
    .split(/[、，,；;\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}
