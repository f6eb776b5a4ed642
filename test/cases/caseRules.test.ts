/**
 * Rate thresholds in the rules (seed 002 二(三)): 「按期结案率达到85%，每低1个百分点扣1分」 and
 * 「年终结案率达到100%，未达到的扣2分」 are scored from the case register, explained in the
 * report's deductions, and a typed 得分 that disagrees is reported.
 */
import { scoreAssessment, toReport } from '../../src/app/scoreAssessment';
import { caseCount, caseQueries } from '../../src/engine/cases/caseRules';
import { tally } from '../../src/engine/cases/rates';
import { dec } from '../../src/engine/decimal';
import { parseRules } from '../../src/engine/rules';
import { grid, type CellValue } from '../../src/sheet/grid';

function unitSheet(unit: string, entries: [CellValue, CellValue]) {
  return grid(
    [
      ['2024年度信访工作考核评分表', null, null, null, null],
      [`单位：${unit}    2024年12月20日`, null, null, null, null],
      ['考核内容', '考核重点', '分值', '扣分因素', '得分'],
      ['一、立案查办(10分)', '信访案件按期结案', 5, '按期结案率达到85%，每低1个百分点扣1分', entries[0]],
      [null, '年终结案', 5, '年终结案率达到100%，未达到的扣2分', entries[1]],
      ['总分', null, 10, null, null],
    ],
    { name: unit, merges: ['A4:A5'] },
  );
}

/** 张庄村: 6 closed (5 on time, 1 late) and 1 open not yet due; 李家村: 2 closed on time. */
const register = grid(
  [
    ['编号', '受理日期', '信访人', '责任单位', '来源', '办结日期'],
    ['Z1', '2024-03-01', '甲某', '张庄村', '上级交办', '2024-04-20'],
    ['Z2', '2024-03-01', '乙某', '张庄村', '上级交办', '2024-04-29'],
    ['Z3', '2024-03-01', '丙某', '张庄村', '上级交办', '2024-04-30'],
    ['Z4', '2024-03-01', '丁某', '张庄村', '上级交办', '2024-04-01'],
    ['Z5', '2024-03-01', '戊某', '张庄村', '上级交办', '2024-04-02'],
    ['Z6', '2024-03-01', '己某', '张庄村', '上级交办', '2024-05-06'],
    ['Z7', '2024-12-01', '庚某', '张庄村', '上级交办', null],
    ['L1', '2024-03-01', '辛某', '李家村', '领导阅批', '2024-03-20'],
    ['L2', '2024-06-01', '壬某', '李家村', '领导阅批', '2024-07-01'],
  ],
  { name: '信访事项办理台账' },
);

describe('rate rules', () => {
  test('are read as rules the register scores', () => {
    const shortfall = caseQueries(parseRules('按期结案率达到85%，每低1个百分点扣1分').rules);
    expect(shortfall).toEqual([{ measure: 'onTime', threshold: dec(85), mode: 'shortfall' }]);
    const target = caseQueries(parseRules('年终结案率达到100%，未达到的扣2分').rules);
    expect(target).toEqual([{ measure: 'closed', threshold: dec(100), mode: 'target' }]);
    expect(caseQueries(parseRules('到省正常上访,每人次扣4分').rules)).toEqual([null]);
  });

  test('count whole percentage points below the threshold (不足1个百分点的不扣)', () => {
    const q = { measure: 'onTime' as const, threshold: dec(85), mode: 'shortfall' as const };
    const of = (onTime: number, due: number) => ({ ...tally('x', []), onTime, due, onTimeRate: dec(onTime).div(due) });
    expect(caseCount(q, of(17, 20)).count).toBe(0); // 85 %
    expect(caseCount(q, of(5, 6)).count).toBe(1); // 83.33 %: 1.67 points below
    expect(caseCount(q, of(16, 20)).count).toBe(5); // 80 %
    expect(caseCount(q, of(16, 20)).reason).toBe('办理台账：按期办结率 80%（按期办结 16 件 ÷ 应办结 20 件），低于 85% 5 个百分点');
    expect(caseCount(q, tally('x', [])).count).toBe(0);
  });

  test('score items from the register, explain each deduction, and report a typed 得分 that disagrees', () => {
    const result = scoreAssessment([unitSheet('张庄村', [null, 4]), unitSheet('李家村', [null, null]), register], undefined, { asOf: '2024-12-20' });
    const report = toReport(result);
    const zhang = report.units.find((u) => u.name === '张庄村')!;
    const li = report.units.find((u) => u.name === '李家村')!;
    // 按期办结率 5/6 = 83.33 % → 1 point below 85 % → 5 − 1 = 4; 结案率 6/7 < 100 % → 5 − 2 = 3.
    expect(zhang.categories[0].score).toBe(7);
    expect(zhang.deductions.map((d) => [d.rule, d.count, d.points, d.source, d.sheet])).toEqual([
      ['按期结案率达到85%,每低1个百分点扣1分', 1, -1, 'register', '信访事项办理台账'],
      ['年终结案率达到100%,未达到的扣2分', 1, -2, 'register', '信访事项办理台账'],
    ]);
    expect(zhang.deductions[0].reason).toContain('按期办结率 83.3%（按期办结 5 件 ÷ 应办结 6 件）');
    expect(zhang.deductions[1].reason).toContain('结案率 85.7%（已办结 6 件 ÷ 受理 7 件）');
    expect(result.diagnostics.filter((d) => d.code === 'ENTRY_DIFFERS_FROM_RECORDS').map((d) => [d.sheet, d.cell])).toEqual([['张庄村', 'E5']]);
    expect(li.categories[0].score).toBe(10);
    expect(li.deductions).toEqual([]);
    expect(JSON.stringify(report)).not.toMatch(/甲某|乙某|辛某/);
  });

  test('without a register the items keep what was typed', () => {
    const report = toReport(scoreAssessment([unitSheet('张庄村', [5, 4])]));
    expect(report.units[0].categories[0].score).toBe(9);
    expect(report.cases).toBeUndefined();
  });
});

test('a rate requirement without points is not scored: the unit’s rates are stated for the assessor', () => {
  const sheet = (unit: string) =>
    grid(
      [
        ['2024年度信访工作考核评分表', null, null, null, null],
        [`单位：${unit}    2024年12月20日`, null, null, null, null],
        ['考核内容', '考核重点', '分值', '扣分因素', '得分'],
        ['一、立案查办(5分)', '坚持立案查办制度', 5, '信访案件按期结案率达到85%，年终结案率达到100%。', 4],
      ],
      { name: unit },
    );
  const result = scoreAssessment([sheet('张庄村'), sheet('李家村'), register], undefined, { asOf: '2024-12-20' });
  expect(toReport(result).units.find((u) => u.name === '张庄村')!.categories[0].score).toBe(4);
  const targets = result.diagnostics.filter((d) => d.code === 'CASE_TARGET' && d.sheet === '张庄村');
  expect(targets.map((d) => [d.cell, d.severity])).toEqual([['E4', 'info'], ['E4', 'info']]);
  expect(targets[0].message).toBe('“坚持立案查办制度”的要求“按期结案率达到85%”：张庄村按期办结率 83.3%（按期办结 5 件 ÷ 应办结 6 件），未达到，扣分因素没有写扣几分，请按实际评分');
  expect(targets[1].message).toContain('结案率 85.7%');
});
