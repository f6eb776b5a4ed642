/**
 * The fake workbook's notes (ExcelApi 1.18): a worksheet's NoteCollection — add, getItemOrNullObject,
 * getItemAt, load('items/content') — and each Note: content (loaded or set), delete, getLocation()
 * (a Range on the note's cell). Notes are listed in the order they were added, as the sheet holds them.
 */
import type { CellRange } from '../../../src/sheet/grid';
import { describe, Loadable, loaded, NOT_LOADED, RECT, type MockCore } from './proxies';
import { range } from './range';
import { parseAddress, rangeAddress, type MockSheet } from './sheetModel';

/** Worksheet.notes of the sheet `sheetOf` finds; `desc` names that worksheet in the requests. */
export function noteCollection(core: MockCore, sheetOf: () => MockSheet, desc: string): Excel.NoteCollection {
  let items: unknown[] | undefined;
  /** The note on the cell `keyOf` gives (A1), as a proxy; a null object where `nullable` and there is none. */
  const note = (keyOf: () => string, noteDesc: string, nullable: boolean) => {
    const loadable = new Loadable(
      core,
      () => {
        const content = sheetOf().notes.get(keyOf());
        return content === undefined ? null : { content };
      },
      noteDesc,
      nullable,
    );
    const target = {
      load: (props: string | string[]) => {
        loadable.load(props);
        return proxy;
      },
      get isNullObject() {
        return loadable.nullObject;
      },
      set content(v: string) {
        core.act({ set: 'content', on: noteDesc, value: v }, () => void sheetOf().notes.set(keyOf(), v));
      },
      delete: () => core.act({ call: 'delete', on: noteDesc }, () => void sheetOf().notes.delete(keyOf())),
      getLocation: () => range(core, sheetOf, () => parseAddress(keyOf()), `${noteDesc}.getLocation()`),
    };
    const proxy: unknown = loaded(target, loadable);
    return { proxy, loadable };
  };
  const collection = {
    add: (cell: Excel.Range | string, content: string) => {
      core.act({ call: 'notes.add', on: desc, cell: describe(cell), content }, () => {
        const s = sheetOf();
        const address = typeof cell === 'string' ? cell : rangeAddress((cell as unknown as Record<symbol, () => CellRange>)[RECT]());
        if (s.notes.has(address)) throw new Error(`InvalidArgument: ${address} already has a note`);
        s.notes.set(address, content);
      });
    },
    getItemOrNullObject: (key: string) => {
      core.act({ call: 'notes.getItemOrNullObject', on: desc, key });
      return note(() => key, `${desc}.notes(${key})`, true).proxy;
    },
    /** Office.js names a loaded item that has no id by its place: getItemAt(i). */
    getItemAt: (index: number) => {
      const keyOf = () => {
        const key = [...sheetOf().notes.keys()][index];
        if (key === undefined) throw new Error(`ItemNotFound: ${desc} has no note ${index}`);
        return key;
      };
      return note(keyOf, `${desc}.notes.getItemAt(${index})`, false).proxy;
    },
    load: (props: string) => {
      const wanted = props.split(',').map((p) => p.trim().replace(/^items\//, ''));
      core.act({ load: props, on: `${desc}.notes` });
      items = undefined;
      core.pending.add({
        resolve: async () => {
          const keys = [...sheetOf().notes.keys()];
          const list = keys.map((key) => note(() => key, `${desc}.notes(${key})`, false));
          let size = 0;
          for (const n of list) {
            n.loadable.want(wanted);
            size += await n.loadable.resolve();
          }
          items = list.map((n) => n.proxy);
          return size;
        },
      });
      return collection;
    },
    get items() {
      return items ?? NOT_LOADED;
    },
  };
  return collection as unknown as Excel.NoteCollection;
}
