/**
 * The layouts of issue 12 read the same in Excel as on the command line: each fixture of a new
 * layout (matrix, side by side, two-row headers, units in titles, the workbook's own bands) is
 * scored once through the Office.js host on the mock workbook and once by `kaohe score` on an
 * .xlsx written from the same grids, and the two reports must be equal.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { scoreAssessment, toReport } from '../../src/app/scoreAssessment';
import { run } from '../../src/cli/main';
import { OfficeHost } from '../../src/host/officeHost';
import type { Grid } from '../../src/sheet/grid';
import { writeGridsAsXlsx } from '../support/gridsToXlsx';
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
  await writeGridsAsXlsx(grids, file);
  const code = await run(['score', file, '--report', report], { out: () => undefined, err: () => undefined });
  expect(code).toBe(name.startsWith('error.') ? 1 : 0);
  const fromCli = JSON.parse(await fs.readFile(report, 'utf8'));
  expect(fromCli).toEqual(JSON.parse(JSON.stringify(fromPane)));
  expect(fromPane.units.length).toBeGreaterThan(0);
});
