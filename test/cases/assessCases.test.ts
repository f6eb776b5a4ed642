/**
 * The register judged as a whole (assessCases): an extension measured the same way however it is
 * written, a 延期至 before the due date, 办结日期 after the as-of date or years away, duplicate
 * 编号 across register sheets, and where the as-of date comes from.
 */
import { assessCases } from '../../src/app/cases';
import { scoreAssessment } from '../../src/app/scoreAssessment';
import { grid, type CellValue } from '../../src/sheet/grid';

const UNITS = ['张庄村', '李家村'];
const HEADER = ['编号', '受理日期', '信访人', '责任单位', '来源', '延期', '延期批准', '办结日期'];
const register = (rows: CellValue[][], name = '信访事项办理台账') => grid([HEADER, ...rows], { name });
const assess = (rows: CellValue[][], asOf = '2024-12-20', asOfFrom: 'given' | 'assessment' | 'today' = 'given') =>
  assessCases([register(rows)], { asOf, asOfFrom, units: UNITS, year: 2024 })!;
const where = (result: ReturnType<typeof assess>) => result.diagnostics.map((d) => `${d.code} ${d.severity} ${d.sheet}!${d.cell}`);
const dueOf = (result: ReturnType<typeof assess>) => result.outcomes.map((o) => [o.case.id, o.due, o.extensionDays]);

/**
 * 上级交办 60 日 from 2024-02-20: day 60 is Saturday 4-20 (the end of the period), due Monday 4-22.
 * 延期上限 30 日, counted from 4-20 whichever way the extension is written: at the limit 5-20, just
 * past it 5-21; 5-22 is 30 days after the due date but 32 after the end.
 */
describe('an extension, written as days or as a date, measured from the same base with the same limit', () => {
  test('at the limit both are applied and give the same due date', () => {
    const result = assess([
      ['D30', '2024-02-20', '甲某', '张庄村', '上级交办', 30, '是', '2024-05-20'],
      ['U30', '2024-02-20', '乙某', '张庄村', '上级交办', '2024-05-20', '是', '2024-05-20'],
    ]);
    expect(result.diagnostics).toEqual([]);
    expect(dueOf(result)).toEqual([
      ['D30', '2024-05-20', 30],
      ['U30', '2024-05-20', 30],
    ]);
    expect(result.overall.onTime).toBe(2);
  });

  test('just past the limit both are errors at the 延期 cell, and the case is not counted', () => {
    const result = assess([
      ['D31', '2024-02-20', '甲某', '张庄村', '上级交办', 31, '是', null],
      ['U31', '2024-02-20', '乙某', '张庄村', '上级交办', '2024-05-21', '是', null],
    ]);
    expect(where(result)).toEqual(['CASE_EXTENSION_BEYOND_LIMIT error 信访事项办理台账!F2', 'CASE_EXTENSION_BEYOND_LIMIT error 信访事项办理台账!F3']);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      '延期 31 日（自原期限末日 2024-04-20 起算），超过延期上限 30 日（《信访工作条例》第三十四条），此件未计入',
      '延期至 2024-05-21 即延期 31 日（自原期限末日 2024-04-20 起算），超过延期上限 30 日（《信访工作条例》第三十四条），此件未计入',
    ]);
    expect(result.outcomes).toEqual([]);
  });

  test('32 days and the date 32 days on are refused alike (the date is 30 days after the moved due date)', () => {
    const result = assess([
      ['D32', '2024-02-20', '甲某', '张庄村', '上级交办', '32日', '是', null],
      ['U32', '2024-02-20', '乙某', '张庄村', '上级交办', '2024-05-22', '是', null],
    ]);
    expect(where(result)).toEqual(['CASE_EXTENSION_BEYOND_LIMIT error 信访事项办理台账!F2', 'CASE_EXTENSION_BEYOND_LIMIT error 信访事项办理台账!F3']);
    expect(result.outcomes).toEqual([]);
  });

  test('a 延期上限 from the settings applies to both forms', () => {
    const rows = [
      ['D20', '2024-02-20', '甲某', '张庄村', '上级交办', 20, '是', null],
      ['U21', '2024-02-20', '乙某', '张庄村', '上级交办', '2024-05-11', '是', null],
    ];
    const result = assessCases([register(rows)], { asOf: '2024-12-20', units: UNITS, year: 2024, rules: { ...assess([]).rules, extensionLimit: 20 } })!;
    expect(where(result)).toEqual(['CASE_EXTENSION_BEYOND_LIMIT error 信访事项办理台账!F3']);
    expect(dueOf(result)).toEqual([['D20', '2024-05-10', 20]]);
  });

  test('a 延期至 date before the original due date is reported at its cell; the original due date is kept', () => {
    const result = assess([
      ['E1', '2024-02-20', '甲某', '张庄村', '上级交办', '2024-04-21', '是', '2024-04-23'],
      ['E2', '2024-02-20', '乙某', '李家村', '上级交办', '2024-03-01', '是', null],
    ]);
    expect(where(result)).toEqual(['CASE_EXTENSION_BEFORE_DUE warning 信访事项办理台账!F2', 'CASE_EXTENSION_BEFORE_DUE warning 信访事项办理台账!F3']);
    expect(result.diagnostics[0].message).toBe('延期至 2024-04-21 早于原到期日 2024-04-22，不是延期：按原到期日 2024-04-22 计算，请核对');
    expect(dueOf(result)).toEqual([
      ['E1', '2024-04-22', 0],
      ['E2', '2024-04-22', 0],
    ]);
    expect(result.outcomes.map((o) => [o.state, o.daysOver])).toEqual([
      ['逾期', 1],
      ['逾期', 242],
    ]);
  });
});

describe('办结日期 checked against the as-of date and the year', () => {
  // 上级交办 60 日 from 2024-10-08: day 60 is Saturday 12-7 → Monday 12-9.
  const late = ['C1', '2024-10-08', '甲某', '张庄村', '上级交办', null, null, '2024-12-23'];

  test('after an as-of date chosen by the user: said (info) and counted as open on that day', () => {
    const result = assess([late]);
    expect(where(result)).toEqual(['CASE_CLOSED_AFTER_GIVEN_AS_OF info 信访事项办理台账!H2']);
    expect(result.diagnostics[0].message).toBe('办结日期 2024-12-23 在所选截至日期 2024-12-20 之后：按截至该日尚未办结计算');
    expect(result.overdue.map((o) => [o.case.id, o.daysOver])).toEqual([['C1', 11]]);
  });

  test('after the assessment date or today, taken by default: a warning naming where the date came from', () => {
    const assessment = assess([late], '2024-12-20', 'assessment');
    expect(where(assessment)).toEqual(['CASE_CLOSED_AFTER_AS_OF warning 信访事项办理台账!H2']);
    expect(assessment.diagnostics[0].message).toBe('办结日期 2024-12-23 晚于截至日期 2024-12-20（评分表上的考核日期），请核对；按截至该日尚未办结计算');
    expect(assessment.overall).toMatchObject({ closed: 0, late: 1 });
    expect(assess([late], '2024-12-21', 'today').diagnostics[0].message).toContain('（今天）');
  });

  test('years away (a mistyped 2042) is an error at the cell and the case is not counted as anything', () => {
    const result = assess([['C2', '2024-10-08', '甲某', '张庄村', '上级交办', null, null, '2042-12-09']]);
    expect(where(result)).toEqual(['CASE_CLOSED_OUTSIDE_YEAR error 信访事项办理台账!H2']);
    expect(result.outcomes).toEqual([]);
    expect(result.overall.total).toBe(0);
  });

  test('on or before the as-of date: nothing to say', () => {
    expect(assess([late], '2024-12-23').diagnostics).toEqual([]);
  });
});

test('a 编号 repeated on a second register sheet is an error there, pointing at the first', () => {
  const first = register([['XF-1', '2024-03-05', '甲某', '张庄村', '上级交办', null, null, '2024-04-01']]);
  const second = register(
    [
      ['XF-2', '2024-03-06', '乙某', '李家村', '上级交办', null, null, null],
      ['XF-1', '2024-03-07', '丙某', '李家村', '上级交办', null, null, null],
    ],
    '2024年案件台账',
  );
  const result = assessCases([first, second], { asOf: '2024-12-20', units: UNITS, year: 2024 })!;
  expect(where(result)).toEqual(['CASE_DUPLICATE_ID error 2024年案件台账!A3']);
  expect(result.diagnostics[0].message).toBe('编号“XF-1”与 信访事项办理台账!A2 重复，此件未计入');
  expect(result.outcomes.map((o) => [o.case.sheet, o.case.id, o.case.unit])).toEqual([
    ['信访事项办理台账', 'XF-1', '张庄村'],
    ['2024年案件台账', 'XF-2', '李家村'],
  ]);
});

describe('the as-of date by default', () => {
  const unitSheet = (unit: string, dateLine: string) =>
    grid(
      [
        ['2024年度信访工作考核评分表', null, null, null, null],
        [`单位：${unit}${dateLine}`, null, null, null, null],
        ['考核内容', '考核重点', '分值', '扣分因素', '得分'],
        ['一、组织领导(10分)', '会议记录', 10, '没开会的扣1分', 10],
        ['总分', null, 10, null, null],
      ],
      { name: unit },
    );
  const open = register([['O1', '2024-10-08', '甲某', '张庄村', '上级交办', null, null, null]]);

  test('is today (the clock given) when the score sheets carry no assessment date', () => {
    const result = scoreAssessment([unitSheet('张庄村', ''), unitSheet('李家村', ''), open], undefined, { today: '2024-12-03' });
    expect([result.cases!.asOf, result.cases!.asOfFrom]).toEqual(['2024-12-03', 'today']);
    expect(result.cases!.dueSoon.map((o) => [o.case.id, o.daysLeft])).toEqual([['O1', 6]]);
    const later = scoreAssessment([unitSheet('张庄村', ''), unitSheet('李家村', ''), open], undefined, { today: '2024-12-15' });
    expect(later.cases!.overdue.map((o) => [o.case.id, o.daysOver])).toEqual([['O1', 6]]);
  });

  test('is the assessment date when the score sheets carry one, whatever today is', () => {
    const result = scoreAssessment([unitSheet('张庄村', '    2024年12月20日'), unitSheet('李家村', '    2024年12月20日'), open], undefined, { today: '2024-12-01' });
    expect([result.cases!.asOf, result.cases!.asOfFrom]).toEqual(['2024-12-20', 'assessment']);
  });
});
