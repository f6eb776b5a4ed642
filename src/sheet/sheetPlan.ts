/**
 * Output sheets as data: what a generated sheet (汇总排名, 签字评分表, 通报, the settings)
 * holds and how it prints. The sheet layer builds them; a host writes them.
 */

/** How a cell of a generated sheet looks. Everything optional: unset means the host's default. */
export interface CellStyle {
  bold?: boolean;
  fontSize?: number;
  /** A cell holds one font name; where it is missing, the office program substitutes its own (e.g. 宋体 for 方正小标宋简体). */
  fontName?: string;
  horizontal?: 'left' | 'center' | 'right' | 'justify';
  vertical?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** Thin border on all four sides. */
  border?: boolean;
  /** Background colour, '#RRGGBB'. */
  fill?: string;
  numFmt?: string;
  /** Indent of left-aligned text, in characters. */
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
  /** Footers on the outer side: odd pages right, even pages left (公文页码, GB/T 9704). Replaces `footer`. */
  outerFooter?: string;
  horizontalCentered?: boolean;
  /** Print at this percentage; unset with no fitTo… means 100 %. */
  scale?: number;
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
  /** Start from a copy of this sheet (a template: its formatting, merges, widths, page setup), then write `cells` over it. */
  copyOf?: string;
  cells: SheetCell[];
  /** 'A1:F1' */
  merges: string[];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  /** 1-based row → height in points. */
  rowHeights?: Record<number, number>;
  /** 1-based rows to hide (the add-in's mark row). */
  hiddenRows?: number[];
  page?: PageSetup;
  chart?: ChartPlan;
  state?: 'visible' | 'hidden' | 'veryHidden';
  /**
   * A line printed at the top of every page (the page header's centre, in bold), over whatever page
   * setup the sheet has: the 草稿 mark of a sheet filled from a template that has no {{草稿}} cell.
   */
  draftHeader?: string;
}

/**
 * Excel's page-header code for a 草稿 line: centred, 12 pt bold 黑体; '&' written '&&'; cut to
 * stay within Excel's 255 characters. draftHeaderCode('草稿：A&B') → '&C&12&"黑体,Bold"草稿：A&&B'
 */
export function draftHeaderCode(text: string): string {
  const cut = text.length > 200 ? `${text.slice(0, 199)}…` : text;
  return `&C&12&"黑体,Bold"${cut.replace(/&/g, '&&')}`;
}
