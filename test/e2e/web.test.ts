/**
 * The single-file web version (dist/web/考核助手.html, `npm run build:web`) opened from file:// in
 * Debian's Chromium with the network blocked: it makes no request and does the three jobs — the
 * clerk checks the workbook, the assessor scores on site (and records a deduction), the clerk
 * ranks, writes the outputs and downloads the scored copy — opened by the picker and by a drop.
 */
import { existsSync, promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { pathToFileURL } from 'url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { scoreAssessment } from '../../src/app/scoreAssessment';
import { openWorkbookFile } from '../../src/host/xlsxFile';
import { launch, ROOT, SAMPLE, shot } from './browser';

const HTML = path.join(ROOT, 'dist', 'web', '考核助手.html');
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  if (!existsSync(HTML)) throw new Error('网页版尚未构建：先运行 npm run build:web');
  browser = await launch();
  context = await browser.newContext({ acceptDownloads: true, viewport: { width: 350, height: 800 }, locale: 'zh-CN', offline: true });
  // Anything but the page itself is refused (and recorded).
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === pathToFileURL(HTML).href) return route.continue();
    requests.push(url);
    return route.abort();
  });
  page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
});
afterAll(async () => {
  await browser?.close();
});

test('is one self-contained file', async () => {
  const html = await fs.readFile(HTML, 'utf8');
  expect(await fs.readdir(path.dirname(HTML))).toEqual(['考核助手.html']);
  // No script, style sheet or image is fetched: no src= or href= other than inline data.
  expect(html.match(/<script[^>]*\ssrc=/gi)).toBeNull();
  expect(html.match(/<link[^>]*href="(?!data:)/gi)).toBeNull();
});

test('from file:// with the network blocked: zero requests, and check, score, record, rank, outputs, download', async () => {
  const url = pathToFileURL(HTML).href;
  await page.goto(url);
  await page.getByText('请打开一个考核评分表工作簿').waitFor();
  expect(await page.getByRole('button', { name: '试用示例工作簿' }).count()).toBe(0);

  // 1 · The clerk checks the workbook, opened by the file picker.
  await page.locator('input[type=file]').setInputFiles(SAMPLE);
  await page.getByText('找到 10 个单位的评分表').waitFor();
  await page.getByText('得分 6 超过分值 5').waitFor();
  await page.getByText(/信访台账 \d+ 件信访事项；扣分明细 \d+ 条记录/).waitFor();
  await shot(page, '13-web-1-检查');

  // 2 · The assessor scores on site by keyboard: 刘湾村 E4 from the diagnostic, a deduction recorded for 李家村.
  await page.getByRole('button', { name: /刘湾村 E4.*得分 6 超过分值 5/ }).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('5');
  await page.keyboard.press('Control+Enter');
  await page.getByText('已保存 刘湾村 的得分').waitFor();
  const combo = page.getByRole('combobox', { name: '被考核单位' });
  await combo.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('李家');
  await page.keyboard.press('Enter');
  await page.getByRole('form', { name: '现场评分：李家村' }).waitFor();
  await page.getByLabel(/单元格 E7$/).click();
  await page.keyboard.press('Alt+J');
  await page.getByLabel('本条记录的原因（写入扣分明细）').fill('7月上旬排查未开展');
  await page.getByLabel('记录人').fill('王组员');
  await page.keyboard.press('Enter');
  await page.getByText('已记入扣分明细：李家村 开展矛盾纠纷排查情况').waitFor();
  // 孙庄村's one blank item, so nothing keeps the results from being final.
  await combo.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('孙庄');
  await page.keyboard.press('Enter');
  await page.getByRole('form', { name: '现场评分：孙庄村' }).waitFor();
  await page.getByLabel(/单元格 E26$/).click();
  await page.keyboard.type('5');
  await page.keyboard.press('Control+Enter');
  await page.getByText('已保存 孙庄村 的得分').waitFor();
  await shot(page, '13-web-2-现场评分');

  // 3 · The clerk ranks, writes the outputs (nothing blank or wrong left: not asked, not a draft) and downloads.
  await page.getByRole('tab', { name: '计算排名' }).click();
  expect(await page.getByText(/结果尚不能作为正式结果/).count()).toBe(0);
  await page.getByRole('checkbox', { name: /正式结果/ }).check();
  await page.getByRole('button', { name: '计算排名并写入工作簿' }).click();
  await page.getByText(/已写入总分，并生成汇总排名/).waitFor();
  await shot(page, '13-web-3-排名');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载工作簿' }).click()]);
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-web-')), download.suggestedFilename());
  await download.saveAs(file);
  expect(download.suggestedFilename()).toBe('sample-2024-已评分.xlsx');
  const grids = await (await openWorkbookFile(file)).readGrids();
  const sheet = (name: string) => grids.find((g) => g.name === name)!;
  expect(sheet('刘湾村').rows[3][4]).toBe(5);
  expect(grids.map((g) => g.name)).toEqual(expect.arrayContaining(['汇总排名', '考核结果通报', '张庄村签字表']));
  expect(sheet('汇总排名').rows.slice(0, 3).flat().join('')).not.toMatch(/草稿/);
  expect(sheet('扣分明细').rows.some((r) => r.includes('7月上旬排查未开展') && r.includes('王组员'))).toBe(true);
  expect(scoreAssessment(grids).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

  // The downloaded copy opens again by a drop anywhere on the page (after downloading: nothing to ask).
  const transfer = await page.evaluateHandle((b64) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], '已评分.xlsx'));
    return dt;
  }, (await fs.readFile(file)).toString('base64'));
  await page.locator('main').dispatchEvent('drop', { dataTransfer: transfer });
  await page.getByText('已评分.xlsx').waitFor();
  await page.getByText('找到 10 个单位的评分表').waitFor();

  // Nothing but the page itself was requested (the worker runs from an in-memory blob: URL).
  expect(requests.filter((r) => r !== url && !r.startsWith('blob:'))).toEqual([]);
  expect(errors).toEqual([]);
});
