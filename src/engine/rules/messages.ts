/**
 * The wording of everything the rule parser and applyRules tell a user, keyed by a stable
 * code. The Chinese text lives here and nowhere else in rules/.
 */
import type { NoteReason, UnparsedReason } from './rule';

type Params = Record<string, string | number>;

/** Codes of the errors applyRules returns for records it cannot use. */
export type RecordErrorCode =
  | 'UNKNOWN_RULE'
  | 'DUPLICATE_RULE_ID'
  | 'COUNT_NOT_A_NUMBER'
  | 'COUNT_NEGATIVE'
  | 'COUNT_NOT_INTEGER'
  | 'COUNT_TOO_LARGE'
  | 'COUNT_ONCE_ONLY'
  | 'POINTS_NEGATIVE';

const MESSAGES: Record<NoteReason | UnparsedReason | RecordErrorCode, (p: Params) => string> = {
  // Notes: clauses that state nothing to apply.
  DESCRIPTION: () => '说明或工作要求，没有写分数，不参与计分',
  ITEM_POINTS: () => '写明该项分值，不是扣分或加分规则',
  MONEY: () => '责任金、奖金等金额，不计入得分',
  REFERRAL: () => '按其他规定处理，没有写分数，不参与计分',
  // Clauses not understood.
  UNKNOWN_WORDING: () => '含“扣分/加分/否决”等字样，但写法无法识别，请人工核对',
  PER_UNIT_NOT_FOUND: () => '写了“每…”，但没有找到计数单位（如 每人次、每件），无法确定按什么计数',
  PER_SEVERAL_UNITS: (p) => `“${p.count}${p.unit}”扣加分：无法确定是每${p.count}${p.unit}计一次，还是达到${p.count}${p.unit}计一次`,
  AMBIGUOUS_ZERO: (p) => `“${p.phrase}”没有说明是该项得0分还是总分0分（一票否决），请写明“该项以0分计算”或“一票否决”`,
  LEVELS_NOT_FOUND: (p) => `“分别”后有 ${p.count} 个分数，但在条文和考核重点中没有找到对应的 ${p.count} 个级别（如 省、市、区）`,
  LEVELLED_DEDUCTION: () => '“分别扣…”按级别扣分的写法暂不支持，请分条写明',
  CAP_WITHOUT_RULE: () => '“最多…分/扣完为止”前面没有可以限定的扣分或加分规则',
  AMBIGUOUS_CAP: () => '“最多…分”前面有多条规则，无法确定限定的是哪一条，请分句写明',
  CAP_WITH_CONDITION: () => '“最多…分/扣完为止”带有自己的条件，写法无法识别',
  // Records given to applyRules.
  UNKNOWN_RULE: (p) => `没有编号为 ${p.ruleId} 的规则`,
  DUPLICATE_RULE_ID: (p) => `规则编号 ${p.ruleId} 重复`,
  COUNT_NOT_A_NUMBER: (p) => `规则 ${p.ruleId} 的次数“${p.count}”不是数字`,
  COUNT_NEGATIVE: (p) => `规则 ${p.ruleId} 的次数 ${p.count} 为负数`,
  COUNT_NOT_INTEGER: (p) => `规则 ${p.ruleId} 的次数 ${p.count} 不是整数，次数应为 0、1、2 …`,
  COUNT_TOO_LARGE: (p) => `规则 ${p.ruleId} 的次数 ${p.count} 过大`,
  COUNT_ONCE_ONLY: (p) => `规则 ${p.ruleId} 只计一次，次数应为 0 或 1，实际为 ${p.count}`,
  POINTS_NEGATIVE: (p) => `分值 ${p.points} 为负数`,
};

/** The message for a code. ruleMessage('COUNT_NEGATIVE', { ruleId: 'r1', count: -1 }) → '规则 r1 的次数 -1 为负数' */
export function ruleMessage(code: NoteReason | UnparsedReason | RecordErrorCode, params: Params = {}): string {
  return MESSAGES[code](params);
}
