/**
 * A workbook behind Office.js, faked on office-addin-mock, for the Office host's tests and the
 * benchmark. Where the host depends on Excel's behaviour, it behaves as Excel does:
 * - what is queued runs at context.sync(), in order; an action that fails fails the sync, and the
 *   actions queued after it do not run;
 * - every object that is loaded is an OfficeMockObject: a property read before load() and sync()
 *   is the mock's sentinel ("Error, property was not loaded"), not a value;
 * - isNullObject of an *OrNullObject result can be read only after a sync;
 * - text written to `values` or `formulas` is taken as if typed: '001' → 1, 'TRUE' → true,
 *   '=…' → a formula, "'…" → the text after the apostrophe; null leaves the cell as it is; in a
 *   cell formatted as text ('@') text stays as written;
 * - a write must match the size of its range; a sheet name is unique (case-insensitive); the last
 *   visible sheet cannot be deleted, nor a very hidden one; a note cannot be added where there is one;
 * - getMergedAreasOrNullObject returns the merges whose top-left cell is in the range, and fails
 *   for more than 512 of them.
 * Each sync is recorded: the request (JSON of the queued actions), the response (JSON of what was
 * loaded) and the values and formulas written, all in UTF-8 bytes.
 *
 * What it cannot tell (only Excel can): formulas are not computed (a formula written reads back
 * with a null value); objects are loaded after all the actions of their sync have run, where
 * Excel loads them in their place in the queue; Excel's own limits and timings.
 */
import { OfficeMockObject } from 'office-addin-mock';
import type { ExcelRunner } from '../../src/host/officeHost';
import { a1, columnLetters, parseA1, type CellRange, type CellValue, type Grid } from '../../src/sheet/grid';

export const NOT_LOADED = 'Error, property was not loaded';
const NOT_SYNCED = 'Error, context.sync() was not called';
const MERGED_AREAS_LIMIT = 512;
const LAST_ROW = 1048575;
const LAST_COL = 16383;

export interface MockCell {
  value: CellValue;
  /** Without '='. */
  formula?: string;
  numFmt?: string;
  /** Format properties set through the API: 'font.bold' → true, 'borders.getItem(EdgeTop).style' → 'Continuous'. */
  style?: Record<string, unknown>;
}

export interface MockSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** A1 → cell. */
  cells: Map<string, MockCell>;
  merges: CellRange[];
  hiddenRows: Set<number>;
  /** 0-based column → points. */
  columnWidths: Map<number, number>;
  /** 0-based row → points. */
  rowHeights: Map<number, number>;
  /** Page layout as set: 'orientation' → 'Landscape', 'printArea' → 'A1:C2' … */
  page: Record<string, unknown>;
  /** Each chart: what was set and called on it. */
  charts: Record<string, unknown>[];
  /** A1 → note text. */
  notes: Map<string, string>;
}

export interface SyncRecord {
  /** UTF-8 bytes of the queued actions as JSON. */
  request: number;
  /** UTF-8 bytes of the loaded properties as JSON. */
  response: number;
  /** UTF-8 bytes of the values and formulas written (JSON of the arrays). */
  values: number;
  actions: number;
  suspended: boolean;
}

export interface MockWorkbook {
  run: ExcelRunner;
  context: { sync: () => Promise<void>; workbook: { worksheets: unknown }; application: unknown };
  /** The sheets, in order, as they are now. */
  sheets: MockSheet[];
  sheet(name: string): MockSheet;
  /** One record per context.sync() so far. */
  syncs: SyncRecord[];
  /** A sheet as a grid: cached values, formulas, merges, hidden rows. */
  grid(name: string): Grid;
  /** The active sheet and the selected range ('sheet!E4'), once the pane has set them. */
  selection: { active: string | null; selected: string | null };
  /** The workbook's calculation mode, and each calculate() run. */
  state: { calculationMode: 'Automatic' | 'Manual'; calculations: string[] };
}

interface Action {
  desc: unknown;
  run?: () => void;
}

interface Resolvable {
  resolve(): Promise<number>;
}

/** A fake Excel holding these sheets. `hidden` names sheets that are hidden; `veryHidden` very hidden. */
export function mockWorkbook(grids: Grid[], options: { hidden?: string[]; veryHidden?: string[]; calculationMode?: 'Automatic' | 'Manual' } = {}): MockWorkbook {
  const sheets: MockSheet[] = grids.map((g) => fromGrid(g, options.hidden?.includes(g.name) ? 'Hidden' : options.veryHidden?.includes(g.name) ? 'VeryHidden' : 'Visible'));
  let queue: Action[] = [];
  let pending = new Set<Resolvable>();
  const syncs: SyncRecord[] = [];
  let written = 0;
  let suspended = false;
  const selection: MockWorkbook['selection'] = { active: null, selected: null };
  const state = { calculationMode: options.calculationMode ?? 'Automatic', calculations: [] as string[] };

  const act = (desc: unknown, run?: () => void) => void queue.push({ desc, run });
  const find = (name: string) => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const live = (s: MockSheet) => {
    if (!sheets.includes(s)) throw new Error(`ItemNotFound: the worksheet “${s.name}” was deleted`);
    return s;
  };
  /** A sheet by name, found when an action first uses it and that sheet from then on (as Excel binds an object path once). */
  const named = (name: string) => {
    let bound: MockSheet | undefined;
    return () => {
      if (bound) return live(bound);
      const s = find(name);
      if (!s) throw new Error(`ItemNotFound: no worksheet “${name}”`);
      return (bound = s);
    };
  };

  /** Properties loaded on an object: the mock's sentinel until load() and sync(), the values after. */
  class Loadable implements Resolvable {
    readonly requested = new Set<string>();
    private mock?: Record<string, unknown>;
    private isNull?: boolean;
    constructor(
      private readonly snapshot: () => Record<string, unknown> | null,
      private readonly desc: string,
      nullable = false,
    ) {
      // An *OrNullObject result says whether it exists after the next sync, loaded or not.
      if (nullable) pending.add(this);
    }
    /** Asks for properties: they are there after the next sync. */
    load(props: string | string[]) {
      this.want(props);
      pending.add(this);
      act({ load: props, on: this.desc });
    }
    /** Asks for properties that ride on a load already queued (a collection's items). */
    want(props: string | string[]) {
      for (const p of (Array.isArray(props) ? props : props.split(',')).map((x) => x.trim()).filter(Boolean)) this.requested.add(p);
    }
    async resolve(): Promise<number> {
      const data = this.snapshot();
      this.isNull = data === null;
      const values: Record<string, unknown> = {};
      for (const p of this.requested) {
        if (data !== null && !(p in data)) throw new Error(`PropertyNotLoaded: the fake has no property ${p} on ${this.desc}`);
        values[p] = data === null ? null : data[p];
      }
      const scalars = Object.fromEntries(Object.entries(data ?? {}).filter(([, v]) => v !== null && v !== undefined));
      const mock = new OfficeMockObject(scalars);
      // office-addin-mock cannot build a null from its object tree; its (private) setValue can.
      const setValue = (mock as unknown as { setValue(p: string, v: unknown): void }).setValue.bind(mock);
      for (const p of this.requested) if (values[p] === null || values[p] === undefined) setValue(p, null);
      if (this.requested.size > 0) mock.load([...this.requested]);
      await mock.sync();
      this.mock = mock as unknown as Record<string, unknown>;
      return this.requested.size > 0 ? bytes(values) : 0;
    }
    get(prop: string): unknown {
      if (!this.mock) return this.requested.has(prop) ? NOT_SYNCED : NOT_LOADED;
      return this.mock[prop];
    }
    get nullObject(): boolean {
      if (this.isNull === undefined) throw new Error(`isNullObject of ${this.desc} read before context.sync()`);
      return this.isNull;
    }
  }

  const sync = async () => {
    const actions = queue;
    const reads = pending;
    queue = [];
    pending = new Set();
    const record: SyncRecord = { request: bytes(actions.map((a) => a.desc)), response: 0, values: 0, actions: actions.length, suspended: false };
    written = 0;
    suspended = false;
    syncs.push(record);
    try {
      for (const a of actions) a.run?.();
      for (const r of reads) record.response += await r.resolve();
    } finally {
      record.values = written;
      record.suspended = suspended;
    }
    // office-addin-mock updates some properties a microtask after its sync.
    // (setImmediate where there is one: jsdom, for the pane's tests, has only setTimeout.)
    await new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
  };

  // ——— Ranges ———
  const rangeDesc = (s: () => MockSheet, where: string) => `range ${where} of ${safeName(s)}`;

  function range(sheetOf: () => MockSheet, where: () => CellRange | null, desc: string, nullable = false): Excel.Range {
    const loadable = new Loadable(
      () => {
        const s = sheetOf();
        const r = where();
        return r ? snapshot(s, r) : null;
      },
      desc,
      nullable,
    );
    const rect = () => {
      const r = where();
      if (!r) throw new Error(`${desc} is a null object`);
      return r;
    };
    const write = (kind: 'values' | 'formulas' | 'numberFormat') => (input: unknown[][]) => {
      act({ set: kind, on: desc, value: input }, () => {
        const s = sheetOf();
        const r = rect();
        if (!Array.isArray(input) || input.length !== r.bottom - r.top + 1 || input.some((row) => !Array.isArray(row) || row.length !== r.right - r.left + 1)) {
          throw new Error(`InvalidArgument: the ${kind} array does not match the size of ${desc}`);
        }
        if (kind !== 'numberFormat') written += bytes(input);
        input.forEach((row, i) =>
          row.forEach((v, j) => {
            const address = a1(r.top + i, r.left + j);
            if (kind === 'numberFormat') {
              if (v !== null) cellAt(s, address).numFmt = String(v);
              return;
            }
            // A cell formatted as text keeps what is typed as text, as it is (an apostrophe too: unverified, the self-check asks Excel).
            const typed = s.cells.get(address)?.numFmt === '@' && typeof v === 'string' && v !== '' ? { value: v } : asTyped(v);
            if (typed === undefined) return;
            const cell = cellAt(s, address);
            cell.value = typed.value;
            if (typed.formula === undefined) delete cell.formula;
            else cell.formula = typed.formula;
            tidy(s, address);
          }),
        );
      });
    };
    const target: Record<string | symbol, unknown> = {
      [DESC]: desc,
      [RECT]: rect,
      load: (props: string | string[]) => {
        loadable.load(props);
        return proxy;
      },
      set values(v: unknown[][]) {
        write('values')(v);
      },
      set formulas(v: unknown[][]) {
        write('formulas')(v);
      },
      set numberFormat(v: unknown[][]) {
        write('numberFormat')(v);
      },
      set rowHidden(v: boolean) {
        act({ set: 'rowHidden', on: desc, value: v }, () => formatRange(sheetOf(), rect(), 'rowHidden', v));
      },
      get isNullObject() {
        return loadable.nullObject;
      },
      // Office.js only: no _KeepReference for this range. Nothing for Excel (or the fake) to do.
      untrack: () => proxy,
      format: readable(
        recorder(`${desc}.format`, {
          set: (path, value) => {
            act({ set: `format.${path}`, on: desc, value }, () => formatRange(sheetOf(), rect(), path, value));
          },
          call: (path, args) => {
            // autofitColumns: as wide as the longest text, by Excel's rule for the default font (7-px digits, 5 px padding).
            if (path !== 'autofitColumns') return;
            act({ call: path, on: `${desc}.format`, args }, () => {
              const s = sheetOf();
              const r = rect();
              for (let c = r.left; c <= r.right; c++) {
                let chars = 0;
                for (let row = r.top; row <= r.bottom; row++) chars = Math.max(chars, String(s.cells.get(a1(row, c))?.value ?? '').length);
                s.columnWidths.set(c, (chars * 7 + 5) * 0.75);
              }
            });
          },
        }),
        new Loadable(() => ({ columnWidth: sheetOf().columnWidths.get(rect().left) ?? 48 }), `${desc}.format`),
      ),
      select: () => act({ call: 'select', on: desc }, () => void (selection.selected = `${sheetOf().name}!${rangeAddress(rect())}`)),
      merge: (across = false) => {
        act({ call: 'merge', on: desc, across }, () => {
          const s = sheetOf();
          const r = rect();
          const areas = across ? Array.from({ length: r.bottom - r.top + 1 }, (_, i) => ({ ...r, top: r.top + i, bottom: r.top + i })) : [r];
          for (const m of areas) {
            if (s.merges.some((x) => overlaps(x, m))) throw new Error(`InvalidOperation: ${desc} overlaps a merged area`);
            s.merges.push(m);
          }
        });
      },
      // Office.js itself calls this to cut a write of more than 1,500 cells into row chunks.
      getBoundingRect: (other: Excel.Range) =>
        range(
          sheetOf,
          () => {
            const a = rect();
            const b = (other as unknown as Record<symbol, () => CellRange>)[RECT]();
            return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
          },
          `${desc}.getBoundingRect(${describe(other)})`,
        ),
      getRow: (i: number) => range(sheetOf, () => ({ ...rect(), top: rect().top + i, bottom: rect().top + i }), `${desc}.getRow(${i})`),
      getMergedAreasOrNullObject: () => {
        const areasDesc = `${desc}.getMergedAreasOrNullObject()`;
        const areas = new Loadable(
          () => {
            const s = sheetOf();
            const r = rect();
            const inside = s.merges.filter((m) => m.top >= r.top && m.top <= r.bottom && m.left >= r.left && m.left <= r.right);
            if (inside.length > MERGED_AREAS_LIMIT) throw new Error(`GeneralException: ${areasDesc}: more than ${MERGED_AREAS_LIMIT} merged areas`);
            if (inside.length === 0) return null;
            return { address: inside.map((m) => `${quoted(s.name)}!${rangeAddress(m)}`).join(', '), areaCount: inside.length };
          },
          areasDesc,
          true,
        );
        act({ call: 'getMergedAreasOrNullObject', on: desc });
        // RangeAreas.areas: each merged area's place, as numbers.
        let areaItems: unknown[] | undefined;
        const areaList = {
          load: (props: string) => {
            act({ load: props, on: `${areasDesc}.areas` });
            areaItems = undefined;
            pending.add({
              resolve: async () => {
                const s = sheetOf();
                const r = rect();
                const inside = s.merges.filter((m) => m.top >= r.top && m.top <= r.bottom && m.left >= r.left && m.left <= r.right);
                if (inside.length > MERGED_AREAS_LIMIT) throw new Error(`GeneralException: ${areasDesc}: more than ${MERGED_AREAS_LIMIT} merged areas`);
                areaItems = inside.map((m) => ({ rowIndex: m.top, columnIndex: m.left, rowCount: m.bottom - m.top + 1, columnCount: m.right - m.left + 1 }));
                return bytes(areaItems);
              },
            });
          },
          get items() {
            return areaItems ?? NOT_LOADED;
          },
        };
        const areasTarget = {
          load: (props: string | string[]) => {
            areas.load(props);
            return areasProxy;
          },
          get isNullObject() {
            return areas.nullObject;
          },
          areas: areaList,
        };
        const areasProxy: unknown = loaded(areasTarget, areas);
        return areasProxy;
      },
    };
    const proxy = loaded(target, loadable) as unknown as Excel.Range;
    return proxy;
  }

  // ——— Worksheets ———
  function worksheet(sheetOf: () => MockSheet, desc: string, nullable = false): Excel.Worksheet {
    const loadable = new Loadable(
      () => {
        let s: MockSheet;
        try {
          s = sheetOf();
        } catch (e) {
          if (nullable) return null;
          throw e;
        }
        return { name: s.name, position: sheets.indexOf(s), visibility: s.visibility };
      },
      desc,
      nullable,
    );
    const target: Record<string | symbol, unknown> = {
      load: (props: string | string[]) => {
        loadable.load(props);
        return proxy;
      },
      get isNullObject() {
        return loadable.nullObject;
      },
      set name(name: string) {
        act({ set: 'name', on: desc, value: name }, () => {
          const s = sheetOf();
          const other = find(name);
          if (other && other !== s) throw new Error(`InvalidArgument: a worksheet named “${name}” exists`);
          if (!validName(name)) throw new Error(`InvalidArgument: “${name}” is not a valid worksheet name`);
          s.name = name;
        });
      },
      set position(p: number) {
        act({ set: 'position', on: desc, value: p }, () => {
          const s = sheetOf();
          sheets.splice(sheets.indexOf(s), 1);
          sheets.splice(p, 0, s);
        });
      },
      set visibility(v: MockSheet['visibility']) {
        act({ set: 'visibility', on: desc, value: v }, () => {
          const s = sheetOf();
          if (v !== 'Visible' && sheets.every((x) => x === s || x.visibility !== 'Visible')) throw new Error('InvalidOperation: the last visible worksheet cannot be hidden');
          s.visibility = v;
        });
      },
      activate: () => act({ call: 'activate', on: desc }, () => void (selection.active = sheetOf().name)),
      delete: () => {
        act({ call: 'delete', on: desc }, () => {
          const s = sheetOf();
          if (s.visibility === 'Visible' && sheets.every((x) => x === s || x.visibility !== 'Visible')) throw new Error('InvalidOperation: the last visible worksheet cannot be deleted');
          if (s.visibility === 'VeryHidden') throw new Error('InvalidOperation: a very hidden worksheet cannot be deleted');
          sheets.splice(sheets.indexOf(s), 1);
        });
      },
      getRange: (address: string) => range(sheetOf, () => parseAddress(address), rangeDesc(sheetOf, address)),
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) =>
        range(sheetOf, () => ({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }), rangeDesc(sheetOf, `R${row}C${col}:${rows}x${cols}`)),
      getRanges: (address: string) => {
        const parts = address.split(',').map((a) => a.trim());
        const areasDesc = rangeDesc(sheetOf, address);
        act({ call: 'getRanges', on: desc, address });
        const target = {
          untrack: () => target,
          format: recorder(`${areasDesc}.format`, {
            set: (path, value) => {
              act({ set: `format.${path}`, on: areasDesc, value }, () => {
                for (const part of parts) formatRange(sheetOf(), parseAddress(part), path, value);
              });
            },
          }),
        };
        return target;
      },
      getUsedRangeOrNullObject: (valuesOnly = false) => {
        act({ call: 'getUsedRangeOrNullObject', on: desc, valuesOnly });
        return range(sheetOf, () => usedRange(sheetOf(), valuesOnly), `${desc}.usedRange`, true);
      },
      copy: (position: string = 'None') => {
        let copy: MockSheet | undefined;
        act({ call: 'copy', on: desc, position }, () => {
          const s = sheetOf();
          let name = `${s.name} (2)`;
          for (let k = 3; find(name); k++) name = `${s.name} (${k})`;
          copy = clone(s, name);
          if (position === 'End' || position === 'None') sheets.push(copy);
          else sheets.unshift(copy);
        });
        return worksheet(() => {
          if (!copy) throw new Error('the copy does not exist yet');
          return live(copy);
        }, `copy of ${desc}`);
      },
      charts: {
        add: (type: string, source: Excel.Range, seriesBy?: string) => {
          const chart: Record<string, unknown> = {};
          act({ call: 'charts.add', on: desc, type, source: describe(source), seriesBy }, () => {
            Object.assign(chart, { type, source: describe(source), seriesBy });
            sheetOf().charts.push(chart);
          });
          return recorder(`${desc}.chart`, {
            set: (path, value) => act({ set: path, on: `${desc}.chart`, value }, () => void (chart[path] = value)),
            call: (path, args) => act({ call: path, on: `${desc}.chart`, args: args.map(describe) }, () => void (chart[path] = args.map(describe))),
          });
        },
      },
      pageLayout: readable(
        recorder(`${desc}.pageLayout`, {
          set: (path, value) => act({ set: path, on: `${desc}.pageLayout`, value }, () => void (sheetOf().page[path] = value)),
          call: (path, args) => {
            const key = path === 'setPrintArea' ? 'printArea' : path === 'setPrintTitleRows' ? 'printTitleRows' : path;
            act({ call: path, on: `${desc}.pageLayout`, args: args.map(describe) }, () => void (sheetOf().page[key] = args.map(describe).join(',')));
          },
        }),
        new Loadable(() => ({ zoom: sheetOf().page.zoom ?? { scale: 100 } }), `${desc}.pageLayout`),
      ),
      notes: {
        add: (cell: Excel.Range | string, content: string) => {
          act({ call: 'notes.add', on: desc, cell: describe(cell), content }, () => {
            const s = sheetOf();
            const address = typeof cell === 'string' ? cell : rangeAddress((cell as unknown as Record<symbol, () => CellRange>)[RECT]());
            if (s.notes.has(address)) throw new Error(`InvalidArgument: ${address} already has a note`);
            s.notes.set(address, content);
          });
        },
        getItemOrNullObject: (key: string) => {
          const noteDesc = `${desc}.notes(${key})`;
          const note = new Loadable(
            () => {
              const content = sheetOf().notes.get(key);
              return content === undefined ? null : { content };
            },
            noteDesc,
            true,
          );
          act({ call: 'notes.getItemOrNullObject', on: desc, key });
          const noteTarget = {
            load: (props: string | string[]) => {
              note.load(props);
              return noteProxy;
            },
            get isNullObject() {
              return note.nullObject;
            },
            set content(v: string) {
              act({ set: 'content', on: noteDesc, value: v }, () => void sheetOf().notes.set(key, v));
            },
            delete: () => act({ call: 'delete', on: noteDesc }, () => void sheetOf().notes.delete(key)),
          };
          const noteProxy: unknown = loaded(noteTarget, note);
          return noteProxy;
        },
      },
    };
    const proxy = loaded(target, loadable) as unknown as Excel.Worksheet;
    return proxy;
  }

  let items: Excel.Worksheet[] | undefined;
  const collection = {
    load: (props: string) => {
      const wanted = props.split(',').map((p) => p.trim().replace(/^items\//, ''));
      act({ load: props, on: 'worksheets' });
      items = undefined;
      pending.add({
        resolve: async () => {
          const list = sheets.map((s) => worksheet(() => live(s), `worksheet ${s.name}`));
          let size = 0;
          for (const ws of list) {
            const loadable = (ws as unknown as Record<symbol, Loadable>)[LOADABLE];
            loadable.want(wanted);
            size += await loadable.resolve();
          }
          items = list;
          return size;
        },
      });
    },
    get items() {
      return items ?? NOT_LOADED;
    },
    getItem: (name: string) => worksheet(named(name), `worksheet ${name}`),
    getItemOrNullObject: (name: string) => worksheet(named(name), `worksheet ${name}`, true),
    add: (name: string) => {
      const s = emptySheet(name);
      act({ call: 'worksheets.add', name }, () => {
        if (find(name)) throw new Error(`InvalidArgument: a worksheet named “${name}” exists`);
        if (!validName(name)) throw new Error(`InvalidArgument: “${name}” is not a valid worksheet name`);
        sheets.push(s);
      });
      return worksheet(() => live(s), `worksheet ${name} (new)`);
    },
  };

  const application = new Loadable(() => ({ calculationMode: state.calculationMode }), 'application');
  const context = {
    workbook: { worksheets: collection },
    application: loaded(
      {
        load: (props: string) => void application.load(props),
        suspendApiCalculationUntilNextSync: () => act({ call: 'suspendApiCalculationUntilNextSync' }, () => void (suspended = true)),
        calculate: (type: string) => act({ call: 'calculate', type }, () => void state.calculations.push(type)),
      },
      application,
    ),
    sync,
  };

  return {
    run: (batch) => batch(context as unknown as Excel.RequestContext),
    context,
    sheets,
    sheet: (name) => {
      const s = find(name);
      if (!s) throw new Error(`no sheet ${name}`);
      return s;
    },
    syncs,
    selection,
    state,
    grid: (name) => {
      const s = find(name);
      if (!s) throw new Error(`no sheet ${name}`);
      return toGrid(s);
    },
  };
}

// ——— Helpers ———

const DESC = Symbol('desc');
const RECT = Symbol('rect');
const LOADABLE = Symbol('loadable');

/** An object whose loadable properties read through `loadable`, with its own members (setters, methods) first. */
function loaded(target: Record<string | symbol, unknown>, loadable: { get(prop: string): unknown }): unknown {
  target[LOADABLE] = loadable;
  return new Proxy(target, {
    get: (t, key) => {
      // Own members first; a property the object only lets one set (values, name …) reads as loaded.
      const own = Object.getOwnPropertyDescriptor(t, key);
      if (own && (own.get || !own.set)) return own.get ? own.get.call(t) : own.value;
      return typeof key === 'string' ? loadable.get(key) : undefined;
    },
    set: (t, key, value) => {
      const own = Object.getOwnPropertyDescriptor(t, key);
      if (!own?.set) throw new Error(`the fake cannot set ${String(key)}`);
      own.set.call(t, value);
      return true;
    },
  });
}

/** A recorder whose properties can also be loaded and read back (pageLayout.zoom, format.columnWidth): load() asks, a read after the sync answers. */
function readable(rec: never, loadable: { load(props: string | string[]): void; get(prop: string): unknown; requested: Set<string> }): never {
  return new Proxy(rec as object, {
    get: (t, key) => {
      if (key === 'load') return (props: string | string[]) => loadable.load(props);
      if (typeof key === 'string' && loadable.requested.has(key)) return loadable.get(key);
      return Reflect.get(t, key);
    },
  }) as never;
}

/** A chain of property sets and calls (chart.title.text = …, borders.getItem('EdgeTop').style = …), reported by path. */
function recorder(desc: string, on: { set: (path: string, value: unknown) => void; call?: (path: string, args: unknown[]) => void }, path: string[] = []): never {
  const join = (key: string) => [...path, key].join('.');
  const callable: (...args: unknown[]) => unknown = () => undefined;
  return new Proxy(callable, {
    get: (_t, key) => (typeof key === 'symbol' ? undefined : recorder(desc, on, [...path, key])),
    set: (_t, key, value) => {
      on.set(join(String(key)), value);
      return true;
    },
    apply: (_t, _this, args: unknown[]) => {
      const name = path[path.length - 1];
      const callPath = [...path.slice(0, -1), `${name}(${args.map(describe).join(',')})`];
      if (on.call && !/^get/.test(name)) on.call(path.join('.'), args);
      return recorder(desc, on, callPath);
    },
  }) as unknown as never;
}

function describe(x: unknown): unknown {
  if (x && (typeof x === 'object' || typeof x === 'function') && DESC in (x as object)) {
    const rect = (x as Record<symbol, () => CellRange>)[RECT]();
    return rangeAddress(rect);
  }
  return x;
}

function safeName(s: () => MockSheet): string {
  try {
    return s().name;
  } catch {
    return '?';
  }
}

function fromGrid(g: Grid, visibility: MockSheet['visibility']): MockSheet {
  const s = emptySheet(g.name);
  s.visibility = visibility;
  g.rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && s.cells.set(a1(r, c), { value: v })));
  for (const [address, formula] of Object.entries(g.formulas ?? {})) cellAt(s, address).formula = formula;
  s.merges = g.merges.map((m) => ({ ...m }));
  s.hiddenRows = new Set(g.hiddenRows);
  return s;
}

function emptySheet(name: string): MockSheet {
  return { name, visibility: 'Visible', cells: new Map(), merges: [], hiddenRows: new Set(), columnWidths: new Map(), rowHeights: new Map(), page: {}, charts: [], notes: new Map() };
}

function clone(s: MockSheet, name: string): MockSheet {
  return {
    ...s,
    name,
    cells: new Map([...s.cells].map(([k, c]) => [k, { ...c, style: c.style && { ...c.style } }])),
    merges: s.merges.map((m) => ({ ...m })),
    hiddenRows: new Set(s.hiddenRows),
    columnWidths: new Map(s.columnWidths),
    rowHeights: new Map(s.rowHeights),
    page: { ...s.page },
    charts: [],
    notes: new Map(s.notes),
  };
}

function cellAt(s: MockSheet, address: string): MockCell {
  let c = s.cells.get(address);
  if (!c) s.cells.set(address, (c = { value: null }));
  return c;
}

/** Drops a cell that holds nothing any more. */
function tidy(s: MockSheet, address: string): void {
  const c = s.cells.get(address);
  if (c && c.value === null && c.formula === undefined && c.numFmt === undefined && !c.style) s.cells.delete(address);
}

function toGrid(s: MockSheet): Grid {
  const rows: CellValue[][] = [];
  const formulas: Record<string, string> = {};
  for (const [address, c] of s.cells) {
    const { row, col } = parseA1(address);
    if (c.formula !== undefined) formulas[address] = c.formula;
    if (c.value === null) continue;
    while (rows.length <= row) rows.push([]);
    while (rows[row].length < col) rows[row].push(null);
    rows[row][col] = c.value;
  }
  return { name: s.name, rows, merges: s.merges.map((m) => ({ ...m })), hiddenRows: [...s.hiddenRows].sort((a, b) => a - b), formulas };
}

function usedRange(s: MockSheet, valuesOnly: boolean): CellRange | null {
  let r: CellRange | null = null;
  for (const [address, c] of s.cells) {
    if (valuesOnly && c.value === null && c.formula === undefined) continue;
    const { row, col } = parseA1(address);
    r = r ? { top: Math.min(r.top, row), left: Math.min(r.left, col), bottom: Math.max(r.bottom, row), right: Math.max(r.right, col) } : { top: row, left: col, bottom: row, right: col };
  }
  return r;
}

/** What Excel returns for a range: values, formulas, value types, its place, and whether its rows are hidden. */
function snapshot(s: MockSheet, r: CellRange): Record<string, unknown> {
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  if (rows * cols > 5_000_000) throw new Error('the fake reads at most 5,000,000 cells at once');
  const values: unknown[][] = [];
  const formulas: unknown[][] = [];
  const valueTypes: string[][] = [];
  const numberFormat: string[][] = [];
  for (let i = r.top; i <= r.bottom; i++) {
    const vr: unknown[] = [];
    const fr: unknown[] = [];
    const tr: string[] = [];
    const nr: string[] = [];
    for (let j = r.left; j <= r.right; j++) {
      const c = s.cells.get(a1(i, j));
      const v = c?.value ?? null;
      const error = typeof v === 'object' && v !== null ? v.error : undefined;
      const plain = v === null ? '' : error ?? v;
      vr.push(plain);
      fr.push(c?.formula !== undefined ? `=${c.formula}` : plain);
      tr.push(v === null ? 'Empty' : error ? 'Error' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String');
      nr.push(c?.numFmt ?? 'General');
    }
    values.push(vr);
    formulas.push(fr);
    valueTypes.push(tr);
    numberFormat.push(nr);
  }
  let hidden = 0;
  for (let i = r.top; i <= r.bottom; i++) if (s.hiddenRows.has(i)) hidden++;
  return {
    address: `${quoted(s.name)}!${rangeAddress(r)}`,
    rowIndex: r.top,
    columnIndex: r.left,
    rowCount: rows,
    columnCount: cols,
    values,
    formulas,
    valueTypes,
    numberFormat,
    rowHidden: hidden === 0 ? false : hidden === rows ? true : null,
  };
}

/** Format properties set on a range: widths and heights on its columns and rows, the rest on each cell. */
function formatRange(s: MockSheet, r: CellRange, path: string, value: unknown): void {
  if (path === 'columnWidth') {
    for (let c = r.left; c <= r.right; c++) s.columnWidths.set(c, value as number);
    return;
  }
  if (path === 'rowHeight') {
    for (let row = r.top; row <= Math.min(r.bottom, r.top + 10_000); row++) s.rowHeights.set(row, value as number);
    return;
  }
  if (path === 'rowHidden') {
    for (let row = r.top; row <= r.bottom; row++) if (value) s.hiddenRows.add(row);
    else s.hiddenRows.delete(row);
    return;
  }
  if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > 1_000_000) throw new Error(`the fake formats at most 1,000,000 cells at once (${path})`);
  for (let i = r.top; i <= r.bottom; i++) {
    for (let j = r.left; j <= r.right; j++) {
      const c = cellAt(s, a1(i, j));
      c.style = { ...c.style, [path]: value };
    }
  }
}

const ERRORS = new Set(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NULL!', '#NUM!']);

/** A value written as Excel takes it: as if typed. undefined: the cell is left as it is (a null in the array). */
function asTyped(v: unknown): { value: CellValue; formula?: string } | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  const s = String(v);
  if (s === '') return { value: null };
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (s.startsWith('=') && s.length > 1) return { value: null, formula: s.slice(1) };
  if (/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(s)) return { value: Number(s) };
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === 'true' };
  if (ERRORS.has(s.toUpperCase())) return { value: { error: s.toUpperCase() } };
  return { value: s };
}

function parseAddress(address: string): CellRange {
  const ref = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '').toUpperCase();
  const [from, to = from] = ref.split(':');
  const end = (x: string, first: boolean) => {
    if (/^[A-Z]+$/.test(x)) return { row: first ? 0 : LAST_ROW, col: parseA1(`${x}1`).col };
    if (/^\d+$/.test(x)) return { row: Number(x) - 1, col: first ? 0 : LAST_COL };
    return parseA1(x);
  };
  const a = end(from, true);
  const b = end(to, false);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function rangeAddress(r: CellRange): string {
  if (r.top === 0 && r.bottom === LAST_ROW) return `${columnLetters(r.left)}:${columnLetters(r.right)}`;
  if (r.left === 0 && r.right === LAST_COL) return `${r.top + 1}:${r.bottom + 1}`;
  const from = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? from : `${from}:${a1(r.bottom, r.right)}`;
}

function quoted(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function validName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

/** UTF-8 bytes of a value's JSON. */
export function bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}
