/**
 * The command line's --pdf and --out where they can go wrong: a PDF asked onto an existing file, and
 * unit names with quotes, which the copy must keep readable in the project's reader and in LibreOffice.
 *
 * Needs: apt-get install -y libreoffice-calc-nogui fonts-noto-cjk poppler-utils
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { run } from '../../src/cli/main';
import { convertWithLibreOffice } from '../../src/host/libreoffice';
import { openWorkbookFile } from '../../src/host/xlsxFile';
import { requireTools } from './support/pdf';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'sample-2024.xlsx');
const quiet = { out: () => undefined, err: () => undefined };
let dir: string;
beforeAll(async () => {
  await requireTools([]);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-pdf-args-'));
});
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

test('--pdf onto an existing file: exit 2 with the reason (checked before scoring), the file untouched', async () => {
  const file = path.join(dir, 'not-a-folder.pdf');
  await fs.writeFile(file, 'mine');
  const io = { stderr: '', out: () => undefined, err: (t: string) => void (io.stderr += t) };
  expect(await run(['score', SAMPLE, '--pdf', file], io)).toBe(2);
  expect(io.stderr).toContain('不是文件夹');
  expect(await fs.readFile(file, 'utf8')).toBe('mine');
});

test.each([["张庄村'"], ["O'Brien村"]])('a unit named %s: the copy reopens in the project’s reader and in LibreOffice, print areas on the right sheets', async (name) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const ws = wb.getWorksheet('张庄村')!;
  // A sheet name may not end with a quote (Excel's rule), a unit's name may: it names the generated sheets.
  if (!name.endsWith("'")) ws.name = name;
  ws.getCell('A2').value = `单位:${name}    2024年12月20日`;
  const input = path.join(dir, `quoted-${name.length}.xlsx`);
  await wb.xlsx.writeFile(input);
  const out = path.join(dir, `quoted-out-${name.length}.xlsx`);
  expect(await run(['score', input, '--out', out], quiet)).toBe(1);
  const grids = await (await openWorkbookFile(out)).readGrids();
  expect(grids.map((g) => g.name)).toContain(`${name}签字表`);
  const zip = await JSZip.loadAsync(await fs.readFile(out));
  const names = (await zip.file('xl/workbook.xml')!.async('string')).match(/<definedName[^>]*>[^<]*<\/definedName>/g) ?? [];
  const doubled = name.replace(/'/g, '&apos;&apos;');
  expect(names.filter((n) => n.includes(name.replace(/'/g, '&apos;').slice(0, 2)))).toEqual(expect.arrayContaining([expect.stringContaining(`&apos;${doubled}签字表&apos;!`)]));
  const [back] = await convertWithLibreOffice([out], 'xlsx', path.join(dir, `quoted-lo-${name.length}`));
  const lo = new ExcelJS.Workbook();
  await lo.xlsx.readFile(back);
  const written = new ExcelJS.Workbook();
  await written.xlsx.readFile(out);
  // LibreOffice read the sheet and its formulas: the signed sheet's 总分 (a reference to the summary) recalculates to the engine's value.
  const signedName = `${name}签字表`;
  expect(lo.worksheets.map((w) => w.name)).toContain(signedName);
  for (const address of ['A2', 'I4', 'I5']) {
    const a = lo.getWorksheet('汇总排名')!.getCell(address);
    const b = written.getWorksheet('汇总排名')!.getCell(address);
    expect(String(a.result ?? a.value ?? '')).toBe(String(b.result ?? b.value ?? ''));
  }
  const printArea = (await (await JSZip.loadAsync(await fs.readFile(back))).file('xl/workbook.xml')!.async('string')).match(/<definedName[^>]*Print_Area[^>]*>[^<]*<\/definedName>/g) ?? [];
  expect(printArea.some((d) => d.includes(`${name.replace(/'/g, '&apos;&apos;')}签字表`) || d.includes(`${name.replace(/'/g, "''")}签字表`))).toBe(true);
});
