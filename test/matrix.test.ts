/**
 * The matrix layout (a row per unit, a column per item) through every writer: 总分, 现场评分
 * saves, the 扣分明细 log, the 汇总排名 formulas and the other outputs.
 */
import { outputsPlan } from '../src/app/outputs';
import { onSitePlan, onSiteStart } from '../src/app/onSite';
import { scoreAssessment, toReport, totalsPlan } from '../src/app/scoreAssessment';
import { DEFAULT_WORKBOOK_SETTINGS } from '../src/app/settings';
import { grid, type CellValue, type Grid } from '../src/sheet/grid';
import { readScoreTables } from '../src/sheet/readScoreTable';
import matrix from './fixtures/matrix-seed003.grid';

const LOG_HEADER = ['单位', '考核项目', '扣分因素', '次数', '扣(加)分', '原因', '记录人', '日期'];

/** The matrix with one cell changed: [row, col] 0-based. */
function withCell(g: Grid, r: number, c: number, value: CellValue): Grid {
  return { ...g, rows: g.rows.map((row, i) => (i === r ? row.map((v, j) => (j === c ? value : v)) : row)) };
}

describe('reading', () => {
  it('reads a table per unit row, every entry with its own cell', () => {
    const { tables, diagnostics } = readScoreTables(matrix);
    expect(tables.map((t) => [t.unit, t.layout, t.region, t.totalCell])).toEqual([
      ['张庄村', 'matrix', 'B6:O6', 'O6'],
      ['李家村', 'matrix', 'B7:O7', 'O7'],
      ['王庄村', 'matrix', 'B8:O8', 'O8'],
      ['赵庄村', 'matrix', 'B9:O9', 'O9'],
    ]);
    expect(tables[1].entries.items.flat().map((e) => e.cell)).toEqual(['C7', 'D7', 'E7', 'F7', 'G7', 'H7', 'I7', 'J7', 'K7', 'L7']);
    expect(tables[1].entries.veto).toEqual({ cell: 'N7', value: true, raw: '是' });
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('reports a typed entry above its points at its cell, in that unit only', () => {
    const { tables, diagnostics } = readScoreTables(withCell(matrix, 5, 2, 6));
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.cell])).toEqual([['SCORE_ABOVE_MAX', 'C6']]);
    expect(tables[0].entries.items[0][0].status).toBe('invalid');
    expect(tables[1].entries.items[0][0].status).toBe('ok');
  });

  it('with one header row and no categories, the items form one category', () => {
    const g = grid([
      ['单位', '会议记录', '包案', '排查', '总分'],
      ['分值', 40, 30, 30, null],
      ['张庄村', 40, 28, 30, null],
    ]);
    const { tables } = readScoreTables(g);
    expect(tables).toHaveLength(1);
    expect(tables[0].scheme.categories.map((c) => c.items.map((i) => i.label))).toEqual([['会议记录', '包案', '排查']]);
    expect(tables[0].totalCell).toBe('E3');
  });

  it('a 分值 row under no unit header is not read as a matrix', () => {
    const g = grid([
      ['项目', '会议记录', '包案'],
      ['分值', 40, 30],
      ['张庄村', 40, 28],
    ]);
    expect(readScoreTables(g).tables).toEqual([]);
  });
});

describe('writers', () => {
  it('总分: fills the blank 总分 cells of each unit row, never the typed one', () => {
    const result = scoreAssessment([matrix]);
    const cells = totalsPlan(result).cells.map((c) => [c.cell, c.value]);
    expect(cells).toEqual(expect.arrayContaining([['O6', 100.5], ['O7', 0], ['O9', 96.5]]));
    expect(cells.map(([c]) => c)).not.toContain('O8');
  });

  it('扣分明细: a record for a unit fills its blank entry in its own row', () => {
    const blank = withCell(matrix, 5, 2, null); // 张庄村's 会议记录
    const log = grid([LOG_HEADER, ['张庄村', '会议记录', null, 1, null, '三季度未开会', '李组员', '2024-12-18']], { name: '扣分明细' });
    const result = scoreAssessment([blank, log]);
    const zhang = result.units.find((u) => u.table.unit === '张庄村');
    expect(zhang?.filled).toEqual([{ cell: 'C6', value: expect.anything() }]);
    expect(zhang?.filled[0].value.toFixed()).toBe('4');
    expect(toReport(result).units.find((u) => u.name === '张庄村')?.deductions).toEqual([
      expect.objectContaining({ item: '会议记录', points: -1, source: 'log', sheet: '扣分明细', reason: '三季度未开会' }),
    ]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('现场评分: saving writes that unit row’s cells, the reason as a note on the entry', () => {
    const table = readScoreTables(matrix).tables[3]; // 赵庄村, row 9
    const input = onSiteStart(table, matrix);
    input.items[0][2] = '3';
    input.reasons[0][2] = '交办件逾期上报';
    input.adjustments[0] = '1';
    const plan = onSitePlan(table, input, matrix);
    expect(plan.cells).toEqual([
      { sheet: '考核汇总', cell: 'E9', value: 3, note: '扣分原因：交办件逾期上报' },
      { sheet: '考核汇总', cell: 'M9', value: 1 },
    ]);
  });

  it('汇总排名: each category is a SUM over the unit’s row on the matrix sheet', () => {
    const result = scoreAssessment([matrix]);
    const { plan, summary } = outputsPlan(result, [matrix], DEFAULT_WORKBOOK_SETTINGS, { today: '2024-12-25' });
    const s = plan.sheets?.find((x) => x.name === summary);
    const at = (a: string) => s?.cells.find((c) => c.cell === a);
    // Unit rows start under the header (row 4); every figure judges the unit's own row of the matrix.
    expect(at('B4')?.value).toBe('张庄村');
    expect(at('C4')).toMatchObject({ value: 19.5 });
    for (const c of ['C6', 'D6', 'E6', 'F6']) expect(at('C4')?.formula).toContain(`'考核汇总'!${c}`);
    expect(at('F4')).toMatchObject({ value: 29, formula: expect.stringContaining("'考核汇总'!K6") });
    expect(at('G4')).toMatchObject({ value: 2, formula: expect.stringContaining("'考核汇总'!M6") });
    const vetoed = s?.cells.find((c) => c.value === '李家村')?.cell.slice(1);
    expect(at(`H${vetoed}`)).toMatchObject({ value: '是', formula: expect.stringContaining("'考核汇总'!N7") });
    // One signed sheet per unit, named for the unit, never for the matrix sheet.
    expect(plan.sheets?.map((x) => x.name)).toEqual(expect.arrayContaining(['张庄村签字表', '李家村签字表', '王庄村签字表', '赵庄村签字表']));
  });
});
