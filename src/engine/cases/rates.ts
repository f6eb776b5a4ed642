/**
 * 按期办结率 and 结案率, per unit and overall.
 *
 * 按期办结率 = cases closed on or before their due date ÷ (cases closed + open cases whose due
 * date is before the as-of date). An open case not yet due is in neither: it may still be
 * handled on time. 结案率 = cases closed ÷ all cases (the year-end measure).
 */
import { dec, type Decimal } from '../decimal';
import type { CaseOutcome } from './register';

export interface UnitCases {
  unit: string;
  /** All cases of the unit. */
  total: number;
  /** Cases in the rate's denominator: closed, plus open past due. */
  due: number;
  /** Closed on or before their due date. */
  onTime: number;
  /** Closed late, or open past due. */
  late: number;
  /** Open and not yet due. */
  open: number;
  closed: number;
  /** onTime ÷ due; null when no case is due. */
  onTimeRate: Decimal | null;
  /** closed ÷ total; null when the unit has no case. */
  closeRate: Decimal | null;
}

/** Counts and rates of a group of outcomes. */
export function tally(unit: string, outcomes: readonly CaseOutcome[]): UnitCases {
  const closed = outcomes.filter((o) => o.closedByAsOf).length;
  const onTime = outcomes.filter((o) => o.state === '按期').length;
  const late = outcomes.filter((o) => o.late).length;
  const open = outcomes.filter((o) => !o.closedByAsOf && !o.late).length;
  const due = onTime + late;
  return {
    unit,
    total: outcomes.length,
    due,
    onTime,
    late,
    open,
    closed,
    onTimeRate: due === 0 ? null : dec(onTime).div(due),
    closeRate: outcomes.length === 0 ? null : dec(closed).div(outcomes.length),
  };
}

/** Per unit in the order given (units without cases included), and overall. */
export function tallyByUnit(units: readonly string[], outcomes: readonly CaseOutcome[]): { perUnit: UnitCases[]; overall: UnitCases } {
  return {
    perUnit: units.map((u) => tally(u, outcomes.filter((o) => o.case.unit === u))),
    overall: tally('合计', outcomes),
  };
}

/** A rate as a person reads it: 0.944… → '94.4%' (one decimal, exact rounding half up). */
export function percent(rate: Decimal | null): string {
  return rate === null ? '—' : `${rate.times(100).round(1, 1).toFixed()}%`;
}
