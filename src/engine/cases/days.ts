/**
 * Calendar dates as ISO strings (YYYY-MM-DD) and the arithmetic on them, counted in whole days
 * on the proleptic Gregorian calendar — no time of day, no time zone.
 */

const DAY_MS = 86400000;

/** Days since 1970-01-01 of an ISO date. dayNumber('1970-01-02') → 1 */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** The ISO date of a day number. isoOfDay(1) → '1970-01-02' */
export function isoOfDay(n: number): string {
  const d = new Date(n * DAY_MS);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** addDays('2024-02-28', 2) → '2024-03-01' */
export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/** Days from `a` to `b`: daysBetween('2024-02-28', '2024-03-01') → 2 */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 Sunday … 6 Saturday */
export function weekday(iso: string): number {
  return new Date(dayNumber(iso) * DAY_MS).getUTCDay();
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** A real date written as YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && isoOfDay(dayNumber(text)) === text;
}
