/**
 * Workbooks for the merge tests, written inline: a master and the 考核组 copies handed out from it,
 * every unit's sheet the seed 003 table with a 扣分原因 column, plus a 扣分明细 log.
 */
import ExcelJS from 'exceljs';
import { grid, type CellValue, type Grid } from '../../src/sheet/grid';
import { seed003, ITEM_COUNT } from '../support/seed003';

export interface UnitOptions {
  /** Item entries in table order (14); missing ones blank. */
  entries?: CellValue[];
  adjustments?: CellValue[];
  veto?: CellValue;
  total?: CellValue;
  /** Item index → 扣分原因. */
  reasons?: Record<number, string>;
  leader?: string;
  members?: string;
  /** Item index → points written instead of the seed's (a changed table). */
  points?: Record<number, number>;
}

/** A unit's score sheet: the seed 003 table with a sixth column 扣分原因 and the signature row filled as given. */
export function unitSheet(unit: string, o: UnitOptions = {}): Grid {
  const t = seed003({ unit, entries: o.entries, adjustments: o.adjustments, veto: o.veto ?? null, total: o.total ?? null });
  const rows = t.rows.map((r) => [...r, null]);
  rows[2][5] = '扣分原因';
  t.entryCells.forEach((cell, i) => {
    const r = Number(cell.slice(1)) - 1;
    if (o.reasons?.[i] !== undefined) rows[r][5] = o.reasons[i];
    if (o.points?.[i] !== undefined) rows[r][2] = o.points[i];
  });
  const sign = rows.findIndex((r) => r[0] === '考核组长(签字):');
  if (o.leader) rows[sign][1] = o.leader;
  if (o.members) rows[sign][3] = o.members;
  return grid(rows, { name: unit, merges: t.merges });
}

/** All 14 items at full points but the ones given: full(3, { 0: 4 }) → 14 numbers. */
export function full(over: Record<number, CellValue> = {}): CellValue[] {
  const points = [5, 5, 5, 5, 30, 10, 5, 5, 5, 5, 5, 4, 6, 5];
  return Array.from({ length: ITEM_COUNT }, (_, i) => (i in over ? over[i] : points[i]));
}

export type LogLine = [string, string, string, number | null, string, string, string];

/** 扣分明细: 单位 | 考核项目 | 扣分因素 | 次数 | 扣(加)分 | 原因 | 记录人 | 日期. */
export function logSheet(lines: LogLine[]): Grid {
  return grid([
    ['单位', '考核项目', '扣分因素', '次数', '扣(加)分', '原因', '记录人', '日期'],
    ...lines.map(([u, item, rule, count, reason, who, date]) => [u, item, rule, count, null, reason, who, date] as CellValue[]),
  ], { name: '扣分明细' });
}

/** Grids as an .xlsx file (merges kept), for the command line. */
export async function xlsxOf(grids: Grid[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    g.rows.forEach((row, r) => {
      ws.getRow(r + 1).values = row.map((v) => (v === null ? null : typeof v === 'object' ? { error: v.error } : v)) as ExcelJS.CellValue[];
    });
    for (const m of g.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
