/**
 * The host interface: what the app needs from a workbook, whoever holds it. The ExcelJS host
 * (files on disk, the command line) and the Office.js host (the task pane) implement it.
 */
import type { Grid } from '../sheet/grid';

/** One cell to write. A formula is written with `value` as its cached result. */
export interface CellWrite {
  sheet: string;
  /** A1 address. */
  cell: string;
  value: number | string | boolean | null;
  formula?: string;
  numFmt?: string;
}

/** What the app asks a host to change. Hosts write nothing else. */
export interface WritePlan {
  cells: CellWrite[];
}

export interface WorkbookHost {
  /** Every worksheet as a grid (values with cached formula results, merges, hidden rows). */
  readGrids(): Promise<Grid[]>;
  /** Applies the plan: only the cells it names change. */
  apply(plan: WritePlan): Promise<void>;
}
