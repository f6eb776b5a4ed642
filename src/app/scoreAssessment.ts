/**
 * The use case behind `kaohe score` and the pane's 计算排名: read → validate → score → rank,
 * and the report and write plan that follow from it.
 */
import { DEFAULT_BANDS } from '../engine/bands';
import { toNumber, type Decimal } from '../engine/decimal';
import { diagnose, type Diagnostic } from '../engine/diagnostics';
import type { ScoreSettings } from '../engine/model';
import { placeUnits, scoreUnit, type Placement, type UnitScore } from '../engine/score';
import type { Grid } from '../sheet/grid';
import { readAssessment, type Assessment } from '../sheet/readAssessment';
import type { ScoreTable } from '../sheet/readScoreTable';
import type { WritePlan } from '../host/host';

export const DEFAULT_SETTINGS: ScoreSettings = { ranking: 'dense', veto: 'zero', bands: DEFAULT_BANDS };

export interface UnitResult {
  table: ScoreTable;
  score: UnitScore;
  placement: Placement;
}

export interface AssessmentResult {
  assessment: Assessment;
  /** Units in rank order (ties in sheet order). */
  units: UnitResult[];
  diagnostics: Diagnostic[];
  /** True when no score table could be read: the input is unusable. */
  unusable: boolean;
}

/** Scores every unit of a workbook's grids and ranks them. */
export function scoreAssessment(grids: Grid[], settings: ScoreSettings = DEFAULT_SETTINGS): AssessmentResult {
  const assessment = readAssessment(grids);
  const diagnostics = [...assessment.diagnostics];
  const scores = assessment.tables.map((t) => scoreUnit(t.scheme, t.entries, settings));
  const placements = placeUnits(scores, settings);
  const units = assessment.tables
    .map((table, i) => ({ table, score: scores[i], placement: placements[i], order: i }))
    .sort((a, b) => a.placement.rank - b.placement.rank || a.order - b.order)
    .map(({ table, score, placement }) => ({ table, score, placement }));

  for (const u of units) {
    const { table, score, placement } = u;
    if (score.blank > 0 && score.blank === table.entries.items.flat().length) {
      diagnostics.push(diagnose('UNIT_NOT_SCORED', {}, table.sheet, table.entries.items.flat()[0]?.cell));
    }
    const higher = placement.band;
    for (const lower of placement.boundaryWith) {
      diagnostics.push(
        diagnose('BAND_BOUNDARY', { total: score.total.toFixed(), higher: higher?.label ?? '', lower: lower.label }, table.sheet, table.totalCell ?? undefined),
      );
    }
    if (table.totalCell && table.totalTyped && !table.totalTyped.eq(score.total)) {
      diagnostics.push(
        diagnose('TOTAL_MISMATCH', { typed: table.totalTyped.toFixed(), computed: score.total.toFixed() }, table.sheet, table.totalCell),
      );
    }
  }
  return { assessment, units, diagnostics, unusable: assessment.tables.length === 0 && assessment.excluded.length === 0 };
}

/** The report's JSON, as in DESIGN.md's contract: units in rank order, then diagnostics. */
export interface Report {
  units: {
    name: string;
    sheet: string;
    base: number;
    adjustment: number;
    veto: boolean;
    total: number;
    rank: number;
    band: string | null;
    categories: { title: string; max: number; score: number }[];
    /** Entries not yet filled in, and entries that are not usable scores (see diagnostics). */
    blankEntries: number;
    invalidEntries: number;
  }[];
  diagnostics: Diagnostic[];
}

export function toReport(result: AssessmentResult): Report {
  const n = (d: Decimal) => toNumber(d);
  return {
    units: result.units.map(({ table, score, placement }) => ({
      name: table.unit,
      sheet: table.sheet,
      base: n(score.base),
      adjustment: n(score.adjustment),
      veto: score.veto,
      total: n(score.total),
      rank: placement.rank,
      band: placement.band?.label ?? null,
      categories: score.categories.map((c) => ({ title: c.title, max: n(c.max), score: n(c.score) })),
      blankEntries: score.blank,
      invalidEntries: score.invalid,
    })),
    diagnostics: result.diagnostics,
  };
}

/**
 * The cells `--out` fills: each table's 总分 cell, when it is empty. A cell the user filled
 * (a number or a formula) is never overwritten: a differing one is reported as TOTAL_MISMATCH.
 */
export function totalsPlan(result: AssessmentResult): WritePlan {
  const cells: WritePlan['cells'] = [];
  for (const { table, score } of result.units) {
    if (table.totalCell && table.totalBlank && !table.totalIsFormula) {
      cells.push({ sheet: table.sheet, cell: table.totalCell, value: toNumber(score.total) });
    }
  }
  return { cells };
}
