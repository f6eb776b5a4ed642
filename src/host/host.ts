/**
 * The host interface: what the app needs from a workbook, whoever holds it. The ExcelJS host
 * (files on disk, the command line, the browser preview) and the Office.js host (the task pane)
 * implement it. The app decides what to write; a host writes exactly that and nothing else.
 */
import type { Grid } from '../sheet/grid';

/** One cell to write. A formula is written with `value` as its cached result. */
export interface CellWrite {
  sheet: string;
  /** A1 address. */
  cell: string;
  value: number | string | boolean | null;
  /** Without the leading '='. Functions newer than Excel 2007 as stored in files: _xlfn.RANK.EQ(…). */
  formula?: string;
  numFmt?: string;
}

/** How a cell of a generated sheet looks. Everything optional: unset means the host's default. */
export interface CellStyle {
  bold?: boolean;
  fontSize?: number;
  /** The first font; `fontFallbacks` follow where the host can use them. */
  fontName?: string;
  horizontal?: 'left' | 'center' | 'right' | 'justify';
  vertical?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** Thin border on all four sides. */
  border?: boolean;
  /** Background colour, '#RRGGBB'. */
  fill?: string;
  numFmt?: string;
  /** First-line indent in characters (GB/T 9704 body paragraphs: 2). */
  indent?: number;
}

export interface SheetCell {
  /** A1 address. */
  cell: string;
  value: number | string | boolean | null;
  formula?: string;
  style?: CellStyle;
}

/** Print setup of a generated sheet. Margins in millimetres. */
export interface PageSetup {
  orientation: 'portrait' | 'landscape';
  paper: 'A4';
  /** Pages wide and tall to fit on; 0 tall means as many as needed. */
  fitToWidth?: number;
  fitToHeight?: number;
  margins?: { top: number; bottom: number; left: number; right: number; header?: number; footer?: number };
  /** 'A1:F40' */
  printArea?: string;
  /** Rows repeated on every page: '1:3' */
  printTitleRows?: string;
  /** Centre footer, in Excel's header/footer codes: '张庄村  第 &P 页，共 &N 页' */
  footer?: string;
  horizontalCentered?: boolean;
}

/** A bar chart placed on the sheet (Excel only; other hosts skip it and say so in `skipped`). */
export interface ChartPlan {
  title: string;
  /** Ranges on the same sheet: 'B3:B12' and 'H3:H12'. */
  categories: string;
  values: string;
  /** Top-left and bottom-right cells the chart covers: 'L2', 'T20'. */
  from: string;
  to: string;
}

/**
 * A whole sheet the add-in owns (汇总排名, 签字评分表, 通报, its settings). The host creates it,
 * or replaces an existing sheet of the same name entirely. The app only names a sheet here when
 * the sheet is absent or is one the add-in wrote before: a user's sheet is never replaced.
 */
export interface SheetPlan {
  name: string;
  cells: SheetCell[];
  /** 'A1:F1' */
  merges: string[];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  /** 1-based row → height in points. */
  rowHeights?: Record<number, number>;
  page?: PageSetup;
  chart?: ChartPlan;
  state?: 'visible' | 'hidden' | 'veryHidden';
}

/** What the app asks a host to change. Hosts write nothing else. */
export interface WritePlan {
  cells: CellWrite[];
  sheets?: SheetPlan[];
  /** Sheets the add-in wrote before and no longer needs (e.g. a unit's signed sheet after the unit was removed). */
  removeSheets?: string[];
}

export interface ApplyOutcome {
  /** What the host could not do, in Chinese, for the user (e.g. 图表需要 Excel，未生成). */
  skipped: string[];
}

export interface WorkbookHost {
  /** Every worksheet as a grid (values with cached formula results, merges, hidden rows). */
  readGrids(): Promise<Grid[]>;
  /** Applies the plan: only the cells and sheets it names change. */
  apply(plan: WritePlan): Promise<ApplyOutcome>;
}
