/**
 * The fake workbook's Range (test/host/mockWorkbook.ts): loads (values, formulas, value types,
 * place, rowHidden), writes taken as if typed, formats, merges, rows, bounding rectangles and
 * merged areas (RangeAreas with their areas as numbers).
 */
import { a1, type CellRange } from '../../../src/sheet/grid';
import { DESC, Loadable, loaded, NOT_LOADED, RECT, readable, recorder, describe, type MockCore } from './proxies';
import { asTyped, bytes, cellAt, formatRange, MERGED_AREAS_LIMIT, overlaps, quoted, rangeAddress, snapshot, tidy, type MockSheet } from './sheetModel';


export function range(core: MockCore, sheetOf: () => MockSheet, where: () => CellRange | null, desc: string, nullable = false): Excel.Range {
  const loadable = new Loadable(
    core,
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
    core.act({ set: kind, on: desc, value: input }, () => {
      const s = sheetOf();
      const r = rect();
      if (!Array.isArray(input) || input.length !== r.bottom - r.top + 1 || input.some((row) => !Array.isArray(row) || row.length !== r.right - r.left + 1)) {
        throw new Error(`InvalidArgument: the ${kind} array does not match the size of ${desc}`);
      }
      if (kind !== 'numberFormat') core.written += bytes(input);
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
      core.act({ set: 'rowHidden', on: desc, value: v }, () => formatRange(sheetOf(), rect(), 'rowHidden', v));
    },
    get isNullObject() {
      return loadable.nullObject;
    },
    // Office.js only: no _KeepReference for this range. Nothing for Excel (or the fake) to do.
    untrack: () => proxy,
    format: readable(
      recorder(`${desc}.format`, {
        set: (path, value) => {
          core.act({ set: `format.${path}`, on: desc, value }, () => formatRange(sheetOf(), rect(), path, value));
        },
        call: (path, args) => {
          // autofitColumns: as wide as the longest text, by Excel's rule for the default font (7-px digits, 5 px padding).
          if (path !== 'autofitColumns') return;
          core.act({ call: path, on: `${desc}.format`, args }, () => {
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
      new Loadable(core, () => ({ columnWidth: sheetOf().columnWidths.get(rect().left) ?? 48 }), `${desc}.format`),
    ),
    select: () => core.act({ call: 'select', on: desc }, () => void (core.selection.selected = `${sheetOf().name}!${rangeAddress(rect())}`)),
    merge: (across = false) => {
      core.act({ call: 'merge', on: desc, across }, () => {
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
      range(core, 
        sheetOf,
        () => {
          const a = rect();
          const b = (other as unknown as Record<symbol, () => CellRange>)[RECT]();
          return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
        },
        `${desc}.getBoundingRect(${describe(other)})`,
      ),
    getRow: (i: number) => range(core, sheetOf, () => ({ ...rect(), top: rect().top + i, bottom: rect().top + i }), `${desc}.getRow(${i})`),
    getMergedAreasOrNullObject: () => {
      const areasDesc = `${desc}.getMergedAreasOrNullObject()`;
      const areas = new Loadable(
        core,
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
      core.act({ call: 'getMergedAreasOrNullObject', on: desc });
      // RangeAreas.areas: each merged area's place, as numbers.
      let areaItems: unknown[] | undefined;
      const areaList = {
        load: (props: string) => {
          core.act({ load: props, on: `${areasDesc}.areas` });
          areaItems = undefined;
          core.pending.add({
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
