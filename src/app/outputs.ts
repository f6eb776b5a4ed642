/**
 * The sheets that get printed and signed: 汇总排名, one 签字评分表 per unit and the 考核结果通报,
 * as one write plan. Generated sheets are the add-in's own (listed in the settings sheet): a run
 * replaces only those, and a user's sheet with the same name is never touched — the generated
 * one takes another name and the user is told.
 */
import { formatDate } from '../engine/chinese';
import { rewardFor, type RewardSettings } from '../engine/rewards';
import { fold } from '../engine/text';
import { runSteps, type Steps } from '../engine/steps';
import type { WritePlan } from '../host/host';
import { isoDate, yearIn } from '../sheet/dates';
import type { Grid } from '../sheet/grid';
import { parseA1 } from '../sheet/grid';
import type { ScoredUnit } from '../sheet/outputs/common';
import { names, noticeGroups, noticeSheet, townshipLevel } from '../sheet/outputs/notice';
import { dependsOnScores, fillTemplate, findTemplates, placesDraft, type Template } from '../sheet/outputs/templates';
import type { SheetPlan } from '../sheet/sheetPlan';
import { capitalAmount } from '../engine/chinese';
import { toNumber } from '../engine/decimal';
import { draftText, signedSheet } from '../sheet/outputs/signed';
import { signersByUnit } from '../sheet/signers';
import { summaryCells, summarySheetSteps } from '../sheet/outputs/summary';
import { casesSheet } from '../sheet/outputs/casesSheet';
import type { NoticeCases } from '../sheet/outputs/noticeCases';
import type { AssessmentResult } from './scoreAssessment';
import { markGenerated, ownedSheetName, safeSheetName, withinCellLimit } from './ownedSheets';
import { splitSheets } from './records';
import { draftState, draftUnits, fixedDraft, noticeBasis } from './draft';
import { DEFAULT_OUTPUT, settingsSheetPlan, type WorkbookSettings } from './settings';

export interface OutputsOptions {
  /** Today as YYYY-MM-DD: the notice's date unless the settings name one. */
  today: string;
  rewards?: RewardSettings;
}

export interface Outputs {
  plan: WritePlan;
  summary: string;
  notice: string;
  /** Unit → its signed sheet. */
  signed: Map<string, string>;
  /** Sheets filled from the workbook's other templates (e.g. one 目标责任书 per unit). */
  filled: string[];
  /** For the user: sheets that took another name because theirs had it. */
  notes: string[];
}

/** Today in the machine's local time, as YYYY-MM-DD: the notice's date unless the settings name one. */
export function localToday(now: Date = new Date()): string {
  return isoDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}


export function outputsPlan(result: AssessmentResult, grids: Grid[], workbook: WorkbookSettings, options: OutputsOptions): Outputs {
  return runSteps(outputsPlanSteps(result, grids, workbook, options));
}

/** outputsPlan, pausing after each unit's sheet (see engine/steps.ts): the pane makes 300 signed sheets in slices. */
export function* outputsPlanSteps(result: AssessmentResult, grids: Grid[], workbook: WorkbookSettings, options: OutputsOptions): Steps<Outputs> {
  const scheme = result.assessment.scheme;
  const reference = result.assessment.tables[0];
  if (!scheme || !reference) throw new Error('没有可输出的评分结果');
  const existing = grids.map((g) => g.name);
  const owned = workbook.ownedSheets;
  const notes: string[] = [];
  const taken = new Set<string>();
  // Names this run took count as the user's for the next name: two long unit names cut to the same
  // 31 characters get (考核助手), (考核助手2) … and the search always ends.
  const name = (wanted: string) => {
    const n = ownedSheetName(wanted, [...existing.filter((e) => !owned.includes(e)), ...taken], []);
    const plain = safeSheetName(wanted);
    if (n !== plain && existing.includes(plain) && !owned.includes(plain)) notes.push(`工作簿中已有您自己的工作表“${plain}”，未改动；生成的表命名为“${n}”`);
    else if (n !== plain) notes.push(`工作表名“${plain}”已被本次生成的另一张表使用，这张表命名为“${n}”`);
    taken.add(n);
    return n;
  };

  const rewards = options.rewards ?? workbook.rewards;
  const units: ScoredUnit[] = result.units.map((u) => ({
    table: u.table,
    score: u.score,
    placement: u.placement,
    deductions: u.deductions,
    entries: { items: u.entries.items, adjustments: u.entries.adjustments, veto: u.score.veto },
    reward: rewardFor(rewards, { band: u.placement.band?.label ?? null, veto: u.score.veto, rank: u.placement.rank, total: u.score.total }),
  }));

  const year = yearIn(reference.title) ?? yearIn(reference.date) ?? Number(options.today.slice(0, 4));
  const subject = `${year}年度${subjectOf(reference.title)}`;
  const byName = new Map(grids.map((g) => [g.name, g]));
  const isNumberCell = (sheet: string, address: string) => {
    const { row, col } = parseA1(address);
    return typeof byName.get(sheet)?.rows[row]?.[col] === 'number';
  };
  const out = workbook.output;
  // 成文日期: the settings' date, else the assessment date written on the table; never the day of the run.
  const assessedIso = reference.date ? isoFrom(reference.date) : null;
  const dateIso = out.date ?? assessedIso;
  const date = dateIso ? formatDate(dateIso, out.dateStyle) : '';

  const { templates } = findTemplates(splitSheets(grids.filter((g) => !owned.includes(g.name))).tables, workbook.templates);
  const signedTemplate = templates.find((t) => t.kind === 'unit' && t.base.includes('签字'));
  const noticeTemplate = templates.find((t) => t.kind === 'workbook' && t.base.includes('通报'));

  yield;
  const summary = name('汇总排名');
  const draft = draftState(result);
  const sheets = [
    yield* summarySheetSteps(units, { name: summary, title: `${subject}考核汇总排名表`, scheme, settings: result.settings, rewards, isNumberCell, otherDraft: fixedDraft(draft) }),
  ];
  const township = out.township ?? townshipOf(reference.title);
  const level = townshipLevel(township);
  const lowBand = [...rewards.returns].sort((a, b) => a.times - b.times)[0];
  const noticeOptions = {
    draft: draft.line,
    draftUnits: draftUnits(draft),
    title: out.title ?? `关于${subject}考核结果的通报`,
    subject,
    // The defaults name a 镇: a 乡 or a 街道 reads its own.
    recipients: out.recipients === DEFAULT_OUTPUT.recipients ? out.recipients.replace('镇直', level === '街道' ? '街道直属' : `${level}直`) : out.recipients,
    authority: out.authority === DEFAULT_OUTPUT.authority && township ? `${township}综治及信访工作领导小组` : out.authority,
    level,
    date,
    commended: out.commended,
    criticised: out.criticised,
    awardThreshold: rewards.awards.minTotal,
    rewards,
    lowBand: lowBand && lowBand.times === 0 ? lowBand.band : null,
    zeroPetition: result.records.zeroPetition ?? null,
    cases: noticeCases(result, out, township),
    documentNumber: out.documentNumber,
    copyTo: out.copyTo,
    printedBy: out.printedBy,
    printedOn: out.printDate ? formatDate(out.printDate, out.dateStyle) : '',
  };
  const shared = { ...workbookValues(units, noticeOptions, year), 草稿: draft.line };
  // A copy showing what the scores decide says 草稿 while they are incomplete: in its {{草稿}} cell,
  // else at the top of every printed page (the template's own cells and layout stay as they are).
  const fromTemplate = (t: Template, sheet: string, values: Record<string, string | number>): SheetPlan => {
    const plan: SheetPlan = { name: sheet, copyOf: t.sheet, cells: fillTemplate(t, values), merges: [], columnWidths: [] };
    const mark = String(values.草稿 ?? '');
    return mark && dependsOnScores(t) && !placesDraft(t) ? { ...plan, draftHeader: mark } : plan;
  };
  // A unit's copy is a draft as its built-in 签字评分表 is: while the unit's own entries are incomplete.
  const unitTemplateValues = (u: ScoredUnit) => ({ ...shared, ...unitValues(u), 草稿: draftText(u, fixedDraft(draft, u.table.unit)) });

  const signed = new Map<string, string>();
  // 考核日期: the settings' date, else the one written on the unit's own table, else blank to fill in by hand.
  const assessedOn = (u: ScoredUnit) => {
    const iso = out.assessmentDate ?? (u.table.date ? isoFrom(u.table.date) : null);
    return iso ? formatDate(iso, out.dateStyle) : '';
  };
  // 评分来源 (合并评分): the 考核组 whose names go on each unit's signature lines; else the settings' names.
  const signers = signersByUnit(workbook.sources ?? []);
  for (const [index, u] of units.entries()) {
    const n = name(`${u.table.unit}${signedTemplate?.base ?? '签字表'}`);
    signed.set(u.table.unit, n);
    sheets.push(
      signedTemplate
        ? fromTemplate(signedTemplate, n, unitTemplateValues(u))
        : signedSheet(u, {
            name: n,
            scheme,
            title: `${township}${subject}考核评分表`,
            date: assessedOn(u),
            grid: byName.get(u.table.sheet),
            isNumberCell,
            summary: { sheet: summary, ...summaryCells(scheme.categories.length, index) },
            signers: signers.get(u.table.unit) ?? { leader: workbook.group?.leader ?? '', members: workbook.group?.members ?? [] },
            otherDraft: fixedDraft(draft, u.table.unit),
          }),
    );
    yield;
  }
  const notice = name(noticeTemplate?.base ?? '考核结果通报');
  sheets.push(noticeTemplate ? fromTemplate(noticeTemplate, notice, shared) : noticeSheet(units, { name: notice, ...noticeOptions }));
  // Other templates: a 目标责任书 per unit, or a sheet of the office's own filled once.
  const filled: string[] = [];
  for (const t of templates.filter((x) => x !== signedTemplate && x !== noticeTemplate)) {
    const add = (sheet: string, values: Record<string, string | number>) => {
      sheets.push(fromTemplate(t, sheet, values));
      filled.push(sheet);
    };
    if (t.kind === 'unit') {
      for (const u of units) {
        add(name(`${u.table.unit}${t.base}`), unitTemplateValues(u));
        yield;
      }
    }
    else add(name(t.base === t.sheet ? `${t.base}(已填写)` : t.base), shared);
  }

  if (result.cases && result.cases.outcomes.length > 0) sheets.push(casesSheet(result.cases, { name: name('办理情况') }));

  const nowOwned = sheets.map((s) => s.name);
  const stale = owned.filter((s) => !nowOwned.includes(s) && existing.includes(s));
  // Every generated sheet carries the mark that lets a later run prove it is the add-in's.
  const marked: SheetPlan[] = [];
  for (const s of sheets) {
    const fitted = withinCellLimit(markGenerated(s, s.copyOf ? byName.get(s.copyOf)?.rows.length : 0));
    notes.push(...fitted.notes);
    marked.push(fitted.plan);
    yield;
  }
  marked.push(settingsSheetPlan({ ...workbook, score: result.settings, ownedSheets: nowOwned, noticeBasis: noticeBasis(result, workbook), cases: result.cases?.rules ?? workbook.cases }, grids));
  return { plan: { cells: [], sheets: marked, removeSheets: stale }, summary, notice, signed, filled, notes };
}

/** What the notice states of the case register: null without one, or when the settings say 通报写办结率：否. */
function noticeCases(result: AssessmentResult, out: WorkbookSettings['output'], township: string): NoticeCases | null {
  const cases = result.cases;
  if (!cases || !out.caseRates) return null;
  return { asOf: formatDate(cases.asOf, out.dateStyle), township, overall: cases.overall, perUnit: orderByRank(cases.perUnit, result) };
}

/** Tallies in the units' rank order (the notice's order). */
function orderByRank<T extends { unit: string }>(list: readonly T[], result: AssessmentResult): T[] {
  const rank = new Map(result.units.map((u, i) => [u.table.unit, i]));
  return [...list].sort((a, b) => (rank.get(a.unit) ?? rank.size) - (rank.get(b.unit) ?? rank.size));
}

/** What a unit fills into a template (UNIT_PLACEHOLDERS). */
function unitValues(u: ScoredUnit): Record<string, string | number> {
  const r = u.reward;
  return {
    单位: u.table.unit,
    总分: toNumber(u.score.total),
    基础分: toNumber(u.score.base),
    加减分: toNumber(u.score.adjustment),
    排名: u.placement.rank,
    等次: u.placement.band?.label ?? '—',
    一票否决: u.score.veto ? '是' : '否',
    扣分明细: u.deductions.map((d) => `${toNumber(d.points) > 0 ? '+' : ''}${toNumber(d.points)}分 ${d.rule}${d.count > 1 ? ` ×${d.count}` : ''}：${d.reason}`).join('\n') || '无',
    责任金: toNumber(r.deposit),
    责任金兑现: `${r.wording}（${toNumber(r.returned.gt(0) ? r.returned : r.deposit)}元）`,
    返还金额: toNumber(r.returned),
    奖励: r.award ? toNumber(r.award) : '无',
    奖励大写: r.award ? capitalAmount(r.award) : '无',
  };
}

/** What the assessment fills into any template (WORKBOOK_PLACEHOLDERS). */
function workbookValues(units: ScoredUnit[], o: { title: string; subject: string; authority: string; date: string; commended: number; criticised: number; awardThreshold: number }, year: number): Record<string, string | number> {
  const groups = noticeGroups(units, o);
  const named = (list: ScoredUnit[]) => (list.length === 0 ? '无' : names(list));
  return {
    通报标题: o.title,
    考核名称: o.subject,
    考核年度: year,
    发文机关: o.authority,
    日期: o.date,
    单位数: units.length,
    表扬单位: named(groups.top),
    批评单位: named(groups.bottom),
    否决单位: named(groups.vetoed),
    重点管理单位: named(groups.last),
    排名列表: units.map((u) => `${u.placement.rank}.${u.table.unit} ${toNumber(u.score.total)}分`).join('；'),
  };
}

/** The township a title names: 'xx镇综治及信访工作考核评分表' → 'xx镇'; '' when it names none. */
export function townshipOf(title: string | null): string {
  const m = /^(.{1,12}?(?:镇|乡|街道办事处|街道|办事处))/.exec(fold(title ?? '').replace(/\s+/g, '').replace(/^\d{4}年度?/, ''));
  return m ? m[1] : '';
}

/** A date as written in a label row (2024年12月20日, 2024-12-20, 2024.12.20) as YYYY-MM-DD, or null. */
function isoFrom(text: string): string | null {
  const m = /(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})/.exec(fold(text));
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : null;
}

/** What a table's title says was assessed: 'xx镇2024年度综治及信访工作考核评分表' → '综治及信访工作'. */
export function subjectOf(title: string | null): string {
  const folded = fold(title ?? '').replace(/\s+/g, '');
  const year = /\d{4}年度?/.exec(folded);
  const s = (year ? folded.slice(year.index + year[0].length) : folded.replace(/^.*?(镇|街道办事处|街道|办事处|乡)/, ''))
    // A matrix of all units is titled …考核评分汇总表 / 得分汇总表: its subject is the same.
    .replace(/(目标管理)?(考核|考评)?(评分|计分|得分)?(汇总|统计|一览)?表$/, '')
    .replace(/(考核|考评)$/, '')
    .replace(/^各(村|单位|村居|乡镇)/, '');
  return s || '综治及信访工作';
}
