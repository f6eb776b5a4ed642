/**
 * The layouts of issue 12 read the same in Excel as on the command line: each fixture of a new
 * layout (matrix, side by side, two-row headers, units in titles, the workbook's own bands) is
 * scored once through the Office.js host on the mock workbook and once by `kaohe score` on an
 * .xlsx written from the same grids, and the two reports must be equal.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { scoreAssessment, toReport } from '../../src/app/scoreAssessment';
import { run } from '../../src/cli/main';
import { OfficeHost } from '../../src/host/officeHost';
import { a1, isErrorValue, type Grid } from '../../src/sheet/grid';
import { mockWorkbook } from './mockWorkbook';

const FIXTURES = [
  'matrix-seed003',
  'error.matrix-seed002',
  'side-by-side-seed003',
  'side-by-side-seed002',
  'two-row-header-seed003',
  'two-row-header-seed002',
  'unit-in-title',
  'warn.unit-generic-name',
  'bands-in-note',
  'bands-table',
  'warn.blank-copy',
];

function load(name: string): Grid[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(__dirname, '..', 'fixtures', `${name}.grid.ts`)) as { default: Grid | Grid[] };
  return Array.isArray(mod.default) ? mod.default : [mod.default];
}

/** The grids as an .xlsx file, as a clerk's workbook would hold them. */
async function writeXlsx(grids: Grid[], file: string) {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    g.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const formula = g.formulas?.[a1(r, c)];
        const value = isErrorValue(v) ? { error: v.error } : v;
        ws.getCell(r + 1, c + 1).value = (formula ? { formula, result: value } : value) as ExcelJS.CellValue;
      }),
    );
    for (const m of g.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const r of g.hiddenRows) ws.getRow(r + 1).hidden = true;
  }
  await wb.xlsx.writeFile(file);
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-diff-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it.each(FIXTURES)('%s: the pane on the mock workbook and the command line give the same report', async (name) => {
  const grids = load(name);
  const book = mockWorkbook(grids);
  const read = await new OfficeHost(book.run, () => true).readGrids();
  const fromPane = toReport(scoreAssessment(read));

  const file = path.join(dir, `${name}.xlsx`);
  const report = path.join(dir, `${name}.json`);
  await writeXlsx(grids, file);
  const code = await run(['score', file, '--report', report], { out: () => undefined, err: () => undefined });
  expect(code).toBe(name.startsWith('error.') ? 1 : 0);
  const fromCli = JSON.parse(await fs.readFile(report, 'utf8'));
  expect(fromCli).toEqual(JSON.parse(JSON.stringify(fromPane)));
  expect(fromPane.units.length).toBeGreaterThan(0);
});
