/**
 * A plain grid: what a host reads from one worksheet and what the reader works on.
 * No Office.js, no ExcelJS: rows of plain values, merged ranges and hidden rows.
 */

/** An Excel error value such as #REF! or #VALUE!, kept apart from text. */
export interface ErrorValue {
  error: string;
}

export type CellValue = string | number | boolean | null | ErrorValue;

/** A rectangle of cells, 0-based and inclusive on every side. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** The worksheet's name (工作表名). */
  name: string;
  /** rows[r][c], 0-based. Formula cells hold their cached result. Rows may be ragged. */
  rows: CellValue[][];
  merges: CellRange[];
  /** 0-based indexes of hidden rows. */
  hiddenRows: number[];
  /** A1 address → formula text (without '='), for cells that hold a formula. */
  formulas?: Record<string, string>;
  /** A1 address → the cell's note (批注), where the host reads notes; absent when it does not. */
  notes?: Record<string, string>;
  /** 'chart' for a chart sheet, which holds no cells. */
  kind?: 'worksheet' | 'chart';
  /** How text prints, where the host reads it (the .xlsx host does; Excel's pane does not): see GridLayout. */
  layout?: GridLayout;
}

/**
 * What a host tells about how a sheet's text prints: column widths, and the wrapped text cells
 * whose text is wider than their cell (or merged area) with their font size. A sheet filled from
 * a template breaks those texts by the Chinese rules (sheet/textFit.ts).
 */
export interface GridLayout {
  /** Column index → width in points; a missing entry is `defaultColumnPoints`. */
  columnPoints: number[];
  defaultColumnPoints: number;
  /** A1 address → font size in points, for the wrapped text cells wider than their area. */
  overflowing: Record<string, number>;
}

export function isErrorValue(v: CellValue): v is ErrorValue {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** Column index → letters. columnLetters(0) → 'A', columnLetters(27) → 'AB' */
export function columnLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row and column → A1 address. a1(3, 4) → 'E4' */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A1 address → 0-based row and column. parseA1('E4') → { row: 3, col: 4 } */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.toUpperCase());
  if (!m) throw new Error(`not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** 'A1:C3' → a 0-based range. */
export function parseRange(ref: string): CellRange {
  const [from, to = from] = ref.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Builds a grid from inline rows, for tests and fixtures: grid([['考核内容', …], …], { merges: ['A2:A5'] }) */
export function grid(
  rows: CellValue[][],
  options: { name?: string; merges?: string[]; hiddenRows?: number[]; formulas?: Record<string, string> } = {},
): Grid {
  return {
    name: options.name ?? 'Sheet1',
    rows,
    merges: (options.merges ?? []).map(parseRange),
    hiddenRows: options.hiddenRows ?? [],
    formulas: options.formulas,
  };
}

/**
 * A view of a grid where every cell of a merged range reads as the range's top-left value,
 * and where one can ask which merged range a cell belongs to.
 */
export class MergedView {
  private readonly owner = new Map<number, CellRange>();
  readonly rowCount: number;
  readonly colCount: number;

  constructor(readonly grid: Grid) {
    this.rowCount = grid.rows.length;
    let cols = 0;
    for (const row of grid.rows) cols = Math.max(cols, row.length);
    this.colCount = cols;
    for (const m of grid.merges) {
      // Clip merges to the used area: a merge over a whole empty column must not cost a million cells.
      const bottom = Math.min(m.bottom, this.rowCount - 1);
      const right = Math.min(m.right, this.colCount - 1);
      for (let r = m.top; r <= bottom; r++) {
        for (let c = m.left; c <= right; c++) this.owner.set(this.key(r, c), m);
      }
    }
  }

  private key(row: number, col: number): number {
    return row * 16384 + col;
  }

  /** The merged range that holds the cell, if any. */
  mergeAt(row: number, col: number): CellRange | undefined {
    return this.owner.get(this.key(row, col));
  }

  /** The value as a reader sees it: a merged cell reads as its top-left cell. */
  value(row: number, col: number): CellValue {
    const m = this.mergeAt(row, col);
    if (m) return this.raw(m.top, m.left);
    return this.raw(row, col);
  }

  /**
   * The value stored in the cell itself: null inside a merge, except at its top-left. Hosts
   * differ here (ExcelJS repeats the top-left value in every merged cell, Office.js leaves them
   * empty), so the view enforces it rather than trusting the grid.
   */
  raw(row: number, col: number): CellValue {
    if (this.isMergeContinuation(row, col)) return null;
    return this.grid.rows[row]?.[col] ?? null;
  }

  /** True when the cell is inside a merge but is not its top-left cell. */
  isMergeContinuation(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return m !== undefined && (m.top !== row || m.left !== col);
  }
}
