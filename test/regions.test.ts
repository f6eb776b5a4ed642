/**
 * No table is dropped in silence: every header a layout recognises, on every fixture, ends in a
 * table or a diagnostic that names it. Then the cases that used to be dropped: tables side by side,
 * a header that cannot be read beside one that can, a 得分 header over two rows.
 */
import { promises as fs, readdirSync } from 'fs';
import path from 'path';
import { scoreAssessment } from '../src/app/scoreAssessment';
import { XlsxHost } from '../src/host/xlsxHost';
import { grid, parseA1, type Grid } from '../src/sheet/grid';
import { findRegions } from '../src/sheet/layouts';
import { readScoreTables } from '../src/sheet/readScoreTable';
import type { ScoreTable } from '../src/sheet/scoreTable';

const FIXTURES = path.join(__dirname, 'fixtures');

async function fixtureGrids(): Promise<[string, Grid[]][]> {
  const out: [string, Grid[]][] = [];
  for (const file of readdirSync(FIXTURES).sort()) {
    const full = path.join(FIXTURES, file);
    if (file.endsWith('.grid.ts')) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(full) as { default: Grid | Grid[] };
      out.push([file, Array.isArray(mod.default) ? mod.default : [mod.default]]);
    } else if (file.endsWith('.xlsx')) {
      out.push([file, await (await XlsxHost.fromBuffer(await fs.readFile(full), file)).readGrids()]);
    }
  }
  return out;
}

/** The 0-based rectangle a table spans on its sheet. */
function spans(t: ScoreTable) {
  const [from, to] = t.region.split(':').map(parseA1);
  return { top: from.row, bottom: to.row, left: from.col, right: to.col };
}

it('every header found on every fixture yields a table or a diagnostic naming its range', async () => {
  const fixtures = await fixtureGrids();
  expect(fixtures.length).toBeGreaterThanOrEqual(30);
  let regions = 0;
  for (const [file, grids] of fixtures) {
    for (const g of grids) {
      const reading = readScoreTables(g);
      for (const { layout, region } of findRegions(g)) {
        regions++;
        // A table read from it: one whose rows and columns take in the header's first cell
        // (a matrix's header row belongs to the tables of its unit rows).
        const left = parseA1(region.range.split(':')[0]).col;
        const fromTable = reading.tables.some((t) => {
          const s = spans(t);
          const rowsCover = layout.name === 'matrix' ? t.rows.header === region.top : s.top <= region.top && region.top <= s.bottom;
          return rowsCover && (layout.name === 'matrix' || (s.left <= left && left <= s.right));
        });
        const named = reading.diagnostics.some((d) => d.message.includes(region.range));
        if (!fromTable && !named) throw new Error(`${file} / ${g.name}: ${layout.name} header ${region.range} gave neither a table nor a diagnostic`);
      }
    }
  }
  expect(regions).toBeGreaterThan(30);
});

const TABLE = (unit: string, withPoints = true) => [
  [`单位：${unit}`, null, null, null, null],
  ['考核内容', '考核重点', withPoints ? '分值' : '标准', '扣分因素', '得分'],
  ['一、组织领导(100分)', '会议记录', 100, '没开会的扣1分', 98],
];

describe('tables anywhere', () => {
  it('reads two tables side by side, each with its own unit and cells', () => {
    const [a, b] = [TABLE('张庄村'), TABLE('李家村')];
    const g = grid(a.map((row, r) => [...row, null, ...b[r]]));
    const { tables, diagnostics } = readScoreTables(g);
    expect(tables.map((t) => [t.unit, t.entries.items[0][0].cell, t.region])).toEqual([
      ['张庄村', 'E3', 'A2:E3'],
      ['李家村', 'K3', 'G2:K3'],
    ]);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('a header beside a good table that lacks 分值 is a diagnostic with its range, not a silent drop', () => {
    const [a, b] = [TABLE('张庄村'), TABLE('李家村', false)];
    const g = grid(a.map((row, r) => [...row, null, ...b[r]]), { name: '全镇' });
    const { tables, diagnostics } = readScoreTables(g);
    expect(tables.map((t) => t.unit)).toEqual(['张庄村']);
    const missing = diagnostics.find((d) => d.code === 'HEADER_INCOMPLETE');
    expect(missing?.message).toBe('表头（G2:K2）缺少“分值”列，此表已跳过');
  });

  it('three tables: two side by side, a third stacked under the left one', () => {
    const [a, b, c] = [TABLE('张庄村'), TABLE('李家村'), TABLE('王庄村')];
    const rows = [...a.map((row, r) => [...row, null, ...b[r]]), [], ...c];
    const { tables } = readScoreTables(grid(rows));
    expect(tables.map((t) => [t.unit, t.entries.items[0][0].cell])).toEqual([
      ['张庄村', 'E3'],
      ['王庄村', 'E7'],
      ['李家村', 'K3'],
    ]);
  });
});

describe('得分 over two rows', () => {
  const sheet = grid(
    [
      ['单位：张庄村'],
      ['考核内容', '考核重点', '分值', '扣分因素', '得分', null, null],
      [null, null, null, null, '自评', '考核', '复核'],
      ['一、组织领导(100分)', '会议记录', 100, '没开会的扣1分', 100, 95, 90],
    ],
    { merges: ['E2:G2'] },
  );

  it('scores 复核 before 考核 before 自评, and says which column it used', () => {
    const result = scoreAssessment([sheet]);
    expect(result.units[0].table.entries.items[0][0]).toMatchObject({ cell: 'G4', raw: '90' });
    const info = result.diagnostics.find((d) => d.code === 'ENTRY_SUBCOLUMN');
    expect(info).toMatchObject({ severity: 'info', cell: 'G3', message: '得分分为“复核”“考核”“自评”栏，按 复核＞考核＞自评 的顺序取“复核”栏（G列）计分' });
  });

  it('a setting chooses another column', () => {
    const result = scoreAssessment([sheet], { ranking: 'dense', veto: 'zero', bands: [{ label: '60分以上' }], entryColumn: '自评' });
    expect(result.units[0].table.entries.items[0][0]).toMatchObject({ cell: 'E4', raw: '100' });
    expect(result.diagnostics.find((d) => d.code === 'ENTRY_SUBCOLUMN')?.message).toContain('按设置取“自评”栏（E列）');
  });

  it('the workbook’s settings sheet chooses it too (得分栏)', () => {
    const settings = grid([['设置项', '值'], ['得分栏', '考核']], { name: '考核助手设置' });
    const result = scoreAssessment([sheet, settings]);
    expect(result.units[0].table.entries.items[0][0].cell).toBe('F4');
  });
});
