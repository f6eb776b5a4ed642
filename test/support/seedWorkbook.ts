/**
 * Writes seed 003 score sheets into an ExcelJS workbook, styled as a clerk's sheet would be
 * (borders, wrapped text, merged cells, column widths). Used by the sample generator,
 * the benchmark and the command-line tests.
 */
import ExcelJS from 'exceljs';
import { seed003, type Seed003Options } from './seed003';

const WIDTHS = [24, 40, 7, 42, 9];

/** Adds one unit's score sheet laid out as the seed 003 table. */
export function addSeedSheet(workbook: ExcelJS.Workbook, name: string, options: Seed003Options): ExcelJS.Worksheet {
  const table = seed003(options);
  const ws = workbook.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  table.rows.forEach((row, r) => {
    const values = row.map((v) => (v === null ? null : typeof v === 'object' ? { error: v.error } : v));
    ws.getRow(r + 1).values = values as ExcelJS.CellValue[];
  });
  for (const m of table.merges) ws.mergeCells(m);
  const headerRow = 3;
  const lastTableRow = table.rows.length - 3;
  for (let r = 1; r <= table.rows.length; r++) {
    const row = ws.getRow(r);
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cell.font = { name: '宋体', size: r === 1 ? 16 : 10.5, bold: r === 1 || r === headerRow };
      cell.alignment = {
        wrapText: true,
        vertical: 'middle',
        horizontal: r === 1 || r === headerRow || c === 3 || c === 5 ? 'center' : 'left',
      };
      if (r >= headerRow && r <= lastTableRow) {
        const thin = { style: 'thin' as const };
        cell.border = { top: thin, left: thin, bottom: thin, right: thin };
      }
    });
  }
  return ws;
}

/**
 * A workbook of n units of the seed 003 table with varied, valid entries (a veto every 97th unit),
 * written to `file`: what `npm run bench` measures, in the command line and in the web version.
 */
export async function writeBenchWorkbook(n: number, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const points = [5, 5, 5, 5, 30, 10, 5, 5, 5, 5, 5, 4, 6, 5];
  for (let u = 0; u < n; u++) {
    const entries = points.map((p, i) => Math.max(0, p - ((u * 7 + i * 3) % 4) * 0.5));
    addSeedSheet(wb, `单位${u + 1}`, { unit: `第${u + 1}村`, entries, total: null, veto: u % 97 === 5 ? '是' : '否' });
  }
  await wb.xlsx.writeFile(file);
}
