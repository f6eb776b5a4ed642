/**
 * One column band of a sheet as if it stood alone: cells outside [left, right] read as blank and
 * merges are cut to the band (a title merged across two tables side by side belongs to both).
 * Addresses stay those of the sheet.
 */
import { MergedView, type CellRange, type CellValue, type Grid } from '../grid';

const cache = new WeakMap<Grid, Map<string, MergedView>>();

export function maskedView(grid: Grid, left: number, right: number): MergedView {
  const key = `${left}:${right}`;
  let views = cache.get(grid);
  if (!views) cache.set(grid, (views = new Map()));
  const found = views.get(key);
  if (found) return found;
  const inside = (c: number) => c >= left && c <= right;
  const rows: CellValue[][] = grid.rows.map((row) => row.map((v, c) => (inside(c) ? v : null)));
  const merges: CellRange[] = [];
  for (const m of grid.merges) {
    if (m.right < left || m.left > right) continue;
    const cut = { ...m, left: Math.max(m.left, left), right: Math.min(m.right, right) };
    // A merge begun left of the band: its value moves to the band's first cell of it.
    if (cut.left !== m.left) {
      const row = rows[m.top] ?? (rows[m.top] = []);
      row[cut.left] = grid.rows[m.top]?.[m.left] ?? null;
    }
    merges.push(cut);
  }
  const view = new MergedView({ ...grid, rows, merges });
  views.set(key, view);
  return view;
}
