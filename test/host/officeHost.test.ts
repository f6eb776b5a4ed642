/**
 * The Office.js host on a workbook faked with office-addin-mock (mockWorkbook.ts): reads in a
 * constant number of round trips, values as Excel gives them (never the mock's "not loaded"
 * sentinel), writes only where a plan says, in batches under the request limit, and says what an
 * older Excel cannot do.
 *
 * Not testable here, only in Excel: whether Excel accepts each call as queued (the fake checks
 * sizes, names and merges, not every rule of Excel), formulas' results, how a chart or a printed
 * page looks, and Excel's real payload limits and timings.
 */
import { scoreAssessment, totalsPlan } from '../../src/app/scoreAssessment';
import type { CellWrite, SheetPlan, WritePlan } from '../../src/host/host';
import { cellInput, columnPoints, OfficeHost, rectangles, REQUEST_LIMIT } from '../../src/host/officeHost';
import { a1, grid, parseRange, type CellValue, type Grid } from '../../src/sheet/grid';
import { readScoreTables } from '../../src/sheet/readScoreTable';
import { ITEM_POINTS, seed003 } from '../support/seed003';
import { mockWorkbook, NOT_LOADED, type MockWorkbook } from './mockWorkbook';

/** Excel on the web refuses a request or a response over 5 MB. */
const EXCEL_WEB_LIMIT = 5 * 1024 * 1024;

const all = () => true;
const without = (...versions: string[]) => (v: string) => !versions.includes(v);

/** n unit sheets, each the seed 003 table with one item 1 point short (so totals differ). */
function unitSheets(n: number): Grid[] {
  return Array.from({ length: n }, (_, i) => {
    const s = seed003({ unit: `第${i + 1}村`, entries: ITEM_POINTS.map((p, k) => (k === i % 14 ? p - 1 : p)), veto: '否', total: null });
    return grid(s.rows, { name: `第${i + 1}村`, merges: s.merges });
  });
}

/** Every string anywhere in the value that is one of office-addin-mock's sentinels. */
function sentinels(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith('Error, ') ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(sentinels);
  if (value && typeof value === 'object') return Object.values(value).flatMap(sentinels);
  return [];
}

/** Cells whose value or formula differ between two grids of a sheet: ['E4', …]. */
function changedCells(before: Grid, after: Grid): string[] {
  const changed: string[] = [];
  const rows = Math.max(before.rows.length, after.rows.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(before.rows[r]?.length ?? 0, after.rows[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      const address = a1(r, c);
      const same = JSON.stringify(before.rows[r]?.[c] ?? null) === JSON.stringify(after.rows[r]?.[c] ?? null);
      if (!same || before.formulas?.[address] !== after.formulas?.[address]) changed.push(address);
    }
  }
  for (const address of Object.keys({ ...before.formulas, ...after.formulas })) {
    if (before.formulas?.[address] !== after.formulas?.[address] && !changed.includes(address)) changed.push(address);
  }
  return changed.sort();
}

/**
 * Applies a plan and checks that every sheet it does not replace or remove is still there, with
 * only the cells the plan names changed. Returns the outcome.
 */
async function applyChecked(book: MockWorkbook, host: OfficeHost, plan: WritePlan) {
  const owned = new Set([...(plan.sheets ?? []).map((s) => s.name), ...(plan.removeSheets ?? [])]);
  const before = new Map(book.sheets.filter((s) => !owned.has(s.name)).map((s) => [s.name, book.grid(s.name)]));
  const outcome = await host.apply(plan);
  for (const [name, grid] of before) {
    const named = plan.cells.filter((c) => c.sheet === name).map((c) => c.cell);
    expect({ sheet: name, changed: changedCells(grid, book.grid(name)).filter((c) => !named.includes(c)) }).toEqual({ sheet: name, changed: [] });
  }
  return outcome;
}

describe('reading', () => {
  test.each([1, 10, 100])('reads %i unit sheets in the same three round trips', async (n) => {
    const book = mockWorkbook(unitSheets(n));
    const sync = jest.spyOn(book.context, 'sync');
    const grids = await new OfficeHost(book.run, all).readGrids();
    expect(sync).toHaveBeenCalledTimes(3);
    expect(grids.map((g) => g.name)).toEqual(Array.from({ length: n }, (_, i) => `第${i + 1}村`));
    expect(sentinels(grids)).toEqual([]);
    // The third sync carries every sheet, and stays within what Excel on the web accepts.
    expect(Math.max(...book.syncs.map((s) => s.response))).toBeLessThan(REQUEST_LIMIT);
  });

  test('the grids hold what the sheets hold: values, merges, hidden rows, error values, formulas; nothing reads “not loaded”', async () => {
    const sheets = unitSheets(2);
    sheets[0].hiddenRows = [20, 21];
    sheets[1].rows[3][4] = { error: '#REF!' };
    sheets[1].rows[4][4] = 5;
    sheets[1].formulas = { E5: 'SUM(1,4)' };
    const book = mockWorkbook([...sheets, grid([], { name: '空表' })]);
    const grids = await new OfficeHost(book.run, all).readGrids();

    expect(sentinels(grids)).toEqual([]);
    expect(JSON.stringify(grids)).not.toContain(NOT_LOADED);
    // Rows as the sheet holds them, trailing blanks left out (as the ExcelJS host gives them).
    const trimmed = (rows: CellValue[][]) => rows.map((r) => r.slice(0, r.length - [...r].reverse().findIndex((v) => v !== null && v !== '')));
    expect(grids[0].rows).toEqual(trimmed(sheets[0].rows));
    expect(grids[0].hiddenRows).toEqual([20, 21]);
    expect(grids[1].hiddenRows).toEqual([]);
    const sorted = (g: Grid) => g.merges.map((m) => JSON.stringify(m)).sort();
    expect(sorted(grids[0])).toEqual(sorted(sheets[0]));
    expect(grids[1].rows[3][4]).toEqual({ error: '#REF!' });
    expect(grids[1].rows[4][4]).toBe(5);
    expect(grids[1].formulas).toEqual({ E5: 'SUM(1,4)' });
    expect(grids[2]).toEqual({ name: '空表', rows: [], merges: [], hiddenRows: [], formulas: {} });
    // Read through Office.js or from a file, a sheet reads the same.
    expect(readScoreTables(grids[0]).tables[0].entries).toEqual(readScoreTables(sheets[0]).tables[0].entries);
  });

  test('a table away from A1 keeps its absolute rows and columns; empty text reads as blank', async () => {
    const book = mockWorkbook([
      grid(
        [
          [],
          [],
          [null, null, '考核内容', '分值'],
          [null, null, '一、组织领导', 5],
          [null, null, '', true],
        ],
        { name: '偏移', merges: ['C3:C4'], hiddenRows: [3] },
      ),
    ]);
    const [g] = await new OfficeHost(book.run, all).readGrids();
    expect(g.rows).toEqual([[], [], [null, null, '考核内容', '分值'], [null, null, '一、组织领导', 5], [null, null, null, true]]);
    expect(g.merges).toEqual([parseRange('C3:C4')]);
    expect(g.hiddenRows).toEqual([3]);
  });

  test('a sheet whose rows are all hidden reports them all, without asking row by row', async () => {
    const book = mockWorkbook([grid([['a'], ['b']], { name: '隐藏', hiddenRows: [0, 1] })]);
    const [g] = await new OfficeHost(book.run, all).readGrids();
    expect(g.hiddenRows).toEqual([0, 1]);
    // The block's values, its merged areas and their address: no load per row.
    expect(book.syncs[2].actions).toBe(3);
  });

  test('text that starts with “=” is text, not a formula', async () => {
    const book = mockWorkbook([grid([['=不是公式', 3]], { name: '表', formulas: { B1: 'SUM(1,2)' } })]);
    const [g] = await new OfficeHost(book.run, all).readGrids();
    expect(g.rows).toEqual([['=不是公式', 3]]);
    expect(g.formulas).toEqual({ B1: 'SUM(1,2)' });
  });

  test('merged areas of a sheet whose name holds a comma and quotes', async () => {
    const book = mockWorkbook([grid([['a', null], ['b', 'c']], { name: "张庄村,一组's", merges: ['A1:B1'] })]);
    const [g] = await new OfficeHost(book.run, all).readGrids();
    expect(g.merges).toEqual([parseRange('A1:B1')]);
  });

  test('without ExcelApi 1.13 merged areas are not read: merges are empty and the pane is told why', async () => {
    const book = mockWorkbook(unitSheets(2));
    const sync = jest.spyOn(book.context, 'sync');
    const host = new OfficeHost(book.run, without('1.13'), all);
    const grids = await host.readGrids();
    expect(grids.map((g) => g.merges)).toEqual([[], []]);
    expect(host.limitations).toEqual(['此版本 Excel 不支持读取合并单元格（需要 ExcelApi 1.13），按单元格内容识别表格']);
    expect(sync).toHaveBeenCalledTimes(3);
    // The seed table still reads, from its values.
    expect(readScoreTables(grids[0]).tables).toHaveLength(1);
    // Reading again does not repeat the message.
    await host.readGrids();
    expect(host.limitations).toHaveLength(1);
  });

  test('a sheet with more merged areas than Excel returns is read again without them, and the pane is told', async () => {
    const many = grid(
      Array.from({ length: 600 }, (_, r) => [`行${r + 1}`, null]),
      { name: '明细', merges: Array.from({ length: 600 }, (_, r) => `A${r + 1}:B${r + 1}`) },
    );
    const book = mockWorkbook([unitSheets(1)[0], many]);
    const host = new OfficeHost(book.run, all, all);
    const grids = await host.readGrids();
    expect(book.syncs).toHaveLength(4);
    expect(grids.map((g) => g.merges)).toEqual([[], []]);
    expect(grids[1].rows[599]).toEqual(['行600']);
    expect(host.limitations).toEqual([expect.stringContaining('合并单元格超过 512 个')]);
  });

  test('a workbook too large for one request is read in batches, each within what Excel on the web accepts', async () => {
    // 400 seed sheets (78,000 cells) and one sheet of 60,000 rows × 2 columns: more than one 4 MB response.
    const big = grid(
      Array.from({ length: 60_000 }, (_, r) => [r + 1, `第${r + 1}行`]),
      { name: '台账' },
    );
    const book = mockWorkbook([...unitSheets(400), big]);
    const grids = await new OfficeHost(book.run, all).readGrids();
    expect(book.syncs.length).toBeGreaterThan(3);
    for (const s of book.syncs) {
      expect(s.response).toBeLessThan(EXCEL_WEB_LIMIT);
      expect(s.request).toBeLessThan(EXCEL_WEB_LIMIT);
    }
    expect(grids).toHaveLength(401);
    expect(grids[400].rows[59_999]).toEqual([60_000, '第60000行']);
    expect(grids[400].rows).toHaveLength(60_000);
    expect(grids[399].merges).toHaveLength(unitSheets(1)[0].merges.length);
    expect(sentinels(grids)).toEqual([]);
  });

});

describe('writing', () => {
  test('the 总分 cells of 100 units: one round trip, calculation suspended, no other cell changed', async () => {
    const book = mockWorkbook(unitSheets(100));
    const host = new OfficeHost(book.run, all);
    const plan = totalsPlan(scoreAssessment(await host.readGrids()));
    expect(plan.cells).toHaveLength(100);
    const sync = jest.spyOn(book.context, 'sync');
    const outcome = await applyChecked(book, host, plan);
    expect(outcome.skipped).toEqual([]);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(book.syncs[book.syncs.length - 1].suspended).toBe(true);
    for (const c of plan.cells) expect(book.sheet(c.sheet).cells.get(c.cell)?.value).toBe(c.value);
  });

  test('saving one unit writes its 14 entry cells and nothing else, in one round trip', async () => {
    const sheets = unitSheets(10);
    const book = mockWorkbook(sheets);
    const host = new OfficeHost(book.run, all);
    const { entryCells } = seed003({ veto: '否', total: null });
    const plan: WritePlan = { cells: entryCells.map((cell, k) => ({ sheet: '第5村', cell, value: ITEM_POINTS[k] - 0.5 })) };
    const sync = jest.spyOn(book.context, 'sync');
    await applyChecked(book, host, plan);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(entryCells.map((c) => book.sheet('第5村').cells.get(c)?.value)).toEqual(ITEM_POINTS.map((p) => p - 0.5));
  });

  test('text is written as text and numbers as numbers: “001”, “=1+1”, “+1”, “TRUE” keep their value', async () => {
    const book = mockWorkbook([grid([['旧', 9, 9, 9, 9, 9, 9, 9]], { name: '表' })]);
    const values: CellWrite['value'][] = ['001', '=1+1', '+1', 'TRUE', "'引号", '２０２４年', 4.5, null];
    await new OfficeHost(book.run, all).apply({ cells: values.map((value, c) => ({ sheet: '表', cell: a1(0, c), value })) });
    expect(book.grid('表').rows).toEqual([['001', '=1+1', '+1', 'TRUE', "'引号", '２０２４年', 4.5]]);
    expect(book.grid('表').formulas).toEqual({});
    expect(cellInput('张庄村')).toBe('张庄村');
  });

  test('a formula is written with “=” and without the file format’s _xlfn. prefix; numFmt is set', async () => {
    const book = mockWorkbook([grid([[1], [2]], { name: '表' })]);
    await new OfficeHost(book.run, all).apply({
      cells: [{ sheet: '表', cell: 'B1', value: 1, formula: '_xlfn.RANK.EQ(A1,$A$1:$A$2)', numFmt: '0.00' }],
    });
    expect(book.sheet('表').cells.get('B1')).toMatchObject({ formula: 'RANK.EQ(A1,$A$1:$A$2)', numFmt: '0.00' });
  });

  test('a very large plan is split into several syncs, each under the request limit, calculation suspended in each', async () => {
    const book = mockWorkbook([grid([['x']], { name: '表' })]);
    const text = '长'.repeat(2000); // 6 KB of UTF-8 per cell
    const cells: CellWrite[] = Array.from({ length: 3000 }, (_, i) => ({ sheet: '表', cell: `A${i + 2}`, value: text }));
    await applyChecked(book, new OfficeHost(book.run, all), { cells });
    // 3,000 × 6 KB ≈ 18 MB: five syncs or more.
    expect(book.syncs.length).toBeGreaterThanOrEqual(5);
    for (const s of book.syncs) {
      expect(s.request).toBeLessThanOrEqual(REQUEST_LIMIT);
      expect(s.suspended).toBe(true);
    }
    expect(book.syncs.reduce((n, s) => n + s.values, 0)).toBeGreaterThan(18_000_000);
    expect(book.sheet('表').cells.get('A3001')?.value).toBe(text);
  });

  test('a generated sheet replaces only the sheet of its name, in its place, with its styles, merges, widths, page layout and chart', async () => {
    const book = mockWorkbook([
      grid([['甲'], [1]], { name: '甲' }),
      grid([['旧的汇总', null, null], [null, '旧值']], { name: '汇总排名', merges: ['A1:C1'] }),
      grid([['乙']], { name: '乙' }),
    ]);
    const before = { 甲: book.grid('甲'), 乙: book.grid('乙') };
    const sheet: SheetPlan = {
      name: '汇总排名',
      cells: [
        { cell: 'A1', value: '考核汇总排名表', style: { bold: true, fontSize: 16, fontName: '方正小标宋简体', horizontal: 'center' } },
        { cell: 'A2', value: '单位', style: { border: true, wrap: true } },
        { cell: 'B2', value: '总分', style: { border: true, wrap: true } },
        { cell: 'A3', value: '张庄村', style: { border: true, wrap: true } },
        { cell: 'B3', value: 96, formula: '_xlfn.RANK.EQ(96,B3:B3)', style: { border: true, wrap: true } },
        { cell: 'C3', value: '备注', style: { indent: 1, fill: '#FFF2CC', numFmt: '@' } },
      ],
      merges: ['A1:C1'],
      columnWidths: [10, 8],
      rowHeights: { 1: 30 },
      page: {
        orientation: 'landscape',
        paper: 'A4',
        fitToWidth: 1,
        fitToHeight: 0,
        margins: { top: 25.4, bottom: 25.4, left: 20, right: 20, footer: 10 },
        printArea: 'A1:C3',
        printTitleRows: '1:2',
        footer: '第 &P 页，共 &N 页',
        horizontalCentered: true,
      },
      chart: { title: '总分', categories: 'A3:A3', values: 'B3:B3', from: 'E2', to: 'K12' },
    };
    const outcome = await new OfficeHost(book.run, all).apply({ cells: [], sheets: [sheet] });
    expect(outcome.skipped).toEqual([]);
    expect(book.sheets.map((s) => s.name)).toEqual(['甲', '汇总排名', '乙']);
    expect(book.grid('甲')).toEqual(before.甲);
    expect(book.grid('乙')).toEqual(before.乙);

    const out = book.sheet('汇总排名');
    // Only what the plan names: the old sheet's B2 is gone.
    expect(book.grid('汇总排名').rows).toEqual([['考核汇总排名表'], ['单位', '总分'], ['张庄村', null, '备注']]);
    expect(book.grid('汇总排名').formulas).toEqual({ B3: 'RANK.EQ(96,B3:B3)' });
    expect(out.merges).toEqual([parseRange('A1:C1')]);
    expect(out.cells.get('A1')?.style).toMatchObject({ 'font.bold': true, 'font.size': 16, 'font.name': '方正小标宋简体', horizontalAlignment: 'Center' });
    // Every bordered cell has its own four sides: the 2×2 block gets inside borders too.
    for (const c of ['A2', 'B2', 'A3', 'B3']) {
      expect(out.cells.get(c)?.style).toMatchObject({
        'borders.getItem(EdgeTop).style': 'Continuous',
        'borders.getItem(EdgeBottom).style': 'Continuous',
        'borders.getItem(EdgeLeft).style': 'Continuous',
        'borders.getItem(EdgeRight).style': 'Continuous',
        'borders.getItem(InsideHorizontal).style': 'Continuous',
        'borders.getItem(InsideVertical).style': 'Continuous',
        wrapText: true,
      });
    }
    expect(out.cells.get('C3')).toMatchObject({ numFmt: '@', style: { indentLevel: 1, 'fill.color': '#FFF2CC' } });
    expect([...out.columnWidths]).toEqual([
      [0, columnPoints(10)],
      [1, columnPoints(8)],
    ]);
    expect(columnPoints(10)).toBe(56.25);
    expect([...out.rowHeights]).toEqual([[0, 30]]);
    expect(out.page).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      topMargin: 72,
      bottomMargin: 72,
      leftMargin: (20 * 72) / 25.4,
      rightMargin: (20 * 72) / 25.4,
      footerMargin: (10 * 72) / 25.4,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: 'A1:C3',
      printTitleRows: '$1:$2',
      centerHorizontally: true,
      'headersFooters.defaultForAllPages.centerFooter': '第 &P 页，共 &N 页',
    });
    expect(out.charts).toEqual([
      expect.objectContaining({
        type: 'BarClustered',
        source: 'B3',
        seriesBy: 'Columns',
        'title.text': '总分',
        'series.getItemAt(0).setXAxisValues': ['A3'],
        setPosition: ['E2', 'K12'],
      }),
    ]);
  });

  test('a new sheet goes to the end; removeSheets deletes only the sheets it names; a hidden sheet stays hidden', async () => {
    const book = mockWorkbook([grid([['甲']], { name: '甲' }), grid([['旧']], { name: '旧签字表' }), grid([['乙']], { name: '乙' })]);
    const host = new OfficeHost(book.run, all);
    await applyChecked(book, host, {
      cells: [{ sheet: '甲', cell: 'B1', value: 1 }],
      removeSheets: ['旧签字表', '从未有过'],
      sheets: [
        { name: '考核助手设置', cells: [{ cell: 'A1', value: '设置' }], merges: [], columnWidths: [], state: 'veryHidden' },
        { name: '乙', cells: [{ cell: 'A1', value: '新乙' }], merges: [], columnWidths: [] },
      ],
    });
    expect(book.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['甲', 'Visible'],
      ['乙', 'Visible'],
      ['考核助手设置', 'VeryHidden'],
    ]);
    expect(book.grid('乙').rows).toEqual([['新乙']]);
  });

  test('a sheet from a template is a copy of it, renamed, visible, with the plan’s cells written over it', async () => {
    const template = grid([['{{单位}}签字表', null], ['考核组长：', null]], { name: '签字表模板', merges: ['A1:B1'] });
    const book = mockWorkbook([grid([['甲']], { name: '甲' }), template], { veryHidden: ['签字表模板'] });
    await new OfficeHost(book.run, all).apply({
      cells: [],
      sheets: [{ name: '张庄村签字表', copyOf: '签字表模板', cells: [{ cell: 'A1', value: '张庄村签字表' }], merges: [], columnWidths: [] }],
    });
    expect(book.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['甲', 'Visible'],
      ['签字表模板', 'VeryHidden'],
      ['张庄村签字表', 'Visible'],
    ]);
    expect(book.grid('张庄村签字表').rows).toEqual([['张庄村签字表'], ['考核组长：']]);
    expect(book.grid('张庄村签字表').merges).toEqual([parseRange('A1:B1')]);
    expect(book.grid('签字表模板').rows[0]).toEqual(['{{单位}}签字表']);
  });

  test('a draft copy of a template gets its 草稿 line as the header of every kind of page; without ExcelApi 1.9 the user is told', async () => {
    const template = grid([['{{单位}} {{总分}}']], { name: '签字表模板' });
    const sheet = { name: '孙庄村签字表', copyOf: '签字表模板', cells: [{ cell: 'A1', value: '孙庄村 75' }], merges: [], columnWidths: [], draftHeader: '草稿：本单位未评分1项，本表不能作为正式结果' };
    const book = mockWorkbook([template]);
    expect((await new OfficeHost(book.run, all).apply({ cells: [], sheets: [sheet] })).skipped).toEqual([]);
    const header = '&C&12&"黑体,Bold"草稿：本单位未评分1项，本表不能作为正式结果';
    expect(book.sheet('孙庄村签字表').page).toEqual({
      'headersFooters.defaultForAllPages.centerHeader': header,
      'headersFooters.oddPages.centerHeader': header,
      'headersFooters.evenPages.centerHeader': header,
      'headersFooters.firstPage.centerHeader': header,
    });
    expect(book.grid('签字表模板').rows).toEqual([['{{单位}} {{总分}}']]);
    const old = mockWorkbook([template]);
    const outcome = await new OfficeHost(old.run, without('1.9')).apply({ cells: [], sheets: [sheet] });
    expect(outcome.skipped).toEqual(['此版本 Excel 不能设置页眉（需要 ExcelApi 1.9），按模板填写的“孙庄村签字表”打印时不会标出“草稿”；可在模板中加一个 {{草稿}} 单元格']);
  });

  test('without ExcelApi 1.7 (Worksheet.copy) a template sheet is not generated, and the user is told', async () => {
    const book = mockWorkbook([grid([['甲']], { name: '甲' }), grid([['{{单位}}']], { name: '模板' })]);
    const outcome = await new OfficeHost(book.run, without('1.7')).apply({
      cells: [],
      sheets: [{ name: '张庄村', copyOf: '模板', cells: [{ cell: 'A1', value: '张庄村' }], merges: [], columnWidths: [] }],
    });
    expect(outcome.skipped).toEqual(['此版本 Excel 不支持复制工作表（需要 ExcelApi 1.7），未按模板“模板”生成“张庄村”']);
    expect(book.sheets.map((s) => s.name)).toEqual(['甲', '模板']);
  });

  test('without ExcelApi 1.9 the page layout and indent are skipped, the rest is written, and the user is told in Chinese', async () => {
    const book = mockWorkbook([grid([['x']], { name: '表' })]);
    const outcome = await new OfficeHost(book.run, without('1.9')).apply({
      cells: [],
      sheets: [
        {
          name: '通报',
          cells: [{ cell: 'A1', value: '通报', style: { bold: true, indent: 2 } }],
          merges: [],
          columnWidths: [],
          page: { orientation: 'portrait', paper: 'A4', printArea: 'A1:A1' },
        },
      ],
    });
    expect(outcome.skipped).toEqual([
      '此版本 Excel 不支持设置缩进（需要 ExcelApi 1.9），“通报”的缩进未设置',
      '此版本 Excel 不支持设置打印版式（需要 ExcelApi 1.9），“通报”的纸张、页边距、打印区域和页脚未设置，请在“页面布局”中手动设置',
    ]);
    expect(book.sheet('通报').page).toEqual({});
    expect(book.sheet('通报').cells.get('A1')).toEqual({ value: '通报', style: { 'font.bold': true } });
  });

  test('notes: added where a cell has none, replaced where it has one, in two round trips', async () => {
    const book = mockWorkbook(unitSheets(1));
    book.sheet('第1村').notes.set('E5', '扣分原因：旧');
    const sync = jest.spyOn(book.context, 'sync');
    await applyChecked(book, new OfficeHost(book.run, all, () => true), {
      cells: [
        { sheet: '第1村', cell: 'E4', value: 4, note: '扣分原因：未开会' },
        { sheet: '第1村', cell: 'E5', value: 3, note: '扣分原因：未包案' },
      ],
    });
    expect(sync).toHaveBeenCalledTimes(2);
    expect([...book.sheet('第1村').notes]).toEqual([
      ['E5', '扣分原因：未包案'],
      ['E4', '扣分原因：未开会'],
    ]);
  });

  test('without ExcelApi 1.18 the values are written, the notes are not, and the user is told which', async () => {
    const book = mockWorkbook(unitSheets(1));
    const outcome = await new OfficeHost(book.run, without('1.18')).apply({ cells: [{ sheet: '第1村', cell: 'E4', value: 4, note: '扣分原因：未开会' }] });
    expect(outcome.skipped).toEqual(['此版本 Excel 不支持写入批注（需要 ExcelApi 1.18 及较新的 Office.js），“第1村”E4 的扣分原因未写入；可在评分表中加一列“扣分原因”']);
    expect(book.sheet('第1村').cells.get('E4')?.value).toBe(4);
    expect(book.sheet('第1村').notes.size).toBe(0);
  });

  test('a plan naming a sheet that does not exist fails, and says which', async () => {
    const book = mockWorkbook(unitSheets(1));
    await expect(new OfficeHost(book.run, all).apply({ cells: [{ sheet: '没有', cell: 'A1', value: 1 }] })).rejects.toThrow('没有');
  });

  test('by default it runs Excel.run and asks Office.context.requirements', async () => {
    const book = mockWorkbook(unitSheets(1));
    const isSetSupported = jest.fn((_set: string, version: string) => version !== '1.13');
    const globals = globalThis as unknown as Record<string, unknown>;
    globals.Excel = { run: book.run };
    globals.Office = { context: { requirements: { isSetSupported } } };
    try {
      const host = new OfficeHost();
      const [g] = await host.readGrids();
      expect(g.merges).toEqual([]);
      expect(isSetSupported).toHaveBeenCalledWith('ExcelApi', '1.13');
      // This Excel.* has no Worksheet.notes: an Office.js without the notes API.
      expect(host.limitations).toEqual([expect.stringContaining('合并单元格'), expect.stringContaining('不能读取批注')]);
      expect(g.notes).toBeUndefined();
    } finally {
      delete globals.Excel;
      delete globals.Office;
    }
  });
});

describe('rectangles', () => {
  test('groups named cells into the fewest rectangles that hold only named cells of one kind', () => {
    const cells = ['A1', 'B1', 'A2', 'B2', 'D1', 'A4', 'A5'].map((cell) => ({ cell, kind: cell === 'A5' ? 'x' : '' }));
    expect(rectangles(cells, (c) => c.kind).map((r) => r.address)).toEqual(['A1:B2', 'D1', 'A4', 'A5']);
  });
});

describe('the mock workbook guards the host as office-addin-mock does', () => {
  test('a property read before load() and sync() is the sentinel, not a value; isNullObject needs a sync', async () => {
    const book = mockWorkbook([grid([['a']], { name: '表' })]);
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem('表').getRange('A1');
      expect(range.values).toBe(NOT_LOADED);
      range.load('values');
      expect(range.values).toBe('Error, context.sync() was not called');
      const used = context.workbook.worksheets.getItem('表').getUsedRangeOrNullObject(true);
      expect(() => used.isNullObject).toThrow('before context.sync()');
      await context.sync();
      expect(range.values).toEqual([['a']]);
      expect(range.formulas).toBe(NOT_LOADED);
      expect(used.isNullObject).toBe(false);
    });
  });
});
