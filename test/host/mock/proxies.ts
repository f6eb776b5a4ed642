/**
 * The fake workbook's Office.js-like plumbing (test/host/mockWorkbook.ts): the queue of actions
 * and reads a sync runs (MockCore), properties that read as Office.js's sentinel until loaded and
 * synced (Loadable, on office-addin-mock), proxies over them, and recorders for chains of sets.
 */
import { OfficeMockObject } from 'office-addin-mock';
import type { CellRange } from '../../../src/sheet/grid';
import { bytes, rangeAddress, type MockSheet } from './sheetModel';

export const NOT_LOADED = 'Error, property was not loaded';
const NOT_SYNCED = 'Error, context.sync() was not called';

export interface Action {
  desc: unknown;
  run?: () => void;
}

export interface Resolvable {
  resolve(): Promise<number>;
}

/** What the workbook's parts share: its sheets, the queue of the next sync, what that sync wrote. */
export interface MockCore {
  sheets: MockSheet[];
  /** Queues an action: recorded in the request, run at the next sync. */
  act(desc: unknown, run?: () => void): void;
  /** Reads answered at the next sync. */
  pending: Set<Resolvable>;
  /** A sheet by name, case-insensitive. */
  find(name: string): MockSheet | undefined;
  /** The sheet, or ItemNotFound once it has been deleted. */
  live(s: MockSheet): MockSheet;
  selection: { active: string | null; selected: string | null };
  /** UTF-8 bytes of values and formulas written in the running sync. */
  written: number;
  /** Whether the running sync suspended calculation. */
  suspended: boolean;
}

/** Properties loaded on an object: the mock's sentinel until load() and sync(), the values after. */
export class Loadable implements Resolvable {
  readonly requested = new Set<string>();
  private mock?: Record<string, unknown>;
  private isNull?: boolean;
  constructor(
    private readonly core: MockCore,
    private readonly snapshot: () => Record<string, unknown> | null,
    private readonly desc: string,
    nullable = false,
  ) {
    // An *OrNullObject result says whether it exists after the next sync, loaded or not.
    if (nullable) core.pending.add(this);
  }
  /** Asks for properties: they are there after the next sync. */
  load(props: string | string[]) {
    this.want(props);
    this.core.pending.add(this);
    this.core.act({ load: props, on: this.desc });
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

export const DESC = Symbol('desc');
export const RECT = Symbol('rect');
export const LOADABLE = Symbol('loadable');

/** An object whose loadable properties read through `loadable`, with its own members (setters, methods) first. */
export function loaded(target: Record<string | symbol, unknown>, loadable: { get(prop: string): unknown }): unknown {
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
export function readable(rec: never, loadable: { load(props: string | string[]): void; get(prop: string): unknown; requested: Set<string> }): never {
  return new Proxy(rec as object, {
    get: (t, key) => {
      if (key === 'load') return (props: string | string[]) => loadable.load(props);
      if (typeof key === 'string' && loadable.requested.has(key)) return loadable.get(key);
      return Reflect.get(t, key);
    },
  }) as never;
}

/** A chain of property sets and calls (chart.title.text = …, borders.getItem('EdgeTop').style = …), reported by path. */
export function recorder(desc: string, on: { set: (path: string, value: unknown) => void; call?: (path: string, args: unknown[]) => void }, path: string[] = []): never {
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

export function describe(x: unknown): unknown {
  if (x && (typeof x === 'object' || typeof x === 'function') && DESC in (x as object)) {
    const rect = (x as Record<symbol, () => CellRange>)[RECT]();
    return rangeAddress(rect);
  }
  return x;
}
