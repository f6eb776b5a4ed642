import { scoreAssessment } from '../src/app/scoreAssessment';
import { DEFAULT_WORKBOOK_SETTINGS, ownedSheetName, readSettings, settingsSheetPlan, SETTINGS_SHEET } from '../src/app/settings';
import { CELL_TEXT_MAX, GENERATED_MARK, withinCellLimit } from '../src/app/ownedSheets';
import { grid, type CellValue } from '../src/sheet/grid';

/** The settings sheet as a host would read it back: the plan's cells laid out as rows. */
function asGrid(plan: ReturnType<typeof settingsSheetPlan>) {
  const rows: CellValue[][] = [];
  for (const c of plan.cells) {
    const m = /^([A-Z])(\d+)$/.exec(c.cell) as RegExpExecArray;
    const r = Number(m[2]) - 1;
    (rows[r] ??= [])[m[1].charCodeAt(0) - 65] = c.value as CellValue;
  }
  return grid(rows.map((row) => Array.from(row, (v) => v ?? null)), { name: plan.name });
}

describe('settings kept in the workbook (考核助手设置)', () => {
  test('round-trip: what is written is read back the same', () => {
    const settings = {
      ...DEFAULT_WORKBOOK_SETTINGS,
      score: { ...DEFAULT_WORKBOOK_SETTINGS.score, ranking: 'competition' as const, veto: 'last' as const },
      output: { ...DEFAULT_WORKBOOK_SETTINGS.output, title: '关于2024年度考核结果的通报', date: '2024-12-20', dateStyle: 'chinese' as const, commended: 5 },
      ownedSheets: ['汇总排名', '通报'],
    };
    const plan = settingsSheetPlan(settings);
    expect(plan).toMatchObject({ name: SETTINGS_SHEET, state: 'hidden' });
    expect(readSettings([asGrid(plan)])).toEqual({ settings, diagnostics: [] });
  });

  test('without the sheet the defaults hold; a value that cannot be read is reported at its cell and the default kept', () => {
    expect(readSettings([]).settings).toEqual(DEFAULT_WORKBOOK_SETTINGS);
    const g = grid([['设置项', '值'], ['排名方式', '按总分'], ['批评名数', '两名']], { name: SETTINGS_SHEET });
    const { settings, diagnostics } = readSettings([g]);
    expect(settings).toEqual(DEFAULT_WORKBOOK_SETTINGS);
    expect(diagnostics.map((d) => [d.code, d.cell])).toEqual([
      ['SETTING_UNREADABLE', 'B2'],
      ['SETTING_UNREADABLE', 'B3'],
    ]);
  });

  test('the settings sheet and the sheets the add-in generated (listed and marked) are not read as input', () => {
    const settings = settingsSheetPlan({ ...DEFAULT_WORKBOOK_SETTINGS, ownedSheets: ['汇总排名'] });
    const summary = grid([['序号', '单位', '分值', '得分'], [], [GENERATED_MARK]], { name: '汇总排名' });
    const result = scoreAssessment([asGrid(settings), summary]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['NO_SCORE_TABLE']);
  });

  test('a listed sheet without the add-in’s mark is the user’s: read, kept, and the disagreement reported', () => {
    const settings = settingsSheetPlan({ ...DEFAULT_WORKBOOK_SETTINGS, ownedSheets: ['汇总排名'] });
    const summary = grid([['序号', '单位', '分值', '得分']], { name: '汇总排名' });
    const { settings: read, diagnostics } = readSettings([asGrid(settings), summary]);
    expect(read.ownedSheets).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'OWNED_SHEET_UNMARKED', sheet: '汇总排名', severity: 'warning' })]);
    expect(scoreAssessment([asGrid(settings), summary]).diagnostics.map((d) => d.code)).toContain('NOT_A_SCORE_TABLE');
  });

  test('a generated sheet never takes a user sheet’s name', () => {
    expect(ownedSheetName('汇总排名', ['张庄村'], [])).toBe('汇总排名');
    expect(ownedSheetName('汇总排名', ['汇总排名'], ['汇总排名'])).toBe('汇总排名');
    expect(ownedSheetName('汇总排名', ['汇总排名'], [])).toBe('汇总排名(考核助手)');
    expect(ownedSheetName('汇总排名', ['汇总排名', '汇总排名(考核助手)'], [])).toBe('汇总排名(考核助手2)');
  });

  test('a name at Excel’s 31-character limit still finds a free name: shortened to leave room for the suffix', () => {
    const long = 'xx镇农业农村综合服务中心(乡村振兴工作站)暨退役军人服务站点';
    const first = ownedSheetName(long, [], []);
    expect(Array.from(first)).toHaveLength(31);
    const second = ownedSheetName(long, [first], []);
    const third = ownedSheetName(long, [first, second], []);
    expect(new Set([first, second, third]).size).toBe(3);
    expect([second, third].map((n) => Array.from(n).length)).toEqual([31, 31]);
    expect(third.endsWith('(考核助手2)')).toBe(true);
  });

  test('a name Excel refuses is made safe: no quote at either end, no : \\ / ? * [ ]', () => {
    expect(ownedSheetName("'张庄村'签字表", [], [])).toBe("张庄村'签字表");
    expect(ownedSheetName('a/b:c?', [], [])).toBe('a_b_c_');
  });
});

describe('what a person typed in the settings sheet is kept when the add-in writes it again', () => {
  const typed = grid(
    [
      ['设置项', '值', '说明'],
      ['排名方式', '张庄村', null],
      ['备注', '我自己的备注', null, '第四列'],
      ['一票否决', '记0分', '自己写的说明'],
    ],
    { name: SETTINGS_SHEET },
  );
  const cellsOf = (plan: ReturnType<typeof settingsSheetPlan>) => Object.fromEntries(plan.cells.map((c) => [c.cell, c.value]));

  test('an unreadable value nobody changed stays as typed (it was reported); unknown rows and columns stay', () => {
    const { settings } = readSettings([typed]);
    const cells = cellsOf(settingsSheetPlan(settings, [typed]));
    expect(cells).toMatchObject({ B2: '张庄村', A3: '备注', B3: '我自己的备注', D3: '第四列', B4: '记0分', C4: '自己写的说明' });
    // Settings the sheet did not have are added below what is there.
    expect(cells.A5).toBe('通报标题');
  });

  test('a setting this run changed is written over what was typed', () => {
    const { settings } = readSettings([typed]);
    const cells = cellsOf(settingsSheetPlan({ ...settings, score: { ...settings.score, ranking: 'competition', veto: 'last' } }, [typed]));
    expect(cells).toMatchObject({ B2: '竞赛排名', B3: '我自己的备注', B4: '排在最后' });
  });

  test('written, read back, written again: the same sheet', () => {
    const first = settingsSheetPlan(DEFAULT_WORKBOOK_SETTINGS);
    const again = settingsSheetPlan(readSettings([asGrid(first)]).settings, [asGrid(first)]);
    expect(cellsOf(again)).toEqual(Object.fromEntries(first.cells.map((c) => [c.cell, c.value])));
  });
});

describe('责任金与奖补资金 as settings', () => {
  test('written and read back: roles with amounts and people, returns by band, awards', () => {
    const settings = {
      ...DEFAULT_WORKBOOK_SETTINGS,
      rewards: {
        deposits: [
          { role: '镇班子成员', amount: 2000, people: 1 },
          { role: '村(居)书记', amount: 1500, people: 2 },
        ],
        returns: [
          { band: '85分以上', times: 2, wording: '责任金双倍返还' },
          { band: '80-85分', times: 1, wording: '返还责任金本金' },
          { band: '80分以下', times: 0, wording: '扣除责任金' },
        ],
        awards: { minTotal: 95, amounts: [5000, 3000] },
        personal: { roles: ['片长', '村书记'], amounts: [2000, 1000] },
        zeroPetition: { unit: 20000, roles: ['村书记'], person: 1500 },
      },
    };
    const plan = settingsSheetPlan(settings);
    expect(plan.cells.find((c) => c.value === '镇班子成员2000×1、村(居)书记1500×2')).toBeDefined();
    expect(readSettings([asGrid(plan)])).toEqual({ settings, diagnostics: [] });
  });

  test('a fresh settings sheet shows every setting of the notice and the rewards, with seed 003’s numbers and every role it names', () => {
    const rows = Object.fromEntries(asGrid(settingsSheetPlan(DEFAULT_WORKBOOK_SETTINGS)).rows.map((r) => [r[0], r[1]]));
    expect(rows).toEqual(
      expect.objectContaining({
        责任金: '镇班子成员2000×1、驻村点长1000×1、综治中心包村人员1000×1、村(居)书记1000×1、治保主任1000×1',
        责任金返还: '85分以上:2、80-85分:1、80分以下:0',
        奖补资金: '98:10000、8000、6000',
        个人奖励: '片长、点长、综治中心包村人员、村书记、治保主任:3000、2000、1000',
        零上访奖励: '10000;村书记、主任、治保主任:1000',
        发文机关: 'xx镇综治及信访工作领导小组',
        主送机关: '各村（居）、镇直各单位',
        表扬名数: 3,
        批评名数: 2,
      }),
    );
    // Empty until a person fills them in: the notice then leaves them out (印发日期: the 成文日期).
    for (const label of ['发文字号', '抄送', '印发机关', '印发日期', '成文日期', '通报标题']) expect([label, rows[label] ?? '']).toEqual([label, '']);
    const typed = grid([['设置项', '值'], ['印发日期', '2024-12-26'], ['印发机关', 'xx镇党政办公室'], ['抄送', '区信访局'], ['发文字号', 'xx综信发〔2024〕5号']], { name: SETTINGS_SHEET });
    expect(readSettings([typed]).settings.output).toEqual({ ...DEFAULT_WORKBOOK_SETTINGS.output, printDate: '2024-12-26', printedBy: 'xx镇党政办公室', copyTo: '区信访局', documentNumber: 'xx综信发〔2024〕5号' });
    expect(readSettings([grid([['印发日期', '12月26日']], { name: SETTINGS_SHEET })]).diagnostics).toEqual([expect.objectContaining({ code: 'SETTING_UNREADABLE', cell: 'B1' })]);
  });

  test('a deposit line that cannot be read is reported and the seed’s defaults kept', () => {
    const g = grid([['设置项', '值'], ['责任金', '两千元']], { name: SETTINGS_SHEET });
    const { settings, diagnostics } = readSettings([g]);
    expect(settings.rewards).toEqual(DEFAULT_WORKBOOK_SETTINGS.rewards);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'SETTING_UNREADABLE', cell: 'B2' })]);
  });
});

describe('generated cells stay within Excel’s limits', () => {
  test('a text over 32,767 characters is cut, says so, and the user is told which cell', () => {
    const plan = { name: '考核结果通报', cells: [{ cell: 'A5', value: '张庄村、'.repeat(9100) }, { cell: 'A6', value: '短' }], merges: [], columnWidths: [] };
    const { plan: fitted, notes } = withinCellLimit(plan);
    expect(String(fitted.cells[0].value).length).toBeLessThanOrEqual(CELL_TEXT_MAX);
    expect(String(fitted.cells[0].value)).toMatch(/以下从略）$/);
    expect(fitted.cells[1]).toEqual({ cell: 'A6', value: '短' });
    expect(notes).toEqual(['“考核结果通报”的 A5 超过 Excel 单元格 32767 字的上限，已截断']);
  });
});
