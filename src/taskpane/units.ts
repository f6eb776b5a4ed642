/**
 * The score tables as the pane names them. A unit's name is not unique in every workbook (two
 * sheets may both say 单位：张庄村, and one sheet may hold two tables), so the pane keys a table by
 * its sheet and the cells it spans (a matrix holds a table per row) and shows the sheet beside the name where the name alone is ambiguous.
 */
import { onSiteStart, type OnSiteInput } from '../app/onSite';
import type { AssessmentResult } from '../app/scoreAssessment';
import type { Decimal } from '../engine/decimal';
import type { Grid } from '../sheet/grid';
import type { ScoreTable } from '../sheet/readScoreTable';

/** tableKey(table on sheet 张庄村 spanning A3:E40) → '张庄村!A3:E40'; a matrix's unit row → '汇总!B6:O6' */
export function tableKey(table: ScoreTable): string {
  return `${table.sheet}!${table.region}`;
}

/** The unit's name, with its sheet when another table has the same name: 张庄村（工作表 张庄村(2)）. */
export function tableLabel(table: ScoreTable, all: readonly ScoreTable[]): string {
  return (unitCounts(all).get(table.unit) ?? 0) > 1 ? `${table.unit}（工作表 ${table.sheet}）` : table.unit;
}

/** How many tables bear each unit's name, counted once per list (labelling 300 units counted 300 × 300). */
const counted = new WeakMap<readonly ScoreTable[], Map<string, number>>();
function unitCounts(all: readonly ScoreTable[]): Map<string, number> {
  let counts = counted.get(all);
  if (!counts) {
    counts = new Map();
    for (const t of all) counts.set(t.unit, (counts.get(t.unit) ?? 0) + 1);
    counted.set(all, counts);
  }
  return counts;
}

/** The sheet a table was read from. */
export function gridOf(grids: readonly Grid[], table: ScoreTable): Grid | undefined {
  return grids.find((g) => g.name === table.sheet);
}

/** The table whose entry cells (items, 加减分, veto) include this cell, for opening it in 现场评分. */
export function tableOfEntry(tables: readonly ScoreTable[], sheet: string, cell: string): ScoreTable | undefined {
  return tables.find(
    (t) =>
      t.sheet === sheet &&
      (t.entries.items.some((row) => row.some((e) => e.cell === cell)) || t.entries.adjustments.some((e) => e.cell === cell) || t.entries.veto?.cell === cell),
  );
}

/** Entry cell → the value the deduction records give it, for every record-computed entry of the table. */
export function fromRecordsOf(result: AssessmentResult, table: ScoreTable): Map<string, Decimal> {
  const scored = result.units.find((u) => u.table === table);
  const values = new Map<string, Decimal>();
  for (const e of [...(scored?.entries.items.flat() ?? []), ...(scored?.entries.adjustments ?? [])]) {
    if (e.computed && e.value) values.set(e.cell, e.value);
  }
  return values;
}

/** What 现场评分 starts with for a table: the workbook's entries, computed ones shown. */
export function formStart(loaded: { grids: readonly Grid[]; result: AssessmentResult }, table: ScoreTable): OnSiteInput {
  return onSiteStart(table, gridOf(loaded.grids, table), fromRecordsOf(loaded.result, table));
}
