/**
 * An item's score: typed freely (５, 4.5, 5分 are understood), checked as typed, ↑/↓ step by one
 * point within [0, points]. A text field with the spin button's role, so a value that cannot be
 * saved stays visible with its reason instead of being cleared by the browser. Its content is
 * selected when it takes focus, so typing replaces it.
 */
import * as React from 'react';
import { Input, type InputProps } from '@fluentui/react-components';
import { checkItem } from '../../app/onSite';
import { dec, toNumber, type Decimal } from '../../engine/decimal';
import { parseValue } from '../../sheet/entry';

export interface ScoreInputProps {
  cell: string;
  value: string;
  max: Decimal;
  ariaLabel: string;
  className: string;
  /** The item's key ('0.3'): the form's keyboard model finds the item's reason and record form by it. */
  item: string;
  onValue: (v: string) => void;
}

export function ScoreInput(props: ScoreInputProps): React.JSX.Element {
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
      data-kaohe-step="score"
      data-kaohe-item={props.item}
      aria-label={props.ariaLabel}
      onKeyDown={onKeyDown}
      onFocus={(e) => e.target.select()}
      onChange={(_e, d) => props.onValue(d.value)}
    />
  );
}
