/**
 * Every rule line of shared/seeds/002 and 003, copied by hand and literally (the seeds' own
 * punctuation), each with what it must parse to: the golden table of the rule parser.
 *
 * Left out, because they state no scoring rule: 002 一、二 (requirements under section
 * points), 002 四 (which petitions are not counted, and how results are used); 003 body
 * items with no deduction (一(一)1–2, 四1–5); 003 考核奖惩1 (bands, read by bands.ts) and
 * 考核奖惩5 (money only); 003's 注1 (考核总分值设为100分).
 */
import type { NoteReason, RuleKind, UnparsedReason } from '../../src/engine/rules';

/** A rule as the table writes it: decimals as strings, every field spelled out. */
export interface ExpectedRule {
  kind: RuleKind;
  event: string;
  unit: string | null;
  points: string | null;
  level: string | null;
  cap: string | null;
  untilExhausted: boolean;
}

export interface SeedRuleLine {
  /** Where the line stands in the seed. */
  source: string;
  /** The item's 考核重点, when the rule needs it (分别加… finds its levels there). */
  label?: string;
  text: string;
  rules: ExpectedRule[];
  notes: [NoteReason, string][];
}

type More = { cap?: string; untilExhausted?: boolean };
const base = (kind: RuleKind, event: string, unit: string | null, points: string | null, level: string | null, more: More = {}): ExpectedRule => ({
  kind, event, unit, points, level, cap: more.cap ?? null, untilExhausted: more.untilExhausted ?? false,
});
/** 每<unit>扣N分 */
const rate = (event: string, unit: string, points: string, more?: More) => base('rate', event, unit, points, null, more);
/** …的扣N分, once */
const fixed = (event: string, points: string, more?: More) => base('fixed', event, null, points, null, more);
const bonusRate = (event: string, unit: string, points: string, more?: More) => base('bonusRate', event, unit, points, null, more);
const bonusFixed = (event: string, points: string) => base('bonusFixed', event, null, points, null);
const bonusLevel = (event: string, level: string, points: string) => base('bonusLevel', event, null, points, level);
const veto = (event: string) => base('veto', event, null, null, null);

/** 002 三、越级上访控制目标(50分): each item states its points (得N分), then deductions per case. */
export const SEED_002: SeedRuleLine[] = [
  {
    source: '002 三(一)',
    text: '(一)越级进京上访量不超过本级接访量的2,到省上访量不超过8,来市上访量不超过15,得15分。突破1起扣5分;',
    rules: [rate('突破', '起', '5')],
    notes: [['ITEM_POINTS', '越级进京上访量不超过本级接访量的2,到省上访量不超过8,来市上访量不超过15,得15分']],
  },
  {
    source: '002 三(二)',
    text: '(二)没有发生重复越级上访得10分。重复京访1起扣5分,省访1起扣3分,市访1起扣2分,本市访1起扣1分;',
    rules: [rate('重复京访', '起', '5'), rate('省访', '起', '3'), rate('市访', '起', '2'), rate('本市访', '起', '1')],
    notes: [['ITEM_POINTS', '没有发生重复越级上访得10分']],
  },
  {
    source: '002 三(三)',
    text: '(三)没有发生越级 __得10分。发生京访1起扣10分,省访1起扣8分,市访1起扣5分,本市访1起扣2分;',
    rules: [rate('发生京访', '起', '10'), rate('省访', '起', '8'), rate('市访', '起', '5'), rate('本市访', '起', '2')],
    notes: [['ITEM_POINTS', '没有发生越级 __得10分']],
  },
  {
    source: '002 三(四)',
    text: '(四)没有上访老户得10分。被国家定为老户1人扣5分,被省定为老户1人扣3分,被市定为老户1人扣2分;被本市定为老户1人扣1分;',
    rules: [rate('被国家定为老户', '人', '5'), rate('被省定为老户', '人', '3'), rate('被市定为老户', '人', '2'), rate('被本市定为老户', '人', '1')],
    notes: [['ITEM_POINTS', '没有上访老户得10分']],
  },
  {
    source: '002 三(五)',
    text: '(五)没有发生上访滞留,接市通知后24小时内及时接回并认真处理得5分。重复滞留上访1起扣5分。',
    rules: [rate('重复滞留上访', '起', '5')],
    notes: [['ITEM_POINTS', '没有发生上访滞留,接市通知后24小时内及时接回并认真处理得5分']],
  },
];

/** The ten rule rows of 003's section 二, one item under one merged 分值 (30). */
export const SEED_003_SECTION_TWO: SeedRuleLine[] = [
  { source: '003 表 二 行1', text: '到京正常上访,每人次扣5分', rules: [rate('到京正常上访', '人次', '5')], notes: [] },
  { source: '003 表 二 行2', text: '非正常上访、重复上访的每人次扣10分', rules: [rate('非正常上访、重复上访', '人次', '10')], notes: [] },
  { source: '003 表 二 行3', text: '到省正常上访,每人次扣4分', rules: [rate('到省正常上访', '人次', '4')], notes: [] },
  { source: '003 表 二 行4', text: '非正常上访、重复上访的每人次扣8分', rules: [rate('非正常上访、重复上访', '人次', '8')], notes: [] },
  { source: '003 表 二 行5', text: '到市正常上访,每人次扣3分', rules: [rate('到市正常上访', '人次', '3')], notes: [] },
  { source: '003 表 二 行6', text: '非正常上访、重复上访的每人次扣6分', rules: [rate('非正常上访、重复上访', '人次', '6')], notes: [] },
  {
    source: '003 表 二 行7', text: '到区正常上访,不能及时稳控调处的每人次扣2分',
    rules: [rate('到区正常上访,不能及时稳控调处', '人次', '2')], notes: [],
  },
  { source: '003 表 二 行8', text: '非正常上访、重复上访的每人次扣4分', rules: [rate('非正常上访、重复上访', '人次', '4')], notes: [] },
  {
    source: '003 表 二 行9', text: '到镇正常上访,不能及时稳控调处的每人次扣1分',
    rules: [rate('到镇正常上访,不能及时稳控调处', '人次', '1')], notes: [],
  },
  { source: '003 表 二 行10', text: '非正常上访、重复上访的每人次扣2分', rules: [rate('非正常上访、重复上访', '人次', '2')], notes: [] },
];

/** 003 考核评分表: the 扣分因素 column, the 加减分 section and the table's 注2. */
export const SEED_003_TABLE: SeedRuleLine[] = [
  { source: '003 表 一1', text: '没开会研究相关工作事项的扣1分', rules: [fixed('没开会研究相关工作事项', '1')], notes: [] },
  {
    source: '003 表 一2',
    text: '上访群众没有村级处理意见的每件扣1分,对信访人包保情况(查会议记录或包保表)没有扣5分',
    rules: [rate('上访群众没有村级处理意见', '件', '1'), fixed('对信访人包保情况(查会议记录或包保表)没有', '5')],
    notes: [],
  },
  {
    // A requirement with no deduction: the assessor scores the item directly.
    source: '003 表 一3',
    text: '上级交办的信访件能妥善办理并及时上报处理结果。',
    rules: [],
    notes: [['DESCRIPTION', '上级交办的信访件能妥善办理并及时上报处理结果']],
  },
  {
    source: '003 表 一4',
    text: '每月排查两次并上报,缺一次扣1分,没有负责人签字并加盖公章的缺1次扣一分',
    rules: [rate('每月排查两次并上报,缺', '次', '1'), rate('没有负责人签字并加盖公章的缺', '次', '1')],
    notes: [],
  },
  ...SEED_003_SECTION_TWO,
  { source: '003 表 三1', text: '到期不能按时结案的,每件扣5分', rules: [rate('到期不能按时结案', '件', '5')], notes: [] },
  // The seed's text runs this item's 考核重点 into its rule: "…实行领导包案。出现重复反复访的扣5分".
  { source: '003 表 三3', text: '出现重复反复访的扣5分', rules: [fixed('出现重复反复访', '5')], notes: [] },
  {
    source: '003 表 四1',
    text: '无值班记录扣2分;\n卫生不干净扣1分\n制度不完善扣2分',
    rules: [fixed('无值班记录', '2'), fixed('卫生不干净', '1'), fixed('制度不完善', '2')],
    notes: [],
  },
  {
    source: '003 表 四2', text: '每缺一类特殊人员扣1分,扣完为止。',
    rules: [rate('缺特殊人员', '类', '1', { untilExhausted: true })], notes: [],
  },
  {
    source: '003 表 四3', text: '每缺一项资料扣1分,扣完为止。',
    rules: [rate('缺资料', '项', '1', { untilExhausted: true })], notes: [],
  },
  {
    source: '003 表 四4', text: '每少一次扣0.5分,扣完为止。',
    rules: [rate('少', '次', '0.5', { untilExhausted: true })], notes: [],
  },
  {
    source: '003 表 四5', text: '每缺一样,扣0.5分,扣完为止。',
    rules: [rate('缺', '样', '0.5', { untilExhausted: true })], notes: [],
  },
  { source: '003 表 四6', text: '如回答对政法机关不满意的,每例扣一分', rules: [rate('回答对政法机关不满意', '例', '1')], notes: [] },
  // 五、加减分
  { source: '003 表 加减分1', label: '1、上报矛盾纠纷排查化解卷宗。', text: '一份加1分', rules: [bonusRate('', '份', '1')], notes: [] },
  { source: '003 表 加减分2', label: '2、治安卡点设备齐全。', text: '加1分', rules: [bonusFixed('', '1')], notes: [] },
  { source: '003 表 加减分3', label: '3、监控、灯光工程。', text: '加1分', rules: [bonusFixed('', '1')], notes: [] },
  { source: '003 表 加减分4', label: '4、化解信访积案。', text: '加5分', rules: [bonusFixed('', '5')], notes: [] },
  {
    source: '003 表 加减分5',
    label: '5、在省、市、区检查中受到表彰。',
    text: '分别加5分、3分、2分',
    rules: [bonusLevel('', '省', '5'), bonusLevel('', '市', '3'), bonusLevel('', '区', '2')],
    notes: [],
  },
  { source: '003 表 加减分6', label: '6、不按时或缺席综治工作会议。', text: '缺一次扣1分', rules: [rate('缺', '次', '1')], notes: [] },
  { source: '003 表 加减分7', label: '7、村(居)无专人负责综治中心工作。', text: '扣3分', rules: [fixed('', '3')], notes: [] },
  { source: '003 表 加减分8', label: '8、在上级检查、督查、暗访中受到处理。', text: '扣5分', rules: [fixed('', '5')], notes: [] },
  {
    source: '003 表 注2',
    text: '2、因稳控调处不当,信息不畅造成群众集体上访,产生较大影响的以0分计算,并对当年工作一票否决。',
    rules: [veto('因稳控调处不当,信息不畅造成群众集体上访,产生较大影响')],
    notes: [],
  },
];

/** 003 实施方案 body: 一、考核内容 items with rules, and the 考核奖惩 clauses with 一票否决. */
export const SEED_003_METHOD: SeedRuleLine[] = [
  {
    source: '003 一(一)3',
    text: '3、到本村(居)反映问题的群众,要落实来访接待登记,对群众反映的问题,要有明确答复意见或解决办法。到镇上访的群众,必须持有村出具的处理意见书,处理意见书上要有调解人员签字。没持有村级处理意见书,直接到镇上访的扣1分(5分)',
    rules: [fixed('没持有村级处理意见书,直接到镇上访', '1')],
    notes: [
      ['DESCRIPTION', '到本村(居)反映问题的群众,要落实来访接待登记,对群众反映的问题,要有明确答复意见或解决办法'],
      ['DESCRIPTION', '到镇上访的群众,必须持有村出具的处理意见书,处理意见书上要有调解人员签字'],
      ['ITEM_POINTS', '(5分)'],
    ],
  },
  {
    source: '003 一(一)4',
    text: '4、深入开展矛盾纠纷排查化解工作,建立矛盾纠纷排查化解机制,建立台帐,每月排查二次并及时化解,经村(居)负责人签字并加盖公章后分别于每月14日和28日前上报,每缺一次扣0.5分,扣完为止。如出现到镇级以上单位反映,存在未上报的矛盾纠纷,每缺一例扣0.5分(5分)',
    rules: [
      rate(
        '深入开展矛盾纠纷排查化解工作,建立矛盾纠纷排查化解机制,建立台帐,每月排查二次并及时化解,经村(居)负责人签字并加盖公章后分别于每月14日和28日前上报,缺',
        '次', '0.5', { untilExhausted: true },
      ),
      rate('出现到镇级以上单位反映,存在未上报的矛盾纠纷,缺', '例', '0.5'),
    ],
    notes: [['ITEM_POINTS', '(5分)']],
  },
  {
    source: '003 一(二)1',
    text: '1、如因调处不及时发生到京上访,直接给予一票否决。并处罚相关人员责任金2000元,片、点长、书记各处罚1000元。非正常上访、重复上访,按有关规定追究相关责任人的责任并加倍处罚责任金。',
    rules: [veto('因调处不及时发生到京上访')],
    notes: [
      ['MONEY', '并处罚相关人员责任金2000元'],
      ['MONEY', '片、点长、书记各处罚1000元'],
      ['REFERRAL', '非正常上访、重复上访,按有关规定追究相关责任人的责任并加倍处罚责任金'],
    ],
  },
  {
    source: '003 一(二)2',
    text: '2、如因调处不及时发生到省上访,能及时接访并能在信访规定时间内稳控到位,每人次扣4分并处罚相关人员责任金500元,非正常上访、重复或集体上访,按上级有关规定追究相关责任人的责任。',
    rules: [rate('因调处不及时发生到省上访,能及时接访并能在信访规定时间内稳控到位', '人次', '4')],
    notes: [
      ['MONEY', '并处罚相关人员责任金500元'],
      ['REFERRAL', '非正常上访、重复或集体上访,按上级有关规定追究相关责任人的责任'],
    ],
  },
  {
    source: '003 一(二)3',
    text: '3、如因调处不及时发生到市上访,能及时接访并能在信访规定时间内调处到位每人次扣3分,非正常上访、重复或集体上访,每次扣6分,造成严重后果或产生严重舆情的,按有关规定追究相关责任人的责任。',
    rules: [
      rate('因调处不及时发生到市上访,能及时接访并能在信访规定时间内调处到位', '人次', '3'),
      rate('非正常上访、重复或集体上访', '次', '6'),
    ],
    notes: [['REFERRAL', '造成严重后果或产生严重舆情的,按有关规定追究相关责任人的责任']],
  },
  {
    // No 每 before 扣1分: read as written, a condition that deducts once.
    source: '003 一(二)4',
    text: '4、如因调处不及时发生到区上访,能及时接访并能在信访规定时间内调处到位扣1分,非正常上访、重复或集体上访,每人次扣4分。',
    rules: [
      fixed('因调处不及时发生到区上访,能及时接访并能在信访规定时间内调处到位', '1'),
      rate('非正常上访、重复或集体上访', '人次', '4'),
    ],
    notes: [],
  },
  {
    source: '003 一(二)5',
    text: '5、群众到镇上访,不能及时接访调处的,非正常上访、重复或集体上访,每批次扣1分,同人同事当月来访三次的扣3分。',
    rules: [
      rate('群众到镇上访,不能及时接访调处,非正常上访、重复或集体上访', '批次', '1'),
      // 三次的: a threshold, not a count — deducts once.
      fixed('同人同事当月来访三次', '3'),
    ],
    notes: [],
  },
  {
    source: '003 一(二)6',
    text: '6、统计数据以阳光信访网站和区、镇领导转办交办接访记录为依据。',
    rules: [],
    notes: [['DESCRIPTION', '统计数据以阳光信访网站和区、镇领导转办交办接访记录为依据']],
  },
  {
    source: '003 一(三)1',
    text: '1、上级交办的案件和镇领导批办的案件,各村(居)要及时上报办理人员名单,并于20个工作日上报处理结果,到期仍未能上报相关证明和调解材料,影响到期结案率的,每件扣5分。(10分)',
    rules: [
      rate(
        '上级交办的案件和镇领导批办的案件,各村(居)要及时上报办理人员名单,并于20个工作日上报处理结果,到期仍未能上报相关证明和调解材料,影响到期结案率',
        '件', '5',
      ),
    ],
    notes: [['ITEM_POINTS', '(10分)']],
  },
  {
    source: '003 一(三)2',
    text: '2、化解的矛盾纠纷要及时上报化解卷宗(调解协议、当事人身份证复印件、村级证明等),经综治中心及司法所审理合格后,每卷加0.5分,最多加10分,并由镇政府和司法所按每卷200元进行奖励(5分)',
    rules: [
      bonusRate('化解的矛盾纠纷要及时上报化解卷宗(调解协议、当事人身份证复印件、村级证明等),经综治中心及司法所审理合格后', '卷', '0.5', { cap: '10' }),
    ],
    notes: [
      ['MONEY', '并由镇政府和司法所按每卷200元进行奖励'],
      ['ITEM_POINTS', '(5分)'],
    ],
  },
  {
    source: '003 一(三)3',
    text: '3、对区、镇排查梳理出来的信访积案,全部落实信访积案化解“五个一”工作标准化解工作机制,实行领导包案,落实责任主体。每成功化解一例信访积案加5分并奖励相关化解人员每人2000元,化解后如出现反流,处罚化解人员每人3000元。',
    rules: [bonusRate('成功化解信访积案', '例', '5')],
    notes: [
      ['DESCRIPTION', '对区、镇排查梳理出来的信访积案,全部落实信访积案化解“五个一”工作标准化解工作机制,实行领导包案,落实责任主体'],
      ['MONEY', '并奖励相关化解人员每人2000元'],
      ['MONEY', '化解后如出现反流,处罚化解人员每人3000元'],
    ],
  },
  {
    source: '003 一(四)6',
    text: '6、各村(居)要认真开展平安建设暨群众安全感满意度的提升工作,镇综治中心每季度将对各村固定电话用户采取随机抽样(每村10-20户)的方式,进行问卷调查,如回答对政法机关不满意的,每例扣0.5分。(5分)',
    rules: [
      rate(
        '各村(居)要认真开展平安建设暨群众安全感满意度的提升工作,镇综治中心每季度将对各村固定电话用户采取随机抽样(每村10-20户)的方式,进行问卷调查,回答对政法机关不满意',
        '例', '0.5',
      ),
    ],
    notes: [['ITEM_POINTS', '(5分)']],
  },
  {
    source: '003 二、考核奖惩2',
    text: '2、对当年出现因新问题未及时化解导致进京上访的单位,责任金全部扣除(扣除后需补交责任金),并对该单位实行一票否决。对因稳控调处不当,信息不畅,造成群众集体上访,并产生较大社会影响和舆情的村,按有关规定追究相关责任人的责任。',
    rules: [veto('对当年出现因新问题未及时化解导致进京上访的单位')],
    notes: [
      ['MONEY', '对当年出现因新问题未及时化解导致进京上访的单位,责任金全部扣除(扣除后需补交责任金)'],
      ['REFERRAL', '对因稳控调处不当,信息不畅,造成群众集体上访,并产生较大社会影响和舆情的村,按有关规定追究相关责任人的责任'],
    ],
  },
  {
    // The veto here follows from the ranking (最后一名), not from an event an assessor counts.
    source: '003 二、考核奖惩4',
    text: '4、镇对各村(居)综治中心工作实行月考核、季兑现,评比结果纳入年终D建考核,年终对综合考核分值在98分以上的村(居)分别给予10000元、8000元、6000元的奖补资金,给予片长、点长、综治中心包村人员、村书记、治保主任每人3000元、2000元、1000元的奖励。对综合考核80分以下的村(居)扣除责任金并对村主(居)要负责人进行约谈。对综合排名最后一名的村实行一票否决,并要大会表态发言',
    rules: [veto('对综合排名最后一名的村')],
    notes: [
      ['MONEY', '镇对各村(居)综治中心工作实行月考核、季兑现,评比结果纳入年终D建考核,年终对综合考核分值在98分以上的村(居)分别给予10000元、8000元、6000元的奖补资金'],
      ['MONEY', '给予片长、点长、综治中心包村人员、村书记、治保主任每人3000元、2000元、1000元的奖励'],
      ['MONEY', '对综合考核80分以下的村(居)扣除责任金并对村主(居)要负责人进行约谈'],
      ['DESCRIPTION', '并要大会表态发言'],
    ],
  },
];

/** Every rule line the parser must understand. */
export const SEED_RULE_LINES: SeedRuleLine[] = [...SEED_002, ...SEED_003_TABLE, ...SEED_003_METHOD];

/**
 * The one seed clause that speaks of points but cannot be read: 考核奖惩3 gives 加分 with no
 * amount. It must be reported, not guessed.
 */
export const SEED_NOT_UNDERSTOOD: { source: string; text: string; unparsed: [UnparsedReason, string][]; notes: [NoteReason, string][] }[] = [
  {
    source: '003 二、考核奖惩3',
    text: '3、在重大节日期间和重要时间节点,“零上访”的村(居)年终考核时给予加分并给予单项奖励。全年“零上访”的村(居)给予10000元奖励并对村书记、主任、治保主任每人奖励1000元,连续2年“零上访”的村(居)奖励加倍。',
    unparsed: [['UNKNOWN_WORDING', '在重大节日期间和重要时间节点,“零上访”的村(居)年终考核时给予加分并给予单项奖励']],
    notes: [
      ['MONEY', '全年“零上访”的村(居)给予10000元奖励并对村书记、主任、治保主任每人奖励1000元'],
      ['MONEY', '连续2年“零上访”的村(居)奖励加倍'],
    ],
  },
];
