/**
 * The sheets that get printed and signed: 汇总排名, one 签字评分表 per unit and the 考核结果通报,
 * as one write plan. Generated sheets are the add-in's own (listed in the settings sheet): a run
 * replaces only those, and a user's sheet with the same name is never touched — the generated
 * one takes another name and the user is told.
 */
import { formatDate } from '../engine/chinese';
import { DEFAULT_REWARDS, rewardFor, type RewardSettings } from '../engine/rewards';
import { fold } from '../engine/text';
import type { WritePlan } from '../host/host';
import { yearIn } from '../sheet/dates';
import type { Grid } from '../sheet/grid';
import { parseA1 } from '../sheet/grid';
import type { ScoredUnit } from '../sheet/outputs/common';
import { noticeSheet } from '../sheet/outputs/notice';
import { signedSheet } from '../sheet/outputs/signed';
import { summarySheet } from '../sheet/outputs/summary';
import type { AssessmentResult } from './scoreAssessment';
import { ownedSheetName, settingsSheetPlan, type WorkbookSettings } from './settings';

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
  /** For the user: sheets that took another name because theirs had it. */
  notes: string[];
}

/** Characters a sheet name may not hold, and its length limit. */
const sheetName = (s: string) => s.replace(/[:\\/?*[\]]/g, '_').slice(0, 31);

export function outputsPlan(result: AssessmentResult, grids: Grid[], workbook: WorkbookSettings, options: OutputsOptions): Outputs {
  const scheme = result.assessment.scheme;
  const reference = result.assessment.tables[0];
  if (!scheme || !reference) throw new Error('没有可输出的评分结果');
  const existing = grids.map((g) => g.name);
  const owned = workbook.ownedSheets;
  const notes: string[] = [];
  const taken = new Set<string>();
  const name = (wanted: string) => {
    let n = ownedSheetName(sheetName(wanted), [...existing, ...taken], owned);
    for (let k = 2; taken.has(n); k++) n = ownedSheetName(sheetName(`${wanted}${k}`), [...existing, ...taken], owned);
    if (n !== sheetName(wanted)) notes.push(`工作簿中已有您自己的工作表“${sheetName(wanted)}”，未改动；生成的表命名为“${n}”`);
    taken.add(n);
    return n;
  };

  const rewards = options.rewards ?? DEFAULT_REWARDS;
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
  const date = formatDate(out.date ?? options.today, out.dateStyle);

  const summary = name('汇总排名');
  const sheets = [
    summarySheet(units, { name: summary, title: `${subject}考核汇总排名表`, scheme, settings: result.settings, isNumberCell }),
  ];
  const signed = new Map<string, string>();
  for (const u of units) {
    const n = name(`${u.table.unit}签字表`);
    signed.set(u.table.unit, n);
    sheets.push(signedSheet(u, { name: n, scheme, title: `${subject}考核评分表`, date: out.date ? date : '', grid: byName.get(u.table.sheet) }));
  }
  const notice = name('考核结果通报');
  sheets.push(
    noticeSheet(units, {
      name: notice,
      title: out.title ?? `关于${subject}考核结果的通报`,
      subject,
      recipients: '各村（居）、镇直各单位',
      authority: out.authority,
      date,
      commended: out.commended,
      criticised: out.criticised,
    }),
  );

  const nowOwned = sheets.map((s) => s.name);
  const stale = owned.filter((s) => !nowOwned.includes(s) && existing.includes(s));
  sheets.push(settingsSheetPlan({ ...workbook, score: result.settings, ownedSheets: nowOwned }));
  return { plan: { cells: [], sheets, removeSheets: stale }, summary, notice, signed, notes };
}

/** What a table's title says was assessed: 'xx镇2024年度综治及信访工作考核评分表' → '综治及信访工作'. */
export function subjectOf(title: string | null): string {
  const folded = fold(title ?? '').replace(/\s+/g, '');
  const year = /\d{4}年度?/.exec(folded);
  const s = (year ? folded.slice(year.index + year[0].length) : folded.replace(/^.*?(镇|街道办事处|街道|办事处|乡)/, ''))
    .replace(/(目标管理)?(考核|考评)?(评分|计分)?表$/, '')
    .replace(/(考核|考评)$/, '');
  return s || '综治及信访工作';
}
