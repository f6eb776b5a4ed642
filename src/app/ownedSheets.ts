/**
 * The sheets the add-in generates (汇总排名, 签字评分表, 通报, filled templates) and how it proves
 * they are its own. Being listed in the settings sheet is not enough — anyone can type a name
 * there — so every generated sheet also carries a mark: a hidden row below its content whose
 * first cell holds GENERATED_MARK. A listed sheet without the mark is the user's: it is kept,
 * read like any other sheet, and the user is told the list disagrees.
 */
import { diagnose, type Diagnostic } from '../engine/diagnostics';
import type { SheetPlan } from '../host/host';
import { display } from '../sheet/entry';
import { parseA1, type Grid } from '../sheet/grid';

/** The text of the mark row; a person who unhides it reads what it means. */
export const GENERATED_MARK = '〔考核助手生成〕本表由考核助手生成，重新生成时整表替换；请勿在本表中填写';

/** Excel's limit on a sheet name, in characters. */
export const SHEET_NAME_MAX = 31;

/**
 * A name Excel accepts: no : \ / ? * [ ], no control characters, no quote at either end, at most
 * 31 characters (cut between characters, never inside one). safeSheetName("'张庄村'签字表") → '张庄村\'签字表'
 */
export function safeSheetName(wanted: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = wanted.replace(/[:\\/?*[\]\u0000-\u001f\u007f]/g, '_');
  const cut = Array.from(cleaned).slice(0, SHEET_NAME_MAX).join('');
  return cut.replace(/^'+|'+$/g, '').trim() || '考核助手';
}

/**
 * A name for a generated sheet that takes nothing from the user: the wanted name when it is free
 * or already the add-in's, else the name shortened to leave room for (考核助手), (考核助手2) … —
 * always ending, because each try takes a new number and at most `taken.length` names are taken.
 */
export function ownedSheetName(wanted: string, existing: readonly string[], owned: readonly string[]): string {
  const base = safeSheetName(wanted);
  const free = (name: string) => !existing.includes(name) || owned.includes(name);
  if (free(base)) return base;
  for (let n = 1; n <= existing.length + 1; n++) {
    const suffix = `(考核助手${n === 1 ? '' : n})`;
    const name = `${Array.from(base).slice(0, SHEET_NAME_MAX - suffix.length).join('')}${suffix}`;
    if (free(name)) return name;
  }
  // Unreachable: existing.length + 1 distinct names cannot all be taken by existing.length sheets.
  throw new Error('ownedSheetName: no free name');
}

/**
 * A generated sheet plan with its mark: a hidden row below everything the sheet holds.
 * `contentRows` is how many rows the sheet already has before the plan's cells (a template copy).
 */
export function markGenerated(plan: SheetPlan, contentRows = 0): SheetPlan {
  const lastRow = plan.cells.reduce((max, c) => Math.max(max, parseA1(c.cell).row + 1), contentRows);
  const row = lastRow + 2;
  return {
    ...plan,
    cells: [...plan.cells, { cell: `A${row}`, value: GENERATED_MARK }],
    hiddenRows: [...(plan.hiddenRows ?? []), row],
  };
}

/** True when the sheet carries the add-in's mark. */
export function hasGeneratedMark(grid: Grid): boolean {
  return grid.rows.some((row) => row.length > 0 && row[0] !== null && display(row[0]) === GENERATED_MARK);
}

/**
 * The listed sheets the add-in may treat as its own: those that exist and carry its mark, and
 * those not in the workbook any more. A listed sheet without the mark is reported and left to the user.
 */
export function verifyOwnedSheets(grids: Grid[], listed: string[], settingsSheet: string): { owned: string[]; diagnostics: Diagnostic[] } {
  const byName = new Map(grids.map((g) => [g.name, g]));
  const owned: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of listed) {
    const grid = byName.get(name);
    if (!grid || hasGeneratedMark(grid)) owned.push(name);
    else diagnostics.push(diagnose('OWNED_SHEET_UNMARKED', { name, settings: settingsSheet }, name));
  }
  return { owned, diagnostics };
}

/** Excel's limit on the characters of one cell. */
export const CELL_TEXT_MAX = 32_767;

/**
 * A generated sheet whose text cells fit Excel's limit: a longer text (a notice naming hundreds
 * of units) is cut, says so in the cell, and the returned note tells the user which cell.
 */
export function withinCellLimit(plan: SheetPlan): { plan: SheetPlan; notes: string[] } {
  const notes: string[] = [];
  const tail = '……（内容超过 Excel 单元格 32767 字的上限，以下从略）';
  const cells = plan.cells.map((c) => {
    if (typeof c.value !== 'string' || c.value.length <= CELL_TEXT_MAX) return c;
    notes.push(`“${plan.name}”的 ${c.cell} 超过 Excel 单元格 32767 字的上限，已截断`);
    return { ...c, value: c.value.slice(0, CELL_TEXT_MAX - tail.length) + tail };
  });
  return { plan: notes.length ? { ...plan, cells } : plan, notes };
}
