/** Dates as ledgers write them: 2024年3月5日, 2024-03-05, 2024/3/5, 2024.3.5, or an Excel serial number. */
import { fold } from '../engine/text';
import type { CellValue } from './grid';

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

export function parseDate(v: CellValue): DateParts | null {
  if (typeof v === 'number') {
    // Serial numbers of 1950–2100; anything else is not a date. A fraction is the time of day
    // (45356.604 is 2024-03-05 14:29): the day is the same, as ExcelJS reads it for the command line.
    if (!Number.isFinite(v) || v < 18264 || v >= 73416) return null;
    const d = new Date(EXCEL_EPOCH_UTC + Math.floor(v) * 86400000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  if (typeof v !== 'string') return null;
  const m = /^(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?/.exec(fold(v).trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function isoDate(d: DateParts): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The assessment year a title or date names: '2024年度综治…考核' → 2024. */
export function yearIn(text: string | null | undefined): number | null {
  const m = /((?:19|20)\d{2})\s*年/.exec(fold(text ?? ''));
  return m ? Number(m[1]) : null;
}
