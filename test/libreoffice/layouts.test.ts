/**
 * The summary's formulas over the new layouts, as LibreOffice recalculates them: over a matrix
 * sheet (a SUM across a unit's row) and with the workbook's own bands (a band up to, not
 * including, the next one). Needs: apt-get install -y libreoffice-calc-nogui
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { scoreAssessment, toReport } from '../../src/app/scoreAssessment';
import { run } from '../../src/cli/main';
import { convertWithLibreOffice, findSoffice, INSTALL_HINT } from '../../src/host/libreoffice';
import { openWorkbookFile } from '../../src/host/xlsxFile';
import type { Grid } from '../../src/sheet/grid';
import { writeGridsAsXlsx } from '../support/gridsToXlsx';

const quiet = { out: () => undefined, err: () => undefined };
let dir: string;
beforeAll(async () => {
  if (!(await findSoffice())) throw new Error(`LibreOffice 未安装。${INSTALL_HINT}`);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-lo-layouts-'));
});
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

function load(name: string): Grid[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(__dirname, '..', 'fixtures', `${name}.grid.ts`)) as { default: Grid | Grid[] };
  return Array.isArray(mod.default) ? mod.default : [mod.default];
}

/** The summary as LibreOffice recalculates it: unit → [total, rank, band]. */
async function recalculatedSummary(file: string, name: string): Promise<Map<string, unknown[]>> {
  const [recalc] = await convertWithLibreOffice([file], 'xlsx', path.join(dir, `recalc-${name}`));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(recalc);
  const summary = wb.getWorksheet('汇总排名')!;
  // Title, the 草稿/status line, then the header; units from row 4.
  const header = (summary.getRow(3).values as unknown[]).map((v) => String(v).replace(/\n/g, ''));
  const col = (h: string) => header.indexOf(h);
  const value = (r: number, c: number) => {
    const cell = summary.getRow(r).getCell(c);
    return cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  };
  const out = new Map<string, unknown[]>();
  // Unit rows have their 序号 in column A (the 制表人 row under them does not).
  for (let r = 4; typeof value(r, 1) === 'number'; r++) out.set(String(value(r, 2)), [value(r, col('总分')), value(r, col('排名')), value(r, col('等次'))]);
  return out;
}

it.each(['matrix-seed003', 'bands-in-note'])('%s: the summary LibreOffice recalculates after an edit equals the engine', async (name) => {
  const source = path.join(dir, `${name}.xlsx`);
  await writeGridsAsXlsx(load(name), source);
  const out = path.join(dir, `${name}-scored.xlsx`);
  await run(['score', source, '--out', out], quiet);
  // An entry changed after writing: the formulas must follow it as the engine does.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  if (name === 'matrix-seed003') wb.getWorksheet('考核汇总')!.getCell('G9').value = 20; // 赵庄村 96.5 → 86.5
  else wb.getWorksheet('东关乡')!.getCell('E5').value = 24.5; // 89.5 → 89: still 良好
  const edited = path.join(dir, `${name}-edited.xlsx`);
  await wb.xlsx.writeFile(edited);

  const engine = toReport(scoreAssessment(await (await openWorkbookFile(edited)).readGrids()));
  const lo = await recalculatedSummary(edited, name);
  expect(lo.size).toBe(engine.units.length);
  for (const u of engine.units) expect([u.name, ...(lo.get(u.name) ?? [])]).toEqual([u.name, u.total, u.rank, u.band]);
}, 180_000);
