/**
 * Generates the bundled sample: examples/sample-2024.xlsx, ten units of the seed 003 table
 * with realistic entries, a tie (李家村 and 王庄村, 92.5), a veto (赵集村), an entry error
 * (刘湾村 E4: 6 in a 5-point item), totals on the 85 and 80 band boundaries, a blank entry,
 * an existing summary sheet that the reader must skip, and a 目标责任书模板 with placeholders
 * ({{单位}}, {{责任金}}, {{考核年度}}) that --out fills into one letter per unit.
 *
 * It also holds the deduction records the clerk keeps: a 信访台账 of petition events, from
 * which section 二 (包保网络, 30 分, E8) is computed for every unit (its cells are left blank,
 * nobody counts by hand), and a 扣分明细 log of on-site findings that computes a few other
 * items and 加减分 lines (also left blank on the sheets). The ledger holds events that deduct
 * nothing (stabilised in time, or 不列入考评) and one dated in the previous year.
 *
 *   npm run sample
 */
import ExcelJS from 'exceljs';
import path from 'path';
import type { CellValue } from '../src/sheet/grid';
import { addSeedSheet } from '../test/support/seedWorkbook';

interface SampleUnit {
  name: string;
  entries: CellValue[];
  adjustments?: CellValue[];
  veto?: CellValue;
}

const none = [null, null, null, null, null, null, null, null];

/**
 * Entries are the item scores in table order (5,5,5,5 | 30 | 10,5,5 | 5,5,5,4,6,5). null is a
 * blank cell: E8 (section 二) is computed from the ledger for every unit, and the cells the log
 * explains are computed from it; the comment gives the value the records produce.
 */
export const SAMPLE_UNITS: SampleUnit[] = [
  // 加减分 from the log: +2 (two 卷宗), +1 (卡点), −1 (one missed meeting).
  { name: '张庄村', entries: [5, 5, 5, 4.5, null, 10, 5, 5, 5, 5, 4, 4, 5.5, 4], adjustments: [null, null, null, null, null, null, null, null] },
  // From the log: E5 4, E7 4, E21 4, E24 3.5.
  { name: '李家村', entries: [5, null, 5, null, null, 10, 5, 5, null, 5, 5, null, 6, 5] },
  // From the log: E23 4.
  { name: '王庄村', entries: [5, 5, 4, 5, null, 10, 5, 4, 5, 5, null, 3.5, 6, 5], adjustments: [null, null, null, null, null, '－1', null, null] },
  { name: '赵集村', entries: [5, 5, 5, 5, null, 10, 5, 5, 5, 4, 5, 4, 6, 5], veto: '是' },
  { name: '刘湾村', entries: [6, 5, 4, 5, null, 10, 5, 5, 5, 5, 4, 4, 5, 5] },
  { name: '陈楼村', entries: [4, 4, 4, 4, null, 10, 5, 5, 4, 4, 4, 3, 5, 5] },
  { name: '杨店社区', entries: [4, 4, 4, 4, null, 10, 5, 4, 4, 4, 4, 3, 5, 3] },
  // 加减分 −1 from the log (one missed meeting).
  { name: '周口居委会', entries: ['５', '5分', 5, 5, null, 10, 5, 5, 4, 4, 4, 4, 5, 4] },
  { name: '前营村', entries: [5, 4, 5, 4.5, null, 5, 5, 5, 4, 5, 4, 3, 5, 4] },
  { name: '孙庄村', entries: [4, 4, 4, 4, null, 10, 4, 4, 4, 4, 4, 3, 5, null] },
];

type Event = [date: string, unit: string, level: string, kind: string, persons: number, batches: number, stabilised: string | null, excluded: string | null, matter: string, petitioner: string];

/**
 * The 信访台账. Deducting events give each unit's section 二 score:
 * 张庄村 30, 李家村 26, 王庄村 27, 赵集村 20, 刘湾村 24, 陈楼村 24, 杨店社区 22, 周口居委会 24, 前营村 25, 孙庄村 21.
 * Petitioners' names are placeholders; they never leave this sheet.
 */
export const SAMPLE_LEDGER: Event[] = [
  ['2024-02-19', '李家村', '赴省', '正常访', 1, 1, null, null, '宅基地纠纷', '李某甲'],
  ['2024-03-04', '王庄村', '到市', '正常访', 1, 1, null, null, '土地流转费用', '王某甲'],
  ['2024-03-11', '赵集村', '到市', '集体访', 3, 1, null, null, '征地补偿', '赵某甲等3人'],
  ['2024-03-12', '赵集村', '到镇', '正常访', 1, 1, '否', null, '征地补偿', '赵某乙'],
  ['2024-04-08', '刘湾村', '到市', '重复访', 1, 1, null, null, '低保认定', '刘某甲'],
  ['2024-04-22', '陈楼村', '到区县', '正常访', 3, 1, '否', null, '道路修建占地', '陈某甲等3人'],
  ['2024-05-06', '杨店社区', '赴省', '正常访', 2, 1, null, null, '物业纠纷', '杨某甲、杨某乙'],
  ['2024-05-20', '周口居委会', '到市', '正常访', 2, 2, null, null, '拆迁安置', '周某甲'],
  ['2024-06-03', '前营村', '进京', '正常访', 1, 1, null, null, '历史遗留问题', '前某甲'],
  ['2024-06-17', '孙庄村', '到市', '正常访', 1, 1, null, null, '医疗纠纷', '孙某甲'],
  ['2024-07-01', '孙庄村', '到区县', '重复访', 1, 1, null, null, '医疗纠纷', '孙某甲'],
  ['2024-07-15', '孙庄村', '到镇', '非正常访', 1, 1, null, null, '邻里纠纷', '孙某乙'],
  // Handled in time at 到区县 / 到镇: no deduction.
  ...(['张庄村', '李家村', '王庄村', '赵集村', '刘湾村', '陈楼村', '杨店社区', '周口居委会', '前营村', '孙庄村'] as const).flatMap(
    (unit, k): Event[] => [
      [`2024-0${1 + (k % 9)}-0${1 + (k % 8)}`, unit, '到镇', '正常访', 1, 1, '是', null, '家庭矛盾', `${unit.slice(0, 1)}某丙`],
      [`2024-${10 + (k % 3)}-1${k % 9}`, unit, '到镇', '正常访', 2, 1, '是', null, '用水纠纷', `${unit.slice(0, 1)}某丁`],
      [`2024-0${1 + ((k + 4) % 9)}-2${k % 8}`, unit, '到区县', '正常访', 1, 1, '是', null, '合同纠纷', `${unit.slice(0, 1)}某戊`],
      ...(k < 3 ? [[`2024-11-0${k + 1}`, unit, '到镇', '正常访', 1, 1, '是', null, '噪音扰民', `${unit.slice(0, 1)}某己`] as Event] : []),
    ],
  ),
  // 不列入考评 (seed 002 四(一)): recorded, not counted.
  ['2024-08-05', '张庄村', '到市', '正常访', 1, 1, null, '咨询问题的个人上访', '政策咨询', '张某甲'],
  ['2024-08-19', '王庄村', '赴省', '正常访', 1, 1, null, '已签订处理信访问题协议书，在查处期限内', '补偿款', '王某乙'],
  ['2024-09-02', '刘湾村', '进京', '重复访', 1, 1, null, '三级认定没有道理的老户', '旧案', '刘某乙'],
  ['2024-09-16', '前营村', '到市', '正常访', 1, 1, null, '持下级处理意见书要求复查', '复查申请', '前某乙'],
  ['2024-10-14', '杨店社区', '到镇', '正常访', 1, 1, null, '咨询问题的个人上访', '社保咨询', '杨某丙'],
  ['2024-11-04', '陈楼村', '到市', '正常访', 1, 1, null, '咨询问题的个人上访', '政策咨询', '陈某乙'],
  // Dated in 2023: reported and not counted in the 2024 assessment.
  ['2023-12-27', '李家村', '到市', '正常访', 2, 1, null, null, '年底欠薪', '李某乙'],
];

type LogRow = [unit: string, item: string, rule: string | null, count: number, reason: string, who: string, date: string];

/** The 扣分明细: on-site findings, one row per occurrence; 扣(加)分 is left for the tool to fill. */
export const SAMPLE_LOG: LogRow[] = [
  ['张庄村', '上报矛盾纠纷排查化解卷宗', null, 2, '上报卷宗2份（3月、9月）', '王组长', '2024-12-18'],
  ['张庄村', '治安卡点设备齐全', null, 1, '卡点监控、护栏齐全', '王组长', '2024-12-18'],
  ['张庄村', '不按时或缺席综治工作会议', null, 1, '10月综治例会缺席', '王组长', '2024-12-18'],
  ['李家村', '落实领导包案制度情况', '上访群众没有村级处理意见', 1, '2月赴省上访人无村级处理意见', '李组员', '2024-12-18'],
  ['李家村', '开展矛盾纠纷排查情况', '缺一次扣1分', 1, '6月下旬排查未开展', '李组员', '2024-12-18'],
  ['李家村', '设立村级综治中心', '卫生不干净', 1, '综治中心卫生不达标', '李组员', '2024-12-18'],
  ['李家村', '治安巡逻每周', null, 1, '第34周巡逻仅两次', '李组员', '2024-12-18'],
  ['王庄村', '综治工作资料', null, 1, '缺禁毒宣传月总结', '王组长', '2024-12-19'],
  ['周口居委会', '不按时或缺席综治工作会议', '缺一次扣1分', 1, '7月例会缺席', '王组长', '2024-12-19'],
];

/** Builds the sample workbook. */
export function makeSampleWorkbook(units: SampleUnit[] = SAMPLE_UNITS): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '考核助手';
  for (const u of units) {
    addSeedSheet(wb, u.name, {
      unit: u.name,
      date: '2024年12月20日',
      entries: u.entries,
      adjustments: u.adjustments ?? none,
      veto: u.veto ?? '否',
      total: null,
    });
  }
  const ledger = wb.addWorksheet('信访台账');
  ledger.columns = [12, 12, 8, 8, 6, 6, 12, 30, 14, 14].map((width) => ({ width }));
  ledger.addRow(['日期', '单位', '级别', '类别', '人数', '批次', '及时稳控调处', '不列入考评原因', '事由', '信访人']);
  for (const e of SAMPLE_LEDGER) ledger.addRow(e);
  ledger.getRow(1).font = { bold: true };

  const log = wb.addWorksheet('扣分明细');
  log.columns = [12, 30, 26, 6, 9, 30, 10, 12].map((width) => ({ width }));
  log.addRow(['单位', '考核项目', '扣分因素', '次数', '扣(加)分', '原因', '记录人', '日期']);
  for (const [unit, item, rule, count, reason, who, date] of SAMPLE_LOG) log.addRow([unit, item, rule, count, null, reason, who, date]);
  log.getRow(1).font = { bold: true };

  // The office's own 目标责任书 (after seed 000) with placeholders: filled into one letter per unit.
  const letter = wb.addWorksheet('目标责任书模板', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 1 },
  });
  letter.columns = [22, 22, 22, 22].map((width) => ({ width }));
  const paragraphs: [number, string, number][] = [
    [1, '{{考核年度}}年度综治及信访工作目标责任书', 36],
    [3, '为全面落实信访工作责任制，把矛盾纠纷化解在基层、解决在萌芽状态，确保社会稳定，xx镇人民政府与{{单位}}签订本责任书。', 54],
    [4, '一、责任目标：不发生到京上访；不发生赴省到市集体访，减少赴省到市上访；不发生非正常上访；信访案件按时报结率100%，息访率90%以上。', 54],
    [5, '二、考核奖惩：年终按《综治及信访工作考核评分表》考核。{{单位}}班子成员及包村干部共缴纳责任金{{责任金}}元，考核85分以上双倍返还，80-85分返还本金，80分以下扣除；发生一票否决情形的，责任金全部扣除；当年考核最后一名的，列为信访重点管理单位。', 100],
    [6, '本责任书一式两份，期限为{{考核年度}}年1月1日至{{考核年度}}年12月31日。', 36],
  ];
  for (const [row, text, height] of paragraphs) {
    letter.mergeCells(`A${row}:D${row}`);
    const c = letter.getCell(`A${row}`);
    c.value = text;
    c.alignment = { wrapText: true, vertical: 'top', horizontal: row === 1 ? 'center' : 'left' };
    c.font = { name: '仿宋', size: row === 1 ? 18 : 14, bold: row === 1 };
    letter.getRow(row).height = height;
  }
  letter.getCell('A8').value = '甲方：xx镇人民政府（盖章）';
  letter.getCell('C8').value = '乙方：{{单位}}（盖章）';
  letter.getCell('A9').value = '负责人（签字）：';
  letter.getCell('C9').value = '负责人（签字）：';
  letter.getCell('A10').value = '年    月    日';
  letter.getCell('C10').value = '年    月    日';
  for (const a of ['A8', 'C8', 'A9', 'C9', 'A10', 'C10']) letter.getCell(a).font = { name: '仿宋', size: 14 };
  for (const r of [8, 9, 10]) letter.getRow(r).height = 30;

  // An existing hand-made summary: not a score table, so it is reported and skipped.
  const summary = wb.addWorksheet('往年汇总');
  summary.addRow(['2023年度综治及信访工作考核汇总']);
  summary.addRow(['序号', '单位', '总分', '排名']);
  summary.addRow([1, '张庄村', 95, 1]);
  summary.addRow([2, '李家村', 91, 2]);
  return wb;
}

async function main() {
  const file = path.join(__dirname, '..', 'examples', 'sample-2024.xlsx');
  await makeSampleWorkbook().xlsx.writeFile(file);
  process.stdout.write(`已生成 ${path.relative(process.cwd(), file)}\n`);
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exitCode = 1;
  });
}
