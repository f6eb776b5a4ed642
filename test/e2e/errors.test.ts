/**
 * Issue 13, point 3 for errors: a failed action says so beside its button, takes the focus (an alert),
 * and states the next step; and the record form's once-only rule cannot be given a count of 2.
 * Chromium on the browser build (dist/preview) at 350 px.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import type { Page } from 'playwright-core';
import { openWorkbookFile, writeWorkbookFile } from '../../src/host/xlsxFile';
import { openSample, SAMPLE, shot } from './browser';
import { previewPage } from './support/previewPage';

const preview = previewPage({ open: false });
let page: Page;
beforeEach(() => {
  page = preview.page();
});

const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName);

test('a record that cannot be written (扣分明细 without its header) is said beside 添加记录, takes the focus and says what to do next', async () => {
  // The sample, with the header of its 扣分明细 typed over: a clerk's workbook as it may come.
  const host = await openWorkbookFile(SAMPLE);
  const header = ['单位', '考核项目', '扣分因素', '次数', '扣(加)分', '原因', '记录人', '日期'];
  await host.apply({ cells: header.map((_, c) => ({ sheet: '扣分明细', cell: `${String.fromCharCode(65 + c)}1`, value: `第${c + 1}栏` })) });
  const broken = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-e2e-')), '表头被改.xlsx');
  await writeWorkbookFile(host, broken);
  await page.goto(preview.url());
  await page.locator('input[type=file]').setInputFiles(broken);
  await page.getByText('找到 10 个单位的评分表').waitFor();

  await page.getByRole('button', { name: '现场评分：李家村' }).click();
  await page.getByLabel(/单元格 E7$/).click();
  await page.keyboard.press('Alt+J');
  await page.getByLabel('本条记录的原因（写入扣分明细）').fill('7月上旬排查未开展');
  const add = page.getByRole('button', { name: '添加记录' });
  await add.click();
  const alert = page.getByRole('alert').filter({ hasText: '未能添加记录' });
  await alert.waitFor();
  // What failed and why, with the next step.
  const text = await alert.innerText();
  expect(text).toContain('工作表“扣分明细”缺少扣分明细的表头（单位、考核项目），无法添加记录');
  expect(text).toContain('下一步：按上面的说明处理后，再点“添加记录”');
  expect(text).not.toMatch(/操作未完成|\br\d\b/);
  // Beside the button: right under it, on screen, and the focus is in it (read out as an alert).
  const [button, message] = [(await add.boundingBox())!, (await alert.boundingBox())!];
  expect(message.y).toBeGreaterThanOrEqual(button.y + button.height);
  expect(message.y - (button.y + button.height)).toBeLessThan(60);
  expect(message.y + message.height).toBeLessThanOrEqual(800);
  expect(await page.evaluate(() => document.activeElement?.closest('[role=alert]') !== null && document.activeElement?.closest('[aria-live]') !== null)).toBe(true);
  await shot(page, '13-3-错误在按钮旁');
  // Nothing typed is lost: the form stays open with the reason.
  expect(await page.getByLabel('本条记录的原因（写入扣分明细）').inputValue()).toBe('7月上旬排查未开展');
  await alert.getByRole('button', { name: '知道了' }).click();
  expect(await focusedLabel()).toMatch(/单元格 E7$/);
});

test('a once-only rule has no count to type: 2 typed for a counted rule is not carried over, and a second record of it is refused beforehand', async () => {
  await openSample(page, preview.url());
  await page.getByRole('button', { name: '现场评分：李家村' }).click();
  const e5 = page.getByLabel(/单元格 E5$/);
  await e5.click();
  await page.keyboard.press('Alt+J');
  const form = page.getByRole('group', { name: /落实领导包案制度情况.* 记录扣分$/ });
  await form.waitFor();
  // The counted rule takes 2 …
  await form.getByLabel('次数').fill('2');
  // … the once-only one (对信访人包保情况…没有扣5分) offers no count at all.
  await form.getByLabel('扣分因素').selectOption({ label: '对信访人包保情况(查会议记录或包保表)没有扣5分' });
  expect(await form.getByLabel('次数').count()).toBe(0);
  await shot(page, '13-3-只计一次无次数');
  await form.getByLabel('本条记录的原因（写入扣分明细）').fill('无包保表');
  await form.getByRole('button', { name: '添加记录' }).click();
  await page.getByText(/已记入扣分明细：李家村/).waitFor();
  // Recorded once (no ×2), 5 − 5 = 0, and no error.
  await page.getByText('对信访人包保情况(查会议记录或包保表)没有扣5分：-5 分（无包保表），见扣分明细', { exact: false }).waitFor();
  expect(await e5.inputValue()).toBe('0');
  expect(await page.getByRole('alert').count()).toBe(0);
  await page.getByRole('button', { name: '知道了' }).click();

  // Recording it again: said in the form before anything is written; Enter does not add it.
  await e5.click();
  await page.keyboard.press('Alt+J');
  await form.getByLabel('扣分因素').selectOption({ label: '对信访人包保情况(查会议记录或包保表)没有扣5分' });
  await form.getByText('这一条只计一次，已经记录过了；如需更正，请在“扣分明细”工作表中修改那一行。').waitFor();
  expect(await form.getByRole('button', { name: '添加记录' }).getAttribute('aria-disabled')).toBe('true');
  await form.getByLabel('本条记录的原因（写入扣分明细）').fill('再记一次');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  expect(await page.getByText(/无包保表|再记一次/).filter({ hasText: '见扣分明细' }).count()).toBe(1);
  expect(await page.getByText(/只计一次，次数应为/).count()).toBe(0);
});
