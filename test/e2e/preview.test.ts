/**
 * The pane end to end, in a real browser: the preview (dist/preview, built by `npm run
 * build:preview`) in Debian's Chromium. Open the bundled sample, see its units and diagnostics,
 * correct the entry error in 现场评分, rank with both settings, download, and check the
 * downloaded workbook with the ExcelJS host. Screenshots of each section go to test-results/e2e/.
 *
 * Needs: apt-get install -y chromium fonts-noto-cjk
 */
import { execFileSync } from 'child_process';
import { promises as fs, existsSync } from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { scoreAssessment } from '../../src/app/scoreAssessment';
import { readSettings } from '../../src/app/settings';
import { openWorkbookFile } from '../../src/host/xlsxFile';

const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist', 'preview');
const SAMPLE = path.join(ROOT, 'examples', 'sample-2024.xlsx');
const SHOTS = path.join(ROOT, 'test-results', 'e2e');
const CHROMIUM = '/usr/bin/chromium';

let server: http.Server;
let browser: Browser;
let page: Page;
let url: string;
let downloads: string;

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
  page = await browser.newPage({ acceptDownloads: true, viewport: { width: 360, height: 900 }, locale: 'zh-CN' });
  downloads = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-e2e-'));
  await fs.mkdir(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (downloads) await fs.rm(downloads, { recursive: true, force: true });
});

const shot = (name: string, fullPage = true) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage, animations: 'disabled' });

test('open the sample, correct the error on site, rank both ways, download, and the workbook holds exactly that', async () => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  await page.getByText('请打开一个考核评分表工作簿').waitFor();
  await page.locator('input[type=file]').setInputFiles(SAMPLE);

  // 评分表: the units and the diagnostics, the entry error among them.
  await page.getByText('找到 10 个单位的评分表').waitFor();
  await page.getByText('得分 6 超过分值 5').waitFor();
  expect(await page.getByRole('row').count()).toBeGreaterThanOrEqual(11);
  await shot('1-评分表');

  // 现场评分, from the diagnostic: the field opens with the cursor in it; 6 is refused as typed, 5 is
  // typed and saved with the keyboard alone.
  await page.getByRole('button', { name: /刘湾村 E4.*得分 6 超过分值 5/ }).click();
  const e4 = page.getByLabel(/单元格 E4$/);
  await page.getByRole('form', { name: '现场评分：刘湾村' }).waitFor();
  await expect(e4.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await expect(e4.inputValue()).resolves.toBe('6');
  await page.getByText('不能超过分值 5').first().waitFor();
  const save = page.getByRole('button', { name: '保存 刘湾村 的得分' });
  expect(await save.isDisabled()).toBe(true);
  // Large enough for a finger: the score field and the save button are at least 40 px high.
  expect((await e4.boundingBox())!.height).toBeGreaterThanOrEqual(38);
  expect((await save.boundingBox())!.height).toBeGreaterThanOrEqual(38);
  await shot('2-现场评分-拒绝无效得分', false);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('5');
  await page.getByText('有 1 处修改未保存').waitFor();
  expect(await save.isDisabled()).toBe(false);
  await page.keyboard.press('Control+Enter');
  await page.getByText('已保存 刘湾村 的得分').waitFor();
  await page.getByText('没有未保存的修改').waitFor();
  await shot('2-现场评分');

  // 计算排名: competition first, then dense; the table follows the settings.
  await page.getByRole('tab', { name: '计算排名' }).click();
  await page.getByRole('radio', { name: /竞赛排名/ }).check();
  // With 刘湾村 corrected (86): 张庄村 99, 周口居委会 88, 刘湾村 86, 前营村 85, 李家村 = 王庄村 82.5, 陈楼村 80.
  const ranks = async () => (await page.getByRole('table', { name: '排名结果' }).getByRole('row').allInnerTexts()).slice(1, 8);
  expect((await ranks()).map((r) => r.split('\t')[0])).toEqual(['1', '2', '3', '4', '5', '5', '7']);
  // 孙庄村 still has an item not scored: the pane says the results are not final and asks before a draft.
  await page.getByText(/结果尚不能作为正式结果.*1 个问题/).waitFor();
  await page.getByText('孙庄村有 1 项未评分（E26）').waitFor();
  await page.getByRole('button', { name: '计算排名并写入工作簿' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '写入草稿' }).click();
  await page.getByText(/已写入总分，并生成汇总排名.*（草稿）/).waitFor();
  await page.getByRole('radio', { name: /中国式排名/ }).check();
  expect((await ranks()).map((r) => r.split('\t')[0])).toEqual(['1', '2', '3', '4', '5', '5', '6']);
  await page.getByRole('button', { name: '计算排名并写入工作簿' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '写入草稿' }).click();
  await page.getByText(/已写入总分，并生成汇总排名/).waitFor();
  await page.getByRole('button', { name: /^李家村：\d+ 条/ }).click();
  await page.getByText('（6月下旬排查未开展）', { exact: false }).waitFor();
  await shot('3-计算排名');

  // 办理台账: the case register as of the assessment date; names never shown.
  await page.getByRole('tab', { name: '办理台账' }).click();
  await page.getByText('共 40 件，已办结 30 件，按期办结率 65.6%，结案率 75%').waitFor();
  expect(await page.getByRole('list', { name: '逾期未办结' }).innerText()).toContain('XF2024-027 杨店社区 到期日 2024-10-23 已超期 58 日');
  expect(await page.locator('body').innerText()).not.toMatch(/某子|某丑|某寅|某卯/);
  await shot('5-办理台账');

  // The same pane in a dark system theme (the preview follows it as the pane follows Office's).
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('tab', { name: '评分表' }).click();
  await shot('4-评分表-深色', false);
  await page.emulateMedia({ colorScheme: 'light' });

  // Download and check with the ExcelJS host.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载工作簿' }).click()]);
  const file = path.join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  expect(download.suggestedFilename()).toBe('sample-2024-已评分.xlsx');
  const grids = await (await openWorkbookFile(file)).readGrids();
  const sheet = (name: string) => grids.find((g) => g.name === name)!;
  expect(sheet('刘湾村').rows[3][4]).toBe(5);
  expect(sheet('张庄村').rows[35][4]).toBe(99);
  expect(sheet('刘湾村').rows[35][4]).toBe(86); // 81 with E4 counted 0, now 5 more
  expect(readSettings(grids).settings.score.ranking).toBe('dense');
  expect(grids.map((g) => g.name)).toEqual(expect.arrayContaining(['汇总排名', '考核结果通报', '张庄村签字表']));
  const result = scoreAssessment(grids);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  // Nothing else of the sample changed: every original sheet reads the same apart from the cells written.
  const original = await (await openWorkbookFile(SAMPLE)).readGrids();
  for (const g of original) {
    const now = sheet(g.name);
    g.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const written = (g.name === '刘湾村' && r === 3 && c === 4) || (v === null && now.rows[r]?.[c] !== null);
        if (!written) expect([g.name, r, c, now.rows[r]?.[c] ?? null]).toEqual([g.name, r, c, v]);
      }),
    );
  }
  expect(problems).toEqual([]);
});
