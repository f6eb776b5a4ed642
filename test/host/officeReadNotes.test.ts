/**
 * Notes (批注) read by the Office host (ExcelApi 1.18 and an Office.js with the notes API), as the
 * ExcelJS host reads them: each sheet's notes' texts ride on the second sync (with the used
 * ranges), their cells (Note.getLocation().address) on the third (with the cells) — no sync more,
 * except for a workbook whose notes sit on sheets with no values at all. Without the API nothing
 * is asked and the pane is told that notes cannot be read. A workbook whose reasons are notes
 * (a table without a 扣分原因 column, as 现场评分 writes them) reads the same through the pane and
 * the command line, and its signed sheets give the same reasons.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { scoreAssessment } from '../../src/app/scoreAssessment';
import { OfficeHost, REQUEST_LIMIT } from '../../src/host/officeHost';
import { NOTE_QUERY_BYTES } from '../../src/host/officeRead';
import { openWorkbookFile } from '../../src/host/xlsxFile';
import { grid, type Grid } from '../../src/sheet/grid';
import { NO_REASON } from '../../src/sheet/outputs/signed';
import { readScoreTables } from '../../src/sheet/readScoreTable';
import { writeGridsAsXlsx } from '../support/gridsToXlsx';
import { everyOutput, seedUnits } from '../support/seedPlans';
import { mockWorkbook } from './mockWorkbook';
import { officeJsWorkbook } from './officeJsBridge';

const all = () => true;
const without = (...versions: string[]) => (v: string) => !versions.includes(v);
const NOT_READ = '不能读取批注';
/** Rows without their trailing empty cells: the Office host stops a row at its last value, the ExcelJS host may not. */
const trimmed = (rows: unknown[][]) => rows.map((row) => {
  const r = [...row];
  while (r.length > 0 && (r[r.length - 1] === null || r[r.length - 1] === undefined)) r.pop();
  return r;
});
/** Lets Excel.run's closing request (its _RemoveReference) be recorded. */
/**
 * Until Excel.run's closing request (_RemoveReference, sent after the run resolves) has reached each
 * workbook's wire: its request count unchanged for 100 ms (at most 5 s; one timer tick was not enough
 * on a loaded machine).
 */
async function settled(...books: { wire: unknown[] }[]): Promise<void> {
  let stable = 0;
  let last = books.map((b) => b.wire.length).join();
  for (let waited = 0; stable < 5 && waited < 5000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = books.map((b) => b.wire.length).join();
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
}

/** n seed units (one item 0.5 short each) whose lost point's reason is a note on its entry cell, as 现场评分 writes it; `extra` more notes per unit on other entry cells. */
function unitsWithReasonNotes(n: number, extra = 0): Grid[] {
  return seedUnits(n).map((g, i) => {
    const tables = readScoreTables(g).tables;
    if (tables.length === 0) return g;
    const cells = tables[0].entries.items.flat().map((e) => e.cell);
    const lost = cells[i % cells.length];
    const notes: Record<string, string> = { [lost]: `扣分原因：${g.name}未按时开会` };
    for (let k = 1; k <= extra; k++) notes[cells[(i + k) % cells.length]] = `核对人：第${k}组`;
    return { ...g, notes };
  });
}

describe('the Office host reads notes where Excel and Office.js have the API', () => {
  test('each sheet’s notes land in Grid.notes (A1 → text); the read stays three syncs', async () => {
    const grids = unitsWithReasonNotes(3, 2);
    grids[2] = { ...grids[2], notes: {} };
    const book = mockWorkbook(grids);
    const read = await new OfficeHost(book.run, all, all).readGrids();
    expect(read.map((g) => g.notes)).toEqual(grids.map((g) => g.notes ?? {}));
    expect(read[0].notes?.[Object.keys(grids[0].notes ?? {})[0]]).toBe('扣分原因：第1村未按时开会');
    expect(book.syncs).toHaveLength(3);
    // A notes load per sheet with the used ranges; a location per note with the cells.
    const noteCount = grids.reduce((n, g) => n + Object.keys(g.notes ?? {}).length, 0);
    const unasked = mockWorkbook(grids);
    await new OfficeHost(unasked.run, without('1.18'), all).readGrids();
    expect(unasked.syncs).toHaveLength(3);
    expect(book.syncs[1].actions - unasked.syncs[1].actions).toBe(grids.length);
    expect(book.syncs[2].actions - unasked.syncs[2].actions).toBe(noteCount);
    expect(book.syncs[1].response).toBeGreaterThan(unasked.syncs[1].response);
  });

  test('a note on a sheet with no values is read, with one sync more than that workbook needs without notes', async () => {
    const empty = (name: string, notes?: Record<string, string>) => ({ ...grid([], { name }), notes });
    const withNotes = mockWorkbook([empty('空表', { B2: '备忘' }), empty('另一张')]);
    const read = await new OfficeHost(withNotes.run, all, all).readGrids();
    expect(read.map((g) => g.notes)).toEqual([{ B2: '备忘' }, {}]);
    expect(read[0].rows).toEqual([]);
    const withoutNotes = mockWorkbook([empty('空表'), empty('另一张')]);
    await new OfficeHost(withoutNotes.run, all, all).readGrids();
    expect(withoutNotes.syncs).toHaveLength(2);
    expect(withNotes.syncs).toHaveLength(3);
  });

  test('a sheet name Excel quotes in addresses still gives plain A1 keys', async () => {
    const g = { ...grid([['a', 'b']], { name: "张庄村 (2)'s" }), notes: { B1: '说明' } };
    const book = mockWorkbook([g]);
    const [read] = await new OfficeHost(book.run, all, all).readGrids();
    expect(read.notes).toEqual({ B1: '说明' });
  });
});

describe('without the notes API nothing is asked, and the pane says notes cannot be read', () => {
  test.each([
    ['Excel without ExcelApi 1.18', without('1.18'), all],
    ['an Office.js without Worksheet.notes', all, () => false],
  ])('%s', async (_name, supports, apis) => {
    const grids = unitsWithReasonNotes(2);
    const book = mockWorkbook(grids);
    const host = new OfficeHost(book.run, supports, apis);
    const read = await host.readGrids();
    expect(read.map((g) => g.notes)).toEqual([undefined, undefined]);
    expect(book.syncs).toHaveLength(3);
    expect(host.limitations).toEqual([expect.stringContaining(NOT_READ)]);
    expect(host.limitations[0]).toContain('ExcelApi 1.18');
    // The rest reads as before.
    expect(read[0].rows).toEqual(trimmed(grids[0].rows));
    // Reading again does not repeat the message.
    await host.readGrids();
    expect(host.limitations).toHaveLength(1);
  });
});

describe('through Office.js’s own request builder', () => {
  test('a note’s location costs at most NOTE_QUERY_BYTES of request; no request or response reaches the limit', async () => {
    const n = 20;
    const withNotes = officeJsWorkbook(unitsWithReasonNotes(n, 4), { notesApi: true });
    const read = await new OfficeHost(withNotes.run, all, all).readGrids();
    expect(read.slice(0, n).map((g) => Object.keys(g.notes ?? {}).length)).toEqual(new Array(n).fill(5));
    const plain = officeJsWorkbook(seedUnits(n), { notesApi: true });
    await new OfficeHost(plain.run, all, all).readGrids();
    await settled(withNotes, plain);
    // No request more (the last of each is Excel.run's closing _RemoveReference).
    expect(withNotes.wire).toHaveLength(plain.wire.length);
    const perNote = (withNotes.wire[2].request - plain.wire[2].request) / (5 * n);
    expect(perNote).toBeGreaterThan(0);
    expect(perNote).toBeLessThanOrEqual(NOTE_QUERY_BYTES);
  });

  test('12,000 notes are read in more than one sync, each under the limit', async () => {
    const grids = unitsWithReasonNotes(1000, 11);
    const office = officeJsWorkbook(grids, { notesApi: true });
    const read = await new OfficeHost(office.run, all, all).readGrids();
    expect(read.slice(0, 1000).every((g, i) => Object.keys(g.notes ?? {}).length === 12 && g.notes?.[Object.keys(grids[i].notes ?? {})[0]] !== undefined)).toBe(true);
    expect(office.wire.length).toBeGreaterThan(3);
    expect(office.wire.filter((w) => w.request >= REQUEST_LIMIT || w.response >= REQUEST_LIMIT)).toEqual([]);
  }, 300_000);
});

describe('reasons written as notes: the pane and the command line agree', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-notes-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('the same grids and notes, the same outputs, and the signed sheets give the noted reasons', async () => {
    const grids = unitsWithReasonNotes(4, 1);
    const fromPane = await new OfficeHost(mockWorkbook(grids).run, all, all).readGrids();
    const file = path.join(dir, 'notes.xlsx');
    await writeGridsAsXlsx(grids, file);
    const fromCli = await (await openWorkbookFile(file)).readGrids();
    expect(fromPane.map((g) => g.notes)).toEqual(fromCli.map((g) => g.notes));
    expect(fromPane.map((g) => g.notes)).toEqual(grids.map((g) => g.notes ?? {}));
    expect(fromPane.map((g) => trimmed(g.rows))).toEqual(fromCli.map((g) => trimmed(g.rows)));

    const pane = everyOutput(fromPane);
    expect(pane).toEqual(everyOutput(fromCli));
    const result = scoreAssessment(fromPane);
    for (const u of result.units) {
      const signed = pane.sheets?.find((s) => s.name.includes(u.table.unit ?? '?') && s.cells.some((c) => c.value === '签字' || /签/.test(String(c.value))));
      expect(signed).toBeDefined();
      const values = signed!.cells.map((c) => (typeof c.value === 'string' ? c.value : ''));
      expect(values.some((v) => v.includes(`${u.table.unit}未按时开会`))).toBe(true);
      // The other note (not a reason) is not taken for one, and no point lost is left without its reason.
      expect(values.some((v) => v.includes('核对人'))).toBe(false);
      expect(values).not.toContain(NO_REASON);
    }
  });

  test('without the notes API the same workbook’s signed sheets say 未填写扣分原因, as they did', async () => {
    const grids = unitsWithReasonNotes(2);
    const read = await new OfficeHost(mockWorkbook(grids).run, without('1.18'), all).readGrids();
    const values = (everyOutput(read).sheets ?? []).flatMap((s) => s.cells.map((c) => c.value));
    expect(values).toContain(NO_REASON);
  });
});
