/**
 * 汇总排名: one row per unit — 序号, 单位, each category's score, 加减分, 一票否决, 总分, 排名,
 * 等次, 备注. The scores are formulas over the unit sheets, so when an entry changes in Excel
 * the summary's scores, ranks and bands follow; the engine's values are written as the
 * formulas' cached results. A cell the engine had to read differently from Excel (text such as
 * “5分”, a value computed from the records over a differing typed one, an invalid entry) enters
 * the formula as the engine's number, so the formula and the engine always agree.
 */
import { bandsHighestFirst, parseBand, VETO_BAND } from '../../engine/bands';
import { toNumber } from '../../engine/decimal';
import type { Entry, Scheme, ScoreSettings } from '../../engine/model';
import { rewardNote } from '../../engine/rewards';
import { columnLetters, parseA1 } from '../grid';
import type { SheetPlan } from '../sheetPlan';
import { BORDERED, cell, HEADER, sheetRef, type ScoredUnit } from './common';

export interface SummaryOptions {
  name: string;
  title: string;
  scheme: Scheme;
  settings: ScoreSettings;
  /** True when the cell holds a number on its sheet (so a formula may reference it). */
  isNumberCell: (sheet: string, cell: string) => boolean;
}

/** Values a person may type for 一票否决 = 是 (as entry.ts's parseVeto reads them). */
const VETO_YES = ['是', '√', '✓', '✔', 'Y', 'YES', '有', '否决', 'TRUE', '1'];

const FIRST_ROW = 3;

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
  };
  const L = (c: number) => columnLetters(c);
  const last = FIRST_ROW + units.length - 1;
  const range = (c: number) => `$${L(c)}$${FIRST_ROW}:$${L(c)}$${last}`;
  const V = range(col.veto);
  const T = range(col.total);

  const cells: SheetPlan['cells'] = [cell('A1', o.title, { bold: true, fontSize: 16, horizontal: 'center', vertical: 'middle' })];
  const header = ['序号', '单位', ...o.scheme.categories.map((c) => c.title), '加减分', '一票否决', '总分', '排名', '等次', '备注'];
  header.forEach((h, c) => cells.push(cell(`${L(c)}2`, h, HEADER)));

  const bands = bandsHighestFirst(o.settings.bands.map(parseBand));
  units.forEach((u, i) => {
    const r = FIRST_ROW + i;
    const at = (c: number) => `${L(c)}${r}`;
    const number = { ...BORDERED, horizontal: 'center' as const, numFmt: '0.##' };
    cells.push(cell(at(col.index), i + 1, { ...BORDERED, horizontal: 'center' }));
    cells.push(cell(at(col.unit), u.table.unit, BORDERED));
    u.score.categories.forEach((c, ci) => {
      cells.push(cell(at(col.category(ci)), toNumber(c.score), number, sumOf(u.table.sheet, u.entries.items[ci], o.isNumberCell)));
    });
    cells.push(cell(at(col.adjustment), toNumber(u.score.adjustment), number, sumOf(u.table.sheet, u.entries.adjustments, o.isNumberCell)));
    cells.push(cell(at(col.veto), u.score.veto ? '是' : '否', { ...BORDERED, horizontal: 'center' }, vetoFormula(u)));

    const cats = `${at(col.category(0))}:${at(col.category(k - 1))}`;
    const sum = `ROUND(MAX(0,SUM(${cats})+${at(col.adjustment)}),2)`;
    const total = o.settings.veto === 'zero' ? `IF(${at(col.veto)}="是",0,${sum})` : sum;
    cells.push(cell(at(col.total), toNumber(u.score.total), { ...number, bold: true }, total));

    const t = at(col.total);
    const rank =
      o.settings.ranking === 'competition'
        ? `IF(${at(col.veto)}="否",1+COUNTIFS(${V},"否",${T},">"&${t}),COUNTIF(${V},"否")+1+COUNTIFS(${V},"是",${T},">"&${t}))`
        : `IF(${at(col.veto)}="否",1+SUMPRODUCT((${V}="否")*(${T}>${t})/COUNTIFS(${V},${V},${T},${T})),` +
          `SUMPRODUCT((${V}="否")/COUNTIFS(${V},${V},${T},${T}))+1+SUMPRODUCT((${V}="是")*(${T}>${t})/COUNTIFS(${V},${V},${T},${T})))`;
    cells.push(cell(at(col.rank), u.placement.rank, { ...BORDERED, horizontal: 'center' }, rank));

    const test = (b: (typeof bands)[number]) =>
      [b.min !== null ? `${t}>=${b.min.toFixed()}` : '', b.max !== null ? `${t}${b.belowMax ? '<' : '<='}${b.max.toFixed()}` : ''].filter(Boolean).join(',');
    const bandFormula = bands.reduceRight((otherwise, b) => `IF(AND(${test(b)}),"${b.label}",${otherwise})`, '"—"');
    cells.push(cell(at(col.band), u.placement.band?.label ?? '—', { ...BORDERED, horizontal: 'center' }, `IF(${at(col.veto)}="是","${VETO_BAND}",${bandFormula})`));
    cells.push(cell(at(col.note), rewardNote(u.reward), BORDERED));
  });

  const width = header.length;
  return {
    name: o.name,
    cells,
    merges: [`A1:${L(width - 1)}1`],
    columnWidths: [6, 14, ...o.scheme.categories.map(() => 12), 8, 9, 8, 6, 10, 36],
    rowHeights: { 1: 30, 2: 48 },
    page: {
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { top: 20, bottom: 20, left: 15, right: 15 },
      printArea: `A1:${L(width - 1)}${Math.max(last, 2)}`,
      printTitleRows: '1:2',
      footer: `${o.name}  第 &P 页，共 &N 页`,
      horizontalCentered: true,
    },
    chart:
      units.length > 0
        ? { title: '各单位总分', categories: `B${FIRST_ROW}:B${last}`, values: `${L(col.total)}${FIRST_ROW}:${L(col.total)}${last}`, from: `${L(width + 1)}2`, to: `${L(width + 9)}${Math.max(last, 20)}` }
        : undefined,
  };
}

/**
 * SUM over the entry cells: a reference where the sheet holds the number the engine used, the
 * engine's number where it does not. SUM('张庄村'!E4:E7) or SUM('周口居委会'!E6:E7,5,5).
 */
function sumOf(sheet: string, entries: Entry[], isNumberCell: SummaryOptions['isNumberCell']): string {
  const refs: string[] = [];
  const literals: string[] = [];
  for (const e of entries) {
    const sameNumber = e.status === 'ok' && e.value !== null && isNumberCell(sheet, e.cell) && e.raw === e.value.toFixed();
    // Blank cells are referenced too: a value computed from the records is written into them.
    const referable = e.status === 'blank' || (e.computed ? e.raw === '' || sameNumber : sameNumber);
    if (referable) refs.push(e.cell);
    else literals.push(e.status === 'ok' && e.value ? e.value.toFixed() : '0');
  }
  const terms = [...ranges(refs).map((r) => sheetRef(sheet, r)), ...literals];
  return terms.length === 0 ? '0' : `SUM(${terms.join(',')})`;
}

/**
 * E4, E5, E6, E8 → E4:E6, E8: consecutive cells of one column as ranges; likewise C6, D6, E6 →
 * C6:E6 for consecutive cells of one row (a unit's row in the matrix layout).
 */
function ranges(cells: string[]): string[] {
  interface Run {
    first: string;
    last: string;
    row: number;
    col: number;
    dir: 'row' | 'col' | null;
  }
  const out: string[] = [];
  let run: Run | null = null;
  const flush = (r: Run | null) => r && out.push(r.first === r.last ? r.first : `${r.first}:${r.last}`);
  for (const c of cells) {
    const { row, col } = parseA1(c);
    const down: boolean = run !== null && run.dir !== 'row' && col === run.col && row === run.row + 1;
    const across: boolean = run !== null && run.dir !== 'col' && row === run.row && col === run.col + 1;
    if (run !== null && (down || across)) {
      run = { first: run.first, last: c, row, col, dir: down ? 'col' : 'row' };
      continue;
    }
    flush(run);
    run = { first: c, last: c, row, col, dir: null };
  }
  flush(run);
  return out;
}

/** 一票否决 from the unit's veto cell, or the engine's answer when the records decided it or the sheet has no veto row. */
function vetoFormula(u: ScoredUnit): string | undefined {
  const v = u.table.entries.veto;
  if (!v || u.entries.veto !== (v.value === true)) return undefined;
  const list = VETO_YES.map((y) => `"${y}"`).join(',');
  return `IF(ISNUMBER(MATCH(TRIM(${sheetRef(u.table.sheet, v.cell)}),{${list}},0)),"是","否")`;
}
