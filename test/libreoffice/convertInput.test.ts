/**
 * .ods and .xls inputs through the command line with LibreOffice installed: each is converted to
 * a copy next to the scored output, the original is not changed, and the report is the one the
 * .xlsx gives. Needs: apt-get install -y libreoffice-calc-nogui
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { run } from '../../src/cli/main';
import { findSoffice, INSTALL_HINT } from '../../src/host/libreoffice';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'sample-2024.xlsx');
const quiet = { out: () => undefined, err: () => undefined };
const hash = async (f: string) => createHash('sha256').update(await fs.readFile(f)).digest('hex');

let dir: string;
beforeAll(async () => {
  const soffice = await findSoffice();
  if (!soffice) throw new Error(`LibreOffice 未安装。${INSTALL_HINT}`);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-convert-test-'));
  const profile = path.join(dir, 'profile');
  for (const to of ['ods', 'xls']) {
    execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', dir, SAMPLE], { stdio: 'ignore', timeout: 180_000 });
  }
}, 240_000);
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

type Report = { units: { name: string; total: number; rank: number; band: string | null }[]; diagnostics: { code: string }[] };
const summary = (r: Report) => r.units.map((u) => [u.name, u.total, u.rank, u.band]);

it.each(['ods', 'xls'])('scores a .%s through a converted copy next to the output, the original untouched', async (ext) => {
  const input = path.join(dir, `sample-2024.${ext}`);
  const before = await hash(input);
  const lines: string[] = [];
  const out = path.join(dir, ext, 'scored.xlsx');
  const code = await run(['score', input, '--out', out, '--report', path.join(dir, ext, 'report.json')], { out: (s) => lines.push(s), err: (s) => lines.push(s) });
  expect(code).toBe(1); // the sample's deliberately wrong entry
  expect(lines.join('')).toContain(`转换为 ${path.join(dir, ext, 'sample-2024（转换）.xlsx')}（原文件未改动）`);
  await fs.access(path.join(dir, ext, 'sample-2024（转换）.xlsx'));
  expect(await hash(input)).toBe(before);

  await run(['score', SAMPLE, '--report', path.join(dir, ext, 'xlsx-report.json')], quiet);
  const fromXlsx = JSON.parse(await fs.readFile(path.join(dir, ext, 'xlsx-report.json'), 'utf8')) as Report;
  const converted = JSON.parse(await fs.readFile(path.join(dir, ext, 'report.json'), 'utf8')) as Report;
  expect(summary(converted)).toEqual(summary(fromXlsx));
}, 240_000);
