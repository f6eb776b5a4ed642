/**
 * Applying a write plan in Office.js: only the cells and sheets a plan names are touched (a
 * user's sheet is written cell by cell, never cleared), in batches under the request limit
 * (officeBatches.ts), with calculation suspended while a batch runs.
 *
 * A generated sheet is built under a temporary name (~kaohe-new-…) and only when it is complete
 * does it take the place of the old one: the old sheet is made visible (a very hidden sheet
 * cannot be deleted otherwise) and deleted, the new one renamed and moved to its position. The
 * old sheet is never renamed (renaming then adding then deleting leaves a stray sheet on the web,
 * office-js #3218). When a request fails midway, the temporary sheets are removed and the error
 * says what had been written: Excel has no transaction to roll back. A ~kaohe-* sheet left by an
 * earlier run that was cut off (a closed pane) is removed at the next write.
 */
import { columnLetters } from '../sheet/grid';
import { draftHeaderCode } from '../sheet/sheetPlan';
import type { CellStyle, CellWrite, SheetPlan, WritePlan } from './host';
import { Batches, jsonBytes, syncOf, wireBytes, type Sync } from './officeBatches';
import { explain, MESSAGES } from './officeErrors';
import { cellInput, formulaText, rectangleOf, rectangles, type Rectangle } from './officeCells';
import { applyStyle, columnPoints, PAGE_SETUP_ACTIONS, pageSetup, styleActions, type FitMode } from './officeLayout';

/** What this Excel can do, as the host found out (requirement sets, APIs, the self-check's fallbacks). */
export interface WriteAbilities {
  /** ExcelApi 1.9: page layout, indent, RangeAreas. */
  layout: boolean;
  /** ExcelApi 1.7: Worksheet.copy. */
  copy: boolean;
  /** ExcelApi 1.18 and an Office.js that has the notes API. */
  notes: boolean;
  fit: FitMode;
  digitPixels: number;
}

/** Sheets the add-in makes for a moment, and removes whenever it finds them. */
export const TEMPORARY_PREFIX = '~kaohe-';

/** Writes the plan; returns nothing, and says in `skipped` what it could not do. Throws an OfficeHostError saying what was written. */
export async function writePlan(context: Excel.RequestContext, plan: WritePlan, can: WriteAbilities, skipped: string[], timeoutMs?: number): Promise<void> {
  const sync = syncOf(context, timeoutMs);
  const batches = new Batches(context, sync);
  const notes = can.notes ? notesOf(plan.cells) : [];
  try {
    const lookups = await lookUp(context, plan, notes, sync);
    const worksheets = context.workbook.worksheets;
    const sheets = new SheetRefs(worksheets, batches);

    for (const left of lookups.leftovers) {
      await batches.room(wireBytes(1, 2));
      removeSheet(sheets.get(left.name), left.visibility);
    }

    for (const name of plan.removeSheets ?? []) {
      const old = lookups.sheets.get(name.toLowerCase());
      if (!old) continue;
      await batches.room(wireBytes(1, 2));
      removeSheet(sheets.get(name), old.visibility);
      batches.mark(`删除“${name}”`);
      lookups.sheets.delete(name.toLowerCase());
      // The sheets after it move up one place.
      for (const s of lookups.sheets.values()) if (s.position > old.position) s.position--;
    }

    for (const [k, p] of (plan.sheets ?? []).entries()) {
      if (p.copyOf && !can.copy) {
        skipped.push(MESSAGES.noCopy(p.name, p.copyOf));
        continue;
      }
      const temp = `${TEMPORARY_PREFIX}new-${k}`;
      await batches.room(wireBytes(3, 3));
      if (p.copyOf) worksheets.getItem(p.copyOf).copy('End').name = temp;
      else worksheets.add(temp);
      await writeSheet(() => sheets.get(temp), p, batches, can, skipped);

      const old = lookups.sheets.get(p.name.toLowerCase());
      await batches.room(wireBytes(3, 6));
      if (old) removeSheet(sheets.get(p.name), old.visibility);
      const ws = sheets.get(temp);
      ws.name = p.name;
      sheets.renamed(temp, p.name);
      if (old) ws.position = old.position;
      // A template's copy takes the template's visibility (templates are often hidden): set it either way.
      if (p.state || p.copyOf) ws.visibility = p.state === 'veryHidden' ? 'VeryHidden' : p.state === 'hidden' ? 'Hidden' : 'Visible';
      batches.mark(`“${p.name}”`);
    }

    await writeCells(plan.cells, sheets, batches);
    await writeNotes(notes, lookups, sheets, batches);
    await batches.flush();
  } catch (e) {
    const cleaned = await removeTemporary(context, sync);
    throw explain(e, whatWasWritten(batches.written, cleaned));
  }
}

/** What a failed write had done, for the user. */
function whatWasWritten(written: string[], cleaned: boolean): string {
  const left = cleaned ? '' : `；未能删除临时工作表（名称以 ${TEMPORARY_PREFIX} 开头），可手动删除，下次写入时也会自动删除`;
  if (written.length === 0) return `出错前没有完整写入的内容；出错的那一批可能写入了一部分单元格，再次执行会写成正确的值${left}`;
  const list = written.length > 12 ? `${written.slice(0, 12).join('、')} 等 ${written.length} 项` : written.join('、');
  return `出错前已写入：${list}；出错的那一批可能写入了一部分单元格，再次执行会写成正确的值${left}`;
}

/** Worksheet proxies by name, made again after each sync (a proxy from worksheets.add or copy is not valid across syncs). */
class SheetRefs {
  private refs = new Map<string, Excel.Worksheet>();
  private generation = -1;
  constructor(
    private readonly worksheets: Excel.WorksheetCollection,
    private readonly batches: Batches,
  ) {}
  get(name: string): Excel.Worksheet {
    if (this.generation !== this.batches.generation) {
      this.refs.clear();
      this.generation = this.batches.generation;
    }
    const key = name.toLowerCase();
    let ws = this.refs.get(key);
    if (!ws) this.refs.set(key, (ws = this.worksheets.getItem(name)));
    return ws;
  }
  renamed(from: string, to: string): void {
    const ws = this.refs.get(from.toLowerCase());
    this.refs.delete(from.toLowerCase());
    this.refs.delete(to.toLowerCase());
    if (ws) this.refs.set(to.toLowerCase(), ws);
  }
}

/** A sheet deleted; a hidden or very hidden one is made visible first, or Excel refuses. */
function removeSheet(ws: Excel.Worksheet, visibility: string): void {
  if (visibility !== 'Visible') ws.visibility = 'Visible';
  ws.delete();
}

interface SheetInfo {
  name: string;
  position: number;
  visibility: string;
}

interface Lookups {
  /** Lower-cased name → the sheet, of the sheets a plan replaces or removes that exist. */
  sheets: Map<string, SheetInfo>;
  /** Temporary sheets an earlier write left. */
  leftovers: SheetInfo[];
  /** 'sheet!cell' → the note there, or a null object. */
  notes: Map<string, Excel.Note>;
}

/** One round trip, when a plan needs it: which sheets exist and where, and which note cells already hold a note. */
async function lookUp(context: Excel.RequestContext, plan: WritePlan, notes: NoteWrite[], sync: Sync): Promise<Lookups> {
  const lookups: Lookups = { sheets: new Map(), leftovers: [], notes: new Map() };
  const sheets = (plan.sheets?.length ?? 0) + (plan.removeSheets?.length ?? 0) > 0;
  if (!sheets && notes.length === 0) return lookups;
  const worksheets = context.workbook.worksheets;
  if (sheets) worksheets.load('items/name,items/position,items/visibility');
  for (const n of notes) {
    const note = worksheets.getItem(n.sheet).notes.getItemOrNullObject(n.cell);
    note.load('content');
    lookups.notes.set(noteKey(n), note);
  }
  await sync();
  // Excel's sheet names are case-insensitive.
  if (sheets) {
    for (const ws of worksheets.items) {
      const info = { name: ws.name, position: ws.position, visibility: ws.visibility };
      if (ws.name.startsWith(TEMPORARY_PREFIX)) lookups.leftovers.push(info);
      else lookups.sheets.set(ws.name.toLowerCase(), info);
    }
    // Removing a leftover moves the sheets after it up.
    for (const left of [...lookups.leftovers].reverse()) for (const s of lookups.sheets.values()) if (s.position > left.position) s.position--;
  }
  return lookups;
}

/** After a failure: the temporary sheets removed, in a request of their own. False when that failed too. */
async function removeTemporary(context: Excel.RequestContext, sync: Sync): Promise<boolean> {
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name,items/visibility');
    await sync();
    const temporary = worksheets.items.filter((ws) => ws.name.startsWith(TEMPORARY_PREFIX));
    if (temporary.length === 0) return true;
    for (const ws of temporary) removeSheet(ws, ws.visibility);
    await sync();
    return true;
  } catch {
    return false;
  }
}

async function writeSheet(ws: () => Excel.Worksheet, plan: SheetPlan, batches: Batches, can: WriteAbilities, skipped: string[]): Promise<void> {
  // Styles first: a number format (text '@' above all) must be there before the value is typed into the cell.
  const styled = plan.cells.filter((c) => c.style);
  // A template's copy has its merges already, and a range across part of a merge is refused: its cells one by one.
  const styleRects = plan.copyOf ? styled.map((c) => rectangleOf(c)) : rectangles(styled, (c) => JSON.stringify(c.style));
  const textCells = new Set(styled.filter((c) => c.style?.numFmt === '@').map((c) => c.cell));
  let indentSkipped = false;
  for (const group of styleGroups(styleRects, can.layout)) {
    const style = group.rects[0].cells[0][0].style as CellStyle;
    const shape = { rows: Math.max(...group.rects.map((r) => r.rows)), cols: Math.max(...group.rects.map((r) => r.cols)) };
    const cost = styleActions(style, shape, can.layout);
    const numFmts = style.numFmt ? group.rects.reduce((n, r) => n + r.rows * r.cols, 0) * jsonBytes(style.numFmt) : 0;
    await batches.room(wireBytes(cost.proxies + (style.numFmt ? group.rects.length : 0), cost.actions, jsonBytes(group.address) + numFmts));
    const sheet = ws();
    if (group.rects.length === 1) {
      const range = sheet.getRange(group.address);
      range.untrack();
      indentSkipped = !applyStyle(range, style, shape, can.layout) || indentSkipped;
      continue;
    }
    const areas = sheet.getRanges(group.address);
    areas.untrack();
    indentSkipped = !applyStyle(areas, { ...style, numFmt: undefined }, shape, can.layout) || indentSkipped;
    // RangeAreas has no number format: each rectangle's own.
    if (style.numFmt) {
      for (const r of group.rects) {
        const range = sheet.getRange(r.address);
        range.untrack();
        range.numberFormat = Array.from({ length: r.rows }, () => new Array(r.cols).fill(style.numFmt));
      }
    }
  }
  if (indentSkipped) skipped.push(MESSAGES.noIndent(plan.name));

  const cells = plan.copyOf ? plan.cells.map((c) => rectangleOf(c)) : rectangles(plan.cells);
  for (const rect of cells) {
    const input = rect.cells.map((row) => row.map((c) => (c.formula !== undefined ? formulaText(c.formula) : cellInput(c.value, textCells.has(c.cell)))));
    await batches.room(wireBytes(2, 1, jsonBytes(input) + rect.address.length));
    const range = ws().getRange(rect.address);
    range.untrack();
    if (rect.cells.some((row) => row.some((c) => c.formula !== undefined))) range.formulas = input;
    else range.values = input;
  }

  for (const m of plan.merges) {
    await batches.room(wireBytes(2, 1, m.length));
    const range = ws().getRange(m);
    range.untrack();
    range.merge(false);
  }
  for (const [i, w] of plan.columnWidths.entries()) {
    await batches.room(wireBytes(3, 1, 20));
    const column = columnLetters(i);
    const range = ws().getRange(`${column}:${column}`);
    range.untrack();
    range.format.columnWidth = columnPoints(w, can.digitPixels);
  }
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) {
    await batches.room(wireBytes(3, 1, 20));
    const range = ws().getRange(`${row}:${row}`);
    range.untrack();
    range.format.rowHeight = height;
  }
  for (const row of plan.hiddenRows ?? []) {
    await batches.room(wireBytes(2, 1, 20));
    const range = ws().getRange(`${row}:${row}`);
    range.untrack();
    range.rowHidden = true;
  }
  if (plan.page) {
    await batches.room(wireBytes(4, PAGE_SETUP_ACTIONS, jsonBytes(plan.page)));
    if (can.layout) pageSetup(ws(), plan.page, plan.columnWidths, can.fit, can.digitPixels);
    else skipped.push(MESSAGES.noPageLayout(plan.name));
  }
  if (plan.draftHeader) {
    // Over the template's own page setup: every kind of page (all, odd, even, first) gets the line.
    await batches.room(wireBytes(6, 4, jsonBytes(plan.draftHeader) * 4));
    if (can.layout) {
      const header = draftHeaderCode(plan.draftHeader);
      const hf = ws().pageLayout.headersFooters;
      for (const pages of [hf.defaultForAllPages, hf.oddPages, hf.evenPages, hf.firstPage]) pages.centerHeader = header;
    } else skipped.push(MESSAGES.noDraftHeader(plan.name));
  }
  if (plan.chart) {
    await batches.room(wireBytes(12, 8, jsonBytes(plan.chart)));
    const sheet = ws();
    const chart = sheet.charts.add('BarClustered', sheet.getRange(plan.chart.values), 'Columns');
    chart.title.text = plan.chart.title;
    chart.legend.visible = false;
    chart.series.getItemAt(0).setXAxisValues(sheet.getRange(plan.chart.categories));
    // The first unit at the top, as in the table.
    chart.axes.categoryAxis.reversePlotOrder = true;
    chart.setPosition(plan.chart.from, plan.chart.to);
  }
}

/** Characters of a RangeAreas address Excel takes safely in one getRanges (it fails past ~8,200: office-js #5198). */
const AREAS_ADDRESS_LIMIT = 2_000;

/** Rectangles of one style, as few ranges as this Excel allows: RangeAreas (ExcelApi 1.9) of up to AREAS_ADDRESS_LIMIT characters, else one each. */
function styleGroups<C extends { style?: CellStyle }>(rects: Rectangle<C>[], areas: boolean): { address: string; rects: Rectangle<C>[] }[] {
  if (!areas) return rects.map((r) => ({ address: r.address, rects: [r] }));
  const byStyle = new Map<string, Rectangle<C>[]>();
  for (const r of rects) {
    const key = JSON.stringify(r.cells[0][0].style);
    byStyle.set(key, [...(byStyle.get(key) ?? []), r]);
  }
  const groups: { address: string; rects: Rectangle<C>[] }[] = [];
  for (const list of byStyle.values()) {
    let current: Rectangle<C>[] = [];
    let length = 0;
    for (const r of list) {
      if (current.length > 0 && length + r.address.length + 1 > AREAS_ADDRESS_LIMIT) {
        groups.push({ address: current.map((x) => x.address).join(','), rects: current });
        current = [];
        length = 0;
      }
      current.push(r);
      length += r.address.length + 1;
    }
    if (current.length > 0) groups.push({ address: current.map((x) => x.address).join(','), rects: current });
  }
  return groups;
}

/** The plan's loose cells (总分, entries, records): one range each, on the user's sheets. */
async function writeCells(cells: CellWrite[], sheets: SheetRefs, batches: Batches): Promise<void> {
  for (const w of cells) {
    const text = w.numFmt === '@';
    const values = [[w.formula !== undefined ? formulaText(w.formula) : cellInput(w.value, text)]];
    await batches.room(wireBytes(2, w.numFmt ? 2 : 1, jsonBytes(values) + jsonBytes(w.numFmt ?? '') + w.cell.length));
    const range = sheets.get(w.sheet).getRange(w.cell);
    range.untrack();
    // The number format first: text typed into a text cell stays text.
    if (w.numFmt) range.numberFormat = [[w.numFmt]];
    if (w.formula !== undefined) range.formulas = values;
    else range.values = values;
  }
  if (cells.length > 0) batches.mark(`${cells.length} 个单元格`);
}

async function writeNotes(notes: NoteWrite[], lookups: Lookups, sheets: SheetRefs, batches: Batches): Promise<void> {
  for (const n of notes) {
    await batches.room(wireBytes(3, 2, jsonBytes(n.note) + n.cell.length));
    const existing = lookups.notes.get(noteKey(n));
    if (existing && !existing.isNullObject) {
      if (n.note === '') existing.delete();
      else if (existing.content !== n.note) existing.content = n.note;
    } else if (n.note !== '') {
      const ws = sheets.get(n.sheet);
      const range = ws.getRange(n.cell);
      range.untrack();
      ws.notes.add(range, n.note);
    }
  }
  if (notes.length > 0) batches.mark(`${notes.length} 条批注`);
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
