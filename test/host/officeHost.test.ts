/**
 * The Office.js host against a workbook faked with office-addin-mock: a constant number of
 * round trips to read any number of sheets, values as Excel gives them (no "not loaded"
 * sentinel), the API sets it needs gated, and writes only where the plan says.
 */
import { scoreAssessment, totalsPlan } from '../../src/app/scoreAssessment';
import { OfficeHost } from '../../src/host/officeHost';
import { grid, type Grid } from '../../src/sheet/grid';
import { readScoreTables } from '../../src/sheet/readScoreTable';
import { fakeExcel, installExcelEnums } from '../support/fakeExcel';
import { ITEM_POINTS, seed003 } from '../support/seed003';

beforeAll(installExcelEnums);

function unitSheets(n: number): Grid[] {
  return Array.from({ length: n }, (_, i) => {
    const s = seed003({ unit: `第${i + 1}村`, entries: ITEM_POINTS.map((p, k) => (k === i % 14 ? p - 1 : p)), veto: '否', total: null });
    return grid(s.rows, { name: `第${i + 1}村`, merges: s.merges, hiddenRows: i === 0 ? [20] : [] });
  });
}

const all = (_v: string) => true;

describe('reading', () => {
  test.each([1, 10, 100])('%i unit sheets take the same three round trips', async (n) => {
    const excel = fakeExcel(unitSheets(n));
    const grids = await new OfficeHost(excel.run, all).readGrids();
    expect(excel.syncs()).toBe(3);
    expect(grids).toHaveLength(n);
  });

  test('the grids are what the sheets hold: values, merges, hidden rows, errors, formulas; nothing reads “not loaded”', async () => {
    const sheets = unitSheets(2);
    sheets[1].rows[3][4] = { error: '#REF!' };
    sheets[1].formulas = { E5: 'SUM(1,4)' };
    const excel = fakeExcel([...sheets, grid([], { name: '空表' })]);
    const grids = await new OfficeHost(excel.run, all).readGrids();
    expect(JSON.stringify(grids)).not.toContain('not loaded');
    expect(JSON.stringify(grids)).not.toContain('sync() was not called');
    expect(grids[0].rows).toEqual(sheets[0].rows.map((r) => r.map((v) => (v === '' ? null : v))));
    expect(grids[0].hiddenRows).toEqual([20]);
    expect(new Set(grids[0].merges.map((m) => JSON.stringify(m)))).toEqual(new Set(sheets[0].merges.map((m) => JSON.stringify(m))));
    expect(grids[1].rows[3][4]).toEqual({ error: '#REF!' });
    expect(grids[1].formulas).toEqual({ E5: 'SUM(1,4)' });
    expect(grids[2]).toEqual({ name: '空表', rows: [], merges: [], hiddenRows: [] });
    // Read through Office.js or from a file, a sheet reads the same.
    expect(readScoreTables(grids[0]).tables[0].entries).toEqual(readScoreTables(sheets[0]).tables[0].entries);
  });

  test('without ExcelApi 1.13 merged areas are not read, and the pane is told why', async () => {
    const excel = fakeExcel(unitSheets(1));
    const host = new OfficeHost(excel.run, (v) => v !== '1.13');
    const grids = await host.readGrids();
    expect(grids[0].merges).toEqual([]);
    expect(host.limitations).toEqual([expect.stringContaining('合并单元格（需要 ExcelApi 1.13）')]);
    // The seed table still reads, from its values.
    expect(readScoreTables(grids[0]).tables).toHaveLength(1);
  });
});

describe('writing', () => {
  test('the 总分 cells of 100 units: only the cells the plan names change, in one round trip after the sheet list', async () => {
    const sheets = unitSheets(100);
    const excel = fakeExcel(sheets);
    const host = new OfficeHost(excel.run, all);
    const plan = totalsPlan(scoreAssessment(await host.readGrids()));
    const before = excel.syncs();
    await host.apply(plan);
    expect(excel.syncs() - before).toBe(2);
    expect([...excel.writes.keys()].sort()).toEqual(plan.cells.map((c) => `${c.sheet}!${c.cell}`).sort());
    const after = await host.readGrids();
    after.forEach((g, i) => {
      const changed: string[] = [];
      g.rows.forEach((row, r) => row.forEach((v, c) => v !== (sheets[i].rows[r]?.[c] ?? null) && changed.push(`${r}:${c}`)));
      expect(changed.length).toBeLessThanOrEqual(1);
    });
  });

  test('a large plan is split into batches under the request limit', async () => {
    const excel = fakeExcel([grid([['x']], { name: '表' })]);
    const text = '长'.repeat(2000);
    const cells = Array.from({ length: 2000 }, (_, i) => ({ sheet: '表', cell: `A${i + 2}`, value: text }));
    await new OfficeHost(excel.run, all).apply({ cells });
    // 2000 cells × ~6 KB ≈ 12 MB: at least three syncs of under 4 MB, plus the sheet list.
    expect(excel.syncs()).toBeGreaterThanOrEqual(4);
    expect(excel.writes.size).toBe(2000);
  });

  test('a generated sheet replaces only the sheet of its name, in its place; styles, page layout and chart are set', async () => {
    const excel = fakeExcel([grid([['甲']], { name: '甲' }), grid([['旧']], { name: '汇总排名' }), grid([['乙']], { name: '乙' })]);
    const outcome = await new OfficeHost(excel.run, all).apply({
      cells: [],
      sheets: [
        {
          name: '汇总排名',
          cells: [{ cell: 'A1', value: '标题', style: { bold: true, border: true } }, { cell: 'B2', value: 3, formula: '_xlfn.RANK.EQ(1,1)' }],
          merges: ['A1:C1'],
          columnWidths: [10],
          page: { orientation: 'landscape', paper: 'A4', fitToWidth: 1, fitToHeight: 0, printArea: 'A1:C2', printTitleRows: '1:2', footer: '第 &P 页' },
          chart: { title: '总分', categories: 'B2:B3', values: 'C2:C3', from: 'E2', to: 'K12' },
        },
      ],
    });
    expect(outcome.skipped).toEqual([]);
    expect(excel.sheets().map((s) => s.name)).toEqual(['甲', '汇总排名', '乙']);
    expect(excel.writes.get('汇总排名!A1')).toBe('标题');
    expect(excel.writes.get('汇总排名!B2')).toBe('=RANK.EQ(1,1)');
    expect(excel.log).toEqual(
      expect.arrayContaining([
        '汇总排名!A1 font.bold=true',
        '汇总排名!A1 border EdgeTop.style="Continuous"',
        '汇总排名!A1:C1 merge',
        '汇总排名 page orientation="Landscape"',
        '汇总排名 printArea=A1:C2',
        '汇总排名 printTitleRows=$1:$2',
        '汇总排名 chart',
        '汇总排名 chart at E2:K12',
      ]),
    );
    expect(excel.writes.has('甲!A1')).toBe(false);
  });

  test('without ExcelApi 1.9 the page layout is skipped and the user is told', async () => {
    const excel = fakeExcel([grid([['x']], { name: '表' })]);
    const host = new OfficeHost(excel.run, (v) => v !== '1.9');
    const outcome = await host.apply({ cells: [], sheets: [{ name: '通报', cells: [], merges: [], columnWidths: [], page: { orientation: 'portrait', paper: 'A4' } }] });
    expect(outcome.skipped).toEqual([expect.stringContaining('ExcelApi 1.9')]);
    expect(host.limitations).toEqual([expect.stringContaining('打印版式')]);
  });
});
