/**
 * What an .xlsx may cost before it is opened: a small file can unpack to gigabytes (a zip bomb),
 * hold a million rows, or merge A40:XFD1048576 — each of which makes ExcelJS build billions of
 * cells and die of memory after minutes. This looks at the zip before ExcelJS does: its
 * directory (declared sizes), what kind of document it is (.ods, .docx …), how many cells each
 * sheet holds and how far its merged areas reach. A merge far larger than the sheet's cells is
 * clipped to them, with a warning; everything else over a limit refuses the file with a Chinese
 * message. No file system here: it runs in the browser too.
 */
import JSZip from 'jszip';
import { diagnose, type Diagnostic } from '../engine/diagnostics';
import { a1, parseA1 } from '../sheet/grid';

/** The limits, chosen so the worst accepted file stays well under 1 GB of memory and 30 s. */
export const LIMITS = {
  /** The file on disk. A 1,000-unit workbook of the seed table is about 1.7 MB. */
  fileBytes: 50 * 1024 * 1024,
  /** Everything in the zip, unpacked, as its directory declares it (1,000 units: about 9 MB). */
  unpackedBytes: 200 * 1024 * 1024,
  /** Cells in the whole workbook (1,000 units: about 200,000; ExcelJS needs about 1 KB each). */
  cells: 600_000,
  /** Rows in the whole workbook, empty ones included (1,000 units: about 40,000). */
  rows: 200_000,
  /** A merged area larger than this is clipped to the sheet's last row and column that hold a cell. */
  mergeCells: 10_000,
  /** Cells covered by merged areas in the whole workbook, after clipping. */
  mergedTotal: 1_000_000,
};

export interface Inspection {
  /** The bytes to open: the file's own, or a copy with over-large merges clipped. */
  bytes: Uint8Array;
  diagnostics: Diagnostic[];
}

/** Why a file cannot be opened, for NOT_A_WORKBOOK / WORKBOOK_TOO_LARGE. */
export class RefusedWorkbook extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

interface ZipEntry {
  name: string;
  unpacked: number;
}

/** The zip's central directory, read from its end; null when there is none (not a zip, or cut short). */
export function zipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const unpacked = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return null;
    // Part names of an OOXML or ODF package are ASCII; other bytes only need to differ from them.
    const name = String.fromCharCode(...bytes.subarray(at + 46, at + 46 + Math.min(nameLength, 1024)));
    // 0xFFFFFFFF: the real size is in a ZIP64 field — more than 4 GB, past any limit here.
    entries.push({ name, unpacked: unpacked === 0xffffffff ? Number.MAX_SAFE_INTEGER : unpacked });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** What a zip that is not an .xlsx workbook is, in the user's words; null for an .xlsx. */
export function otherDocument(entries: ZipEntry[], mimetype: string | null): string | null {
  const has = (prefix: string) => entries.some((e) => e.name.startsWith(prefix));
  if (has('xl/workbook.xml') || has('xl/workbook.bin')) return null;
  if (mimetype?.includes('opendocument.spreadsheet')) return '这是 OpenDocument 表格（.ods，WPS 或 LibreOffice 的格式），不是 .xlsx。请在 WPS/LibreOffice 中“另存为”Excel 工作簿（.xlsx）后再处理';
  if (mimetype?.includes('opendocument')) return '这是 OpenDocument 文档（如 .odt 文字文档），不是表格。请指定考核评分表的 .xlsx 文件';
  if (has('word/')) return '这是 Word 文档（.docx），不是 Excel 工作簿。请指定考核评分表的 .xlsx 文件';
  if (has('ppt/')) return '这是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿';
  return '这是一个压缩包，但里面没有 Excel 工作簿。请指定考核评分表的 .xlsx 文件';
}

/**
 * Checks an .xlsx before it is opened. Throws RefusedWorkbook when it is another kind of document or
 * over a limit; returns the bytes to open (merges clipped when needed) and the warnings.
 */
export async function inspectXlsx(bytes: Uint8Array, path: string): Promise<Inspection> {
  const entries = zipDirectory(bytes);
  if (!entries) throw new RefusedWorkbook(diagnose('NOT_A_WORKBOOK', { path, reason: '文件已损坏（压缩包结构不完整），请用 Excel 打开后另存为 .xlsx' }));
  const unpacked = entries.reduce((sum, e) => sum + e.unpacked, 0);
  if (unpacked > LIMITS.unpackedBytes) {
    throw new RefusedWorkbook(diagnose('WORKBOOK_TOO_LARGE', { path, what: `解压后超过 ${Math.round(LIMITS.unpackedBytes / 1024 / 1024)} MB`, hint: '可能是损坏的文件或压缩炸弹；评分表通常不到 10 MB' }));
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new RefusedWorkbook(diagnose('NOT_A_WORKBOOK', { path, reason: '文件已损坏（压缩包无法解开），请用 Excel 打开后另存为 .xlsx' }));
  }
  // The directory's sizes can lie: every part is unpacked here under one budget, stopping the
  // moment it is spent, before ExcelJS unpacks it without one.
  const budget = { left: LIMITS.unpackedBytes, path };
  const mimetype = entries.some((e) => e.name === 'mimetype') ? await unpackCapped(zip, 'mimetype', budget, 'string') : null;
  const other = otherDocument(entries, mimetype);
  if (other) throw new RefusedWorkbook(diagnose('NOT_A_WORKBOOK', { path, reason: other }));

  const sheets = await sheetFiles(zip, budget);
  const sheetParts = new Set(sheets.map((s) => s.file));
  for (const file of Object.keys(zip.files)) if (!zip.files[file].dir && !sheetParts.has(file)) await unpackCapped(zip, file, budget, 'uint8array');
  const diagnostics: Diagnostic[] = [];
  let cells = 0;
  let rows = 0;
  let merged = 0;
  let clipped = false;
  const refuse = (what: string, hint: string) => new RefusedWorkbook(diagnose('WORKBOOK_TOO_LARGE', { path, what, hint }));
  for (const { name, file } of sheets) {
    const xml = await unpackCapped(zip, file, budget, 'string');
    if (xml === null) continue;
    cells += elements(xml, 'c');
    rows += elements(xml, 'row');
    const hint = '请删除不需要的工作表、空行或多余的格式后再处理，或分成几个工作簿';
    if (cells > LIMITS.cells) throw refuse(`单元格超过 ${LIMITS.cells.toLocaleString('en-US')} 个（到工作表“${name}”为止）`, hint);
    if (rows > LIMITS.rows) throw refuse(`行数超过 ${LIMITS.rows.toLocaleString('en-US')} 行（到工作表“${name}”为止）`, hint);
    const merges = clipMerges(xml, name);
    merged += merges.cells;
    if (merged > LIMITS.mergedTotal) throw refuse(`合并单元格合计超过 ${LIMITS.mergedTotal.toLocaleString('en-US')} 个（到工作表“${name}”为止）`, '请在 Excel 中取消多余的合并单元格');
    if (merges.diagnostics.length > 0) {
      diagnostics.push(...merges.diagnostics);
      zip.file(file, merges.xml);
      clipped = true;
    }
  }
  if (!clipped) return { bytes, diagnostics };
  return { bytes: await zip.generateAsync({ type: 'uint8array', compression: 'STORE' }), diagnostics };
}

interface Budget {
  left: number;
  path: string;
}

/** A part unpacked chunk by chunk, refused as soon as the budget is spent: a part lying about its size cannot exhaust memory. */
function unpackCapped(zip: JSZip, file: string, budget: Budget, type: 'string'): Promise<string | null>;
function unpackCapped(zip: JSZip, file: string, budget: Budget, type: 'uint8array'): Promise<null>;
function unpackCapped(zip: JSZip, file: string, budget: Budget, type: 'string' | 'uint8array'): Promise<string | null> {
  const entry = zip.file(file);
  if (!entry) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const parts: string[] = [];
    // internalStream is JSZip's documented streaming API, missing from its type declarations.
    const stream = (entry as unknown as { internalStream(t: string): JSZip.JSZipStreamHelper<string | Uint8Array> }).internalStream(type);
    stream
      .on('data', (chunk: string | Uint8Array) => {
        budget.left -= chunk.length;
        if (budget.left < 0) {
          stream.pause();
          reject(new RefusedWorkbook(diagnose('WORKBOOK_TOO_LARGE', { path: budget.path, what: `解压后超过 ${Math.round(LIMITS.unpackedBytes / 1024 / 1024)} MB`, hint: '可能是损坏的文件或压缩炸弹；评分表通常不到 10 MB' })));
        } else if (typeof chunk === 'string') parts.push(chunk);
      })
      .on('error', () => reject(new RefusedWorkbook(diagnose('NOT_A_WORKBOOK', { path: budget.path, reason: `文件已损坏（“${file}”无法解压），请用 Excel 打开后另存为 .xlsx` }))))
      .on('end', () => resolve(type === 'string' ? parts.join('') : null))
      .resume();
  });
}

/** How many elements of this name the XML holds: <c r="A1">, <c>, <c/>, <c\nr="A1"> all count, <col> does not. */
function elements(xml: string, name: string): number {
  const open = `<${name}`;
  let n = 0;
  for (let i = xml.indexOf(open); i >= 0; i = xml.indexOf(open, i + open.length)) {
    const next = xml.charCodeAt(i + open.length);
    // space, tab, line feed, carriage return, '>' or '/'
    if (next === 32 || next === 9 || next === 10 || next === 13 || next === 62 || next === 47) n++;
  }
  return n;
}

const decodeXml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e.toLowerCase() as 'amp'] ??
    String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The worksheets' names and their parts in the zip, through xl/workbook.xml and its relationships. */
async function sheetFiles(zip: JSZip, budget: Budget): Promise<{ name: string; file: string }[]> {
  const workbook = (await unpackCapped(zip, 'xl/workbook.xml', budget, 'string')) ?? '';
  const rels = (await unpackCapped(zip, 'xl/_rels/workbook.xml.rels', budget, 'string')) ?? '';
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\s[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: { name: string; file: string }[] = [];
  for (const tag of workbook.match(/<(?:\w+:)?sheet\s[^>]*>/g) ?? []) {
    const id = attribute(tag, 'r:id') ?? attribute(tag, '\\w+:id');
    const file = id ? targets.get(id) : undefined;
    if (file?.includes('worksheets/')) sheets.push({ name: decodeXml(attribute(tag, 'name') ?? file), file });
  }
  // Parts the workbook does not list are still opened by ExcelJS: check them too.
  zip.forEach((file) => {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(file) && !sheets.some((s) => s.file === file)) sheets.push({ name: file, file });
  });
  return sheets;
}

/** One merged area in a sheet's XML, with either quote around its ref (XML allows both). */
const MERGE = /<mergeCell\b[^>]*?\bref\s*=\s*(["'])\s*([A-Za-z]{1,3}\d{1,7})(?::([A-Za-z]{1,3}\d{1,7}))?\s*\1[^>]*>(?:\s*<\/mergeCell>)?/g;

/**
 * Merged areas larger than LIMITS.mergeCells cut back to the sheet's last row and column that
 * hold a cell (ExcelJS builds every cell a merge covers); returns the cells the merges cover after.
 */
function clipMerges(xml: string, sheet: string): { xml: string; diagnostics: Diagnostic[]; cells: number } {
  const diagnostics: Diagnostic[] = [];
  let cells = 0;
  if (!xml.includes('<mergeCell')) return { xml, diagnostics, cells };
  let extent: { row: number; col: number } | null = null;
  const out = xml.replace(MERGE, (whole, _q: string, from: string, to: string | undefined) => {
    const a = parseA1(from);
    const b = parseA1(to ?? from);
    const area = (Math.abs(b.row - a.row) + 1) * (Math.abs(b.col - a.col) + 1);
    if (area <= LIMITS.mergeCells) {
      cells += area;
      return whole;
    }
    extent ??= cellExtent(xml);
    const bottom = Math.max(a.row, Math.min(b.row, extent.row));
    const right = Math.max(a.col, Math.min(b.col, extent.col));
    cells += (bottom - a.row + 1) * (right - a.col + 1);
    if (bottom === b.row && right === b.col) return whole;
    const kept = `${a1(a.row, a.col)}:${a1(bottom, right)}`;
    diagnostics.push(diagnose('MERGE_CLIPPED', { range: `${from}:${to}`, kept, cells: area.toLocaleString('en-US') }, sheet, from.toUpperCase()));
    return bottom === a.row && right === a.col ? '' : `<mergeCell ref="${kept}"/>`;
  });
  return { xml: out, diagnostics, cells };
}

/** The last row and column (0-based) of any cell written in the sheet's XML. */
function cellExtent(xml: string): { row: number; col: number } {
  let row = 0;
  let col = 0;
  for (const m of xml.matchAll(/<c\s[^>]*?\br\s*=\s*["']([A-Z]+)(\d+)["']/g)) {
    const p = parseA1(`${m[1]}${m[2]}`);
    if (p.row > row) row = p.row;
    if (p.col > col) col = p.col;
  }
  return { row, col };
}
