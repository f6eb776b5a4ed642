/**
 * Outputs written while the workbook still has errors are drafts: each generated sheet says so
 * in its title cell (A1) and in its printed footer, so a draft is never signed as final.
 */
import type { SheetPlan } from '../sheet/sheetPlan';
import { SETTINGS_SHEET } from './settings';

/** draftMark(3) → '草稿：尚有 3 处错误未改正' */
export function draftMark(errors: number): string {
  return `草稿：尚有 ${errors} 处错误未改正`;
}

/** The sheets marked as drafts (the settings sheet, which is not printed, stays as it is). */
export function markDraft(sheets: readonly SheetPlan[], errors: number): SheetPlan[] {
  const mark = draftMark(errors);
  return sheets.map((s) => {
    if (s.name === SETTINGS_SHEET) return s;
    const cells = s.cells.map((c) => (c.cell === 'A1' && typeof c.value === 'string' ? { ...c, value: `【${mark}】${c.value}` } : c));
    const page = s.page ? { ...s.page, footer: s.page.footer ? `${mark}  ${s.page.footer}` : mark } : s.page;
    return { ...s, cells, ...(page ? { page } : {}) };
  });
}
