/**
 * Formulas over a unit's entry cells that judge them as the engine does, so a generated sheet
 * follows a correction made in Excel or LibreOffice: the sum of the valid entries (an entry
 * outside [0, 分值] or text counts 0, as in the engine), how many entries are wrong (shown as
 * 「填写错误」, never replaced by a constant) and how many are blank. A cell the engine reads
 * differently from a spreadsheet (text such as “5分” or “５”, or a value the records decided over
 * a differing typed one) enters as the engine's number: it is not an error to correct.
 */
import type { Decimal } from '../../engine/decimal';
import type { AdjustmentRule, Entry, Item } from '../../engine/model';
import { sheetRef } from './common';

/** The marker a generated cell shows while an entry it depends on is wrong. */
export const WRONG = '填写错误';

/** True when the cell holds a number on its sheet (so a formula may reference it). */
export type IsNumberCell = (sheet: string, cell: string) => boolean;

/** Valid bounds of one entry: [0, 分值] for an item; by kind and cap for an adjustment. */
interface Bounds {
  min: Decimal | null;
  max: Decimal | null;
}

export interface EntryFormulas {
  /** Sum of the valid entries: SUMIFS('张庄村'!E4:E7,'张庄村'!E4:E7,">=0",…)+5 */
  sum: string;
  /** Count of wrong entries, or null when none is referenced. */
  wrong: string | null;
  /** Count of blank entries, or null when none is referenced. */
  blank: string | null;
}

export const itemBounds = (item: Item): Bounds => ({ min: null, max: item.points });

export function adjustmentBounds(rule: AdjustmentRule): Bounds {
  const cap = rule.cap;
  return {
    min: rule.kind === 'bonus' ? null : cap ? cap.neg() : null,
    max: rule.kind === 'deduction' ? null : cap,
  };
}

/** Whether a formula references the entry's cell (true) or takes the engine's number (false). */
export function isReferenced(sheet: string, e: Entry, isNumberCell: IsNumberCell): boolean {
  if (e.status === 'blank') return true; // a value computed from the records is written into it
  const sameNumber = e.status === 'ok' && e.value !== null && isNumberCell(sheet, e.cell) && e.raw === e.value.toFixed();
  if (e.computed) return e.raw === '' || sameNumber;
  return e.status === 'invalid' || sameNumber;
}

/**
 * The formulas for a group of entries. `items`: true when a blank entry is 未评分 (an item),
 * false when it means 0 (an adjustment). For items the lower bound is always 0.
 */
export function entryFormulas(sheet: string, entries: Entry[], bounds: Bounds[], isNumberCell: IsNumberCell, items: boolean): EntryFormulas {
  const literals: string[] = [];
  const groups: { cells: string[]; bounds: Bounds }[] = [];
  entries.forEach((e, i) => {
    if (!isReferenced(sheet, e, isNumberCell)) {
      literals.push(e.status === 'ok' && e.value ? e.value.toFixed() : '0');
      return;
    }
    const b = items ? { min: null, max: bounds[i].max } : bounds[i];
    const last = groups[groups.length - 1];
    const prev = last?.cells[last.cells.length - 1];
    if (last && prev && follows(prev, e.cell) && same(last.bounds, b)) last.cells.push(e.cell);
    else groups.push({ cells: [e.cell], bounds: b });
  });
  const sums: string[] = [];
  const wrongs: string[] = [];
  const blanks: string[] = [];
  for (const g of groups) {
    const r = sheetRef(sheet, g.cells.length === 1 ? g.cells[0] : `${g.cells[0]}:${g.cells[g.cells.length - 1]}`);
    const criteria = [
      items ? `${r},">=0"` : g.bounds.min ? `${r},">=${g.bounds.min.toFixed()}"` : '',
      g.bounds.max ? `${r},"<=${g.bounds.max.toFixed()}"` : '',
    ].filter(Boolean);
    sums.push(criteria.length ? `SUMIFS(${r},${criteria.join(',')})` : `SUM(${r})`);
    wrongs.push(criteria.length ? `COUNTA(${r})-COUNTIFS(${criteria.join(',')})` : `COUNTA(${r})-COUNT(${r})`);
    if (items) blanks.push(`COUNTBLANK(${r})`);
  }
  const all = [...sums, ...literals];
  return {
    sum: all.length === 0 ? '0' : all.join('+'),
    wrong: wrongs.length ? wrongs.join('+') : null,
    blank: blanks.length ? blanks.join('+') : null,
  };
}

/** E7 follows E6 (same column, next row). */
function follows(a: string, b: string): boolean {
  const x = /^([A-Z]+)(\d+)$/.exec(a);
  const y = /^([A-Z]+)(\d+)$/.exec(b);
  return !!x && !!y && x[1] === y[1] && Number(y[2]) === Number(x[2]) + 1;
}

function same(a: Bounds, b: Bounds): boolean {
  const eq = (x: Decimal | null, y: Decimal | null) => (x === null ? y === null : y !== null && x.eq(y));
  return eq(a.min, b.min) && eq(a.max, b.max);
}
