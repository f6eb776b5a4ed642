/**
 * The real Office.js client in front of the fake workbook: Excel.run, the proxies, the object
 * paths, the _KeepReference of every range and the JSON request are Microsoft's own code
 * (`@microsoft/office-js`, the Excel on the web library, loaded into a jsdom window); only the
 * far end — what Excel itself does with a request — is test/host/mockWorkbook.ts, driven through
 * the same calls the host would make on it.
 *
 * Every request and response is recorded in UTF-8 bytes as Office.js sends and parses it: this is
 * what Excel on the web's 5 MB limit applies to (the transport wraps it in a small envelope).
 *
 * What it cannot tell: Excel's own response for instantiate actions (answered here with the
 * reference id Excel gives a kept object, or nothing), its limits other than size, its timings.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { JSDOM } from 'jsdom';
import type { ExcelRunner } from '../../src/host/officeHost';
import type { Grid } from '../../src/sheet/grid';
import { mockWorkbook, type MockSheet, type MockWorkbook } from './mockWorkbook';

/** One round trip as Office.js made it. */
export interface WireRecord {
  /** UTF-8 bytes of the request body's JSON, as Office.js serialises it. */
  request: number;
  /** UTF-8 bytes of the response body's JSON. */
  response: number;
  actions: number;
  objectPaths: number;
}

export interface OfficeJsWorkbook {
  /** Excel.run of the real Office.js, against the fake workbook. */
  run: ExcelRunner;
  book: MockWorkbook;
  wire: WireRecord[];
  /** The last request body, for a test to look into. */
  lastRequest(): RequestBody | undefined;
  /** Office.js's globals in its window (OfficeExtension.Error …). */
  window: OfficeWindow;
}

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: (number | null)[] };
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: (number | null)[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

type OfficeWindow = Window & { Excel: typeof Excel; OfficeExtension: typeof OfficeExtension & { ClientRequestContext: { prototype: Record<string, unknown> } } };

const libraries = new Map<boolean, string>();
/** Where the library defines Worksheet.comments: Worksheet.notes goes just before it. */
const COMMENTS_GETTER = 'Object.defineProperty(Worksheet.prototype, "comments", {';
/**
 * Worksheet.notes (ExcelApi 1.18), which the package's library predates, built as the library builds
 * Worksheet.comments: a "Notes" property path to a collection whose items are named by getItemAt(i)
 * and have `content` and getLocation() (a method path to a Range) — the same object paths, actions
 * and queries as a NoteCollection of the current library, so a request reading notes is measured
 * with Office.js's own builder. (The item class is Comment: its other members are never called.)
 */
const NOTES_GETTER =
  'Object.defineProperty(Worksheet.prototype, "notes", { get: function () { if (!this.m_kaoheNotes) { this.m_kaoheNotes = _createPropertyObject(Excel.CommentCollection, this, "Notes", true, 4); } return this.m_kaoheNotes; }, enumerable: true, configurable: true });\n';

/** The Excel on the web library of @microsoft/office-js: the newest Excel client the package ships; with `notes`, Worksheet.notes added. */
function officeJsSource(notes: boolean): string {
  let library = libraries.get(notes);
  if (library === undefined) {
    const source = readFileSync(path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist', 'excel-web-16.00.debug.js'), 'utf8');
    if (notes && source.split(COMMENTS_GETTER).length !== 2) throw new Error('officeJsBridge: the library no longer defines Worksheet.comments as expected; Worksheet.notes cannot be added');
    library = notes ? source.replace(COMMENTS_GETTER, NOTES_GETTER + COMMENTS_GETTER) : source;
    libraries.set(notes, library);
  }
  return library;
}

const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;
const PATH = { global: 1, method: 3, property: 4, indexer: 5, referenceId: 6, nullObject: 7 } as const;

const lcfirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const ucfirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const utf8 = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

/** The fake workbook holding these sheets, behind the real Office.js client; `notesApi`: with Worksheet.notes (see NOTES_GETTER). */
export function officeJsWorkbook(grids: Grid[], options: Parameters<typeof mockWorkbook>[1] & { notesApi?: boolean } = {}): OfficeJsWorkbook {
  const book = mockWorkbook(grids, options);
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { runScripts: 'outside-only', url: 'https://kaohe.test/' });
  const window = dom.window as unknown as OfficeWindow;
  (dom.window as unknown as { eval(s: string): void }).eval(officeJsSource(options.notesApi ?? false));
  const wire: WireRecord[] = [];
  let last: RequestBody | undefined;

  // Excel's side of the conversation: object paths resolved on the fake, actions replayed in order.
  // Object ids are per request context (each Excel.run starts again at 1).
  let objects = new Map<number, unknown>();
  const references = new Map<string, unknown>();
  let referenceCount = 0;
  const sheetIds = new Map<string, MockSheet>();
  const idOf = (sheet: MockSheet) => {
    for (const [id, s] of sheetIds) if (s === sheet) return id;
    const id = `{00000000-0001-0000-${String(sheetIds.size).padStart(4, '0')}-000000000000}`;
    sheetIds.set(id, sheet);
    return id;
  };
  const root = { worksheets: book.context.workbook.worksheets, application: book.context.application };

  const resolve = (body: RequestBody, id: number): unknown => {
    if (objects.has(id)) return objects.get(id);
    const info = body.ObjectPaths[String(id)];
    if (!info) throw new Error(`the request names object path ${id} without sending it`);
    let object: unknown;
    const args = () => argumentsOf(body, info.ArgumentInfo);
    const parent = () => resolve(body, info.ParentObjectPathId as number) as Record<string, unknown>;
    switch (info.ObjectPathType) {
      case PATH.global:
        object = root;
        break;
      case PATH.property:
        object = parent()[lcfirst(info.Name)];
        break;
      case PATH.method: {
        const method = parent()[lcfirst(info.Name)];
        if (typeof method !== 'function') throw new Error(`the fake has no method ${info.Name}`);
        object = (method as (...a: unknown[]) => unknown)(...args());
        break;
      }
      case PATH.indexer: {
        // A worksheet's id, as Excel gives it with each item of a loaded collection, names the sheet it was given for.
        const a = args();
        const sheet = typeof a[0] === 'string' ? sheetIds.get(a[0]) : undefined;
        object = (parent().getItem as (...a: unknown[]) => unknown)(...(sheet ? [sheet.name] : a));
        break;
      }
      case PATH.referenceId:
        if (!references.has(info.Name)) throw new Error(`unknown reference ${info.Name}`);
        object = references.get(info.Name);
        break;
      case PATH.nullObject:
        object = null;
        break;
      default:
        throw new Error(`object path type ${info.ObjectPathType} is not faked`);
    }
    if (object === undefined) throw new Error(`the fake has nothing for ${info.Name}`);
    objects.set(id, object);
    return object;
  };

  const argumentsOf = (body: RequestBody, info: ActionInfo['ArgumentInfo']): unknown[] =>
    (info?.Arguments ?? []).map((a, i) => {
      const ref = info?.ReferencedObjectPathIds?.[i];
      return ref ? resolve(body, ref) : a;
    });

  const execute = async (body: RequestBody) => {
    const results: { ActionId: number; Value: unknown }[] = [];
    const queries: { action: ActionInfo; object: Record<string, unknown> }[] = [];
    const instantiated: { action: ActionInfo; object: Record<string, unknown> }[] = [];
    const kept = new Set(body.Actions.filter((a) => a.ActionType === ACTION.method && a.Name === '_KeepReference').map((a) => a.ObjectPathId));
    // Object paths are re-sent by id in every request that uses them; an object bound once stays bound.
    for (const key of Object.keys(body.ObjectPaths)) if (body.ObjectPaths[key].ObjectPathType === PATH.referenceId) objects.delete(Number(key));
    let failure: Error | undefined;
    try {
      for (const action of body.Actions) {
        const object = resolve(body, action.ObjectPathId) as Record<string, unknown>;
        switch (action.ActionType) {
          case ACTION.instantiate:
            instantiated.push({ action, object });
            break;
          case ACTION.query: {
            const select = action.QueryInfo?.Select ?? [];
            // The fake's collections (worksheets, RangeAreas.areas) are plain objects with an items getter.
            const collection = Object.getOwnPropertyDescriptor(object ?? {}, 'items')?.get !== undefined;
            (object.load as (p: string) => void)(select.map((p) => (collection && p !== 'items' ? `items/${p}` : p)).join(','));
            queries.push({ action, object });
            break;
          }
          case ACTION.method:
            if (action.Name.startsWith('_')) break; // _KeepReference, _RemoveReference: bookkeeping, nothing to do on the fake.
            (object[lcfirst(action.Name)] as (...a: unknown[]) => unknown)(...argumentsOf(body, action.ArgumentInfo));
            break;
          case ACTION.setProperty:
            object[lcfirst(action.Name)] = argumentsOf(body, action.ArgumentInfo)[0];
            break;
          default:
            throw new Error(`action type ${action.ActionType} is not faked`);
        }
      }
      await book.context.sync();
    } catch (e) {
      failure = e as Error;
    }
    if (failure) {
      const code = /^(\w+):/.exec(failure.message)?.[1] ?? 'GeneralException';
      return { Error: { Code: code, Message: failure.message, HttpStatusCode: 400, ActionIndex: -1, Location: '' } };
    }
    for (const { action, object } of instantiated) {
      let isNull = false;
      try {
        isNull = object?.isNullObject === true;
      } catch {
        // Not an *OrNullObject: it exists.
      }
      if (isNull) results.push({ ActionId: action.Id, Value: null });
      else if (kept.has(action.ObjectPathId)) {
        // Excel's reference ids look like this one: a GUID and a counter.
        const id = `{4F2B6C1A-9E3D-4B7A-8C21-5D6E7F809A1B}{${++referenceCount}}`;
        references.set(id, object);
        results.push({ ActionId: action.Id, Value: { _ReferenceId: id } });
      }
    }
    for (const { action, object } of queries) {
      const select = action.QueryInfo?.Select ?? [];
      const items = (object as { items?: unknown }).items;
      let isNull = false;
      try {
        isNull = object.isNullObject === true;
      } catch {
        // not nullable
      }
      if (isNull) results.push({ ActionId: action.Id, Value: null });
      else if (Array.isArray(items)) {
        const value = (item: Record<string, unknown>) => {
          const sheet = book.sheets.find((s) => s.name === item.name);
          return { ...(sheet ? { _Id: idOf(sheet) } : {}), ...Object.fromEntries(select.map((p) => [ucfirst(p), item[p]])) };
        };
        results.push({ ActionId: action.Id, Value: { _Items: items.map(value) } });
      } else results.push({ ActionId: action.Id, Value: Object.fromEntries(select.map((p) => [ucfirst(p), object[p]])) });
    }
    return { Results: results };
  };

  const executor = (contextObjects: Map<number, unknown>) => ({
    executeAsync: async (_customData: unknown, _flags: number, message: { Body: RequestBody }) => {
      objects = contextObjects;
      last = message.Body;
      const requestBytes = utf8(message.Body);
      const body = await execute(message.Body);
      wire.push({ request: requestBytes, response: utf8(body), actions: message.Body.Actions.length, objectPaths: Object.keys(message.Body.ObjectPaths).length });
      return { HttpStatusCode: 200, ErrorCode: '', ErrorMessage: '', Headers: {}, Body: body };
    },
  });
  // Every context Excel.run makes talks to the executor above, as an Excel on the web document.
  window.OfficeExtension.ClientRequestContext.prototype.ensureRequestUrlAndHeaderInfo = function (this: Record<string, unknown>) {
    this.m_requestUrlAndHeaderInfo = { url: 'http://document.localhost/', headers: {} };
    this._requestExecutor ??= executor(new Map());
    return Promise.resolve();
  };

  const run: ExcelRunner = (batch) => window.Excel.run((context) => batch(context));
  return { run, book, wire, lastRequest: () => last, window };
}
