/**
 * The registry of layouts: each finds its regions on a sheet, in order (per-unit tables first,
 * then matrices); a region inside one already read is part of it. Every region found ends in a
 * table or a diagnostic (an empty header is TABLE_EMPTY with its range).
 */
import { diagnose, type Diagnostic } from '../../engine/diagnostics';
import { a1, MergedView, type Grid } from '../grid';
import type { ScoreTable, SheetReading } from '../scoreTable';
import { isBlank } from './cellText';
import type { Region, ScoreTableLayout } from './layout';
import { matrix } from './matrix';
import { maskedView } from './maskedView';
import { perUnitTable, type ReadOptions, type TableLayout } from './perUnitTable';

export const LAYOUTS: readonly ScoreTableLayout[] = [perUnitTable as ScoreTableLayout, matrix as ScoreTableLayout];

/** What became of a region: the tables read from it, or the diagnostics it gave. */
export interface RegionOutcome {
  layout: string;
  region: Region;
  tables: ScoreTable[];
  diagnostics: Diagnostic[];
}

export interface LayoutsReading extends SheetReading {
  /** The per-unit layout of the sheet's one table, read on the whole sheet; null otherwise. */
  memo: TableLayout | null;
  regions: RegionOutcome[];
}

/** Every region every layout recognises on a sheet, in the order they are read. */
export function findRegions(grid: Grid, options: ReadOptions = {}): { layout: ScoreTableLayout; region: Region }[] {
  const view = new MergedView(grid);
  return LAYOUTS.flatMap((layout) => layout.findRegions(view, options).map((region) => ({ layout, region })));
}

/** Reads every score table on a sheet, in whichever layout it is kept. */
export function readLayouts(grid: Grid, options: ReadOptions = {}): LayoutsReading {
  const none = (skippedBecause: string): LayoutsReading => ({ tables: [], diagnostics: [], skippedBecause, memo: null, regions: [] });
  if (grid.kind === 'chart') return none('图表工作表');
  const view = new MergedView(grid);
  if (view.rowCount === 0 || grid.rows.every((row) => row.every((v) => isBlank(v)))) return none('空工作表');

  const tables: ScoreTable[] = [];
  const diagnostics: Diagnostic[] = [];
  const regions: RegionOutcome[] = [];
  const memos: TableLayout[] = [];
  /** Rectangles already read, so a header inside one is taken as part of it. */
  const claimed: { top: number; bottom: number; left: number; right: number }[] = [];
  let empty = 0;
  let masked = false;
  for (const layout of LAYOUTS) {
    // The last row read in each column band: a table's label area starts below the one above it.
    const lastInBand = new Map<string, number>();
    for (const region of layout.findRegions(view, options)) {
      const band = `${region.left}:${region.right}`;
      const lastEnd = lastInBand.get(band) ?? -1;
      if (region.top <= lastEnd) continue;
      if (claimed.some((c) => region.top >= c.top && region.top <= c.bottom && region.left <= c.right && region.right >= c.left)) continue;
      const whole = region.left === 0 && region.right === Infinity;
      masked ||= !whole;
      const reading = layout.readRegion(whole ? view : maskedView(grid, region.left, region.right), region, lastEnd + 1, options);
      lastInBand.set(band, Math.max(reading.bottom, region.top));
      claimed.push({ top: region.top, bottom: Math.max(reading.bottom, region.top), left: region.left, right: region.right });
      const own = [...reading.diagnostics];
      if (reading.empty) {
        empty++;
        own.push(diagnose('TABLE_EMPTY', { range: region.range }, grid.name, a1(region.top, Math.max(0, region.left))));
      }
      regions.push({ layout: layout.name, region, tables: reading.tables, diagnostics: own });
      tables.push(...reading.tables);
      diagnostics.push(...own);
      if (reading.memo) memos.push(reading.memo);
    }
  }
  const skippedBecause =
    tables.length > 0 ? null : empty > 0 ? '表头下没有考核项目' : '没有同时含“分值”和“得分”的表头';
  const memo = !masked && tables.length === 1 && memos.length === 1 && !diagnostics.some((d) => d.code === 'HEADER_INCOMPLETE') ? memos[0] : null;
  return { tables, diagnostics, skippedBecause, memo, regions };
}
