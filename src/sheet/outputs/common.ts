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

/** A text as a formula's string literal, its line breaks as CHAR(10): formulaText('a"b\nc') → '"a""b"&CHAR(10)&"c"'. */
export function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""').replace(/\n/g, '"&CHAR(10)&"')}"`;
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

/**
 * A text's printed width in half-em units: CJK characters 2, and the curly quotes “”‘’ too
 * (a Chinese font sets them a full em wide); Latin letters and digits 1.25 (the digits of Noto Serif
 * CJK and 宋体 are about 0.6 em), a space 1.
 */
export function printWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2018\u2019\u201c\u201d]/.test(ch) ? 2 : ch === ' ' ? 1 : 1.25;
  return w;
}

/** Rows a wrapped text needs in a column `width` units wide (a CJK character counts two), broken as breakLines breaks it. */
export function linesFor(text: string, width: number): number {
  return breakLines(text, width).split('\n').length;
}

/** Characters a Chinese line may not start with (GB/T 15834 标点符号用法, 禁则), full and half width. */
export const NO_LINE_START = '、，。；：？！）》」』〉】〕”’…—·,.;:?!)]}%';
/** Characters a line may not end with. */
export const NO_LINE_END = '（《「『〈【〔“‘([{';

/**
 * Text with explicit line breaks where a column `width` units wide (a CJK character counts two)
 * would wrap it, following the Chinese rules: no line starts with 、，。；：？！）》」』 and none ends
 * with （《「『 — the character before is carried down instead. Runs of Latin letters and digits
 * (0.5分, 10-20户) are not split. LibreOffice does not apply these rules in cells written to .xlsx
 * (its cell option “apply list of forbidden characters” is off by default and xlsx cannot carry
 * it), so the printed sheets are broken here, a little narrower than the column, and the office
 * program never needs to wrap them again. breakLines('上级交办的信访件能妥善办理。', 10) → '上级交办的\n信访件能妥\n善办理。'
 */
export function breakLines(text: string, width: number): string {
  const max = Math.max(2, width);
  return text
    .split('\n')
    .map((paragraph) => {
      const tokens = paragraph.match(/[A-Za-z0-9.%+-]+|[\s\S]/gu) ?? [];
      const lines: string[][] = [[]];
      let used = 0;
      for (const token of tokens) {
        const w = printWidth(token);
        let line = lines[lines.length - 1];
        if (used + w > max && line.length > 0) {
          const carried: string[] = [];
          // Carry down the characters that may not end a line, and the one before a character that may not start one.
          // (a chain such as “）。” carries down with the character before it)
          if (NO_LINE_START.includes(token[0])) {
            do carried.unshift(line.pop() as string);
            while (line.length > 1 && NO_LINE_START.includes(carried[0][0]));
          }
          while (line.length > 1 && NO_LINE_END.includes(line[line.length - 1])) carried.unshift(line.pop() as string);
          if (line.length === 0) {
            // A line of nothing but punctuation: keep it whole rather than loop.
            line.push(...carried.splice(0));
          }
          line = [...carried];
          lines.push(line);
          used = carried.reduce((n, t) => n + printWidth(t), 0);
        }
        line.push(token);
        used += w;
      }
      return lines.map((l) => l.join('')).join('\n');
    })
    .join('\n');
}
