/** 现场评分: values checked as typed; saving writes that unit's entry cells and reasons, nothing else. */
import path from 'path';
import { checkAdjustment, checkItem, onSitePlan, onSiteProblems, onSiteStart } from '../../src/app/onSite';
import { scoreAssessment } from '../../src/app/scoreAssessment';
import { dec } from '../../src/engine/decimal';
import { openWorkbookFile } from '../../src/host/xlsxFile';
import type { Grid } from '../../src/sheet/grid';
import synonyms from '../fixtures/synonyms.grid';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'sample-2024.xlsx');
const item = { label: '信访件办理', points: dec(5), rules: [] };

test.each([
  ['5', true],
  ['４.5', true],
  ['', true],
  ['6', '不能超过分值 5'],
  ['-1', '得分不能为负数'],
  ['好', '请输入数字'],
])('checkItem(%p)', (typed, expected) => {
  const r = checkItem(typed, item);
  if (expected === true) expect(r.ok).toBe(true);
  else expect(r).toEqual({ ok: false, message: expected });
});

test('加减分 keep their sign and cap', () => {
  expect(checkAdjustment('-1', { label: '缺席', rule: '', kind: 'bonus', cap: null })).toEqual({ ok: false, message: '这是加分项，应为正数' });
  expect(checkAdjustment('12', { label: '卷宗', rule: '', kind: 'bonus', cap: dec(10) })).toEqual({ ok: false, message: '不能超过 10 分' });
  expect(checkAdjustment('-1', { label: '缺席', rule: '', kind: 'either', cap: null }).ok).toBe(true);
});

/** Cells that differ between two readings of a workbook: 'sheet!r:c'. */
function diff(a: Grid[], b: Grid[]): string[] {
  const out: string[] = [];
  a.forEach((g, i) => {
    const h = b[i];
    const rows = Math.max(g.rows.length, h.rows.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(g.rows[r]?.length ?? 0, h.rows[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) if (JSON.stringify(g.rows[r]?.[c] ?? null) !== JSON.stringify(h.rows[r]?.[c] ?? null)) out.push(`${g.name}!${r}:${c}`);
    }
  });
  return out;
}

test('correcting 刘湾村 E4 writes E4 and its note only; every other cell of the workbook stays', async () => {
  const host = await openWorkbookFile(SAMPLE);
  const before = await host.readGrids();
  const table = scoreAssessment(before).units.find((u) => u.table.unit === '刘湾村')!.table;
  const input = onSiteStart(table);
  expect(input.items[0][0]).toBe('6');
  expect(onSiteProblems(table, input)).toEqual(new Map([['0.0', '不能超过分值 5']]));
  expect(() => onSitePlan(table, input)).toThrow('有无效的得分');

  input.items[0][0] = '5';
  input.reasons[0][1] = '会议记录不全';
  const plan = onSitePlan(table, input);
  expect(plan.cells).toEqual([
    { sheet: '刘湾村', cell: 'E4', value: 5 },
    { sheet: '刘湾村', cell: 'E5', value: 5, note: '扣分原因：会议记录不全' },
  ]);
  await host.apply(plan);
  expect(diff(before, await host.readGrids())).toEqual(['刘湾村!3:4']);
  expect(scoreAssessment(await host.readGrids()).diagnostics.filter((d) => d.sheet === '刘湾村' && d.severity === 'error')).toEqual([]);
});

test('a table with a 扣分原因 column takes the reason there', () => {
  const table = scoreAssessment([synonyms]).units[0].table;
  const input = onSiteStart(table);
  input.items[0][1] = '4';
  input.reasons[0][1] = '专人未到岗';
  expect(onSitePlan(table, input).cells).toEqual([
    { sheet: 'Sheet1', cell: 'E5', value: 4 },
    { sheet: 'Sheet1', cell: 'F5', value: '专人未到岗' },
  ]);
});

test('the veto switch writes the veto cell, and nothing when left as it was', async () => {
  const grids = await (await openWorkbookFile(SAMPLE)).readGrids();
  const table = scoreAssessment(grids).units.find((u) => u.table.unit === '赵集村')!.table;
  const input = onSiteStart(table);
  expect(input.veto).toBe(true);
  expect(onSitePlan(table, input).cells).toEqual([]);
  input.veto = false;
  expect(onSitePlan(table, input).cells).toEqual([{ sheet: '赵集村', cell: 'E35', value: '否' }]);
});
