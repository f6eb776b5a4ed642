/**
 * The host interface: what the app needs from a workbook, whoever holds it. The ExcelJS host
 * (files on disk, the command line, the browser preview) and the Office.js host (the task pane)
 * implement it. The app decides what to write; a host writes exactly that and nothing else.
 */
import type { Grid } from '../sheet/grid';
import type { SheetPlan } from '../sheet/sheetPlan';

export type { CellStyle, ChartPlan, PageSetup, SheetCell, SheetPlan } from '../sheet/sheetPlan';

/** One cell to write. A formula is written with `value` as its cached result. */
export interface CellWrite {
  sheet: string;
  /** A1 address. */
  cell: string;
  value: number | string | boolean | null;
  /** Without the leading '='. Functions newer than Excel 2007 as stored in files: _xlfn.RANK.EQ(…). */
  formula?: string;
  numFmt?: string;
  /** A note on the cell (e.g. the reason for a deduction, where the table has no 扣分原因 column). */
  note?: string;
}

/** What the app asks a host to change. Hosts write nothing else. */
export interface WritePlan {
  cells: CellWrite[];
  sheets?: SheetPlan[];
  /** Sheets the add-in wrote before and no longer needs (e.g. a unit's signed sheet after the unit was removed). */
  removeSheets?: string[];
}

export interface ApplyOutcome {
  /** What the host could not do, in Chinese, for the user (e.g. 图表需要 Excel，未生成). */
  skipped: string[];
}

export interface WorkbookHost {
  /** Every worksheet as a grid (values with cached formula results, merges, hidden rows). */
  readGrids(): Promise<Grid[]>;
  /** Applies the plan: only the cells and sheets it names change. */
  apply(plan: WritePlan): Promise<ApplyOutcome>;
}
