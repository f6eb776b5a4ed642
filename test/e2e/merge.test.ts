/**
 * 合并评分 end to end in the browser preview (dist/preview, `npm run build:preview`) in Debian's
 * Chromium: open the master, choose two 考核组 copies with the file picker (read in the page,
 * ExcelJS loaded on demand), decide the conflicts, write, download, and check that the downloaded
 * workbook is what `kaohe merge --prefer 第一组.xlsx` writes. Screenshots go to test-results/e2e/.
 *
 * Needs: apt-get install -y chromium fonts-noto-cjk
 */
import { execFileSync } from 'child_process';
import { promises as fs, existsSync } from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import { chromium, type Browser } from 'playwright-core';
import { run } from '../../src/cli/main';
import { XlsxHost } from '../../src/host/xlsxHost';
import type { Grid } from '../../src/sheet/grid';
import { groupOne, groupTwo, masterFile } from '../merge/scenario';
import { xlsxOf } from '../merge/support';

const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist', 'preview');
const SHOTS = path.join(ROOT, 'test-results', 'e2e');
const CHROMIUM = '/usr/bin/chromium';

let server: http.Server;
let browser: Browser;
let url: string;
let dir: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error('Chromium 未安装：apt-get install -y chromium fonts-noto-cjk');
  if (!execFileSync('fc-list', { encoding: 'utf8' }).includes('Noto Sans CJK')) throw new Error('中文字体未安装：apt-get install -y fonts-noto-cjk');
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('预览版尚未构建：先运行 npm run build:preview');
  server = http.createServer(async (req, res) => {
    const file = path.join(DIST, decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/$/, '/index.html'));
    if (!file.startsWith(DIST) || !existsSync(file)) return void res.writeHead(404).end();
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(await fs.readFile(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-e2e-merge-'));
  await fs.mkdir(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

const values = (g: Grid) => g.rows.map((r) => r.map((v) => (v === '' ? null : v))).map((r) => {
  while (r.length && r[r.length - 1] === null) r.pop();
  return r;
});

test('merge two copies in the browser: the same workbook as kaohe merge', async () => {
  const files = [masterFile(), groupOne(), groupTwo()];
  const paths = files.map((f) => path.join(dir, f.name));
  for (const [i, f] of files.entries()) await fs.writeFile(paths[i], await xlsxOf(f.grids));
  const io = { out: () => undefined, err: () => undefined };
  expect(await run(['merge', ...paths, '--out', path.join(dir, 'cli.xlsx'), '--prefer', '第一组.xlsx'], io)).toBe(1);

  const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 360, height: 900 }, locale: 'zh-CN' });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  await page.locator('input[type=file]').first().setInputFiles(paths[0]);
  await page.getByText('找到 5 个单位的评分表').waitFor();
  await page.getByRole('tab', { name: '合并评分' }).click();
  await page.getByLabel('选择考核组副本').setInputFiles(paths.slice(1));
  await page.getByText('第二组.xlsx：可以合并').waitFor();
  await page.getByText('冲突（2 处未决定）').waitFor();
  await page.screenshot({ path: path.join(SHOTS, '5-合并评分.png'), fullPage: true, animations: 'disabled' });

  await page.getByRole('group', { name: '冲突 张庄村 E5' }).getByRole('radio', { name: '采用 第一组.xlsx 的 5' }).check();
  await page.getByRole('group', { name: '冲突 陈楼村 E5' }).getByRole('radio', { name: '采用 第一组.xlsx 的 4' }).check();
  await page.getByText('冲突（已全部决定）').waitFor();
  await page.getByRole('button', { name: '写入当前工作簿' }).click();
  await page.getByText('已合并 2 个副本').waitFor();
  await page.getByText('没有需要写入的内容：副本中的评分都已在当前工作簿中。').waitFor();
  await page.screenshot({ path: path.join(SHOTS, '6-合并评分-已写入.png'), fullPage: true, animations: 'disabled' });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载工作簿' }).click()]);
  const saved = path.join(dir, 'browser.xlsx');
  await download.saveAs(saved);
  const browserGrids = await (await XlsxHost.fromBuffer(await fs.readFile(saved), 'browser.xlsx')).readGrids();
  const cliGrids = await (await XlsxHost.fromBuffer(await fs.readFile(path.join(dir, 'cli.xlsx')), 'cli.xlsx')).readGrids();
  expect(browserGrids.map((g) => g.name)).toEqual(cliGrids.map((g) => g.name));
  for (const g of cliGrids) expect({ sheet: g.name, values: values(browserGrids.find((b) => b.name === g.name)!) }).toEqual({ sheet: g.name, values: values(g) });
  expect(problems).toEqual([]);
  await page.close();
});
