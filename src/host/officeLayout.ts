/**
 * How generated sheets look and print, in Office.js: cell styles, column widths, page setup.
 * Each function says what it queues, so the write batches can count the request bytes.
 */
import type { CellStyle, PageSetup } from './host';

const MM_TO_POINTS = 72 / 25.4;

/**
 * Column width in characters → points, by Excel's own rule for the default 11-pt font (等线 or
 * Calibri): a character is the width of the digit 0, 7 px, plus 5 px of padding per column;
 * 96 px = 72 pt. columnPoints(10) → 56.25, and Excel shows the column as 10 wide. Where an
 * Excel's default font is wider (the self-check measures it), `digitPixels` says by how much.
 */
export function columnPoints(chars: number, digitPixels = 7): number {
  return (chars * digitPixels + 5) * 0.75;
}

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right', justify: 'Justify' } as const;
const VERTICAL = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/** Office.js proxies and actions a style queues on one range or range areas (for the byte count). */
export function styleActions(style: CellStyle, rect: { rows: number; cols: number }, indent: boolean): { proxies: number; actions: number } {
  const font = style.bold !== undefined || style.fontSize !== undefined || style.fontName !== undefined;
  const sets =
    [style.bold, style.fontSize, style.fontName, style.horizontal, style.vertical, style.wrap, style.fill].filter((x) => x !== undefined).length + (style.indent !== undefined && indent ? 1 : 0);
  const edges = style.border ? 4 + (rect.rows > 1 ? 1 : 0) + (rect.cols > 1 ? 1 : 0) : 0;
  // range, format, font, fill, borders and one per edge; each edge two sets (style, weight).
  const proxies = 2 + (font ? 1 : 0) + (style.fill ? 1 : 0) + (edges > 0 ? 1 + edges : 0);
  return { proxies, actions: sets + edges * 2 + (style.numFmt ? 1 : 0) };
}

/**
 * Sets a style on a range (each cell bordered on its own). `range` may be a rectangle (Range) or
 * several (RangeAreas: the inside borders then apply within each area). False when the indent
 * could not be set.
 */
export function applyStyle(range: Excel.Range | Excel.RangeAreas, style: CellStyle, rect: { rows: number; cols: number }, indent: boolean): boolean {
  const f = range.format;
  if (style.bold !== undefined || style.fontSize !== undefined || style.fontName !== undefined) {
    const font = f.font;
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.fontSize !== undefined) font.size = style.fontSize;
    if (style.fontName !== undefined) font.name = style.fontName;
  }
  if (style.horizontal) f.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) f.verticalAlignment = VERTICAL[style.vertical];
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.fill) f.fill.color = style.fill;
  if (style.numFmt && 'numberFormat' in range) (range as Excel.Range).numberFormat = Array.from({ length: rect.rows }, () => new Array(rect.cols).fill(style.numFmt));
  if (style.border) {
    const edges: ('EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical')[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    if (rect.rows > 1) edges.push('InsideHorizontal');
    if (rect.cols > 1) edges.push('InsideVertical');
    const borders = f.borders;
    for (const edge of edges) {
      const border = borders.getItem(edge);
      border.style = 'Continuous';
      border.weight = 'Thin';
    }
  }
  if (style.indent === undefined) return true;
  if (!indent) return false;
  f.indentLevel = style.indent;
  return true;
}

/** How to make a sheet fit the page: Excel's fit-to-pages zoom, or a percentage worked out from the column widths. */
export type FitMode = 'fit' | 'scale';

/** Actions pageSetup queues (an upper bound, for the byte count). */
export const PAGE_SETUP_ACTIONS = 16;

/**
 * Page setup (ExcelApi 1.9). Margins come in millimetres; Excel takes points. Fit to 1 page wide
 * and any number tall is `verticalFitToPages: 0`, as in the file format; that value is not in
 * Microsoft's documentation, and Excel on the web applies fit-to-pages only once the Page Layout
 * tab has been shown (office-js #1860). With `fit: 'scale'` (what the self-check picks where the
 * zoom does not read back) the sheet gets a percentage that fits its columns across the page.
 */
export function pageSetup(ws: Excel.Worksheet, page: PageSetup, columnWidths: number[], fit: FitMode = 'fit', digitPixels = 7): void {
  const p = ws.pageLayout;
  p.orientation = page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  p.paperSize = 'A4';
  if (page.margins) {
    p.topMargin = page.margins.top * MM_TO_POINTS;
    p.bottomMargin = page.margins.bottom * MM_TO_POINTS;
    p.leftMargin = page.margins.left * MM_TO_POINTS;
    p.rightMargin = page.margins.right * MM_TO_POINTS;
    if (page.margins.header !== undefined) p.headerMargin = page.margins.header * MM_TO_POINTS;
    if (page.margins.footer !== undefined) p.footerMargin = page.margins.footer * MM_TO_POINTS;
  }
  if (page.fitToWidth !== undefined || page.fitToHeight !== undefined) {
    p.zoom = fit === 'fit' ? { horizontalFitToPages: page.fitToWidth ?? 1, verticalFitToPages: page.fitToHeight ?? 0 } : { scale: fitScale(page, columnWidths, digitPixels) };
  }
  if (page.printArea) p.setPrintArea(page.printArea);
  if (page.printTitleRows) p.setPrintTitleRows(page.printTitleRows.split(':').map((r) => `$${r}`).join(':'));
  if (page.horizontalCentered !== undefined) p.centerHorizontally = page.horizontalCentered;
  if (page.outerFooter) {
    // 公文页码 on the outer side: odd pages right, even pages left.
    p.headersFooters.state = 'OddAndEven';
    p.headersFooters.oddPages.rightFooter = page.outerFooter;
    p.headersFooters.evenPages.leftFooter = page.outerFooter;
  } else if (page.footer) p.headersFooters.defaultForAllPages.centerFooter = page.footer;
}

/**
 * The print scale, in per cent, at which the sheet's columns fit across the page (10–100).
 * fitScale({ orientation: 'portrait', margins: { left: 20, right: 20 … } }, [40, 40, 40, 40]) → 74
 */
export function fitScale(page: PageSetup, columnWidths: number[], digitPixels = 7): number {
  const paper = (page.orientation === 'landscape' ? 297 : 210) - (page.margins ? page.margins.left + page.margins.right : 38);
  const width = columnWidths.reduce((s, w) => s + columnPoints(w, digitPixels), 0);
  if (width <= 0) return 100;
  return Math.max(10, Math.min(100, Math.floor(((paper * MM_TO_POINTS) / width) * 100 * (page.fitToWidth ?? 1))));
}
