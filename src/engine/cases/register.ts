/**
 * 信访事项办理台账: one case per row, and what each case's dates say as of a given day —
 * its due date, days left or over, and whether it was handled on time (按期), late (逾期) or is
 * still open (未办结). No petitioner's name or matter is kept: the register's 信访人 and 事由
 * columns are never read.
 */
import type { Calendar } from './calendar';
import { daysBetween } from './days';
import { dueDate, extendedDue, extensionDays, ruleFor, yearsOf, type CaseRules, type Counting, type DeadlineRule } from './deadline';

/** One row of the register, as read. */
export interface Case {
  sheet: string;
  /** The row's A1 address of its first cell, and the cells of the columns messages point at. */
  cells: { row: string; id: string; accepted: string; closed: string | null; extension: string | null };
  /** The whole row of the register, as an A1 range ('A5:M5'), for selecting it. */
  range: string;
  /** 0-based row index on the sheet, for selecting the row. */
  row: number;
  /** 编号 */
  id: string;
  /** 受理日期 (登记日期 when there is no 受理日期), ISO. */
  accepted: string;
  /** 责任单位, as the score tables name it. */
  unit: string;
  /** 来源 and 类别 as written ('' when blank). */
  source: string;
  kind: string;
  /** 办理期限 written on the row, in days (counted as the matching rule counts), or null. */
  limitDays: number | null;
  /** 工作日 / 自然日 when the row's 办理期限 says so (20个工作日); null: as the matching rule counts. */
  limitCounting: Counting | null;
  /** 延期: extra natural days, or a new due date; null when none or not approved. */
  extension: { days: number } | { until: string } | null;
  /** 办结日期, ISO, or null while open. */
  closed: string | null;
}

export type CaseState = '按期' | '逾期' | '未办结';

export interface CaseOutcome {
  case: Case;
  rule: DeadlineRule | null;
  days: number;
  counting: Counting;
  due: string;
  /** Extension days applied (0 when none), counted from `extensionBase`. */
  extensionDays: number;
  /** The last day of the original period before any move: where an extension, either way written, is counted from. */
  extensionBase: string;
  /** Closed on or before the as-of date. */
  closedByAsOf: boolean;
  state: CaseState;
  /** Open and past due as of the as-of date; or closed after its due date. */
  late: boolean;
  /** Days past due (closed late: closing − due; open: as-of − due); 0 when not late. */
  daysOver: number;
  /** Open and not yet due: days from the as-of date to the due date; null otherwise. */
  daysLeft: number | null;
  /** The extension's days, either way written, when beyond the limit (the case is then not counted); null when within it. */
  extensionBeyondLimit: number | null;
  /** The original due date when a 延期至 date is before it: the extension is not applied; null otherwise. */
  extensionBeforeDue: string | null;
  /** Years whose working days decided the due date but the calendar does not cover. */
  uncovered: number[];
}

/**
 * Evaluates a case as of a date.
 * A case closed after the as-of date counts as open on that date.
 */
export function evaluateCase(c: Case, rules: CaseRules, asOf: string, calendar: Calendar): CaseOutcome {
  const rule = ruleFor(rules.rules, c.source, c.kind);
  const days = c.limitDays ?? rule?.days ?? 60;
  const counting = c.limitCounting ?? rule?.counting ?? 'natural';
  const base = dueDate(c.accepted, days, counting, calendar, rules.counting);
  const measured = c.extension ? extensionDays(base, c.extension) : 0;
  const extension = measured === 'early' ? 0 : measured;
  const due = extendedDue(base, extension, calendar, rules.counting);
  const closedByAsOf = c.closed !== null && c.closed <= asOf;
  const late = closedByAsOf ? (c.closed as string) > due.due : asOf > due.due;
  const daysOver = !late ? 0 : closedByAsOf ? daysBetween(due.due, c.closed as string) : daysBetween(due.due, asOf);
  const state: CaseState = closedByAsOf ? (late ? '逾期' : '按期') : late ? '逾期' : '未办结';
  const uncovered = yearsOf(due).filter((y) => !calendar.covers(y)).sort();
  return {
    case: c,
    rule,
    days,
    counting,
    due: due.due,
    extensionDays: extension,
    extensionBase: base.end,
    closedByAsOf,
    state,
    late,
    daysOver,
    daysLeft: !closedByAsOf && !late ? daysBetween(asOf, due.due) : null,
    uncovered,
    extensionBeyondLimit: extension > rules.extensionLimit ? extension : null,
    extensionBeforeDue: measured === 'early' ? base.due : null,
  };
}
