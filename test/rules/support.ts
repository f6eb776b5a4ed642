/** Helpers shared by the rule tests: rules and outcomes as plain data, decimals as strings. */
import type { Rule, RulesOutcome } from '../../src/engine/rules';
import type { ExpectedRule } from './seedRules';

/** A parsed rule without its id and clause, as the golden table writes it. */
export function plainRule(r: Rule): ExpectedRule {
  return {
    kind: r.kind,
    event: r.event,
    unit: r.unit,
    points: r.points?.toString() ?? null,
    level: r.level,
    cap: r.cap?.toString() ?? null,
    untilExhausted: r.untilExhausted,
  };
}

/** An outcome with every decimal as its string, for comparing outcomes exactly. */
export function plainOutcome(o: RulesOutcome): unknown {
  if (!o.ok) return o;
  const applied = (xs: { ruleId: string; count: number; points: { toString(): string } }[]) =>
    xs.map((x) => ({ ...x, points: x.points.toString() }));
  return {
    score: o.score?.toString() ?? null,
    deducted: o.deducted.toString(),
    deductions: applied(o.deductions),
    bonus: o.bonus.toString(),
    bonuses: applied(o.bonuses),
    net: o.net.toString(),
    veto: o.veto,
    zeroed: o.zeroed,
  };
}
