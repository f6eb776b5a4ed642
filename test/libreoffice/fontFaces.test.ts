/**
 * Which glyph forms the PDFs carry, seen on the page. Noto CJK's collections share one glyph table
 * (pdffonts names every region “jp”), and the regional forms are chosen by the text's language, so
 * the test compares what is drawn: characters whose Simplified Chinese and Japanese forms differ
 * (骨直角次写) are printed in each font name the outputs use, through the command line's LibreOffice
 * run, and compared with Noto's SC face printed the same way and with Noto's JP face printed as a
 * Japanese profile prints it (LibreOffice's own defaults here gave JP forms before the profile set
 * zh-CN, see src/host/libreoffice.ts).
 *
 * Needs: apt-get install -y libreoffice-calc-nogui fonts-noto-cjk poppler-utils
 */
import { execFile, execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import ExcelJS from 'exceljs';
import { convertWithLibreOffice, findSoffice, INSTALL_HINT } from '../../src/host/libreoffice';

const TEXT = '骨直角次写';
const FAMILIES: [string, string][] = [
  ['宋体', 'Noto Serif CJK'],
  ['仿宋', 'Noto Serif CJK'],
  ['方正小标宋简体', 'Noto Serif CJK'],
  ['黑体', 'Noto Sans CJK'],
];
const FACES = [...FAMILIES.map(([f]) => f), 'Noto Serif CJK SC', 'Noto Serif CJK JP', 'Noto Sans CJK SC', 'Noto Sans CJK JP'];

let dir: string;
/** The top of each page, in grey levels, by font: as the command line prints it, and as a Japanese profile does. */
let ours: Map<string, Buffer>;
let japanese: Map<string, Buffer>;

async function pagesOf(pdf: string, prefix: string): Promise<Map<string, Buffer>> {
  execFileSync('pdftoppm', ['-r', '72', '-gray', '-x', '0', '-y', '0', '-W', '595', '-H', '200', pdf, path.join(dir, prefix)]);
  const files = (await fs.readdir(dir)).filter((f) => new RegExp(`^${prefix}-\\d+\\.pgm$`).test(f)).sort();
  expect(files).toHaveLength(FACES.length);
  return new Map(await Promise.all(files.map(async (f, i) => [FACES[i], await fs.readFile(path.join(dir, f))] as const)));
}

beforeAll(async () => {
  const soffice = await findSoffice();
  if (!soffice) throw new Error(`LibreOffice 未安装。${INSTALL_HINT}`);
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error('pdftoppm 未安装：apt-get install -y poppler-utils');
  }
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-faces-'));
  // One sheet per font, the same text at the same place: page k shows FACES[k].
  const wb = new ExcelJS.Workbook();
  FACES.forEach((font, i) => {
    const ws = wb.addWorksheet(`字体${i + 1}`);
    ws.getColumn(1).width = 60;
    ws.getRow(1).height = 80;
    ws.getCell('A1').value = TEXT;
    ws.getCell('A1').font = { name: font, size: 48 };
  });
  const xlsx = path.join(dir, 'faces.xlsx');
  await wb.xlsx.writeFile(xlsx);
  const [pdf] = await convertWithLibreOffice([xlsx], 'pdf', path.join(dir, 'ours'));
  ours = await pagesOf(pdf, 'ours');
  // The Japanese forms for comparison: a profile whose Asian language is ja-JP.
  const profile = path.join(dir, 'ja-profile');
  await fs.mkdir(path.join(profile, 'user'), { recursive: true });
  await fs.writeFile(
    path.join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="DefaultLocale_CJK" oor:op="fuse"><value>ja-JP</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/I18N/CJK"><prop oor:name="CJKFont" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
`,
  );
  const out = path.join(dir, 'ja');
  await promisify(execFile)(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, xlsx], { timeout: 120_000 });
  japanese = await pagesOf(path.join(out, 'faces.pdf'), 'ja');
}, 300_000);
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

/** How many pixels differ between two renders of the same size. */
function differing(a: Buffer, b: Buffer): number {
  expect(a.length).toBe(b.length);
  let n = 0;
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > 16) n++;
  return n;
}

test('the renders show the text, and the Japanese forms differ from the Simplified Chinese ones', () => {
  const ink = (page: Buffer) => [...page].filter((v) => v < 128).length;
  for (const face of FACES) expect({ face, inked: ink(ours.get(face)!) > 500 }).toEqual({ face, inked: true });
  expect(differing(ours.get('Noto Serif CJK SC')!, japanese.get('Noto Serif CJK JP')!)).toBeGreaterThan(500);
  expect(differing(ours.get('Noto Sans CJK SC')!, japanese.get('Noto Sans CJK JP')!)).toBeGreaterThan(500);
});

test.each(FAMILIES)('%s prints in the Simplified Chinese forms of %s SC, not the Japanese ones', (font, family) => {
  expect(differing(ours.get(font)!, ours.get(`${family} SC`)!)).toBe(0);
  expect(differing(ours.get(font)!, japanese.get(`${family} JP`)!)).toBeGreaterThan(500);
});
