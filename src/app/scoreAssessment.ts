/**
 * The use case behind `kaohe score` and the pane's 计算排名: read → validate → score → rank,
 * and the report and write plan that follow from it.
 */
import { describeRange } from '../engine/bands';
import { toNumber, type Decimal } from '../engine/decimal';
import { diagnose, type Diagnostic } from '../engine/diagnostics';
import type { ScoreSettings, UnitEntries } from '../engine/model';
import { placeUnits, scoreUnit, type Placement, type UnitScore } from '../engine/score';
import { runSteps, type Steps } from '../engine/steps';
import type { Grid } from '../sheet/grid';
import { readAssessmentSteps, type Assessment } from '../sheet/readAssessment';
import type { ScoreTable } from '../sheet/readScoreTable';
import type { WritePlan } from '../host/host';
import type { Deduction } from '../engine/deductions';
import { applyRecords, isLedgerByHeader, splitSheets } from './records';
import { DEFAULT_WORKBOOK_SETTINGS, readSettings, SETTINGS_SHEET } from './settings';
import { findTemplates, isTemplate } from '../sheet/outputs/templates';
import { yearIn } from '../sheet/dates';
import { localToday } from './outputs';
import { asOfDate, assessCases, casesReport, type CasesReport, type CasesResult } from './cases';
import { findWorkbookBands } from '../sheet/readBands';

/** dense ranking, veto as 0, the seed 003 bands: the settings a workbook has until it says otherwise. */
export const DEFAULT_SETTINGS: ScoreSettings = DEFAULT_WORKBOOK_SETTINGS.score;

export interface UnitResult {
  table: ScoreTable;
  score: UnitScore;
  placement: Placement;
  /** Deductions computed from the 扣分明细 log and the 信访台账 ledger, with rule and reason. */
  deductions: Deduction[];
  /** Blank entry cells whose value was computed from the records. */
  filled: { cell: string; value: Decimal }[];
  /** The entries the score used: typed, or computed from the records. */
  entries: UnitEntries;
}

export interface AssessmentResult {
  assessment: Assessment;
  /** Units in rank order (ties in sheet order). */
  units: UnitResult[];
  diagnostics: Diagnostic[];
  /** True when no score table could be read: the input is unusable. */
  unusable: boolean;
  /** The settings the scores and ranks were computed with. */
  settings: ScoreSettings;
  /** What the deduction records held, and the 扣分 cells of the log the writer may fill. */
  records: { logRows: number; ledgerEvents: number; logPoints: { sheet: string; cell: string; value: Decimal }[]; zeroPetition?: string[] | null };
  /** The case register (信访事项办理台账) as of a date; null when the workbook has none. */
  cases: CasesResult | null;
}

export interface ScoreOptions {
  /** YYYY-MM-DD: the day the case register is judged on; default the assessment date on the sheets, else `today`. */
  asOf?: string;
  /** YYYY-MM-DD, the caller's today (the engine has no clock). */
  today?: string;
}

/** Scores every unit of a workbook's grids and ranks them. */
export function scoreAssessment(grids: Grid[], given: ScoreSettings = DEFAULT_SETTINGS, options: ScoreOptions = {}): AssessmentResult {
  return runSteps(scoreAssessmentSteps(grids, given, options));
}

/** scoreAssessment, pausing between the sheets it reads (see engine/steps.ts): the pane runs it in slices. */
export function* scoreAssessmentSteps(grids: Grid[], given: ScoreSettings = DEFAULT_SETTINGS, options: ScoreOptions = {}): Steps<AssessmentResult> {
  // The add-in's own sheets (settings, generated outputs) are not read as input.
  const stored = readSettings(grids);
  const own = new Set([SETTINGS_SHEET, ...stored.settings.ownedSheets]);
  // The workbook's own 等次 (a table or a note) replace the default bands; bands set otherwise stay.
  const workbookBands = sameBands(given.bands, DEFAULT_SETTINGS.bands) ? findWorkbookBands(grids.filter((g) => !own.has(g.name))) : null;
  const settings = workbookBands ? { ...given, bands: workbookBands.bands } : given;
  // Declared templates (…模板, or listed in the settings) are filled by the outputs, never read as
  // score tables; the ledger and the log are never templates.
  const declared = stored.settings.templates;
  const split = splitSheets(grids.filter((g) => !own.has(g.name)));
  const sheets = { ...split, tables: split.tables.filter((g) => !isTemplate(g, declared)) };
  yield;
  let assessment = yield* readAssessmentSteps(sheets.tables, { entryColumn: settings.entryColumn ?? stored.settings.score.entryColumn });
  // A sheet skipped as not a score table may be a ledger named otherwise (e.g. 2024年上访登记).
  const skipped = new Set(assessment.diagnostics.filter((d) => d.code === 'NOT_A_SCORE_TABLE').map((d) => d.sheet));
  const renamedLedgers = sheets.tables.filter((g) => skipped.has(g.name) && isLedgerByHeader(g));
  if (renamedLedgers.length > 0) {
    sheets.ledgers.push(...renamedLedgers);
    const names = new Set(renamedLedgers.map((g) => g.name));
    assessment = { ...assessment, diagnostics: assessment.diagnostics.filter((d) => !(d.code === 'NOT_A_SCORE_TABLE' && names.has(d.sheet ?? ''))) };
  }
  const reference = assessment.tables[0];
  const when = asOfDate(options.asOf, assessment.tables.map((t) => t.date), options.today ?? localToday());
  const cases = assessCases(sheets.registers, {
    rules: stored.settings.cases,
    asOf: when.asOf,
    asOfFrom: when.from,
    units: assessment.tables.length > 0 ? assessment.tables.map((t) => t.unit) : null,
    year: reference ? (yearIn(reference.title) ?? yearIn(reference.date)) : null,
  });
  yield;
  const records =
    assessment.scheme && assessment.tables.length > 0
      ? applyRecords(assessment.tables, assessment.scheme, reference, sheets.logs, sheets.ledgers, cases)
      : null;
  // An entry computed from the records is not blank any more.
  const diagnostics = assessment.diagnostics.filter(
    (d) => !(d.code === 'BLANK_ENTRY' && records?.computedCells.has(`${d.sheet}!${d.cell}`)),
  );
  if (records) diagnostics.push(...records.diagnostics);
  if (cases) diagnostics.push(...cases.diagnostics);
  yield;
  if (workbookBands) {
    const list = workbookBands.bands.map((b) => `${b.label}（${describeRange(b)}）`).join('、');
    diagnostics.push(diagnose('BANDS_FROM_WORKBOOK', { bands: list, where: workbookBands.source === 'table' ? '等次表' : '说明' }, workbookBands.sheet, workbookBands.cell));
  }
  diagnostics.push(...stored.diagnostics, ...findTemplates(split.tables, declared).diagnostics);
  const ofTable = (t: ScoreTable) => records?.byTable.get(t) ?? { entries: t.entries, deductions: [], filled: [] };
  const placed = placeTables(assessment.tables, ofTable, settings);
  diagnostics.push(...placed.diagnostics);
  const { units } = placed;
  return {
    assessment,
    units,
    diagnostics,
    unusable: assessment.tables.length === 0 && assessment.excluded.length === 0,
    settings,
    records: { logRows: records?.logRows ?? 0, ledgerEvents: records?.ledgerEvents ?? 0, logPoints: records?.logPoints ?? [], zeroPetition: records?.zeroPetition ?? null },
    cases,
  };
}

/** The diagnostics that follow from the scores and places (placeTables makes them). */
const PLACEMENT_CODES = new Set(['UNIT_NOT_SCORED', 'BAND_BOUNDARY', 'TOTAL_MISMATCH']);

/**
 * The same result under another 排名方式 or 一票否决 setting, without reading the sheets again (the
 * pane shows the ranking as the clerk changes them; scoring 300 sheets again each time would freeze
 * it). Equal to scoring the workbook afresh with those settings.
 */
export function rerank(result: AssessmentResult, given: Pick<ScoreSettings, 'ranking' | 'veto'>): AssessmentResult {
  if (given.ranking === result.settings.ranking && given.veto === result.settings.veto) return result;
  const settings = { ...result.settings, ranking: given.ranking, veto: given.veto };
  const byTable = new Map(result.units.map((u) => [u.table, { entries: u.entries, deductions: u.deductions, filled: u.filled }]));
  const placed = placeTables(result.assessment.tables, (t) => byTable.get(t) ?? { entries: t.entries, deductions: [], filled: [] }, settings);
  return { ...result, settings, units: placed.units, diagnostics: [...result.diagnostics.filter((d) => !PLACEMENT_CODES.has(d.code)), ...placed.diagnostics] };
}

type OfTable = (t: ScoreTable) => Pick<UnitResult, 'entries' | 'deductions' | 'filled'>;

/** Each table scored and placed, in rank order (ties in sheet order), with what the scores say of the typed totals. */
function placeTables(tables: ScoreTable[], ofTable: OfTable, settings: ScoreSettings): { units: UnitResult[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const scores = tables.map((t) => scoreUnit(t.scheme, ofTable(t).entries, settings));
  const placements = placeUnits(scores, settings);
  const units = tables
    .map((table, i) => ({ table, score: scores[i], placement: placements[i], order: i }))
    .sort((a, b) => a.placement.rank - b.placement.rank || a.order - b.order)
    .map(({ table, score, placement }) => ({ table, score, placement, ...ofTable(table) }));

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
  return { units, diagnostics };
}

/** True when two lists of bands say the same. */
function sameBands(a: ScoreSettings['bands'], b: ScoreSettings['bands']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
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
    /** How each point was lost (or gained) by the rules: points are negative for deductions. */
    deductions: { item: string; rule: string; count: number; points: number; reason: string; source: 'log' | 'ledger' | 'register'; sheet: string; cell: string }[];
  }[];
  diagnostics: Diagnostic[];
  /** The case register as of a date (present when the workbook has one). */
  cases?: CasesReport;
}

export function toReport(result: AssessmentResult): Report {
  const n = (d: Decimal) => toNumber(d);
  return {
    units: result.units.map(({ table, score, placement, deductions }) => ({
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
      deductions: deductions.map((d) => ({
        item: d.item,
        rule: d.rule,
        count: d.count,
        points: n(d.points),
        reason: d.reason,
        source: d.source,
        sheet: d.sheet,
        cell: d.cell,
      })),
    })),
    diagnostics: result.diagnostics,
    ...(result.cases ? { cases: casesReport(result.cases) } : {}),
  };
}

/**
 * The cells `--out` fills: each table's 总分 cell when it is empty, the entry cells left blank
 * whose value the deduction records give, and the 扣分 column of the 扣分明细 log (the
 * add-in's own). A cell the user filled (a number or a formula) is never overwritten: a
 * differing one is reported (TOTAL_MISMATCH, ENTRY_DIFFERS_FROM_RECORDS).
 */
export function totalsPlan(result: AssessmentResult): WritePlan {
  const cells: WritePlan['cells'] = [];
  for (const { table, score, filled } of result.units) {
    for (const f of filled) cells.push({ sheet: table.sheet, cell: f.cell, value: toNumber(f.value) });
    if (table.totalCell && table.totalBlank && !table.totalIsFormula) {
      cells.push({ sheet: table.sheet, cell: table.totalCell, value: toNumber(score.total) });
    }
  }
  for (const p of result.records.logPoints) cells.push({ sheet: p.sheet, cell: p.cell, value: toNumber(p.value) });
  return { cells };
}
