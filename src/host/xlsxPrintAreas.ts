/**
 * ExcelJS writes a print area 'A1:F43' as '$A1:$F43': it puts a $ before each corner and nothing
 * before the row. LibreOffice reads the rows of that reference as relative, and a sheet with a
 * hidden row below its print area (the add-in's mark, ownedSheets.ts) then prints one page more —
 * empty but for the repeated title row — whenever its content ends at the foot of a page. For the
 * write each corner's row is made absolute ('A$1:F$43', which ExcelJS writes '$A$1:$F$43', what
 * Excel itself writes), and the areas are put back afterwards. A user's own print area read from
 * the file goes through the same mending, so a copy keeps it as Excel wrote it.
 */
import type ExcelJS from 'exceljs';

/** 'A1:F43' → 'A$1:F$43' (and each of 'A1:B2&&D1:E2'); anything else unchanged. */
export function absoluteRows(area: string): string {
  return area
    .split('&&')
    .map((range) => range.split(':').map((corner) => corner.replace(/^\$?([A-Za-z]{1,3})\$?(\d+)$/, '$1$$$2')).join(':'))
    .join('&&');
}

/** Makes every sheet's print area absolute for a write; returns what puts them back. */
export function absolutePrintAreas(workbook: ExcelJS.Workbook): () => void {
  const changed: [ExcelJS.Worksheet, string][] = [];
  for (const ws of workbook.worksheets) {
    const area = ws.pageSetup?.printArea;
    if (!area) continue;
    const fixed = absoluteRows(area);
    if (fixed === area) continue;
    changed.push([ws, area]);
    ws.pageSetup.printArea = fixed;
  }
  return () => {
    for (const [ws, area] of changed) ws.pageSetup.printArea = area;
  };
}
