/**
 * Applies parsed rules to what the assessor counted. One generic function: what a kind does
 * comes from RULE_EFFECTS, what a rule is worth from its record.
 */
import { max, min, sum, ZERO, type Decimal } from '../decimal';
import { ruleMessage, type RecordErrorCode } from './messages';
import { RULE_EFFECTS, type Rule } from './rule';

/** How many times the event of a rule happened: 2 for 到省正常上访 twice. */
export interface RuleRecord {
  ruleId: string;
  count: number;
}

/** A rule that took effect: its total count and the points it deducted or added (after its cap). */
export interface AppliedRule {
  ruleId: string;
  count: number;
  points: Decimal;
}

export interface RulesScore {
  ok: true;
  /** The item's 得分: points − deductions, never below 0 (扣完为止); 0 when a zeroItem rule applied; null when no points were given (a 加减分 line). */
  score: Decimal | null;
  /** Σ deductions as the rules state them, before the floor at 0. */
  deducted: Decimal;
  deductions: AppliedRule[];
  /** Σ bonuses, each rule within its cap (最多加10分). Not part of `score`: it goes to the adjustments (加减分). */
  bonus: Decimal;
  bonuses: AppliedRule[];
  /** What a 加减分 line adds to the total: bonus − deducted (signed). */
  net: Decimal;
  /** A veto rule applied: 一票否决 for the unit (the scorer applies the veto setting). */
  veto: boolean;
  /** A zeroItem rule applied (该项以0分计算). */
  zeroed: boolean;
}

export interface RecordError {
  code: RecordErrorCode;
  ruleId: string;
  message: string;
}

export type RulesOutcome = RulesScore | { ok: false; errors: RecordError[] };

/**
 * Scores an item from its rules and the counted records. Records for the same rule add up;
 * their order does not matter. Counts are whole numbers ≥ 0 (rules count people, cases,
 * times); a rule without 每 applies once, so its count is 0 or 1. Bad records give
 * `{ ok: false, errors }`, never an exception.
 * applyRules(dec(5), parseRules('缺一次扣1分').rules, [{ ruleId: 'r1', count: 2 }]).score → 3
 */
export function applyRules(itemPoints: Decimal | null, rules: readonly Rule[], records: readonly RuleRecord[]): RulesOutcome {
  const errors: RecordError[] = [];
  const fail = (code: RecordErrorCode, ruleId: string, params: Record<string, string | number> = {}) =>
    errors.push({ code, ruleId, message: ruleMessage(code, { ruleId, ...params }) });

  if (itemPoints !== null && itemPoints.lt(0)) fail('POINTS_NEGATIVE', '', { points: itemPoints.toString() });
  const byId = new Map<string, Rule>();
  for (const rule of rules) {
    if (byId.has(rule.id)) fail('DUPLICATE_RULE_ID', rule.id);
    byId.set(rule.id, rule);
  }

  const counts = new Map<string, number>();
  for (const { ruleId, count } of records) {
    if (!byId.has(ruleId)) fail('UNKNOWN_RULE', String(ruleId));
    else if (typeof count !== 'number' || !Number.isFinite(count)) fail('COUNT_NOT_A_NUMBER', ruleId, { count: String(count) });
    else if (count < 0) fail('COUNT_NEGATIVE', ruleId, { count });
    else if (!Number.isInteger(count)) fail('COUNT_NOT_INTEGER', ruleId, { count });
    else counts.set(ruleId, (counts.get(ruleId) ?? 0) + count);
  }
  for (const [ruleId, count] of counts) {
    if (!Number.isSafeInteger(count)) fail('COUNT_TOO_LARGE', ruleId, { count });
    else if (RULE_EFFECTS[(byId.get(ruleId) as Rule).kind].once && count > 1) fail('COUNT_ONCE_ONLY', ruleId, { count });
  }
  if (errors.length > 0) return { ok: false, errors };

  const deductions: AppliedRule[] = [];
  const bonuses: AppliedRule[] = [];
  let veto = false;
  let zeroed = false;
  for (const rule of rules) {
    const count = counts.get(rule.id) ?? 0;
    if (count === 0) continue;
    const { effect, perUnit } = RULE_EFFECTS[rule.kind];
    if (effect === 'veto') veto = true;
    else if (effect === 'zero') zeroed = true;
    else {
      const stated = (rule.points ?? ZERO).times(perUnit ? count : 1);
      const points = rule.cap === null ? stated : min(stated, rule.cap);
      (effect === 'deduct' ? deductions : bonuses).push({ ruleId: rule.id, count, points });
    }
  }

  const deducted = sum(deductions.map((d) => d.points));
  const bonus = sum(bonuses.map((b) => b.points));
  const score = itemPoints === null ? null : zeroed ? ZERO : max(ZERO, itemPoints.minus(deducted));
  return { ok: true, score, deducted, deductions, bonus, bonuses, net: bonus.minus(deducted), veto, zeroed };
}
