/**
 * 汇总排名: one row per unit — 序号, 单位, each category's score, 加减分, 一票否决, 总分, 排名,
 * 等次, 备注 (责任金 and 奖补资金), 评分状态. Every figure is a formula over the unit sheets' entry
 * cells (see entryFormulas.ts), so a correction made in Excel or LibreOffice flows into scores,
 * ranks, bands and notes; a wrong entry shows 「填写错误」 and the row's 评分状态 says what is
 * missing, and a line under the title says 草稿 while any row is incomplete. The engine's values are
 * written as the formulas' cached results. Landscape A4, one font, 制表人/审核人/日期 under the table.
 */
import { bandsHighestFirst, parseBand, VETO_BAND } from '../../engine/bands';
import { sum, toNumber } from '../../engine/decimal';
import type { Scheme, ScoreSettings } from '../../engine/model';
import type { Steps } from '../../engine/steps';
import { depositOf, rewardNote, type RewardSettings } from '../../engine/rewards';
import { columnLetters } from '../grid';
import type { CellStyle, SheetPlan } from '../sheetPlan';
import { BORDERED, breakLines, cell, formulaText, sheetRef, type ScoredUnit } from './common';
import { adjustmentBounds, entryFormulas, itemBounds, WRONG, type IsNumberCell } from './entryFormulas';
import { layoutSummary, type LayoutColumn } from './summaryLayout';

export interface SummaryOptions {
  name: string;
  title: string;
  scheme: Scheme;
  settings: ScoreSettings;
  rewards: RewardSettings;
  /** True when the cell holds a number on its sheet (so a formula may reference it). */
  isNumberCell: IsNumberCell;
  /** What else keeps the results a draft, as text (draft.ts fixedDraft: records not counted, a 一票否决 not understood); '' for nothing. */
  otherDraft: string;
}

/** Values a person may type for 一票否决 = 是 (as entry.ts's parseVeto reads them). */
const VETO_YES = ['是', '√', '✓', '✔', 'Y', 'YES', '有', '否决', 'TRUE', '1'];

/** Row 1 title, row 2 the 草稿 line (a formula), row 3 the header, units from row 4. */
export const SUMMARY_FIRST_ROW = 4;
const FONT = '宋体';
/** The helper columns' cells: small grey numbers outside the print area. */
const HELPER: CellStyle = { fontName: '宋体', fontSize: 8, horizontal: 'center' };
/** Unit names longer than this many em wrap in their column. */
const UNIT_EM = 10;
/**
 * Half-em units a line of the 草稿 line may hold: the narrower of the two page settings (10.5 pt
 * between 10 mm margins: 148), with room to spare.
 */
const DRAFT_WIDTH = 140;

/**
 * What the summary's 评分状态 says for a unit, as its formula computes it: 有填写错误 and 未评分N项
 * on lines of their own (joined by “，” the column would wrap with the comma starting a line).
 */
export function summaryStatus(wrongCategories: boolean, blank: number): string {
  return `${wrongCategories ? '有填写错误' : ''}${wrongCategories && blank > 0 ? '\n' : ''}${blank > 0 ? `未评分${blank}项` : ''}`;
}

const ENTRIES_PROBLEM = '有单位的得分未填写或填写错误（见“评分状态”列）';
export const DRAFT_LINE = `草稿：${ENTRIES_PROBLEM}，本表结果不能作为正式结果`;

/**
 * The 草稿 line: while any row's 评分状态 says something (a formula, so it follows corrections),
 * and always while other problems remain (draft.ts fixedDraft: text, until the outputs are
 * generated again), broken into lines by the Chinese rules at `width` half-em units.
 * summaryDraftLine(false, '信访台账有 1 条记录有错误、未计入（C12）', 200) →
 * '草稿：信访台账有 1 条记录有错误、未计入（C12）。本表结果不能作为正式结果'
 */
export function summaryDraftLine(entries: boolean, other: string, width: number): string {
  if (!other) return entries ? DRAFT_LINE : '';
  const rest = `${other}。本表结果不能作为正式结果`;
  return entries ? `草稿：${ENTRIES_PROBLEM}；\n${breakLines(rest, width)}` : breakLines(`草稿：${rest}`, width);
}

/** The cells of a unit's row (0-based index in rank order) that other sheets reference. */
export function summaryCells(categories: number, index: number) {
  const r = SUMMARY_FIRST_ROW + index;
  const L = (c: number) => `${columnLetters(c)}${r}`;
  return { veto: L(3 + categories), total: L(4 + categories), rank: L(5 + categories), band: L(6 + categories), status: L(8 + categories) };
}

/** The 汇总排名 sheet, pausing after the layout and after each unit's row (engine/steps.ts): 300 rows of formulas take a moment. */
export function* summarySheetSteps(units: ScoredUnit[], o: SummaryOptions): Steps<SheetPlan> {
  const k = o.scheme.categories.length;
  const col = {
    index: 0,
    unit: 1,
    category: (c: number) => 2 + c,
    adjustment: 2 + k,
    veto: 3 + k,
    total: 4 + k,
    rank: 5 + k,
    band: 6 + k,
    note: 7 + k,
    status: 8 + k,
  };
  const L = (c: number) => columnLetters(c);
  const first = SUMMARY_FIRST_ROW;
  const last = first + units.length - 1;
  const range = (c: number) => `$${L(c)}$${first}:$${L(c)}$${Math.max(last, first)}`;
  const V = range(col.veto);
  const T = range(col.total);
  const width = col.status + 1;
  const header = ['序号', '单位', ...o.scheme.categories.map((c) => `${c.title}（${toNumber(c.statedPoints ?? sum(c.items.map((i) => i.points)))}分）`), '加减分', '一票否决', '总分', '排名', '等次', '备注', '评分状态'];
  const bands = bandsHighestFirst(o.settings.bands.map(parseBand));
  const notes = noteAlternatives(o.rewards);
  // The 草稿 line takes more lines while records are not counted (see summaryDraftLine).
  const draftLines = o.otherDraft ? summaryDraftLine(true, o.otherDraft, DRAFT_WIDTH).split('\n').length : 1;
  const layout = layoutSummary(
    notes.map((note) => summaryColumns(units, header, bands.map((b) => b.label), note)),
    draftLines,
  );
  yield;
  // 备注's deposit and award on one line (joined by “；”) when the width allows, else on two.
  const joined = notes[layout.alternative].join === '；';
  const font = (s: CellStyle): CellStyle => ({ fontName: FONT, fontSize: layout.size, ...s });
  const boxed = font(BORDERED);
  const centered = font({ ...BORDERED, horizontal: 'center' });
  const number = { ...centered, numFmt: '0.##' };

  const cells: SheetPlan['cells'] = [cell('A1', o.title, font({ bold: true, fontSize: layout.titleSize, horizontal: 'center', vertical: 'middle' }))];
  const statuses = units.length ? range(col.status) : null;
  const draft = units.some((u) => status(u) !== '');
  const draftNow = summaryDraftLine(draft, o.otherDraft, DRAFT_WIDTH);
  const anyStatus = `SUMPRODUCT(--(LEN(${statuses})>0))>0`;
  const draftFormula = statuses
    ? o.otherDraft
      ? `IF(${anyStatus},${formulaText(summaryDraftLine(true, o.otherDraft, DRAFT_WIDTH))},${formulaText(summaryDraftLine(false, o.otherDraft, DRAFT_WIDTH))})`
      : `IF(${anyStatus},"${DRAFT_LINE}","")`
    : undefined;
  cells.push(cell('A2', draftNow, font({ bold: true, horizontal: 'center', vertical: 'middle', wrap: Boolean(o.otherDraft) }), draftFormula));
  // Broken here with the Chinese rules (see breakLines), a little narrower than the column.
  layout.header.forEach((h, c) => cells.push(cell(`${L(c)}3`, h, font({ ...BORDERED, bold: true, horizontal: 'center' }))));
  const helpers = [...o.scheme.categories.map((_, i) => `计算列${i + 1}`), '计算列：加减分', '计算列：未评分项数'];
  helpers.forEach((h, i) => cells.push(cell(`${L(col.status + 1 + i)}3`, h, HELPER)));

  const heights: Record<number, number> = { 1: layout.heights.title, 2: layout.heights.draft, 3: layout.heights.header };
  for (const [i, u] of units.entries()) {
    const r = first + i;
    const at = (c: number) => `${L(c)}${r}`;
    const sheet = u.table.sheet;
    cells.push(cell(at(col.index), i + 1, centered));
    cells.push(cell(at(col.unit), u.table.unit, boxed));
    // Helper columns right of the print area hold the sums of the valid entries and the blank
    // count once; the visible cells reference them (a request to Excel stays small at 1,000 units).
    const helper = (c: number) => at(col.status + 1 + c);
    const blanks: string[] = [];
    o.scheme.categories.forEach((c, ci) => {
      const f = entryFormulas(sheet, u.entries.items[ci], c.items.map(itemBounds), o.isNumberCell, true);
      if (f.blank) blanks.push(f.blank);
      const score = toNumber(u.score.categories[ci].score);
      cells.push(cell(helper(ci), score, HELPER, f.sum));
      const wrong = u.entries.items[ci].some((e) => e.status === 'invalid');
      cells.push(cell(at(col.category(ci)), wrong ? WRONG : score, number, f.wrong ? `IF(${f.wrong}>0,"${WRONG}",${helper(ci)})` : helper(ci)));
    });
    const adj = entryFormulas(sheet, u.entries.adjustments, o.scheme.adjustments.map(adjustmentBounds), o.isNumberCell, false);
    cells.push(cell(helper(k), toNumber(u.score.adjustment), HELPER, adj.sum));
    const adjWrong = u.entries.adjustments.some((e) => e.status === 'invalid');
    cells.push(cell(at(col.adjustment), adjWrong ? WRONG : toNumber(u.score.adjustment), number, adj.wrong ? `IF(${adj.wrong}>0,"${WRONG}",${helper(k)})` : helper(k)));
    cells.push(cell(at(col.veto), u.score.veto ? '是' : '否', centered, vetoFormula(u)));
    const blankCount = u.entries.items.flat().filter((e) => e.status === 'blank').length;
    cells.push(cell(helper(k + 1), blankCount, HELPER, blanks.length ? blanks.join('+') : '0'));

    const sum = `ROUND(MAX(0,SUM(${helper(0)}:${helper(k)})),2)`;
    const total = o.settings.veto === 'zero' ? `IF(${at(col.veto)}="是",0,${sum})` : sum;
    cells.push(cell(at(col.total), toNumber(u.score.total), { ...number, bold: true }, total));

    const t = at(col.total);
    const rank =
      o.settings.ranking === 'competition'
        ? `IF(${at(col.veto)}="否",1+COUNTIFS(${V},"否",${T},">"&${t}),COUNTIF(${V},"否")+1+COUNTIFS(${V},"是",${T},">"&${t}))`
        : `IF(${at(col.veto)}="否",1+SUMPRODUCT((${V}="否")*(${T}>${t})/COUNTIFS(${V},${V},${T},${T})),` +
          `SUMPRODUCT((${V}="否")/COUNTIFS(${V},${V},${T},${T}))+1+SUMPRODUCT((${V}="是")*(${T}>${t})/COUNTIFS(${V},${V},${T},${T})))`;
    cells.push(cell(at(col.rank), u.placement.rank, centered, rank));

    const test = (b: (typeof bands)[number]) =>
      [b.min !== null ? `${t}>=${b.min.toFixed()}` : '', b.max !== null ? `${t}${b.belowMax ? '<' : '<='}${b.max.toFixed()}` : ''].filter(Boolean).join(',');
    const bandFormula = bands.reduceRight((otherwise, b) => `IF(AND(${test(b)}),"${b.label}",${otherwise})`, '"—"');
    cells.push(cell(at(col.band), u.placement.band?.label ?? '—', centered, `IF(${at(col.veto)}="是","${VETO_BAND}",${bandFormula})`));
    const note = summaryNote(u, joined ? '；' : '\n');
    cells.push(cell(at(col.note), note, boxed, noteFormula(o.rewards, { veto: at(col.veto), band: at(col.band), total: t, rank: at(col.rank) }, joined)));

    const wrongRef = `COUNTIF(${at(col.category(0))}:${at(col.adjustment)},"${WRONG}")>0`;
    const blank = helper(k + 1);
    const statusFormula = `IF(${wrongRef},"有填写错误","")&IF(AND(${wrongRef},${blank}>0),CHAR(10),"")&IF(${blank}>0,"未评分"&(${blank})&"项","")`;
    cells.push(cell(at(col.status), status(u), centered, statusFormula));
    heights[r] = layout.heights.rows[i];
    yield;
  }

  // 制表人 / 审核人 / 日期 under the table, each at the column nearest a third of its width.
  const sign = last + 1;
  const starts = layout.widths.map((_, c) => layout.widths.slice(0, c).reduce((a, b) => a + b, 0));
  const total = layout.widths.reduce((a, b) => a + b, 0);
  const third = (n: number) => starts.reduce((best, x, c) => (Math.abs(x - (total * n) / 3) < Math.abs(starts[best] - (total * n) / 3) ? c : best), 0);
  const signs: [number, string][] = [[0, '制表人：'], [third(1), '审核人：'], [third(2), '日期：        年    月    日']];
  for (const [c, text] of signs) cells.push(cell(`${L(c)}${sign}`, text, font({ vertical: 'middle' })));
  heights[sign] = layout.heights.sign;

  return {
    name: o.name,
    cells,
    merges: [`A1:${L(width - 1)}1`, `A2:${L(width - 1)}2`, ...signs.map(([c], i) => `${L(c)}${sign}:${L(i === 2 ? width - 1 : signs[i + 1][0] - 1)}${sign}`)],
    // Helper columns hidden (width 0): never printed, whatever the print area.
    columnWidths: [...layout.widths, ...o.scheme.categories.map(() => 0), 0, 0],
    rowHeights: heights,
    page: {
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: 1,
      // One page when it fits at ≥ 10 pt (the layout leaves room, so fitting never shrinks it);
      // else as many pages as needed, the title rows repeated and the pages numbered.
      fitToHeight: layout.onePage ? 1 : 0,
      margins: layout.margins,
      printArea: `A1:${L(width - 1)}${sign}`,
      printTitleRows: '1:3',
      footer: layout.onePage ? undefined : `${o.name}  第 &P 页，共 &N 页`,
      horizontalCentered: true,
    },
    chart:
      units.length > 0
        ? { title: '各单位总分', categories: `B${first}:B${last}`, values: `${L(col.total)}${first}:${L(col.total)}${last}`, from: `${L(width + k + 3)}3`, to: `${L(width + k + 11)}${Math.max(last, 20)}` }
        : undefined,
  };
}

/** 备注 as the layout may print it: deposit and award on one line, or on two. */
interface NoteColumn {
  /** Every text the note's formula may show for the deposit, and the awards. */
  fates: string[];
  awards: string[];
  join: string;
}

/** 备注 as the layout may print it, most wanted first: deposit and award on one line, then on two. */
function noteAlternatives(r: RewardSettings): NoteColumn[] {
  const deposit = depositOf(r);
  const fates = [
    ...r.returns.map((b) => `${b.wording}（${(b.times > 0 ? deposit.times(b.times) : deposit).toFixed()}元）`),
    `返还责任金本金（${deposit.toFixed()}元）`,
    `${VETO_FATE}（${deposit.toFixed()}元）`,
  ];
  const awards = r.awards.amounts.map((a) => `奖补资金${a}元`);
  return [
    { fates, awards, join: '；' },
    { fates, awards, join: '\n' },
  ];
}

/** The printed columns and the texts each must hold, for the layout (summaryLayout.ts). */
function summaryColumns(units: ScoredUnit[], header: string[], bands: string[], note: NoteColumn): LayoutColumn[] {
  const k = header.length - 9;
  const rows = (f: (u: ScoredUnit, i: number) => string | number) => units.map((u, i) => String(f(u, i)));
  const scores = (f: (u: ScoredUnit) => string | number) => ({ fit: [WRONG, ...rows(f)], rows: rows(f) });
  const adjustment = (u: ScoredUnit) => (u.entries.adjustments.some((e) => e.status === 'invalid') ? WRONG : toNumber(u.score.adjustment));
  const notes = rows((u) => summaryNote(u, note.join));
  const maxBlank = Math.max(1, ...units.map((u) => u.entries.items.flat().filter((e) => e.status === 'blank').length));
  const columns: Omit<LayoutColumn, 'header'>[] = [
    { fit: rows((_, i) => i + 1), rows: rows((_, i) => i + 1) },
    { fit: rows((u) => u.table.unit), rows: rows((u) => u.table.unit), maxEm: UNIT_EM },
    ...Array.from({ length: k }, (_, c) => ({ ...scores((u) => (u.entries.items[c].some((e) => e.status === 'invalid') ? WRONG : toNumber(u.score.categories[c].score))), category: true })),
    // 加减分 is narrow: it makes room for 「填写错误」 only when one shows now.
    { fit: rows(adjustment), rows: rows(adjustment) },
    { fit: ['是', '否'], rows: rows((u) => (u.score.veto ? '是' : '否')) },
    { fit: rows((u) => toNumber(u.score.total)), rows: rows((u) => toNumber(u.score.total)) },
    { fit: rows((u) => u.placement.rank), rows: rows((u) => u.placement.rank) },
    { fit: [...bands, VETO_BAND, '—'], rows: rows((u) => u.placement.band?.label ?? '—') },
    { fit: [...note.fates, ...(note.join === '；' ? notes : note.awards)], rows: notes },
    { fit: ['有填写错误', `未评分${maxBlank}项`], rows: rows(status) },
  ];
  return columns.map((c, i) => ({ header: header[i], ...c }));
}

/**
 * A vetoed unit's 备注 on the summary: its row already says 一票否决 twice (一票否决 and 等次), so
 * the note keeps only what happens to the deposit, and stays as narrow as the other fates.
 */
const VETO_FATE = '责任金全部扣除';

/** 备注 of a unit: rewardNote, the award after `join`, a veto's fate without the words 一票否决. */
function summaryNote(u: ScoredUnit, join: string): string {
  return u.score.veto ? `${VETO_FATE}（${u.reward.deposit.toFixed()}元）` : rewardNote(u.reward).replace('；', join);
}

/** What 评分状态 shows for a unit: its wrong and blank entries. */
function status(u: ScoredUnit): string {
  const wrong = [...u.entries.items.flat(), ...u.entries.adjustments].some((e) => e.status === 'invalid');
  const blank = u.entries.items.flat().filter((e) => e.status === 'blank').length;
  return summaryStatus(wrong, blank);
}

/**
 * 备注 as a formula of 一票否决, 等次, 总分 and 排名 (rewardFor and rewardNote in the engine):
 * the deposit's fate by band, then the award by rank for totals at or above the threshold, after
 * “；” on the same line (`joined`) or on a line of its own.
 */
function noteFormula(r: RewardSettings, at: { veto: string; band: string; total: string; rank: string }, joined: boolean): string {
  const deposit = depositOf(r).toFixed();
  const byBand = r.returns.reduceRight(
    (otherwise, b) => {
      const returned = depositOf(r).times(b.times);
      return `IF(${at.band}="${b.band}","${b.wording}（${returned.gt(0) ? returned.toFixed() : deposit}元）",${otherwise})`;
    },
    `"返还责任金本金（${deposit}元）"`,
  );
  const fate = `IF(${at.veto}="是","${VETO_FATE}（${deposit}元）",${byBand})`;
  const n = r.awards.amounts.length;
  if (n === 0) return fate;
  const award = `IF(AND(${at.veto}="否",${at.total}>=${r.awards.minTotal},${at.rank}<=${n}),${joined ? '"；"' : 'CHAR(10)'}&"奖补资金"&CHOOSE(${at.rank},${r.awards.amounts.join(',')})&"元","")`;
  return `${fate}&${award}`;
}

/** 一票否决 from the unit's veto cell, or the engine's answer when the records decided it or the sheet has no veto row. */
function vetoFormula(u: ScoredUnit): string | undefined {
  const v = u.table.entries.veto;
  if (!v || u.entries.veto !== (v.value === true)) return undefined;
  const list = VETO_YES.map((y) => `"${y}"`).join(',');
  return `IF(ISNUMBER(MATCH(TRIM(${sheetRef(u.table.sheet, v.cell)}),{${list}},0)),"是","否")`;
}
