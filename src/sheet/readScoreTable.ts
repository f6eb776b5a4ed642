/**
 * The reader: turns one worksheet's grid into score tables (评分表): the scheme, one unit's
 * entries with their cell addresses, and diagnostics. Pure: no host, no file system.
 *
 * It accepts the familiar layout and its variants (DESIGN.md, "The familiar layout"):
 * header synonyms in either script and any column order, merged category cells, points in
 * titles, rules over several lines or rows, entries as 5, ５, 5分, +1, －1, a veto row,
 * a 总分 row, and more than one table stacked on one sheet.
 */
import { diagnose, type Diagnostic } from '../engine/diagnostics';
import { dec, sum, type Decimal } from '../engine/decimal';
import type { AdjustmentRule, Category, Entry, Item, Scheme, UnitEntries } from '../engine/model';
import { display, entryProblem, parseValue, parseVeto } from './entry';
import { a1, isErrorValue, MergedView, type CellRange, type CellValue, type Grid } from './grid';
import { fold, labelKey, parseChineseNumber, remembered } from '../engine/text';

/** The columns of a score table, found from its header row. */
export type Role = 'category' | 'item' | 'points' | 'rule' | 'entry' | 'deduction' | 'reason' | 'note';

// Header words per role, compared after folding (traditional → simplified, full-width → half-width)
// and removing punctuation and parenthesised units such as 分值（分）.
const HEADER_WORDS: Record<Role, string[]> = {
  category: ['考核内容', '考核项目', '项目', '考核类别', '类别', '考核大项', '内容'],
  item: ['考核重点', '考核内容及计分标准', '评分标准', '考核要点', '考核要求', '工作重点', '考核指标', '指标'],
  points: ['分值', '标准分', '满分', '分数', '标准分值', '基本分'],
  rule: ['扣分因素', '扣分标准', '评分细则', '扣分细则', '计分办法', '考核办法', '评分办法', '扣分办法'],
  entry: ['得分', '实得分', '考核得分', '实际得分', '评定得分', '评分'],
  deduction: ['扣分', '扣分数', '扣减分'],
  reason: ['扣分原因', '扣分理由', '扣分说明', '扣分情况', '扣分事由'],
  note: ['备注', '说明'],
};

const HEADER_LOOKUP = new Map<string, Role>();
for (const [role, words] of Object.entries(HEADER_WORDS) as [Role, string[]][]) {
  for (const w of words) HEADER_LOOKUP.set(w, role);
}

/** The role a header cell names, or undefined. headerRole('實得分') → 'entry' */
export function headerRole(text: string): Role | undefined {
  const key = labelKey(fold(text).replace(/[(（][^)）]*[)）]/g, ''));
  return HEADER_LOOKUP.get(key);
}

/** One unit's score table as read from a sheet. */
export interface ScoreTable {
  sheet: string;
  /** 被考核单位 */
  unit: string;
  /** Where the unit's name came from: the label row (单位：…) or the sheet's name. */
  unitSource: 'label' | 'sheet';
  title: string | null;
  /** The date written in the label row, as written. */
  date: string | null;
  scheme: Scheme;
  entries: UnitEntries;
  /** A1 address of the 总分 entry cell, when the table has a 总分 row. */
  totalCell: string | null;
  /** The value the 总分 cell held, when it held a number (typed or a formula's cached result). */
  totalTyped: Decimal | null;
  totalIsFormula: boolean;
  /** True when the 总分 cell is empty, so a writer may fill it. */
  totalBlank: boolean;
  /** Column letters of the optional columns, so writers can find them. */
  columns: Partial<Record<Role, number>>;
  /** 0-based first and last row of the table, header included. */
  rows: { header: number; last: number };
  /** 0-based row of each item, in scheme order (itemRows[c][i]). */
  itemRows: number[][];
}

export interface SheetReading {
  tables: ScoreTable[];
  diagnostics: Diagnostic[];
  /** Why the sheet holds no score table, when it holds none. */
  skippedBecause: string | null;
}

type Columns = Partial<Record<Role, number>>;

/**
 * A sheet read in full, kept so that a sheet of the same layout (the next unit's copy of the
 * table) is read by its unit's part alone. Only a sheet holding exactly one table is kept.
 */
export interface LayoutMemo {
  grid: Grid;
  layout: TableLayout;
  /** 'r:c' of the cells that may differ: the entries, the veto and the total. */
  unitCells: Set<string>;
}

/**
 * Reads every score table on a sheet. A sheet without one comes back with `skippedBecause`.
 * With `layouts`, a sheet laid out exactly as one of those (same cells everywhere but the label rows
 * and the entry cells, same merges and hidden rows) is read by its unit's part only; the result
 * is the same as reading it in full.
 */
export function readScoreTables(grid: Grid, layouts: readonly LayoutMemo[] = []): SheetReading & { memo?: LayoutMemo } {
  const like = layouts.find((m) => sameLayout(m, grid));
  if (like) {
    const diagnostics: Diagnostic[] = [];
    const table = readUnit(new MergedView(grid), like.layout, diagnostics);
    return { tables: [table], diagnostics, skippedBecause: null, memo: like };
  }
  const reading = readAllTables(grid);
  if (reading.tables.length !== 1 || reading.layouts.length !== 1 || reading.diagnostics.some((d) => d.code === 'HEADER_INCOMPLETE')) {
    return { tables: reading.tables, diagnostics: reading.diagnostics, skippedBecause: reading.skippedBecause };
  }
  const layout = reading.layouts[0];
  const unitCells = new Set<string>();
  const add = ([r, c]: [number, number]) => unitCells.add(`${r}:${c}`);
  layout.itemCells.flat().forEach(add);
  layout.adjustmentCells.forEach(add);
  const entryCol = layout.columns.entry as number;
  if (layout.vetoRow !== null) add([layout.vetoRow, entryCol]);
  if (layout.totalRow !== null) add(entryOrigin(new MergedView(grid), layout.totalRow, entryCol));
  return { tables: reading.tables, diagnostics: reading.diagnostics, skippedBecause: null, memo: { grid, layout, unitCells } };
}

const sameValue = (a: CellValue, b: CellValue) =>
  a === b || (isErrorValue(a) && isErrorValue(b) && a.error === b.error);

/**
 * True when `grid` is laid out as the remembered sheet: same merges and hidden rows; the same
 * cells except in the label rows above the header (where no header word may differ) and the
 * unit's cells (which must agree in being blank or not, as the reader's layout depends on it).
 */
function sameLayout(memo: LayoutMemo, grid: Grid): boolean {
  const ref = memo.grid;
  if (grid.kind === 'chart' || ref.rows.length !== grid.rows.length) return false;
  if (ref.hiddenRows.join() !== grid.hiddenRows.join()) return false;
  const key = (m: CellRange) => `${m.top},${m.left},${m.bottom},${m.right}`;
  const refMerges = new Set(ref.merges.map(key));
  if (refMerges.size !== grid.merges.length || grid.merges.some((m) => !refMerges.has(key(m)))) return false;
  const { headerRow } = memo.layout;
  for (let r = 0; r < grid.rows.length; r++) {
    const a = ref.rows[r] ?? [];
    const b = grid.rows[r] ?? [];
    const width = Math.max(a.length, b.length);
    for (let c = 0; c < width; c++) {
      const x = a[c] ?? null;
      const y = b[c] ?? null;
      if (sameValue(x, y)) continue;
      if (r < headerRow) {
        if ((typeof x === 'string' && headerRole(x)) || (typeof y === 'string' && headerRole(y))) return false;
        continue;
      }
      if (!memo.unitCells.has(`${r}:${c}`) || isBlank(x) !== isBlank(y)) return false;
    }
  }
  return true;
}

function readAllTables(grid: Grid): SheetReading & { layouts: TableLayout[] } {
  if (grid.kind === 'chart') return { tables: [], diagnostics: [], skippedBecause: '图表工作表', layouts: [] };
  const view = new MergedView(grid);
  if (view.rowCount === 0 || grid.rows.every((row) => row.every((v) => isBlank(v)))) {
    return { tables: [], diagnostics: [], skippedBecause: '空工作表', layouts: [] };
  }
  const tables: ScoreTable[] = [];
  const layouts: TableLayout[] = [];
  const diagnostics: Diagnostic[] = [];
  let from = 0;
  let lastEnd = -1;
  let emptyHeaders = 0;
  for (;;) {
    const header = findHeader(view, from);
    if (!header) break;
    if (header.missing) {
      diagnostics.push(diagnose('HEADER_INCOMPLETE', { missing: header.missing }, grid.name, a1(header.row, 0)));
      from = header.row + 1;
      continue;
    }
    const found: Diagnostic[] = [];
    const { table, layout } = readTable(view, header.row, header.columns, lastEnd + 1, found);
    lastEnd = table.rows.last;
    from = table.rows.last + 1;
    // A header with nothing under it (a blank template) is no unit's table: it is skipped,
    // not scored as 0 and ranked.
    if (table.scheme.categories.length === 0 && table.scheme.adjustments.length === 0) {
      emptyHeaders++;
      continue;
    }
    tables.push(table);
    layouts.push(layout);
    diagnostics.push(...found);
  }
  const skippedBecause =
    tables.length > 0 ? null : emptyHeaders > 0 ? '表头下没有考核项目' : '没有同时含“分值”和“得分”的表头';
  return { tables, diagnostics, skippedBecause, layouts };
}

interface HeaderFound {
  row: number;
  columns: Columns;
  missing?: string;
}

/** The next header row at or after `from`: a row naming both 分值 and 得分 and a text column. */
function findHeader(view: MergedView, from: number, to = view.rowCount - 1): HeaderFound | undefined {
  for (let r = from; r <= to; r++) {
    const columns: Columns = {};
    const row = view.grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string' || view.isMergeContinuation(r, c)) continue;
      const role = headerRole(v);
      if (role && columns[role] === undefined) {
        columns[role] = c;
        // 考核内容 merged over two columns holds the category and the item under one header.
        const m = view.mergeAt(r, c);
        if (role === 'category' && m && m.right > m.left && m.top === r) columns.item ??= c + 1;
      }
    }
    if (columns.points === undefined || columns.entry === undefined) {
      // A row naming one of them beside a category column is a header with a column missing.
      const named = Object.keys(columns).length;
      if (named >= 3 && (columns.category !== undefined || columns.item !== undefined)) {
        return { row: r, columns, missing: columns.points === undefined ? '分值' : '得分' };
      }
      continue;
    }
    if (columns.category === undefined && columns.item === undefined && columns.rule === undefined) continue;
    return { row: r, columns };
  }
  return undefined;
}

function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/**
 * Full-width forms folded (NFKC: ５→5, （→( ), but no change of script. Keeps every
 * character's place relative to fold(), so a match found in folded text can be cut from this.
 */
// Drops the zero-width characters fold() drops, so the two keep every character's place.
const nfkc = remembered((s) => s.normalize('NFKC').replace(/\u00a0/g, ' ').replace(/[\u200b-\u200d\u2060\ufeff]/g, ''));

/**
 * Text as it was written, tidied for display: whitespace collapsed, the line-break space
 * between two Chinese characters dropped. Not fold(): that turns the traditional characters it
 * knows into simplified ones, right for comparing words and wrong for what a person reads back
 * (新鄉村 must stay 新鄉村, and 落實領導 must not come out half converted as 落实領導).
 */
const written = remembered((s) =>
  nfkc(s)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\u4e00-\u9fff，。、；：“”）),;:]) (?=[\u4e00-\u9fff（(“])/g, '$1'),
);

function text(v: CellValue): string {
  if (v === null || isErrorValue(v)) return '';
  return written(String(v));
}

/** Lines of a cell's text, each trimmed, blank lines dropped. */
function lines(v: CellValue): string[] {
  if (v === null || isErrorValue(v)) return [];
  return nfkc(String(v))
    .split(/\r?\n/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s !== '');
}

const POINTS_IN_TITLE = /[(（]\s*([0-9０-９.]+|[零〇一二两三四五六七八九十百]+)\s*分?\s*[)）]\s*$/;

/** Points stated at the end of a title. pointsInTitle('一、组织领导(20分)') → 20; '(30)' → 30; '（二十分）' → 20 */
export function pointsInTitle(title: string): Decimal | null {
  const m = POINTS_IN_TITLE.exec(fold(title).trim());
  if (!m) return null;
  const n = parseChineseNumber(m[1]);
  return n === null ? null : dec(n);
}

/** A title without its trailing points: '一、组织领导(20分)' → '一、组织领导' */
function stripPoints(title: string): string {
  return written(title).replace(POINTS_IN_TITLE, '').trim();
}

const TOTAL_WORDS = new Set(['总分', '合计', '总计', '得分合计', '总得分', '合计得分', '综合得分']);
const ADJUSTMENT_TITLE = /(加减分|加扣分|加分项|减分项|扣分项|加分与扣分|奖惩分|附加分)/;
const CATEGORY_NUMBERING = /^[一二三四五六七八九十]+[、.．]/;

function isFooter(view: MergedView, r: number): boolean {
  const row = view.grid.rows[r] ?? [];
  for (const v of row) {
    if (typeof v !== 'string') continue;
    const key = labelKey(v);
    if (/^(考核组长|考核组成员|考核人员?|评分人|被考核单位负责人)/.test(key)) return true;
    // A signature label, 考核组长(签字): — not a rule that mentions 签字.
    if (/(签字|签名)\s*[)）]?\s*[:：]/.test(fold(v))) return true;
    if (/^(注|备注|说明)[:：]/.test(fold(v).trim()) || /^注\d/.test(key)) return true;
  }
  return false;
}

/** The unit label row above a table: 单位：张庄村, 被考核单位：, with an optional date. */
const UNIT_LABEL = /^(被考核单位|考核单位|单位名称|单位)[:：]?(.*)$/;
const DATE = /(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})/;

const MAX_TITLE_ROWS = 3;

function readLabelArea(view: MergedView, from: number, headerRow: number) {
  let unit: string | null = null;
  let date: string | null = null;
  // The title: the first rows of free text above the table, up to the label row or a blank
  // row, so a title typed over two rows (xx镇2024年度 / 综治及信访工作考核评分表) reads as one.
  // At most three rows: whatever else stands above a table is not its title.
  const titleRows: string[] = [];
  let titleDone = false;
  for (let r = from; r < headerRow; r++) {
    const row = view.grid.rows[r] ?? [];
    const texts: string[] = [];
    let labelled = false;
    for (let c = 0; c < row.length; c++) {
      const v = view.raw(r, c);
      if (typeof v !== 'string' || v.trim() === '') continue;
      const folded = fold(v).trim();
      const dm = DATE.exec(folded);
      if (dm) {
        labelled = true;
        if (date === null) date = dm[1].replace(/\s+/g, '');
      }
      // Matched on folded text (單位 is 单位), cut from the text as written (新鄉村 stays 新鄉村).
      const m = UNIT_LABEL.exec(folded.replace(/\s+/g, ' '));
      if (m) {
        labelled = true;
        if (unit !== null) continue;
        const shown = nfkc(v).trim().replace(/\s+/g, ' ');
        let name = cutWritten(m[2], shown.slice(shown.length - m[2].length));
        // The name may sit in the next cell: | 单位： | 张庄村 |
        for (let k = c + 1; name === '' && k < row.length; k++) {
          const next = view.raw(r, k);
          if (typeof next === 'string' && next.trim() !== '' && !DATE.test(fold(next))) name = cutWritten(fold(next), nfkc(next));
          if (typeof next === 'string' && next.trim() !== '') break;
        }
        unit = name;
        continue;
      }
      if (!dm) texts.push(written(v));
    }
    if (titleDone) continue;
    if (!labelled && texts.length > 0) titleRows.push(texts.join(' '));
    else if (titleRows.length > 0) titleDone = true;
    if (titleRows.length === MAX_TITLE_ROWS) titleDone = true;
  }
  return { unit, title: titleRows.length > 0 ? titleRows.join('') : null, date };
}

/** cutName() worked out on folded text and applied to the same text as written: fold() keeps every character's place. */
function cutWritten(folded: string, asWritten: string): string {
  const cut = cutName(folded);
  const at = folded.indexOf(cut);
  return asWritten.slice(at, at + cut.length);
}

/** The unit's name from what follows 单位：, cut before a date or a blank date template (年 月 日). */
function cutName(rest: string): string {
  return rest
    .replace(/(\d{4})?\s*年\s*\d*\s*月\s*\d*\s*日.*$/, '')
    .replace(/\d{4}[-/.]\d{1,2}[-/.]\d{1,2}.*$/, '')
    .replace(/(考核)?(日期|时间)[:：].*$/, '')
    .replace(/\s{2,}.*$/, '')
    .trim()
    .replace(/^_+|_+$/g, '')
    .trim();
}

interface ItemBuilder {
  item: Item;
  entryCell: [number, number];
  pointsMerge: CellRange | undefined;
  itemMerge: CellRange | undefined;
  row: number;
}

interface AdjustmentBuilder {
  rule: AdjustmentRule;
  ruleLines: string[];
  entryCell: [number, number];
  itemMerge: CellRange | undefined;
  row: number;
}

interface CategoryBuilder {
  category: Category;
  titleMerge: CellRange | undefined;
  titleKey: string;
  items: ItemBuilder[];
  row: number;
  adjustments: boolean;
}

function readTable(
  view: MergedView,
  headerRow: number,
  columns: Columns,
  labelFrom: number,
  diagnostics: Diagnostic[],
): { table: ScoreTable; layout: TableLayout } {
  const sheet = view.grid.name;
  const hidden = new Set(view.grid.hiddenRows);
  const pointsCol = columns.points as number;
  const entryCol = columns.entry as number;
  const catCol = columns.category;
  const itemCol = columns.item;
  const ruleCol = columns.rule;

  const categories: CategoryBuilder[] = [];
  const adjustments: AdjustmentBuilder[] = [];
  let current: CategoryBuilder | undefined;
  let lastItem: ItemBuilder | undefined;
  let lastAdjustment: AdjustmentBuilder | undefined;
  let veto: { row: number } | undefined;
  let totalRow: number | undefined;
  let last = headerRow;

  const startCategory = (title: string, r: number, merge: CellRange | undefined, stated: Decimal | null) => {
    current = {
      category: { title: stripPoints(title), statedPoints: stated ?? pointsInTitle(title), items: [] },
      titleMerge: merge,
      titleKey: labelKey(title),
      items: [],
      row: r,
      adjustments: ADJUSTMENT_TITLE.test(labelKey(title)),
    };
    categories.push(current);
    lastItem = undefined;
    lastAdjustment = undefined;
  };

  // A header cell merged down over two rows (考核内容 over rows 3–4): the items start below it.
  let firstRow = headerRow + 1;
  for (const c of Object.values(columns)) {
    const m = view.mergeAt(headerRow, c);
    if (m && m.top === headerRow) firstRow = Math.max(firstRow, m.bottom + 1);
  }

  for (let r = firstRow; r < view.rowCount; r++) {
    if (isFooter(view, r)) break;
    if (r > firstRow && findHeaderAt(view, r)) break;
    const row = view.grid.rows[r] ?? [];
    if (row.every((v) => isBlank(v)) && !rowInsideMerge(view, r, [catCol, itemCol, pointsCol])) continue;
    const catV = catCol === undefined ? null : view.value(r, catCol);
    const itemV = itemCol === undefined ? null : view.value(r, itemCol);
    const catText = text(catV);
    const itemText = text(itemV);
    const pointsRaw = view.raw(r, pointsCol);
    const pointsCont = view.isMergeContinuation(r, pointsCol);

    // A unit label row (单位：李家村) opens the next table and ends this one. The label usually
    // sits in the category column, so the test is that the row holds no score: no 分值 of its
    // own or merged down from above, and no 得分.
    if (
      r > firstRow &&
      row.some((v) => typeof v === 'string' && UNIT_LABEL.test(fold(v).trim()) && /[:：]/.test(v)) &&
      isBlank(pointsRaw) &&
      !continuesFromAbove(view, r, pointsCol) &&
      isBlank(view.raw(r, entryCol))
    ) {
      break;
    }

    last = r;
    if (hidden.has(r)) diagnostics.push(diagnose('HIDDEN_ROW', { row: r + 1 }, sheet, a1(r, 0)));

    const rowWords = [catText, itemText].map(labelKey);
    if (rowWords.some((w) => TOTAL_WORDS.has(w))) {
      totalRow = r;
      continue;
    }
    if (rowWords.some((w) => w.includes('一票否决')) && isBlank(pointsRaw) && !pointsCont) {
      veto = { row: r };
      continue;
    }

    // Category: a new value in the category column (merged cells read as one value).
    if (catCol !== undefined && catText !== '') {
      const merge = view.mergeAt(r, catCol);
      const same =
        current &&
        ((merge && current.titleMerge === merge) || (!merge && !current.titleMerge && current.titleKey === labelKey(catText)));
      if (!same) startCategory(catText, r, merge, null);
    } else if (
      catCol === undefined &&
      CATEGORY_NUMBERING.test(itemText) &&
      ((isBlank(pointsRaw) && !pointsCont) || titleSpansPoints(view, r, itemCol, pointsCol))
    ) {
      // A numbered title row (一、组织领导(20分)), whether its 分值 cell is empty or the title
      // is merged across the table over it.
      startCategory(itemText, r, itemCol === undefined ? undefined : view.mergeAt(r, itemCol), null);
      continue;
    } else if (catCol === undefined && !current) {
      startCategory('', r, undefined, null);
    }
    if (!current) continue;
    // A category row that carries only its title (items start below it).
    const itemMerge = itemCol === undefined ? undefined : view.mergeAt(r, itemCol);
    const itemIsCategory = catCol !== undefined && itemCol !== undefined && itemMerge !== undefined && itemMerge === view.mergeAt(r, catCol);
    const ownItemText = itemIsCategory ? '' : itemText;
    const ruleLines = ruleCol === undefined || view.isMergeContinuation(r, ruleCol) ? [] : lines(view.raw(r, ruleCol));

    if (current.adjustments) {
      const sameAdjustment =
        lastAdjustment && itemMerge !== undefined && lastAdjustment.itemMerge === itemMerge;
      if (sameAdjustment && lastAdjustment) {
        lastAdjustment.ruleLines.push(...ruleLines);
        continue;
      }
      if (ownItemText === '' && ruleLines.length === 0) continue;
      if (ownItemText === '' && lastAdjustment && isBlank(view.raw(r, entryCol))) {
        lastAdjustment.ruleLines.push(...ruleLines);
        continue;
      }
      const capFromPoints = parseValue(pointsRaw);
      lastAdjustment = {
        rule: { label: ownItemText || ruleLines[0] || '', rule: '', kind: 'either', cap: capFromPoints.kind === 'number' ? capFromPoints.value.abs() : null },
        ruleLines: [...ruleLines],
        entryCell: entryOrigin(view, r, entryCol),
        itemMerge,
        row: r,
      };
      adjustments.push(lastAdjustment);
      continue;
    }

    const pointsMerge = view.mergeAt(r, pointsCol);
    const continuesPoints = lastItem && pointsMerge !== undefined && lastItem.pointsMerge === pointsMerge;
    const continuesItem = lastItem && itemMerge !== undefined && lastItem.itemMerge === itemMerge;
    if (continuesPoints || (lastItem && isBlank(pointsRaw) && (continuesItem || ownItemText === ''))) {
      // The same item goes on: more rule lines (or more item text) under one 分值.
      const it = lastItem as ItemBuilder;
      it.item.rules.push(...ruleLines);
      if (ownItemText !== '' && !continuesItem && !continuesPoints) it.item.label = `${it.item.label}${ownItemText}`;
      const entry = view.raw(r, entryCol);
      const entryOwn = !view.isMergeContinuation(r, entryCol) && !isBlank(entry);
      if (entryOwn && !(it.entryCell[0] === r)) {
        const origin = view.raw(it.entryCell[0], it.entryCell[1]);
        if (isBlank(origin)) it.entryCell = [r, entryCol];
      }
      continue;
    }

    let points: Decimal | null = null;
    const parsedPoints = parseValue(pointsRaw);
    if (parsedPoints.kind === 'number') {
      if (parsedPoints.value.lte(0)) {
        diagnostics.push(diagnose('POINTS_NOT_POSITIVE', { value: display(pointsRaw) }, sheet, a1(r, pointsCol)));
        continue;
      }
      points = parsedPoints.value;
    } else if (parsedPoints.kind === 'blank') {
      points = pointsInTitle(ownItemText);
    } else {
      diagnostics.push(diagnose('POINTS_NOT_A_NUMBER', { value: display(pointsRaw) }, sheet, a1(r, pointsCol)));
      continue;
    }
    const label = ownItemText || ruleLines[0] || '';
    if (points === null) {
      if (label === '' || (ownItemText === '' && current.items.length === 0 && ruleLines.length === 0)) continue;
      diagnostics.push(diagnose('ITEM_WITHOUT_POINTS', { item: label }, sheet, a1(r, pointsCol)));
      lastItem = undefined;
      continue;
    }
    lastItem = {
      item: { label, points, rules: [...ruleLines] },
      entryCell: entryOrigin(view, r, entryCol),
      pointsMerge,
      itemMerge,
      row: r,
    };
    current.items.push(lastItem);
  }

  // Drop categories that hold nothing (a stray title row), keep their order otherwise.
  const kept = categories.filter((c) => c.items.length > 0);
  const adjustmentRules = adjustments.map((a) => finishAdjustment(a));

  const scheme: Scheme = {
    categories: kept.map((c) => ({ ...c.category, items: c.items.map((b) => b.item) })),
    adjustments: adjustmentRules,
    hasVeto: veto !== undefined,
  };
  const schemeDiagnostics: Diagnostic[] = [];
  checkScheme(scheme, kept, sheet, schemeDiagnostics);
  const layout: TableLayout = {
    headerRow,
    labelFrom,
    columns,
    last,
    scheme,
    itemCells: kept.map((c) => c.items.map((b) => b.entryCell)),
    itemRows: kept.map((c) => c.items.map((b) => b.row)),
    adjustmentCells: adjustments.map((a) => a.entryCell),
    vetoRow: veto?.row ?? null,
    totalRow: totalRow ?? null,
    loopDiagnostics: [...diagnostics],
    schemeDiagnostics,
  };
  diagnostics.length = 0;
  return { table: readUnit(view, layout, diagnostics), layout };
}

/**
 * What a table's layout fixes: where everything is, the scheme, and the diagnostics about the
 * layout itself. Sheets of one assessment usually share it; then only the unit's part is read.
 */
export interface TableLayout {
  headerRow: number;
  labelFrom: number;
  columns: Columns;
  last: number;
  scheme: Scheme;
  itemCells: [number, number][][];
  itemRows: number[][];
  adjustmentCells: [number, number][];
  vetoRow: number | null;
  totalRow: number | null;
  /** Diagnostics found while reading the rows (hidden rows, items without points …), then about the scheme. */
  loopDiagnostics: Diagnostic[];
  schemeDiagnostics: Diagnostic[];
}

/** The unit's part of a table: its label (unit, title, date), entries, veto and total, on a sheet of the given layout. */
function readUnit(view: MergedView, layout: TableLayout, diagnostics: Diagnostic[]): ScoreTable {
  const sheet = view.grid.name;
  const { headerRow, columns, scheme } = layout;
  const entryCol = columns.entry as number;
  const onThisSheet = (d: Diagnostic) => ({ ...d, sheet });
  diagnostics.push(...layout.loopDiagnostics.map(onThisSheet));

  const label = readLabelArea(view, layout.labelFrom, headerRow);
  const unitFromLabel = label.unit !== null && label.unit !== '' ? label.unit : null;
  const unit = unitFromLabel ?? written(sheet);
  if (!unitFromLabel) diagnostics.push(diagnose('UNIT_NAME_FROM_SHEET', { name: sheet }, sheet, a1(headerRow, 0)));
  diagnostics.push(...layout.schemeDiagnostics.map(onThisSheet));

  const entries: UnitEntries = {
    items: scheme.categories.map((c, ci) => c.items.map((item, ii) => readEntry(view, layout.itemCells[ci][ii], item, diagnostics))),
    adjustments: scheme.adjustments.map((rule, i) => readAdjustment(view, layout.adjustmentCells[i], rule, diagnostics)),
    veto: layout.vetoRow !== null ? readVetoEntry(view, layout.vetoRow, entryCol, diagnostics) : null,
  };

  let totalCell: string | null = null;
  let totalTyped: Decimal | null = null;
  let totalIsFormula = false;
  let totalBlank = false;
  if (layout.totalRow !== null) {
    const [tr, tc] = entryOrigin(view, layout.totalRow, entryCol);
    totalCell = a1(tr, tc);
    const parsed = parseValue(view.raw(tr, tc));
    if (parsed.kind === 'number') totalTyped = parsed.value;
    totalBlank = parsed.kind === 'blank';
    totalIsFormula = view.grid.formulas?.[totalCell] !== undefined;
  }

  return {
    sheet,
    unit,
    unitSource: unitFromLabel ? 'label' : 'sheet',
    title: label.title,
    date: label.date,
    scheme,
    entries,
    totalCell,
    totalTyped,
    totalIsFormula,
    totalBlank,
    columns,
    rows: { header: headerRow, last: layout.last },
    itemRows: layout.itemRows,
  };
}

function findHeaderAt(view: MergedView, r: number): boolean {
  const found = findHeader(view, r, r);
  return found !== undefined && !found.missing;
}

/** True when the cell is inside a merge that began on an earlier row. */
function continuesFromAbove(view: MergedView, r: number, c: number): boolean {
  const m = view.mergeAt(r, c);
  return m !== undefined && m.top < r;
}

/** True when the item cell's merge runs across the 分值 column: a title row, not an item. */
function titleSpansPoints(view: MergedView, r: number, itemCol: number | undefined, pointsCol: number): boolean {
  if (itemCol === undefined) return false;
  const m = view.mergeAt(r, itemCol);
  return m !== undefined && m === view.mergeAt(r, pointsCol);
}

function rowInsideMerge(view: MergedView, r: number, cols: (number | undefined)[]): boolean {
  return cols.some((c) => c !== undefined && view.isMergeContinuation(r, c));
}

/** The cell that holds a row's entry: the top-left of its merge, if merged. */
function entryOrigin(view: MergedView, r: number, c: number): [number, number] {
  const m = view.mergeAt(r, c);
  return m ? [m.top, m.left] : [r, c];
}

const CAP = /(?:最多|最高|累计最多|最多可)加\s*([0-9.]+|[零一二两三四五六七八九十]+)\s*分|加分(?:不超过|上限为?|最多)\s*([0-9.]+|[零一二两三四五六七八九十]+)\s*分/;

function finishAdjustment(a: AdjustmentBuilder): AdjustmentRule {
  const rule = a.ruleLines.join('；');
  const words = fold(`${a.rule.label}${rule}`);
  const bonus = /加\s*[0-9零一二两三四五六七八九十]|加分/.test(words);
  const deduction = /[扣减]\s*[0-9零一二两三四五六七八九十]|扣分|减分/.test(words);
  const kind = bonus && !deduction ? 'bonus' : deduction && !bonus ? 'deduction' : 'either';
  const m = CAP.exec(words);
  const stated = m ? parseChineseNumber(m[1] ?? m[2]) : null;
  const cap = a.rule.cap ?? (stated === null ? null : dec(stated));
  return { label: a.rule.label, rule, kind, cap };
}

function readEntry(view: MergedView, [r, c]: [number, number], item: Item, diagnostics: Diagnostic[]): Entry {
  const sheet = view.grid.name;
  const cell = a1(r, c);
  const raw = view.raw(r, c);
  const shown = display(raw);
  const problem = entryProblem(view.grid, cell, raw);
  if (problem) {
    diagnostics.push(diagnose(problem.code, problem.params, sheet, cell));
    return { cell, status: 'invalid', value: null, raw: shown };
  }
  const parsed = parseValue(raw);
  switch (parsed.kind) {
    case 'blank':
      diagnostics.push(diagnose('BLANK_ENTRY', { item: item.label }, sheet, cell));
      return { cell, status: 'blank', value: null, raw: shown };
    case 'error':
      diagnostics.push(diagnose('ERROR_VALUE', { value: parsed.error }, sheet, cell));
      return { cell, status: 'invalid', value: null, raw: shown };
    case 'text':
      diagnostics.push(diagnose('NOT_A_NUMBER', { value: parsed.text }, sheet, cell));
      return { cell, status: 'invalid', value: null, raw: shown };
    case 'number': {
      const value = parsed.value;
      if (value.lt(0)) {
        diagnostics.push(diagnose('SCORE_NEGATIVE', { value: value.toFixed(), max: item.points.toFixed() }, sheet, cell));
        return { cell, status: 'invalid', value: null, raw: shown };
      }
      if (value.gt(item.points)) {
        diagnostics.push(diagnose('SCORE_ABOVE_MAX', { value: value.toFixed(), max: item.points.toFixed() }, sheet, cell));
        return { cell, status: 'invalid', value: null, raw: shown };
      }
      return { cell, status: 'ok', value, raw: shown };
    }
  }
}

function readAdjustment(view: MergedView, [r, c]: [number, number], rule: AdjustmentRule, diagnostics: Diagnostic[]): Entry {
  const sheet = view.grid.name;
  const cell = a1(r, c);
  const raw = view.raw(r, c);
  const shown = display(raw);
  const problem = entryProblem(view.grid, cell, raw);
  if (problem) {
    diagnostics.push(diagnose(problem.code, problem.params, sheet, cell));
    return { cell, status: 'invalid', value: null, raw: shown };
  }
  const parsed = parseValue(raw);
  switch (parsed.kind) {
    case 'blank':
      // No adjustment is the usual case: an empty 加减分 cell means 0, not a missing score.
      return { cell, status: 'blank', value: null, raw: shown };
    case 'error':
      diagnostics.push(diagnose('ERROR_VALUE', { value: parsed.error }, sheet, cell));
      return { cell, status: 'invalid', value: null, raw: shown };
    case 'text':
      diagnostics.push(diagnose('NOT_A_NUMBER', { value: parsed.text }, sheet, cell));
      return { cell, status: 'invalid', value: null, raw: shown };
    case 'number': {
      const value = parsed.value;
      if ((rule.kind === 'bonus' && value.lt(0)) || (rule.kind === 'deduction' && value.gt(0))) {
        const kind = rule.kind === 'bonus' ? '加分' : '扣分';
        diagnostics.push(diagnose('ADJUSTMENT_SIGN', { item: rule.label, kind, value: value.toFixed() }, sheet, cell));
        return { cell, status: 'invalid', value: null, raw: shown };
      }
      if (rule.cap !== null && value.abs().gt(rule.cap)) {
        diagnostics.push(diagnose('ADJUSTMENT_ABOVE_CAP', { item: rule.label, value: value.toFixed(), cap: rule.cap.toFixed() }, sheet, cell));
        return { cell, status: 'invalid', value: null, raw: shown };
      }
      return { cell, status: 'ok', value, raw: shown };
    }
  }
}

function readVetoEntry(view: MergedView, r: number, entryCol: number, diagnostics: Diagnostic[]) {
  const [er, ec] = entryOrigin(view, r, entryCol);
  const cell = a1(er, ec);
  const raw = view.raw(er, ec);
  const parsed = parseVeto(raw);
  if (parsed.kind === 'unknown') {
    diagnostics.push(diagnose('VETO_UNKNOWN', { value: display(raw) }, view.grid.name, cell));
    return { cell, value: null, raw: display(raw) };
  }
  // A blank veto cell means no veto was decided: the usual case.
  return { cell, value: parsed.kind === 'yes', raw: display(raw) };
}

function checkScheme(scheme: Scheme, built: CategoryBuilder[], sheet: string, diagnostics: Diagnostic[]) {
  scheme.categories.forEach((c, i) => {
    const itemSum = sum(c.items.map((it) => it.points));
    if (c.statedPoints !== null && !itemSum.eq(c.statedPoints)) {
      diagnostics.push(
        diagnose(
          'CATEGORY_POINTS_MISMATCH',
          { category: c.title, stated: c.statedPoints.toFixed(), sum: itemSum.toFixed() },
          sheet,
          a1(built[i].row, 0),
        ),
      );
    }
  });
  const total = schemeTotal(scheme);
  if (scheme.categories.length > 0 && !total.eq(100)) {
    diagnostics.push(diagnose('SCHEME_TOTAL_NOT_100', { total: total.toFixed() }, sheet));
  }
}

/** The sum of every item's points. */
function schemeTotal(scheme: Scheme): Decimal {
  return sum(scheme.categories.flatMap((c) => c.items.map((it) => it.points)));
}
