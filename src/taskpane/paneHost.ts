/**
 * The workbook as the pane uses it: the host every use case reads and writes through, plus
 * what only some hosts can do. In Excel the pane can select a cell; the browser preview cannot,
 * and offers to open the cell in 现场评分 instead.
 */
import type { WorkbookHost } from '../host/host';
import type { SelfCheckReport } from '../host/officeHost';

export interface PaneHost extends WorkbookHost {
  /** Selects a cell in the workbook the user is looking at (Excel only). */
  selectCell?(sheet: string, cell: string): Promise<void>;
  /** 自检 of this Excel (Excel only): see src/host/officeSelfCheck.ts. */
  selfCheck?(progress: (step: string) => void): Promise<SelfCheckReport>;
  /** What this host cannot do here, in Chinese (e.g. an Excel too old for merged areas). */
  readonly limitations?: readonly string[];
}
