/**
 * Which rules the case register (办理台账) scores, and how: a rule such as
 * “按期结案率达到85%，每低1个百分点扣1分” deducts 1 point per whole percentage point the unit's
 * 按期办结率 falls short of 85 %; “年终结案率达到100%，未达到的扣2分” deducts 2 points once when
 * the unit's 结案率 is below 100 %. A shortfall of less than one whole point is not a point
 * (不足1个百分点的不扣); the deduction's reason shows the exact rate. A per-case rule such as
 * seed 003's “到期不能按时结案的,每件扣5分” counts each of the unit's cases closed late or open
 * past due once (the reason names them by 编号).
 */
import { dec, type Decimal } from '../decimal';
import type { Rule } from '../rules';
import { fold } from '../text';
import { percent, type UnitCases } from './rates';
import type { CaseOutcome } from './register';

/** 按期办结率 (onTime) or 结案率 (closed). */
export type Measure = 'onTime' | 'closed';

/** A rate threshold: 按期结案率达到85%… */
export interface RateQuery {
  measure: Measure;
  /** The rate the rule asks for, in percent: 85 for 85 %. */
  threshold: Decimal;
  /** shortfall: the count is the whole percentage points below; target: 1 when below, else 0. */
  mode: 'shortfall' | 'target';
}

/** A rule per late case (到期不能按时结案的,每件扣5分): the count is the unit's cases closed late or open past due. */
export interface LateCaseQuery {
  mode: 'perCase';
}

export type CaseQuery = RateQuery | LateCaseQuery;

const RATE = /(按期)?(?:结案|办结|结办|查结)率(?:要|应|须|必须)?(?:达到|达|不低于|不得低于|低于|不足|未达到)(\d+(?:\.\d+)?)%/;
const BELOW = /未达到|达不到|未达|低于|不足|没有达到|否则/;
const PERCENTAGE_POINT = new Set(['个百分点', '百分点']);
/** What a per-case rule counts: 到期不能按时结案, 逾期未办结, 超期未结案, 未按期办结 … (not a rate: no 率). */
const LATE_CASE = /(?:到期|逾期|超期|过期)(?:仍|后)?(?:不能|未能|未|没有|没能)?(?:按时|按期|如期)?(?:结案|办结|查结|结办|办理完毕)|(?:不能|未能|未|没有|没能)(?:按时|按期|如期)(?:结案|办结|查结|结办|办理完毕)/;
/** Counting words of a case: 每件, 每起, 每例 … */
const CASE_UNITS = new Set(['件', '起', '例', '宗', '个']);

export const MEASURE_NAMES: Record<Measure, string> = { onTime: '按期办结率', closed: '结案率' };

/** The rate a text states: '年终结案率达到100%' → { measure: 'closed', threshold: 100 }; null when none. */
export function rateIn(text: string): { measure: Measure; threshold: Decimal } | null {
  const m = RATE.exec(fold(text).replace(/\s+/g, '').replace(/％/g, '%'));
  return m ? { measure: m[1] ? 'onTime' : 'closed', threshold: dec(m[2]) } : null;
}

/** Every rate a requirement states: '按期结案率达到85%,年终结案率达到100%' → two targets. */
export function ratesIn(text: string): { measure: Measure; threshold: Decimal; text: string }[] {
  const folded = fold(text).replace(/\s+/g, '').replace(/％/g, '%');
  const all = new RegExp(RATE.source, 'g');
  return [...folded.matchAll(all)].map((m) => ({ measure: m[1] ? 'onTime' : 'closed', threshold: dec(m[2]), text: m[0] }));
}

/** A unit's rate against a requirement that states no points: what the assessor needs to score it. */
export function targetCheck(target: { measure: Measure; threshold: Decimal }, cases: UnitCases): { rate: string; detail: string; met: boolean | null } {
  const rate = target.measure === 'onTime' ? cases.onTimeRate : cases.closeRate;
  const detail = target.measure === 'onTime' ? `按期办结 ${cases.onTime} 件 ÷ 应办结 ${cases.due} 件` : `已办结 ${cases.closed} 件 ÷ 受理 ${cases.total} 件`;
  return { rate: percent(rate), detail, met: rate === null ? null : rate.times(100).gte(target.threshold) };
}

/**
 * The register query of each of an item's rules, in order; null for a rule the register does not score.
 * caseQueries(parseRules('按期结案率达到85%，每低1个百分点扣1分').rules) → [{ measure: 'onTime', threshold: 85, mode: 'shortfall' }]
 * caseQueries(parseRules('到期不能按时结案的,每件扣5分').rules) → [{ mode: 'perCase' }]
 */
export function caseQueries(rules: readonly Rule[]): (CaseQuery | null)[] {
  return rules.map((rule) => {
    const event = fold(rule.event).replace(/\s+/g, '');
    if (rule.kind === 'rate' && rule.unit !== null && CASE_UNITS.has(rule.unit) && !event.includes('率') && LATE_CASE.test(event)) return { mode: 'perCase' };
    const rate = rateIn(rule.event);
    if (!rate) return null;
    if (rule.kind === 'rate' && rule.unit !== null && PERCENTAGE_POINT.has(rule.unit)) return { ...rate, mode: 'shortfall' };
    if (rule.kind === 'fixed' && BELOW.test(fold(rule.event))) return { ...rate, mode: 'target' };
    return null;
  });
}

/**
 * The count a query gives a unit, and the reason shown with the deduction. `late` are the unit's
 * cases closed late or open past due (what a per-case rule counts; a rate rule reads the tally).
 */
export function caseCount(query: CaseQuery, cases: UnitCases, late: readonly CaseOutcome[] = []): { count: number; reason: string } {
  if (query.mode === 'perCase') {
    const listed = late.map((o) => `${o.case.id} ${o.closedByAsOf ? '逾期办结' : '逾期未办结'}${o.daysOver}日`).join('、');
    return { count: late.length, reason: `办理台账：到期未按时办结 ${late.length} 件${listed ? `（${listed}）` : ''}` };
  }
  const rate = query.measure === 'onTime' ? cases.onTimeRate : cases.closeRate;
  const name = MEASURE_NAMES[query.measure];
  const basis =
    query.measure === 'onTime'
      ? `按期办结 ${cases.onTime} 件 ÷ 应办结 ${cases.due} 件`
      : `已办结 ${cases.closed} 件 ÷ 受理 ${cases.total} 件`;
  if (rate === null) return { count: 0, reason: `办理台账：${name}无法计算（${basis}）` };
  const asPercent = rate.times(100);
  const short = query.threshold.minus(asPercent);
  const count = short.lte(0) ? 0 : query.mode === 'target' ? 1 : short.round(0, 0).toNumber();
  const tail = query.mode === 'shortfall' && short.gt(0) ? `，低于 ${query.threshold.toFixed()}% ${short.round(2, 1).toFixed()} 个百分点` : '';
  return { count, reason: `办理台账：${name} ${percent(rate)}（${basis}）${tail}` };
}
