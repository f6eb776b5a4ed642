/**
 * The use case behind `kaohe cases`, the report's `cases` field and the pane's 办理台账 view:
 * read the case register (信访事项办理台账), evaluate every case as of a date, and count per unit.
 * Only 编号, dates, units and counts leave here — never a petitioner's name or matter.
 */
import { CHINA_CALENDAR, type Calendar } from '../engine/cases/calendar';
import { addDays, isIsoDate } from '../engine/cases/days';
import { DEFAULT_CASE_RULES, type CaseRules } from '../engine/cases/deadline';
import { evaluateCase, type CaseOutcome } from '../engine/cases/register';
import { tallyByUnit, type UnitCases } from '../engine/cases/rates';
import { toNumber } from '../engine/decimal';
import { diagnose, type Diagnostic } from '../engine/diagnostics';
import { isoDate, parseDate } from '../sheet/dates';
import type { Grid } from '../sheet/grid';
import { readRegister } from '../sheet/readRegister';

export interface CasesResult {
  asOf: string;
  /** Where the as-of date came from, for the screen. */
  asOfFrom: 'given' | 'assessment' | 'today';
  rules: CaseRules;
  registers: { sheet: string; headerRow: number | null }[];
  outcomes: CaseOutcome[];
  perUnit: UnitCases[];
  overall: UnitCases;
  /** Open and past due, most days over first. */
  overdue: CaseOutcome[];
  /** Open, due within `rules.dueSoonDays` of the as-of date, soonest first. */
  dueSoon: CaseOutcome[];
  diagnostics: Diagnostic[];
}

/** The report's `cases` field: 编号, units, dates and counts only. */
export interface CasesReport {
  asOf: string;
  perUnit: { unit: string; total: number; due: number; onTime: number; late: number; open: number; closed: number; onTimeRate: number | null; closeRate: number | null }[];
  overall: CasesReport['perUnit'][number];
  overdue: { id: string; unit: string; due: string; daysOver: number; sheet: string; cell: string }[];
  dueSoon: { id: string; unit: string; due: string; daysLeft: number; sheet: string; cell: string }[];
}

/** Where the as-of date came from, as a message says it. */
const AS_OF_FROM: Record<CasesResult['asOfFrom'], string> = { given: '所选日期', assessment: '评分表上的考核日期', today: '今天' };

/**
 * The as-of date: the one given (YYYY-MM-DD), else the assessment date written on the score
 * sheets (单位：张庄村 2024年12月20日), else today.
 */
export function asOfDate(given: string | undefined, assessmentDates: readonly (string | null)[], today: string): { asOf: string; from: CasesResult['asOfFrom'] } {
  if (given) return { asOf: given, from: 'given' };
  for (const written of assessmentDates) {
    const d = parseDate(written);
    if (d) return { asOf: isoDate(d), from: 'assessment' };
  }
  return { asOf: today, from: 'today' };
}

export interface CasesOptions {
  asOf: string;
  asOfFrom?: CasesResult['asOfFrom'];
  /** The units of the score tables; null when the workbook has none (any unit is taken). */
  units: string[] | null;
  year: number | null;
  /** The 办理期限 rules (from the settings sheet, readSettings); default: DEFAULT_CASE_RULES. */
  rules?: CaseRules;
  calendar?: Calendar;
}

/** Reads and evaluates the registers among the grids; null when the workbook has none. */
export function assessCases(registers: readonly Grid[], options: CasesOptions): CasesResult | null {
  if (registers.length === 0) return null;
  const calendar = options.calendar ?? CHINA_CALENDAR;
  const rules = options.rules ?? DEFAULT_CASE_RULES;
  const diagnostics: Diagnostic[] = [];
  const outcomes: CaseOutcome[] = [];
  const read: CasesResult['registers'] = [];
  const ids = new Map<string, string>();
  for (const grid of registers) {
    const reading = readRegister(grid, { units: options.units, year: options.year });
    diagnostics.push(...reading.diagnostics);
    read.push({ sheet: reading.sheet, headerRow: reading.headerRow });
    for (const c of reading.cases) {
      const first = ids.get(c.id);
      if (first) {
        diagnostics.push(diagnose('CASE_DUPLICATE_ID', { id: c.id, first }, c.sheet, c.cells.id));
        continue;
      }
      ids.set(c.id, `${c.sheet}!${c.cells.id}`);
      const outcome = evaluateCase(c, rules, options.asOf, calendar);
      const extensionCell = c.cells.extension ?? c.cells.row;
      if (outcome.extensionBeyondLimit !== null) {
        const days = outcome.extensionBeyondLimit;
        const what = c.extension && 'until' in c.extension ? `延期至 ${c.extension.until} 即延期 ${days} 日` : `延期 ${days} 日`;
        diagnostics.push(diagnose('CASE_EXTENSION_BEYOND_LIMIT', { what, base: outcome.extensionBase, limit: rules.extensionLimit }, c.sheet, extensionCell));
        continue;
      }
      if (outcome.extensionBeforeDue !== null && c.extension && 'until' in c.extension) {
        diagnostics.push(diagnose('CASE_EXTENSION_BEFORE_DUE', { until: c.extension.until, due: outcome.extensionBeforeDue }, c.sheet, extensionCell));
      }
      if (c.closed !== null && !outcome.closedByAsOf) {
        const where = c.cells.closed ?? c.cells.row;
        const asOfFrom = options.asOfFrom ?? 'given';
        diagnostics.push(
          asOfFrom === 'given'
            ? diagnose('CASE_CLOSED_AFTER_GIVEN_AS_OF', { closed: c.closed, asOf: options.asOf }, c.sheet, where)
            : diagnose('CASE_CLOSED_AFTER_AS_OF', { closed: c.closed, asOf: options.asOf, from: AS_OF_FROM[asOfFrom] }, c.sheet, where),
        );
      }
      if (outcome.uncovered.length > 0) {
        diagnostics.push(
          diagnose('CASE_CALENDAR_UNCOVERED', { years: outcome.uncovered.join('、'), source: calendar.source, due: outcome.due }, c.sheet, c.cells.accepted),
        );
      }
      outcomes.push(outcome);
    }
  }
  const units = options.units ?? [...new Set(outcomes.map((o) => o.case.unit))];
  const { perUnit, overall } = tallyByUnit(units, outcomes);
  const open = outcomes.filter((o) => !o.closedByAsOf);
  const horizon = addDays(options.asOf, rules.dueSoonDays);
  return {
    asOf: options.asOf,
    asOfFrom: options.asOfFrom ?? 'given',
    rules,
    registers: read,
    outcomes,
    perUnit,
    overall,
    overdue: open.filter((o) => o.late).sort((a, b) => b.daysOver - a.daysOver || a.due.localeCompare(b.due)),
    dueSoon: open.filter((o) => !o.late && o.due <= horizon).sort((a, b) => a.due.localeCompare(b.due) || a.case.id.localeCompare(b.case.id)),
    diagnostics,
  };
}

function unitReport(u: UnitCases): CasesReport['perUnit'][number] {
  const n = (d: UnitCases['onTimeRate']) => (d === null ? null : toNumber(d.round(4, 1)));
  return { unit: u.unit, total: u.total, due: u.due, onTime: u.onTime, late: u.late, open: u.open, closed: u.closed, onTimeRate: n(u.onTimeRate), closeRate: n(u.closeRate) };
}

export function casesReport(result: CasesResult): CasesReport {
  return {
    asOf: result.asOf,
    perUnit: result.perUnit.map(unitReport),
    overall: unitReport(result.overall),
    overdue: result.overdue.map((o) => ({ id: o.case.id, unit: o.case.unit, due: o.due, daysOver: o.daysOver, sheet: o.case.sheet, cell: o.case.cells.id })),
    dueSoon: result.dueSoon.map((o) => ({ id: o.case.id, unit: o.case.unit, due: o.due, daysLeft: o.daysLeft ?? 0, sheet: o.case.sheet, cell: o.case.cells.id })),
  };
}

/** A --as-of value: a real date written YYYY-MM-DD. */
export function validAsOf(text: string): boolean {
  return isIsoDate(text);
}
