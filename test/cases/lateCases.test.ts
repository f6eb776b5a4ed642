/**
 * Seed 003's own per-case rule, 三、解决信访问题 · 领导批办的信访件及时办结情况 (10分):
 * 「到期不能按时结案的,每件扣5分」. With a case register each of the unit's cases closed late or
 * open past due counts once, 5 points each, 扣完为止 at the item's points; the reason names the
 * cases by 编号. Without a register the rule is what it was: counted by hand (扣分明细), and the
 * typed 得分 stands.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { scoreAssessment, toReport } from '../../src/app/scoreAssessment';
import { caseCount, caseQueries } from '../../src/engine/cases/caseRules';
import { tally } from '../../src/engine/cases/rates';
import { parseRules } from '../../src/engine/rules';
import { XlsxHost } from '../../src/host/xlsxHost';
import { grid, type CellValue, type Grid } from '../../src/sheet/grid';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'sample-2024.xlsx');
const RULE = '到期不能按时结案的,每件扣5分';

function unitSheet(unit: string, entry: CellValue, extra: CellValue[][] = []) {
  return grid(
    [
      ['2024年度信访工作考核评分表', null, null, null, null],
      [`单位：${unit}    2024年12月20日`, null, null, null, null],
      ['考核内容', '考核重点', '分值', '扣分因素', '得分'],
      ['三、解决信访问题(15分)', '领导批办的信访件及时办结情况', 10, RULE, entry],
      [null, '及时上报矛盾纠纷化解材料', 5, '未及时上报的扣1分', 5],
      ...extra,
      ['总分', null, 15, null, null],
    ],
    { name: unit, merges: ['A4:A5'] },
  );
}

/**
 * As of 2024-12-20 (上级交办 60 日; 领导阅批 30 日):
 * 张庄村 Z1 closed on time (due 04-30), Z2 closed late (05-06 after 04-30), Z3 open past due
 * (due 06-30, a Sunday → 07-01), Z4 closed late (due 07-31, closed 08-05), Z5 open and not yet due
 * (due 2025-01-30 … 春节 → 2025-02-05): 3 late → 15 points stated, 扣完为止 at 10 → 0.
 * 李家村 L1 closed late by one day (due 04-01, closed 04-02): 1 late → 10 − 5 = 5.
 * 王庄村 has no case: 0 late → 10.
 */
const register = grid(
  [
    ['编号', '受理日期', '信访人', '事由', '责任单位', '来源', '办结日期'],
    ['Z1', '2024-03-01', '甲某', '宅基地', '张庄村', '上级交办', '2024-04-20'],
    ['Z2', '2024-03-01', '乙某', '宅基地', '张庄村', '上级交办', '2024-05-06'],
    ['Z3', '2024-05-01', '丙某', '宅基地', '张庄村', '上级交办', null],
    ['Z4', '2024-06-01', '丁某', '宅基地', '张庄村', '上级交办', '2024-08-05'],
    ['Z5', '2024-12-01', '戊某', '宅基地', '张庄村', '上级交办', null],
    ['L1', '2024-03-02', '己某', '宅基地', '李家村', '领导阅批', '2024-04-02'],
  ],
  { name: '信访事项办理台账' },
);

describe('the per-case rule 到期不能按时结案的,每件扣5分', () => {
  test('is read as a rule the register counts, per late case; other rules are not', () => {
    expect(caseQueries(parseRules(RULE).rules)).toEqual([{ mode: 'perCase' }]);
    expect(caseQueries(parseRules('逾期未办结的,每件扣2分').rules)).toEqual([{ mode: 'perCase' }]);
    expect(caseQueries(parseRules('信访件未按期办结的每起扣3分').rules)).toEqual([{ mode: 'perCase' }]);
    // Not a case counted: a rate, another counting word, or nothing about closing on time.
    expect(caseQueries(parseRules('按期结案率达到85%，每低1个百分点扣1分').rules)).toEqual([{ measure: 'onTime', threshold: expect.anything(), mode: 'shortfall' }]);
    expect(caseQueries(parseRules('到期不能按时结案的,每人次扣5分').rules)).toEqual([null]);
    expect(caseQueries(parseRules('上访群众没有村级处理意见的每件扣1分').rules)).toEqual([null]);
    expect(caseQueries(parseRules('每件扣1分').rules)).toEqual([null]);
  });

  test('counts the late cases given, naming each by 编号 only', () => {
    const none = caseCount({ mode: 'perCase' }, tally('x', []), []);
    expect(none).toEqual({ count: 0, reason: '办理台账：到期未按时办结 0 件' });
  });

  test('scores the item from the register: 5 per late case, 扣完为止, each deduction explained, a typed 得分 that disagrees reported', () => {
    const result = scoreAssessment([unitSheet('张庄村', 10), unitSheet('李家村', null), unitSheet('王庄村', 10), register], undefined, { asOf: '2024-12-20' });
    const report = toReport(result);
    const unit = (name: string) => report.units.find((u) => u.name === name)!;
    expect(unit('张庄村').categories[0].score).toBe(5);
    expect(unit('李家村').categories[0].score).toBe(10);
    expect(unit('王庄村').categories[0].score).toBe(15);
    expect(unit('张庄村').deductions).toEqual([
      {
        item: '领导批办的信访件及时办结情况',
        rule: RULE,
        count: 3,
        points: -15,
        reason: '办理台账：到期未按时办结 3 件（Z2 逾期办结6日、Z3 逾期未办结172日、Z4 逾期办结5日）',
        source: 'register',
        sheet: '信访事项办理台账',
        cell: 'A3',
      },
    ]);
    expect(unit('李家村').deductions.map((d) => [d.count, d.points, d.reason, d.cell])).toEqual([[1, -5, '办理台账：到期未按时办结 1 件（L1 逾期办结1日）', 'A7']]);
    expect(unit('王庄村').deductions).toEqual([]);
    const where = (code: string) => result.diagnostics.filter((d) => d.code === code).map((d) => [d.sheet, d.cell]);
    // 张庄村 typed 10 where the register gives 0 (an error showing both numbers); 扣完为止 is said; 王庄村's 10 agrees.
    expect(where('ENTRY_DIFFERS_FROM_RECORDS')).toEqual([['张庄村', 'E4']]);
    expect(where('DEDUCTIONS_EXHAUSTED')).toEqual([['张庄村', 'E4']]);
    expect(result.diagnostics.find((d) => d.code === 'ENTRY_DIFFERS_FROM_RECORDS')?.message).toContain('填写 10，按扣分记录计算为 0');
    expect(JSON.stringify(report)).not.toMatch(/甲某|乙某|丙某|宅基地/);
  });

  test('without a register the typed 得分 stands, and a 扣分明细 row for the rule counts as before', () => {
    const log = grid(
      [
        ['单位', '考核项目', '扣分因素', '次数', '扣(加)分', '原因', '记录人', '日期'],
        ['李家村', '领导批办的信访件及时办结情况', null, 1, null, '3月批办件逾期', '王组长', '2024-12-19'],
      ],
      { name: '扣分明细' },
    );
    const typed = toReport(scoreAssessment([unitSheet('张庄村', 10), unitSheet('李家村', 5)], undefined, { asOf: '2024-12-20' }));
    expect(typed.units.find((u) => u.name === '张庄村')!.categories[0].score).toBe(15);
    expect(typed.units.find((u) => u.name === '李家村')!.categories[0].score).toBe(10);
    expect(typed.units.flatMap((u) => u.deductions)).toEqual([]);
    const logged = scoreAssessment([unitSheet('张庄村', 10), unitSheet('李家村', null), log], undefined, { asOf: '2024-12-20' });
    const li = toReport(logged).units.find((u) => u.name === '李家村')!;
    expect(li.deductions.map((d) => [d.points, d.source, d.reason])).toEqual([[-5, 'log', '3月批办件逾期']]);
    expect(li.categories[0].score).toBe(10);
    expect(logged.diagnostics.map((d) => d.code)).not.toContain('LOG_RULE_FROM_LEDGER');
  });

  test('with a register, a 扣分明细 row for the rule is not counted twice', () => {
    const log = grid(
      [
        ['单位', '考核项目', '扣分因素', '次数', '扣(加)分', '原因', '记录人', '日期'],
        ['李家村', '领导批办的信访件及时办结情况', null, 1, null, '3月批办件逾期', '王组长', '2024-12-19'],
      ],
      { name: '扣分明细' },
    );
    const result = scoreAssessment([unitSheet('张庄村', null), unitSheet('李家村', null), register, log], undefined, { asOf: '2024-12-20' });
    const warning = result.diagnostics.find((d) => d.code === 'LOG_RULE_FROM_LEDGER');
    expect([warning?.sheet, warning?.cell]).toEqual(['扣分明细', 'C2']);
    expect(warning?.message).toBe(`“${RULE}”按信访事项办理台账自动计数，扣分明细中的这一条未计入（避免重复扣分）`);
    expect(toReport(result).units.find((u) => u.name === '李家村')!.categories[0].score).toBe(10);
  });
});

describe('on the sample', () => {
  async function sampleGrids(): Promise<Grid[]> {
    return (await XlsxHost.fromBuffer(await fs.readFile(SAMPLE), SAMPLE)).readGrids();
  }

  /**
   * Late cases per unit on 2024-12-20, counted by hand from SAMPLE_CASES (scripts/makeSample.ts):
   * 张庄村 none (001, 011, 021 on time; 031 due today) → 10
   * 李家村 002 (closed 1 day late), 022 (4 days late) → 2 → 0
   * 王庄村 013 (2 days late), 023 (1 day late) → 2 → 0
   * 赵集村 none (004, 014, 024 on time; 034 not yet due) → 10
   * 刘湾村 025 (2 days late) → 1 → 5
   * 陈楼村 006 (1 day late) → 1 → 5
   * 杨店社区 017 (3 days late), 027 (open, 58 days past due) → 2 → 0
   * 周口居委会 none (008, 018, 028 on time; 038 not yet due) → 10
   * 前营村 029 (open, 11 days past due) → 1 → 5
   * 孙庄村 010 (6 days late), 030 (7 days late; its 延期 was not approved) → 2 → 0
   */
  const HAND: Record<string, [late: string[], score: number]> = {
    张庄村: [[], 10],
    李家村: [['XF2024-002', 'XF2024-022'], 0],
    王庄村: [['XF2024-013', 'XF2024-023'], 0],
    赵集村: [[], 10],
    刘湾村: [['XF2024-025'], 5],
    陈楼村: [['XF2024-006'], 5],
    杨店社区: [['XF2024-017', 'XF2024-027'], 0],
    周口居委会: [[], 10],
    前营村: [['XF2024-029'], 5],
    孙庄村: [['XF2024-010', 'XF2024-030'], 0],
  };

  test('E18 of every unit is the register’s count, 5 points a late case, explained by 编号', async () => {
    const result = scoreAssessment(await sampleGrids(), undefined, { today: '2030-01-01' });
    const got = Object.fromEntries(
      result.units.map((u) => {
        const d = u.deductions.filter((x) => x.rule === RULE);
        const e18 = u.entries.items.flat().find((e) => e.cell === 'E18')!;
        return [u.table.unit, [d.flatMap((x) => [...x.reason.matchAll(/XF2024-\d{3}/g)].map((m) => m[0])), e18.status === 'ok' && e18.value ? e18.value.toNumber() : null]];
      }),
    );
    expect(got).toEqual(HAND);
    // The sample leaves E18 blank (computed, as section 二 is from the ledger): nothing typed disagrees.
    expect(result.diagnostics.filter((d) => d.code === 'ENTRY_DIFFERS_FROM_RECORDS')).toEqual([]);
  });

  test('a typed E18 that disagrees with the register is an error with both numbers; the cell is not changed', async () => {
    const grids = await sampleGrids();
    const li = grids.find((g) => g.name === '李家村')!;
    li.rows[17][4] = 10;
    const result = scoreAssessment(grids, undefined, { today: '2030-01-01' });
    const d = result.diagnostics.filter((x) => x.code === 'ENTRY_DIFFERS_FROM_RECORDS');
    expect(d.map((x) => [x.sheet, x.cell])).toEqual([['李家村', 'E18']]);
    expect(d[0].message).toBe('得分单元格填写 10，按扣分记录计算为 0（-10 分：到期不能按时结案的,每件扣5分 ×2）；已按计算结果计分，该单元格未改动，请核对');
    expect(li.rows[17][4]).toBe(10);
  });
});
