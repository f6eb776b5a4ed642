/**
 * A sheet that is a list under one header row: the petition ledger (信访台账) and the
 * deduction log (扣分明细). Columns are found by their names, in any order.
 */
import { labelKey } from '../engine/text';
import type { CellValue, Grid } from './grid';

export interface ColumnSpec<K extends string> {
  key: K;
  /** Header names this column goes by; the first is the one the add-in writes. */
  names: string[];
  required?: boolean;
}

export interface ListLayout<K extends string> {
  headerRow: number;
  columns: Partial<Record<K, number>>;
  /** Data rows below the header, blank rows left out. */
  rows: number[];
}

const HEADER_SCAN_ROWS = 20;

/** A header cell names a column when its key equals a name, or starts with it ('人数(人次)'). */
function columnOf<K extends string>(specs: ColumnSpec<K>[], text: string): K | undefined {
  const key = labelKey(text);
  if (key === '') return undefined;
  const exact = specs.find((s) => s.names.some((n) => labelKey(n) === key));
  if (exact) return exact.key;
  return specs.find((s) => s.names.some((n) => key.startsWith(labelKey(n))))?.key;
}

/**
 * The first row (within the top rows) that holds every required column; null when none does.
 * `missing` lists the required columns of the best candidate, for a message.
 */
export function findListLayout<K extends string>(
  grid: Grid,
  specs: ColumnSpec<K>[],
): { layout: ListLayout<K> | null; missing: K[] } {
  const required = specs.filter((s) => s.required).map((s) => s.key);
  let best: K[] = required;
  for (let r = 0; r < Math.min(grid.rows.length, HEADER_SCAN_ROWS); r++) {
    const columns: Partial<Record<K, number>> = {};
    (grid.rows[r] ?? []).forEach((v, c) => {
      if (typeof v !== 'string') return;
      const key = columnOf(specs, v);
      if (key !== undefined && columns[key] === undefined) columns[key] = c;
    });
    const missing = required.filter((k) => columns[k] === undefined);
    if (missing.length === 0) {
      const rows: number[] = [];
      for (let d = r + 1; d < grid.rows.length; d++) if (!isBlankRow(grid.rows[d])) rows.push(d);
      return { layout: { headerRow: r, columns, rows }, missing: [] };
    }
    if (missing.length < best.length) best = missing;
  }
  return { layout: null, missing: best };
}

function isBlankRow(row: CellValue[] | undefined): boolean {
  return !row || row.every((v) => v === null || (typeof v === 'string' && v.trim() === ''));
}
