/**
 * The pane's own calls into Excel, beside the Office host's reads and writes: selecting the cell
 * a diagnostic is about. Only this file and src/host/officeHost.ts call Excel.run.
 *
 * Not testable here without Excel: whether Excel scrolls to the selection and activates the
 * sheet (it does in Excel 2021 and on the web); the tests check the calls on office-addin-mock.
 */
import type { WorkbookHost } from '../host/host';
import { OfficeHostError, syncWithin } from '../host/officeErrors';
import type { SelfCheckReport } from '../host/officeHost';
import type { OfficeInfo } from '../host/officeSelfCheck';
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

/** Where Office says it runs: Office.context.diagnostics, or unknown outside Office. */
function officeInfo(): OfficeInfo {
  const d = typeof Office === 'undefined' ? undefined : Office.context?.diagnostics;
  return { platform: String(d?.platform ?? '未知'), version: d?.version ?? '未知' };
}

/** The Office host as the pane uses it: its reads, writes and limitations, selecting a cell, and the self-check. */
export function officePaneHost(
  host: WorkbookHost & { readonly limitations?: readonly string[]; selfCheck?(info: OfficeInfo, progress?: (step: string) => void): Promise<SelfCheckReport> },
  run: ExcelRun = excelRun,
  info: () => OfficeInfo = officeInfo,
): PaneHost {
  const selfCheck = host.selfCheck?.bind(host);
  return {
    readGrids: () => host.readGrids(),
    apply: (plan) => host.apply(plan),
    get limitations() {
      return host.limitations ?? [];
    },
    selectCell: (sheet, cell) => selectCell(sheet, cell, run),
    ...(selfCheck ? { selfCheck: (progress: (step: string) => void) => selfCheck(info(), progress) } : {}),
  };
}
