/**
 * The matrix layout: one sheet of all units, a row per unit and a column per item.
 *
 *   | 序号 | 单位   | 一、组织领导(10分)    | 二、包保网络(20分) | 加减分 | 一票否决 | 总分 | 备注 |
 *   |      |        | 会议记录 | 包案制度   | 排查 | 化解        |        |          |      |      |
 *   |      | 分值   | 5        | 5          | 10   | 10          |        |          |      |      |
 *   |      | 扣分因素 | 没开会扣1分 | 每件扣1分 | …  | …           |        |          |      |      |
 *   | 1    | 张庄村 | 5        | 4          | 10   | 9           | 1      | 否       |      |      |
 *
 * One or two header rows (categories merged over their items, then the items; or the items alone),
 * a 分值 row, an optional 扣分因素 row, then a row per unit. Each unit row is read as its own score
 * table sharing one scheme, every entry with its cell.
 */
import type { Decimal } from '../../engine/decimal';
import { diagnose, type Diagnostic } from '../../engine/diagnostics';
import type { Category, Entry, Scheme } from '../../engine/model';
import { labelKey } from '../../engine/text';
import { display, parseValue } from '../entry';
import { a1, type MergedView } from '../grid';
import type { ScoreTable } from '../scoreTable';
import { isBlank, lines, pointsInTitle, stripPoints, text, written } from './cellText';
import { ADJUSTMENT_TITLE, headerRole, TOTAL_WORDS } from './headerWords';
import type { Region, ScoreTableLayout } from './layout';
import { applyStatedCaps, capsInRows, isFooter, notesRows, readLabelArea } from './labelArea';
import { adjustmentRule, checkScheme } from './schemeChecks';
import { checkAdjustmentTotal, readAdjustment, readEntry, readVetoEntry } from './unitEntries';

/** Words heading the column of unit names. */
const UNIT_HEADER = /^(被考核单位|考核单位|单位名称|单位|村居|村\(居\)|村\(社区\)|村社区|村名|村别|被考核村|乡镇|部门)$/;
/** Words of the rows under the header: the points row and the rules row. */
const POINTS_LABEL = new Set(['分值', '标准分', '满分', '标准分值', '基本分', '分数']);

export interface MatrixRegion extends Region {
  /** 0-based rows: the category row (or null), the item row, the 分值 row, the rules row (or null). */
  categoryRow: number | null;
  itemRow: number;
  pointsRow: number;
  ruleRow: number | null;
  unitCol: number;
}

type Special = 'adjustment' | 'veto' | 'total' | 'note' | 'index' | 'skip';

/** What a header column that is not an item holds. */
function special(words: string): Special | undefined {
  const key = labelKey(words);
  if (key === '') return undefined;
  if (/一票否决/.test(key)) return 'veto';
  if (ADJUSTMENT_TITLE.test(key) || /^(加分|扣分|减分|加扣分|加减分|奖惩|附加分)$/.test(key)) return 'adjustment';
  if (TOTAL_WORDS.has(key) || key === '得分' || key === '总得分') return 'total';
  if (/^(备注|说明)$/.test(key)) return 'note';
  if (/^(序号|编号|序)$/.test(key)) return 'index';
  if (/^(排名|名次|等次|等级|扣分原因|扣分理由)$/.test(key)) return 'skip';
  return undefined;
}

/** The 分值 rows of a sheet: a label from the points words with at least two positive numbers to its right. */
function pointsRows(view: MergedView): { row: number; labelCol: number }[] {
  const out: { row: number; labelCol: number }[] = [];
  for (let r = 1; r < view.rowCount; r++) {
    const row = view.grid.rows[r] ?? [];
    for (let c = 0; c < Math.min(row.length, 6); c++) {
      const v = view.raw(r, c);
      if (typeof v !== 'string' || !POINTS_LABEL.has(labelKey(v))) continue;
      let numbers = 0;
      for (let k = c + 1; k < row.length; k++) {
        const p = parseValue(view.raw(r, k));
        if (p.kind === 'number' && p.value.gt(0)) numbers++;
      }
      if (numbers >= 2) out.push({ row: r, labelCol: c });
      break;
    }
  }
  return out;
}

/** The column heading the unit names in the header rows, at or left of the 分值 label's column. */
function unitColumn(view: MergedView, rows: number[], maxCol: number): number | undefined {
  for (let c = 0; c <= maxCol; c++) {
    for (const r of rows) {
      const v = view.value(r, c);
      if (typeof v === 'string' && UNIT_HEADER.test(labelKey(v))) return c;
    }
  }
  return undefined;
}

/** The unit rows: every row below the header with a name in the unit column, up to a footer or the next header. */
function unitRowsOf(view: MergedView, unitCol: number, headerBottom: number) {
  const rows: { row: number; name: string }[] = [];
  let bottom = headerBottom;
  for (let r = headerBottom + 1; r < view.rowCount; r++) {
    if (isFooter(view, r)) break;
    const nameRaw = view.raw(r, unitCol);
    if (typeof nameRaw === 'string' && POINTS_LABEL.has(labelKey(nameRaw))) break;
    const row = view.grid.rows[r] ?? [];
    if (row.every((v) => isBlank(v))) continue;
    const name = text(nameRaw);
    if (name !== '' && UNIT_HEADER.test(labelKey(name))) break; // the next matrix's header
    if (name === '') continue;
    bottom = r;
    // A 合计 or 平均 row under the units is no unit.
    if (TOTAL_WORDS.has(labelKey(name)) || /^(平均|平均分|均分)$/.test(labelKey(name))) continue;
    rows.push({ row: r, name });
  }
  return { rows, bottom };
}

export const matrix: ScoreTableLayout<MatrixRegion> = {
  name: 'matrix',

  findRegions(view) {
    const regions: MatrixRegion[] = [];
    for (const { row, labelCol } of pointsRows(view)) {
      // Above the 分值 row: the items, then perhaps the categories; a 扣分因素 row may sit between.
      let itemRow = row - 1;
      let ruleRow: number | null = null;
      const ruleAbove = view.raw(itemRow, labelCol);
      if (typeof ruleAbove === 'string' && headerRole(ruleAbove) === 'rule') {
        ruleRow = itemRow;
        itemRow--;
      }
      const ruleBelow = view.raw(row + 1, labelCol);
      if (ruleRow === null && typeof ruleBelow === 'string' && headerRole(ruleBelow) === 'rule') ruleRow = row + 1;
      if (itemRow < 0) continue;
      const candidates = itemRow > 0 ? [itemRow, itemRow - 1] : [itemRow];
      const unitCol = unitColumn(view, candidates, labelCol);
      if (unitCol === undefined) continue;
      // Two header rows when the unit header stands above the item row (merged down or not).
      const unitCell = view.mergeAt(itemRow, unitCol);
      const top =
        unitCell && unitCell.top < itemRow
          ? unitCell.top
          : typeof view.raw(itemRow, unitCol) === 'string' && UNIT_HEADER.test(labelKey(String(view.raw(itemRow, unitCol))))
            ? itemRow
            : itemRow - 1;
      const width = view.colCount;
      regions.push({
        top,
        left: 0,
        right: Infinity,
        range: `${a1(top, 0)}:${a1(row, width - 1)}`,
        categoryRow: top < itemRow ? top : null,
        itemRow,
        pointsRow: row,
        ruleRow,
        unitCol,
      });
    }
    return regions;
  },

  readRegion(view, region, labelFrom) {
    const sheet = view.grid.name;
    const diagnostics: Diagnostic[] = [];
    const { categoryRow, itemRow, pointsRow, ruleRow, unitCol } = region;
    const headerBottom = Math.max(pointsRow, ruleRow ?? 0);
    const headerText = (c: number) =>
      [categoryRow, itemRow].filter((r): r is number => r !== null).map((r) => text(view.value(r, c)));

    // The columns: items (with their category), then the special ones.
    const categories: { category: Category; key: string; cols: number[]; col: number }[] = [];
    const cols: { adjustment?: number; veto?: number; total?: number } = {};
    let adjustmentCap: Decimal | null = null;
    for (let c = unitCol + 1; c < view.colCount; c++) {
      const [catText = '', itemText = ''] = categoryRow === null ? ['', headerText(c)[0]] : headerText(c);
      const own = categoryRow === null ? itemText : view.mergeAt(itemRow, c)?.top === categoryRow ? catText : itemText || catText;
      const kind = special(own) ?? (categoryRow !== null && view.mergeAt(itemRow, c)?.top === categoryRow ? special(catText) : undefined);
      if (kind) {
        if (kind === 'adjustment' && cols.adjustment === undefined) {
          cols.adjustment = c;
          const p = parseValue(view.raw(pointsRow, c));
          if (p.kind === 'number') adjustmentCap = p.value.abs();
        }
        if (kind === 'veto' && cols.veto === undefined) cols.veto = c;
        if (kind === 'total' && cols.total === undefined) cols.total = c;
        continue;
      }
      const pointsRaw = view.raw(pointsRow, c);
      if (itemText === '' && isBlank(pointsRaw)) continue;
      const label = itemText || catText;
      const parsed = parseValue(pointsRaw);
      let points: Decimal | null = null;
      if (parsed.kind === 'number') {
        if (parsed.value.lte(0)) {
          diagnostics.push(diagnose('POINTS_NOT_POSITIVE', { value: display(pointsRaw) }, sheet, a1(pointsRow, c)));
          continue;
        }
        points = parsed.value;
      } else if (parsed.kind === 'blank') {
        points = pointsInTitle(label);
      } else {
        diagnostics.push(diagnose('POINTS_NOT_A_NUMBER', { value: display(pointsRaw) }, sheet, a1(pointsRow, c)));
        continue;
      }
      if (points === null) {
        diagnostics.push(diagnose('ITEM_WITHOUT_POINTS', { item: label }, sheet, a1(pointsRow, c)));
        continue;
      }
      const catKey = categoryRow === null ? '' : `${view.mergeAt(categoryRow, c)?.left ?? c}:${labelKey(catText)}`;
      let cat = categories[categories.length - 1];
      if (!cat || cat.key !== catKey) {
        cat = { category: { title: stripPoints(catText), statedPoints: pointsInTitle(catText), items: [] }, key: catKey, cols: [], col: c };
        categories.push(cat);
      }
      const rules = ruleRow === null ? [] : lines(view.raw(ruleRow, c));
      cat.category.items.push({ label: stripPoints(label) || label, points, rules });
      cat.cols.push(c);
    }

    const label = readLabelArea(view, labelFrom, region.top);
    const adjustments =
      cols.adjustment === undefined
        ? []
        : [matrixAdjustment(headerText(cols.adjustment).filter(Boolean).pop() ?? '加减分', ruleRow === null ? [] : lines(view.raw(ruleRow, cols.adjustment)), adjustmentCap)];
    if (categories.length === 0) return { tables: [], diagnostics, bottom: headerBottom, empty: true };
    const unitRows = unitRowsOf(view, unitCol, headerBottom);
    // Caps written in the title rows or the notes under the table.
    const capRows = [...Array.from({ length: region.top - labelFrom }, (_, i) => labelFrom + i), ...notesRows(view, unitRows.bottom + 1)];
    const scheme = applyStatedCaps(
      { categories: categories.map((c) => c.category), adjustments, hasVeto: cols.veto !== undefined },
      capsInRows(view, capRows),
      sheet,
      diagnostics,
    );
    checkScheme(scheme, categories.map((c) => a1(categoryRow ?? itemRow, c.col)), sheet, diagnostics);

    const tables: ScoreTable[] = [];
    const hidden = new Set(view.grid.hiddenRows);
    for (const { row: r, name } of unitRows.rows) {
      const own: Diagnostic[] = [];
      if (hidden.has(r)) own.push(diagnose('HIDDEN_ROW', { row: r + 1 }, sheet, a1(r, 0)));
      tables.push(unitRow(view, r, name, scheme, categories.map((c) => c.cols), cols, label, region, own));
      diagnostics.push(...own);
    }
    const bottom = unitRows.bottom;
    if (tables.length === 0) return { tables: [], diagnostics, bottom, empty: true };
    return { tables, diagnostics, bottom };
  },
};

/** The 加减分 column as one adjustment line: its kind from the words of its rules, a cap from its 分值 or a stated one. */
function matrixAdjustment(header: string, rules: string[], cap: Decimal | null) {
  const general = ADJUSTMENT_TITLE.test(labelKey(header)) || /^加减分|加扣分$/.test(labelKey(header));
  const rule = adjustmentRule(general ? '' : header, rules, cap);
  // A column headed 加减分 takes both signs, whatever its rules say of one of them.
  return { ...rule, label: header, kind: general ? ('either' as const) : rule.kind };
}

function unitRow(
  view: MergedView,
  r: number,
  name: string,
  scheme: Scheme,
  itemCols: number[][],
  cols: { adjustment?: number; veto?: number; total?: number },
  label: { title: string | null; date: string | null },
  region: MatrixRegion,
  diagnostics: Diagnostic[],
): ScoreTable {
  const sheet = view.grid.name;
  const items: Entry[][] = scheme.categories.map((c, ci) => c.items.map((item, ii) => readEntry(view, [r, itemCols[ci][ii]], item, diagnostics)));
  const adjustments = checkAdjustmentTotal(
    scheme,
    scheme.adjustments.map((rule) => readAdjustment(view, [r, cols.adjustment as number], rule, diagnostics)),
    sheet,
    diagnostics,
  );
  const veto = cols.veto !== undefined ? readVetoEntry(view, r, cols.veto, diagnostics) : null;
  let totalCell: string | null = null;
  let totalTyped: Decimal | null = null;
  let totalBlank = false;
  let totalIsFormula = false;
  if (cols.total !== undefined) {
    totalCell = a1(r, cols.total);
    const parsed = parseValue(view.raw(r, cols.total));
    if (parsed.kind === 'number') totalTyped = parsed.value;
    totalBlank = parsed.kind === 'blank';
    totalIsFormula = view.grid.formulas?.[totalCell] !== undefined;
  }
  const last = Math.max(...itemCols.flat(), cols.adjustment ?? 0, cols.veto ?? 0, cols.total ?? 0);
  return {
    sheet,
    unit: written(name),
    unitSource: 'row',
    layout: 'matrix',
    region: `${a1(r, region.unitCol)}:${a1(r, last)}`,
    title: label.title,
    date: label.date,
    scheme,
    entries: { items, adjustments, veto },
    totalCell,
    totalTyped,
    totalIsFormula,
    totalBlank,
    // No per-item column of reasons: a reason goes into a note on the entry cell.
    columns: {},
    rows: { header: region.top, last: r },
    itemRows: scheme.categories.map((c) => c.items.map(() => r)),
  };
}
