/** 现场评分: values checked as typed; saving writes that unit's entry cells and reasons, nothing else. */
import path from 'path';
import {
  checkAdjustment,
  checkItem,
  missingReasons,
  onSiteChanges,
  onSitePlan,
  onSiteProblems,
  onSiteRebase,
  onSiteStart,
  recordableRules,
  recordPlan,
} from '../../src/app/onSite';
import { compileScheme } from '../../src/engine/deductions';
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

test('the reasons already in the 扣分原因 column are shown, and only a changed one is written', () => {
  const table = scoreAssessment([synonyms]).units[0].table;
  const input = onSiteStart(table, synonyms);
  expect(input.reasons).toEqual([['', '未明确专人'], ['化解率99%', '积案1件']]);
  expect(onSitePlan(table, input, synonyms).cells).toEqual([]);
  input.items[1][1] = '30';
  input.reasons[1][1] = '积案2件';
  input.reasons[0][1] = '';
  expect(onSitePlan(table, input, synonyms).cells).toEqual([
    { sheet: 'Sheet1', cell: 'F5', value: null },
    { sheet: 'Sheet1', cell: 'E7', value: 30 },
    { sheet: 'Sheet1', cell: 'F7', value: '积案2件' },
  ]);
});

test('a note on an entry holding a formula keeps the formula', () => {
  const sheet = { ...synonyms, name: 'Sheet1', formulas: { E4: '5+5' } };
  const plain = { ...sheet, rows: sheet.rows.map((r) => r.slice(0, 5)), formulas: { E4: '5+5' } };
  const table = scoreAssessment([plain]).units[0].table;
  expect(table.columns.reason).toBeUndefined();
  const input = onSiteStart(table, plain);
  input.reasons[0][0] = '方案未印发';
  expect(onSitePlan(table, input, plain).cells).toEqual([{ sheet: 'Sheet1', cell: 'E4', value: 10, note: '扣分原因：方案未印发', formula: '5+5' }]);
});

test('deductions without a reason are listed: items below their points and negative 加减分', async () => {
  const grids = await (await openWorkbookFile(SAMPLE)).readGrids();
  const table = scoreAssessment(grids).units.find((u) => u.table.unit === '张庄村')!.table;
  const input = onSiteStart(table);
  const before = missingReasons(table, input);
  input.items[0][2] = '3';
  input.adjustments[5] = '-2';
  const now = missingReasons(table, input);
  expect(now).toEqual(expect.arrayContaining([...before, '0.2', 'a.5']));
  expect(now).toHaveLength(before.length + 2);
  input.reasons[0][2] = '1件未上报';
  input.adjustmentReasons[5] = '缺席2次';
  expect(missingReasons(table, input)).toEqual(before);
  // Against what the workbook held, only the deductions entered now count (an old reason may be a note).
  input.reasons[0][2] = '';
  expect(missingReasons(table, input, onSiteStart(table))).toEqual(['0.2']);
  input.reasons[0][2] = '1件未上报';
  const plan = onSitePlan(table, input);
  expect(plan.cells).toContainEqual({ sheet: '张庄村', cell: 'E6', value: 3, note: '扣分原因：1件未上报' });
  expect(plan.cells.find((c) => c.note === '扣分原因：缺席2次')?.value).toBe(-2);
});

describe('a draft carried onto a new reading of the workbook', () => {
  test('keeps what the user typed and follows the workbook elsewhere', async () => {
    const host = await openWorkbookFile(SAMPLE);
    const grids = await host.readGrids();
    const table = scoreAssessment(grids).units.find((u) => u.table.unit === '刘湾村')!.table;
    const base = onSiteStart(table);
    const input = { ...onSiteStart(table), items: base.items.map((r) => [...r]) };
    input.items[0][0] = '5';
    expect(onSiteChanges({ base, input })).toBe(1);

    // Someone else writes E5 = 3 meanwhile.
    await host.apply({ cells: [{ sheet: '刘湾村', cell: 'E5', value: 3 }] });
    const next = onSiteStart(scoreAssessment(await host.readGrids()).units.find((u) => u.table.unit === '刘湾村')!.table);
    const rebased = onSiteRebase({ base, input }, next);
    expect(rebased.input.items[0].slice(0, 2)).toEqual(['5', '3']);
    expect(rebased.base).toBe(next);
    expect(onSiteChanges(rebased)).toBe(1);

    // After saving, the draft has nothing left unsaved.
    await host.apply({ cells: [{ sheet: '刘湾村', cell: 'E4', value: 5 }] });
    const saved = onSiteStart(scoreAssessment(await host.readGrids()).units.find((u) => u.table.unit === '刘湾村')!.table);
    expect(onSiteChanges(onSiteRebase(rebased, saved))).toBe(0);
  });

  test('starts again from the workbook when the table changed shape', () => {
    const table = scoreAssessment([synonyms]).units[0].table;
    const base = onSiteStart(table);
    const next = { ...base, items: [base.items[0]] };
    expect(onSiteRebase({ base, input: { ...base, veto: true } }, next)).toEqual({ base: next, input: next });
  });
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

describe('recording an occurrence on site (扣分明细)', () => {
  test('a rule the case register scores is not offered on site when the workbook has a register (it would not be counted), and is without one', async () => {
    const result = scoreAssessment(await (await openWorkbookFile(SAMPLE)).readGrids());
    const item = compileScheme(result.assessment.scheme!).find((it) => it.label === '领导批办的信访件及时办结情况')!;
    expect(result.cases).not.toBeNull();
    expect(recordableRules(item, true)).toEqual([]);
    expect(recordableRules(item, false).map((r) => r.sourceText)).toEqual(['到期不能按时结案的,每件扣5分']);
  });

  test('appends a row to the log and sets the item to what its rules now give, then the workbook reads consistently', async () => {
    const host = await openWorkbookFile(SAMPLE);
    const before = await host.readGrids();
    const result = scoreAssessment(before);
    const item = compileScheme(result.assessment.scheme!).find((it) => it.label === '开展矛盾纠纷排查情况')!;
    expect(recordableRules(item).map((r) => r.sourceText)).toEqual(['每月排查两次并上报,缺一次扣1分', '没有负责人签字并加盖公章的缺1次扣一分']);
    const plan = recordPlan(before, result, { unit: '李家村', itemKey: item.key, ruleId: 'r1', count: 1, reason: '11月未排查', who: '李组员', date: '2024-12-19' });
    // The log already has one 缺一次 for 李家村: two now, 5 − 2 = 3.
    expect(plan.cells).toEqual([
      { sheet: '李家村', cell: 'E7', value: 3 },
      { sheet: '扣分明细', cell: 'A11', value: '李家村' },
      { sheet: '扣分明细', cell: 'B11', value: '开展矛盾纠纷排查情况' },
      { sheet: '扣分明细', cell: 'C11', value: '每月排查两次并上报,缺一次扣1分' },
      { sheet: '扣分明细', cell: 'D11', value: 1 },
      { sheet: '扣分明细', cell: 'F11', value: '11月未排查' },
      { sheet: '扣分明细', cell: 'G11', value: '李组员' },
      { sheet: '扣分明细', cell: 'H11', value: '2024-12-19' },
    ]);
    await host.apply(plan);
    const after = scoreAssessment(await host.readGrids());
    const li = after.units.find((u) => u.table.unit === '李家村')!;
    expect(li.score.categories[0].score.toNumber()).toBe(17);
    expect(li.deductions.filter((d) => d.itemKey === item.key).map((d) => d.reason)).toEqual(['6月下旬排查未开展', '11月未排查']);
    expect(after.diagnostics.filter((d) => d.code === 'ENTRY_DIFFERS_FROM_RECORDS')).toEqual([]);
  });

  test('a workbook without a 扣分明细 gets one, with its header', () => {
    const grids = [synonyms];
    const result = scoreAssessment(grids);
    const plan = recordPlan(grids, result, { unit: '李家村', itemKey: 'c0.i1', ruleId: 'r1', count: 1, reason: '无专人', who: '', date: '2024-12-19' });
    expect(plan.cells).toEqual([{ sheet: 'Sheet1', cell: 'E5', value: 5 }]);
    expect(plan.sheets?.[0].name).toBe('扣分明细');
    expect(plan.sheets?.[0].cells.slice(0, 3).map((c) => c.value)).toEqual(['单位', '考核项目', '扣分因素']);
  });

  test('a once-only rule recorded again is refused by its wording, not by its internal id', async () => {
    const host = await openWorkbookFile(SAMPLE);
    const record = { unit: '李家村', itemKey: 'c0.i1', ruleId: 'r2', count: 1, reason: '无包保表', who: '', date: '2024-12-19' };
    await host.apply(recordPlan(await host.readGrids(), scoreAssessment(await host.readGrids()), record));
    const grids = await host.readGrids();
    expect(() => recordPlan(grids, scoreAssessment(grids), record)).toThrow(
      '“对信访人包保情况(查会议记录或包保表)没有扣5分”只计一次，李家村的“落实领导包案制度情况,村主要领导接访情况”已经记录过（见“扣分明细”），不能再记',
    );
  });
});
