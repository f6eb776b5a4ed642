/**
 * The ExcelJS host: a workbook held in memory as .xlsx bytes, for the command line (WPS,
 * LibreOffice, county batches) and the pane's browser preview. Reads every worksheet into a
 * plain grid and applies write plans to it. No file system here (see xlsxFile.ts), so it runs
 * in a browser too.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { diagnose, type Diagnostic } from '../engine/diagnostics';
import type { Grid } from '../sheet/grid';
import { mergesOf, readWorksheet } from './xlsxRead';
import { draftHeaderCode } from '../sheet/sheetPlan';
import type { ApplyOutcome, CellStyle, SheetPlan, WorkbookHost, WritePlan } from './host';
import { inspectXlsx, LIMITS, RefusedWorkbook } from './workbookLimits';
import { CONVERTIBLE, detectFormat, SAVE_AS_XLSX } from './inputFormat';
import { absolutePrintAreas } from './xlsxPrintAreas';

/** A file that could not be opened as a workbook, with the diagnostic that says why. */
export class UnusableInput extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Parts of an .xlsx that ExcelJS does not carry into a copy it writes: found by their names in
 * the zip's directory, so the user can be told before a copy loses them.
 */
const UNKEPT_PARTS: [string, string][] = [
  ['xl/charts/', '图表'],
  ['xl/pivotTables/', '数据透视表'],
  ['xl/slicers/', '切片器'],
  ['xl/vbaProject.bin', '宏'],
  ['xl/activeX/', 'ActiveX 控件'],
];

function unkeptParts(bytes: Uint8Array): string[] {
  return UNKEPT_PARTS.filter(([part]) => containsAscii(bytes, part)).map(([, name]) => name);
}

/** True when the bytes hold the ASCII text (zip entry names are stored as plain text). */
function containsAscii(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - text.length; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < text.length && bytes[i + k] === text.charCodeAt(k)) k++;
    if (k === text.length) return true;
  }
  return false;
}

/** Why ExcelJS could not open a file, in the user's words (its own messages are English and internal). */
function loadFailure(e: unknown): string {
  const message = String((e as Error)?.message ?? e);
  if (/merge/i.test(message)) return '文件中有互相重叠的合并单元格，请用 Excel 打开检查合并单元格后另存为 .xlsx';
  if (/worksheet name|sheet name/i.test(message)) return '工作表名称不符合 Excel 的规定，请用 Excel 打开后另存为 .xlsx';
  if (/zip|central directory|signature|end of data/i.test(message)) return '文件已损坏（压缩包结构不完整），请用 Excel 打开后另存为 .xlsx';
  return '文件已损坏或内部结构无法识别，请用 Excel 打开后另存为 .xlsx；仍不行时请把文件发给维护者';
}

export class XlsxHost implements WorkbookHost {
  /** What the workbook holds that a copy written by this host would lose (图表, 数据透视表 …). */
  readonly unkept: string[] = [];
  /** What opening the file changed or doubted (a merged area clipped to the sheet's cells). */
  readonly diagnostics: Diagnostic[] = [];

  private constructor(readonly workbook: ExcelJS.Workbook) {}

  /** One sheet alone in a new workbook, formulas replaced by their results (to print it). */
  sheetCopy(name: string): XlsxHost {
    const source = this.workbook.getWorksheet(name);
    if (!source) throw new Error(`没有工作表“${name}”`);
    const copy = new ExcelJS.Workbook();
    const ws = copy.addWorksheet(name);
    const model = cloneModel(source.model);
    ws.model = { ...model, mergeCells: model.merges } as unknown as ExcelJS.WorksheetModel;
    copyMergedStyles(source, ws);
    ws.state = 'visible';
    // Alone in its workbook, a formula's references to other sheets would break: keep its result.
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) {
          const result = cell.result;
          cell.value = result === undefined || (typeof result === 'object' && result !== null) ? null : (result as ExcelJS.CellValue);
        }
      }),
    );
    return new XlsxHost(copy);
  }

  /** Loads a workbook from bytes; `name` is used in messages. */
  static async fromBuffer(buffer: ArrayBuffer | Uint8Array, name = '工作簿'): Promise<XlsxHost> {
    const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
    if (bytes.length === 0) throw new UnusableInput(diagnose('NOT_A_WORKBOOK', { path: name, reason: '文件是空的' }));
    if (bytes.length > LIMITS.fileBytes) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      throw new UnusableInput(diagnose('FILE_TOO_LARGE', { path: name, size: mb(bytes.length), limit: mb(LIMITS.fileBytes) }));
    }
    const format = detectFormat(bytes, name);
    const other = CONVERTIBLE[format];
    if (other) throw new UnusableInput(diagnose('INPUT_FORMAT', { path: name, format: other, how: `请${SAVE_AS_XLSX}` }));
    if (startsWith(bytes, OLE)) throw new UnusableInput(diagnose('ENCRYPTED', { path: name }));
    if (!startsWith(bytes, ZIP)) {
      throw new UnusableInput(diagnose('NOT_A_WORKBOOK', { path: name, reason: '不是 .xlsx 文件' }));
    }
    let inspected;
    try {
      inspected = await inspectXlsx(bytes, name);
    } catch (e) {
      if (e instanceof RefusedWorkbook) throw new UnusableInput(e.diagnostic);
      throw e;
    }
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(inspected.bytes as unknown as ArrayBuffer);
    } catch (e) {
      throw new UnusableInput(diagnose('NOT_A_WORKBOOK', { path: name, reason: loadFailure(e) }));
    }
    const host = new XlsxHost(workbook);
    host.diagnostics.push(...inspected.diagnostics);
    host.unkept.push(...unkeptParts(bytes));
    return host;
  }

  async readGrids(): Promise<Grid[]> {
    try {
      return this.workbook.worksheets.map(readWorksheet);
    } catch (e) {
      throw new UnusableInput(diagnose('NOT_A_WORKBOOK', { path: '工作簿', reason: loadFailure(e) }));
    }
  }

  async apply(plan: WritePlan): Promise<ApplyOutcome> {
    const skipped: string[] = [];
    for (const name of plan.removeSheets ?? []) {
      const ws = this.workbook.getWorksheet(name);
      if (ws) this.workbook.removeWorksheet(ws.id);
    }
    for (const sheet of plan.sheets ?? []) {
      writeSheet(this.workbook, sheet);
      if (sheet.chart) skipped.push(`“${sheet.name}”的柱状图只在 Excel 中由考核助手窗格生成，此文件中没有图表`);
    }
    for (const w of plan.cells) {
      const ws = this.workbook.getWorksheet(w.sheet);
      if (!ws) throw new Error(`写入计划指向不存在的工作表“${w.sheet}”`);
      const cell = ws.getCell(w.cell);
      cell.value = w.formula !== undefined ? { formula: w.formula, result: w.value ?? undefined } as ExcelJS.CellFormulaValue : w.value;
      if (w.numFmt) cell.numFmt = w.numFmt;
      if (w.note !== undefined) cell.note = w.note;
    }
    return { skipped };
  }

  /** The workbook as .xlsx bytes; text with control characters is kept as typed (see escapeControls). */
  async toBytes(): Promise<Uint8Array> {
    const restore = escapeControls(this.workbook);
    const restoreAreas = absolutePrintAreas(this.workbook);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await this.workbook.xlsx.writeBuffer());
    } finally {
      restoreAreas();
      restore();
    }
    const quoted = this.workbook.worksheets.map((w) => w.name).filter((n) => n.includes("'"));
    return quoted.length > 0 ? doubleQuotesInNames(bytes, quoted) : bytes;
  }
}

const xmlText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * ExcelJS writes a print area or print titles as '<sheet name>'!$A$1:$F$37 without doubling a quote
 * in the name, so 'O'Brien村签字表'!… is a defined name neither Excel nor ExcelJS can read back.
 * The written workbook's defined names are mended here: every sheet reference with the quote doubled.
 */
async function doubleQuotesInNames(bytes: Uint8Array, names: string[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file('xl/workbook.xml');
  if (!part) return bytes;
  let xml = await part.async('string');
  for (const name of names) {
    const escaped = xmlText(name);
    for (const q of ["'", '&apos;']) {
      const broken = `${q}${escaped.replace(/'/g, q)}${q}!`;
      xml = xml.split(broken).join(`${q}${escaped.replace(/'/g, q + q)}${q}!`);
    }
  }
  zip.file('xl/workbook.xml', xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|_x[0-9A-F]{4}_/;

/**
 * OOXML stores a control character in text as _x001B_; ExcelJS reads that form but writes the
 * characters by dropping them, so a user's cell would lose them in the copy. Before writing, such
 * text is put in the escaped form (and a literal _x0041_ protected as _x005F_x0041_); the returned
 * function puts the cells back as they were.
 */
function escapeControls(workbook: ExcelJS.Workbook): () => void {
  const escape = (t: string) =>
    t
      .replace(/_x([0-9A-F]{4})_/g, '_x005F_x$1_')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  const changed: [ExcelJS.Cell, ExcelJS.CellValue][] = [];
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const v = cell.value;
        if (typeof v === 'string' && NEEDS_ESCAPE.test(v)) {
          changed.push([cell, v]);
          cell.value = escape(v);
        } else if (v && typeof v === 'object' && 'richText' in v && v.richText.some((r) => NEEDS_ESCAPE.test(r.text))) {
          changed.push([cell, v]);
          cell.value = { richText: v.richText.map((r) => ({ ...r, text: escape(r.text) })) };
        }
      }),
    );
  }
  return () => {
    for (const [cell, v] of changed) cell.value = v;
  };
}

/**
 * A sheet's model drops the styles of the cells inside a merged range past its top-left one, and
 * with them the merged range's right and bottom borders, which LibreOffice takes from those cells
 * (a PDF lost the right border of 签字评分表's 总分 row). Copied here after the model.
 */
function copyMergedStyles(source: ExcelJS.Worksheet, target: ExcelJS.Worksheet): void {
  for (const m of mergesOf(source)) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        const style = source.getCell(r, c).style;
        if (style && Object.keys(style).length > 0) target.getCell(r, c).style = JSON.parse(JSON.stringify(style)) as Partial<ExcelJS.Style>;
      }
    }
  }
}

const MM_PER_INCH = 25.4;

/** Creates a generated sheet, or replaces the one of that name in its place. */
function writeSheet(workbook: ExcelJS.Workbook, plan: SheetPlan): void {
  // ExcelJS orders sheets by an orderNo it does not declare in its types.
  type Ordered = ExcelJS.Worksheet & { orderNo: number };
  const old = workbook.getWorksheet(plan.name) as Ordered | undefined;
  const orderNo = old?.orderNo;
  if (old) workbook.removeWorksheet(old.id);
  const page = plan.page;
  const ws = workbook.addWorksheet(plan.name, {
    state: plan.state === 'veryHidden' ? 'veryHidden' : plan.state === 'hidden' ? 'hidden' : 'visible',
    pageSetup: page
      ? {
          paperSize: 9, // A4
          orientation: page.orientation,
          fitToPage: page.fitToWidth !== undefined || page.fitToHeight !== undefined,
          fitToWidth: page.fitToWidth ?? 1,
          fitToHeight: page.fitToHeight ?? 0,
          scale: page.scale ?? 100,
          horizontalCentered: page.horizontalCentered ?? false,
          printArea: page.printArea,
          printTitlesRow: page.printTitleRows,
          margins: page.margins
            ? {
                top: page.margins.top / MM_PER_INCH,
                bottom: page.margins.bottom / MM_PER_INCH,
                left: page.margins.left / MM_PER_INCH,
                right: page.margins.right / MM_PER_INCH,
                header: (page.margins.header ?? 10) / MM_PER_INCH,
                footer: (page.margins.footer ?? 10) / MM_PER_INCH,
              }
            : undefined,
        }
      : undefined,
    headerFooter: page?.outerFooter
      ? { differentOddEven: true, oddFooter: `&R${page.outerFooter}`, evenFooter: `&L${page.outerFooter}` }
      : page?.footer
        ? { oddFooter: `&C${page.footer}` }
        : undefined,
  });
  if (orderNo !== undefined) (ws as Ordered).orderNo = orderNo;
  const template = plan.copyOf === undefined ? undefined : workbook.getWorksheet(plan.copyOf);
  if (plan.copyOf !== undefined && !template) throw new Error(`写入计划要复制的模板“${plan.copyOf}”不存在`);
  if (template) {
    // A deep copy of the template's model (cells with styles, merges, columns, page setup) under the new name.
    const model = cloneModel(template.model);
    ws.model = { ...model, name: plan.name, mergeCells: model.merges } as unknown as ExcelJS.WorksheetModel;
    copyMergedStyles(template, ws);
    ws.state = plan.state === 'veryHidden' ? 'veryHidden' : plan.state === 'hidden' ? 'hidden' : 'visible';
  }
  // A width of 0 is a hidden column (the summary's helper columns): LibreOffice prints a 0-wide column that is not hidden.
  if (plan.columnWidths.length > 0) ws.columns = plan.columnWidths.map((width) => (width === 0 ? { width: 1, hidden: true } : { width }));
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
  for (const row of plan.hiddenRows ?? []) ws.getRow(row).hidden = true;
  for (const c of plan.cells) {
    const cell = ws.getCell(c.cell);
    cell.value = c.formula !== undefined ? ({ formula: c.formula, result: c.value ?? undefined } as ExcelJS.CellFormulaValue) : c.value;
    if (c.style) applyStyle(cell, c.style);
  }
  for (const m of plan.merges) ws.mergeCells(m);
  if (plan.draftHeader) {
    const header = draftHeaderCode(plan.draftHeader);
    ws.headerFooter = { ...ws.headerFooter, oddHeader: header, evenHeader: header, firstHeader: header };
  }
}

/**
 * A deep copy of a sheet's model that keeps dates as dates (a JSON round trip turns a date typed in
 * the sheet into text, and the copy would print 2024-12-20T00:00:00.000Z). Written out rather than
 * structuredClone, which the older Chromium of some 360 browsers lacks.
 */
function cloneModel(model: ExcelJS.WorksheetModel): ExcelJS.WorksheetModel & { merges: string[] } {
  return deepCopy(model) as ExcelJS.WorksheetModel & { merges: string[] };
}

function deepCopy(value: unknown): unknown {
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map(deepCopy);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = deepCopy(v);
    return out;
  }
  return value;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold !== undefined || style.fontSize !== undefined || style.fontName !== undefined) {
    cell.font = { name: style.fontName, size: style.fontSize, bold: style.bold };
  }
  if (style.horizontal || style.vertical || style.wrap !== undefined || style.indent !== undefined) {
    cell.alignment = { horizontal: style.horizontal, vertical: style.vertical, wrapText: style.wrap, indent: style.indent };
  }
  if (style.border) {
    const thin = { style: 'thin' as const };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${style.fill.replace('#', '')}` } };
  if (style.numFmt) cell.numFmt = style.numFmt;
}

