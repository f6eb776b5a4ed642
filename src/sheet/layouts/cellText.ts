/** Cell text as the reader compares it and as a person reads it back; points written in titles. */
import { dec, type Decimal } from '../../engine/decimal';
import { fold, parseChineseNumber, remembered } from '../../engine/text';
import { isErrorValue, type CellValue } from '../grid';

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/**
 * Full-width forms folded (NFKC: ５→5, （→( ), but no change of script. Keeps every
 * character's place relative to fold(), so a match found in folded text can be cut from this.
 */
// Drops the zero-width characters fold() drops, so the two keep every character's place.
export const nfkc = remembered((s) => s.normalize('NFKC').replace(/\u00a0/g, ' ').replace(/[\u200b-\u200d\u2060\ufeff]/g, ''));

/**
 * Text as it was written, tidied for display: whitespace collapsed, the line-break space
 * between two Chinese characters dropped. Not fold(): that turns the traditional characters it
 * knows into simplified ones, right for comparing words and wrong for what a person reads back
 * (新鄉村 must stay 新鄉村, and 落實領導 must not come out half converted as 落实領導).
 */
export const written = remembered((s) =>
  nfkc(s)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\u4e00-\u9fff，。、；：“”）),;:]) (?=[\u4e00-\u9fff（(“])/g, '$1'),
);

export function text(v: CellValue): string {
  if (v === null || isErrorValue(v)) return '';
  return written(String(v));
}

/** Lines of a cell's text, each trimmed, blank lines dropped. */
export function lines(v: CellValue): string[] {
  if (v === null || isErrorValue(v)) return [];
  return nfkc(String(v))
    .split(/\r?\n/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s !== '');
}

const POINTS_IN_TITLE = /[(（]\s*([0-9０-９.]+|[零〇一二两三四五六七八九十百]+)\s*分?\s*[)）]\s*$/;

/** Points stated at the end of a title. pointsInTitle('一、组织领导(20分)') → 20; '(30)' → 30; '（二十分）' → 20 */
export function pointsInTitle(title: string): Decimal | null {
  const m = POINTS_IN_TITLE.exec(fold(title).trim());
  if (!m) return null;
  const n = parseChineseNumber(m[1]);
  return n === null ? null : dec(n);
}

/** A title without its trailing points: '一、组织领导(20分)' → '一、组织领导' */
export function stripPoints(title: string): string {
  return written(title).replace(POINTS_IN_TITLE, '').trim();
}
