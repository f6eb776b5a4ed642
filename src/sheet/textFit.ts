/**
 * Whether a wrapped text fits its cell, and how many half-em units a line of it may hold: what the
 * hosts read about how a sheet prints (Grid.layout), and what a sheet filled from a template needs
 * to break its long texts by the Chinese rules (breakLines) before LibreOffice wraps them without.
 */
import { breakLines, printWidth } from './outputs/common';
import type { CellRange, GridLayout } from './grid';

/** A cell's inner padding, left and right together, in points. */
const PADDING = 4;

/**
 * Column width in characters → points, by Excel's rule for its default 11-pt font: a character is
 * the digit 0, 7 px, plus 5 px of padding per column; 96 px = 72 pt. columnPointsOf(22) → 119.25.
 * (LibreOffice prints a column a little wider, about 5.53 pt a character: a text broken to Excel's
 * width fits LibreOffice's too.)
 */
export function columnPointsOf(chars: number): number {
  return (chars * 7 + 5) * 0.75;
}

/** Points of the cell's area: its merged range's columns together, or its own column. */
export function areaPoints(layout: GridLayout, col: number, merge?: CellRange): number {
  const from = merge ? merge.left : col;
  const to = merge ? merge.right : col;
  let pts = 0;
  for (let c = from; c <= to; c++) pts += layout.columnPoints[c] ?? layout.defaultColumnPoints;
  return pts;
}

/** Half-em units a line may hold in `points` at `size` pt (a CJK character is 2, see printWidth). */
export function lineCapacity(points: number, size: number): number {
  return Math.max(2, Math.floor((points - PADDING) / size) * 2);
}

/** True when some line of the text is wider than `capacity` half-em units. */
export function overflows(text: string, capacity: number): boolean {
  return text.split('\n').some((line) => printWidth(line) > capacity);
}

/**
 * The text broken for its cell by the Chinese rules when some line of it is wider than the
 * cell; unchanged (the same string) when it fits.
 */
export function fitText(text: string, capacity: number): string {
  return overflows(text, capacity) ? breakLines(text, capacity) : text;
}
