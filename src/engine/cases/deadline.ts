/**
 * 办理期限: how long a case may take, as data, and the due date it gives.
 *
 * Counting follows 民法典 第二百零一条 and 第二百零三条 unless the settings say otherwise: a period
 * in days starts on the day after the case was accepted (受理当日不计入), and a period whose last
 * day is a public holiday or a rest day ends on the first working day after it (期满遇节假日顺延).
 * A period in working days (工作日) counts only working days, 调休 make-up days included. An
 * extension (延期) adds natural days to the end of the period (the last day before any move) and
 * is moved off a rest day the same way.
 */
import type { Calendar } from './calendar';
import { addDays, daysBetween, yearOf } from './days';

export type Counting = 'natural' | 'working';

/** A deadline rule: the cases it applies to (by 来源 or 类别), its days, how they count, and where it comes from. */
export interface DeadlineRule {
  /** As written in the settings sheet: 上级交办, 复查 … */
  name: string;
  /** Which column the rule matches: 类别 (复查, 复核) or 来源 (上级交办, 领导阅批 …); 'any' for the fallback. */
  field: 'kind' | 'source' | 'any';
  /** Words any of which in the case's 来源/类别 select this rule. */
  words: string[];
  days: number;
  counting: Counting;
  /** 依据: the document and article the days come from. */
  basis: string;
}

export interface CaseRules {
  /** Tried in order: the first rule whose words the case's 类别 (kind rules) or 来源 (source rules) contains. */
  rules: DeadlineRule[];
  /** 延期上限: the most days an extension may add (《信访工作条例》第三十四条: 30 日). */
  extensionLimit: number;
  /** Days ahead that count as 即将到期. */
  dueSoonDays: number;
  /** How days are counted (受理当日计入, 期满遇节假日顺延). */
  counting: DayCounting;
}

/** The two choices 民法典 makes, as settings. */
export interface DayCounting {
  /** 受理当日计入: day 1 is the day of 受理 (民法典 第二百零一条: false, day 1 is the next day). */
  countAcceptanceDay: boolean;
  /** 期满遇节假日顺延: a 自然日 period whose last day is a rest day ends on the next working day (第二百零三条: true). */
  moveOffRestDays: boolean;
}

/** 民法典 第二百零一条、第二百零三条. */
export const CIVIL_CODE_COUNTING: DayCounting = { countAcceptanceDay: false, moveOffRestDays: true };

const REGULATION = '《信访工作条例》（2022）';

/** The defaults: seeds 001/002 and the 2022 《信访工作条例》. Each is a row of the settings sheet, which may replace it. */
export const DEFAULT_CASE_RULES: CaseRules = {
  rules: [
    { name: '复查', field: 'kind', words: ['复查'], days: 15, counting: 'natural', basis: `种子001《镇信访复查制度》二：自受理复查之日起15日提出复查意见（${REGULATION}第三十五条为30日，可改为30）` },
    { name: '复核', field: 'kind', words: ['复核'], days: 30, counting: 'natural', basis: `${REGULATION}第三十六条：自收到复核请求之日起30日内提出复核意见` },
    { name: '领导阅批', field: 'source', words: ['阅批', '批办', '批转'], days: 30, counting: 'natural', basis: '种子002 二(三)：领导阅批及批转要结果的案件应在30天内查结报送' },
    { name: '上级交办', field: 'source', words: ['交办', '转送', '转交', '转信', '立案'], days: 60, counting: 'natural', basis: `种子002 二(三)：国家、省、市立案案件应在60天内查结报送；${REGULATION}第三十四条：自受理之日起60日内办结` },
    { name: '其他', field: 'any', words: [], days: 60, counting: 'natural', basis: `${REGULATION}第三十四条：（第三十一条第六项的申诉求决类）信访事项应当自受理之日起60日内办结` },
  ],
  extensionLimit: 30,
  dueSoonDays: 7,
  counting: CIVIL_CODE_COUNTING,
};

/** The rule for a case: 类别 rules first (复查, 复核), then 来源 rules, then the fallback. null when none applies. */
export function ruleFor(rules: readonly DeadlineRule[], source: string, kind: string): DeadlineRule | null {
  const has = (text: string, r: DeadlineRule) => r.words.some((w) => text.includes(w)) || (r.name !== '' && text.includes(r.name));
  return (
    rules.find((r) => r.field === 'kind' && has(kind, r)) ??
    rules.find((r) => r.field === 'source' && has(source, r)) ??
    rules.find((r) => r.field === 'any') ??
    null
  );
}

export interface Due {
  /** The last day of the period, moved to a working day where the law says so. */
  due: string;
  /** The last day before any move (natural days) — where an extension starts. */
  end: string;
  /** Every date whose working-day status decided the result, for the calendar's coverage check. */
  consulted: string[];
}

/** The first working day on or after `iso`. */
function onOrAfterWorkingDay(iso: string, calendar: Calendar, consulted: string[]): string {
  let d = iso;
  consulted.push(d);
  // A run of rest days is at most a few weeks even with 春节; the bound only guards a broken calendar.
  for (let i = 0; i < 60 && !calendar.isWorkingDay(d); i++) {
    d = addDays(d, 1);
    consulted.push(d);
  }
  return d;
}

/** The last day itself, or the first working day on or after it when the settings move it (自然日). */
function settle(end: string, calendar: Calendar, how: DayCounting, consulted: string[]): string {
  return how.moveOffRestDays ? onOrAfterWorkingDay(end, calendar, consulted) : end;
}

/**
 * The due date of a period of `days` from the day a case was accepted.
 * dueDate('2024-01-25', 15, 'natural', cal).due → '2024-02-18' (2-09 falls in 春节; 2-18 is a 调休 working Sunday)
 * With `how.countAcceptanceDay` the day of 受理 is day 1; without `how.moveOffRestDays` a 自然日
 * period ends on its last day even when that is a rest day.
 */
export function dueDate(accepted: string, days: number, counting: Counting, calendar: Calendar, how: DayCounting = CIVIL_CODE_COUNTING): Due {
  const consulted: string[] = [];
  const dayZero = how.countAcceptanceDay ? addDays(accepted, -1) : accepted;
  if (counting === 'natural') {
    const end = addDays(dayZero, days);
    return { due: settle(end, calendar, how, consulted), end, consulted };
  }
  let d = dayZero;
  for (let n = 0; n < days; ) {
    d = addDays(d, 1);
    consulted.push(d);
    if (calendar.isWorkingDay(d)) n++;
  }
  return { due: d, end: d, consulted };
}

/** The due date after an extension of `days` natural days (0: none), from the end of the original period. */
export function extendedDue(original: Due, days: number, calendar: Calendar, how: DayCounting = CIVIL_CODE_COUNTING): Due {
  if (days <= 0) return original;
  const consulted = [...original.consulted];
  const end = addDays(original.end, days);
  return { due: settle(end, calendar, how, consulted), end, consulted };
}

/**
 * How long an extension is, both ways it is written, from the same base: the last day of the
 * original period before any move (`original.end`). 延期 30 and 延期至 a date 30 days after that
 * end are the same extension, and the same limit applies to both.
 * A 延期至 date before the original due date is no extension: 'early'.
 */
export function extensionDays(original: Due, extension: { days: number } | { until: string }): number | 'early' {
  if ('days' in extension) return extension.days;
  if (extension.until < original.due) return 'early';
  return daysBetween(original.end, extension.until);
}

/** Years the consulted dates fall in, for the coverage check. */
export function yearsOf(due: Due): number[] {
  return [...new Set(due.consulted.map(yearOf))];
}
