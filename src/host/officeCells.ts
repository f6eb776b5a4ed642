/**
 * What goes into cells, as Excel.js takes it: values that keep their type, formulas without the
 * file format's prefixes, and a plan's cells grouped into rectangles so one range write covers many.
 */
import { a1, parseA1 } from '../sheet/grid';

/** A formula as Excel.js takes it: with '=', without the file format's _xlfn./_xlws. prefixes. */
export function formulaText(formula: string): string {
  return `=${formula.replace(/_xl(fn|ws)\./g, '')}`;
}

/**
 * A value as Excel.js takes it, so the cell holds exactly that value: Excel reads text written to a
 * cell as if typed, so '001' would become 1, '=x' a formula, '+1' a number and 'TRUE' a boolean.
 * Such text gets the apostrophe Excel uses to keep text as text (it is not part of the value).
 * null clears the cell. cellInput('001') → "'001", cellInput('张庄村') → '张庄村'
 */
export function cellInput(value: string | number | boolean | null, textFormat = false): string | number | boolean {
  if (value === null) return '';
  if (typeof value !== 'string') return value;
  // A cell formatted as text ('@') keeps what is typed as it is; an apostrophe would be kept in it.
  if (textFormat) return value;
  return /^[=+\-@'#\s]|[0-9０-９]|^(true|false)$/i.test(value) ? `'${value}` : value;
}

/** A plan's cells on a rectangle: cells[r][c], all named by the plan. */
export interface Rectangle<C> {
  address: string;
  rows: number;
  cols: number;
  cells: C[][];
}

export function rectangleOf<C extends { cell: string }>(cell: C): Rectangle<C> {
  return { address: cell.cell, rows: 1, cols: 1, cells: [[cell]] };
}

/**
 * Cells grouped into rectangles that hold only named cells of the same kind (`kind`), so that one
 * range write covers each: runs along a row, then runs of identical column span stacked down.
 * A cell named twice keeps its last write.
 */
export function rectangles<C extends { cell: string }>(cells: C[], kind: (c: C) => string = () => ''): Rectangle<C>[] {
  const at = new Map<string, { row: number; col: number; c: C }>();
  for (const c of cells) {
    const p = parseA1(c.cell);
    at.set(`${p.row}:${p.col}`, { ...p, c });
  }
  const sorted = [...at.values()].sort((x, y) => x.row - y.row || x.col - y.col);
  // Runs along each row.
  const runs: { row: number; left: number; right: number; kind: string; cells: C[] }[] = [];
  for (const x of sorted) {
    const k = kind(x.c);
    const last = runs[runs.length - 1];
    if (last && last.row === x.row && last.right === x.col - 1 && last.kind === k) {
      last.right = x.col;
      last.cells.push(x.c);
    } else runs.push({ row: x.row, left: x.col, right: x.col, kind: k, cells: [x.c] });
  }
  // Runs of the same span and kind in consecutive rows stack into one rectangle.
  const open = new Map<string, { top: number; bottom: number; left: number; right: number; cells: C[][] }>();
  const done: { top: number; bottom: number; left: number; right: number; cells: C[][] }[] = [];
  for (const run of runs) {
    const key = `${run.left}:${run.right}:${run.kind}`;
    const r = open.get(key);
    if (r && r.bottom === run.row - 1) {
      r.bottom = run.row;
      r.cells.push(run.cells);
    } else {
      if (r) done.push(r);
      open.set(key, { top: run.row, bottom: run.row, left: run.left, right: run.right, cells: [run.cells] });
    }
  }
  done.push(...open.values());
  return done
    .sort((x, y) => x.top - y.top || x.left - y.left)
    .map((r) => ({
      address: r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`,
      rows: r.bottom - r.top + 1,
      cols: r.right - r.left + 1,
      cells: r.cells,
    }));
}
