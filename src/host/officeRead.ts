/**
 * Reading the open workbook for the Office host: three round trips whatever the number of
 * sheets — the sheet list; every sheet's used range (where it is, and whether some of its rows
 * are hidden) and, where this Excel reads notes, its notes' text; then every sheet's values,
 * formulas, value types, merged areas, hidden rows and the cell of each note at once. The third
 * step is split into more syncs only when one would carry more than REQUEST_LIMIT (some 60,000
 * cells), because Excel on the web refuses a request or response over 5 MB.
 * Notes (ExcelApi 1.18): a Note has no address, only getLocation(), a Range that exists once the
 * collection's items have come back — so the texts ride on the second sync and the locations on
 * the third (method paths, instantiates and a query per note, untracked: about 500 bytes). Only a
 * workbook whose sheets hold notes but no values at all takes a third sync it would not otherwise.
 * Hidden rows: the used range's rowHidden says whether all, none or some of its rows are hidden;
 * only a sheet with some hidden rows is asked row by row (getRow(i).load('rowHidden'), all in the
 * same sync): an object path, an instantiate action, a query and a _KeepReference per row —
 * about 400 bytes of request as Office.js writes it (measured in test/host/requestSize.test.ts).
 * A workbook set to manual calculation is calculated first (its formula results may be stale).
 * Merged areas come back as each area's row, column and size (ExcelApi 1.9's RangeAreas.areas),
 * never as one address string, which Excel cuts off past about 8,200 characters (office-js #5198).
 */
import { a1, type CellRange, type CellValue, type Grid } from '../sheet/grid';
import { MESSAGES } from './officeErrors';
import { REQUEST_LIMIT, syncOf } from './officeBatches';

/** Estimated bytes a cell costs in a read's response: its value, its formula and its value type as JSON. The seed table averages 54. */
const READ_BYTES_PER_CELL = 64;
/** Request bytes of one row's rowHidden query as Office.js writes it: object path, instantiate, query, _KeepReference. */
const ROW_QUERY_BYTES = 420;
/** Request bytes of one block's range and merged-area queries. */
const BLOCK_BYTES = 1_500;
/**
 * Request bytes of one note's getLocation().load('address'), untracked, as Office.js writes it: the
 * item's GetItemAt path and its instantiate, the location's path, two instantiates and a query
 * (measured: about 500; test/host/officeReadNotes.test.ts). Its response is an address, some 40.
 */
export const NOTE_QUERY_BYTES = 560;

/** What this Excel can read besides values: merged areas (ExcelApi 1.13), notes (1.18 and an Office.js that has them). */
export interface ReadAbilities {
  mergedAreas: boolean;
  notes: boolean;
}

/**
 * Every sheet as a grid, with its notes (Grid.notes) where `can.notes`; `limit` is told what
 * could not be read.
 */
export async function readWorkbook(context: Excel.RequestContext, can: ReadAbilities, limit: (message: string) => void, timeoutMs?: number): Promise<Grid[]> {
  const sync = syncOf(context, timeoutMs);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  const application = context.application;
  application.load('calculationMode');
  await sync();
  const sheets = worksheets.items;
  // In a workbook set to calculate by hand, formula results may be out of date: calculate first, as F9 would.
  if (application.calculationMode === 'Manual') {
    application.calculate('Full');
    limit(MESSAGES.manualCalculation);
  }

  const used = sheets.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load('rowIndex,columnIndex,rowCount,columnCount,rowHidden');
    return range;
  });
  const noteLists = can.notes
    ? sheets.map((ws) => {
        const notes = ws.notes;
        notes.load('items/content');
        return notes;
      })
    : null;
  await sync();

  const reads = used.map((range, i): SheetRead => {
    const shape = range.isNullObject
      ? null
      : { top: range.rowIndex, left: range.columnIndex, rows: range.rowCount, cols: range.columnCount, hidden: range.rowHidden };
    const noteItems = noteLists ? noteLists[i].items : undefined;
    return { name: sheets[i].name, shape, rows: [], formulas: {}, hiddenRows: [], merges: [], noteItems, notes: noteItems && {} };
  });
  for (const batch of readBatches(reads)) {
    const queue = (withMerges: boolean) =>
      batch.map((block) => (block.notes ? queueNotes(reads[block.sheet], block) : queueBlock(sheets[block.sheet], used[block.sheet], reads[block.sheet], block, withMerges)));
    let queued = queue(can.mergedAreas);
    try {
      await sync();
    } catch (e) {
      // Most likely a sheet with more merged areas than Excel returns: read the batch again without them.
      if (!queued.some((q) => q.areas)) throw e;
      queued = queue(false);
      await sync();
      limit(MESSAGES.tooManyMergedAreas);
    }
    for (const q of queued) {
      if (q.locations) collectNotes(q.locations, reads[q.block.sheet], q.block);
      else collectBlock(q, reads[q.block.sheet]);
    }
  }
  return reads.map(toGrid);
}

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
  /** The sheet's notes, loaded with their text (where this Excel reads notes). */
  noteItems?: Excel.Note[];
  /** A1 → note text, filled from noteItems. */
  notes?: Record<string, string>;
}

/** Rows first … first+count−1 of a sheet's used range (relative to its top), read in one go; or, with `notes`, the locations of its notes first … first+count−1. */
interface Block {
  sheet: number;
  first: number;
  count: number;
  bytes: number;
  notes?: true;
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
    const perRow = shape.cols * READ_BYTES_PER_CELL + (shape.hidden === null ? ROW_QUERY_BYTES : 0);
    const rowsPerBlock = Math.max(1, Math.floor(REQUEST_LIMIT / perRow));
    for (let first = 0; first < shape.rows; first += rowsPerBlock) {
      const count = Math.min(rowsPerBlock, shape.rows - first);
      blocks.push({ sheet, first, count, bytes: count * perRow + BLOCK_BYTES });
    }
  });
  // The notes' locations after the cells, in the same batches while there is room.
  reads.forEach((read, sheet) => {
    const count = read.noteItems?.length ?? 0;
    const perBlock = Math.floor(REQUEST_LIMIT / NOTE_QUERY_BYTES);
    for (let first = 0; first < count; first += perBlock) {
      const n = Math.min(perBlock, count - first);
      blocks.push({ sheet, first, count: n, bytes: n * NOTE_QUERY_BYTES + BLOCK_BYTES, notes: true });
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
  range?: Excel.Range;
  /** For a block of notes: each note's cell. */
  locations?: Excel.Range[];
  rowsHidden: Excel.Range[];
  areas?: Excel.RangeAreas;
  areaList?: Excel.RangeCollection;
}

/** Queues the loads of one block: values, formulas, value types; each row's rowHidden when only some are hidden; the sheet's merged areas with its first block. */
function queueBlock(ws: Excel.Worksheet, used: Excel.Range, read: SheetRead, block: Block, withMerges: boolean): QueuedBlock {
  const shape = read.shape as Shape;
  const range = ws.getRangeByIndexes(shape.top + block.first, shape.left, block.count, shape.cols);
  range.load('values,formulas,valueTypes');
  // Read once, in this sync: no _KeepReference, nothing for Excel to hold on to afterwards.
  range.untrack();
  const rowsHidden: Excel.Range[] = [];
  if (shape.hidden === null) {
    for (let k = 0; k < block.count; k++) {
      const row = range.getRow(k);
      row.load('rowHidden');
      row.untrack();
      rowsHidden.push(row);
    }
  }
  let areas: Excel.RangeAreas | undefined;
  let areaList: Excel.RangeCollection | undefined;
  if (withMerges && block.first === 0) {
    // The used range holds the top-left cell of every merge that matters, which is what Excel reports.
    // Each area's place as numbers, not the address string: that fails past some 8,200 characters (office-js #5198).
    areas = used.getMergedAreasOrNullObject();
    areaList = areas.areas;
    areaList.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount');
  }
  return { block, range, rowsHidden, areas, areaList };
}

/** Queues the loads of where some of a sheet's notes are: getLocation()'s address, untracked (read once, in this sync). */
function queueNotes(read: SheetRead, block: Block): QueuedBlock {
  const notes = (read.noteItems ?? []).slice(block.first, block.first + block.count);
  const locations = notes.map((note) => {
    const location = note.getLocation();
    location.load('address');
    location.untrack();
    return location;
  });
  return { block, rowsHidden: [], locations };
}

function collectNotes(locations: Excel.Range[], read: SheetRead, block: Block): void {
  const notes = read.noteItems ?? [];
  const into = (read.notes ??= {});
  locations.forEach((location, k) => {
    // 'Sheet1'!$E$4 or Sheet1!E4 → E4 (a note sits on one cell: the top-left one of a merged area).
    const address = location.address;
    const cell = address.slice(address.lastIndexOf('!') + 1).split(':')[0].replace(/\$/g, '').toUpperCase();
    const text = notes[block.first + k].content;
    if (typeof text === 'string' && text !== '') into[cell] = text;
  });
}

function collectBlock(q: QueuedBlock, read: SheetRead): void {
  const shape = read.shape as Shape;
  const { values, formulas, valueTypes } = q.range as Excel.Range;
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
  if (q.areas && q.areaList && !q.areas.isNullObject) {
    read.merges = q.areaList.items.map((a) => ({ top: a.rowIndex, left: a.columnIndex, bottom: a.rowIndex + a.rowCount - 1, right: a.columnIndex + a.columnCount - 1 }));
  }
}

function toGrid(read: SheetRead): Grid {
  const rows: CellValue[][] = [];
  for (let r = 0; r < read.rows.length; r++) rows.push(read.rows[r] ?? []);
  const grid: Grid = { name: read.name, rows, merges: read.merges, hiddenRows: read.hiddenRows.sort((a, b) => a - b), formulas: read.formulas };
  if (read.notes) grid.notes = read.notes;
  return grid;
}


