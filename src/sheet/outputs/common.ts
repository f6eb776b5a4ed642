/** What every generated sheet shares: the scored unit it is built from, references, styles. */
import type { Deduction } from '../../engine/deductions';
import type { Placement, UnitScore } from '../../engine/score';
import type { UnitReward } from '../../engine/rewards';
import type { CellStyle, SheetCell } from '../sheetPlan';
import type { ScoreTable } from '../readScoreTable';
import type { Entry } from '../../engine/model';

/** One unit as scored, with the entries the score used (typed, or computed from the records). */
export interface ScoredUnit {
  table: ScoreTable;
  score: UnitScore;
  placement: Placement;
  deductions: Deduction[];
  /** entries.items[c][i] and entries.adjustments[a], as scored. */
  entries: { items: Entry[][]; adjustments: Entry[]; veto: boolean };
  reward: UnitReward;
}

/** A sheet name inside a formula: 'it''s'!A1 */
export function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

export const BORDERED: CellStyle = { border: true, vertical: 'middle', wrap: true };
export const HEADER: CellStyle = { ...BORDERED, bold: true, horizontal: 'center' };

export function cell(address: string, value: SheetCell['value'], style?: CellStyle, formula?: string): SheetCell {
  return formula === undefined ? { cell: address, value, style } : { cell: address, value, style, formula };
}

/** A cell's text as a terminal or a row height sees it: CJK characters count two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Rows a wrapped text needs in a column `width` characters wide. */
export function linesFor(text: string, width: number): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / Math.max(1, width))), 0);
}
