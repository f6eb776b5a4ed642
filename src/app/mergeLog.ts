/**
 * 合并评分, the 扣分明细 part: every copy's log rows appended to the master's log once. A row
 * the master (or an earlier copy) already holds is not added again; rows are compared by what
 * they record (单位, 考核项目, 扣分因素, 次数, 原因, 记录人, 日期), not by the 扣(加)分 column,
 * which the add-in computes.
 */
import { cleanText, nearestName } from '../engine/text';
import type { CellWrite, SheetPlan } from '../host/host';
import { isoDate, parseDate } from '../sheet/dates';
import { display } from '../sheet/entry';
import { a1, isErrorValue, type CellValue, type Grid } from '../sheet/grid';
import { findListLayout, type ListLayout } from '../sheet/listSheet';
import { isLogName, LOG_COLUMNS, LOG_SHEET_NAME } from '../sheet/readLog';

type LogColumn = (typeof LOG_COLUMNS)[number]['key'];

/** The columns that say what a row records; 扣(加)分 is computed and left out. */
const RECORD_COLUMNS: LogColumn[] = ['unit', 'item', 'rule', 'count', 'reason', 'who', 'date'];
const HEADER = LOG_COLUMNS.map((c) => c.names[0]);

export interface LogAppend {
  /** The copy the row came from, its sheet and row (1-based). */
  file: string;
  sheet: string;
  row: number;
  unit: string;
  /** The row as written into the master: 单位 | 考核项目 | 扣分因素 | 次数 | 原因 | 记录人 | 日期. */
  values: string[];
  /** Where it lands in the master: sheet and row (1-based). */
  at: { sheet: string; row: number };
}

export interface LogUnknownUnit {
  file: string;
  sheet: string;
  cell: string;
  unit: string;
  nearest: string | null;
}

export interface LogMerge {
  appended: LogAppend[];
  /** Rows of the copies the master already held (or another copy gave first): not added again. */
  duplicates: number;
  unknownUnits: LogUnknownUnit[];
  /** What could not be carried, in Chinese, with file, sheet and cell. */
  problems: string[];
  cells: CellWrite[];
  /** The 扣分明细 sheet, when the master has none and a copy brings rows. */
  sheet: SheetPlan | null;
}

interface LogSource {
  file: string;
  grids: Grid[];
}

/** The rows the copies add to the master's log, and where they go. */
export function mergeLogs(master: LogSource, copies: LogSource[], units: string[]): LogMerge {
  const out: LogMerge = { appended: [], duplicates: 0, unknownUnits: [], problems: [], cells: [], sheet: null };
  const known = new Map(units.map((u) => [cleanText(u), u]));
  const masterLog = master.grids.find((g) => isLogName(g.name));
  const masterLayout = masterLog ? findListLayout(masterLog, LOG_COLUMNS).layout : null;
  if (masterLog && !masterLayout) {
    const rows = copies.reduce((n, c) => n + logRows(c.grids).length, 0);
    if (rows > 0) out.problems.push(`主表的“${masterLog.name}”缺少扣分明细的表头（单位、考核项目），副本中的 ${rows} 行扣分记录未能合并`);
    return out;
  }
  const seen = new Set<string>();
  if (masterLog && masterLayout) for (const r of masterLayout.rows) seen.add(rowKey(masterLog, masterLayout, r));

  const target = masterLog && masterLayout ? { name: masterLog.name, columns: masterLayout.columns } : { name: LOG_SHEET_NAME, columns: Object.fromEntries(LOG_COLUMNS.map((c, i) => [c.key, i])) as Partial<Record<LogColumn, number>> };
  let next = masterLog && masterLayout ? Math.max(masterLayout.headerRow, ...masterLayout.rows) + 1 : 1;
  const created: SheetPlan['cells'] = [];

  for (const copy of copies) {
    for (const { grid, layout, row: r } of logRows(copy.grids)) {
      const at = (key: LogColumn): CellValue => (layout.columns[key] === undefined ? null : (grid.rows[r]?.[layout.columns[key] as number] ?? null));
      const unitText = cleanText(display(at('unit')));
      const unit = known.get(unitText);
      if (!unit) {
        out.unknownUnits.push({ file: copy.file, sheet: grid.name, cell: a1(r, layout.columns.unit ?? 0), unit: unitText, nearest: nearestName(unitText, units) });
        continue;
      }
      const key = rowKey(grid, layout, r);
      if (seen.has(key)) {
        out.duplicates++;
        continue;
      }
      seen.add(key);
      for (const col of RECORD_COLUMNS) {
        const v = at(col);
        if (display(v).trim() === '') continue;
        const c = target.columns[col];
        if (c === undefined) {
          const name = LOG_COLUMNS.find((x) => x.key === col)?.names[0];
          out.problems.push(`主表的“${target.name}”没有“${name}”列：${copy.file}“${grid.name}”${a1(r, layout.columns[col] as number)} 的“${display(v)}”未能合并`);
          continue;
        }
        // Written as the copy holds it; an error value as its text (#REF! …).
        const value = isErrorValue(v) ? v.error : col === 'unit' ? unit : v;
        if (masterLog) out.cells.push({ sheet: target.name, cell: a1(next, c), value });
        else created.push({ cell: a1(next, c), value, style: { border: true, wrap: true } });
      }
      out.appended.push({ file: copy.file, sheet: grid.name, row: r + 1, unit, values: RECORD_COLUMNS.map((k) => display(at(k)).trim()), at: { sheet: target.name, row: next + 1 } });
      next++;
    }
  }
  if (!masterLog && created.length > 0) {
    out.sheet = {
      name: LOG_SHEET_NAME,
      cells: [...HEADER.map((h, c) => ({ cell: a1(0, c), value: h, style: { bold: true, border: true } })), ...created],
      merges: [],
      columnWidths: [12, 30, 30, 6, 9, 30, 10, 12],
    };
  }
  return out;
}

/** Every record row of a workbook's 扣分明细 sheets: a row naming at least a unit, item or rule. */
function logRows(grids: Grid[]): { grid: Grid; layout: ListLayout<LogColumn>; row: number }[] {
  const rows: { grid: Grid; layout: ListLayout<LogColumn>; row: number }[] = [];
  for (const grid of grids.filter((g) => isLogName(g.name))) {
    const { layout } = findListLayout(grid, LOG_COLUMNS);
    if (!layout) continue;
    for (const r of layout.rows) {
      const text = (k: LogColumn) => (layout.columns[k] === undefined ? '' : display(grid.rows[r]?.[layout.columns[k] as number] ?? null).trim());
      if (text('unit') === '' && text('item') === '' && text('rule') === '') continue;
      rows.push({ grid, layout, row: r });
    }
  }
  return rows;
}

/** What a row records, tidied: the same record typed with other spacing, 全角 digits or date style is the same row. */
function rowKey(grid: Grid, layout: ListLayout<LogColumn>, r: number): string {
  return JSON.stringify(
    RECORD_COLUMNS.map((k) => {
      const c = layout.columns[k];
      const v = c === undefined ? null : (grid.rows[r]?.[c] ?? null);
      if (k === 'date') {
        const d = parseDate(v);
        return d ? isoDate(d) : cleanText(display(v));
      }
      const text = cleanText(display(v));
      return k === 'count' && text === '' ? '1' : text;
    }),
  );
}

