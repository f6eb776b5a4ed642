/** One unit's score table (评分表) as a layout reads it: the scheme, the unit's entries with their cells. */
import type { Decimal } from '../engine/decimal';
import type { Diagnostic } from '../engine/diagnostics';
import type { Scheme, UnitEntries } from '../engine/model';
import type { Role } from './layouts/headerWords';

/** One unit's score table as read from a sheet. */
export interface ScoreTable {
  sheet: string;
  /** 被考核单位 */
  unit: string;
  /** Where the unit's name came from: the label row (单位：…), the title, the matrix's unit column, or the sheet's name. */
  unitSource: 'label' | 'title' | 'row' | 'sheet';
  /** The layout it was read in: a table per unit (seed 003) or a row of a matrix (a row per unit). */
  layout: 'perUnit' | 'matrix';
  /** The cells the table spans, as an A1 range (for a matrix row: that row). */
  region: string;
  title: string | null;
  /** The date written in the label row, as written. */
  date: string | null;
  scheme: Scheme;
  entries: UnitEntries;
  /** A1 address of the 总分 entry cell, when the table has a 总分 row. */
  totalCell: string | null;
  /** The value the 总分 cell held, when it held a number (typed or a formula's cached result). */
  totalTyped: Decimal | null;
  totalIsFormula: boolean;
  /** True when the 总分 cell is empty, so a writer may fill it. */
  totalBlank: boolean;
  /** Column letters of the optional columns, so writers can find them. */
  columns: Partial<Record<Role, number>>;
  /** 0-based first and last row of the table, header included. */
  rows: { header: number; last: number };
  /** 0-based row of each item, in scheme order (itemRows[c][i]). */
  itemRows: number[][];
}

export interface SheetReading {
  tables: ScoreTable[];
  diagnostics: Diagnostic[];
  /** Why the sheet holds no score table, when it holds none. */
  skippedBecause: string | null;
}

export type Columns = Partial<Record<Role, number>>;
