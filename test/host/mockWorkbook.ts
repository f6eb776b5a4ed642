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
 * Its parts: mock/sheetModel.ts (what a sheet holds), mock/proxies.ts (loads, syncs, proxies),
 * mock/range.ts and mock/worksheet.ts (the objects the host calls); here the workbook, its
 * worksheet collection, the application and the sync.
 */
import type { ExcelRunner } from '../../src/host/officeHost';
import type { Grid } from '../../src/sheet/grid';
import { LOADABLE, Loadable, loaded, NOT_LOADED, type Action, type MockCore, type Resolvable } from './mock/proxies';
import { bytes, emptySheet, fromGrid, toGrid, validName, type MockSheet } from './mock/sheetModel';
import { worksheet } from './mock/worksheet';

export { NOT_LOADED } from './mock/proxies';
export { bytes, type MockCell, type MockSheet } from './mock/sheetModel';

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

/** A fake Excel holding these sheets. `hidden` names sheets that are hidden; `veryHidden` very hidden. */
export function mockWorkbook(grids: Grid[], options: { hidden?: string[]; veryHidden?: string[]; calculationMode?: 'Automatic' | 'Manual' } = {}): MockWorkbook {
  const sheets: MockSheet[] = grids.map((g) => fromGrid(g, options.hidden?.includes(g.name) ? 'Hidden' : options.veryHidden?.includes(g.name) ? 'VeryHidden' : 'Visible'));
  let queue: Action[] = [];
  const syncs: SyncRecord[] = [];
  const state = { calculationMode: options.calculationMode ?? 'Automatic', calculations: [] as string[] };
  const core: MockCore = {
    sheets,
    act: (desc, run) => void queue.push({ desc, run }),
    pending: new Set<Resolvable>(),
    find: (name) => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()),
    live: (s) => {
      if (!sheets.includes(s)) throw new Error(`ItemNotFound: the worksheet “${s.name}” was deleted`);
      return s;
    },
    selection: { active: null, selected: null },
    written: 0,
    suspended: false,
  };
  const { act, find, live } = core;
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

  const sync = async () => {
    const actions = queue;
    const reads = core.pending;
    queue = [];
    core.pending = new Set();
    const record: SyncRecord = { request: bytes(actions.map((a) => a.desc)), response: 0, values: 0, actions: actions.length, suspended: false };
    core.written = 0;
    core.suspended = false;
    syncs.push(record);
    try {
      for (const a of actions) a.run?.();
      for (const r of reads) record.response += await r.resolve();
    } finally {
      record.values = core.written;
      record.suspended = core.suspended;
    }
    // office-addin-mock updates some properties a microtask after its sync.
    // (setImmediate where there is one: jsdom, for the pane's tests, has only setTimeout.)
    await new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
  };

  let items: Excel.Worksheet[] | undefined;
  const collection = {
    load: (props: string) => {
      const wanted = props.split(',').map((p) => p.trim().replace(/^items\//, ''));
      act({ load: props, on: 'worksheets' });
      items = undefined;
      core.pending.add({
        resolve: async () => {
          const list = sheets.map((s) => worksheet(core, () => live(s), `worksheet ${s.name}`));
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
    getItem: (name: string) => worksheet(core, named(name), `worksheet ${name}`),
    getItemOrNullObject: (name: string) => worksheet(core, named(name), `worksheet ${name}`, true),
    add: (name: string) => {
      const s = emptySheet(name);
      act({ call: 'worksheets.add', name }, () => {
        if (find(name)) throw new Error(`InvalidArgument: a worksheet named “${name}” exists`);
        if (!validName(name)) throw new Error(`InvalidArgument: “${name}” is not a valid worksheet name`);
        sheets.push(s);
      });
      return worksheet(core, () => live(s), `worksheet ${name} (new)`);
    },
  };

  const application = new Loadable(core, () => ({ calculationMode: state.calculationMode }), 'application');
  const context = {
    workbook: { worksheets: collection },
    application: loaded(
      {
        load: (props: string) => void application.load(props),
        suspendApiCalculationUntilNextSync: () => act({ call: 'suspendApiCalculationUntilNextSync' }, () => void (core.suspended = true)),
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
    selection: core.selection,
    state,
    grid: (name) => {
      const s = find(name);
      if (!s) throw new Error(`no sheet ${name}`);
      return toGrid(s);
    },
  };
}
