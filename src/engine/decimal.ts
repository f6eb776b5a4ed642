/**
 * Exact decimal arithmetic for scores. Every number a user sees passes through here:
 * ten deductions of 0.1 are exactly 1, and 0.1 + 0.2 is 0.3.
 */
import Big from 'big.js';

export type Decimal = Big;

export const ZERO: Decimal = new Big(0);

/** A decimal from a number or a decimal string. dec('4.5'), dec(5) */
export function dec(value: number | string): Decimal {
  return new Big(value);
}

/** Sum of decimals. sum([dec('0.1'), dec('0.2')]).toString() → '0.3' */
export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

export function max(a: Decimal, b: Decimal): Decimal {
  return a.gte(b) ? a : b;
}

export function min(a: Decimal, b: Decimal): Decimal {
  return a.lte(b) ? a : b;
}

/** Rounds half up to two decimals, as totals are shown. round2(dec('94.125')) → 94.13 */
export function round2(value: Decimal): Decimal {
  return value.round(2, Big.roundHalfUp);
}

/** A JSON number for a decimal: the shortest number that reads back as the same decimal. */
export function toNumber(value: Decimal): number {
  return Number(value.toString());
}

/** A decimal as shown in a cell or notice: no exponent, no trailing zeros. show(dec('96.50')) → '96.5' */
export function show(value: Decimal): string {
  return value.toFixed();
}
