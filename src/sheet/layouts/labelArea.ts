/**
 * What stands around a table: the title and label rows above it (单位：张庄村 …, a date) and
 * the footer below it (签字 lines, 注：…). Shared by every layout.
 */
import type { Decimal } from '../../engine/decimal';
import { diagnose, type Diagnostic } from '../../engine/diagnostics';
import type { Scheme } from '../../engine/model';
import { fold, labelKey } from '../../engine/text';
import { a1, type MergedView } from '../grid';
import { nfkc, written } from './cellText';
import { capInWords, totalCapInWords } from './schemeChecks';

export function isFooter(view: MergedView, r: number): boolean {
  const row = view.grid.rows[r] ?? [];
  for (const v of row) {
    if (typeof v !== 'string') continue;
    const key = labelKey(v);
    if (/^(考核组长|考核组成员|考核人员?|评分人|被考核单位负责人)/.test(key)) return true;
    // A signature label, 考核组长(签字): — not a rule that mentions 签字.
    if (/(签字|签名)\s*[)）]?\s*[:：]/.test(fold(v))) return true;
    if (/^(注|备注|说明)[:：]/.test(fold(v).trim()) || /^注\d/.test(key)) return true;
  }
  return false;
}

/** The unit label row above a table: 单位：张庄村, 被考核单位：, with an optional date. */
export const UNIT_LABEL = /^(被考核单位|考核单位|单位名称|单位)[:：]?(.*)$/;
export const DATE = /(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})/;

const MAX_TITLE_ROWS = 3;

export function readLabelArea(view: MergedView, from: number, headerRow: number) {
  let unit: string | null = null;
  let date: string | null = null;
  // The title: the first rows of free text above the table, up to the label row or a blank
  // row, so a title typed over two rows (xx镇2024年度 / 综治及信访工作考核评分表) reads as one.
  // At most three rows: whatever else stands above a table is not its title.
  const titleRows: string[] = [];
  let titleDone = false;
  for (let r = from; r < headerRow; r++) {
    const row = view.grid.rows[r] ?? [];
    const texts: string[] = [];
    let labelled = false;
    for (let c = 0; c < row.length; c++) {
      const v = view.raw(r, c);
      if (typeof v !== 'string' || v.trim() === '') continue;
      const folded = fold(v).trim();
      const dm = DATE.exec(folded);
      if (dm) {
        labelled = true;
        if (date === null) date = dm[1].replace(/\s+/g, '');
      }
      // Matched on folded text (單位 is 单位), cut from the text as written (新鄉村 stays 新鄉村).
      const m = UNIT_LABEL.exec(folded.replace(/\s+/g, ' '));
      if (m) {
        labelled = true;
        if (unit !== null) continue;
        const shown = nfkc(v).trim().replace(/\s+/g, ' ');
        let name = cutWritten(m[2], shown.slice(shown.length - m[2].length));
        // The name may sit in the next cell: | 单位： | 张庄村 |
        for (let k = c + 1; name === '' && k < row.length; k++) {
          const next = view.raw(r, k);
          if (typeof next === 'string' && next.trim() !== '' && !DATE.test(fold(next))) name = cutWritten(fold(next), nfkc(next));
          if (typeof next === 'string' && next.trim() !== '') break;
        }
        unit = name;
        continue;
      }
      if (!dm) texts.push(written(v));
    }
    if (titleDone) continue;
    if (!labelled && texts.length > 0) titleRows.push(texts.join(' '));
    else if (titleRows.length > 0) titleDone = true;
    if (titleRows.length === MAX_TITLE_ROWS) titleDone = true;
  }
  return { unit, title: titleRows.length > 0 ? titleRows.join('') : null, date };
}

/** cutName() worked out on folded text and applied to the same text as written: fold() keeps every character's place. */
export function cutWritten(folded: string, asWritten: string): string {
  const cut = cutName(folded);
  const at = folded.indexOf(cut);
  return asWritten.slice(at, at + cut.length);
}

/** The unit's name from what follows 单位：, cut before a date or a blank date template (年 月 日). */
function cutName(rest: string): string {
  return rest
    .replace(/(\d{4})?\s*年\s*\d*\s*月\s*\d*\s*日.*$/, '')
    .replace(/\d{4}[-/.]\d{1,2}[-/.]\d{1,2}.*$/, '')
    .replace(/(考核)?(日期|时间)[:：].*$/, '')
    .replace(/\s{2,}.*$/, '')
    .trim()
    .replace(/^_+|_+$/g, '')
    .trim();
}

/** A unit's name in a title: 张庄村2024年度综治及信访工作考核评分表 → 张庄村. */
const UNIT_IN_TITLE =
  /^(.{1,20}?(?:村|社区|居委会|居|单位|站|所|中心|学校|公司|局|办))(?=\d{4}\s*年|年度|综治|信访|目标|考核|工作)/;

/** The unit a title names, or null. unitInTitle('张庄村2024年度综治及信访工作考核评分表') → '张庄村' */
export function unitInTitle(title: string | null): string | null {
  if (!title) return null;
  const m = UNIT_IN_TITLE.exec(written(title).replace(/\s+/g, ''));
  return m ? m[1] : null;
}

/** A name a spreadsheet program gives a new sheet, which names no unit: Sheet1, 工作表1, Sheet 2, 表1. */
export function isGenericName(name: string): boolean {
  return /^(sheet|工作表|表|页)\s*\d*$/i.test(nfkc(name).trim());
}

/**
 * The unit's name: from the label row, else the title, else the sheet's name; an info diagnostic
 * says where it came from when not the label, and a warning when only a generic name is left.
 */
export function unitName(
  label: { unit: string | null; title: string | null },
  sheet: string,
  cell: string,
  diagnostics: Diagnostic[],
): { unit: string; source: 'label' | 'title' | 'sheet' } {
  if (label.unit !== null && label.unit !== '') return { unit: label.unit, source: 'label' };
  const fromTitle = unitInTitle(label.title);
  if (fromTitle) {
    diagnostics.push(diagnose('UNIT_NAME_FROM_TITLE', { name: fromTitle, title: label.title ?? '' }, sheet, cell));
    return { unit: fromTitle, source: 'title' };
  }
  diagnostics.push(diagnose('UNIT_NAME_FROM_SHEET', { name: sheet }, sheet, cell));
  if (isGenericName(sheet)) diagnostics.push(diagnose('UNIT_NAME_GENERIC', { name: sheet }, sheet, cell));
  return { unit: written(sheet), source: 'sheet' };
}

export interface StatedCaps {
  line: { cap: Decimal; cell: string; text: string } | null;
  total: { cap: Decimal; net: boolean; cell: string; text: string } | null;
}

/** Caps written in the given titles and rows (the title rows, the notes under a table): 加分最多10分, 加减分合计不超过10分. */
export function capsInRows(view: MergedView, rows: number[], titles: { text: string; cell: string }[] = []): StatedCaps {
  const texts = [...titles];
  for (const r of rows) {
    const row = view.grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = view.raw(r, c);
      if (typeof v === 'string') texts.push({ text: written(v), cell: a1(r, c) });
    }
  }
  const caps: StatedCaps = { line: null, total: null };
  for (const { text: t, cell } of texts) {
    const line = capInWords(t);
    if (line && !caps.line) caps.line = { cap: line, cell, text: t };
    const total = totalCapInWords(t);
    if (total && !caps.total) caps.total = { ...total, cell, text: t };
  }
  return caps;
}

/**
 * Applies caps written around a table to its scheme: a line cap to each 加分 (or either-way) line without one,
 * a total cap to the lines together; an info diagnostic names the cell each came from.
 */
export function applyStatedCaps(scheme: Scheme, caps: StatedCaps, sheet: string, diagnostics: Diagnostic[]): Scheme {
  if (scheme.adjustments.length === 0 || (!caps.line && !caps.total)) return scheme;
  const { line, total } = caps;
  if (line) diagnostics.push(diagnose('CAP_FROM_WORKBOOK', { cap: line.cap.toFixed(), text: line.text, what: '每项加分' }, sheet, line.cell));
  if (total) diagnostics.push(diagnose('CAP_FROM_WORKBOOK', { cap: total.cap.toFixed(), text: total.text, what: total.net ? '加减分合计' : '加分合计' }, sheet, total.cell));
  return {
    ...scheme,
    // A cap on 加分 leaves the deduction lines alone.
    adjustments: scheme.adjustments.map((a) => (a.cap === null && line && a.kind !== 'deduction' ? { ...a, cap: line.cap } : a)),
    adjustmentTotalCap: total ? { cap: total.cap, net: total.net } : (scheme.adjustmentTotalCap ?? null),
  };
}

/** The rows of notes under a table: from `from` to the sheet's end or the next header, at most 12. */
export function notesRows(view: MergedView, from: number, isHeader: (r: number) => boolean = () => false): number[] {
  const rows: number[] = [];
  for (let r = from; r < view.rowCount && rows.length < 12; r++) {
    if (isHeader(r)) break;
    rows.push(r);
  }
  return rows;
}
