/**
 * Whether the results are final, and whether a notice already written is still true.
 *
 * Draft: while any unit has a blank or wrong entry, or any record of the ledger or the log could
 * not be counted (an error), every generated page says 草稿 and names what is missing; a final
 * run (`kaohe score --final`, the pane's 生成正式结果) refuses, naming them.
 *
 * Stale: the notice is text, not formulas. When it is generated, a fingerprint of what it says
 * (units, totals, ranks, bands, vetoes and the settings it used) is kept in the settings sheet
 * (通报依据); a later run whose results differ says 「通报已过期，请重新生成」.
 */
import type { Diagnostic } from '../engine/diagnostics';
import type { AssessmentResult } from './scoreAssessment';
import type { WorkbookSettings } from './settings';

export interface DraftProblem {
  /** The unit or sheet it is about. */
  where: string;
  /** 有 1 项未评分（E26） */
  text: string;
  cells: string[];
  /** The units whose results it leaves open: its own unit, the units of a sheet, or every unit for a record of the ledger or the log. */
  units: string[];
  /**
   * True for a blank or wrong entry: the generated sheets' formulas over the entry cell follow it
   * (their 草稿 line goes when it is corrected). Others are written into the 草稿 line as text and
   * stay until the outputs are generated again.
   */
  live: boolean;
}

export interface DraftState {
  final: boolean;
  problems: DraftProblem[];
  /** The line printed on every generated page while the results are a draft; '' when final. */
  line: string;
}

/** At most this many cells named in one problem, then 等 N 处. */
const NAMED_CELLS = 6;

const cellList = (cells: string[]) =>
  cells.length === 0 ? '' : `（${cells.slice(0, NAMED_CELLS).join('、')}${cells.length > NAMED_CELLS ? ` 等 ${cells.length} 处` : ''}）`;

/**
 * What keeps the results from being final. draftState(result).line →
 * '草稿：孙庄村有 1 项未评分（E26）；刘湾村有 1 项填写错误（E4）。结果不能作为正式结果'
 */
export function draftState(result: AssessmentResult): DraftState {
  const problems: DraftProblem[] = [];
  const unitsOf = new Map<string, string[]>();
  for (const u of result.units) unitsOf.set(u.table.sheet, [...(unitsOf.get(u.table.sheet) ?? []), u.table.unit]);
  const everyUnit = result.units.map((u) => u.table.unit);
  // The cells named here, so that their diagnostics are not counted again as the sheet's other errors.
  const counted = new Set<string>();
  for (const u of result.units) {
    const entries = [...u.entries.items.flat(), ...u.entries.adjustments];
    const blank = u.entries.items.flat().filter((e) => e.status === 'blank').map((e) => e.cell);
    const wrong = entries.filter((e) => e.status === 'invalid').map((e) => e.cell);
    const units = [u.table.unit];
    if (blank.length) problems.push({ where: u.table.unit, text: `有 ${blank.length} 项未评分${cellList(blank)}`, cells: blank, units, live: true });
    if (wrong.length) problems.push({ where: u.table.unit, text: `有 ${wrong.length} 项填写错误${cellList(wrong)}`, cells: wrong, units, live: true });
    const veto = u.table.entries.veto;
    if (veto && veto.value === null && veto.raw.trim() !== '') {
      problems.push({ where: u.table.unit, text: `一票否决栏“${veto.raw}”无法识别${cellList([veto.cell])}`, cells: [veto.cell], units, live: false });
      counted.add(`${u.table.sheet}!${veto.cell}`);
    }
    for (const c of wrong) counted.add(`${u.table.sheet}!${c}`);
  }
  // Other errors (the ledger's or the log's rows not counted, a unit sheet's other errors) by sheet.
  const bySheet = new Map<string, Diagnostic[]>();
  for (const d of result.diagnostics) {
    if (d.severity !== 'error' || counted.has(`${d.sheet}!${d.cell}`)) continue;
    const key = d.sheet ?? '工作簿';
    bySheet.set(key, [...(bySheet.get(key) ?? []), d]);
  }
  for (const [sheet, ds] of bySheet) {
    const cells = ds.map((d) => d.cell).filter((c): c is string => Boolean(c));
    const units = unitsOf.get(sheet);
    const what = units ? '处错误' : '条记录有错误、未计入';
    problems.push({ where: sheet, text: `有 ${ds.length} ${what}${cellList(cells)}`, cells, units: units ?? everyUnit, live: false });
  }
  const line = problems.length ? `草稿：${problems.map((p) => `${p.where}${p.text}`).join('；')}。结果不能作为正式结果` : '';
  return { final: problems.length === 0, problems, line };
}

/**
 * What keeps a final run (`kaohe score --final`, the pane's 生成正式结果) from running: one line in
 * Chinese per problem, as --final prints them; empty when the results are final.
 * finalBlockers(sample) → ['刘湾村有 1 项填写错误（E4）', '孙庄村有 1 项未评分（E26）']
 */
export function finalBlockers(result: AssessmentResult): string[] {
  return blockerLines(draftState(result));
}

/** The problems of a draft state as the lines finalBlockers gives. */
export function blockerLines(state: DraftState): string[] {
  return state.problems.map((p) => `${p.where}${p.text}`);
}

/**
 * The units whose results a problem leaves open, for the notice (a unit named here is not judged
 * without saying so): 'entries' when only its blank or wrong entries do, else 'more'.
 */
export function draftUnits(state: DraftState): Map<string, 'entries' | 'more'> {
  const out = new Map<string, 'entries' | 'more'>();
  for (const p of state.problems) for (const u of p.units) if (out.get(u) !== 'more') out.set(u, p.live ? 'entries' : 'more');
  return out;
}

/**
 * What a generated sheet's 草稿 line states as text, beside what its formulas follow: the problems
 * that are not a blank or wrong entry (a record not counted, a 一票否决 not understood), those of
 * the given unit and those of every unit; for the summary (no unit), all of them.
 * fixedDraft(state) → '信访台账有 1 条记录有错误、未计入（C12）'
 */
export function fixedDraft(state: DraftState, unit?: string): string {
  return state.problems
    .filter((p) => !p.live && (unit === undefined || p.units.includes(unit)))
    .map((p) => `${p.where === unit ? '本单位' : p.where}${p.text}`)
    .join('；');
}

/** 32-bit FNV-1a of a text, as 8 hex digits. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0) as number;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * What the notice is generated from, as a short fingerprint: units, totals, ranks, bands, vetoes,
 * draft state and the settings it uses, and — when it states them — the case register's counts
 * and as-of date (a workbook without a register keeps the fingerprint it had before there were any).
 */
export function noticeBasis(result: AssessmentResult, settings: WorkbookSettings): string {
  const units = result.units.map((u) => [u.table.unit, u.score.total.toFixed(), u.placement.rank, u.placement.band?.label ?? '', u.score.veto ? 1 : 0].join(':'));
  const draft = draftState(result).line;
  const { output: { caseRates, ...output }, rewards } = settings;
  const cases = result.cases && caseRates ? [[result.cases.asOf, ...[result.cases.overall, ...result.cases.perUnit].map((t) => [t.unit, t.total, t.due, t.onTime, t.late, t.closed].join(':'))]] : [];
  return fnv1a(JSON.stringify([units, draft, output, rewards, result.settings, ...cases]));
}

/**
 * 「通报已过期，请重新生成」 when the workbook holds a notice generated from other results than
 * these (or other settings); null when it holds none or it is current.
 */
export function staleNotice(result: AssessmentResult, settings: WorkbookSettings, sheetNames: string[]): string | null {
  const recorded = settings.noticeBasis;
  if (!recorded) return null;
  const notice = settings.ownedSheets.find((s) => /通报/.test(s) && sheetNames.includes(s));
  if (!notice) return null;
  if (recorded === noticeBasis(result, { ...settings, noticeBasis: null })) return null;
  return `通报已过期，请重新生成：工作表“${notice}”是按之前的成绩或设置生成的，此后得分或设置已改动`;
}
