/**
 * 签字评分表: one unit's table to print and sign — the title with the township, the unit and the
 * assessment date, each category with its points, its items with points, rules, the entry and the
 * reason for every point lost (「未填写扣分原因」 where none is recorded), 小计 rows, 加减分, 一票否决
 * with its reason, 总分, 排名, 等次, the table's own notes, then a signature row per signer, each
 * with room to sign and its own date. Scores are formulas over the unit's sheet and the summary,
 * so a correction flows into the page before it is printed; a line under the title says 草稿 while
 * the unit's entries are incomplete. Printed at 100 %: body 10.5 pt (五号), the table as wide as
 * the printable width, rows as tall as their text, the header row repeated on every page.
 */
import { toNumber, type Decimal } from '../../engine/decimal';
import type { Deduction } from '../../engine/deductions';
import type { Entry, Scheme } from '../../engine/model';
import { display } from '../entry';
import type { Grid } from '../grid';
import type { CellStyle, SheetPlan } from '../sheetPlan';
import { BORDERED, breakLines, cell, formulaText, linesFor, sheetRef, type ScoredUnit } from './common';
import { adjustmentBounds, isReferenced, itemBounds, WRONG, type IsNumberCell } from './entryFormulas';

export interface SignedOptions {
  name: string;
  scheme: Scheme;
  /** The title as in the source, township included: xx镇2024年度综治及信访工作考核评分表. */
  title: string;
  /** The assessment date, already formatted; '' leaves 年 月 日 to fill in. */
  date: string;
  /** The unit's own sheet, for its 扣分原因/备注 columns and notes. */
  grid: Grid | undefined;
  isNumberCell: IsNumberCell;
  /** The unit's row on the summary: its 一票否决, 总分, 排名, 等次 and 评分状态 cells. */
  summary: { sheet: string; veto: string; total: string; rank: string; band: string; status: string };
  /** 考核组长 and 考核组成员 by name when the settings know them. */
  signers: { leader: string; members: string[] };
  /** What else keeps this unit's results a draft, as text (draft.ts fixedDraft); '' for nothing. */
  otherDraft: string;
}

export const NO_REASON = '未填写扣分原因';
/** How a reason written as a note starts (现场评分 writes them so, on the entry cell of a table without a 扣分原因 column). */
export const REASON_NOTE_PREFIX = '扣分原因：';

/** The reason a note on an entry cell holds: its text after 扣分原因：, '' for any other note. */
export function reasonOfNote(note: string | undefined): string {
  const text = note?.trim() ?? '';
  return text.startsWith(REASON_NOTE_PREFIX) ? text.slice(REASON_NOTE_PREFIX.length).trim() : '';
}
/** Column widths in characters: about 171 mm of the 180 mm printable width of A4 with 15 mm margins. */
const WIDTHS = [12, 23, 6, 23, 6, 18];
const COLS = 'ABCDEF';
export const SIGNED_FONT = '宋体';
/** 五号: the body size, printed at 100 %. */
export const SIGNED_SIZE = 10.5;
/** Points per printed line of 10.5 pt Noto Serif CJK / 宋体, and a cell's padding. */
const LINE = 15.5;
const PAD = 5;
/** Height of a signature row (about 12 mm): room for a handwritten name. */
const SIGN_ROW = 34;

export function signedSheet(u: ScoredUnit, o: SignedOptions): SheetPlan {
  const cells: SheetPlan['cells'] = [];
  const merges: string[] = [];
  const heights: Record<number, number> = {};
  const font = (s: CellStyle): CellStyle => ({ fontName: SIGNED_FONT, fontSize: SIGNED_SIZE, ...s });
  const text = font(BORDERED);
  const center = font({ ...BORDERED, horizontal: 'center' });
  const number = { ...center, numFmt: '0.##' };
  let r = 1;
  /** A row of up to six cells; `span` merges cells into the one before them (null). */
  let mergedDown = false;
  const row = (values: (string | number | null | { v: string | number; f?: string })[], style = text, height?: number) => {
    const widths = spans(values);
    values = values.map((v, c) => (typeof v === 'string' && widths[c] > 0 ? breakLines(v, capacity(widths[c])) : v));
    values.forEach((v, c) => {
      if (v === null) return;
      const value = typeof v === 'object' ? v.v : v;
      cells.push(cell(`${COLS[c]}${r}`, value, style, typeof v === 'object' ? v.f : undefined));
    });
    // A category title merged down over its items is measured against all of their rows (below).
    const measured = values.map((v, c) => (v === null || (mergedDown && c === 0) ? 1 : linesFor(String(typeof v === 'object' ? v.v : v), capacity(widths[c]))));
    const lines = Math.max(1, ...measured);
    heights[r] = height ?? lines * LINE + PAD;
    return r++;
  };
  const mergeRow = (at: number, from: number, to: number) => merges.push(`${COLS[from]}${at}:${COLS[to]}${at}`);

  const title = row([o.title], font({ bold: true, fontSize: 16, horizontal: 'center', vertical: 'middle' }), 30);
  mergeRow(title, 0, 5);
  const S = (c: string) => sheetRef(o.summary.sheet, c);
  // The summary's 评分状态 holds its two parts on two lines: one line here, joined by “，”. Other
  // problems follow as text, the lines broken here by the Chinese rules.
  const status = S(o.summary.status);
  const entries = `"本单位"&SUBSTITUTE(${status},CHAR(10),"，")`;
  const width = capacity(WIDTHS.reduce((a, b) => a + b, 0));
  const rest = `${o.otherDraft}，本表不能作为正式结果`;
  const withEntries = o.otherDraft ? `"草稿："&${entries}&"；"&CHAR(10)&${formulaText(breakLines(rest, width))}` : `"草稿："&${entries}&"，本表不能作为正式结果"`;
  const without = o.otherDraft ? formulaText(breakLines(`草稿：${rest}`, width)) : '""';
  const draftNow = !o.otherDraft ? draftText(u) : entryDraft(u) ? `草稿：${entryDraft(u)}；\n${breakLines(rest, width)}` : breakLines(`草稿：${rest}`, width);
  const lines = o.otherDraft ? breakLines(rest, width).split('\n').length + 1 : 1;
  const draft = row([{ v: draftNow, f: `IF(${status}="",${without},${withEntries})` }], font({ bold: true, horizontal: 'center', vertical: 'middle', wrap: lines > 1 }), lines > 1 ? lines * LINE + PAD : 18);
  mergeRow(draft, 0, 5);
  const label = row([`被考核单位：${u.table.unit}`, null, null, `考核日期：${o.date || '      年    月    日'}`, null, null], font({ vertical: 'middle' }), 22);
  mergeRow(label, 0, 2);
  mergeRow(label, 3, 5);
  const headerRow = row(['考核内容', '考核重点', '分值', '扣分因素', '得分', '扣分原因'], font({ ...BORDERED, bold: true, horizontal: 'center' }), 22);

  const sheet = u.table.sheet;
  o.scheme.categories.forEach((category, ci) => {
    const first = r;
    const points = u.score.categories[ci].max;
    const heading = `${category.title}（${toNumber(points)}分）`;
    mergedDown = category.items.length > 1;
    category.items.forEach((item, ii) => {
      const entry = u.entries.items[ci][ii];
      const reasons = reasonsFor(u.deductions, `c${ci}.i${ii}`, typedReasons(o.grid, u, u.table.itemRows[ci]?.[ii], entry.cell));
      const lost = entry.status === 'ok' && entry.value !== null && entry.value.lt(item.points);
      const blank = entry.status === 'blank' && isReferenced(sheet, entry, o.isNumberCell);
      const reason = blank ? { v: '未评分', f: `IF(${sheetRef(sheet, entry.cell)}="","未评分","")` } : reasons || (lost ? NO_REASON : '');
      const at = row([ii === 0 ? heading : null, item.label, toNumber(item.points), item.rules.join('\n'), scoreCell(sheet, entry, itemBounds(item).max, null, o.isNumberCell), reason]);
      for (const c of ['C', 'E']) cells.find((x) => x.cell === `${c}${at}`)!.style = c === 'E' ? number : center;
    });
    mergedDown = false;
    if (r - 1 > first) {
      merges.push(`A${first}:A${r - 1}`);
      const need = linesFor(heading, capacity(WIDTHS[0])) * LINE + PAD;
      let have = 0;
      for (let k = first; k < r; k++) have += heights[k];
      if (have < need) heights[r - 1] += need - have;
    }
    const at = row(['小计', null, toNumber(points), '', { v: toNumber(u.score.categories[ci].score), f: `SUM(E${first}:E${r - 1})` }, ''], font({ ...BORDERED, bold: true, horizontal: 'center' }));
    mergeRow(at, 0, 1);
  });

  const adjFirst = r;
  o.scheme.adjustments.forEach((adj, ai) => {
    const entry = u.entries.adjustments[ai];
    const b = adjustmentBounds(adj);
    const lost = entry.status === 'ok' && entry.value !== null && entry.value.lt(0);
    const reason = reasonsFor(u.deductions, `a${ai}`, typedReasons(o.grid, u, rowOf(entry), entry.cell)) || (lost ? NO_REASON : '');
    const at = row([ai === 0 ? '加减分' : null, adj.label, '', adj.rule, scoreCell(sheet, entry, b.max, b.min, o.isNumberCell), reason]);
    cells.find((x) => x.cell === `E${at}`)!.style = number;
  });
  if (o.scheme.adjustments.length > 1) merges.push(`A${adjFirst}:A${r - 1}`);

  const bold = font({ ...BORDERED, bold: true, horizontal: 'center' });
  const summaryRow = (labelText: string, value: { v: string | number; f?: string }, style = bold) => {
    const at = row([labelText, null, null, null, value, null], style);
    mergeRow(at, 0, 3);
    mergeRow(at, 4, 5);
    cells.find((x) => x.cell === `A${at}`)!.style = bold;
    return at;
  };
  if (o.scheme.adjustments.length) summaryRow('加减分合计', { v: toNumber(u.score.adjustment), f: `SUM(E${adjFirst}:E${r - 1})` });
  const veto = summaryRow('一票否决', { v: u.score.veto ? '是' : '否', f: S(o.summary.veto) });
  if (u.score.veto) {
    const reason = breakLines(vetoReason(o.grid, u), capacity(WIDTHS[4] + WIDTHS[5]));
    summaryRow('否决理由', { v: reason, f: `IF(E${veto}="是","${reason.replace(/"/g, '""')}","—")` }, text);
  }
  summaryRow('总分', { v: toNumber(u.score.total), f: S(o.summary.total) });
  summaryRow('排名', { v: u.placement.rank, f: S(o.summary.rank) });
  summaryRow('等次', { v: u.placement.band?.label ?? '—', f: S(o.summary.band) });

  for (const note of notesOf(o.grid, u)) {
    const at = row([note], font({ wrap: true, vertical: 'top' }));
    mergeRow(at, 0, 5);
  }

  // The signature block: a row per signer, each with room to sign (C:D, about 57 mm) and its own date (E:F).
  r++;
  const members = o.signers.members.length ? o.signers.members : ['', '', ''];
  const signers = [
    `考核组长（签字）：${o.signers.leader}`,
    ...members.map((m, i) => `考核组成员${members.length > 1 ? i + 1 : ''}（签字）：${m}`),
    '被考核单位负责人（签字）：',
  ];
  for (const s of signers) {
    const at = row([s, null, '', null, '日期：   年   月   日', null], font({ vertical: 'bottom' }), SIGN_ROW);
    mergeRow(at, 0, 1);
    mergeRow(at, 2, 3);
    mergeRow(at, 4, 5);
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
      margins: { top: 15, bottom: 15, left: 15, right: 15, header: 8, footer: 8 },
      printArea: `A1:F${r - 1}`,
      printTitleRows: `${headerRow}:${headerRow}`,
      footer: `${u.table.unit}  第 &P 页，共 &N 页`,
      horizontalCentered: true,
    },
  };
}

/**
 * The entry cells that lost points with no reason recorded anywhere (the records, the sheet's
 * 扣分原因 or 备注 column): items below their points and 加减分 lines below zero. The signed
 * sheet prints 「未填写扣分原因」 there and the pane and the command line warn.
 */
export function itemsWithoutReason(u: Pick<ScoredUnit, 'table' | 'deductions'> & { entries: { items: Entry[][]; adjustments: Entry[] } }, grid: Grid | undefined): string[] {
  const out: string[] = [];
  u.table.scheme.categories.forEach((category, ci) =>
    category.items.forEach((item, ii) => {
      const entry = u.entries.items[ci]?.[ii];
      if (!entry || entry.status !== 'ok' || entry.value === null || !entry.value.lt(item.points)) return;
      if (!reasonsFor(u.deductions, `c${ci}.i${ii}`, typedReasons(grid, u, u.table.itemRows[ci]?.[ii], entry.cell))) out.push(entry.cell);
    }),
  );
  u.entries.adjustments.forEach((entry, ai) => {
    if (entry.status !== 'ok' || entry.value === null || !entry.value.lt(0)) return;
    if (!reasonsFor(u.deductions, `a${ai}`, typedReasons(grid, u, rowOf(entry), entry.cell))) out.push(entry.cell);
  });
  return out;
}

/**
 * What the 草稿 line says now (as its formula will): the unit's blank and wrong entries, then the
 * other problems (draft.ts fixedDraft); empty when there are none.
 */
export function draftText(u: ScoredUnit, other = ''): string {
  const parts = [entryDraft(u), other].filter(Boolean);
  return parts.length ? `草稿：${parts.join('；')}，本表不能作为正式结果` : '';
}

/** The unit's blank and wrong entries as the 草稿 line names them: '本单位有填写错误，未评分1项'; '' when complete. */
function entryDraft(u: ScoredUnit): string {
  const wrong = [...u.entries.items.flat(), ...u.entries.adjustments].some((e) => e.status === 'invalid');
  const blank = u.entries.items.flat().filter((e) => e.status === 'blank').length;
  const status = `${wrong ? '有填写错误' : ''}${wrong && blank > 0 ? '，' : ''}${blank > 0 ? `未评分${blank}项` : ''}`;
  return status ? `本单位${status}` : '';
}

/** An entry as the page shows it: a formula over the unit's cell (blank stays blank, a wrong value shows 填写错误), or the engine's number. */
function scoreCell(sheet: string, e: Entry, max: Decimal | null, min: Decimal | null, isNumberCell: IsNumberCell): { v: string | number; f?: string } {
  const now = e.status === 'blank' ? '' : e.status === 'invalid' ? WRONG : toNumber(e.value as Decimal);
  if (!isReferenced(sheet, e, isNumberCell)) return { v: now };
  const x = sheetRef(sheet, e.cell);
  const tests = [`ISNUMBER(${x})`, `${x}>=${min ? min.toFixed() : max ? '0' : '-1E+307'}`, max ? `${x}<=${max.toFixed()}` : ''].filter(Boolean);
  return { v: now, f: `IF(${x}="","",IF(AND(${tests.join(',')}),${x},"${WRONG}"))` };
}

/** Width of each value's cell in characters, merged cells (the nulls after a value) included. */
function spans(values: unknown[]): number[] {
  return values.map((v, c) => {
    if (v === null) return WIDTHS[c];
    let w = WIDTHS[c];
    for (let k = c + 1; k < values.length && values[k] === null; k++) w += WIDTHS[k];
    return values.length === 1 ? WIDTHS.reduce((a, b) => a + b, 0) : w;
  });
}

/**
 * How many width units (a CJK character counts two) fit in a column at 10.5 pt: a column of w
 * characters is about 7w + 5 pixels (1.852 mm per character at 96 dpi, 0.2646 mm a pixel); a
 * CJK character is 3.7 mm wide; 2 mm of padding.
 */
function capacity(width: number): number {
  const mm = (7 * width + 5) * 0.2646 - 2;
  return Math.max(2, Math.floor(mm / (SIGNED_SIZE * 0.3528)) * 2);
}

/** The reasons for an item's points: each deduction with its rule, count and why, then what the sheet's own 扣分原因/备注 say. */
function reasonsFor(deductions: Deduction[], itemKey: string, typed: string): string {
  const lines = deductions
    .filter((d) => d.itemKey === itemKey)
    .map((d) => `${toNumber(d.points) > 0 ? '+' : ''}${toNumber(d.points)}分：${d.reason || d.rule}${d.count > 1 ? `（${d.count}次）` : ''}`);
  if (typed) lines.push(typed);
  return lines.join('\n');
}

function rowOf(e: Entry): number | undefined {
  const m = /(\d+)$/.exec(e.cell);
  return m ? Number(m[1]) - 1 : undefined;
}

/**
 * The 扣分原因 and 备注 the unit's own sheet holds on a row, when it has those columns; in a table
 * without a 扣分原因 column, the reason written as a note on the entry `cell` (where the host reads notes).
 */
function typedReasons(grid: Grid | undefined, u: Pick<ScoredUnit, 'table'>, row: number | undefined, cell?: string): string {
  if (!grid || row === undefined) return '';
  const typed = [u.table.columns.reason, u.table.columns.note].filter((c): c is number => c !== undefined).map((c) => display(grid.rows[row]?.[c] ?? null).trim());
  const noted = cell !== undefined && u.table.columns.reason === undefined ? reasonOfNote(grid.notes?.[cell]) : '';
  return [noted, ...typed].filter(Boolean).join('；');
}

/** Why the unit is vetoed: the typed reason on the veto row, else the clause the row states. */
function vetoReason(grid: Grid | undefined, u: ScoredUnit): string {
  const v = u.table.entries.veto;
  const row = v ? rowOf({ cell: v.cell } as Entry) : undefined;
  const typed = typedReasons(grid, u, row);
  if (typed) return `理由：${typed}`;
  const item = u.table.columns.item;
  const clause = grid && row !== undefined && item !== undefined ? display(grid.rows[row]?.[item] ?? null).trim() : '';
  const records = u.deductions.filter((d) => d.reason && /否决/.test(d.rule)).map((d) => d.reason);
  return `理由：${[clause, ...records].filter(Boolean).join('；') || '未填写否决理由'}`;
}

/** The table's own notes (注:1、… 2、…) under it on the unit's sheet. */
function notesOf(grid: Grid | undefined, u: ScoredUnit): string[] {
  if (!grid) return [];
  const out: string[] = [];
  for (let r = u.table.rows.last + 1; r < grid.rows.length; r++) {
    const text = (grid.rows[r] ?? []).map((v) => display(v ?? null).trim()).filter(Boolean).join(' ');
    if (!text) continue;
    if (/^(注|说明|备注)\s*[:：]/.test(text) || (out.length > 0 && /^[0-9０-９]+\s*[、.．]/.test(text))) out.push(text);
    else if (out.length > 0) break;
  }
  return out;
}
