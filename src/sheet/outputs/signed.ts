/**
 * 签字评分表: one unit's table as scored, to print and sign — items, points, rules, entries and
 * the reason for every deduction, category subtotals, 加减分, 一票否决, 总分, 排名, 等次 — then
 * the signature block (考核组长、考核组成员、被考核单位负责人) and the date. A4 portrait, one
 * page for the seed 003 table, header row repeated, footer with the unit and page number.
 */
import { toNumber, type Decimal } from '../../engine/decimal';
import type { Deduction } from '../../engine/deductions';
import type { Scheme } from '../../engine/model';
import { display } from '../entry';
import type { Grid } from '../grid';
import type { SheetPlan } from '../sheetPlan';
import type { Signers } from '../signers';
import { BORDERED, cell, HEADER, linesFor, type ScoredUnit } from './common';

export interface SignedOptions {
  name: string;
  scheme: Scheme;
  /** The title of the assessment, e.g. xx镇2024年度综治及信访工作考核评分表. */
  title: string;
  /** The date printed under the signatures, already formatted; '' leaves 年 月 日 to fill in. */
  date: string;
  /** The unit's own sheet, for its 扣分原因 column when it has one. */
  grid: Grid | undefined;
  /** 考核组 that scored the unit (合并评分's 评分来源): their names are printed on the signature lines; absent, the lines stay blank. */
  signers?: Signers;
}

const WIDTHS = [12, 27, 5, 29, 6, 20];
const FONT = 9;
const LINE_HEIGHT = 12;

export function signedSheet(u: ScoredUnit, o: SignedOptions): SheetPlan {
  const cells: SheetPlan['cells'] = [];
  const merges: string[] = [];
  const heights: Record<number, number> = {};
  let r = 1;
  const row = (values: (string | number | null)[], style = BORDERED, height?: number) => {
    values.forEach((v, c) => {
      if (v !== undefined) cells.push(cell(`${'ABCDEF'[c]}${r}`, v, style));
    });
    const lines = Math.max(1, ...values.map((v, c) => (v === null ? 1 : linesFor(String(v), capacity(WIDTHS[c])))));
    heights[r] = height ?? Math.max(18, lines * LINE_HEIGHT + 4);
    return r++;
  };

  row([o.title], { bold: true, fontSize: 16, horizontal: 'center', vertical: 'middle' }, 30);
  merges.push('A1:F1');
  row([`被考核单位：${u.table.unit}`, null, null, null, null, null], { vertical: 'middle' }, 20);
  merges.push('A2:F2');
  const headerRow = row(['考核内容', '考核重点', '分值', '扣分因素', '得分', '扣分原因'], HEADER, 22);

  const center = { ...BORDERED, horizontal: 'center' as const, fontSize: FONT };
  const text = { ...BORDERED, fontSize: FONT };
  o.scheme.categories.forEach((category, ci) => {
    const first = r;
    category.items.forEach((item, ii) => {
      const entry = u.entries.items[ci][ii];
      const score = entry.status === 'ok' && entry.value ? toNumber(entry.value) : entry.status === 'blank' ? '' : `${entry.raw}（无效，计0分）`;
      const reasons = reasonsFor(u.deductions, `c${ci}.i${ii}`, typedReason(o.grid, u, ci, ii));
      const at = r;
      row([ii === 0 ? category.title : null, item.label, toNumber(item.points), item.rules.join('\n'), score, reasons], text);
      cells.find((x) => x.cell === `C${at}`)!.style = center;
      cells.find((x) => x.cell === `E${at}`)!.style = center;
    });
    if (r - 1 > first) merges.push(`A${first}:A${r - 1}`);
    const subtotal = u.score.categories[ci];
    const at = row(['', '小计', toNumber(subtotal.max), '', toNumber(subtotal.score), ''], { ...center, bold: true });
    merges.push(`A${at}:B${at}`);
  });

  o.scheme.adjustments.forEach((adj, ai) => {
    const entry = u.entries.adjustments[ai];
    const value = entry.status === 'ok' && entry.value && !entry.value.eq(0) ? signed(entry.value) : '';
    row([ai === 0 ? '加减分' : null, adj.label, '', adj.rule, value, reasonsFor(u.deductions, `a${ai}`, '')], text);
  });
  if (o.scheme.adjustments.length > 1) merges.push(`A${r - o.scheme.adjustments.length}:A${r - 1}`);

  const summary: [string, string | number][] = [
    ['加减分合计', signed(u.score.adjustment)],
    ['一票否决', u.score.veto ? '是' : '否'],
    ['总分', toNumber(u.score.total)],
    ['排名', u.placement.rank],
    ['等次', u.placement.band?.label ?? '—'],
  ];
  for (const [label, value] of summary) {
    const at = row([label, null, null, null, value, null], { ...center, bold: true });
    merges.push(`A${at}:D${at}`, `E${at}:F${at}`);
  }

  r++;
  row([`考核组长（签字）：${o.signers?.leader ?? ''}`, null, `考核组成员（签字）：${o.signers?.members.join('、') ?? ''}`, null, '被考核单位负责人（签字）：', null], { vertical: 'bottom', fontSize: 11, wrap: true }, 40);
  merges.push(`A${r - 1}:B${r - 1}`, `C${r - 1}:D${r - 1}`, `E${r - 1}:F${r - 1}`);
  row([null, null, null, null, o.date || '年    月    日', null], { horizontal: 'right', vertical: 'middle', fontSize: 11 }, 24);
  merges.push(`E${r - 1}:F${r - 1}`);

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
      fitToHeight: 1,
      margins: { top: 15, bottom: 15, left: 12, right: 12, header: 8, footer: 8 },
      printArea: `A1:F${r - 1}`,
      printTitleRows: `${headerRow}:${headerRow}`,
      footer: `${u.table.unit}  第 &P 页，共 &N 页`,
      horizontalCentered: true,
    },
  };
}

/**
 * How many width units (a CJK character counts two) fit in a column: a width unit is the '0' of
 * the 11 pt default font, about 5.25 pt; a CJK character of the body font is FONT pt wide.
 */
function capacity(width: number): number {
  return Math.floor(((width - 1) * 5.25 * 2) / FONT);
}

function signed(d: Decimal): string {
  const n = toNumber(d);
  return n > 0 ? `+${n}` : String(n);
}

/** The reasons for an item's points: each deduction with its rule, count and why, then what the sheet's own 扣分原因 says. */
function reasonsFor(deductions: Deduction[], itemKey: string, typed: string): string {
  const lines = deductions
    .filter((d) => d.itemKey === itemKey)
    .map((d) => `${toNumber(d.points) > 0 ? '+' : ''}${toNumber(d.points)}分：${d.reason || d.rule}${d.count > 1 ? `（${d.count}次）` : ''}`);
  if (typed) lines.push(typed);
  return lines.join('\n');
}

/** The 扣分原因 the unit's own sheet holds for an item, when it has that column. */
function typedReason(grid: Grid | undefined, u: ScoredUnit, ci: number, ii: number): string {
  const col = u.table.columns.reason;
  if (!grid || col === undefined) return '';
  const row = u.table.itemRows[ci]?.[ii];
  return row === undefined ? '' : display(grid.rows[row]?.[col] ?? null).trim();
}
