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
 * And a 信访事项办理台账 of 40 cases across 春节 and 国庆 2024 (and 春节 2025 for the cases still
 * open at the assessment date), with 调休 working days, extensions, cases closed late, cases open
 * past due and cases due within a week of 2024-12-20 (SAMPLE_CASES gives each due date).
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
 * blank cell: E8 (section 二) is computed from the ledger for every unit, E18 (三 1, 领导批办的信访件
 * 及时办结情况: 到期不能按时结案的,每件扣5分) from the case register for every unit (5 points per case
 * closed late or open past due on 2024-12-20: 张庄村 10, 李家村 0, 王庄村 0, 赵集村 10, 刘湾村 5, 陈楼村 5,
 * 杨店社区 0, 周口居委会 10, 前营村 5, 孙庄村 0 — SAMPLE_CASES), and the cells the log explains are
 * computed from it; the comment gives the value the records produce.
 */
export const SAMPLE_UNITS: SampleUnit[] = [
  // 加减分 from the log: +2 (two 卷宗), +1 (卡点), −1 (one missed meeting).
  { name: '张庄村', entries: [5, 5, 5, 4.5, null, null, 5, 5, 5, 5, 4, 4, 5.5, 4], adjustments: [null, null, null, null, null, null, null, null] },
  // From the log: E5 4, E7 4, E21 4, E24 3.5.
  { name: '李家村', entries: [5, null, 5, null, null, null, 5, 5, null, 5, 5, null, 6, 5] },
  // From the log: E23 4.
  { name: '王庄村', entries: [5, 5, 4, 5, null, null, 5, 4, 5, 5, null, 3.5, 6, 5], adjustments: [null, null, null, null, null, '－1', null, null] },
  { name: '赵集村', entries: [5, 5, 5, 5, null, null, 5, 5, 5, 4, 5, 4, 6, 5], veto: '是' },
  { name: '刘湾村', entries: [6, 5, 4, 5, null, null, 5, 5, 5, 5, 4, 4, 5, 5] },
  { name: '陈楼村', entries: [4, 4, 4, 4, null, null, 5, 5, 4, 4, 4, 3, 5, 5] },
  { name: '杨店社区', entries: [4, 4, 4, 4, null, null, 5, 4, 4, 4, 4, 3, 5, 3] },
  // 加减分 −1 from the log (one missed meeting).
  { name: '周口居委会', entries: ['５', '5分', 5, 5, null, null, 5, 5, 4, 4, 4, 4, 5, 4] },
  // 85 on the nose (the band boundary).
  { name: '前营村', entries: [5, 5, 5, 5, null, null, 5, 5, 4, 5, 4, 3, 5, 4] },
  { name: '孙庄村', entries: [4, 4, 4, 4, null, null, 4, 4, 4, 4, 4, 3, 5, null] },
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

type CaseRow = [
  id: string, registered: string, accepted: string, petitioner: string, matter: string, source: string, kind: string,
  unit: string, limit: string | null, extension: string | number | null, approved: string | null, closed: string | null, status: string,
];

/**
 * The 信访事项办理台账. Deadlines: 领导阅批 30 日, 上级交办/接访中心转交/本级受理 60 日, 复查 15 日
 * (natural days; a last day on a holiday or weekend moves to the next working day), 镇领导批办
 * 20个工作日 (seed 003, written on the row). The comment after each row is its due date and its
 * state as of 2024-12-20; test/cases/sample.test.ts checks them, computed by hand.
 */
export const SAMPLE_CASES: CaseRow[] = [
  ['XF2024-001', '2024-01-10', '2024-01-12', '张某子', '宅基地界址', '领导阅批', '初次', '张庄村', null, null, null, '2024-02-18', '已办结'], // 02-11 春节 → 02-18 调休; 按期
  ['XF2024-002', '2024-01-11', '2024-01-12', '李某子', '低保复核', '镇领导批办', '初次', '李家村', '20个工作日', null, null, '2024-02-09', '已办结'], // 02-08; 逾期 1
  ['XF2024-003', '2024-01-15', '2024-01-16', '王某子', '征地补偿', '上级交办', '复查', '王庄村', null, null, null, '2024-01-30', '已办结'], // 01-31; 按期
  ['XF2024-004', '2024-01-26', '2024-01-26', '赵某子', '承包合同', '上级交办', '复查', '赵集村', null, null, null, '2024-02-18', '已办结'], // 02-10 春节 → 02-18; 按期
  ['XF2024-005', '2024-01-25', '2024-01-26', '刘某子', '道路占地', '镇领导批办', '初次', '刘湾村', '20个工作日', null, null, '2024-02-27', '已办结'], // 02-28; 按期
  ['XF2024-006', '2024-02-04', '2024-02-05', '陈某子', '拆迁安置', '上级交办', '初次', '陈楼村', null, null, null, '2024-04-08', '已办结'], // 04-05 清明 → 04-07 调休; 逾期 1
  ['XF2024-007', '2024-02-08', '2024-02-08', '杨某子', '物业纠纷', '领导阅批', '初次', '杨店社区', null, null, null, '2024-03-11', '已办结'], // 03-09 周六 → 03-11; 按期
  ['XF2024-008', '2024-02-19', '2024-02-19', '周某子', '噪音扰民', '本级受理', '初次', '周口居委会', null, null, null, '2024-04-10', '已办结'], // 04-19; 按期
  ['XF2024-009', '2024-02-20', '2024-02-20', '前某子', '补偿款', '接访中心转交', '重复', '前营村', null, 30, '是', '2024-05-17', '已办结'], // 04-20 + 30 → 05-20; 按期
  ['XF2024-010', '2024-03-01', '2024-03-01', '孙某子', '医疗纠纷', '上级交办', '初次', '孙庄村', null, '30日', '是', '2024-06-05', '已办结'], // 04-30 + 30 → 05-30; 逾期 6
  ['XF2024-011', '2024-03-14', '2024-03-15', '张某丑', '用水纠纷', '领导阅批', '初次', '张庄村', null, null, null, '2024-04-12', '已办结'], // 04-14 周日 → 04-15; 按期
  ['XF2024-012', '2024-04-01', '2024-04-01', '李某丑', '复查申请', '上级交办', '复查', '李家村', null, null, null, '2024-04-16', '已办结'], // 04-16; 按期
  ['XF2024-013', '2024-04-18', '2024-04-19', '王某丑', '土地流转', '上级交办', '初次', '王庄村', null, null, null, '2024-06-20', '已办结'], // 06-18; 逾期 2
  ['XF2024-014', '2024-05-06', '2024-05-06', '赵某丑', '欠薪', '领导阅批', '初次', '赵集村', null, null, null, '2024-06-04', '已办结'], // 06-05; 按期
  ['XF2024-015', '2024-05-10', '2024-05-10', '刘某丑', '低保认定', '镇领导批办', '初次', '刘湾村', '20个工作日', null, null, '2024-06-06', '已办结'], // 05-11 调休起算 → 06-06; 按期
  ['XF2024-016', '2024-06-03', '2024-06-03', '陈某丑', '道路修建', '上级交办', '初次', '陈楼村', null, null, null, '2024-07-30', '已办结'], // 08-02; 按期
  ['XF2024-017', '2024-06-11', '2024-06-11', '杨某丑', '社保', '本级受理', '初次', '杨店社区', null, null, null, '2024-08-15', '已办结'], // 08-10 周六 → 08-12; 逾期 3
  ['XF2024-018', '2024-07-01', '2024-07-02', '周某丑', '复查申请', '上级交办', '复查', '周口居委会', null, null, null, '2024-07-10', '已办结'], // 07-17; 按期
  ['XF2024-019', '2024-07-15', '2024-07-15', '前某丑', '历史遗留', '领导阅批', '初次', '前营村', null, null, null, '2024-08-14', '已办结'], // 08-14; 按期
  ['XF2024-020', '2024-08-02', '2024-08-02', '孙某丑', '邻里纠纷', '上级交办', '初次', '孙庄村', null, null, null, '2024-10-08', '已办结'], // 10-01 国庆 → 10-08; 按期
  ['XF2024-021', '2024-08-16', '2024-08-16', '张某寅', '家庭矛盾', '领导阅批', '初次', '张庄村', null, null, null, '2024-09-18', '已办结'], // 09-15 中秋 → 09-18; 按期
  ['XF2024-022', '2024-08-30', '2024-08-30', '李某寅', '复查申请', '上级交办', '复查', '李家村', null, null, null, '2024-09-18', '已办结'], // 09-14 周六调休上班; 逾期 4
  ['XF2024-023', '2024-09-06', '2024-09-06', '王某寅', '合同纠纷', '领导阅批', '初次', '王庄村', null, null, null, '2024-10-09', '已办结'], // 10-06 国庆 → 10-08; 逾期 1
  ['XF2024-024', '2024-09-10', '2024-09-10', '赵某寅', '征地补偿', '镇领导批办', '重复', '赵集村', '20个工作日', null, null, '2024-10-12', '已办结'], // 10-14; 按期 (closed on the 调休 Saturday)
  ['XF2024-025', '2024-09-12', '2024-09-12', '刘某寅', '复查申请', '上级交办', '复查', '刘湾村', null, null, null, '2024-09-29', '已办结'], // 09-27; 逾期 2
  ['XF2024-026', '2024-09-20', '2024-09-20', '陈某寅', '拆迁安置', '上级交办', '初次', '陈楼村', null, '2024-12-10', '是', '2024-12-06', '已办结'], // 11-19, 延期至 12-10; 按期
  ['XF2024-027', '2024-09-23', '2024-09-23', '杨某寅', '物业费', '领导阅批', '初次', '杨店社区', null, null, null, null, '办理中'], // 10-23; 未办结，逾期 58
  ['XF2024-028', '2024-09-30', '2024-09-30', '周某寅', '复查申请', '上级交办', '复查', '周口居委会', null, null, null, '2024-10-15', '已办结'], // 10-15; 按期
  ['XF2024-029', '2024-10-08', '2024-10-08', '前某寅', '补偿款', '上级交办', '初次', '前营村', null, null, null, null, '办理中'], // 12-07 周六 → 12-09; 未办结，逾期 11
  ['XF2024-030', '2024-10-10', '2024-10-10', '孙某寅', '医疗纠纷', '本级受理', '初次', '孙庄村', null, 30, '否', '2024-12-16', '已办结'], // 12-09 (延期未批准); 逾期 7
  ['XF2024-031', '2024-10-21', '2024-10-21', '张某卯', '用水纠纷', '上级交办', '初次', '张庄村', null, null, null, null, '办理中'], // 12-20; 今天到期
  ['XF2024-032', '2024-11-04', '2024-11-04', '李某卯', '宅基地', '领导阅批', '初次', '李家村', null, null, null, '2024-12-02', '已办结'], // 12-04; 按期
  ['XF2024-033', '2024-11-15', '2024-11-15', '王某卯', '复查申请', '上级交办', '复查', '王庄村', null, null, null, '2024-11-29', '已办结'], // 11-30 周六 → 12-02; 按期
  ['XF2024-034', '2024-11-26', '2024-11-26', '赵某卯', '欠薪', '领导阅批', '初次', '赵集村', null, null, null, null, '办理中'], // 12-26; 6 日内到期
  ['XF2024-035', '2024-11-28', '2024-11-28', '刘某卯', '低保', '镇领导批办', '初次', '刘湾村', '20个工作日', null, null, null, '办理中'], // 12-26; 6 日内到期
  ['XF2024-036', '2024-12-02', '2024-12-02', '陈某卯', '拆迁', '上级交办', '初次', '陈楼村', null, null, null, null, '办理中'], // 2025-01-31 春节 → 2025-02-05
  ['XF2024-037', '2024-12-05', '2024-12-05', '杨某卯', '复查申请', '上级交办', '复查', '杨店社区', null, null, null, null, '办理中'], // 12-20; 今天到期
  ['XF2024-038', '2024-12-10', '2024-12-10', '周某卯', '噪音', '本级受理', '初次', '周口居委会', null, null, null, null, '办理中'], // 2025-02-08 周六调休上班
  ['XF2024-039', '2024-12-16', '2024-12-16', '前某卯', '历史遗留', '领导阅批', '初次', '前营村', null, null, null, null, '办理中'], // 2025-01-15
  ['XF2024-040', '2024-12-18', '2024-12-18', '孙某卯', '复查申请', '上级交办', '复查', '孙庄村', null, null, null, null, '办理中'], // 2025-01-02
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

  // The case register, its columns in the order this office keeps them (the reader finds them by name);
  // added last, so the sheets before it keep their places in the file.
  const register = wb.addWorksheet('信访事项办理台账');
  register.columns = [12, 11, 11, 10, 14, 13, 7, 11, 11, 11, 9, 11, 9].map((width) => ({ width }));
  register.addRow(['编号', '登记日期', '受理日期', '信访人', '事由', '来源', '类别', '责任单位', '办理期限', '延期', '延期批准', '办结日期', '状态']);
  for (const c of SAMPLE_CASES) register.addRow(c);
  register.getRow(1).font = { bold: true };
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
