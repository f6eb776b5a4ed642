/** Deadline rules as rows of the settings sheet 考核助手设置, and the calendar's limits reported. */
import { caseSettingCells, readCaseRules } from '../../src/app/caseSettings';
import { scoreAssessment, toReport } from '../../src/app/scoreAssessment';
import { readSettings, settingsSheetPlan, DEFAULT_WORKBOOK_SETTINGS, SETTINGS_SHEET } from '../../src/app/settings';
import { DEFAULT_CASE_RULES } from '../../src/engine/cases/deadline';
import { grid, type CellValue } from '../../src/sheet/grid';

const settings = (rows: CellValue[][]) => grid([['设置项', '值', '说明'], ...rows], { name: SETTINGS_SHEET });
const register = (rows: CellValue[][]) => grid([['编号', '受理日期', '责任单位', '来源', '类别', '办结日期'], ...rows], { name: '信访事项办理台账' });

test('a settings row changes a rule, adds one, or sets the extension limit; its 依据 is kept', () => {
  const { rules, diagnostics } = readCaseRules(
    [settings([
      ['办理期限：上级交办', '20个工作日', '本县规定'],
      ['办理期限：市信访局交办', '45日', ''],
      ['办理期限：复查', '30日', '《信访工作条例》第三十五条'],
      ['延期上限', '15日', ''],
    ])],
    SETTINGS_SHEET,
  );
  expect(diagnostics).toEqual([]);
  expect(rules.rules.map((r) => [r.name, r.field, r.days, r.counting])).toEqual([
    ['复查', 'kind', 30, 'natural'],
    ['复核', 'kind', 30, 'natural'],
    ['领导阅批', 'source', 30, 'natural'],
    ['上级交办', 'source', 20, 'working'],
    ['市信访局交办', 'source', 45, 'natural'],
    ['其他', 'any', 60, 'natural'],
  ]);
  expect(rules.rules[3].basis).toBe('本县规定');
  expect(rules.extensionLimit).toBe(15);
});

test('a value that cannot be read is reported at its cell and the default kept', () => {
  const { rules, diagnostics } = readCaseRules([settings([['办理期限：上级交办', '两个月', '']])], SETTINGS_SHEET);
  expect(diagnostics.map((d) => [d.code, d.cell])).toEqual([['SETTING_UNREADABLE', 'B2']]);
  expect(rules).toEqual(DEFAULT_CASE_RULES);
});

test('the settings sheet the add-in writes holds the rules, and reading it back gives them again', () => {
  const changed = { ...DEFAULT_WORKBOOK_SETTINGS, cases: { ...DEFAULT_CASE_RULES, extensionLimit: 20 } };
  const plan = settingsSheetPlan(changed);
  const rows: CellValue[][] = [];
  for (const c of plan.cells) {
    const row = Number(c.cell.slice(1)) - 1;
    rows[row] = rows[row] ?? [null, null, null];
    rows[row]['ABC'.indexOf(c.cell[0])] = c.value as CellValue;
  }
  expect(readSettings([grid(rows, { name: SETTINGS_SHEET })]).settings.cases).toEqual(changed.cases);
  expect(caseSettingCells(DEFAULT_CASE_RULES, 2)[1]).toEqual({ cell: 'B2', value: '15日' });
});

test('the settings change the due dates the register gets', () => {
  const grids = [settings([['办理期限：上级交办', '20个工作日', '']]), register([['A1', '2024-09-10', '张庄村', '上级交办', '初次', null]])];
  const report = toReport(scoreAssessment(grids, undefined, { asOf: '2024-10-20' }));
  expect(report.cases!.overdue).toEqual([{ id: 'A1', unit: '张庄村', due: '2024-10-14', daysOver: 6, sheet: '信访事项办理台账', cell: 'A2' }]);
});

test('a due date in a year the calendar does not cover is a warning, never a guess', () => {
  const result = scoreAssessment([register([['A1', '2026-12-10', '张庄村', '上级交办', '初次', null]])], undefined, { asOf: '2026-12-20' });
  const warning = result.cases!.diagnostics.find((d) => d.code === 'CASE_CALENDAR_UNCOVERED');
  expect(warning).toMatchObject({ severity: 'warning', sheet: '信访事项办理台账', cell: 'B2' });
  expect(warning!.message).toContain('2027 年的节假日和调休安排不在日历数据');
  // A case whose days all fall in covered years gets none.
  const covered = scoreAssessment([register([['A1', '2026-09-10', '张庄村', '上级交办', '初次', null]])], undefined, { asOf: '2026-12-20' });
  expect(covered.cases!.diagnostics).toEqual([]);
});

describe('how days are counted: 受理当日计入 and 期满遇节假日顺延 (民法典 第二百零一条、第二百零三条 by default)', () => {
  test('the defaults follow 民法典, and a fresh settings sheet writes them beside the deadline rules', () => {
    expect(DEFAULT_CASE_RULES.counting).toEqual({ countAcceptanceDay: false, moveOffRestDays: true });
    const cells = caseSettingCells(DEFAULT_CASE_RULES, 2);
    const rows = new Map<string, string>();
    for (let i = 0; i < cells.length; i += 3) rows.set(String(cells[i].value), String(cells[i + 1].value));
    expect([rows.get('受理当日计入'), rows.get('期满遇节假日顺延')]).toEqual(['否', '是']);
    const labels = [...rows.keys()];
    expect(labels.indexOf('受理当日计入')).toBe(labels.indexOf('即将到期天数') + 1);
  });

  test('rows in the settings sheet change them, and what the add-in writes reads back the same', () => {
    const { rules, diagnostics } = readCaseRules([settings([['受理当日计入', '是', ''], ['期满遇节假日顺延', '否', '']])], SETTINGS_SHEET);
    expect(diagnostics).toEqual([]);
    expect(rules.counting).toEqual({ countAcceptanceDay: true, moveOffRestDays: false });
    const changed = { ...DEFAULT_WORKBOOK_SETTINGS, cases: { ...DEFAULT_CASE_RULES, counting: { countAcceptanceDay: true, moveOffRestDays: false } } };
    const rows: CellValue[][] = [];
    for (const c of settingsSheetPlan(changed).cells) {
      const row = Number(c.cell.slice(1)) - 1;
      rows[row] = rows[row] ?? [null, null, null];
      rows[row]['ABC'.indexOf(c.cell[0])] = c.value as CellValue;
    }
    expect(readSettings([grid(rows, { name: SETTINGS_SHEET })]).settings.cases.counting).toEqual(changed.cases.counting);
  });

  test('a value other than 是 or 否 is reported in Chinese at its sheet and cell, and 民法典 kept', () => {
    const { rules, diagnostics } = readCaseRules([settings([['受理当日计入', '计入', ''], ['期满遇节假日顺延', 'yes', '']])], SETTINGS_SHEET);
    expect(diagnostics.map((d) => [d.code, d.sheet, d.cell])).toEqual([
      ['SETTING_UNREADABLE', SETTINGS_SHEET, 'B2'],
      ['SETTING_UNREADABLE', SETTINGS_SHEET, 'B3'],
    ]);
    expect(diagnostics[0].message).toContain('受理当日计入');
    expect(diagnostics[0].message).toContain('应为 是 或 否');
    expect(rules.counting).toEqual(DEFAULT_CASE_RULES.counting);
  });

  // 上级交办 60 日 from 2024-09-10: day 60 is Saturday 11-9; by 民法典 due Monday 11-11.
  test.each([
    [[], '2024-11-11', 9],
    [[['受理当日计入', '是', '']], '2024-11-08', 12],
    [[['期满遇节假日顺延', '否', '']], '2024-11-09', 11],
  ] as [CellValue[][], string, number][])('settings %j give the register due date %s', (rows, due, daysOver) => {
    const grids = [settings(rows), register([['A1', '2024-09-10', '张庄村', '上级交办', '初次', null]])];
    const report = toReport(scoreAssessment(grids, undefined, { asOf: '2024-11-20' }));
    expect(report.cases!.overdue).toEqual([{ id: 'A1', unit: '张庄村', due, daysOver, sheet: '信访事项办理台账', cell: 'A2' }]);
  });
});
