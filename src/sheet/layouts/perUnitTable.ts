/**
 * The per-unit layout (the seed 003 table): a header row naming 分值 and 得分 beside a category
 * or item column, category rows merged over their items, a 加减分 section, a 一票否决 row and a
 * 总分 row — one unit per table, any number of tables stacked on a sheet or side by side.
 */
import { diagnose, type Diagnostic } from '../../engine/diagnostics';
import type { Decimal } from '../../engine/decimal';
import type { AdjustmentRule, Category, Item, Scheme, UnitEntries } from '../../engine/model';
import { fold, labelKey } from '../../engine/text';
import { display, parseValue } from '../entry';
import { a1, type CellRange, type MergedView } from '../grid';
import type { Columns, ScoreTable } from '../scoreTable';
import { isBlank, lines, pointsInTitle, stripPoints, text } from './cellText';
import { ADJUSTMENT_TITLE, CATEGORY_NUMBERING, TOTAL_WORDS } from './headerWords';
import { applyStatedCaps, capsInRows, isFooter, notesRows, readLabelArea, UNIT_LABEL, unitName } from './labelArea';
import type { ScoreTableLayout } from './layout';
import { columnBands, findHeaderAt, headerAt, type PerUnitRegion } from './perUnitHeader';
import { adjustmentRule, checkScheme } from './schemeChecks';
import { checkAdjustmentTotal, entryOrigin, readAdjustment, readEntry, readVetoEntry } from './unitEntries';

export type { PerUnitRegion, ReadOptions } from './perUnitHeader';

export const perUnitTable: ScoreTableLayout<PerUnitRegion> = {
  name: 'perUnit',

  findRegions(view, options = {}) {
    const regions: PerUnitRegion[] = [];
    for (const band of columnBands(view)) {
      for (let r = 0; r < view.rowCount; r++) {
        const region = headerAt(view, r, band, options);
        if (region) regions.push(region);
      }
    }
    return regions;
  },

  readRegion(view, region, labelFrom) {
    if (region.missing) {
      return {
        tables: [],
        diagnostics: [diagnose('HEADER_INCOMPLETE', { missing: region.missing, range: region.range }, view.grid.name, a1(region.top, 0))],
        bottom: region.top,
      };
    }
    const found: Diagnostic[] = region.chosen ? [region.chosen] : [];
    const { table, layout } = readTable(view, region, labelFrom, found);
    // A header with nothing under it (a blank template) is no unit's table: it is skipped,
    // not scored as 0 and ranked.
    if (table.scheme.categories.length === 0 && table.scheme.adjustments.length === 0) {
      return { tables: [], diagnostics: [], bottom: table.rows.last, empty: true };
    }
    return { tables: [table], diagnostics: found, bottom: table.rows.last, memo: layout };
  },
};


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
  region: PerUnitRegion,
  labelFrom: number,
  diagnostics: Diagnostic[],
): { table: ScoreTable; layout: TableLayout } {
  const headerRow = region.top;
  const columns = region.columns;
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

  const firstRow = region.firstRow;

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
  const adjustmentRules = adjustments.map((a) => adjustmentRule(a.rule.label, a.ruleLines, a.rule.cap));

  const schemeDiagnostics: Diagnostic[] = [];
  // Caps written in the title, the 加减分 section's title or the notes under the table.
  const capRows = [...range(labelFrom, headerRow), ...notesRows(view, last + 1, (r) => findHeaderAt(view, r))];
  const sectionTitles = categories.filter((c) => c.adjustments).map((c) => ({ text: c.category.title, cell: a1(c.row, catCol ?? itemCol ?? 0) }));
  const scheme: Scheme = applyStatedCaps(
    {
      categories: kept.map((c) => ({ ...c.category, items: c.items.map((b) => b.item) })),
      adjustments: adjustmentRules,
      hasVeto: veto !== undefined,
    },
    capsInRows(view, capRows, sectionTitles),
    sheet,
    schemeDiagnostics,
  );
  checkScheme(scheme, kept.map((c) => a1(c.row, 0)), sheet, schemeDiagnostics);
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
export function readUnit(view: MergedView, layout: TableLayout, diagnostics: Diagnostic[]): ScoreTable {
  const sheet = view.grid.name;
  const { headerRow, columns, scheme } = layout;
  const entryCol = columns.entry as number;
  const onThisSheet = (d: Diagnostic) => ({ ...d, sheet });
  diagnostics.push(...layout.loopDiagnostics.map(onThisSheet));

  const label = readLabelArea(view, layout.labelFrom, headerRow);
  const named = unitName(label, sheet, a1(headerRow, 0), diagnostics);
  diagnostics.push(...layout.schemeDiagnostics.map(onThisSheet));

  const entries: UnitEntries = {
    items: scheme.categories.map((c, ci) => c.items.map((item, ii) => readEntry(view, layout.itemCells[ci][ii], item, diagnostics))),
    adjustments: checkAdjustmentTotal(
      scheme,
      scheme.adjustments.map((rule, i) => readAdjustment(view, layout.adjustmentCells[i], rule, diagnostics)),
      sheet,
      diagnostics,
    ),
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
    unit: named.unit,
    unitSource: named.source,
    layout: 'perUnit',
    region: `${a1(headerRow, Math.min(...Object.values(columns)))}:${a1(layout.last, Math.max(...Object.values(columns)))}`,
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


/** from, from+1, …, to-1 */
function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
