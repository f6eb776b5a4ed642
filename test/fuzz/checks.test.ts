/**
 * The fuzz suite's checks catch what they are for (they run in npm test; the fuzz run itself is
 * npm run test:fuzz). A check that cannot fail would let every fuzzed run pass.
 */
import ExcelJS from 'exceljs';
import { english, GENERATED_MARK, internals, latinWordsOf, leaks, secrets, typedCellsChanged } from './checks';

describe('internals', () => {
  it.each([
    ['a stack frame', 'x\n    at Object.<anonymous> (/work/dist/cli/main.js:12:5)\n'],
    ['a JavaScript error', "TypeError: Cannot read properties of undefined (reading 'x')"],
    ['a Node error code', '无法写入：ERR_FS_FILE_TOO_LARGE'],
    ['a system error', "EACCES: permission denied, open 'a.xlsx'"],
    ['V8 running out of heap', 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory'],
    ['内部错误', '内部错误（编号 ABC），处理未完成'],
    ['a raw escape sequence', '张庄村\u001b[2J'],
  ])('finds %s', (_what, text) => {
    expect(internals(text)).not.toEqual([]);
  });

  it('lets a Chinese message with cells, symbols and numbers pass', () => {
    expect(internals('【刘湾村】\n  错误 E4    得分 6 超过分值 5\n␛[2J五␇\n共 1 个错误。\n')).toEqual([]);
  });
});

describe('english', () => {
  const user = latinWordsOf(['xx镇综治及信访工作考核评分表', "O'Brien村"]);

  it('finds library and Node English', () => {
    expect(english('Cannot merge already merged cells', user)).toEqual(['Cannot', 'merge', 'already', 'merged', 'cells']);
    expect(english("参数有误：Unknown option '--prefer'", user)).toEqual(['Unknown', 'option']);
  });

  it('allows cell references, options, file types, the folder and what the user typed', () => {
    const dir = '/tmp/kaohe-fuzz-AbC';
    expect(english(`错误 E4 A40:XFD1048576 $A$1 --out 副本.xlsx 报告.json ${dir}/输入.xlsx “O'Brien村” xx镇 Excel WPS LibreOffice PDF 200 MB GB/T 9704-2012`, user, [dir])).toEqual([]);
  });

  it('allows part of a word the user typed (a name cut short), not a word the user never typed', () => {
    expect(english('单位“O\'Br…”', user)).toEqual([]);
    expect(english('单位“Bri”', latinWordsOf(['张庄村']))).toEqual(['Bri']);
  });
});

async function workbook(rows: Record<string, ExcelJS.CellValue[][]>): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  for (const [name, cells] of Object.entries(rows)) wb.addWorksheet(name).addRows(cells);
  // Through the bytes, as the suite reads the files.
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(await wb.xlsx.writeBuffer());
  return read;
}

describe('typedCellsChanged', () => {
  it('lets blank cells be filled and sheets be added', async () => {
    const input = await workbook({ 张庄村: [['得分', null], [5, null]] });
    const copy = await workbook({ 张庄村: [['得分', 95], [5, 90]], 汇总排名: [['x']] });
    expect(typedCellsChanged(input, copy)).toEqual([]);
  });

  it('finds a typed value changed, a typed cell emptied, a formula lost and a sheet dropped', async () => {
    const input = await workbook({ 张庄村: [[5, '张庄村', { formula: 'A1+1', result: 6 } as ExcelJS.CellValue]], 往年汇总: [['95']] });
    const copy = await workbook({ 张庄村: [[1, null, 6]] });
    expect(typedCellsChanged(input, copy)).toEqual([
      '张庄村!A1: 5 → 1',
      '张庄村!B1: "张庄村" → null',
      '张庄村!C1: {"formula":"A1+1","result":6} → 6',
      'sheet “往年汇总” missing from the copy',
    ]);
  });

  it('does not compare the add-in’s own sheets (marked as generated)', async () => {
    const input = await workbook({ 汇总排名: [['旧'], [GENERATED_MARK]] });
    const copy = await workbook({ 汇总排名: [['新'], [GENERATED_MARK]] });
    expect(typedCellsChanged(input, copy)).toEqual([]);
  });
});

describe('secrets and leaks', () => {
  const ledger = [
    ['日期', '单位', '事由', '信访人'],
    ['2024-03-04', '王庄村', '土地流转费用', '王某甲'],
    ['2024-03-05', '张庄村', '张庄村', '是'],
  ];

  it('are the ledger’s 事由 and 信访人 values found nowhere else, and are found in any output', async () => {
    const wb = await workbook({ 信访台账: ledger, 张庄村: [['单位:张庄村']] });
    const values = secrets(wb, '');
    expect(values.sort()).toEqual(['王某甲', '土地流转费用'].sort());
    expect(leaks('生成了工作表：王某甲签字表', values)).toEqual(['王某甲']);
    expect(leaks('信访台账：到市正常访 1 人次', values)).toEqual([]);
  });

  it('leave out what the product says of itself on the plain sample', async () => {
    const wb = await workbook({ 信访台账: ledger });
    expect(secrets(wb, '信访台账：土地流转费用')).toEqual(['王某甲']);
  });
});
