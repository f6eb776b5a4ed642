/**
 * Working days (工作日) of the People's Republic of China: weekends, public holidays (法定节假日)
 * and make-up working days (调休上班) as the State Council publishes them each year, taken from
 * the maintained npm package `chinese-days` (vsme/chinese-days), never typed in by hand.
 *
 * `chinese-days` knows the years it ships data for (2004–2026 in 1.5.7) and treats any other
 * year as plain Monday–Friday without saying so. `covers(year)` tells them apart: a year the
 * package lists no public holiday in is not covered, and callers report it instead of guessing.
 */
import { getDayDetail, getHolidaysInRange, isWorkday } from 'chinese-days';
import { weekday, yearOf } from './days';

export interface Calendar {
  /** A day people work: Monday–Friday that is not a public holiday, or a make-up working day. */
  isWorkingDay(iso: string): boolean;
  /** The calendar has the State Council's arrangement for this year. */
  covers(year: number): boolean;
  /** 春节, 国庆节 … for a holiday or a make-up working day; null for an ordinary day. */
  dayName(iso: string): string | null;
  /** Where the calendar comes from, for messages and the README. */
  source: string;
}

/** A local-time Date for an ISO date: `chinese-days` reads dates in local time. */
function localDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d);
}

const covered = new Map<number, boolean>();
/** The package formats a date on every call (~50 µs): each day is asked once. */
const working = new Map<string, boolean>();

/** The calendar of `chinese-days`. */
export const CHINA_CALENDAR: Calendar = {
  isWorkingDay: (iso) => {
    let known = working.get(iso);
    if (known === undefined) {
      known = isWorkday(localDate(iso));
      working.set(iso, known);
    }
    return known;
  },
  covers: (year) => {
    let known = covered.get(year);
    if (known === undefined) {
      known = getHolidaysInRange(new Date(year, 0, 1), new Date(year, 11, 31), false).length > 0;
      covered.set(year, known);
    }
    return known;
  },
  dayName: (iso) => {
    const detail = getDayDetail(localDate(iso));
    const weekend = weekday(iso) === 0 || weekday(iso) === 6;
    // Holidays and make-up days are named 'Spring Festival,春节,3'; ordinary days by their weekday.
    const parts = detail.name.split(',');
    if (parts.length < 2) return null;
    return detail.work && weekend ? `${parts[1]}调休上班` : detail.work ? null : parts[1];
  },
  source: 'npm 包 chinese-days（国务院办公厅每年公布的节假日安排及调休）',
};

/** The years a range of dates touches that the calendar does not cover. */
export function uncoveredYears(calendar: Calendar, dates: readonly string[]): number[] {
  return [...new Set(dates.map(yearOf))].filter((y) => !calendar.covers(y)).sort();
}
