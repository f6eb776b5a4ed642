/**
 * Issue 9: every copy the command line writes opens again — in LibreOffice (recalculated and saved
 * back as .xlsx) and with the project's own reader — even when unit names carry quotes that end
 * up in sheet names, formulas and defined names (print areas, print titles), or control characters.
 *
 * Needs: apt-get install -y libreoffice-calc-nogui
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { convertWithLibreOffice, findSoffice, INSTALL_HINT } from '../../src/host/libreoffice';
import { openWorkbookFile } from '../../src/host/xlsxFile';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'sample-2024.xlsx');
const quiet = { out: () => undefined, err: () => undefined };

let dir: string;
beforeAll(async () => {
  if (!(await findSoffice())) throw new Error(`LibreOffice 未安装。${INSTALL_HINT}`);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-lo-hostile-'));
});
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

it('copies with quoted unit names and control characters reopen in LibreOffice and in kaohe, with the same totals', async () => {
  const names = ["'张庄村'", "O'Brien村", "王庄村'"];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  ['张庄村', '李家村', '王庄村'].forEach((sheet, i) => {
    wb.getWorksheet(sheet)!.getCell('A2').value = `单位:${names[i]}    2024年12月20日`;
  });
  wb.getWorksheet('刘湾村')!.getCell('A40').value = '备注_x001B_[2J';
  const input = path.join(dir, 'input.xlsx');
  await wb.xlsx.writeFile(input);

  const copy = path.join(dir, 'scored.xlsx');
  const report = path.join(dir, 'report.json');
  expect(await run(['score', input, '--out', copy, '--report', report], quiet)).toBe(1);
  const first = JSON.parse(await fs.readFile(report, 'utf8')) as { units: { name: string; total: number }[] };
  expect(first.units.map((u) => u.name)).toEqual(expect.arrayContaining(names));

  // LibreOffice opens the copy, recalculates every formula and saves it again.
  const [recalculated] = await convertWithLibreOffice([copy], 'xlsx', path.join(dir, 'lo'));
  const grids = await (await openWorkbookFile(recalculated)).readGrids();
  expect(grids.map((g) => g.name)).toEqual(expect.arrayContaining(["'张庄村'签字表".replace(/^'/, ''), "O'Brien村签字表", "王庄村'签字表"]));

  // kaohe reads both its own copy and LibreOffice's, and finds the same units and totals.
  for (const file of [copy, recalculated]) {
    const again = path.join(dir, `again-${path.basename(path.dirname(file))}.json`);
    expect([0, 1]).toContain(await run(['score', file, '--report', again], quiet));
    const second = JSON.parse(await fs.readFile(again, 'utf8')) as { units: { name: string; total: number }[] };
    expect(second.units.map((u) => [u.name, u.total])).toEqual(first.units.map((u) => [u.name, u.total]));
  }
});
