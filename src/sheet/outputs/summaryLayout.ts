/**
 * How 汇总排名 fits landscape A4: the font size, each column's width, where the header titles break,
 * every row's height and the margins, from the texts the sheet holds. Measured as LibreOffice prints
 * 宋体 (Noto Serif CJK SC): a column width unit is 5.54 pt, the lines of a wrapped cell are 1.44 em
 * apart, and a one-line row must be 1.2 em tall for the glyphs to clear its rules (they sit a little
 * below the middle). The sheet goes on one page when it fits at ≥ 10 pt — comfortably (10.5 pt,
 * roomy rows) when it can, compactly (10.1 pt, 12 pt rows, 6 mm margins: 40 units of the sample) when
 * it must — and onto more pages at the comfortable size otherwise, never smaller.
 */
import { breakLines, linesFor, printWidth } from './common';

/** One column of the summary: its title and the texts it must hold. */
export interface LayoutColumn {
  header: string;
  /** Every value its formulas may show, each to be kept on one line where the width allows (the rows' values among them). */
  fit: string[];
  /** Each unit row's value as printed now: its lines set the row's height. */
  rows: string[];
  /** The widest it may grow to keep `fit` on one line, in em; longer values wrap (unit names). */
  maxEm?: number;
  /** A category's column: its title may break into as many lines as the header takes. Other titles keep 2 characters a line at least. */
  category?: boolean;
}

/** The sizes of one way of setting the page. */
interface Preset {
  size: number;
  titleSize: number;
  /** Height of a one-line row: [least, most], in points. */
  pitch: [number, number];
  /** Title, 草稿 line and 制表人 row heights. */
  title: number;
  draft: number;
  sign: number;
  /** Millimetres, all four sides. */
  margin: number;
}

const PT_PER_WIDTH = 5.54;
/** Lines of a wrapped cell are this many em apart (Noto Serif CJK's line height). */
const LINE_EM = 1.44;
/** And half a point more a line: a wrapped cell's ink reaches a little lower than its lines (measured touching the rule at 1.44 em). */
const LINE_PAD = 0.5;
const lineOf = (p: Preset) => LINE_EM * p.size + LINE_PAD;
/** Points a cell's text keeps from its left and right rules, together: LibreOffice's 1 pt a side, and some to spare. */
const PAD = 4;
const MM = 72 / 25.4;
const A4_LANDSCAPE = { width: 297 * MM, height: 210 * MM };
/** Points left unused at the foot and the side of a one-page sheet, so that LibreOffice never shrinks it to fit. */
const SLACK = 0.5;
const WIDTH_SLACK = 3;

const COMFORTABLE: Preset = { size: 10.5, titleSize: 16, pitch: [15.5, 18], title: 26, draft: 16, sign: 30, margin: 10 };
/**
 * 10.1 pt rather than 10: LibreOffice may set a cell's glyphs up to 0.2 % closer than their size
 * (seen on a narrow bold header), and the text must not print below 10 pt.
 */
// The 草稿 line's row is roomy: the tail of its “，” reaches far below the line.
const COMPACT: Preset = { size: 10.1, titleSize: 11, pitch: [12, 15], title: 12, draft: 15, sign: 11.5, margin: 6 };

export interface SummaryLayout {
  size: number;
  titleSize: number;
  /** Column widths in characters (the sheet's unit), in column order. */
  widths: number[];
  /** Header titles with their line breaks. */
  header: string[];
  /** Which of the column sets given was laid out. */
  alternative: number;
  /** Row heights in points: title, 草稿 line, header, each unit row, 制表人 row. */
  heights: { title: number; draft: number; header: number; rows: number[]; sign: number };
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** True: fit to one page. False: as many pages as needed, the header repeated, page numbers in the footer. */
  onePage: boolean;
}

/** A text's widest line in em. */
const em = (text: string) => Math.max(0, ...text.split('\n').map((l) => printWidth(l) / 2));

/**
 * The measures a layout takes of its texts, each taken once: 300 units' rows are measured for every
 * header height tried, and most of their texts (scores, bands) repeat, so measuring them afresh
 * froze the web version's page for about 300 ms.
 */
class Measures {
  private readonly ems = new Map<string, number>();
  private readonly wrapped = new Map<string, number>();
  private readonly widest = new Map<LayoutColumn, number>();

  em(text: string): number {
    let e = this.ems.get(text);
    if (e === undefined) this.ems.set(text, (e = em(text)));
    return e;
  }

  /** Lines of `text` in a column `width` half-ems wide (linesFor); a text that fits is one line without breaking it. */
  lines(text: string, width: number): number {
    if (!text.includes('\n') && this.em(text) * 2 <= Math.max(2, width)) return 1;
    const key = `${width}\u0000${text}`;
    let n = this.wrapped.get(key);
    if (n === undefined) this.wrapped.set(key, (n = linesFor(text, width)));
    return n;
  }

  /** The widest of the values a column must keep on one line, in em. */
  values(c: LayoutColumn): number {
    let e = this.widest.get(c);
    if (e === undefined) this.widest.set(c, (e = Math.max(0, ...c.fit.map((t) => this.em(t)))));
    return e;
  }
}

/** Half-em units that fit on a line of a column `pt` points wide at `size`. */
const capacity = (pt: number, size: number) => Math.max(2, ((pt - PAD) / size) * 2 + 1e-9);

/**
 * A header title broken as breakLines breaks it, and a category's points kept whole: never
 * “…责任追究（30” over “分）” when “（30分）” fits on the second line.
 * breakTitle('二、包保网络建设和责任追究（30分）', 11) → '二、包保网\n络建设和责\n任追究\n（30分）' (breakLines: '…任追究（30\n分）')
 */
export function breakTitle(text: string, width: number): string {
  const lines = breakLines(text, width).split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    const points = /（[\d.]*$/.exec(lines[i]);
    if (points && points.index > 0 && printWidth(points[0] + lines[i + 1]) <= width) {
      lines[i] = lines[i].slice(0, points.index);
      lines[i + 1] = points[0] + lines[i + 1];
    }
  }
  return lines.join('\n');
}

const titleLines = (text: string, width: number) => breakTitle(text, width).split('\n').length;

/** The narrowest width (em, in half-em steps) at which `text` breaks into at most `lines` lines. */
function emsFor(text: string, lines: number, least: number): number {
  let e = least;
  while (e < em(text) && titleLines(text, Math.round(e * 2)) > lines) e += 0.5;
  return Math.min(e, Math.max(least, em(text)));
}

/**
 * Widths (pt) of the columns with the header broken into at most `lines` lines, or null when they do
 * not fit in `room`; `squeeze` narrows them to the room instead (the values then wrap).
 */
function widthsFor(m: Measures, columns: LayoutColumn[], lines: number, size: number, room: number, squeeze = false): number[] | null {
  const least = columns.map((c) => {
    const values = Math.min(c.maxEm ?? Infinity, m.values(c));
    // A category's points （20分） on a line of their own at least; other titles 2 characters a line.
    const least = c.category ? em(/（[\d.]+分）$/.exec(c.header)?.[0] ?? '') : Math.min(2, em(c.header));
    const title = emsFor(c.header, lines, Math.max(1, least));
    return Math.max(values, title) * size + PAD;
  });
  const total = least.reduce((a, b) => a + b, 0);
  if (total > room && !squeeze) return null;
  // The spare width goes to the categories, in proportion to their titles, so the table fills the
  // printable width and their titles take fewer lines.
  const titles = columns.map((c) => (c.category ? em(c.header) : 0));
  const share = titles.reduce((a, b) => a + b, 0);
  return least.map((w, i) => (share > 0 ? w + ((room - total) * titles[i]) / share : (w * room) / total));
}

interface Candidate {
  widths: number[];
  header: string[];
  headerLines: number;
  rowLines: number[];
  alternative: number;
}

const roomOf = (p: Preset) => A4_LANDSCAPE.width - 2 * p.margin * MM - WIDTH_SLACK;

/** The column widths and header breaks that make the table shortest at this preset, or null when the columns do not fit its width. */
function bestColumns(m: Measures, columns: LayoutColumn[], alternative: number, p: Preset, squeeze = false): Candidate | null {
  let best: (Candidate & { tall: number }) | null = null;
  for (let lines = squeeze ? 12 : 1; lines <= 12; lines++) {
    const pts = widthsFor(m, columns, lines, p.size, roomOf(p), squeeze);
    if (!pts) continue;
    const header = columns.map((c, i) => breakTitle(c.header, capacity(pts[i], p.size)));
    const headerLines = Math.max(...header.map((h) => h.split('\n').length));
    const rowLines = columns[0].rows.map((_, r) => Math.max(...columns.map((c, i) => m.lines(c.rows[r], capacity(pts[i], p.size)))));
    // Lines beyond the first, of the header and the rows: what the choice makes fewest.
    const tall = headerLines + rowLines.reduce((a, n) => a + n, 0);
    if (!best || tall < best.tall) best = { widths: pts, header, headerLines, rowLines, alternative, tall };
  }
  return best;
}

/**
 * Lays the summary out. `alternatives` are the column sets the sheet could print, all with the
 * same rows, most wanted first (e.g. 备注 on one line, then on two; room for texts a correction may
 * bring, then only for those shown now): the first that goes on one page is taken, at the
 * comfortable size if any does, else at the compact one; if none does, the first that fits the
 * width, on as many pages as it takes.
 */
export function layoutSummary(alternatives: LayoutColumn[][], draftLines = 1): SummaryLayout {
  const m = new Measures();
  const units = alternatives[0]?.[0]?.rows.length ?? 0;
  for (const p of [COMFORTABLE, COMPACT]) {
    // Rows of one line and a header of one line at the least pitch: if even those overflow the page, no column set fits it.
    if (pitchFor(p, draftLines, 1, Array<number>(units).fill(1)) < p.pitch[0]) continue;
    for (const [i, columns] of alternatives.entries()) {
      const c = bestColumns(m, columns, i, p);
      if (!c) continue;
      const pitch = pitchFor(p, draftLines, c.headerLines, c.rowLines);
      if (pitch >= p.pitch[0]) return result(p, c, pitch, true, draftLines);
    }
  }
  // More pages, the header repeated on each: at the comfortable size, never smaller.
  for (const p of [COMFORTABLE, COMPACT]) {
    for (const [i, columns] of alternatives.entries()) {
      const c = bestColumns(m, columns, i, p);
      if (c) return result(p, c, p.pitch[1], false, draftLines);
    }
  }
  // Too many columns for the width even so: narrowed to it, the titles and values wrapping.
  return result(COMPACT, bestColumns(m, alternatives[0], 0, COMPACT, true) as Candidate, COMPACT.pitch[1], false, draftLines);
}

/** The pitch of one-line rows that puts the whole sheet on one page at this preset (below p.pitch[0]: it does not fit). */
function pitchFor(p: Preset, draftLines: number, headerLines: number, rowLines: number[]): number {
  const line = lineOf(p);
  const fixed = p.title + draftHeight(p, draftLines) + p.sign + (headerLines - 1) * line + rowLines.reduce((a, n) => a + (n - 1) * line, 0);
  const height = A4_LANDSCAPE.height - 2 * p.margin * MM - SLACK;
  return Math.min(p.pitch[1], Math.floor(((height - fixed) / (rowLines.length + 1)) * 10) / 10);
}

/** The 草稿 line's row: its one line, and more while it names records not counted. */
const draftHeight = (p: Preset, lines: number) => Math.round((p.draft + (lines - 1) * lineOf(p)) * 10) / 10;

function result(p: Preset, c: Candidate, pitch: number, onePage: boolean, draftLines: number): SummaryLayout {
  const line = lineOf(p);
  const height = (lines: number) => Math.round(((lines - 1) * line + pitch) * 10) / 10;
  return {
    size: p.size,
    titleSize: p.titleSize,
    widths: c.widths.map((w) => Math.floor((w / PT_PER_WIDTH) * 100) / 100),
    header: c.header,
    alternative: c.alternative,
    heights: { title: p.title, draft: draftHeight(p, draftLines), header: height(c.headerLines), rows: c.rowLines.map(height), sign: p.sign },
    margins: onePage
      ? { top: p.margin, bottom: p.margin, left: p.margin, right: p.margin, header: p.margin, footer: p.margin }
      : { top: p.margin, bottom: p.margin + 6, left: p.margin, right: p.margin, header: p.margin, footer: 6 },
    onePage,
  };
}
