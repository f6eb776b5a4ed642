/**
 * The header of a per-unit table: the roles of its cells read as a whole row, two tables side by
 * side split into column bands, and a 得分 header over two rows (自评 / 考核 / 复核).
 */
import { diagnose, type Diagnostic } from '../../engine/diagnostics';
import { ENTRY_SUBCOLUMNS, type EntrySubcolumn } from '../../engine/model';
import { fold } from '../../engine/text';
import { a1, columnLetters, type MergedView } from '../grid';
import type { Columns } from '../scoreTable';
import { headerRole, rowRoles, type Role } from './headerWords';
import type { Region } from './layout';

/** A header found: its row, the columns it names, the column band it spans, what it lacks. */
export interface PerUnitRegion extends Region {
  columns: Columns;
  /** The first row under the header (below a second header row or cells merged down). */
  firstRow: number;
  missing?: string;
  /** The info diagnostic naming the 得分 sub-column used, for a two-row header. */
  chosen?: Diagnostic;
}


export interface ReadOptions {
  /** Which sub-column of a two-row 得分 header to score; default the first present of 复核, 考核, 自评. */
  entryColumn?: EntrySubcolumn;
}

/**
 * The header cells of a row within [left, right], split where a second table begins beside the
 * first (the first header word comes round again after a 分值 and a 得分): [[c, text], …] per table.
 */
function headerSegments(view: MergedView, r: number, left = 0, right = Infinity): [number, string][][] {
  const segments: [number, string][][] = [];
  let current: [number, string][] = [];
  let firstRole: Role | undefined;
  let seen = new Set<Role>();
  const row = view.grid.rows[r] ?? [];
  for (let c = left; c < row.length && c <= right; c++) {
    const v = row[c];
    if (typeof v !== 'string' || view.isMergeContinuation(r, c)) continue;
    const role = headerRole(v);
    if (!role) continue;
    if (current.length > 0 && role === firstRole && seen.has('points') && seen.has('entry')) {
      segments.push(current);
      current = [];
      seen = new Set();
    }
    if (current.length === 0) firstRole = role;
    current.push([c, v]);
    seen.add(role);
  }
  if (current.length > 0) segments.push(current);
  return segments;
}

/** The columns a header segment names, read as a whole row (rowRoles). */
function segmentColumns(view: MergedView, r: number, cells: [number, string][]): Columns {
  const roles = rowRoles(cells.map(([, t]) => t));
  const columns: Columns = {};
  cells.forEach(([c], i) => {
    const role = roles[i];
    if (!role || columns[role] !== undefined) return;
    columns[role] = c;
    // 考核内容 merged over two columns holds the category and the item under one header.
    const m = view.mergeAt(r, c);
    if (role === 'category' && m && m.right > m.left && m.top === r) columns.item ??= c + 1;
  });
  return columns;
}

/** A header row within a band: a row naming both 分值 and 得分 and a text column (or one lacking a column). */
export function headerAt(view: MergedView, r: number, band: { left: number; right: number }, options: ReadOptions): PerUnitRegion | undefined {
  const [cells] = headerSegments(view, r, band.left, band.right);
  if (!cells) return undefined;
  const columns = segmentColumns(view, r, cells);
  const range = `${a1(r, cells[0][0])}:${a1(r, cells[cells.length - 1][0])}`;
  const base = { top: r, left: band.left, right: band.right, range, columns, firstRow: r + 1 };
  if (columns.points === undefined || columns.entry === undefined) {
    // A row naming one of them beside a category column is a header with a column missing.
    const named = Object.keys(columns).length;
    if (named >= 3 && (columns.category !== undefined || columns.item !== undefined)) {
      return { ...base, missing: columns.points === undefined ? '分值' : '得分' };
    }
    return undefined;
  }
  if (columns.category === undefined && columns.item === undefined && columns.rule === undefined) return undefined;
  const region: PerUnitRegion = base;
  // A header cell merged down over two rows (考核内容 over rows 3–4): the items start below it.
  for (const c of Object.values(columns)) {
    const m = view.mergeAt(r, c);
    if (m && m.top === r) region.firstRow = Math.max(region.firstRow, m.bottom + 1);
  }
  twoRowEntry(view, region, options);
  return region;
}

/**
 * 得分 merged across sub-columns with 自评 / 考核 / 复核 under it: the column scored is the one
 * the settings name, else the first present of 复核, 考核, 自评; an info diagnostic names it.
 */
function twoRowEntry(view: MergedView, region: PerUnitRegion, options: ReadOptions) {
  const r = region.top;
  const entryCol = region.columns.entry as number;
  const m = view.mergeAt(r, entryCol);
  if (!m || m.top !== r || m.bottom !== r || m.right === m.left) return;
  const subs = new Map<EntrySubcolumn, number>();
  for (let c = m.left; c <= m.right; c++) {
    const v = view.raw(r + 1, c);
    if (typeof v !== 'string') continue;
    const word = ENTRY_SUBCOLUMNS.find((w) => fold(v).includes(w));
    if (word && !subs.has(word)) subs.set(word, c);
  }
  if (subs.size === 0) return;
  const wanted = options.entryColumn && subs.has(options.entryColumn) ? options.entryColumn : ENTRY_SUBCOLUMNS.find((w) => subs.has(w));
  const col = subs.get(wanted as EntrySubcolumn) as number;
  region.columns = { ...region.columns, entry: col };
  region.firstRow = Math.max(region.firstRow, r + 2);
  const all = ENTRY_SUBCOLUMNS.filter((w) => subs.has(w)).map((w) => `“${w}”`).join('');
  region.chosen = diagnose(
    'ENTRY_SUBCOLUMN',
    { columns: all, used: wanted as string, column: columnLetters(col), by: options.entryColumn === wanted ? '按设置' : '按 复核＞考核＞自评 的顺序' },
    view.grid.name,
    a1(r + 1, col),
  );
}

/**
 * The column bands of a sheet: one band for the whole sheet, or, where a header row holds two
 * tables side by side, a band from each table's first header column up to the next one's.
 */
export function columnBands(view: MergedView): { left: number; right: number }[] {
  for (let r = 0; r < view.rowCount; r++) {
    const segments = headerSegments(view, r);
    if (segments.length < 2) continue;
    const starts = segments.map((s) => s[0][0]);
    return starts.map((start, i) => ({ left: i === 0 ? 0 : start, right: i + 1 < starts.length ? starts[i + 1] - 1 : Infinity }));
  }
  return [{ left: 0, right: Infinity }];
}


/** True when row r is a complete header on its own (a new table starts there). */
export function findHeaderAt(view: MergedView, r: number): boolean {
  const found = headerAt(view, r, { left: 0, right: Infinity }, {});
  return found !== undefined && !found.missing;
}
