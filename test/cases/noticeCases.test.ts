/**
 * The notice states the case register's rates (「the notice can state the rates」): the as-of
 * date, 按期办结率 and 结案率 with the counts each is made of, rounded half up to one decimal on the
 * exact fraction, and the units with late cases by count — never a petitioner's name or matter.
 * A settings row 通报写办结率 (是/否, default 是) turns it off.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { noticeBasis } from '../../src/app/draft';
import { outputsPlan } from '../../src/app/outputs';
import { scoreAssessment } from '../../src/app/scoreAssessment';
import { DEFAULT_WORKBOOK_SETTINGS, readSettings, settingsSheetPlan, SETTINGS_SHEET } from '../../src/app/settings';
import { tally, type UnitCases } from '../../src/engine/cases/rates';
import { dec } from '../../src/engine/decimal';
import { XlsxHost } from '../../src/host/xlsxHost';
import { grid, type Grid } from '../../src/sheet/grid';
import { caseParagraph } from '../../src/sheet/outputs/noticeCases';
import { SAMPLE_CASES } from '../../scripts/makeSample';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'sample-2024.xlsx');
const FORMULA = '按期办结率＝按期办结件数÷（已办结件数＋到期未办结件数），结案率＝已办结件数÷登记件数，均四舍五入保留一位小数。';

/** A tally with the given counts (the outcomes themselves do not matter to the paragraph). */
function counts(unit: string, c: { total: number; closed: number; onTime: number; late: number }): UnitCases {
  const due = c.onTime + c.late;
  return {
    ...tally(unit, []),
    ...c,
    due,
    open: c.total - c.closed - (c.late - (c.closed - c.onTime)),
    onTimeRate: due === 0 ? null : dec(c.onTime).div(due),
    closeRate: c.total === 0 ? null : dec(c.closed).div(c.total),
  };
}

describe('the paragraph', () => {
  test('states the date, both rates with their counts, the late cases by unit (most first) and how the rates are rounded', () => {
    // Seed 004's office: 34 of 36 on time = 94.44… % → 94.4%.
    const text = caseParagraph({
      asOf: '2024年12月20日',
      township: 'xx镇',
      overall: counts('合计', { total: 40, closed: 36, onTime: 34, late: 2 }),
      perUnit: [counts('张庄村', { total: 10, closed: 10, onTime: 10, late: 0 }), counts('李家村', { total: 12, closed: 11, onTime: 10, late: 1 }), counts('王庄村', { total: 18, closed: 16, onTime: 14, late: 1 })],
    });
    expect(text).toBe(
      `截至2024年12月20日，xx镇共登记信访事项40件，按期办结率94.4%（应办结36件，按期办结34件），结案率90.0%（已办结36件）。逾期办结2件，涉及李家村1件、王庄村1件。${FORMULA}`,
    );
  });

  test('rounds half up on the exact fraction, with one decimal always written', () => {
    const rate = (onTime: number, late: number, total = onTime + late) =>
      /按期办结率([\d.]+%)/.exec(caseParagraph({ asOf: 'd', township: '', overall: counts('合计', { total, closed: onTime + late, onTime, late }), perUnit: [] }) ?? '')?.[1];
    expect(rate(1, 15)).toBe('6.3%'); // 6.25 % exactly → up
    expect(rate(33, 367)).toBe('8.3%'); // 8.25 % exactly → up
    expect(rate(2, 1)).toBe('66.7%'); // 66.66… %
    expect(rate(1, 2)).toBe('33.3%'); // 33.33… %
    expect(rate(3, 0)).toBe('100.0%');
    expect(rate(0, 4)).toBe('0.0%');
  });

  test('says when nothing is late or nothing is due yet, and says nothing for an empty register', () => {
    const none = caseParagraph({ asOf: 'd', township: '', overall: counts('合计', { total: 3, closed: 3, onTime: 3, late: 0 }), perUnit: [] });
    expect(none).toContain('共登记信访事项3件，按期办结率100.0%（应办结3件，按期办结3件），结案率100.0%（已办结3件）。没有逾期办结或到期未办结的事项。');
    const notDue = caseParagraph({ asOf: 'd', township: '', overall: counts('合计', { total: 2, closed: 0, onTime: 0, late: 0 }), perUnit: [] });
    expect(notDue).toContain('共登记信访事项2件，尚无到期应办结的事项，结案率0.0%（已办结0件）。');
    expect(caseParagraph({ asOf: 'd', township: '', overall: tally('合计', []), perUnit: [] })).toBeNull();
  });
});

describe('in the notice', () => {
  async function sampleGrids(): Promise<Grid[]> {
    return (await XlsxHost.fromBuffer(await fs.readFile(SAMPLE), SAMPLE)).readGrids();
  }
  async function notice(grids: Grid[]) {
    const { settings } = readSettings(grids);
    const result = scoreAssessment(grids, settings.score, { today: '2030-01-01' });
    const out = outputsPlan(result, grids, settings, { today: '2030-01-01' });
    const sheet = out.plan.sheets!.find((s) => s.name === out.notice)!;
    return sheet.cells.map((c) => String(c.value ?? '')).join('');
  }

  test('the sample’s notice states the rates under the ranking, with no name or matter from the register', async () => {
    const text = await notice(await sampleGrids());
    // As of 2024-12-20: 40 cases, 30 closed (9 of them late), 2 open past due → 21 on time of 32 due = 65.625 % → 65.6%; 30/40 → 75.0%.
    // Late by unit (SAMPLE_CASES): 李家村 002, 022; 王庄村 013, 023; 杨店社区 017, 027; 孙庄村 010, 030; 前营村 029; 刘湾村 025; 陈楼村 006 —
    // named in rank order within each count.
    expect(text).toContain(
      '截至2024年12月20日，xx镇共登记信访事项40件，按期办结率65.6%（应办结32件，按期办结21件），结案率75.0%（已办结30件）。' +
        '逾期办结9件，到期未办结2件，涉及李家村2件、王庄村2件、杨店社区2件、孙庄村2件、前营村1件、刘湾村1件、陈楼村1件。' +
        FORMULA,
    );
    expect(text.indexOf('截至2024年12月20日')).toBeGreaterThan(text.indexOf('一、考核结果'));
    expect(text.indexOf('截至2024年12月20日')).toBeLessThan(text.indexOf('二、通报表扬'));
    const leaks = SAMPLE_CASES.flatMap((c) => [c[3], c[4]]).filter((t) => text.includes(t));
    expect(leaks).toEqual([]);
    expect(text).not.toMatch(/XF2024-/);
  });

  test('the settings row 通报写办结率：否 leaves the paragraph out; 是 (the default, written by the add-in) keeps it', async () => {
    const written = settingsSheetPlan(DEFAULT_WORKBOOK_SETTINGS);
    const row = written.cells.find((c) => c.value === '通报写办结率')!.cell.slice(1);
    expect(written.cells.find((c) => c.cell === `B${row}`)?.value).toBe('是');
    const withSetting = async (value: string) => {
      const grids = await sampleGrids();
      return notice([...grids, grid([['设置项', '值'], ['通报写办结率', value]], { name: SETTINGS_SHEET })]);
    };
    expect(await withSetting('否')).not.toContain('按期办结率');
    expect(await withSetting('是')).toContain('按期办结率65.6%');
    const unreadable = readSettings([grid([['设置项', '值'], ['通报写办结率', '也许']], { name: SETTINGS_SHEET })]);
    expect(unreadable.settings.output.caseRates).toBe(true);
    expect(unreadable.diagnostics.map((d) => [d.code, d.cell])).toEqual([['SETTING_UNREADABLE', 'B2']]);
  });

  test('a workbook without a register gets no such paragraph', async () => {
    const grids = (await sampleGrids()).filter((g) => g.name !== '信访事项办理台账');
    expect(await notice(grids)).not.toContain('按期办结率');
  });

  test('the notice’s fingerprint (通报依据) follows the register it states: another as-of date makes it stale; without a register the setting changes nothing', async () => {
    const grids = await sampleGrids();
    const on = DEFAULT_WORKBOOK_SETTINGS;
    const off = { ...on, output: { ...on.output, caseRates: false } };
    const at = (asOf: string) => scoreAssessment(grids, on.score, { asOf });
    // No case changes state between 12-19 and 12-20 (none is due on 12-19), so the scores are the same.
    expect(noticeBasis(at('2024-12-19'), off)).toBe(noticeBasis(at('2024-12-20'), off));
    expect(noticeBasis(at('2024-12-19'), on)).not.toBe(noticeBasis(at('2024-12-20'), on));
    expect(noticeBasis(at('2024-12-20'), on)).not.toBe(noticeBasis(at('2024-12-20'), off));
    const none = scoreAssessment(grids.filter((g) => g.name !== '信访事项办理台账'), on.score, { asOf: '2024-12-20' });
    expect(noticeBasis(none, on)).toBe(noticeBasis(none, off));
  });
});
