/**
 * A workbook behind Office.js, faked with office-addin-mock for the Office host's tests and the
 * benchmark. Ranges that are read are OfficeMockObjects, so reading a property that was not
 * loaded yields the mock's "Error, property was not loaded" instead of the value; the context's
 * sync (a jest-free counter) syncs every mock. Writes are recorded cell by cell.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { a1, columnLetters, parseA1, parseRange, type CellValue, type Grid } from '../../src/sheet/grid';
import type { ExcelRunner } from '../../src/host/officeHost';

export interface FakeWorkbook {
  run: ExcelRunner;
  /** context.sync calls so far. */
  syncs: () => number;
  /** Every cell written: 'sheet!A1' → value or '=formula'. */
  writes: Map<string, unknown>;
  /** Sheets in order, with the cells the fake holds (written ones included). */
  sheets: () => { name: string; visibility: string }[];
  /** Bytes of values and formulas written (JSON length), for the benchmark. */
  bytesWritten: () => number;
  /** Things set on sheets other than values (formats, page layout, charts): 'sheet: what'. */
  log: string[];
}

type Cell = CellValue | { formula: string; value: CellValue };

interface FakeSheet {
  name: string;
  cells: Map<string, Cell>;
  merges: string[];
  hiddenRows: number[];
  visibility: string;
}

const NOT_LOADED = 'Error, property was not loaded';

const plain = (c: Cell | undefined): CellValue => (c && typeof c === 'object' && 'formula' in c ? c.value : ((c as CellValue) ?? null));

export function fakeExcel(grids: Grid[]): FakeWorkbook {
  let syncCount = 0;
  let bytes = 0;
  const registry: OfficeMockObject[] = [];
  const writes = new Map<string, unknown>();
  const log: string[] = [];
  const workbookSheets = new Map<object, true>();
  const mock = (data: object) => {
    const m = new OfficeMockObject(data);
    registry.push(m);
    return m as unknown as Record<string, unknown> & OfficeMockObject;
  };
  const sheets: FakeSheet[] = grids.map((g) => {
    const cells = new Map<string, Cell>();
    g.rows.forEach((row, r) => row.forEach((v, c) => v !== null && cells.set(a1(r, c), v)));
    for (const [address, formula] of Object.entries(g.formulas ?? {})) cells.set(address, { formula, value: plain(cells.get(address)) });
    return { name: g.name, cells, merges: g.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`), hiddenRows: [...g.hiddenRows], visibility: 'Visible' };
  });

  /** The used range of a sheet as Excel returns it: values, formulas, types, and the views the host asks for. */
  const usedRange = (s: FakeSheet) => {
    if (s.cells.size === 0) return mock({ isNullObject: true, address: '' });
    let [top, left, bottom, right] = [Infinity, Infinity, 0, 0];
    for (const address of s.cells.keys()) {
      const { row, col } = parseA1(address);
      [top, left, bottom, right] = [Math.min(top, row), Math.min(left, col), Math.max(bottom, row), Math.max(right, col)];
    }
    const values: unknown[][] = [];
    const formulas: unknown[][] = [];
    const valueTypes: string[][] = [];
    for (let r = top; r <= bottom; r++) {
      const vr: unknown[] = [];
      const fr: unknown[] = [];
      const tr: string[] = [];
      for (let c = left; c <= right; c++) {
        const cell = s.cells.get(a1(r, c));
        const v = plain(cell);
        const isError = typeof v === 'object' && v !== null;
        vr.push(v === null ? '' : isError ? (v as { error: string }).error : v);
        fr.push(cell && typeof cell === 'object' && 'formula' in cell ? `=${cell.formula}` : v === null ? '' : isError ? (v as { error: string }).error : v);
        tr.push(v === null ? 'Empty' : isError ? 'Error' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String');
      }
      values.push(vr);
      formulas.push(fr);
      valueTypes.push(tr);
    }
    const visible = [];
    for (let r = top; r <= bottom; r++) if (!s.hiddenRows.includes(r)) visible.push([`${s.name}!${columnLetters(left)}${r + 1}`]);
    const view = mock({ cellAddresses: visible });
    const column = mock({ getVisibleView: () => view });
    const areas = mock({ isNullObject: s.merges.length === 0, address: s.merges.map((m) => `${s.name}!${m}`).join(',') });
    return mock({
      isNullObject: false,
      address: `${s.name}!${a1(top, left)}:${a1(bottom, right)}`,
      values,
      formulas,
      valueTypes,
      rowIndex: top,
      columnIndex: left,
      rowCount: bottom - top + 1,
      getColumn: () => column,
      getMergedAreasOrNullObject: () => areas,
    });
  };

  /** A range to write to: records what is set, cell by cell. */
  const writable = (s: FakeSheet, address: string) => {
    const where = `${s.name}!${address}`;
    const format = new Proxy({} as Record<string, unknown>, {
      get: (_t, key) =>
        key === 'font' || key === 'fill' ? recorder(`${where} ${String(key)}`) : key === 'borders' ? { getItem: (edge: string) => recorder(`${where} border ${edge}`) } : undefined,
      set: (_t, key, value) => (log.push(`${where} ${String(key)}=${JSON.stringify(value)}`), true),
    });
    return {
      set values(v: unknown[][]) {
        const { top, left } = parseRange(address);
        s.cells.set(a1(top, left), v[0][0] as CellValue);
        writes.set(where, v[0][0]);
        bytes += JSON.stringify(v).length;
      },
      set formulas(v: string[][]) {
        const { top, left } = parseRange(address);
        s.cells.set(a1(top, left), { formula: v[0][0].slice(1), value: null });
        writes.set(where, v[0][0]);
        bytes += JSON.stringify(v).length;
      },
      set numberFormat(v: string[][]) {
        log.push(`${where} numberFormat=${v[0][0]}`);
      },
      format,
      merge: () => log.push(`${where} merge`),
      getEntireColumn: () => ({ format }),
      select: () => log.push(`${where} select`),
    };
  };
  const recorder = (prefix: string) =>
    new Proxy({}, { set: (_t, key, value) => (log.push(`${prefix}.${String(key)}=${JSON.stringify(value)}`), true) });

  // Worksheets are renamed, moved and deleted, so they are fakes of their own with the mock's
  // rule: a property reads "Error, property was not loaded" until load() and sync().
  const worksheet = (s: FakeSheet) => {
    const loaded = new Set<string>();
    const asked = new Set<string>();
    const read = <T>(prop: string, value: () => T): T | string => (loaded.has(prop) ? value() : NOT_LOADED);
    const ws: Record<string, unknown> = {
      load: (props: string) => props.split(',').forEach((p) => asked.add(p.trim())),
      commit: () => asked.forEach((p) => loaded.add(p)),
    };
    Object.assign(ws, {
      getUsedRangeOrNullObject: () => usedRange(s),
      getRange: (address: string) => writable(s, address),
      getRangeByIndexes: (r: number, c: number) => writable(s, a1(r, c)),
      delete: () => {
        sheets.splice(sheets.indexOf(s), 1);
        log.push(`${s.name} deleted`);
      },
      activate: () => log.push(`${s.name} activate`),
      copy: () => {
        const copy: FakeSheet = { ...s, name: `${s.name} (2)`, cells: new Map(s.cells), merges: [...s.merges], hiddenRows: [...s.hiddenRows] };
        sheets.push(copy);
        return worksheet(copy);
      },
      charts: { add: () => chart(s.name) },
      pageLayout: new Proxy(
        { setPrintArea: (a: string) => log.push(`${s.name} printArea=${a}`), setPrintTitleRows: (a: string) => log.push(`${s.name} printTitleRows=${a}`), headersFooters: { defaultForAllPages: recorder(`${s.name} footer`) } },
        { set: (_t, key, value) => (log.push(`${s.name} page ${String(key)}=${JSON.stringify(value)}`), true) },
      ),
    });
    Object.defineProperty(ws, 'name', { get: () => read('name', () => s.name), set: (n: string) => void (s.name = n) });
    Object.defineProperty(ws, 'visibility', { get: () => read('visibility', () => s.visibility), set: (v: string) => void (s.visibility = v) });
    Object.defineProperty(ws, 'position', {
      get: () => read('position', () => sheets.indexOf(s)),
      set: (p: number) => void (sheets.splice(sheets.indexOf(s), 1), sheets.splice(p, 0, s)),
    });
    workbookSheets.set(ws, true);
    return ws as Record<string, unknown> & { load: (p: string) => void; commit: () => void };
  };
  const chart = (sheet: string) => {
    log.push(`${sheet} chart`);
    return { title: recorder(`${sheet} chart title`), legend: recorder(`${sheet} chart legend`), series: { getItemAt: () => ({ setXAxisValues: () => log.push(`${sheet} chart categories`) }) }, setPosition: (a: string, b: string) => log.push(`${sheet} chart at ${a}:${b}`) };
  };

  let items: ReturnType<typeof worksheet>[] = [];
  const collection = {
    get items() {
      return items;
    },
    load(props: string) {
      items = sheets.map(worksheet);
      for (const p of props.split(',')) for (const it of items) it.load(p.trim().replace(/^items\//, ''));
    },
    getItem: (name: string) => {
      const s = sheets.find((x) => x.name === name);
      if (!s) throw new Error(`ItemNotFound: ${name}`);
      return worksheet(s);
    },
    add: (name: string) => {
      const s: FakeSheet = { name, cells: new Map(), merges: [], hiddenRows: [], visibility: 'Visible' };
      sheets.push(s);
      return worksheet(s);
    },
  };
  const context = {
    workbook: { worksheets: collection },
    application: { suspendApiCalculationUntilNextSync: () => undefined },
    sync: async () => {
      syncCount++;
      for (const m of registry) await m.sync();
      for (const ws of workbookSheets.keys()) (ws as { commit: () => void }).commit();
    },
  };
  return {
    run: (batch) => batch(context as unknown as Excel.RequestContext),
    syncs: () => syncCount,
    writes,
    sheets: () => sheets.map((s) => ({ name: s.name, visibility: s.visibility })),
    bytesWritten: () => bytes,
    log,
  };
}

/** The Office enums the host uses, for code running outside Excel. */
export function installExcelEnums(): void {
  (globalThis as unknown as { Excel: unknown }).Excel = {
    ChartType: { barClustered: 'BarClustered' },
    ChartSeriesBy: { columns: 'Columns' },
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
    PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
    PaperType: { a4: 'A4' },
    WorksheetPositionType: { end: 'End' },
  };
}
