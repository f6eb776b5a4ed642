/**
 * The fake workbook's Worksheet (test/host/mockWorkbook.ts): name, position, visibility, delete,
 * ranges, the used range, copy, charts, page layout and notes.
 */
import { describe, Loadable, loaded, readable, recorder, type MockCore } from './proxies';
import { noteCollection } from './notes';
import { range } from './range';
import { clone, formatRange, parseAddress, safeName, usedRange, validName, type MockSheet } from './sheetModel';

const rangeDesc = (s: () => MockSheet, where: string) => `range ${where} of ${safeName(s)}`;

export function worksheet(core: MockCore, sheetOf: () => MockSheet, desc: string, nullable = false): Excel.Worksheet {
  const loadable = new Loadable(
    core,
    () => {
      let s: MockSheet;
      try {
        s = sheetOf();
      } catch (e) {
        if (nullable) return null;
        throw e;
      }
      return { name: s.name, position: core.sheets.indexOf(s), visibility: s.visibility };
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
      core.act({ set: 'name', on: desc, value: name }, () => {
        const s = sheetOf();
        const other = core.find(name);
        if (other && other !== s) throw new Error(`InvalidArgument: a worksheet named “${name}” exists`);
        if (!validName(name)) throw new Error(`InvalidArgument: “${name}” is not a valid worksheet name`);
        s.name = name;
      });
    },
    set position(p: number) {
      core.act({ set: 'position', on: desc, value: p }, () => {
        const s = sheetOf();
        core.sheets.splice(core.sheets.indexOf(s), 1);
        core.sheets.splice(p, 0, s);
      });
    },
    set visibility(v: MockSheet['visibility']) {
      core.act({ set: 'visibility', on: desc, value: v }, () => {
        const s = sheetOf();
        if (v !== 'Visible' && core.sheets.every((x) => x === s || x.visibility !== 'Visible')) throw new Error('InvalidOperation: the last visible worksheet cannot be hidden');
        s.visibility = v;
      });
    },
    activate: () => core.act({ call: 'activate', on: desc }, () => void (core.selection.active = sheetOf().name)),
    delete: () => {
      core.act({ call: 'delete', on: desc }, () => {
        const s = sheetOf();
        if (s.visibility === 'Visible' && core.sheets.every((x) => x === s || x.visibility !== 'Visible')) throw new Error('InvalidOperation: the last visible worksheet cannot be deleted');
        if (s.visibility === 'VeryHidden') throw new Error('InvalidOperation: a very hidden worksheet cannot be deleted');
        core.sheets.splice(core.sheets.indexOf(s), 1);
      });
    },
    getRange: (address: string) => range(core, sheetOf, () => parseAddress(address), rangeDesc(sheetOf, address)),
    getRangeByIndexes: (row: number, col: number, rows: number, cols: number) =>
      range(core, sheetOf, () => ({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }), rangeDesc(sheetOf, `R${row}C${col}:${rows}x${cols}`)),
    getRanges: (address: string) => {
      const parts = address.split(',').map((a) => a.trim());
      const areasDesc = rangeDesc(sheetOf, address);
      core.act({ call: 'getRanges', on: desc, address });
      const target = {
        untrack: () => target,
        format: recorder(`${areasDesc}.format`, {
          set: (path, value) => {
            core.act({ set: `format.${path}`, on: areasDesc, value }, () => {
              for (const part of parts) formatRange(sheetOf(), parseAddress(part), path, value);
            });
          },
        }),
      };
      return target;
    },
    getUsedRangeOrNullObject: (valuesOnly = false) => {
      core.act({ call: 'getUsedRangeOrNullObject', on: desc, valuesOnly });
      return range(core, sheetOf, () => usedRange(sheetOf(), valuesOnly), `${desc}.usedRange`, true);
    },
    copy: (position: string = 'None') => {
      let copy: MockSheet | undefined;
      core.act({ call: 'copy', on: desc, position }, () => {
        const s = sheetOf();
        let name = `${s.name} (2)`;
        for (let k = 3; core.find(name); k++) name = `${s.name} (${k})`;
        copy = clone(s, name);
        if (position === 'End' || position === 'None') core.sheets.push(copy);
        else core.sheets.unshift(copy);
      });
      return worksheet(core, () => {
        if (!copy) throw new Error('the copy does not exist yet');
        return core.live(copy);
      }, `copy of ${desc}`);
    },
    charts: {
      add: (type: string, source: Excel.Range, seriesBy?: string) => {
        const chart: Record<string, unknown> = {};
        core.act({ call: 'charts.add', on: desc, type, source: describe(source), seriesBy }, () => {
          Object.assign(chart, { type, source: describe(source), seriesBy });
          sheetOf().charts.push(chart);
        });
        return recorder(`${desc}.chart`, {
          set: (path, value) => core.act({ set: path, on: `${desc}.chart`, value }, () => void (chart[path] = value)),
          call: (path, args) => core.act({ call: path, on: `${desc}.chart`, args: args.map(describe) }, () => void (chart[path] = args.map(describe))),
        });
      },
    },
    pageLayout: readable(
      recorder(`${desc}.pageLayout`, {
        set: (path, value) => core.act({ set: path, on: `${desc}.pageLayout`, value }, () => void (sheetOf().page[path] = value)),
        call: (path, args) => {
          const key = path === 'setPrintArea' ? 'printArea' : path === 'setPrintTitleRows' ? 'printTitleRows' : path;
          core.act({ call: path, on: `${desc}.pageLayout`, args: args.map(describe) }, () => void (sheetOf().page[key] = args.map(describe).join(',')));
        },
      }),
      new Loadable(core, () => ({ zoom: sheetOf().page.zoom ?? { scale: 100 } }), `${desc}.pageLayout`),
    ),
    notes: noteCollection(core, sheetOf, desc),
  };
  const proxy = loaded(target, loadable) as unknown as Excel.Worksheet;
  return proxy;
}
