/**
 * 扣分因素 as data. A rule text such as “到省正常上访,每人次扣4分” becomes a record
 * `{ kind: 'rate', event: '到省正常上访', unit: '人次', points: 4 }`; one generic function
 * (applyRules) turns records plus counts into a score. What a kind does is a row of
 * RULE_EFFECTS, not a branch.
 */
import type { Decimal } from '../decimal';

/**
 * - rate: 每<unit>扣N分 (每人次扣4分, 缺一次扣1分)
 * - fixed: a condition that deducts once (没开会…的扣1分, 扣3分)
 * - bonusRate / bonusFixed: the same with 加 (一份加1分 / 加5分)
 * - bonusLevel: one of 分别加5分、3分、2分, with its level (省, 市, 区)
 * - veto: 一票否决 for the unit (with 以0分计算 of the total when the text says so)
 * - zeroItem: 该项以0分计算 — the item, not the unit, scores 0
 */
export type RuleKind = 'rate' | 'fixed' | 'bonusRate' | 'bonusFixed' | 'bonusLevel' | 'veto' | 'zeroItem';

/** One understood clause of a rule text. */
export interface Rule {
  /** Stable within the item: r1, r2 … in the order the rules stand in the text. */
  id: string;
  kind: RuleKind;
  /** What is counted or what must have happened, as written (如/的 trimmed), e.g. '到省正常上访'. '' when the text names nothing (扣3分). */
  event: string;
  /** Counting word (量词) of a rate: 人次, 件, 次, 例, 份 …; null for the other kinds. */
  unit: string | null;
  /** Points per unit (rate kinds) or once (fixed kinds); null for veto and zeroItem. */
  points: Decimal | null;
  /** Level of a bonusLevel rule: '省', '市', '区' …; null otherwise. */
  level: string | null;
  /** 最多扣/加N分: the most this rule can deduct or add; null when the text states none. */
  cap: Decimal | null;
  /** 扣完为止 was stated: deductions stop at the item's 0 (which applyRules always does). */
  untilExhausted: boolean;
  /** The clause the rule was read from, as cleaned text. */
  sourceText: string;
}

/** Why a clause is a note and not a rule: it states nothing applicable to a score. */
export type NoteReason =
  /** A requirement or explanation with no points at all (上级交办的信访件能妥善办理…). */
  | 'DESCRIPTION'
  /** The item's own points: 得15分, (5分). */
  | 'ITEM_POINTS'
  /** Money (责任金, 元, 奖金): outside the score. */
  | 'MONEY'
  /** 按(有关)规定追究…: handled by other regulations, no points. */
  | 'REFERRAL';

export interface RuleNote {
  reason: NoteReason;
  text: string;
  message: string;
}

/** Why a clause was not understood. Nothing is guessed: such a clause is reported. */
export type UnparsedReason =
  /** Has 扣/加分/否决/N分 but in no wording the parser knows. */
  | 'UNKNOWN_WORDING'
  /** 每… with no counting word after it (每月14日前…扣1分). */
  | 'PER_UNIT_NOT_FOUND'
  /** Counted per several units (每两次扣1分, 缺两次扣1分): per two, or once at two? */
  | 'PER_SEVERAL_UNITS'
  /** 以0分计算 without saying whether the item (该项) or the unit (一票否决) gets 0. */
  | 'AMBIGUOUS_ZERO'
  /** 分别加… with no matching list of levels in the clause or the item's label. */
  | 'LEVELS_NOT_FOUND'
  /** 分别扣… by level: no rule kind for it. */
  | 'LEVELLED_DEDUCTION'
  /** 最多扣N分 / 扣完为止 with no rule before it to bound. */
  | 'CAP_WITHOUT_RULE'
  /** 最多加N分 after several rules: which one it bounds is not written. */
  | 'AMBIGUOUS_CAP'
  /** 最多…/扣完为止 with a condition of its own (累计超过三件的,最多扣5分). */
  | 'CAP_WITH_CONDITION';

export interface UnparsedClause {
  reason: UnparsedReason;
  text: string;
  message: string;
}

/** The reading of one item's rule text: rules to apply, notes that apply nothing, and what was not understood. */
export interface ParsedRules {
  rules: Rule[];
  notes: RuleNote[];
  unparsed: UnparsedClause[];
}

export type RuleEffect = 'deduct' | 'bonus' | 'veto' | 'zero';

/**
 * What each kind does, as data: `perUnit` multiplies the points by the count; `once` means
 * the count is 0 or 1 (the text has no 每 / 一<unit>, so the condition applies once).
 */
export const RULE_EFFECTS: Record<RuleKind, { effect: RuleEffect; perUnit: boolean; once: boolean }> = {
  rate: { effect: 'deduct', perUnit: true, once: false },
  fixed: { effect: 'deduct', perUnit: false, once: true },
  bonusRate: { effect: 'bonus', perUnit: true, once: false },
  bonusFixed: { effect: 'bonus', perUnit: false, once: true },
  bonusLevel: { effect: 'bonus', perUnit: false, once: true },
  veto: { effect: 'veto', perUnit: false, once: false },
  zeroItem: { effect: 'zero', perUnit: false, once: false },
};
