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
  const unitSheets = new Set(result.units.map((u) => u.table.sheet));
  for (const u of result.units) {
    const entries = [...u.entries.items.flat(), ...u.entries.adjustments];
    const blank = u.entries.items.flat().filter((e) => e.status === 'blank').map((e) => e.cell);
    const wrong = entries.filter((e) => e.status === 'invalid').map((e) => e.cell);
    if (blank.length) problems.push({ where: u.table.unit, text: `有 ${blank.length} 项未评分${cellList(blank)}`, cells: blank });
    if (wrong.length) problems.push({ where: u.table.unit, text: `有 ${wrong.length} 项填写错误${cellList(wrong)}`, cells: wrong });
    const veto = u.table.entries.veto;
    if (veto && veto.value === null && veto.raw.trim() !== '' ) {
      problems.push({ where: u.table.unit, text: `一票否决栏“${veto.raw}”无法识别${cellList([veto.cell])}`, cells: [veto.cell] });
    }
  }
  // Other errors (the ledger's or the log's rows not counted, a unit sheet's other errors) by sheet.
  const counted = new Set(result.units.flatMap((u) => [...u.entries.items.flat(), ...u.entries.adjustments].filter((e) => e.status === 'invalid').map((e) => `${u.table.sheet}!${e.cell}`)));
  const bySheet = new Map<string, Diagnostic[]>();
  for (const d of result.diagnostics) {
    if (d.severity !== 'error' || counted.has(`${d.sheet}!${d.cell}`)) continue;
    const key = d.sheet ?? '工作簿';
    bySheet.set(key, [...(bySheet.get(key) ?? []), d]);
  }
  for (const [sheet, ds] of bySheet) {
    const cells = ds.map((d) => d.cell).filter((c): c is string => Boolean(c));
    const what = unitSheets.has(sheet) ? '处错误' : '条记录有错误、未计入';
    problems.push({ where: sheet, text: `有 ${ds.length} ${what}${cellList(cells)}`, cells });
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

/** The units a problem is about, for the notice: a unit named here is not judged without saying so. */
export function draftUnits(state: DraftState): Set<string> {
  return new Set(state.problems.map((p) => p.where));
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
