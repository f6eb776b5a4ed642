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
import { depositOf, rewardNote, type RewardSettings } from '../../engine/rewards';
import { columnLetters } from '../grid';
import type { CellStyle, SheetPlan } from '../sheetPlan';
import { BORDERED, breakLines, cell, formulaText, linesFor, sheetRef, type ScoredUnit } from './common';
import { adjustmentBounds, entryFormulas, itemBounds, WRONG, type IsNumberCell } from './entryFormulas';

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
const SIZE = 10.5;
/** Column widths in characters: 序号, 单位, categories…, 加减分, 一票否决, 总分, 排名, 等次, 备注, 评分状态. */
const FIXED = { index: 5, unit: 12, adjustment: 7, veto: 7, total: 7, rank: 5, band: 9, note: 28, status: 11 };
/** Landscape A4 with 12 mm side margins: 273 mm of width; LibreOffice prints a width unit 5.53 pt (1.95 mm) wide. */
const PRINT_WIDTH_UNITS = 138;
/** Landscape A4 between 10 and 12 mm margins: 533 pt of height. */
const PRINT_HEIGHT = 533;
/** Points per printed line of 10.5 pt text. */
const LINE = 14.5;

/** Width units (a CJK character counts two) that fit in a column of w characters at 10.5 pt, with a little to spare. */
function capacity(w: number): number {
  return Math.max(2, Math.floor((w * 5.53 - 4) / SIZE) * 2);
}

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
 * generated again), broken into lines by the Chinese rules at `capacity` width units.
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

export function summarySheet(units: ScoredUnit[], o: SummaryOptions): SheetPlan {
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
  const font = (s: CellStyle): CellStyle => ({ fontName: FONT, fontSize: SIZE, ...s });
  const boxed = font(BORDERED);
  const centered = font({ ...BORDERED, horizontal: 'center' });
  const number = { ...centered, numFmt: '0.##' };

  const catWidth = Math.max(8, Math.floor((PRINT_WIDTH_UNITS - Object.values(FIXED).reduce((a, b) => a + b, 0)) / Math.max(1, k)));
  const widths = [FIXED.index, FIXED.unit, ...o.scheme.categories.map(() => catWidth), FIXED.adjustment, FIXED.veto, FIXED.total, FIXED.rank, FIXED.band, FIXED.note, FIXED.status];

  const cells: SheetPlan['cells'] = [cell('A1', o.title, font({ bold: true, fontSize: 16, horizontal: 'center', vertical: 'middle' }))];
  const statuses = units.length ? range(col.status) : null;
  const draft = units.some((u) => status(u) !== '');
  const lineWidth = capacity(PRINT_WIDTH_UNITS);
  const draftNow = summaryDraftLine(draft, o.otherDraft, lineWidth);
  const anyStatus = `SUMPRODUCT(--(LEN(${statuses})>0))>0`;
  const draftFormula = statuses
    ? `IF(${anyStatus},${formulaText(summaryDraftLine(true, o.otherDraft, lineWidth))},${formulaText(summaryDraftLine(false, o.otherDraft, lineWidth))})`
    : undefined;
  cells.push(cell('A2', draftNow, font({ bold: true, horizontal: 'center', vertical: 'middle', wrap: Boolean(o.otherDraft) }), draftFormula));
  const header = ['序号', '单位', ...o.scheme.categories.map((c) => `${c.title}（${toNumber(c.statedPoints ?? sum(c.items.map((i) => i.points)))}分）`), '加减分', '一票否决', '总分', '排名', '等次', '备注', '评分状态'];
  // Broken here with the Chinese rules (see breakLines), a little narrower than the column.
  const headerText = header.map((h, c) => breakLines(h, capacity(widths[c])));
  headerText.forEach((h, c) => cells.push(cell(`${L(c)}3`, h, font({ ...BORDERED, bold: true, horizontal: 'center' }))));
  const headerLines = Math.max(...headerText.map((h) => h.split('\n').length));
  const helpers = [...o.scheme.categories.map((_, i) => `计算列${i + 1}`), '计算列：加减分', '计算列：未评分项数'];
  helpers.forEach((h, i) => cells.push(cell(`${L(col.status + 1 + i)}3`, h, HELPER)));

  const bands = bandsHighestFirst(o.settings.bands.map(parseBand));
  const heights: Record<number, number> = { 1: 26, 2: o.otherDraft ? summaryDraftLine(true, o.otherDraft, lineWidth).split('\n').length * LINE + 2 : 16, 3: headerLines * LINE + 4 };
  units.forEach((u, i) => {
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
    const note = rewardNote(u.reward).replace('；', '\n');
    cells.push(cell(at(col.note), note, boxed, noteFormula(o.rewards, { veto: at(col.veto), band: at(col.band), total: t, rank: at(col.rank) })));

    const wrongRef = `COUNTIF(${at(col.category(0))}:${at(col.adjustment)},"${WRONG}")>0`;
    const blank = helper(k + 1);
    const statusFormula = `IF(${wrongRef},"有填写错误","")&IF(AND(${wrongRef},${blank}>0),CHAR(10),"")&IF(${blank}>0,"未评分"&(${blank})&"项","")`;
    cells.push(cell(at(col.status), status(u), centered, statusFormula));
    heights[r] = Math.max(linesFor(note, capacity(FIXED.note)), linesFor(u.table.unit, capacity(FIXED.unit)), linesFor(status(u), capacity(FIXED.status))) * LINE + 3;
  });

  // 制表人 / 审核人 / 日期 under the table.
  const sign = last + 2;
  const third = Math.floor(width / 3);
  const signs: [number, string][] = [[0, '制表人：'], [third, '审核人：'], [2 * third, '日期：        年    月    日']];
  for (const [c, text] of signs) cells.push(cell(`${L(c)}${sign}`, text, font({ vertical: 'bottom' })));
  heights[sign] = 24;
  // One page when it fits at (nearly) full size; else as many pages as needed, the title rows
  // repeated, so the text never shrinks below 10 pt.
  const tall = Object.values(heights).reduce((a, b) => a + b, 0);
  const onePage = tall <= PRINT_HEIGHT / 0.95;

  return {
    name: o.name,
    cells,
    merges: [`A1:${L(width - 1)}1`, `A2:${L(width - 1)}2`, ...signs.map(([c], i) => `${L(c)}${sign}:${L(i === 2 ? width - 1 : signs[i + 1][0] - 1)}${sign}`)],
    // Helper columns hidden (width 0): never printed, whatever the print area.
    columnWidths: [...widths, ...o.scheme.categories.map(() => 0), 0, 0],
    rowHeights: heights,
    page: {
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: 1,
      fitToHeight: onePage ? 1 : 0,
      margins: { top: 10, bottom: 12, left: 12, right: 12, header: 5, footer: 6 },
      printArea: `A1:${L(width - 1)}${sign}`,
      printTitleRows: '1:3',
      footer: `${o.name}  第 &P 页，共 &N 页`,
      horizontalCentered: true,
    },
    chart:
      units.length > 0
        ? { title: '各单位总分', categories: `B${first}:B${last}`, values: `${L(col.total)}${first}:${L(col.total)}${last}`, from: `${L(width + k + 3)}3`, to: `${L(width + k + 11)}${Math.max(last, 20)}` }
        : undefined,
  };
}

/** What 评分状态 shows for a unit: its wrong and blank entries. */
function status(u: ScoredUnit): string {
  const wrong = [...u.entries.items.flat(), ...u.entries.adjustments].some((e) => e.status === 'invalid');
  const blank = u.entries.items.flat().filter((e) => e.status === 'blank').length;
  return summaryStatus(wrong, blank);
}

/**
 * 备注 as a formula of 一票否决, 等次, 总分 and 排名 (rewardFor and rewardNote in the engine):
 * the deposit's fate by band, then the award by rank for totals at or above the threshold.
 */
function noteFormula(r: RewardSettings, at: { veto: string; band: string; total: string; rank: string }): string {
  const deposit = depositOf(r).toFixed();
  const byBand = r.returns.reduceRight(
    (otherwise, b) => {
      const returned = depositOf(r).times(b.times);
      return `IF(${at.band}="${b.band}","${b.wording}（${returned.gt(0) ? returned.toFixed() : deposit}元）",${otherwise})`;
    },
    `"返还责任金本金（${deposit}元）"`,
  );
  const fate = `IF(${at.veto}="是","一票否决，责任金全部扣除（${deposit}元）",${byBand})`;
  const n = r.awards.amounts.length;
  if (n === 0) return fate;
  const award = `IF(AND(${at.veto}="否",${at.total}>=${r.awards.minTotal},${at.rank}<=${n}),CHAR(10)&"奖补资金"&CHOOSE(${at.rank},${r.awards.amounts.join(',')})&"元","")`;
  return `${fate}&${award}`;
}

/** 一票否决 from the unit's veto cell, or the engine's answer when the records decided it or the sheet has no veto row. */
function vetoFormula(u: ScoredUnit): string | undefined {
  const v = u.table.entries.veto;
  if (!v || u.entries.veto !== (v.value === true)) return undefined;
  const list = VETO_YES.map((y) => `"${y}"`).join(',');
  return `IF(ISNUMBER(MATCH(TRIM(${sheetRef(u.table.sheet, v.cell)}),{${list}},0)),"是","否")`;
}
