/**
 * The pane's own calls into Excel, beside the Office host's reads and writes: selecting the cell
 * a diagnostic is about. Only this file and src/host/officeHost.ts call Excel.run.
 *
 * Not testable here without Excel: whether Excel scrolls to the selection and activates the
 * sheet (it does in Excel 2021 and on the web); the tests check the calls on office-addin-mock.
 */
import type { WorkbookHost } from '../host/host';
import { OfficeHostError, syncWithin } from '../host/officeErrors';
import type { PaneHost } from './paneHost';

/** Excel.run, or a fake of it in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const excelRun: ExcelRun = (batch) => Excel.run(batch);

/** Activates the sheet and selects the cell: selectCell('刘湾村', 'E4'). */
export async function selectCell(sheet: string, cell: string, run: ExcelRun = excelRun): Promise<void> {
  await run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    // A hidden sheet cannot be activated: say so rather than let Excel refuse in English.
    worksheet.load('visibility');
    await syncWithin(context);
    if (worksheet.visibility !== 'Visible') throw new OfficeHostError(`工作表“${sheet}”已隐藏，无法选中 ${cell}。请右键单击工作表标签，选择“取消隐藏”后重试`);
    worksheet.activate();
    worksheet.getRange(cell).select();
    await syncWithin(context);
  });
}

/** The Office host as the pane uses it: its reads, writes and limitations, and selecting a cell. */
export function officePaneHost(host: WorkbookHost & { readonly limitations?: readonly string[] }, run: ExcelRun = excelRun): PaneHost {
  return {
    readGrids: () => host.readGrids(),
    apply: (plan) => host.apply(plan),
    get limitations() {
      return host.limitations ?? [];
    },
    selectCell: (sheet, cell) => selectCell(sheet, cell, run),
  };
}
