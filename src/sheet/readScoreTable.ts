/**
 * The reader: turns one worksheet's grid into score tables (评分表): the scheme, one unit's
 * entries with their cell addresses, and diagnostics. Pure: no host, no file system.
 *
 * Each layout clerks keep lives in its own file under layouts/ (the per-unit table of seed 003,
 * the matrix of a row per unit); the registry (layouts/index.ts) tries them in order. This file
 * adds one thing on top: a sheet laid out exactly as one read before (the next unit's copy of the
 * table) is read by its unit's part alone.
 */
import type { Diagnostic } from '../engine/diagnostics';
import { isErrorValue, MergedView, type CellRange, type CellValue, type Grid } from './grid';
import { isBlank } from './layouts/cellText';
import { headerRole } from './layouts/headerWords';
import { readLayouts } from './layouts';
import { readUnit, type ReadOptions, type TableLayout } from './layouts/perUnitTable';
import { entryOrigin } from './layouts/unitEntries';
import type { SheetReading } from './scoreTable';

export type { ScoreTable, SheetReading, Columns } from './scoreTable';
export { headerRole, type Role } from './layouts/headerWords';
export { pointsInTitle } from './layouts/cellText';
export type { ReadOptions } from './layouts/perUnitTable';

/**
 * A sheet read in full, kept so that a sheet of the same layout (the next unit's copy of the
 * table) is read by its unit's part alone. Only a sheet holding exactly one table is kept.
 */
export interface LayoutMemo {
  grid: Grid;
  layout: TableLayout;
  /** 'r:c' of the cells that may differ: the entries, the veto and the total. */
  unitCells: Set<string>;
}

/**
 * Reads every score table on a sheet. A sheet without one comes back with `skippedBecause`.
 * With `layouts`, a sheet laid out exactly as one of those (same cells everywhere but the label rows
 * and the entry cells, same merges and hidden rows) is read by its unit's part only; the result
 * is the same as reading it in full.
 */
export function readScoreTables(grid: Grid, layouts: readonly LayoutMemo[] = [], options: ReadOptions = {}): SheetReading & { memo?: LayoutMemo } {
  const like = layouts.find((m) => sameLayout(m, grid));
  if (like) {
    const diagnostics: Diagnostic[] = [];
    const table = readUnit(new MergedView(grid), like.layout, diagnostics);
    return { tables: [table], diagnostics, skippedBecause: null, memo: like };
  }
  const reading = readLayouts(grid, options);
  if (!reading.memo) return { tables: reading.tables, diagnostics: reading.diagnostics, skippedBecause: reading.skippedBecause };
  const layout = reading.memo;
  const unitCells = new Set<string>();
  const add = ([r, c]: [number, number]) => unitCells.add(`${r}:${c}`);
  layout.itemCells.flat().forEach(add);
  layout.adjustmentCells.forEach(add);
  const entryCol = layout.columns.entry as number;
  if (layout.vetoRow !== null) add([layout.vetoRow, entryCol]);
  if (layout.totalRow !== null) add(entryOrigin(new MergedView(grid), layout.totalRow, entryCol));
  return { tables: reading.tables, diagnostics: reading.diagnostics, skippedBecause: null, memo: { grid, layout, unitCells } };
}

const sameValue = (a: CellValue, b: CellValue) =>
  a === b || (isErrorValue(a) && isErrorValue(b) && a.error === b.error);

/**
 * True when `grid` is laid out as the remembered sheet: same merges and hidden rows; the same
 * cells except in the label rows above the header (where no header word may differ) and the
 * unit's cells (which must agree in being blank or not, as the reader's layout depends on it).
 */
function sameLayout(memo: LayoutMemo, grid: Grid): boolean {
  const ref = memo.grid;
  if (grid.kind === 'chart' || ref.rows.length !== grid.rows.length) return false;
  if (ref.hiddenRows.join() !== grid.hiddenRows.join()) return false;
  const key = (m: CellRange) => `${m.top},${m.left},${m.bottom},${m.right}`;
  const refMerges = new Set(ref.merges.map(key));
  if (refMerges.size !== grid.merges.length || grid.merges.some((m) => !refMerges.has(key(m)))) return false;
  const { headerRow } = memo.layout;
  for (let r = 0; r < grid.rows.length; r++) {
    const a = ref.rows[r] ?? [];
    const b = grid.rows[r] ?? [];
    const width = Math.max(a.length, b.length);
    for (let c = 0; c < width; c++) {
      const x = a[c] ?? null;
      const y = b[c] ?? null;
      if (sameValue(x, y)) continue;
      if (r < headerRow) {
        if ((typeof x === 'string' && headerRole(x)) || (typeof y === 'string' && headerRole(y))) return false;
        continue;
      }
      if (!memo.unitCells.has(`${r}:${c}`) || isBlank(x) !== isBlank(y)) return false;
    }
  }
  return true;
}
