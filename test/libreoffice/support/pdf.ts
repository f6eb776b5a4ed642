/** Measuring the PDFs LibreOffice prints: text boxes (pdftotext -bbox), page counts, sizes and pixels (poppler-utils). */
import { execFileSync } from 'child_process';
import { findSoffice, INSTALL_HINT } from '../../../src/host/libreoffice';

export const MM = 72 / 25.4;

/** Fails, naming the package, when LibreOffice or a poppler tool is missing. */
export async function requireTools(tools: string[]): Promise<void> {
  if (!(await findSoffice())) throw new Error(`LibreOffice 未安装。${INSTALL_HINT}`);
  for (const tool of tools) {
    try {
      execFileSync(tool, ['-v'], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tool} 未安装：apt-get install -y poppler-utils`);
    }
  }
}

export interface Word { page: number; x0: number; y0: number; x1: number; y1: number; text: string }
export interface Line { page: number; words: Word[] }

/** Lines and words of a PDF with their boxes in points (pdftotext -bbox-layout). */
export function layout(pdf: string): Line[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' });
  const lines: Line[] = [];
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  xml.split(/<page /).slice(1).forEach((pageXml, p) => {
    for (const l of pageXml.match(/<line[^>]*>[\s\S]*?<\/line>/g) ?? []) {
      const words = [...l.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        page: p + 1, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: unescape(m[5]),
      }));
      if (words.length) lines.push({ page: p + 1, words });
    }
  });
  return lines;
}

export const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
/** Font size of a run of CJK characters: its advance per character. */
export const cjkSize = (w: Word) => (/^[\u3000-\u9fff\uff00-\uffef]+$/.test(w.text) && w.text.length >= 3 ? (w.x1 - w.x0) / w.text.length : null);

/** A page of a PDF as grey pixels, `scale` pixels a point (pdftoppm -gray writes a binary PGM to stdout). */
export function greyPage(pdf: string, page: number, scale: number): { width: number; height: number; at: (x: number, y: number) => number } {
  const buf = execFileSync('pdftoppm', ['-gray', '-r', String(72 * scale), '-f', String(page), '-l', String(page), pdf], { maxBuffer: 64 << 20 });
  const head = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(buf.subarray(0, 40).toString('latin1'))!;
  const [width, height, offset] = [Number(head[1]), Number(head[2]), head[0].length];
  return { width, height, at: (x, y) => (x < 0 || y < 0 || x >= width || y >= height ? 255 : buf[offset + y * width + x]) };
}

export function pagePixels(pdf: string, page: number, scale: number): { width: number; dark: (xPt: number, yPt: number) => boolean } {
  const { width, at } = greyPage(pdf, page, scale);
  // Dark within a point of (x, y): a thin rule is about one pixel wide.
  const dark = (xPt: number, yPt: number) => {
    for (let dx = -scale; dx <= scale; dx++) if (at(Math.round(xPt * scale) + dx, Math.round(yPt * scale)) < 160) return true;
    return false;
  };
  return { width: width / scale, dark };
}
