/**
 * The reference score table at the end of shared/seeds/003_*.txt, laid out as it is printed:
 * title, 单位 row, header, categories merged down over their items, section 二's one item
 * with ten rule rows under one merged 分值, the 加减分 section, signature row and notes.
 * Used by the golden fixtures, the bundled sample's generator and the benchmark.
 */
import type { CellValue } from '../../src/sheet/grid';

export interface Seed003Options {
  /** What follows 单位: in the label row; '' keeps the blank template (单位:年  月  日). */
  unit?: string;
  date?: string;
  /** Item entries in table order: 4 + 1 + 3 + 6 = 14 items (ITEM_COUNT). */
  entries?: CellValue[];
  /** 8 adjustment entries (加减分), in table order. */
  adjustments?: CellValue[];
  /** Adds a 一票否决 row with this entry, before the 总分 row. */
  veto?: CellValue;
  /** Adds a 总分 row with this entry (null: an empty 总分 cell). */
  total?: CellValue;
}

/** Items of the seed table, in order: 4 in 一, 1 in 二, 3 in 三, 6 in 四. */
export const ITEM_COUNT = 14;
export const ITEM_POINTS = [5, 5, 5, 5, 30, 10, 5, 5, 5, 5, 5, 4, 6, 5];
export const ADJUSTMENT_COUNT = 8;

const SECTION_TWO_RULES = [
  '到京正常上访,每人次扣5分',
  '非正常上访、重复上访的每人次扣10分',
  '到省正常上访,每人次扣4分',
  '非正常上访、重复上访的每人次扣8分',
  '到市正常上访,每人次扣3分',
  '非正常上访、重复上访的每人次扣6分',
  '到区正常上访,不能及时稳控调处的每人次扣2分',
  '非正常上访、重复上访的每人次扣4分',
  '到镇正常上访,不能及时稳控调处的每人次扣1分',
  '非正常上访、重复上访的每人次扣2分',
];

export const ADJUSTMENTS: [string, string][] = [
  ['1、上报矛盾纠纷排查化解卷宗。', '一份加1分'],
  ['2、治安卡点设备齐全。', '加1分'],
  ['3、监控、灯光工程。', '加1分'],
  ['4、化解信访积案。', '加5分'],
  ['5、在省、市、区检查中受到表彰。', '分别加5分、3分、2分'],
  ['6、不按时或缺席综治工作会议。', '缺一次扣1分'],
  ['7、村(居)无专人负责综治中心工作。', '扣3分'],
  ['8、在上级检查、督查、暗访中受到处理。', '扣5分'],
];

export interface Seed003Sheet {
  rows: CellValue[][];
  merges: string[];
  /** A1 address of each item's entry, in table order. */
  entryCells: string[];
  adjustmentCells: string[];
  vetoCell: string | null;
  totalCell: string | null;
}

/** The seed 003 table as rows and merges, with the given entries. */
export function seed003(options: Seed003Options = {}): Seed003Sheet {
  const e = (i: number): CellValue => options.entries?.[i] ?? null;
  const adj = (i: number): CellValue => options.adjustments?.[i] ?? null;
  const unitLabel = options.unit ? `单位:${options.unit}    ${options.date ?? '年  月  日'}` : `单位:${options.date ?? '年  月  日'}`;
  const rows: CellValue[][] = [
    ['xx镇综治及信访工作考核评分表', null, null, null, null],
    [unitLabel, null, null, null, null],
    ['考核内容', '考核重点', '分值', '扣分因素', '得分'],
    // 一 (rows 4–7)
    ['一、落实信访工作责任制,建立一把手负总责(20分)', '查看会议记录,了解信访工作落实情况', 5, '没开会研究相关工作事项的扣1分', e(0)],
    [null, '落实领导包案制度情况,村主要领导接访情况', 5, '上访群众没有村级处理意见的每件扣1分,对信访人包保情况(查会议记录或包保表)没有扣5分', e(1)],
    [null, '信访件办理', 5, '上级交办的信访件能妥善办理并及时上报处理结果。', e(2)],
    [null, '开展矛盾纠纷排查情况', 5, '每月排查两次并上报,缺一次扣1分,没有负责人签字并加盖公章的缺1次扣一分', e(3)],
  ];
  // 二 (rows 8–17): one item, ten rule rows under one merged 分值 and one merged 得分.
  SECTION_TWO_RULES.forEach((rule, k) => {
    rows.push(
      k === 0
        ? ['二、包保网络建设和责任追究(30分)', '确保无人到京、省、市、区、镇上访落实情况', 30, rule, e(4)]
        : [null, null, null, rule, null],
    );
  });
  // 三 (rows 18–20)
  rows.push(
    ['三、解决信访问题(20分)', '领导批办的信访件及时办结情况', 10, '到期不能按时结案的,每件扣5分', e(5)],
    [null, '及时上报矛盾纠纷化解材料', 5, null, e(6)],
    [null, '上级排查梳理的信访积案实行领导包案。', 5, '出现重复反复访的扣5分', e(7)],
  );
  // 四 (rows 21–26): the title spans two lines; each item's points also stand in its text.
  rows.push(
    [
      '四、综治维稳基层基础工作,“综治维稳信访工作站”运行工作开展\n情况(30)',
      '1、各村(居)设立村级综治中心,办公场所,组织、制度、牌子要上墙,安排专职人员负责综治中心工作。要有值班表,并对每天值班情况进行记录。(5分)',
      5,
      '无值班记录扣2分;\n卫生不干净扣1分\n制度不完善扣2分',
      e(8),
    ],
    [null, '2特殊人员(精神病患者、吸毒人员、邪教人员、信访人员)管理情况。(5分)', 5, '每缺一类特殊人员扣1分,扣完为止。', e(9)],
    [null, '3、各村(居)综治工作资料要规范、齐全。相关工作要有计划和总结(综治、防邪、信访、普法、禁毒及禁毒宣传月、打击传销)。(5分)', 5, '每缺一项资料扣1分,扣完为止。', e(10)],
    [null, '4、各村(居)治安巡逻每周要进行三次以上并且要有记录。有视屏监控的村居,监控室应24小时有人值班。(4分)', 4, '每少一次扣0.5分,扣完为止。', e(11)],
    [null, '5、各村(居)要建立健全相关领导小组制度(治保调解、治安巡逻、冬防、平安创建、普法、禁毒、流动人口、反邪教、打击传销、在铁路范围内的村要有铁路护路等领导小组)。(6分)', 6, '每缺一样,扣0.5分,扣完为止。', e(12)],
    [null, '6、各村(居)要认真开展平安建设暨群众安全感满意度的提升工作,我镇将对各村固定电话用户采取随机抽样(每村10-20户)的方式,进行问卷调查。(5分)', 5, '如回答对政法机关不满意的,每例扣一分', e(13)],
  );
  // 五、加减分 (rows 27–34)
  ADJUSTMENTS.forEach(([item, rule], k) => rows.push([k === 0 ? '五、加减分' : null, item, null, rule, adj(k)]));
  const merges = ['A1:E1', 'A2:E2', 'A4:A7', 'A8:A17', 'B8:B17', 'C8:C17', 'E8:E17', 'A18:A20', 'A21:A26', 'A27:A34'];
  let vetoCell: string | null = null;
  let totalCell: string | null = null;
  if (options.veto !== undefined) {
    rows.push(['六、一票否决', '因稳控调处不当,信息不畅造成群众集体上访,产生较大影响的', null, '以0分计算,并对当年工作一票否决(填“是”或“否”)', options.veto]);
    vetoCell = `E${rows.length}`;
  }
  if (options.total !== undefined) {
    rows.push(['总分', null, 100, null, options.total]);
    totalCell = `E${rows.length}`;
    merges.push(`A${rows.length}:B${rows.length}`);
  }
  rows.push(['考核组长(签字):', null, '考核组成员(签字):', null, null]);
  rows.push(['注:1、考核总分值设为100分。', null, null, null, null]);
  rows.push(['2、因稳控调处不当,信息不畅造成群众集体上访,产生较大影响的以0分计算,并对当年工作一票否决。', null, null, null, null]);
  const entryRows = [4, 5, 6, 7, 8, 18, 19, 20, 21, 22, 23, 24, 25, 26];
  return {
    rows,
    merges,
    entryCells: entryRows.map((r) => `E${r}`),
    adjustmentCells: ADJUSTMENTS.map((_, k) => `E${27 + k}`),
    vetoCell,
    totalCell,
  };
}
