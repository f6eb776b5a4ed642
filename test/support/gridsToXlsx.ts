/** Grids written as an .xlsx file, as a clerk's workbook would hold them: values, formulas with cached results, merges, hidden rows, notes. */
import ExcelJS from 'exceljs';
import { a1, isErrorValue, type Grid } from '../../src/sheet/grid';

export async function writeGridsAsXlsx(grids: Grid[], file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    g.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const formula = g.formulas?.[a1(r, c)];
        const value = isErrorValue(v) ? { error: v.error } : v;
        ws.getCell(r + 1, c + 1).value = (formula ? { formula, result: value } : value) as ExcelJS.CellValue;
      }),
    );
    for (const m of g.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const r of g.hiddenRows) ws.getRow(r + 1).hidden = true;
    for (const [address, note] of Object.entries(g.notes ?? {})) ws.getCell(address).note = note;
  }
  await wb.xlsx.writeFile(file);
}
