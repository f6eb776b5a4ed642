/** Lays out sheets side by side on one sheet, as clerks copy a unit's table beside the last one. */
import { columnLetters, parseA1, type CellValue } from '../../src/sheet/grid';

export interface Block {
  rows: CellValue[][];
  merges: string[];
  width: number;
}

/** Blocks placed left to right with `gap` empty columns between: rows and merges (A1 ranges) of the whole. */
export function sideBySide(blocks: Block[], gap = 1): { rows: CellValue[][]; merges: string[] } {
  const height = Math.max(...blocks.map((b) => b.rows.length));
  const rows: CellValue[][] = [];
  for (let r = 0; r < height; r++) {
    const row: CellValue[] = [];
    blocks.forEach((b, i) => {
      if (i > 0) for (let g = 0; g < gap; g++) row.push(null);
      for (let c = 0; c < b.width; c++) row.push(b.rows[r]?.[c] ?? null);
    });
    rows.push(row);
  }
  const merges: string[] = [];
  let offset = 0;
  for (const b of blocks) {
    const shift = (a: string) => {
      const { row, col } = parseA1(a);
      return `${columnLetters(col + offset)}${row + 1}`;
    };
    merges.push(...b.merges.map((m) => m.split(':').map(shift).join(':')));
    offset += b.width + gap;
  }
  return { rows, merges };
}
