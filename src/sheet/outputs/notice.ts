/**
 * 通报: the results notice, laid out after GB/T 9704-2012 as far as a sheet allows — A4, margins
 * 37/35/28/26 mm (top/bottom/left/right), title in 小标宋 2号 (22 pt), body in 仿宋 3号 (16 pt),
 * 28 characters a line, paragraphs opening with two ideographic spaces; headings 一、二、 in 黑体. The body
 * is written from the results: the ranking, the units commended (top N) and criticised (bottom N),
 * vetoed units, the last unit listed as 信访重点管理单位 (seed 000), deposits and awards with the
 * amounts in capitals; then the issuer and the date. Every paragraph is a plain text cell, so the
 * clerk can edit the wording. No petitioner's name is known here, so none can appear.
 */
import { capitalAmount } from '../../engine/chinese';
import { toNumber } from '../../engine/decimal';
import type { SheetPlan } from '../sheetPlan';
import { BORDERED, cell, linesFor, type ScoredUnit } from './common';

export interface NoticeOptions {
  name: string;
  title: string;
  /** What was assessed: 2024年度综治及信访工作. */
  subject: string;
  /** 主送机关 */
  recipients: string;
  authority: string;
  /** Formatted 成文日期. */
  date: string;
  commended: number;
  criticised: number;
  /** 奖补资金 go to units at or above this total. */
  awardThreshold: number;
}

const TITLE_FONT = '方正小标宋简体';
const BODY_FONT = '仿宋';
const HEADING_FONT = '黑体';
/** 3号 and 2号 in points. */
const BODY_SIZE = 16;
const TITLE_SIZE = 22;
/** GB/T 9704: 22 lines in the 225 mm type area. */
const LINE_PITCH = 29;
/** Columns of the ranking table: 名次, 单位, 总分, 等次 — 156 mm of type area in all. */
const WIDTHS = [12, 28, 14, 30];
const CHARS_PER_LINE = 28;
/** First lines start two characters in: two ideographic spaces, as typists do (a sheet cell has no first-line indent). */
const INDENT = '\u3000\u3000';

export type Paragraph = { kind: 'heading' | 'body' | 'salutation' | 'signature'; text: string };

export const names = (units: ScoredUnit[]) => units.map((u) => u.table.unit).join('、');

/**
 * Who the notice names: the top N commended, the bottom N criticised (among units without a veto;
 * ties share a place), the vetoed units, and the last unit (信访重点管理单位, seed 000).
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

/** The notice's paragraphs, in order; the ranking table goes after the first heading. */
export function noticeParagraphs(units: ScoredUnit[], o: NoticeOptions): Paragraph[] {
  const { top, bottom, vetoed, last } = noticeGroups(units, o);

  const out: Paragraph[] = [
    { kind: 'salutation', text: `${o.recipients}：` },
    {
      kind: 'body',
      text: `根据${o.subject}考核办法，${o.authority}对${units.length}个单位的${o.subject}进行了考核。现将考核结果通报如下：`,
    },
    { kind: 'heading', text: '一、考核结果' },
  ];
  let n = 1;
  const heading = (title: string) => out.push({ kind: 'heading', text: `${'二三四五六七八九'[n++ - 1]}、${title}` });

  if (top.length > 0) {
    heading('通报表扬');
    const awarded = top.filter((u) => u.reward.award);
    let text = `${names(top)}考核成绩位列前${o.commended}名，予以通报表扬。`;
    if (awarded.length > 0) {
      text += `综合考核分值在${o.awardThreshold}分以上的，${awarded.map((u) => `${u.table.unit}给予奖补资金${toNumber(u.reward.award!)}元（${capitalAmount(u.reward.award!)}）`).join('，')}。`;
    }
    out.push({ kind: 'body', text });
  }
  if (bottom.length > 0) {
    heading('通报批评');
    out.push({ kind: 'body', text: `${names(bottom)}考核成绩排名靠后，予以通报批评，不得参加年度综合评先，须在一个月内向镇综治及信访工作领导小组提交书面整改报告。` });
  }
  if (vetoed.length > 0) {
    heading('一票否决');
    out.push({ kind: 'body', text: `${names(vetoed)}发生一票否决情形，年度考核实行一票否决，责任金全部扣除。` });
  }
  if (last.length > 0) {
    heading('信访重点管理单位');
    out.push({ kind: 'body', text: `${names(last)}考核排名最后，列为信访重点管理单位，主要负责人向镇党委、政府递交书面检查。` });
  }
  const byWording = new Map<string, ScoredUnit[]>();
  for (const u of units) byWording.set(u.reward.wording, [...(byWording.get(u.reward.wording) ?? []), u]);
  if (units.length > 0) {
    heading('责任金兑现');
    const parts = [...byWording].map(([wording, us]) => {
      const amounts = [...new Set(us.map((u) => (u.reward.returned.gt(0) ? toNumber(u.reward.returned) : 0)))];
      const money = amounts.length === 1 && amounts[0] > 0 ? `，每单位${amounts[0]}元（${capitalAmount(amounts[0])}）` : '';
      return `${names(us)}${wording}${money}`;
    });
    out.push({ kind: 'body', text: `按照目标管理责任书，${parts.join('；')}。` });
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
  const paragraph = (text: string, style: NonNullable<SheetPlan['cells'][number]['style']>, lines: number) => {
    cells.push(cell(`A${r}`, text, { wrap: true, vertical: 'top', ...style }));
    merges.push(`A${r}:D${r}`);
    heights[r] = lines * LINE_PITCH;
    r++;
  };
  paragraph(o.title, { fontName: TITLE_FONT, fontSize: TITLE_SIZE, horizontal: 'center', vertical: 'middle' }, Math.ceil(linesFor(o.title, 44)) + 1);

  const body = { fontName: BODY_FONT, fontSize: BODY_SIZE, horizontal: 'justify' as const };
  for (const p of noticeParagraphs(units, o)) {
    if (p.kind === 'salutation') paragraph(p.text, body, linesFor(p.text, CHARS_PER_LINE * 2));
    else if (p.kind === 'heading') {
      paragraph(`${INDENT}${p.text}`, { ...body, fontName: HEADING_FONT }, 1);
      if (p.text === '一、考核结果') r = rankingTable(units, cells, heights, r);
    } else if (p.kind === 'body') paragraph(`${INDENT}${p.text}`, body, linesFor(`${INDENT}${p.text}`, CHARS_PER_LINE * 2));
    else paragraph(p.text, { ...body, horizontal: 'right' }, 1);
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
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { top: 37, bottom: 35, left: 28, right: 26, header: 15, footer: 20 },
      printArea: `A1:D${r - 1}`,
      footer: '— &P —',
      horizontalCentered: true,
    },
  };
}

/** 名次 | 单位 | 总分 | 等次, in 仿宋 4号 (14 pt), from row r; returns the next free row. */
function rankingTable(units: ScoredUnit[], cells: SheetPlan['cells'], heights: Record<number, number>, r: number): number {
  const style = { ...BORDERED, fontName: BODY_FONT, fontSize: 14, horizontal: 'center' as const };
  ['名次', '单位', '总分', '等次'].forEach((h, c) => cells.push(cell(`${'ABCD'[c]}${r}`, h, { ...style, bold: true })));
  heights[r++] = 24;
  for (const u of units) {
    [u.placement.rank, u.table.unit, toNumber(u.score.total), u.placement.band?.label ?? '—'].forEach((v, c) =>
      cells.push(cell(`${'ABCD'[c]}${r}`, v, style)),
    );
    heights[r++] = 22;
  }
  return r;
}
