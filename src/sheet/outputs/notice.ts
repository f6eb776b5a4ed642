/**
 * 通报: the results notice after GB/T 9704-2012 — A4, margins 37/35/28/26 mm (top/bottom/left/
 * right), printed at 100 %; title in 小标宋 2号 (22 pt); body in 仿宋 3号, 28 characters a line and 22
 * lines a page at a fixed pitch (one sheet row per printed line, broken by breakLines with the
 * Chinese rules); headings 一、二、 in 黑体; 主送机关; 发文机关署名 and 成文日期 set in from the
 * right (成文日期 右空四字) with blank lines above for the seal; page numbers 「— 1 —」 in 4号 on the
 * outer side; optional 发文字号 and 版记. The content follows seeds 002/003: the ranking, the top N
 * (ties stated), awards to units and people, 零上访 units, the bottom N and the rule that chose
 * them, 80分以下 扣除责任金 and 约谈, vetoed units on their own, the last place as 信访重点管理单位
 * with 大会表态发言, and the deposits. When the workbook has a case register (and the setting
 * 通报写办结率 is not 否), a paragraph under the ranking states the 按期办结率 and 结案率
 * (noticeCases.ts). While the results are a draft the notice says so on its first
 * line, and a unit whose entries are incomplete is never judged without saying so.
 * No petitioner's name is known here, so none can appear.
 */
import { capitalAmount } from '../../engine/chinese';
import { dec, toNumber } from '../../engine/decimal';
import type { RewardSettings } from '../../engine/rewards';
import type { CellStyle, SheetPlan } from '../sheetPlan';
import { BORDERED, breakLines, cell, textWidth, type ScoredUnit } from './common';
import { caseParagraph, type NoticeCases } from './noticeCases';

export type TownshipLevel = '镇' | '乡' | '街道';

/** Who leads a township of each level, as the notice names them. */
const LEADERSHIP: Record<TownshipLevel, string> = { 镇: '镇党委、政府', 乡: '乡党委、政府', 街道: '街道党工委、办事处' };

/** The level of a township by its name: 'xx乡' → 乡, 'xx街道' or 'xx街道办事处' → 街道; else (xx镇, or none known) 镇 as the seeds write. */
export function townshipLevel(township: string): TownshipLevel {
  if (/(街道|办事处)$/.test(township)) return '街道';
  return township.endsWith('乡') ? '乡' : '镇';
}

export interface NoticeOptions {
  name: string;
  title: string;
  /** What was assessed: 2024年度综治及信访工作. */
  subject: string;
  /** 主送机关 */
  recipients: string;
  authority: string;
  /** What the township is, for the wording of its bodies: 镇 (镇党委、政府), 乡, 街道 (街道党工委、办事处). */
  level: TownshipLevel;
  /** Formatted 成文日期; '' leaves 年 月 日 to fill in by hand. */
  date: string;
  commended: number;
  criticised: number;
  rewards: RewardSettings;
  /** The band whose units forfeit their deposit and whose heads are 约谈 (seed 003: 80分以下). */
  lowBand: string | null;
  /** 零上访 units (no counted petition in the ledger); null when the workbook has no ledger. */
  zeroPetition: string[] | null;
  /** The case register's rates (信访事项办理台账); null when the workbook has none or the settings leave them out. */
  cases: NoticeCases | null;
  /**
   * The 草稿 line ('' when final); the units whose results it leaves open, each with what: its
   * entries (blank or wrong) or more (a record not counted, a 一票否决 not understood).
   */
  draft: string;
  draftUnits: Map<string, 'entries' | 'more'>;
  /** 发文字号, 抄送, 印发机关 ('' leaves them out). */
  documentNumber: string;
  copyTo: string;
  printedBy: string;
  /** Formatted 印发日期 of the 版记; '' when it is the 成文日期. */
  printedOn?: string;
}

export const TITLE_FONT = '方正小标宋简体';
export const BODY_FONT = '仿宋';
const HEADING_FONT = '黑体';
/** 2号. */
export const TITLE_SIZE = 22;
/**
 * 3号 is 16 pt; 28 characters of it are 158 mm, and the standard's 156 mm type area fits them by a
 * character grid slightly tighter than the font. A cell has no character grid, so the body is set
 * at 15.75 pt: 28 characters in 155.6 mm.
 */
export const BODY_SIZE = 15.75;
/** 4号, for the ranking table and the page numbers. */
const SMALL_SIZE = 14;
/** 22 lines in the 225 mm type area: 10.2 mm, 28.9 pt a line. */
export const LINE_PITCH = 28.9;
/**
 * The height of the row of a printed line. LibreOffice (and Excel) keep a row's height in whole
 * screen pixels of 0.75 pt, so a 28.9 pt row prints 28.5 pt tall and 22 lines would fill 221 mm of
 * the 225 mm type area. Six rows in eleven are 29.25 pt and the others 28.5: any 22 lines in a row
 * fill 224.3 mm (a mean pitch of 28.9 pt), and a 23rd does not fit on the page.
 */
export function pitchAt(row: number): number {
  return row % 11 % 2 === 0 ? 29.25 : 28.5;
}
export const CHARS_PER_LINE = 28;
/**
 * Columns of the ranking table: 名次, 单位, 总分, 等次 — together the type area's width. LibreOffice
 * prints a column of w characters 5.53 w pt wide (measured), so 79.4 characters are 155 mm: the
 * 156 mm type area, and not more (a wider last column would be printed on a page of its own).
 */
const WIDTHS = [12, 29.9, 14, 23.5];
/** First lines start two characters in. */
const INDENT = '\u3000\u3000';

export type Paragraph = { kind: 'heading' | 'body' | 'salutation' | 'signature'; text: string };

export const names = (units: ScoredUnit[]) => units.map((u) => u.table.unit).join('、');

/**
 * Who the notice names: the top N commended (ties share a place, so there may be more), the
 * bottom N criticised among units without a veto (never one already commended), the vetoed units,
 * and the last place (信访重点管理单位, seed 000).
 */
export function noticeGroups(units: ScoredUnit[], o: Pick<NoticeOptions, 'commended' | 'criticised'>) {
  const clear = units.filter((u) => !u.score.veto);
  const vetoed = units.filter((u) => u.score.veto);
  const top = clear.filter((u) => u.placement.rank <= o.commended);
  const bottomRanks = [...new Set(clear.map((u) => u.placement.rank))].sort((a, b) => b - a).slice(0, o.criticised);
  const bottom = clear.filter((u) => bottomRanks.includes(u.placement.rank) && !top.includes(u));
  const last = units.length > 0 ? units.filter((u) => u.placement.rank === units[units.length - 1].placement.rank) : [];
  return { top, bottom, vetoed, last };
}

const money = (n: number) => `${n}元（${capitalAmount(n)}）`;

/** The notice's paragraphs, in order; the ranking table goes after the first heading. */
export function noticeParagraphs(units: ScoredUnit[], o: Omit<NoticeOptions, 'name'>): Paragraph[] {
  const { top, bottom, vetoed, last } = noticeGroups(units, o);
  const pending = (list: ScoredUnit[]) => list.filter((u) => o.draftUnits.has(u.table.unit));
  const caveat = (list: ScoredUnit[]) => {
    const open = pending(list);
    if (!open.length) return '';
    const what = open.every((u) => o.draftUnits.get(u.table.unit) === 'entries') ? '尚有未评分或填写错误的项目' : '的成绩尚有未核清的项目或记录（见文首草稿说明）';
    return `（其中${names(open)}${what}，成绩待核定后以正式通报为准）`;
  };

  const out: Paragraph[] = [
    { kind: 'salutation', text: `${o.recipients}：` },
    { kind: 'body', text: `根据${o.subject}考核办法，${o.authority}对${units.length}个单位的${o.subject}进行了考核。现将考核结果通报如下：` },
    { kind: 'heading', text: '一、考核结果' },
  ];
  const register = o.cases ? caseParagraph(o.cases) : null;
  if (register) out.push({ kind: 'body', text: register });
  let n = 1;
  const heading = (title: string) => out.push({ kind: 'heading', text: `${'二三四五六七八九十'[n++ - 1]}、${title}` });

  if (top.length > 0) {
    heading('通报表扬');
    const tie = top.length > o.commended ? '（含并列）' : '';
    let text = `考核成绩位列前${o.commended}名${tie}的${names(top)}，予以通报表扬。`;
    const awarded = top.filter((u) => u.reward.award);
    if (awarded.length > 0) {
      const p = o.rewards.personal;
      text += `综合考核分值在${o.rewards.awards.minTotal}分以上的，${awarded.map((u) => `${u.table.unit}给予奖补资金${money(toNumber(u.reward.award!))}`).join('，')}`;
      if (p.roles.length && p.amounts.length) {
        const each = awarded
          .filter((u) => u.placement.rank <= p.amounts.length)
          .map((u) => `${u.table.unit}每人${p.amounts[u.placement.rank - 1]}元`)
          .join('，');
        if (each) text += `；对其${p.roles.join('、')}给予个人奖励，${each}`;
      }
      text += '。';
    }
    out.push({ kind: 'body', text: text + caveat(top) });
  }
  if (o.zeroPetition && o.zeroPetition.length > 0) {
    heading('零上访单位');
    const z = o.rewards.zeroPetition;
    const award = z.unit > 0 ? `，每单位奖励${money(z.unit)}${z.roles.length && z.person > 0 ? `，${z.roles.join('、')}每人奖励${z.person}元` : ''}` : '';
    out.push({ kind: 'body', text: `${o.zeroPetition.join('、')}全年未发生计入考核的上访（信访台账无计入记录），为“零上访”单位${award}。` });
  }
  if (bottom.length > 0) {
    heading('通报批评');
    const tie = bottom.length > o.criticised ? '（含并列）' : '';
    out.push({
      kind: 'body',
      text: `未被一票否决的单位中，考核成绩排名后${o.criticised}名${tie}的${names(bottom)}，予以通报批评，不得参加年度综合评先，须在一个月内向${o.level}综治及信访工作领导小组提交书面整改报告。${caveat(bottom)}`,
    });
  }
  const low = o.lowBand ? units.filter((u) => !u.score.veto && u.placement.band?.label === o.lowBand) : [];
  if (low.length > 0) {
    heading('约谈');
    out.push({ kind: 'body', text: `综合考核${o.lowBand}的${names(low)}，扣除责任金，并对其主要负责人进行约谈。${caveat(low)}` });
  }
  if (vetoed.length > 0) {
    heading('一票否决');
    out.push({ kind: 'body', text: `${names(vetoed)}发生一票否决情形，年度考核实行一票否决，责任金全部扣除，不参加排名靠后单位的通报批评，单独通报。${caveat(vetoed)}` });
  }
  if (last.length > 0) {
    heading('信访重点管理单位');
    out.push({
      kind: 'body',
      text: `${names(last)}考核排名最后，列为信访重点管理单位，主要负责人向${LEADERSHIP[o.level]}递交书面检查，并在全${o.level}大会上作表态发言。${caveat(last)}`,
    });
  }
  if (units.length > 0) {
    heading('责任金兑现');
    const byWording = new Map<string, ScoredUnit[]>();
    for (const u of units) byWording.set(u.reward.wording, [...(byWording.get(u.reward.wording) ?? []), u]);
    const parts = [...byWording].map(([wording, us]) => {
      const amounts = [...new Set(us.map((u) => (u.reward.returned.gt(0) ? toNumber(u.reward.returned) : 0)))];
      return `${names(us)}${wording}${amounts.length === 1 && amounts[0] > 0 ? `，每单位${money(amounts[0])}` : ''}`;
    });
    // Roles written for a 镇 (the default 镇班子成员) read as the township's own level.
    const role = (r: string) => (o.level !== '镇' && r.startsWith('镇') ? `${o.level}${r.slice(1)}` : r);
    const roles = o.rewards.deposits.map((d) => `${role(d.role)}${d.amount}元`).join('、');
    const deposit = toNumber(o.rewards.deposits.reduce((s, d) => s.plus(dec(d.amount).times(d.people)), dec(0)));
    out.push({ kind: 'body', text: `按照目标管理责任书，每单位缴纳责任金${deposit}元（${roles}）。${parts.join('；')}。${caveat(units)}` });
  }
  out.push({ kind: 'body', text: '希望受到表扬的单位再接再厉，受到批评的单位认真查找问题、限期整改，切实把综治及信访工作各项任务落到实处。' });
  out.push({ kind: 'signature', text: o.authority }, { kind: 'signature', text: o.date });
  return out;
}

export function noticeSheet(units: ScoredUnit[], o: NoticeOptions): SheetPlan {
  const cells: SheetPlan['cells'] = [];
  const merges: string[] = [];
  const heights: Record<number, number> = {};
  let r = 1;
  const body: CellStyle = { fontName: BODY_FONT, fontSize: BODY_SIZE, horizontal: 'left', vertical: 'middle', wrap: false };
  /** One printed line: a row of the type area's width. */
  const line = (text: string, style: CellStyle, height = pitchAt(r)) => {
    cells.push(cell(`A${r}`, text, style));
    merges.push(`A${r}:D${r}`);
    heights[r++] = height;
  };
  const lines = (text: string, style: CellStyle, width = CHARS_PER_LINE * 2) => breakLines(text, width).split('\n').forEach((l) => line(l, style));

  if (o.draft) lines(o.draft, { ...body, fontName: HEADING_FONT, fontSize: SMALL_SIZE, bold: true }, Math.floor((CHARS_PER_LINE * 2 * BODY_SIZE) / SMALL_SIZE));
  if (o.documentNumber) {
    line(o.documentNumber, { ...body, horizontal: 'center' });
    line('', body);
  }
  // Title: 2号, centred, lines of at most 18 characters (156 mm of 22 pt characters is 20).
  for (const t of breakLines(o.title, 36).split('\n')) line(t, { ...body, fontName: TITLE_FONT, fontSize: TITLE_SIZE, horizontal: 'center' }, LINE_PITCH * 1.4);
  line('', body);

  const paragraphs = noticeParagraphs(units, o);
  const signature = paragraphs.filter((p) => p.kind === 'signature');
  for (const p of paragraphs) {
    if (p.kind === 'salutation') lines(p.text, body);
    else if (p.kind === 'heading') {
      lines(`${INDENT}${p.text}`, { ...body, fontName: HEADING_FONT });
      if (p.text === '一、考核结果') r = rankingTable(units, cells, heights, r);
    } else if (p.kind === 'body') lines(`${INDENT}${p.text}`, body);
  }
  // 署名 and 成文日期: the date 右空四字, the issuer centred over it; three blank lines above for the seal.
  const [authority, date] = signature.map((s) => s.text);
  const dateText = date || '      年    月    日';
  for (let k = 0; k < 3; k++) line('', body);
  const dateChars = textWidth(dateText) / 2;
  const authorityChars = textWidth(authority) / 2;
  const inset = 4 + Math.max(0, Math.round((dateChars - authorityChars) / 2));
  line(`${authority}${'\u3000'.repeat(inset)}`, { ...body, horizontal: 'right' });
  line(`${dateText}${'\u3000'.repeat(4)}`, { ...body, horizontal: 'right' });

  // 版记: 抄送 and 印发机关 with the 印发日期, between rules, at the end (抄送 alone is printed too, never dropped).
  if (o.printedBy || o.copyTo) {
    line('', body);
    const rule: CellStyle = { ...body, fontSize: SMALL_SIZE, border: true };
    if (o.copyTo) line(`\u3000抄送：${o.copyTo}。`, rule);
    const printedOn = o.printedOn || dateText;
    if (o.printedBy) line(`\u3000${o.printedBy}${'\u3000'.repeat(Math.max(1, CHARS_PER_LINE - 4 - textWidth(o.printedBy) / 2 - textWidth(printedOn) / 2))}${printedOn}印发`, rule);
  }

  return {
    name: o.name,
    cells,
    merges,
    columnWidths: WIDTHS,
    rowHeights: heights,
    page: {
      orientation: 'portrait',
      paper: 'A4',
      scale: 100,
      // Bottom 33 mm, not 35: LibreOffice keeps about 2 mm above the footer out of the body, so
      // 33 gives the 225 mm type area there (22 lines end at 261 mm, 36 mm from the edge, in
      // LibreOffice and in Excel alike; measured in test/libreoffice/print.test.ts).
      margins: { top: 37, bottom: 33, left: 27.7, right: 26, header: 15, footer: 22 },
      printArea: `A1:D${r - 1}`,
      outerFooter: `&"宋体"&${SMALL_SIZE}— &P —`,
      horizontalCentered: false,
    },
  };
}

/** 名次 | 单位 | 总分 | 等次, in 仿宋 4号 (14 pt), one line each, from row r; returns the next free row. */
function rankingTable(units: ScoredUnit[], cells: SheetPlan['cells'], heights: Record<number, number>, r: number): number {
  const style: CellStyle = { ...BORDERED, wrap: false, fontName: BODY_FONT, fontSize: SMALL_SIZE, horizontal: 'center' };
  ['名次', '单位', '总分', '等次'].forEach((h, c) => cells.push(cell(`${'ABCD'[c]}${r}`, h, { ...style, fontName: HEADING_FONT })));
  heights[r] = pitchAt(r);
  r++;
  for (const u of units) {
    [u.placement.rank, u.table.unit, toNumber(u.score.total), u.placement.band?.label ?? '—'].forEach((v, c) => cells.push(cell(`${'ABCD'[c]}${r}`, v, style)));
    heights[r] = pitchAt(r);
    r++;
  }
  return r;
}
