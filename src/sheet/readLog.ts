/**
 * 扣分明细: the deduction log, one row per record: 单位 | 考核项目 | 扣分因素 | 次数 | 扣分 |
 * 原因 | 记录人 | 日期. The add-in writes it (and its 扣分 column); a person may type rows too.
 * A blank 次数 counts once: a row is one occurrence unless it says how many.
 */
import { diagnose, type Diagnostic } from '../engine/diagnostics';
import type { LogRow } from '../engine/deductions';
import { cleanText, fold, nearestName } from '../engine/text';
import { parseDate, isoDate } from './dates';
import type { Decimal } from '../engine/decimal';
import { display, parseValue, wholeNumber } from './entry';
import { a1, type CellValue, type Grid } from './grid';
import { findListLayout, type ColumnSpec } from './listSheet';

type Column = 'unit' | 'item' | 'rule' | 'count' | 'points' | 'reason' | 'who' | 'date';

export const LOG_SHEET_NAME = '扣分明细';

export const LOG_COLUMNS: ColumnSpec<Column>[] = [
  { key: 'unit', names: ['单位', '被考核单位', '村(居)'], required: true },
  { key: 'item', names: ['考核项目', '考核重点', '项目'], required: true },
  { key: 'rule', names: ['扣分因素', '扣分规则', '规则', '评分标准'] },
  { key: 'count', names: ['次数', '数量', '人次', '件数'] },
  { key: 'points', names: ['扣(加)分', '扣分', '加减分'] },
  { key: 'reason', names: ['原因', '扣分原因', '事由', '说明'] },
  { key: 'who', names: ['记录人', '考核人', '检查人'] },
  { key: 'date', names: ['日期', '时间'] },
];

export function isLogName(name: string): boolean {
  return /扣分明细|扣分记录|扣分登记/.test(fold(name));
}

export interface LogReading {
  sheet: string;
  /** Rows by unit, as the score tables name the units. */
  rows: LogRow[];
  diagnostics: Diagnostic[];
  /** 0-based column of 扣分, which the add-in fills. */
  pointsColumn: number | null;
}

export function readLog(grid: Grid, units: string[]): LogReading {
  const sheet = grid.name;
  const diagnostics: Diagnostic[] = [];
  const { layout, missing } = findListLayout(grid, LOG_COLUMNS);
  if (!layout) {
    const names = missing.map((k) => LOG_COLUMNS.find((c) => c.key === k)?.names[0]).join('、');
    diagnostics.push(diagnose('LOG_HEADER', { sheet, missing: names }, sheet, 'A1'));
    return { sheet, rows: [], diagnostics, pointsColumn: null };
  }
  const col = layout.columns;
  const known = new Map(units.map((u) => [cleanText(u), u]));
  const rows: LogRow[] = [];
  for (const r of layout.rows) {
    const row = grid.rows[r];
    const at = (c: number | undefined) => (c === undefined ? null : (row[c] ?? null));
    const text = (c: number | undefined) => cleanText(display(at(c)));
    const cell = (c: number | undefined) => a1(r, c ?? 0);

    // A row with nothing but a computed 扣分 (or a 序号) is not a record.
    if (text(col.item) === '' && text(col.rule) === '' && text(col.unit) === '') continue;

    const unitText = text(col.unit);
    const unit = known.get(unitText);
    if (!unit) {
      const near = nearestName(unitText, units);
      diagnostics.push(diagnose('LOG_UNKNOWN_UNIT', { value: unitText || '（空）', hint: near ? `，是否为“${near}”？` : '；' }, sheet, cell(col.unit)));
      continue;
    }
    const countCell = at(col.count);
    let count = 1;
    if (countCell !== null && display(countCell).trim() !== '') {
      const n = wholeNumber(countCell);
      if (n === null || n < 1) {
        diagnostics.push(diagnose('LOG_BAD_COUNT', { value: display(countCell) }, sheet, cell(col.count)));
        continue;
      }
      count = n;
    }
    const date = parseDate(at(col.date));
    rows.push({
      sheet,
      unit,
      item: text(col.item),
      rule: text(col.rule),
      count,
      // As typed, spaces tidied: the reason goes onto the signed sheet and into the report.
      reason: display(at(col.reason)).replace(/\s+/g, ' ').trim(),
      who: display(at(col.who)).trim(),
      date: date ? isoDate(date) : text(col.date),
      cells: { unit: cell(col.unit), item: cell(col.item), rule: cell(col.rule ?? col.item), count: cell(col.count ?? col.item), points: isBlank(at(col.points)) && col.points !== undefined ? cell(col.points) : null },
      typedPoints: typedNumber(at(col.points), col.points === undefined ? null : cell(col.points)),
    });
  }
  return { sheet, rows, diagnostics, pointsColumn: col.points ?? null };
}

/** The add-in fills a blank 扣(加)分 cell; what the user typed there is never replaced. */
function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** A number typed in 扣(加)分, to compare with what the rule gives. */
function typedNumber(v: CellValue, address: string | null): { cell: string; value: Decimal } | null {
  if (address === null) return null;
  const p = parseValue(v);
  return p.kind === 'number' ? { cell: address, value: p.value } : null;
}
