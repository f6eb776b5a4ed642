/** Reading what an assessor typed into an entry cell: 5, ５, 4.5, 5分, +1, －1, a formula's cached value. */
import { dec, type Decimal } from '../engine/decimal';
import { isErrorValue, type CellValue, type Grid } from './grid';
import { fold } from '../engine/text';

export type ParsedValue =
  | { kind: 'blank' }
  | { kind: 'number'; value: Decimal }
  | { kind: 'error'; error: string }
  | { kind: 'text'; text: string };

/** A cell as shown to a person, for messages. */
export function display(v: CellValue): string {
  if (v === null) return '';
  if (isErrorValue(v)) return v.error;
  if (typeof v === 'number') return numberFromCell(v).toFixed();
  return String(v);
}

/**
 * A number stored in a cell as an exact decimal: Excel keeps 15 significant digits,
 * so 0.30000000000000004 from a formula reads as 0.3.
 */
export function numberFromCell(n: number): Decimal {
  if (Number.isSafeInteger(n)) return dec(n);
  return dec(Number(n.toPrecision(15)).toString());
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** parseValue('５分') → 5; parseValue('－1') → -1; parseValue('') → blank; parseValue('好') → text */
export function parseValue(v: CellValue): ParsedValue {
  if (v === null) return { kind: 'blank' };
  if (isErrorValue(v)) return { kind: 'error', error: v.error };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'text', text: String(v) };
    return { kind: 'number', value: numberFromCell(v) };
  }
  if (typeof v === 'boolean') return { kind: 'text', text: v ? 'TRUE' : 'FALSE' };
  const s = fold(v).replace(/[\u2212\u2013\u2014]/g, '-').replace(/\s+/g, '');
  if (s === '') return { kind: 'blank' };
  if (/^#[A-Z0-9/]+[!?]?$/.test(s)) return { kind: 'error', error: s };
  const bare = s.replace(/分$/, '');
  if (NUMBER.test(bare)) return { kind: 'number', value: dec(bare.replace(/^\+/, '')) };
  return { kind: 'text', text: v.trim() };
}

/** What a date looks like in a grid: 2024年5月5日 (how hosts hand over date cells), 2024-05-05, 2024/5/5. */
const DATE = /^\d{4}(年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2})$/;

/**
 * Why an entry cell cannot be read as a score before its value is even looked at: a formula
 * with no cached result (the file was written by a program that does not calculate — reading
 * it as blank would silently count 0), or a date (a cell formatted as a date, or a date typed
 * by mistake — reading its serial 45417 would be nonsense). null when neither.
 */
export function entryProblem(grid: Grid, cell: string, raw: CellValue): { code: 'FORMULA_NO_VALUE' | 'DATE_IN_SCORE'; params: Record<string, string> } | null {
  const formula = grid.formulas?.[cell];
  if (formula !== undefined && (raw === null || raw === '')) return { code: 'FORMULA_NO_VALUE', params: { formula } };
  if (typeof raw === 'string' && DATE.test(raw.trim())) return { code: 'DATE_IN_SCORE', params: { value: raw.trim() } };
  return null;
}

const YES = new Set(['是', '√', '✓', '✔', 'Y', 'YES', '有', '否决', 'TRUE', '1']);
const NO = new Set(['否', '×', '✗', '✘', 'X', 'N', 'NO', '无', '没有', 'FALSE', '0', '/', '-']);

/** 一票否决 entry: 是/√/Y → true, 否/×/N → false, blank → null with blank, else unknown. */
export function parseVeto(v: CellValue): { kind: 'yes' } | { kind: 'no' } | { kind: 'blank' } | { kind: 'unknown' } {
  if (v === null) return { kind: 'blank' };
  if (typeof v === 'boolean') return { kind: v ? 'yes' : 'no' };
  if (isErrorValue(v)) return { kind: 'unknown' };
  const s = fold(String(v)).replace(/\s+/g, '').toUpperCase();
  if (s === '') return { kind: 'blank' };
  if (YES.has(s)) return { kind: 'yes' };
  if (NO.has(s)) return { kind: 'no' };
  return { kind: 'unknown' };
}

const MEASURE_WORD = /(人次|人|批次|批|次|件|起|份|例|项|类|个|样)$/;

/** A count as typed: 3, ３, '3人次' → 3; a negative count comes back for its message; null when not a whole number. */
export function wholeNumber(v: CellValue): number | null {
  const p = parseValue(typeof v === 'string' ? fold(v).trim().replace(MEASURE_WORD, '') : v);
  if (p.kind !== 'number' || !p.value.eq(p.value.round(0, 0))) return null;
  return p.value.toNumber();
}
