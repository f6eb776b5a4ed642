/**
 * Issue 13, points 6 and 13 in the web version: replacing the workbook (dropped anywhere in the window,
 * or chosen with the file picker), downloading, or leaving the page with work not saved or not
 * downloaded asks first. Chromium on the browser build (dist/preview).
 */
import { promises as fs } from 'fs';
import path from 'path';
import type { Browser, JSHandle, Page } from 'playwright-core';
import { launch, openSample, ROOT, SAMPLE, serve, shot } from './browser';

/** The focused control by its accessible name (the header's buttons show short texts once a workbook is open). */
const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let page: Page;
let errors: string[];
/** The browser's own dialogs shown (each dismissed). */
let dialogs: string[];

beforeAll(async () => {
  server = await serve(path.join(ROOT, 'dist', 'preview'));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
/** A page on the sample; `oldChromium` takes preventDefault away from beforeunload, as Chromium before 119 (360 browser) had it. */
async function open(width = 350, oldChromium = false): Promise<void> {
  page = await browser.newPage({ acceptDownloads: true, viewport: { width, height: 800 }, locale: 'zh-CN' });
  errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.dismiss();
  });
  if (oldChromium) await page.addInitScript(() => void (BeforeUnloadEvent.prototype.preventDefault = () => undefined));
  await openSample(page, server.url);
}
afterEach(async () => {
  if (!page.isClosed()) await page.close();
  expect(errors).toEqual([]);
});

/** The sample as a file being dragged, named `name`. */
async function dragged(name: string): Promise<JSHandle<DataTransfer>> {
  const bytes = (await fs.readFile(SAMPLE)).toString('base64');
  return page.evaluateHandle(
    ([b64, file]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], file, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      return dt;
    },
    [bytes, name],
  );
}

/** A score typed in 现场评分 and not saved. */
async function typeUnsaved(): Promise<void> {
  await page.getByRole('button', { name: '现场评分：张庄村' }).click();
  await page.getByLabel(/单元格 E5$/).click();
  await page.keyboard.type('4');
  await page.getByText('“现场评分”有 1 处未保存').waitFor();
}

const dialogText = () => page.getByRole('alertdialog').innerText();

test('an unsaved score: dropping a workbook on the header asks, naming the unsaved change; 取消 keeps it', async () => {
  await open();
  await typeUnsaved();
  const header = page.locator('header');
  const transfer = await dragged('另一个.xlsx');
  await header.dispatchEvent('dragenter', { dataTransfer: transfer });
  await page.locator('[data-kaohe-drop]').waitFor();
  await header.dispatchEvent('drop', { dataTransfer: transfer });
  await page.getByRole('alertdialog').waitFor();
  expect(await dialogText()).toContain('“现场评分”中有 1 处修改尚未保存；打开另一个工作簿后，这些修改将丢失。要保留它们，请取消，先在“现场评分”中保存，再下载。');
  // Downloading first would not keep a score not saved: not offered.
  expect(await page.getByRole('button', { name: '先下载当前工作簿' }).count()).toBe(0);
  await shot(page, '13-6-未保存时替换先询问');
  await page.getByRole('button', { name: '取消' }).click();
  await page.getByRole('alertdialog').waitFor({ state: 'detached' });
  expect(await page.getByLabel(/单元格 E5$/).inputValue()).toBe('4');
  expect(await page.getByText('sample-2024.xlsx').count()).toBe(1);
});

test('an unsaved score: choosing another workbook with the file picker asks too; 不保存，直接打开 replaces it', async () => {
  await open();
  await typeUnsaved();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '打开工作簿…' }).click()]);
  await chooser.setFiles({ name: '另一个.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await fs.readFile(SAMPLE) });
  await page.getByRole('alertdialog').waitFor();
  expect(await dialogText()).toContain('“现场评分”中有 1 处修改尚未保存');
  await shot(page, '13-6-文件选择时先询问');
  await page.getByRole('button', { name: '取消' }).click();
  await page.getByRole('alertdialog').waitFor({ state: 'detached' });
  expect(await page.getByText('sample-2024.xlsx').count()).toBe(1);
  expect(await focusedName()).toBe('打开工作簿…');
  const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '打开工作簿…' }).click()]);
  await again.setFiles({ name: '另一个.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await fs.readFile(SAMPLE) });
  await page.getByRole('button', { name: '不保存，直接打开' }).click();
  await page.getByText('另一个.xlsx').waitFor();
  await page.getByText('找到 10 个单位的评分表').waitFor();
  expect(await page.getByText(/“现场评分”有 \d+ 处未保存/).count()).toBe(0);
  // The dialog gone and the workbook replaced, the focus is back on 打开…, not on <body>.
  await page.waitForFunction(() => document.activeElement !== document.body, undefined, { timeout: 3000 });
  expect(await focusedName()).toBe('打开工作簿…');
});

test('opening a workbook by keyboard leaves the focus on 打开…, not on <body>', async () => {
  page = await browser.newPage({ viewport: { width: 350, height: 800 }, locale: 'zh-CN' });
  errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.getByText('请打开一个考核评分表工作簿').waitFor();
  await page.getByRole('button', { name: '打开工作簿…' }).focus();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  await chooser.setFiles(SAMPLE);
  await page.getByText('找到 10 个单位的评分表').waitFor();
  await page.waitForFunction(() => document.activeElement !== document.body, undefined, { timeout: 3000 });
  expect(await focusedName()).toBe('打开工作簿…');
});

test('下载工作簿 with an unsaved score asks 仍然下载？: 取消 downloads nothing, 仍然下载 downloads', async () => {
  await open();
  await typeUnsaved();
  let downloads = 0;
  page.on('download', () => downloads++);
  const download = page.getByRole('button', { name: '下载工作簿' });
  await download.click();
  await page.getByRole('alertdialog', { name: '仍然下载？' }).waitFor();
  expect(await dialogText()).toContain('“现场评分”中有 1 处修改尚未保存，下载的工作簿中不含这些修改。');
  await shot(page, '13-6-未保存时下载先询问');
  await page.getByRole('button', { name: '取消' }).click();
  await page.getByRole('alertdialog').waitFor({ state: 'detached' });
  expect(await focusedName()).toBe('下载工作簿');
  expect(downloads).toBe(0);
  await download.click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '仍然下载' }).click()]);
  expect(file.suggestedFilename()).toBe('sample-2024-已评分.xlsx');
});

/** Reloads the page and tells whether the browser asked first (the dialog is dismissed: the page stays). */
async function leaveAsks(): Promise<boolean> {
  const before = dialogs.length;
  const loaded = page.waitForEvent('load', { timeout: 3000 }).then(
    () => true,
    () => false,
  );
  void page.reload().catch(() => undefined);
  const reloaded = await loaded;
  const asked = dialogs.slice(before).includes('beforeunload');
  expect(reloaded).toBe(!asked);
  return asked;
}

test('leaving the page asks first with work not saved or not downloaded, also where beforeunload ignores preventDefault (Chromium < 119, 360 browser)', async () => {
  for (const oldChromium of [false, true]) {
    await open(350, oldChromium);
    // Nothing to lose: the page reloads without asking.
    expect(await leaveAsks()).toBe(false);
    await page.getByText('找到 10 个单位的评分表').waitFor({ state: 'detached' });
    await page.locator('input[type=file]').setInputFiles(SAMPLE);
    await page.getByText('找到 10 个单位的评分表').waitFor();
    await typeUnsaved();
    expect(await leaveAsks()).toBe(true);
    // Dismissed: the page and the typed score stay.
    expect(await page.getByLabel(/单元格 E5$/).inputValue()).toBe('4');
    // Saved but not downloaded: still asks.
    await page.keyboard.press('Control+Enter');
    await page.getByText('已修改，尚未下载').waitFor();
    expect(await leaveAsks()).toBe(true);
    await page.close();
  }
});

test('the whole window is the drop target: a workbook dropped beside the pane (outside <main>, 1280 px) shows the full-window feedback and opens', async () => {
  await open(1280);
  const main = (await page.locator('main').boundingBox())!;
  expect(main.x).toBeGreaterThan(100);
  // The page beside the pane, far left of <main>.
  const beside = await page.evaluateHandle(() => document.elementFromPoint(40, 400) as HTMLElement);
  expect(await beside.evaluate((el) => el.closest('main') === null && el.closest('#root') !== null)).toBe(true);
  const transfer = await dragged('另一个.xlsx');
  await beside.dispatchEvent('dragenter', { dataTransfer: transfer });
  const feedback = page.locator('[data-kaohe-drop]');
  await feedback.waitFor();
  // The feedback covers the whole window, with its words in view.
  expect(await feedback.boundingBox()).toEqual({ x: 0, y: 0, width: 1280, height: 800 });
  await feedback.getByText('松开鼠标，打开此工作簿').waitFor();
  await shot(page, '13-6-拖放到页面空白处');
  await beside.dispatchEvent('drop', { dataTransfer: transfer });
  await feedback.waitFor({ state: 'detached' });
  await page.getByText('另一个.xlsx').waitFor();
  await page.getByText('找到 10 个单位的评分表').waitFor();
});
