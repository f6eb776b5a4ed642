/**
 * The Office host when things go wrong in a real Excel: a write that fails midway, Excel that
 * never answers, sheets left by an earlier run, a very hidden sheet to replace, a workbook in
 * manual calculation, an Office.js without the notes API although Excel says it has ExcelApi 1.18.
 *
 * Not testable here: which request of Excel on the web hangs (office-js #4805, #6678) — the fake
 * is made to hang instead — and whether Excel would have refused at the same action.
 */
import type { SheetPlan } from '../../src/host/host';
import { OfficeHost } from '../../src/host/officeHost';
import { grid } from '../../src/sheet/grid';
import { mockWorkbook } from './mockWorkbook';
import { officeJsWorkbook } from './officeJsBridge';

const all = () => true;

/** A generated sheet holding about `mb` MB of text, so that two of them do not fit in one request. */
function bigSheet(name: string, mb: number): SheetPlan {
  const text = '扣'.repeat(600);
  const rows = Math.ceil((mb * 1_000_000) / (text.length * 3 * 10));
  const cells = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < 10; c++) cells.push({ cell: `${String.fromCharCode(65 + c)}${r + 1}`, value: text });
  return { name, cells, merges: [], columnWidths: [] };
}

describe('a write that fails midway', () => {
  test('leaves no ~kaohe-* sheet, keeps what was complete, and says what was written', async () => {
    const book = mockWorkbook([grid([['甲']], { name: '甲' })]);
    const host = new OfficeHost(book.run, all);
    const failure = host.apply({
      sheets: [bigSheet('汇总排名', 2), bigSheet('签字评分表', 2)],
      // A cell on a sheet that is not there: Excel refuses, after the first sheet's batch was written.
      cells: [{ sheet: '已删除的表', cell: 'A1', value: 1 }],
    });
    await expect(failure).rejects.toThrow(/出错前已写入：“汇总排名”；出错的那一批可能写入了一部分单元格/);
    // The second sheet was completed in the batch that failed (at its last action): it is whole, under its own name.
    expect(book.sheets.map((s) => s.name)).toEqual(['甲', '汇总排名', '签字评分表']);
    expect(book.grid('签字评分表').rows).toHaveLength(bigSheet('签字评分表', 2).cells.length / 10);
    expect(book.syncs.length).toBeGreaterThanOrEqual(3);
  });

  test('a failure in the first batch says nothing was completely written, and leaves no temporary sheet', async () => {
    const book = mockWorkbook([grid([['甲']], { name: '甲' })]);
    const failure = new OfficeHost(book.run, all).apply({
      sheets: [{ name: '汇总排名', cells: [{ cell: 'A1', value: '汇总' }], merges: ['A1:B1', 'B1:C1'], columnWidths: [] }],
      cells: [],
    });
    await expect(failure).rejects.toThrow('出错前没有完整写入的内容');
    expect(book.sheets.map((s) => s.name)).toEqual(['甲']);
  });
});

describe('Excel that never answers', () => {
  test('a context.sync that never returns ends in a Chinese message, not a pane waiting for ever', async () => {
    const book = mockWorkbook([grid([['甲']], { name: '甲' })]);
    book.context.sync = () => new Promise(() => undefined);
    const host = new OfficeHost(book.run, all, all, 200);
    await expect(host.readGrids()).rejects.toThrow('Excel 在 1 秒内没有响应。请保存工作簿，关闭并重新打开本窗格后重试');
    await expect(host.apply({ cells: [], sheets: [{ name: '汇总', cells: [], merges: [], columnWidths: [] }] })).rejects.toThrow(
      /没有响应.*未能删除临时工作表（名称以 ~kaohe- 开头）/,
    );
  });
});

describe('replacing sheets', () => {
  test('a very hidden generated sheet is made visible to be deleted, and its replacement is very hidden again in its place', async () => {
    const book = mockWorkbook([grid([['甲']], { name: '甲' }), grid([['旧设置']], { name: '考核助手设置' }), grid([['乙']], { name: '乙' })], { veryHidden: ['考核助手设置'] });
    await new OfficeHost(book.run, all).apply({ cells: [], sheets: [{ name: '考核助手设置', cells: [{ cell: 'A1', value: '新设置' }], merges: [], columnWidths: [], state: 'veryHidden' }] });
    expect(book.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['甲', 'Visible'],
      ['考核助手设置', 'VeryHidden'],
      ['乙', 'Visible'],
    ]);
    expect(book.grid('考核助手设置').rows).toEqual([['新设置']]);
  });

  test('a ~kaohe-* sheet an earlier, cut-off run left is removed at the next write; the others keep their places', async () => {
    const book = mockWorkbook([grid([['甲']], { name: '甲' }), grid([['半成品']], { name: '~kaohe-old-0' }), grid([['旧']], { name: '汇总' }), grid([['乙']], { name: '乙' })], {
      hidden: ['~kaohe-old-0'],
    });
    await new OfficeHost(book.run, all).apply({ cells: [], sheets: [{ name: '汇总', cells: [{ cell: 'A1', value: '新' }], merges: [], columnWidths: [] }] });
    expect(book.sheets.map((s) => s.name)).toEqual(['甲', '汇总', '乙']);
    expect(book.grid('汇总').rows).toEqual([['新']]);
  });
});

describe('reading', () => {
  test('a workbook in manual calculation is calculated before its formula results are read, and the pane is told', async () => {
    const book = mockWorkbook([grid([['甲']], { name: '甲' })], { calculationMode: 'Manual' });
    const host = new OfficeHost(book.run, all);
    await host.readGrids();
    expect(book.state.calculations).toEqual(['Full']);
    expect(host.limitations).toContain('工作簿设置为“手动计算”，读取前已重新计算一次（相当于按 F9），以免读到过时的公式结果');
  });

  test('in automatic calculation nothing is calculated', async () => {
    const book = mockWorkbook([grid([['甲']], { name: '甲' })]);
    await new OfficeHost(book.run, all).readGrids();
    expect(book.state.calculations).toEqual([]);
  });
});

describe('feature checks beside requirement sets', () => {
  test('Excel says ExcelApi 1.18 but the loaded Office.js (the npm copy) has no notes API: values are written, notes skipped with a message', async () => {
    const office = officeJsWorkbook([grid([['甲', null, null, null, 5]], { name: '第1村' })]);
    const globals = globalThis as unknown as Record<string, unknown>;
    globals.Excel = office.window.Excel;
    try {
      // The default API check, against Microsoft's own library.
      expect('notes' in office.window.Excel.Worksheet.prototype).toBe(false);
      const outcome = await new OfficeHost(office.run, all).apply({ cells: [{ sheet: '第1村', cell: 'E1', value: 4, note: '扣分原因：未开会' }] });
      expect(outcome.skipped).toEqual(['此版本 Excel 不支持写入批注（需要 ExcelApi 1.18 及较新的 Office.js），“第1村”E1 的扣分原因未写入；可在评分表中加一列“扣分原因”']);
      expect(office.book.grid('第1村').rows[0][4]).toBe(4);
    } finally {
      delete globals.Excel;
    }
  });
});

describe('text-formatted cells', () => {
  test('“001” into a cell formatted as text: the format first, then the text as it is, without the apostrophe Excel might keep there', async () => {
    const book = mockWorkbook([grid([['编号']], { name: '台账' })]);
    await new OfficeHost(book.run, all).apply({
      cells: [
        { sheet: '台账', cell: 'A2', value: '001', numFmt: '@' },
        { sheet: '台账', cell: 'A3', value: '001' },
      ],
    });
    expect(book.sheet('台账').cells.get('A2')).toEqual({ value: '001', numFmt: '@' });
    expect(book.sheet('台账').cells.get('A3')).toEqual({ value: '001' });
  });
});
