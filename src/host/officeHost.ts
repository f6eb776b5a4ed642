/**
 * The Office.js host: the workbook open in Excel, for the task pane. The only host that calls
 * Excel.run and names Excel's objects; the app gives it plain grids and write plans.
 *
 * Reading takes three round trips whatever the number of sheets: the sheet list; every sheet's
 * used range (where it is, and whether some of its rows are hidden); then every sheet's values,
 * formulas, value types, merged areas and hidden rows at once. The third step is split into more
 * syncs only when one would carry more than about 4 MB (some 60,000 cells, i.e. about 300 sheets
 * the size of the seed table), because Excel on the web refuses a request or response over 5 MB.
 * Hidden rows: the used range's rowHidden says whether all, none or some of its rows are hidden;
 * only a sheet with some hidden rows is asked row by row (getRow(i).load('rowHidden'), all in the
 * same sync). That costs a small action per row of such a sheet — about 240 bytes of request, so a
 * 50,000-row ledger with a filter on adds some 12 MB, spread over a few more syncs — and nothing
 * for the usual sheet with no hidden rows.
 *
 * Writing is batched: one sync per batch of under about 4 MB (estimated from the JSON of what is
 * written plus a fixed cost per queued action), with calculation suspended while a batch runs.
 * Only the cells and sheets a plan names are touched: a user's sheet is written cell by cell,
 * never cleared. When a batch fails, the batches before it are already in the workbook: Excel has
 * no transaction to roll back.
 *
 * API sets: the manifest asks for ExcelApi 1.7 (suspending calculation needs 1.6, chart category
 * values 1.7). Merged areas need 1.13, page layout and indent 1.9, copies of template sheets
 * 1.10, notes 1.18; without them the host says in Chinese what it did not do.
 */
import { a1, columnLetters, parseA1, type CellRange, type CellValue, type Grid } from '../sheet/grid';
import type { ApplyOutcome, CellStyle, CellWrite, PageSetup, SheetPlan, WorkbookHost, WritePlan } from './host';

/** Runs a batch against a request context: Excel.run in Excel, a mock in tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
/** Whether this Excel has an ExcelApi requirement set: supports('1.13'). */
export type RequirementCheck = (version: string) => boolean;

/** What one request or response may carry. Excel on the web refuses more than 5 MB; this leaves room for the envelope. */
export const REQUEST_LIMIT = 4_000_000;
/** Estimated bytes a cell costs in a read's response: its value, its formula and its value type as JSON. The seed table averages 54. */
const READ_BYTES_PER_CELL = 64;
/** Estimated bytes of one queued action (an object path plus the action that uses it) in a request. */
const ACTION_BYTES = 120;
/** A RangeAreas' address can fail to come back when a sheet has more merged areas than this. */
const MERGED_AREAS_LIMIT = 512;

const MM_TO_POINTS = 72 / 25.4;

/**
 * Column width in characters → points, by Excel's own rule for the default 11-pt font (等线 or
 * Calibri): a character is the width of the digit 0, 7 px, plus 5 px of padding per column;
 * 96 px = 72 pt. columnPoints(10) → 56.25, and Excel shows the column as 10 wide.
 */
export function columnPoints(chars: number): number {
  return (chars * 7 + 5) * 0.75;
}

/** What the host tells the user, in one place. */
const MESSAGES = {
  noMergedAreas: '此版本 Excel 不支持读取合并单元格（需要 ExcelApi 1.13），按单元格内容识别表格',
  tooManyMergedAreas: `有工作表的合并单元格超过 ${MERGED_AREAS_LIMIT} 个，Excel 无法读出合并区域，这些工作表按单元格内容识别表格`,
  noPageLayout: (sheet: string) => `此版本 Excel 不支持设置打印版式（需要 ExcelApi 1.9），“${sheet}”的纸张、页边距、打印区域和页脚未设置，请在“页面布局”中手动设置`,
  noIndent: (sheet: string) => `此版本 Excel 不支持设置缩进（需要 ExcelApi 1.9），“${sheet}”的缩进未设置`,
  noCopy: (sheet: string, template: string) => `此版本 Excel 不支持复制工作表（需要 ExcelApi 1.10），未按模板“${template}”生成“${sheet}”`,
  noNotes: (cells: string[]) =>
    `此版本 Excel 不支持写入批注（需要 ExcelApi 1.18），${cells.join('、')} 的扣分原因未写入；可在评分表中加一列“扣分原因”`,
};

const defaultRun: ExcelRunner = (batch) => Excel.run(batch);
const defaultSupports: RequirementCheck = (version) => Office.context.requirements.isSetSupported('ExcelApi', version);

export class OfficeHost implements WorkbookHost {
  /** What this Excel cannot do, in Chinese, for the pane to show. Filled as reads find out. */
  readonly limitations: string[] = [];

  /**
   * `run` runs a batch (Excel.run by default; office-addin-mock's context in tests); `supports`
   * asks whether an ExcelApi set is there (Office.context.requirements by default).
   */
  constructor(
    private readonly run: ExcelRunner = defaultRun,
    private readonly supports: RequirementCheck = defaultSupports,
  ) {}

  async readGrids(): Promise<Grid[]> {
    const mergedAreas = this.supports('1.13');
    if (!mergedAreas) this.limit(MESSAGES.noMergedAreas);
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      await context.sync();
      const sheets = worksheets.items;

      const used = sheets.map((ws) => {
        const range = ws.getUsedRangeOrNullObject(true);
        range.load('rowIndex,columnIndex,rowCount,columnCount,rowHidden');
        return range;
      });
      await context.sync();

      const reads = used.map((range, i): SheetRead => {
        const shape = range.isNullObject
          ? null
          : { top: range.rowIndex, left: range.columnIndex, rows: range.rowCount, cols: range.columnCount, hidden: range.rowHidden };
        return { name: sheets[i].name, shape, rows: [], formulas: {}, hiddenRows: [], merges: [] };
      });
      for (const batch of readBatches(reads)) {
        const queue = (withMerges: boolean) => batch.map((block) => queueBlock(sheets[block.sheet], used[block.sheet], reads[block.sheet], block, withMerges));
        let queued = queue(mergedAreas);
        try {
          await context.sync();
        } catch (e) {
          // Most likely a sheet with more merged areas than Excel returns: read the batch again without them.
          if (!queued.some((q) => q.areas)) throw e;
          queued = queue(false);
          await context.sync();
          this.limit(MESSAGES.tooManyMergedAreas);
        }
        for (const q of queued) collectBlock(q, reads[q.block.sheet]);
      }
      return reads.map(toGrid);
    });
  }

  async apply(plan: WritePlan): Promise<ApplyOutcome> {
    const skipped: string[] = [];
    const can = { layout: this.supports('1.9'), copy: this.supports('1.10'), notes: this.supports('1.18') };
    const notes = notesOf(plan.cells);
    if (!can.notes && notes.length > 0) skipped.push(MESSAGES.noNotes(notes.map((n) => `“${n.sheet}”${n.cell}`)));

    await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const lookups = await lookUp(context, plan, can.notes ? notes : []);
      const batches = new Batches(context);
      const sheetProxies = new Map<string, Excel.Worksheet>();
      const sheet = (name: string) => {
        let ws = sheetProxies.get(name);
        if (!ws) sheetProxies.set(name, (ws = worksheets.getItem(name)));
        return ws;
      };

      for (const name of plan.removeSheets ?? []) {
        const at = lookups.positions.get(name.toLowerCase());
        if (at === undefined) continue;
        await batches.room(ACTION_BYTES * 2);
        sheet(name).delete();
        sheetProxies.delete(name);
        // The sheets after it move up one place.
        lookups.positions.delete(name.toLowerCase());
        for (const [n, p] of lookups.positions) if (p > at) lookups.positions.set(n, p - 1);
      }

      for (const [k, p] of (plan.sheets ?? []).entries()) {
        if (p.copyOf && !can.copy) {
          skipped.push(MESSAGES.noCopy(p.name, p.copyOf));
          continue;
        }
        await batches.room(ACTION_BYTES * 6);
        const ws = replaceSheet(worksheets, p, lookups.positions.get(p.name.toLowerCase()), k);
        sheetProxies.set(p.name, ws);
        await writeSheet(ws, p, batches, can, skipped);
      }

      for (const w of plan.cells) {
        const values = [[w.formula !== undefined ? formulaText(w.formula) : cellInput(w.value)]];
        await batches.room(jsonBytes(values) + ACTION_BYTES * (w.numFmt ? 3 : 2));
        const range = sheet(w.sheet).getRange(w.cell);
        if (w.formula !== undefined) range.formulas = values;
        else range.values = values;
        if (w.numFmt) range.numberFormat = [[w.numFmt]];
      }

      for (const n of can.notes ? notes : []) {
        await batches.room(jsonBytes(n.note) + ACTION_BYTES * 3);
        const existing = lookups.notes.get(noteKey(n));
        if (existing && !existing.isNullObject) {
          if (n.note === '') existing.delete();
          else if (existing.content !== n.note) existing.content = n.note;
        } else if (n.note !== '') {
          const ws = sheet(n.sheet);
          ws.notes.add(ws.getRange(n.cell), n.note);
        }
      }
      await batches.flush();
    });
    return { skipped };
  }

  private limit(message: string): void {
    if (!this.limitations.includes(message)) this.limitations.push(message);
  }
}

// ——— Reading ———

interface Shape {
  /** The used range's first row and column, 0-based, and its size. */
  top: number;
  left: number;
  rows: number;
  cols: number;
  /** Excel's rowHidden of the whole range: true all hidden, false none, null some. */
  hidden: boolean | null;
}

interface SheetRead {
  name: string;
  shape: Shape | null;
  rows: CellValue[][];
  formulas: Record<string, string>;
  hiddenRows: number[];
  merges: CellRange[];
}

/** Rows first … first+count−1 of a sheet's used range (relative to its top), read in one go. */
interface Block {
  sheet: number;
  first: number;
  count: number;
  bytes: number;
}

/**
 * The used ranges cut into row blocks and packed into batches of at most REQUEST_LIMIT estimated
 * bytes, in sheet order. Any workbook of up to about 60,000 used cells is one batch.
 */
function readBatches(reads: SheetRead[]): Block[][] {
  const blocks: Block[] = [];
  reads.forEach((read, sheet) => {
    const shape = read.shape;
    if (!shape) return;
    // A sheet with some rows hidden asks for each row's rowHidden: an action per row.
    const perRow = shape.cols * READ_BYTES_PER_CELL + (shape.hidden === null ? ACTION_BYTES * 2 : 0);
    const rowsPerBlock = Math.max(1, Math.floor(REQUEST_LIMIT / perRow));
    for (let first = 0; first < shape.rows; first += rowsPerBlock) {
      const count = Math.min(rowsPerBlock, shape.rows - first);
      blocks.push({ sheet, first, count, bytes: count * perRow + ACTION_BYTES * 4 });
    }
  });
  const batches: Block[][] = [];
  let bytes = Infinity;
  for (const block of blocks) {
    if (bytes + block.bytes > REQUEST_LIMIT) {
      batches.push([]);
      bytes = 0;
    }
    batches[batches.length - 1].push(block);
    bytes += block.bytes;
  }
  return batches;
}

interface QueuedBlock {
  block: Block;
  range: Excel.Range;
  rowsHidden: Excel.Range[];
  areas?: Excel.RangeAreas;
}

/** Queues the loads of one block: values, formulas, value types; each row's rowHidden when only some are hidden; the sheet's merged areas with its first block. */
function queueBlock(ws: Excel.Worksheet, used: Excel.Range, read: SheetRead, block: Block, withMerges: boolean): QueuedBlock {
  const shape = read.shape as Shape;
  const range = ws.getRangeByIndexes(shape.top + block.first, shape.left, block.count, shape.cols);
  range.load('values,formulas,valueTypes');
  const rowsHidden: Excel.Range[] = [];
  if (shape.hidden === null) {
    for (let k = 0; k < block.count; k++) {
      const row = range.getRow(k);
      row.load('rowHidden');
      rowsHidden.push(row);
    }
  }
  let areas: Excel.RangeAreas | undefined;
  if (withMerges && block.first === 0) {
    // The used range holds the top-left cell of every merge that matters, which is what Excel reports.
    areas = used.getMergedAreasOrNullObject();
    areas.load('address');
  }
  return { block, range, rowsHidden, areas };
}

function collectBlock(q: QueuedBlock, read: SheetRead): void {
  const shape = read.shape as Shape;
  const { values, formulas, valueTypes } = q.range;
  for (let i = 0; i < q.block.count; i++) {
    const r = shape.top + q.block.first + i;
    const row: CellValue[] = new Array(shape.left).fill(null);
    for (let j = 0; j < shape.cols; j++) {
      const v = values[i][j];
      row.push(valueTypes[i][j] === 'Error' ? { error: String(v) } : v === '' || v === null || v === undefined ? null : (v as string | number | boolean));
      const f = formulas[i][j];
      // A text constant that starts with '=' reads back as itself; a formula reads as its text, not its result.
      if (typeof f === 'string' && f.startsWith('=') && f !== v) read.formulas[a1(r, shape.left + j)] = f.slice(1);
    }
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    read.rows[r] = row;
    const hidden = shape.hidden === null ? q.rowsHidden[i].rowHidden : shape.hidden;
    if (hidden) read.hiddenRows.push(r);
  }
  if (q.areas && !q.areas.isNullObject) read.merges = parseAreas(q.areas.address);
}

function toGrid(read: SheetRead): Grid {
  const rows: CellValue[][] = [];
  for (let r = 0; r < read.rows.length; r++) rows.push(read.rows[r] ?? []);
  return { name: read.name, rows, merges: read.merges, hiddenRows: read.hiddenRows.sort((a, b) => a - b), formulas: read.formulas };
}

/**
 * A RangeAreas address as 0-based ranges: "Sheet1!A1:E1, Sheet1!A4:A7" → two ranges. Sheet names
 * may be quoted and hold commas or '!' ("'a,b'!A1:B2"); whole columns and rows ("A:A", "3:5") too.
 */
export function parseAreas(address: string): CellRange[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    if (address[i] === "'") quoted = !quoted;
    else if (address[i] === ',' && !quoted) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => parseRef(p.slice(p.lastIndexOf('!') + 1).replace(/\$/g, '')));
}

const LAST_ROW = 1048575;
const LAST_COL = 16383;

function parseRef(ref: string): CellRange {
  const [from, to = from] = ref.split(':');
  const end = (s: string, first: boolean) => {
    if (/^[A-Z]+$/i.test(s)) return { row: first ? 0 : LAST_ROW, col: parseA1(`${s}1`).col };
    if (/^\d+$/.test(s)) return { row: Number(s) - 1, col: first ? 0 : LAST_COL };
    return parseA1(s);
  };
  const a = end(from, true);
  const b = end(to, false);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

// ——— Writing ———

/** Syncs when the next write would take the queued request past REQUEST_LIMIT; calculation is suspended for each batch. */
class Batches {
  private bytes = 0;
  constructor(private readonly context: Excel.RequestContext) {}

  /** Makes room for a write of about `bytes`, syncing what is queued first if needed. Call before queueing it. */
  async room(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > REQUEST_LIMIT) await this.flush();
    if (this.bytes === 0) {
      this.context.application.suspendApiCalculationUntilNextSync();
      this.bytes = ACTION_BYTES;
    }
    this.bytes += bytes;
  }

  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    await this.context.sync();
    this.bytes = 0;
  }
}

interface Lookups {
  /** Lower-cased name → position, of the sheets a plan replaces or removes that exist. */
  positions: Map<string, number>;
  /** 'sheet!cell' → the note there, or a null object. */
  notes: Map<string, Excel.Note>;
}

/** One round trip, when a plan needs it: which sheets to replace or remove exist and where, and which note cells already hold a note. */
async function lookUp(context: Excel.RequestContext, plan: WritePlan, notes: NoteWrite[]): Promise<Lookups> {
  const lookups: Lookups = { positions: new Map(), notes: new Map() };
  const sheets = (plan.sheets?.length ?? 0) + (plan.removeSheets?.length ?? 0) > 0;
  if (!sheets && notes.length === 0) return lookups;
  const worksheets = context.workbook.worksheets;
  if (sheets) worksheets.load('items/name,items/position');
  for (const n of notes) {
    const note = worksheets.getItem(n.sheet).notes.getItemOrNullObject(n.cell);
    note.load('content');
    lookups.notes.set(noteKey(n), note);
  }
  await context.sync();
  // Excel's sheet names are case-insensitive.
  if (sheets) for (const ws of worksheets.items) lookups.positions.set(ws.name.toLowerCase(), ws.position);
  return lookups;
}

/**
 * Creates the plan's sheet, in the place of the sheet of that name when there is one: the old
 * sheet is renamed out of the way, the new one added (or copied from its template), the old one
 * deleted (so the workbook is never left without a visible sheet) and the new one moved to its
 * position.
 */
function replaceSheet(worksheets: Excel.WorksheetCollection, plan: SheetPlan, position: number | undefined, k: number): Excel.Worksheet {
  const aside = `~kaohe-old-${k}`;
  if (position !== undefined) worksheets.getItem(plan.name).name = aside;
  let ws: Excel.Worksheet;
  if (plan.copyOf) {
    ws = worksheets.getItem(plan.copyOf).copy('End');
    ws.name = plan.name;
  } else {
    ws = worksheets.add(plan.name);
  }
  if (position !== undefined) {
    // By its new name: the plan's name is the new sheet's now.
    worksheets.getItem(aside).delete();
    ws.position = position;
  }
  return ws;
}

async function writeSheet(ws: Excel.Worksheet, plan: SheetPlan, batches: Batches, can: { layout: boolean }, skipped: string[]): Promise<void> {
  // A new sheet has no merges yet (they come last), so runs of cells can be written as one range;
  // a template's copy has its merges already, and a range across part of a merge is refused.
  const cells = plan.copyOf ? plan.cells.map((c) => rectangleOf([c])) : rectangles(plan.cells);
  for (const rect of cells) {
    const input = rect.cells.map((row) => row.map((c) => (c.formula !== undefined ? formulaText(c.formula) : cellInput(c.value))));
    await batches.room(jsonBytes(input) + ACTION_BYTES * 2);
    const range = ws.getRange(rect.address);
    if (rect.cells.some((row) => row.some((c) => c.formula !== undefined))) range.formulas = input;
    else range.values = input;
  }
  const styled = plan.cells.filter((c) => c.style);
  const styleRects = plan.copyOf ? styled.map((c) => rectangleOf([c])) : rectangles(styled, (c) => JSON.stringify(c.style));
  let indentSkipped = false;
  for (const rect of styleRects) {
    const style = rect.cells[0][0].style as CellStyle;
    await batches.room(ACTION_BYTES * 16 + (style.numFmt ? jsonBytes(style.numFmt) * rect.rows * rect.cols : 0));
    indentSkipped = !applyStyle(ws.getRange(rect.address), style, rect, can.layout) || indentSkipped;
  }
  if (indentSkipped) skipped.push(MESSAGES.noIndent(plan.name));

  await batches.room(ACTION_BYTES * (plan.merges.length + plan.columnWidths.length + Object.keys(plan.rowHeights ?? {}).length + (plan.hiddenRows?.length ?? 0) + 30));
  for (const m of plan.merges) ws.getRange(m).merge(false);
  plan.columnWidths.forEach((w, i) => {
    const column = columnLetters(i);
    ws.getRange(`${column}:${column}`).format.columnWidth = columnPoints(w);
  });
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) ws.getRange(`${row}:${row}`).format.rowHeight = height;
  for (const row of plan.hiddenRows ?? []) ws.getRange(`${row}:${row}`).rowHidden = true;
  if (plan.page) {
    if (can.layout) pageSetup(ws, plan.page);
    else skipped.push(MESSAGES.noPageLayout(plan.name));
  }
  if (plan.chart) {
    const chart = ws.charts.add('BarClustered', ws.getRange(plan.chart.values), 'Columns');
    chart.title.text = plan.chart.title;
    chart.legend.visible = false;
    chart.series.getItemAt(0).setXAxisValues(ws.getRange(plan.chart.categories));
    // The first unit at the top, as in the table.
    chart.axes.categoryAxis.reversePlotOrder = true;
    chart.setPosition(plan.chart.from, plan.chart.to);
  }
  // A template's copy takes the template's visibility (templates are often hidden): set it either way.
  if (plan.state || plan.copyOf) ws.visibility = plan.state === 'veryHidden' ? 'VeryHidden' : plan.state === 'hidden' ? 'Hidden' : 'Visible';
}

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right', justify: 'Justify' } as const;
const VERTICAL = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/** Sets a style on a rectangle of cells, each cell bordered on its own. False when the indent could not be set. */
function applyStyle(range: Excel.Range, style: CellStyle, rect: { rows: number; cols: number }, indent: boolean): boolean {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fontName !== undefined) f.font.name = style.fontName;
  if (style.horizontal) f.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) f.verticalAlignment = VERTICAL[style.vertical];
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.fill) f.fill.color = style.fill;
  if (style.numFmt) range.numberFormat = Array.from({ length: rect.rows }, () => new Array(rect.cols).fill(style.numFmt));
  if (style.border) {
    const edges: ('EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical')[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    if (rect.rows > 1) edges.push('InsideHorizontal');
    if (rect.cols > 1) edges.push('InsideVertical');
    for (const edge of edges) {
      const border = f.borders.getItem(edge);
      border.style = 'Continuous';
      border.weight = 'Thin';
    }
  }
  if (style.indent === undefined) return true;
  if (!indent) return false;
  f.indentLevel = style.indent;
  return true;
}

/** Page setup (ExcelApi 1.9). Margins come in millimetres; Excel takes points. */
function pageSetup(ws: Excel.Worksheet, page: PageSetup): void {
  const p = ws.pageLayout;
  p.orientation = page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  p.paperSize = 'A4';
  if (page.margins) {
    p.topMargin = page.margins.top * MM_TO_POINTS;
    p.bottomMargin = page.margins.bottom * MM_TO_POINTS;
    p.leftMargin = page.margins.left * MM_TO_POINTS;
    p.rightMargin = page.margins.right * MM_TO_POINTS;
    if (page.margins.header !== undefined) p.headerMargin = page.margins.header * MM_TO_POINTS;
    if (page.margins.footer !== undefined) p.footerMargin = page.margins.footer * MM_TO_POINTS;
  }
  if (page.fitToWidth !== undefined || page.fitToHeight !== undefined) {
    // 0 pages tall: as many as needed, as in the file format's fitToHeight.
    p.zoom = { horizontalFitToPages: page.fitToWidth ?? 1, verticalFitToPages: page.fitToHeight ?? 0 };
  }
  if (page.printArea) p.setPrintArea(page.printArea);
  if (page.printTitleRows) p.setPrintTitleRows(page.printTitleRows.split(':').map((r) => `$${r}`).join(':'));
  if (page.horizontalCentered !== undefined) p.centerHorizontally = page.horizontalCentered;
  if (page.footer) p.headersFooters.defaultForAllPages.centerFooter = page.footer;
}

/** A formula as Excel.js takes it: with '=', without the file format's _xlfn./_xlws. prefixes. */
export function formulaText(formula: string): string {
  return `=${formula.replace(/_xl(fn|ws)\./g, '')}`;
}

/**
 * A value as Excel.js takes it, so the cell holds exactly that value: Excel reads text written to a
 * cell as if typed, so '001' would become 1, '=x' a formula, '+1' a number and 'TRUE' a boolean.
 * Such text gets the apostrophe Excel uses to keep text as text (it is not part of the value).
 * null clears the cell. cellInput('001') → "'001", cellInput('张庄村') → '张庄村'
 */
export function cellInput(value: string | number | boolean | null): string | number | boolean {
  if (value === null) return '';
  if (typeof value !== 'string') return value;
  return /^[=+\-@'#\s]|[0-9０-９]|^(true|false)$/i.test(value) ? `'${value}` : value;
}

/** A plan's cells on a rectangle: cells[r][c], all named by the plan. */
interface Rectangle<C> {
  address: string;
  rows: number;
  cols: number;
  cells: C[][];
}

function rectangleOf<C extends { cell: string }>(cells: C[]): Rectangle<C> {
  return { address: cells[0].cell, rows: 1, cols: 1, cells: [[cells[0]]] };
}

/**
 * Cells grouped into rectangles that hold only named cells of the same kind (`kind`), so that one
 * range write covers each: runs along a row, then runs of identical column span stacked down.
 * A cell named twice keeps its last write.
 */
export function rectangles<C extends { cell: string }>(cells: C[], kind: (c: C) => string = () => ''): Rectangle<C>[] {
  const at = new Map<string, { row: number; col: number; c: C }>();
  for (const c of cells) {
    const p = parseA1(c.cell);
    at.set(`${p.row}:${p.col}`, { ...p, c });
  }
  const sorted = [...at.values()].sort((x, y) => x.row - y.row || x.col - y.col);
  // Runs along each row.
  const runs: { row: number; left: number; right: number; kind: string; cells: C[] }[] = [];
  for (const x of sorted) {
    const k = kind(x.c);
    const last = runs[runs.length - 1];
    if (last && last.row === x.row && last.right === x.col - 1 && last.kind === k) {
      last.right = x.col;
      last.cells.push(x.c);
    } else runs.push({ row: x.row, left: x.col, right: x.col, kind: k, cells: [x.c] });
  }
  // Runs of the same span and kind in consecutive rows stack into one rectangle.
  const open = new Map<string, { top: number; bottom: number; left: number; right: number; cells: C[][] }>();
  const done: { top: number; bottom: number; left: number; right: number; cells: C[][] }[] = [];
  for (const run of runs) {
    const key = `${run.left}:${run.right}:${run.kind}`;
    const r = open.get(key);
    if (r && r.bottom === run.row - 1) {
      r.bottom = run.row;
      r.cells.push(run.cells);
    } else {
      if (r) done.push(r);
      open.set(key, { top: run.row, bottom: run.row, left: run.left, right: run.right, cells: [run.cells] });
    }
  }
  done.push(...open.values());
  return done
    .sort((x, y) => x.top - y.top || x.left - y.left)
    .map((r) => ({
      address: r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`,
      rows: r.bottom - r.top + 1,
      cols: r.right - r.left + 1,
      cells: r.cells,
    }));
}

interface NoteWrite {
  sheet: string;
  cell: string;
  note: string;
}

/** The notes a plan writes, one per cell (the last one named). */
function notesOf(cells: CellWrite[]): NoteWrite[] {
  const notes = new Map<string, NoteWrite>();
  for (const w of cells) if (w.note !== undefined) notes.set(noteKey(w), { sheet: w.sheet, cell: w.cell, note: w.note });
  return [...notes.values()];
}

const noteKey = (w: { sheet: string; cell: string }) => `${w.sheet}!${w.cell}`;

/** The bytes a value takes in a request: its JSON, in UTF-8. */
function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? '';
  let bytes = s.length;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    // UTF-8: 2 bytes up to U+07FF, 3 for the rest of the BMP (CJK); a surrogate pair is 4 for its 2 units.
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}
