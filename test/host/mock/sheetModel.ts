/**
 * The fake workbook's sheet model (test/host/mockWorkbook.ts): what a sheet holds (cells with their
 * values, formulas, formats; merges, hidden rows, widths, page layout, charts, notes), and the
 * plain functions over it — a sheet from a grid and back, the used range, what Excel returns for a
 * range, formats set on a range, text taken as if typed, A1 addresses.
 */
import { a1, columnLetters, parseA1, type CellRange, type CellValue, type Grid } from '../../../src/sheet/grid';

export const MERGED_AREAS_LIMIT = 512;
const LAST_ROW = 1048575;
const LAST_COL = 16383;

export interface MockCell {
  value: CellValue;
  /** Without '='. */
  formula?: string;
  numFmt?: string;
  /** Format properties set through the API: 'font.bold' → true, 'borders.getItem(EdgeTop).style' → 'Continuous'. */
  style?: Record<string, unknown>;
}

export interface MockSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** A1 → cell. */
  cells: Map<string, MockCell>;
  merges: CellRange[];
  hiddenRows: Set<number>;
  /** 0-based column → points. */
  columnWidths: Map<number, number>;
  /** 0-based row → points. */
  rowHeights: Map<number, number>;
  /** Page layout as set: 'orientation' → 'Landscape', 'printArea' → 'A1:C2' … */
  page: Record<string, unknown>;
  /** Each chart: what was set and called on it. */
  charts: Record<string, unknown>[];
  /** A1 → note text. */
  notes: Map<string, string>;
}

export function safeName(s: () => MockSheet): string {
  try {
    return s().name;
  } catch {
    return '?';
  }
}

export function fromGrid(g: Grid, visibility: MockSheet['visibility']): MockSheet {
  const s = emptySheet(g.name);
  s.visibility = visibility;
  g.rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && s.cells.set(a1(r, c), { value: v })));
  for (const [address, formula] of Object.entries(g.formulas ?? {})) cellAt(s, address).formula = formula;
  s.merges = g.merges.map((m) => ({ ...m }));
  s.hiddenRows = new Set(g.hiddenRows);
  for (const [address, note] of Object.entries(g.notes ?? {})) s.notes.set(address, note);
  return s;
}

export function emptySheet(name: string): MockSheet {
  return { name, visibility: 'Visible', cells: new Map(), merges: [], hiddenRows: new Set(), columnWidths: new Map(), rowHeights: new Map(), page: {}, charts: [], notes: new Map() };
}

export function clone(s: MockSheet, name: string): MockSheet {
  return {
    ...s,
    name,
    cells: new Map([...s.cells].map(([k, c]) => [k, { ...c, style: c.style && { ...c.style } }])),
    merges: s.merges.map((m) => ({ ...m })),
    hiddenRows: new Set(s.hiddenRows),
    columnWidths: new Map(s.columnWidths),
    rowHeights: new Map(s.rowHeights),
    page: { ...s.page },
    charts: [],
    notes: new Map(s.notes),
  };
}

export function cellAt(s: MockSheet, address: string): MockCell {
  let c = s.cells.get(address);
  if (!c) s.cells.set(address, (c = { value: null }));
  return c;
}

/** Drops a cell that holds nothing any more. */
export function tidy(s: MockSheet, address: string): void {
  const c = s.cells.get(address);
  if (c && c.value === null && c.formula === undefined && c.numFmt === undefined && !c.style) s.cells.delete(address);
}

export function toGrid(s: MockSheet): Grid {
  const rows: CellValue[][] = [];
  const formulas: Record<string, string> = {};
  for (const [address, c] of s.cells) {
    const { row, col } = parseA1(address);
    if (c.formula !== undefined) formulas[address] = c.formula;
    if (c.value === null) continue;
    while (rows.length <= row) rows.push([]);
    while (rows[row].length < col) rows[row].push(null);
    rows[row][col] = c.value;
  }
  return { name: s.name, rows, merges: s.merges.map((m) => ({ ...m })), hiddenRows: [...s.hiddenRows].sort((a, b) => a - b), formulas };
}

export function usedRange(s: MockSheet, valuesOnly: boolean): CellRange | null {
  let r: CellRange | null = null;
  for (const [address, c] of s.cells) {
    if (valuesOnly && c.value === null && c.formula === undefined) continue;
    const { row, col } = parseA1(address);
    r = r ? { top: Math.min(r.top, row), left: Math.min(r.left, col), bottom: Math.max(r.bottom, row), right: Math.max(r.right, col) } : { top: row, left: col, bottom: row, right: col };
  }
  return r;
}

/** What Excel returns for a range: values, formulas, value types, its place, and whether its rows are hidden. */
export function snapshot(s: MockSheet, r: CellRange): Record<string, unknown> {
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  if (rows * cols > 5_000_000) throw new Error('the fake reads at most 5,000,000 cells at once');
  const values: unknown[][] = [];
  const formulas: unknown[][] = [];
  const valueTypes: string[][] = [];
  const numberFormat: string[][] = [];
  for (let i = r.top; i <= r.bottom; i++) {
    const vr: unknown[] = [];
    const fr: unknown[] = [];
    const tr: string[] = [];
    const nr: string[] = [];
    for (let j = r.left; j <= r.right; j++) {
      const c = s.cells.get(a1(i, j));
      const v = c?.value ?? null;
      const error = typeof v === 'object' && v !== null ? v.error : undefined;
      const plain = v === null ? '' : error ?? v;
      vr.push(plain);
      fr.push(c?.formula !== undefined ? `=${c.formula}` : plain);
      tr.push(v === null ? 'Empty' : error ? 'Error' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String');
      nr.push(c?.numFmt ?? 'General');
    }
    values.push(vr);
    formulas.push(fr);
    valueTypes.push(tr);
    numberFormat.push(nr);
  }
  let hidden = 0;
  for (let i = r.top; i <= r.bottom; i++) if (s.hiddenRows.has(i)) hidden++;
  return {
    address: `${quoted(s.name)}!${rangeAddress(r)}`,
    rowIndex: r.top,
    columnIndex: r.left,
    rowCount: rows,
    columnCount: cols,
    values,
    formulas,
    valueTypes,
    numberFormat,
    rowHidden: hidden === 0 ? false : hidden === rows ? true : null,
  };
}

/** Format properties set on a range: widths and heights on its columns and rows, the rest on each cell. */
export function formatRange(s: MockSheet, r: CellRange, path: string, value: unknown): void {
  if (path === 'columnWidth') {
    for (let c = r.left; c <= r.right; c++) s.columnWidths.set(c, value as number);
    return;
  }
  if (path === 'rowHeight') {
    for (let row = r.top; row <= Math.min(r.bottom, r.top + 10_000); row++) s.rowHeights.set(row, value as number);
    return;
  }
  if (path === 'rowHidden') {
    for (let row = r.top; row <= r.bottom; row++) if (value) s.hiddenRows.add(row);
    else s.hiddenRows.delete(row);
    return;
  }
  if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > 1_000_000) throw new Error(`the fake formats at most 1,000,000 cells at once (${path})`);
  for (let i = r.top; i <= r.bottom; i++) {
    for (let j = r.left; j <= r.right; j++) {
      const c = cellAt(s, a1(i, j));
      c.style = { ...c.style, [path]: value };
    }
  }
}

const ERRORS = new Set(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NULL!', '#NUM!']);

/** A value written as Excel takes it: as if typed. undefined: the cell is left as it is (a null in the array). */
export function asTyped(v: unknown): { value: CellValue; formula?: string } | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  const s = String(v);
  if (s === '') return { value: null };
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (s.startsWith('=') && s.length > 1) return { value: null, formula: s.slice(1) };
  if (/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(s)) return { value: Number(s) };
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === 'true' };
  if (ERRORS.has(s.toUpperCase())) return { value: { error: s.toUpperCase() } };
  return { value: s };
}

export function parseAddress(address: string): CellRange {
  const ref = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '').toUpperCase();
  const [from, to = from] = ref.split(':');
  const end = (x: string, first: boolean) => {
    if (/^[A-Z]+$/.test(x)) return { row: first ? 0 : LAST_ROW, col: parseA1(`${x}1`).col };
    if (/^\d+$/.test(x)) return { row: Number(x) - 1, col: first ? 0 : LAST_COL };
    return parseA1(x);
  };
  const a = end(from, true);
  const b = end(to, false);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

export function rangeAddress(r: CellRange): string {
  if (r.top === 0 && r.bottom === LAST_ROW) return `${columnLetters(r.left)}:${columnLetters(r.right)}`;
  if (r.left === 0 && r.right === LAST_COL) return `${r.top + 1}:${r.bottom + 1}`;
  const from = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? from : `${from}:${a1(r.bottom, r.right)}`;
}

export function quoted(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function validName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

/** UTF-8 bytes of a value's JSON. */
export function bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}
