/**
 * The printable outputs as plans: 汇总排名 formulas and cached values, 签字评分表, 考核结果通报,
 * and the rule that a user's sheet is never replaced. LibreOffice recalculates them in
 * test/libreoffice (npm run test:libreoffice).
 */
import path from 'path';
import { outputsPlan, subjectOf } from '../src/app/outputs';
import { scoreAssessment } from '../src/app/scoreAssessment';
import { GENERATED_MARK } from '../src/app/ownedSheets';
import { DEFAULT_WORKBOOK_SETTINGS, type WorkbookSettings } from '../src/app/settings';
import { openWorkbookFile } from '../src/host/xlsxFile';
import { grid, type Grid } from '../src/sheet/grid';
import type { SheetPlan } from '../src/sheet/sheetPlan';

const SAMPLE = path.join(__dirname, '..', 'examples', 'sample-2024.xlsx');
let grids: Grid[];
beforeAll(async () => {
  grids = await (await openWorkbookFile(SAMPLE)).readGrids();
});

function outputs(settings: Partial<WorkbookSettings> = {}, extra: Grid[] = []) {
  const all = [...grids, ...extra];
  const workbook = { ...DEFAULT_WORKBOOK_SETTINGS, ...settings };
  const result = scoreAssessment(all, workbook.score);
  return { result, ...outputsPlan(result, all, workbook, { today: '2024-12-25' }) };
}

const sheet = (plan: { sheets?: SheetPlan[] }, name: string) => {
  const s = plan.sheets?.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const at = (s: SheetPlan, address: string) => s.cells.find((c) => c.cell === address);
/** A generated sheet's cells without the add-in's mark row (tested on its own below). */
const content = (s: SheetPlan) => s.cells.filter((c) => c.value !== GENERATED_MARK);

describe('汇总排名', () => {
  test('one row per unit in rank order, the scores as formulas over the unit sheets with the engine’s values cached', () => {
    const { plan, summary } = outputs();
    const s = sheet(plan, summary);
    expect(s.cells.filter((c) => /^A2$|^[A-M]2$/.test(c.cell)).map((c) => c.value)).toEqual([
      '序号', '单位', '一、落实信访工作责任制,建立一把手负总责', '二、包保网络建设和责任追究', '三、解决信访问题',
      '四、综治维稳基层基础工作,“综治维稳信访工作站”运行工作开展情况', '加减分', '一票否决', '总分', '排名', '等次', '备注',
    ]);
    expect(at(s, 'B3')?.value).toBe('张庄村');
    expect(at(s, 'C3')).toMatchObject({ value: 19.5, formula: "SUM('张庄村'!E4:E7)" });
    expect(at(s, 'I3')).toMatchObject({ value: 99, formula: 'IF(H3="是",0,ROUND(MAX(0,SUM(C3:F3)+G3),2))' });
    expect(at(s, 'J3')?.value).toBe(1);
    expect(at(s, 'J3')?.formula).toContain('SUMPRODUCT');
    expect(at(s, 'K3')).toMatchObject({ value: '85分以上' });
    expect(at(s, 'L3')?.value).toBe('责任金双倍返还（10000元）；奖补资金10000元');
    // 赵集村 is vetoed: last, 0, from its veto cell.
    expect(at(s, 'B12')?.value).toBe('赵集村');
    expect(at(s, 'H12')).toMatchObject({ value: '是', formula: expect.stringContaining("'赵集村'!E35") });
    expect(at(s, 'I12')?.value).toBe(0);
    expect(s.chart).toMatchObject({ categories: 'B3:B12', values: 'I3:I12' });
    expect(s.page).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitleRows: '1:2' });
  });

  test('text entries the engine read (５, 5分) and an invalid entry enter the formula as the engine’s numbers', () => {
    const { plan, summary } = outputs();
    const s = sheet(plan, summary);
    const row = s.cells.find((c) => c.value === '周口居委会')?.cell.slice(1);
    expect(at(s, `C${row}`)?.formula).toBe("SUM('周口居委会'!E6:E7,5,5)");
    const liu = s.cells.find((c) => c.value === '刘湾村')?.cell.slice(1);
    expect(at(s, `C${liu}`)?.formula).toBe("SUM('刘湾村'!E5:E7,0)");
  });

  test('competition ranking and veto last change the rank and total formulas', () => {
    const { plan, summary } = outputs({ score: { ...DEFAULT_WORKBOOK_SETTINGS.score, ranking: 'competition', veto: 'last' } });
    const s = sheet(plan, summary);
    expect(at(s, 'I12')).toMatchObject({ value: 89, formula: 'ROUND(MAX(0,SUM(C12:F12)+G12),2)' });
    expect(at(s, 'J12')?.formula).toContain('COUNTIFS');
    expect(s.cells.filter((c) => /^J\d+$/.test(c.cell) && c.cell !== 'J2').map((c) => c.value)).toEqual([1, 2, 2, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('签字评分表', () => {
  test('one per unit: items with entries and reasons, subtotals, totals, the signature block; one A4 page', () => {
    const { plan, signed } = outputs();
    const s = sheet(plan, signed.get('李家村') as string);
    const texts = s.cells.map((c) => String(c.value));
    expect(texts).toContain('被考核单位：李家村');
    expect(texts).toEqual(expect.arrayContaining(['考核组长（签字）：', '考核组成员（签字）：', '被考核单位负责人（签字）：', '年    月    日']));
    expect(texts).toContain('-4分：信访台账：赴省正常访 1 人次（1 条记录）');
    expect(texts).toContain('-1分：6月下旬排查未开展');
    const total = s.cells.find((c) => c.value === '总分');
    expect(s.cells.find((c) => c.cell === `E${total?.cell.slice(1)}`)?.value).toBe(92.5);
    expect(s.page).toMatchObject({ orientation: 'portrait', paper: 'A4', fitToWidth: 1, fitToHeight: 1, printTitleRows: '3:3' });
    expect(s.page?.footer).toBe('李家村  第 &P 页，共 &N 页');
  });
});

describe('考核结果通报', () => {
  test('title, commended, criticised, vetoed, 信访重点管理单位, deposits with capitals, issuer and date', () => {
    const { plan, notice } = outputs();
    const s = sheet(plan, notice);
    const text = s.cells.map((c) => String(c.value)).join('\n');
    expect(at(s, 'A1')).toMatchObject({ value: '关于2024年度综治及信访工作考核结果的通报', style: { fontName: '方正小标宋简体', fontSize: 22 } });
    expect(text).toContain('张庄村、李家村、王庄村、周口居委会考核成绩位列前3名，予以通报表扬');
    expect(text).toContain('张庄村给予奖补资金10000元（壹万元整）');
    expect(text).toContain('杨店社区、孙庄村考核成绩排名靠后，予以通报批评');
    expect(text).toContain('赵集村发生一票否决情形');
    expect(text).toContain('赵集村考核排名最后，列为信访重点管理单位');
    expect(text).toContain('责任金双倍返还，每单位10000元（壹万元整）');
    expect(text).toContain('2024年12月25日');
    expect(s.page).toMatchObject({ margins: { top: 37, bottom: 35, left: 28, right: 26 } });
    // The ledger's petitioners never reach the notice.
    expect(text).not.toMatch(/某甲|某乙|某丙/);
  });

  test('the older date form with 〇, and a title from the settings', () => {
    const { plan, notice } = outputs({ output: { ...DEFAULT_WORKBOOK_SETTINGS.output, dateStyle: 'chinese', date: '2024-12-20', title: '关于表彰的通报' } });
    const text = sheet(plan, notice).cells.map((c) => String(c.value));
    expect(text).toContain('二〇二四年十二月二十日');
    expect(text[0]).toBe('关于表彰的通报');
  });
});

describe('the add-in’s own sheets', () => {
  test('a user sheet named 汇总排名 is never replaced: the generated one takes another name and the user is told', () => {
    const mine = grid([['我的汇总']], { name: '汇总排名' });
    const { plan, summary, notes } = outputs({}, [mine]);
    expect(summary).toBe('汇总排名(考核助手)');
    expect(plan.sheets?.map((s) => s.name)).not.toContain('汇总排名');
    expect(notes[0]).toContain('已有您自己的工作表“汇总排名”');
  });

  test('sheets generated before are replaced, the settings list them, and one no longer produced is removed', () => {
    const before = outputs();
    const settingsPlan = sheet(before.plan, '考核助手设置');
    const row = settingsPlan.cells.find((c) => c.value === '生成的工作表')?.cell.slice(1);
    expect(at(settingsPlan, `B${row}`)?.value).toBe(['汇总排名', ...before.signed.values(), '考核结果通报', ...before.filled, '办理情况'].join('、'));
    const again = outputs({ ownedSheets: ['汇总排名', '旧单位签字表'] }, [grid([['x']], { name: '汇总排名' }), grid([['x']], { name: '旧单位签字表' })]);
    expect(again.summary).toBe('汇总排名');
    expect(again.plan.removeSheets).toEqual(['旧单位签字表']);
  });

  test('the subject of the assessment comes from the table’s title', () => {
    expect(subjectOf('xx镇综治及信访工作考核评分表')).toBe('综治及信访工作');
    expect(subjectOf('东乡镇2024年度平安建设考核评分表')).toBe('平安建设');
    expect(subjectOf('xx镇2024年度各村综治及信访工作考核评分汇总表')).toBe('综治及信访工作');
    expect(subjectOf(null)).toBe('综治及信访工作');
  });
});

describe('templates with placeholders', () => {
  const signedTemplate = grid(
    [
      ['{{考核名称}}考核签字表', null, null],
      ['单位：{{单位}}', null, '{{日期}}'],
      ['总分', '{{总分}}', null],
      ['名次', '{{排名}}', '{{等次}}'],
      ['考核组长（签字）：', null, '被考核单位负责人（签字）：'],
    ],
    { name: '签字表模板' },
  );

  test('a unit template named 签字… replaces the built-in signed sheet: one copy per unit, numbers kept as numbers', () => {
    const { plan, signed } = outputs({}, [signedTemplate]);
    expect(signed.get('张庄村')).toBe('张庄村签字表');
    const s = sheet(plan, '张庄村签字表');
    expect(s.copyOf).toBe('签字表模板');
    expect(content(s)).toEqual([
      { cell: 'A1', value: '2024年度综治及信访工作考核签字表' },
      { cell: 'A2', value: '单位：张庄村' },
      { cell: 'C2', value: '2024年12月25日' },
      { cell: 'B3', value: 99 },
      { cell: 'B4', value: 1 },
      { cell: 'C4', value: '85分以上' },
    ]);
  });

  test('a workbook template named …通报 replaces the built-in notice', () => {
    const noticeTemplate = grid([['{{通报标题}}'], ['表扬：{{表扬单位}}；批评：{{批评单位}}；否决：{{否决单位}}'], ['{{发文机关}}'], ['{{日期}}']], { name: '通报模板' });
    const { plan, notice } = outputs({}, [noticeTemplate]);
    expect(notice).toBe('通报');
    expect(content(sheet(plan, '通报')).map((c) => c.value)).toEqual([
      '关于2024年度综治及信访工作考核结果的通报',
      '表扬：张庄村、李家村、王庄村、周口居委会；批评：杨店社区、孙庄村；否决：赵集村',
      'xx镇综治及信访工作领导小组',
      '2024年12月25日',
    ]);
  });

  test('the sample’s 目标责任书模板 becomes one letter per unit, and is never read as a score table', () => {
    const { result, plan, filled } = outputs();
    expect(filled).toHaveLength(10);
    const letter = sheet(plan, '张庄村目标责任书');
    expect(letter.copyOf).toBe('目标责任书模板');
    const text = letter.cells.map((c) => String(c.value)).join('\n');
    expect(text).toContain('xx镇人民政府与张庄村签订本责任书');
    expect(text).toContain('共缴纳责任金5000元');
    expect(text).toContain('乙方：张庄村（盖章）');
    expect(text).not.toContain('{{');
    expect(result.diagnostics.filter((d) => d.sheet === '目标责任书模板')).toEqual([]);
  });

  test('an unknown placeholder is reported at its cell and left as written', () => {
    const t = grid([['{{单位}}的{{村长姓名}}']], { name: '通知模板' });
    const { result, plan } = outputs({}, [t]);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'TEMPLATE_UNKNOWN_PLACEHOLDER', sheet: '通知模板', cell: 'A1' }));
    expect(content(sheet(plan, '张庄村通知'))).toEqual([{ cell: 'A1', value: '张庄村的{{村长姓名}}' }]);
  });
});

test('the deposits and awards of the settings sheet shape the summary’s 备注 and the notice', () => {
  const rewards = { ...DEFAULT_WORKBOOK_SETTINGS.rewards, deposits: [{ role: '村(居)书记', amount: 1000, people: 3 }], awards: { minTotal: 90, amounts: [8000, 5000] } };
  const { plan, summary, notice } = outputs({ rewards });
  expect(at(sheet(plan, summary), 'L3')?.value).toBe('责任金双倍返还（6000元）；奖补资金8000元');
  expect(at(sheet(plan, summary), 'L4')?.value).toBe('责任金双倍返还（6000元）；奖补资金5000元');
  expect(sheet(plan, notice).cells.map((c) => String(c.value)).join('\n')).toContain('综合考核分值在90分以上的');
});
