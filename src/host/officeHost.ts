/**
 * The Office.js host: the open workbook in Excel, for the task pane. The only code that calls
 * Excel.run. Reading every sheet takes three round trips whatever the number of sheets (the
 * sheet list; each sheet's used range; all values, formulas, merged areas and visible rows at
 * once). Writing is batched: one sync per batch, each batch under ~4 MB (Excel on the web caps a
 * request at 5 MB), calculation suspended while writing. Only the cells and sheets a plan names
 * are touched.
 */
import { a1, parseA1, parseRange, type CellValue, type Grid } from '../sheet/grid';
import type { ApplyOutcome, CellStyle, SheetPlan, WorkbookHost, WritePlan } from './host';

/** Runs a batch against a request context: Excel.run in Excel, a mock in tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
/** isSetSupported('ExcelApi', '1.13') */
export type RequirementCheck = (version: string) => boolean;

const BATCH_BYTES = 4_000_000;
const MM_TO_POINTS = 72 / 25.4;
/** Points per width unit of a column (the '0' of the default 11 pt font is about 7 px = 5.25 pt, plus padding). */
const POINTS_PER_CHAR = 5.6;

export class OfficeHost implements WorkbookHost {
  /** What this Excel cannot do, in Chinese, for the pane to show. */
  readonly limitations: string[] = [];

  constructor(
    private readonly run: ExcelRunner = (batch) => Excel.run(batch),
    private readonly supports: RequirementCheck = (v) => Office.context.requirements.isSetSupported('ExcelApi', v),
  ) {
    if (!this.supports('1.13')) this.limitations.push('此版本 Excel 不支持读取合并单元格（需要 ExcelApi 1.13），按单元格内容识别表格');
    if (!this.supports('1.9')) this.limitations.push('此版本 Excel 不支持设置打印版式（需要 ExcelApi 1.9），生成的表需手动设置打印');
  }

  async readGrids(): Promise<Grid[]> {
    const merges = this.supports('1.13');
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const used = sheets.items.map((ws) => ws.getUsedRangeOrNullObject());
      for (const r of used) r.load('isNullObject,address');
      await context.sync();
      const reads = used.map((range) => {
        if (range.isNullObject) return null;
        range.load('values,formulas,valueTypes,rowIndex,columnIndex,rowCount');
        // The visible rows of the first column: one address per visible row (hidden and filtered rows are left out).
        const visible = range.getColumn(0).getVisibleView();
        visible.load('cellAddresses');
        const areas = merges ? range.getMergedAreasOrNullObject() : null;
        areas?.load('isNullObject,address');
        return { range, visible, areas };
      });
      await context.sync();
      return sheets.items.map((ws, i): Grid => {
        const read = reads[i];
        if (!read) return { name: ws.name, rows: [], merges: [], hiddenRows: [] };
        const visibleRows = read.visible.cellAddresses.map((row) => parseA1(String(row[0]).slice(String(row[0]).lastIndexOf('!') + 1).replace(/\$/g, '')).row);
        return toGrid(ws.name, read.range, visibleRows, read.areas && !read.areas.isNullObject ? read.areas.address : '');
      });
    });
  }

  async apply(plan: WritePlan): Promise<ApplyOutcome> {
    const skipped: string[] = [];
    const layout = this.supports('1.9');
    const copies = this.supports('1.10');
    await this.run(async (context) => {
      const book = context.workbook;
      const sheets = book.worksheets;
      sheets.load('items/name,items/position');
      await context.sync();
      const position = new Map(sheets.items.map((ws) => [ws.name, ws.position]));
      const batch = new Batch(context);

      for (const name of plan.removeSheets ?? []) {
        if (position.has(name)) sheets.getItem(name).delete();
      }
      for (const sheet of plan.sheets ?? []) {
        const ws = writeSheetStart(context, sheet, position.get(sheet.name), copies, skipped);
        batch.add(estimate(sheet.name));
        for (const c of sheet.cells) {
          const range = ws.getRange(c.cell);
          setValue(range, c.value, c.formula);
          if (c.style) applyStyle(range, c.style, layout);
          batch.add(estimate(c.value) + estimate(c.formula) + (c.style ? 120 : 0));
          await batch.maybeSync();
        }
        for (const m of sheet.merges) ws.getRange(m).merge(false);
        sheet.columnWidths.forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = w * POINTS_PER_CHAR));
        for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) ws.getRange(`${row}:${row}`).format.rowHeight = height;
        if (sheet.page) {
          if (layout) pageSetup(ws, sheet.page);
          else skipped.push(`“${sheet.name}”的打印版式需要 ExcelApi 1.9，未设置`);
        }
        if (sheet.chart) {
          const chart = ws.charts.add(Excel.ChartType.barClustered, ws.getRange(sheet.chart.values), Excel.ChartSeriesBy.columns);
          chart.title.text = sheet.chart.title;
          chart.legend.visible = false;
          chart.series.getItemAt(0).setXAxisValues(ws.getRange(sheet.chart.categories));
          chart.setPosition(sheet.chart.from, sheet.chart.to);
        }
        if (sheet.state === 'hidden') ws.visibility = Excel.SheetVisibility.hidden;
        if (sheet.state === 'veryHidden') ws.visibility = Excel.SheetVisibility.veryHidden;
        batch.add(sheet.merges.length * 40 + sheet.columnWidths.length * 40);
        await batch.maybeSync();
      }
      for (const w of plan.cells) {
        const range = sheets.getItem(w.sheet).getRange(w.cell);
        setValue(range, w.value, w.formula);
        if (w.numFmt) range.numberFormat = [[w.numFmt]];
        if (w.note !== undefined) {
          if (this.supports('1.18')) sheets.getItem(w.sheet).notes.add(w.cell, w.note);
          else if (copies) book.comments.add(`${w.sheet}!${w.cell}`, w.note);
          else skipped.push(`批注需要较新的 Excel，“${w.sheet}”${w.cell} 的扣分原因未写入`);
        }
        batch.add(estimate(w.value) + estimate(w.formula) + 60);
        await batch.maybeSync();
      }
      await batch.flush();
    });
    return { skipped };
  }

  /** Selects a cell, so a clicked diagnostic shows the user where it is. */
  async select(sheet: string, cell: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }
}

/** Syncs when the queued payload nears the request limit; calculation is suspended for each batch. */
class Batch {
  private bytes = 0;
  syncs = 0;
  constructor(private readonly context: Excel.RequestContext) {
    this.suspend();
  }
  add(bytes: number): void {
    this.bytes += bytes;
  }
  async maybeSync(): Promise<void> {
    if (this.bytes >= BATCH_BYTES) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    await this.context.sync();
    this.syncs++;
    this.bytes = 0;
    this.suspend();
  }
  private suspend(): void {
    this.context.application.suspendApiCalculationUntilNextSync();
  }
}

function estimate(v: unknown): number {
  if (v === undefined || v === null) return 8;
  return typeof v === 'string' ? v.length * 3 + 8 : 16;
}

function setValue(range: Excel.Range, value: string | number | boolean | null, formula?: string): void {
  // _xlfn. marks newer functions in files only; Excel takes the plain name.
  if (formula !== undefined) range.formulas = [[`=${formula.replace(/_xlfn\./g, '')}`]];
  else range.values = [[value ?? '']];
}

/** Deletes the sheet being replaced and adds the new one in its place (a copy of the template when there is one). */
function writeSheetStart(context: Excel.RequestContext, sheet: SheetPlan, at: number | undefined, copies: boolean, skipped: string[]): Excel.Worksheet {
  const sheets = context.workbook.worksheets;
  let ws: Excel.Worksheet;
  if (at !== undefined) {
    // A temporary name first, so the old sheet can go while the new one takes its name.
    sheets.getItem(sheet.name).name = `~${sheet.name}`.slice(0, 31);
  }
  if (sheet.copyOf && copies) {
    ws = sheets.getItem(sheet.copyOf).copy(Excel.WorksheetPositionType.end);
    ws.name = sheet.name;
    ws.visibility = Excel.SheetVisibility.visible;
  } else {
    if (sheet.copyOf) skipped.push(`复制模板“${sheet.copyOf}”需要 ExcelApi 1.10，“${sheet.name}”未带模板格式`);
    ws = sheets.add(sheet.name);
  }
  if (at !== undefined) {
    sheets.getItem(`~${sheet.name}`.slice(0, 31)).delete();
    ws.position = at;
  }
  return ws;
}

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right', justify: 'Justify' } as const;
const VERTICAL = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

function applyStyle(range: Excel.Range, style: CellStyle, indent: boolean): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fontName !== undefined) f.font.name = style.fontName;
  if (style.horizontal) f.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) f.verticalAlignment = VERTICAL[style.vertical];
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.fill) f.fill.color = style.fill;
  if (style.numFmt) range.numberFormat = [[style.numFmt]];
  if (style.indent !== undefined && indent) f.indentLevel = style.indent;
  if (style.border) {
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const) f.borders.getItem(edge).style = 'Continuous';
  }
}

function pageSetup(ws: Excel.Worksheet, page: NonNullable<SheetPlan['page']>): void {
  const p = ws.pageLayout;
  p.orientation = page.orientation === 'landscape' ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
  p.paperSize = Excel.PaperType.a4;
  if (page.margins) {
    p.topMargin = page.margins.top * MM_TO_POINTS;
    p.bottomMargin = page.margins.bottom * MM_TO_POINTS;
    p.leftMargin = page.margins.left * MM_TO_POINTS;
    p.rightMargin = page.margins.right * MM_TO_POINTS;
    if (page.margins.header !== undefined) p.headerMargin = page.margins.header * MM_TO_POINTS;
    if (page.margins.footer !== undefined) p.footerMargin = page.margins.footer * MM_TO_POINTS;
  }
  if (page.fitToWidth !== undefined || page.fitToHeight !== undefined) {
    p.zoom = { horizontalFitToPages: page.fitToWidth ?? 1, verticalFitToPages: page.fitToHeight ?? 0 };
  }
  if (page.printArea) p.setPrintArea(page.printArea);
  if (page.printTitleRows) p.setPrintTitleRows(`$${page.printTitleRows.replace(':', ':$')}`);
  if (page.horizontalCentered) p.centerHorizontally = true;
  if (page.footer) p.headersFooters.defaultForAllPages.centerFooter = page.footer;
}

/** A sheet's used range as a Grid, with absolute 0-based rows and columns. */
export function toGrid(name: string, range: Excel.Range, visibleRows: number[], mergedAddress: string): Grid {
  // visibleRows: absolute 0-based rows.
  const top = range.rowIndex;
  const left = range.columnIndex;
  const rows: CellValue[][] = [];
  const formulas: Record<string, string> = {};
  for (let r = 0; r < top; r++) rows.push([]);
  range.values.forEach((row, i) => {
    const out: CellValue[] = new Array(left).fill(null);
    row.forEach((v, j) => {
      const type = range.valueTypes[i][j];
      const formula = range.formulas[i][j];
      if (typeof formula === 'string' && formula.startsWith('=')) formulas[a1(top + i, left + j)] = formula.slice(1);
      out.push(type === 'Error' ? { error: String(v) } : v === '' || v === null ? null : (v as string | number | boolean));
    });
    rows.push(out);
  });
  const visible = new Set(visibleRows);
  const hiddenRows: number[] = [];
  for (let i = 0; i < range.rowCount; i++) if (!visible.has(top + i)) hiddenRows.push(top + i);
  const merges = mergedAddress
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => parseRange(a.includes('!') ? a.slice(a.lastIndexOf('!') + 1).replace(/\$/g, '') : a.replace(/\$/g, '')));
  return { name, rows, merges, hiddenRows, formulas };
}
