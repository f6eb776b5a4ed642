/** Chinese forms of numbers on official documents: amounts in capitals (壹万元整) and dates in 〇 form. */
import { dec, type Decimal } from './decimal';

const CAPITAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** A whole number in capitals: 10500 → 壹万零伍佰; 0 → 零. */
function capitalInteger(n: bigint): string {
  if (n === 0n) return '零';
  const groups: number[] = [];
  for (let v = n; v > 0n; v /= 10000n) groups.push(Number(v % 10000n));
  let out = '';
  let zeroPending = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g];
    if (group === 0) {
      zeroPending = out !== '';
      continue;
    }
    if (zeroPending || (out !== '' && group < 1000)) out += '零';
    zeroPending = false;
    let inner = '';
    let innerZero = false;
    for (let p = 3; p >= 0; p--) {
      const d = Math.floor(group / 10 ** p) % 10;
      if (d === 0) {
        innerZero = inner !== '';
        continue;
      }
      if (innerZero) inner += '零';
      innerZero = false;
      inner += CAPITAL_DIGITS[d] + SMALL_UNITS[p];
    }
    out += inner + BIG_UNITS[g];
  }
  return out;
}

/**
 * An amount of money in capitals, as a notice states it.
 * capitalAmount(10000) → '壹万元整'; capitalAmount(8000) → '捌仟元整'; capitalAmount(1500.5) → '壹仟伍佰元伍角'
 */
export function capitalAmount(amount: number | Decimal): string {
  const value = dec(amount.toString()).round(2, 1);
  if (value.lt(0)) return `负${capitalAmount(value.abs())}`;
  const fen = BigInt(value.times(100).toFixed(0));
  const yuan = fen / 100n;
  const jiao = Number((fen / 10n) % 10n);
  const cents = Number(fen % 10n);
  let out = yuan > 0n || (jiao === 0 && cents === 0) ? `${capitalInteger(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (jiao > 0) out += `${CAPITAL_DIGITS[jiao]}角`;
  else if (yuan > 0n) out += '零';
  if (cents > 0) out += `${CAPITAL_DIGITS[cents]}分`;
  return out;
}

const DATE_DIGITS = '〇一二三四五六七八九';

/** 1–31 as written in a date: 十, 十二, 二十, 三十一. */
function dateNumber(n: number): string {
  if (n < 10) return DATE_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DATE_DIGITS[tens]}十${ones === 0 ? '' : DATE_DIGITS[ones]}`;
}

/**
 * A date as an official document writes it. GB/T 9704-2012 asks for Arabic numerals; the older
 * form spells it with 〇. formatDate('2024-12-20', 'arabic') → '2024年12月20日';
 * formatDate('2024-12-20', 'chinese') → '二〇二四年十二月二十日'
 */
export function formatDate(iso: string, style: 'arabic' | 'chinese'): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (style === 'arabic') return `${y}年${m}月${d}日`;
  const year = [...String(y)].map((c) => DATE_DIGITS[Number(c)]).join('');
  return `${year}年${dateNumber(m)}月${dateNumber(d)}日`;
}
