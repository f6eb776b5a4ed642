/**
 * What every layout of score table exports: find the candidate regions of a sheet (a header it
 * recognises), then read one region into tables and diagnostics. The registry (index.ts) tries the
 * layouts in order; a region that yields neither a table nor a diagnostic is reported there, so no
 * table is dropped in silence.
 */
import type { Diagnostic } from '../../engine/diagnostics';
import type { MergedView } from '../grid';
import type { ScoreTable } from '../scoreTable';
import type { ReadOptions } from './perUnitHeader';
import type { TableLayout } from './perUnitTable';

/** A recognisable header on a sheet: where it is and the column band it owns. */
export interface Region {
  /** 0-based header row (the first, for a header over two rows). */
  top: number;
  /** The column band of the table (0-based, inclusive; right may be Infinity). */
  left: number;
  right: number;
  /** The header's cells as an A1 range, for diagnostics: 'A3:E3'. */
  range: string;
}

export interface RegionReading {
  tables: ScoreTable[];
  diagnostics: Diagnostic[];
  /** The last row the region used (so the next table in its band starts its label area below). */
  bottom: number;
  /** A header with nothing under it (a blank template). */
  empty?: boolean;
  /** For a per-unit table read in full: its layout, so a sheet laid out alike is read by its unit's part. */
  memo?: TableLayout;
}

export interface ScoreTableLayout<R extends Region = Region> {
  name: string;
  findRegions(view: MergedView, options?: ReadOptions): R[];
  /** Reads one region; `labelFrom` is the first row above its header that belongs to it. */
  readRegion(view: MergedView, region: R, labelFrom: number, options?: ReadOptions): RegionReading;
}
