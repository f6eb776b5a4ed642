/**
 * Reading an ExcelJS worksheet into a plain grid: cached values for formulas, notes, merges,
 * hidden rows, and how its text prints (Grid.layout).
 */
import ExcelJS from 'exceljs';
import { a1, type CellRange, type CellValue, type Grid, type GridLayout } from '../sheet/grid';
import { areaPoints, columnPointsOf, lineCapacity, overflows } from '../sheet/textFit';

/** One worksheet as a plain grid: cached values for formulas, merges, hidden rows. */
export function readWorksheet(ws: ExcelJS.Worksheet): Grid {
  const rows: CellValue[][] = [];
  const hiddenRows: number[] = [];
  const formulas: Record<string, string> = {};
  const notes: Record<string, string> = {};
  /** Wrapped plain-text cells: row, column, text, font size (kept in the layout when wider than their area). */
  const wrapped: [number, number, string, number][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      values[c] = cellValue(cell);
      if (cell.type === ExcelJS.ValueType.Formula) formulas[a1(r, c)] = cell.formula;
      const note = noteText(cell.note);
      if (note) notes[a1(r, c)] = note;
      if (cell.type !== ExcelJS.ValueType.Merge && typeof cell.value === 'string' && cell.alignment?.wrapText) wrapped.push([r, c, cell.value, cell.font?.size ?? DEFAULT_FONT_SIZE]);
    });
    for (let c = 0; c < values.length; c++) if (values[c] === undefined) values[c] = null;
    rows[r] = values;
  });
  for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = [];
  const merges = mergesOf(ws).map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
  // ExcelJS repeats a merge's value in every cell of it; the grid holds it at the top-left only, as Excel does.
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && c < row.length) row[c] = null;
    }
  }
  return { name: ws.name, rows, merges, hiddenRows, formulas, notes, layout: layoutOf(ws, merges, wrapped) };
}

/** Excel's default font size (等线 / Calibri 11), where a cell names none. */
const DEFAULT_FONT_SIZE = 11;

/**
 * Column widths in points, and the wrapped text cells wider than their cell or merged area — or
 * holding a placeholder {{…}}, whose filled text may be longer — with their font size.
 */
function layoutOf(ws: ExcelJS.Worksheet, merges: CellRange[], wrapped: [number, number, string, number][]): GridLayout {
  const columnPoints: number[] = [];
  for (let c = 1; c <= ws.columnCount; c++) {
    const width = ws.getColumn(c).width;
    if (width !== undefined) columnPoints[c - 1] = columnPointsOf(width);
  }
  const layout: GridLayout = { columnPoints, defaultColumnPoints: columnPointsOf(ws.properties.defaultColWidth ?? 8.43), overflowing: {} };
  const topLeft = new Map(merges.map((m) => [a1(m.top, m.left), m]));
  for (const [r, c, text, size] of wrapped) {
    const merge = topLeft.get(a1(r, c));
    if (text.includes('{{') || overflows(text, lineCapacity(areaPoints(layout, c, merge), size))) layout.overflowing[a1(r, c)] = size;
  }
  return layout;
}

/** A cell's note (批注) as text: ExcelJS gives a string or rich-text runs. */
function noteText(note: ExcelJS.Cell['note'] | undefined): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A sheet's merged ranges, 1-based as ExcelJS keeps them. */
export function mergesOf(ws: ExcelJS.Worksheet): MergeRange[] {
  return Object.values((ws as unknown as { _merges: Record<string, MergeRange> })._merges);
}

function cellValue(cell: ExcelJS.Cell): CellValue {
  const v = cell.value;
  if (cell.type === ExcelJS.ValueType.Formula) {
    // ExcelJS leaves a cached result of 0 out of cell.value; cell.result has it. A date formula
    // (=DATE(2024,5,5)) caches its serial: shown as the date it is, as Excel shows it.
    const result = cell.result as unknown;
    return typeof result === 'number' && isDateFormat(cell.numFmt) ? plain(serialDate(result)) : plain(result);
  }
  if (typeof v === 'number' && isDateFormat(cell.numFmt)) return plain(serialDate(v));
  return plain(v);
}

/** True for a number format that shows a date: yyyy-mm-dd, yyyy"年"m"月"d"日", m/d/yy (quoted text and [..] ignored). */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[yd]/i.test(bare) || /(^|[^a-z])m{1,2}[-/.]/i.test(bare);
}

/** An Excel serial day (1900 system) as a date: 45417 → 2024-05-05. */
function serialDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return `${v.getUTCFullYear()}年${v.getUTCMonth() + 1}月${v.getUTCDate()}日`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('text' in o) return plain(o.text);
    if ('result' in o) return plain(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
  }
  return String(v);
}

