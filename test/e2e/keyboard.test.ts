/**
 * Issue 13, points 9 and 10, in Debian's Chromium on the browser build (dist/preview) at a task
 * pane's 350 px: scoring by keyboard with every key press counted (the unit reached by keyboard and
 * found by its pinyin initials, reasons picked from suggestions), and the layout at 350 px — the
 * header of the web page and of the add-in (dist/pane, with a stand-in office.js) under 120 px.
 * Screenshots go to test-results/e2e/.
 */
import { existsSync, promises as fs } from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import type { Page } from 'playwright-core';
import { XlsxHost } from '../../src/host/xlsxHost';
import { ROOT, SAMPLE, shot } from './browser';
import { focusedName, previewPage } from './support/previewPage';

const session = previewPage();
const page = () => session.page();
const focused = () => focusedName(page());

/** Every key press counted: a key or a chord (Ctrl+Enter counts once), and each character typed. */
function keyCounter(p: Page) {
  let keys = 0;
  return {
    press: async (key: string) => {
      keys++;
      await p.keyboard.press(key);
    },
    type: async (text: string) => {
      keys += [...text].length;
      await p.keyboard.type(text);
    },
    count: () => keys,
  };
}

/** The sample's 张庄村, its 14 score stops in Enter order, what they hold, and the four that lost points (a reason each). */
const CELLS = ['E4', 'E5', 'E6', 'E7', 'E8', 'E18', 'E19', 'E20', 'E21', 'E22', 'E23', 'E24', 'E25', 'E26'];
const SAMPLE_VALUES: Record<string, string> = { E4: '5', E5: '5', E6: '5', E7: '4.5', E8: '30', E18: '10', E19: '5', E20: '5', E21: '5', E22: '5', E23: '4', E24: '4', E25: '5.5', E26: '4' };
/** Each reason is the item's first rule (扣分因素), picked with ↓ Enter. */
const REASONS: Record<string, string> = {
  E7: '每月排查两次并上报,缺一次扣1分',
  E23: '每缺一项资料扣1分,扣完为止',
  E25: '每缺一样,扣0.5分,扣完为止',
  E26: '如回答对政法机关不满意的,每例扣一分',
};
/** Items computed from the records (信访台账, 办理台账): the form shows their value, Enter accepts it. */
const COMPUTED = new Set(['E8', 'E18']);

/** From the page as it stands after opening (focus on <body>), by keyboard only: to the unit combobox, zzc, Enter. */
async function reachUnitByKeyboard(keys: ReturnType<typeof keyCounter>): Promise<void> {
  const p = page();
  // From where the page leaves the focus once the workbook is open: on 打开… (never on <body>).
  await p.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '打开工作簿…');
  const isSelectedTab = () => p.evaluate(() => document.activeElement?.getAttribute('role') === 'tab');
  for (let i = 0; i < 6 && !(await isSelectedTab()); i++) await keys.press('Tab');
  const entryTab = p.getByRole('tab', { name: '现场评分' });
  expect(await p.getByRole('tab', { name: '评分表' }).evaluate((el) => el === document.activeElement)).toBe(true);
  await keys.press('ArrowRight');
  expect(await entryTab.evaluate((el) => el === document.activeElement)).toBe(true);
  // The arrow moves the focus; Enter opens the section (unless the arrow already did).
  if ((await entryTab.getAttribute('aria-selected')) !== 'true') await keys.press('Enter');
  expect(await entryTab.getAttribute('aria-selected')).toBe('true');
  await keys.press('Tab');
  expect(await p.getByRole('combobox', { name: '被考核单位' }).evaluate((el) => el === document.activeElement)).toBe(true);
  await keys.type('zzc');
  await p.getByRole('option', { name: '张庄村' }).waitFor();
  expect(await p.getByRole('option').count()).toBe(1);
  await keys.press('Enter');
  await p.getByRole('form', { name: '现场评分：张庄村' }).waitFor();
}

/** Enter through 张庄村's scores, typing `typed[cell]` first where given; at a reason, ↓ Enter picks the first suggestion. */
async function scoreZhangzhuang(keys: ReturnType<typeof keyCounter>, typed: Record<string, string>): Promise<void> {
  const p = page();
  for (const cell of CELLS) {
    expect(await focused()).toMatch(new RegExp(`单元格 ${cell}$`));
    if (typed[cell] !== undefined) await keys.type(typed[cell]);
    expect(await p.getByLabel(new RegExp(`单元格 ${cell}$`)).inputValue()).toBe(SAMPLE_VALUES[cell]);
    await keys.press('Enter');
    if (!REASONS[cell]) continue;
    expect(await p.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    expect(await focused()).toMatch(/扣分原因$/);
    await keys.press('ArrowDown');
    await p.getByRole('listbox').waitFor();
    const active = await p.evaluate(() => {
      const id = document.activeElement?.getAttribute('aria-activedescendant');
      return id ? document.getElementById(id)?.textContent : null;
    });
    expect(active).toBe(REASONS[cell]);
    await keys.press('Enter');
    expect(await reasonOf(cell).inputValue()).toBe(REASONS[cell]);
  }
  await keys.press('Control+Enter');
  await p.getByText('已保存 张庄村 的得分').waitFor();
  await p.getByText('没有未保存的修改').waitFor();
  // What was picked is what was saved (read back from the notes it was written as).
  for (const [cell, reason] of Object.entries(REASONS)) expect(await reasonOf(cell).inputValue()).toBe(reason);
}

/** The reason field of the item whose score is in `cell`. */
const reasonOf = (cell: string) =>
  page()
    .locator('[data-kaohe-item-row]')
    .filter({ has: page().getByLabel(new RegExp(`单元格 ${cell}$`)) })
    .getByRole('combobox');

/** Opens the sample with 张庄村's typed scores emptied, through the file picker, and waits for the pane to have read it. */
async function openBlank(): Promise<void> {
  await page().getByLabel('打开 .xlsx 工作簿').setInputFiles(await blankSample());
  await page().getByText('张庄村空白.xlsx', { exact: true }).waitFor();
  await page().getByText('找到 10 个单位的评分表').waitFor();
}

/** The sample with 张庄村's typed scores emptied (E8 and E18 are blank already: the records compute them). */
async function blankSample(): Promise<string> {
  const host = await XlsxHost.fromBuffer(new Uint8Array(await fs.readFile(SAMPLE)), 'sample-2024.xlsx');
  await host.apply({ cells: CELLS.filter((c) => !COMPUTED.has(c)).map((cell) => ({ sheet: '张庄村', cell, value: null })) });
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-e2e-')), '张庄村空白.xlsx');
  await fs.writeFile(file, await host.toBytes());
  return file;
}

test('9 · confirming the sample’s 张庄村 with its four reasons by keyboard: every key counted, under 35', async () => {
  const keys = keyCounter(page());
  await reachUnitByKeyboard(keys);
  const reach = keys.count();
  await scoreZhangzhuang(keys, {});
  // 14 Enters, ↓ Enter per reason, Ctrl+Enter; before them the way to the unit (Tabs, →, Enter, Tab, zzc, Enter).
  expect(keys.count()).toBe(reach + CELLS.length + 2 * Object.keys(REASONS).length + 1);
  expect(keys.count()).toBeLessThan(35);
  // The figure the README gives (使用要点).
  expect(keys.count()).toBe(32);
  await shot(page(), '13-9-键盘确认张庄村');
  // The record buttons are not Tab stops: from the last score, Tab reaches the 加减分 fields at once.
  await page().getByLabel(/单元格 E26$/).click();
  await page().keyboard.press('Tab');
  await page().keyboard.press('Tab');
  expect(await focused()).toMatch(/加减分，单元格/);
});

test('9 · scoring 张庄村 from blank scores typed in full: every key counted; Enter never fills a score', async () => {
  await openBlank();
  const keys = keyCounter(page());
  await reachUnitByKeyboard(keys);
  const reach = keys.count();
  // Enter on a blank score moves on and leaves it blank; the assessor types each value.
  expect(await page().getByLabel(/单元格 E4$/).inputValue()).toBe('');
  const typed = Object.fromEntries(CELLS.filter((c) => !COMPUTED.has(c)).map((c) => [c, SAMPLE_VALUES[c]]));
  await scoreZhangzhuang(keys, typed);
  const characters = Object.values(typed).join('').length;
  expect(keys.count()).toBe(reach + characters + CELLS.length + 2 * Object.keys(REASONS).length + 1);
  // The figure the README gives (使用要点).
  expect(keys.count()).toBe(48);
  await shot(page(), '13-9-键盘输入空白张庄村');
});

test('9 · a blank score stays blank on Enter; ↑ or ↓ on a blank score gives full marks (a key the assessor pressed)', async () => {
  await openBlank();
  await page().getByRole('button', { name: '现场评分：张庄村' }).click();
  const e4 = page().getByLabel(/单元格 E4$/);
  await e4.click();
  await page().keyboard.press('Enter');
  expect(await e4.inputValue()).toBe('');
  expect(await focused()).toMatch(/单元格 E5$/);
  await page().keyboard.press('ArrowDown');
  expect(await page().getByLabel(/单元格 E5$/).inputValue()).toBe('5');
  await page().getByText('有 1 处修改未保存').waitFor();
});

test('9 · the reason picker: suggestions are the item’s rules and reasons used in this workbook; mouse and keyboard pick; typing (pinyin too) filters', async () => {
  const p = page();
  // A reason used for 李家村 E23, saved: it is offered for the same item of another unit.
  await p.getByRole('button', { name: '现场评分：李家村' }).click();
  await p.getByLabel(/单元格 E23$/).fill('3');
  await p.getByLabel(/综治工作资料.*扣分原因$/).fill('台账缺两项');
  await p.keyboard.press('Control+Enter');
  await p.getByText('已保存 李家村 的得分').waitFor();

  await p.getByRole('combobox', { name: '被考核单位' }).click();
  await p.getByRole('option', { name: '张庄村' }).click();
  const reason = p.getByLabel(/综治工作资料.*扣分原因$/);
  await reason.fill('');
  // By mouse: a click opens the list (a listbox of options), a click on one takes it, the focus stays.
  await reason.click();
  const list = p.getByRole('listbox');
  await list.waitFor();
  expect(await reason.getAttribute('role')).toBe('combobox');
  expect(await reason.getAttribute('aria-expanded')).toBe('true');
  const options = await list.getByRole('option').allInnerTexts();
  expect(options[0]).toBe('每缺一项资料扣1分,扣完为止');
  expect(options).toContain('台账缺两项');
  await shot(p, '13-9-扣分原因建议');
  await list.getByRole('option', { name: '台账缺两项' }).click();
  expect(await reason.inputValue()).toBe('台账缺两项');
  await list.waitFor({ state: 'hidden' });
  expect(await focused()).toMatch(/扣分原因$/);
  // By keyboard: typed pinyin initials filter the list (tz → 台账缺两项), ↓ shows it, Enter takes it and moves on.
  await reason.fill('');
  await p.keyboard.type('tz');
  await list.waitFor();
  expect(await list.getByRole('option').allInnerTexts()).toEqual(['台账缺两项']);
  await p.keyboard.press('ArrowDown');
  await p.keyboard.press('Enter');
  expect(await reason.inputValue()).toBe('台账缺两项');
  expect(await focused()).toMatch(/单元格 E24$/);
  // What is typed and not chosen stays as typed: Enter after typing keeps it.
  await reason.click();
  await reason.fill('');
  await p.keyboard.type('zl');
  await p.keyboard.press('Enter');
  expect(await reason.inputValue()).toBe('zl');
});

test('9 · 拼音首字母 in the unit combobox: typed initials filter, a click or Enter chooses', async () => {
  const p = page();
  await p.getByRole('tab', { name: '现场评分' }).click();
  const combo = p.getByRole('combobox', { name: '被考核单位' });
  await combo.click();
  await p.keyboard.type('ljc');
  await p.getByRole('option', { name: '李家村' }).waitFor();
  expect(await p.getByRole('option').allInnerTexts()).toEqual(['李家村']);
  await shot(p, '13-9-拼音首字母');
  await p.getByRole('option', { name: '李家村' }).click();
  await p.getByRole('form', { name: '现场评分：李家村' }).waitFor();
  // Whole syllables find too: zhangzhuang → 张庄村.
  await combo.click();
  await p.keyboard.press('Control+A');
  await p.keyboard.type('zhangzhuang');
  expect(await p.getByRole('option').allInnerTexts()).toEqual(['张庄村']);
  await p.keyboard.press('Enter');
  await p.getByRole('form', { name: '现场评分：张庄村' }).waitFor();
  expect(await focused()).toMatch(/单元格 E4$/);
});

/** Everything above a section's content: from the top of the page to the bottom of the tab list. */
const aboveContent = (p: Page) => p.evaluate(() => (document.querySelector('[role=tablist]') as HTMLElement).getBoundingClientRect().bottom + scrollY);

test('10 · 350 px, web version: the page’s row and the tabs (two rows) take under 120 px, unsaved work included', async () => {
  const p = page();
  expect(await aboveContent(p)).toBeLessThan(120);
  // The longest state: 现场评分（未保存） on its tab, the unsaved count in the file row.
  await p.getByRole('button', { name: '现场评分：张庄村' }).click();
  await p.getByLabel(/单元格 E5$/).fill('4');
  await p.getByText('“现场评分”有 1 处未保存').waitFor();
  expect(await aboveContent(p)).toBeLessThan(120);
  // The file row's texts are whole on screen or cut with an ellipsis inside it, never past the page.
  expect(await p.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  await p.evaluate(() => scrollTo(0, 0));
  await shot(p, '13-10-350px-页头');
});

test('10 · 350 px: nothing wider than its card, numbers right-aligned, totals and bands on one line, no jump while typing', async () => {
  const p = page();
  for (const tab of ['评分表', '现场评分', '计算排名']) {
    await p.getByRole('tab', { name: tab }).click();
    if (tab === '现场评分') {
      await p.getByRole('combobox', { name: '被考核单位' }).click();
      await p.getByRole('option', { name: '李家村' }).click();
      await p.getByLabel(/单元格 E7$/).click();
      await p.keyboard.press('Alt+J');
    }
    if (tab === '计算排名') {
      // Every settings field open: 通报设置 and 责任金与奖励 (a row per role) fit the pane too.
      await p.getByRole('button', { name: /通报设置/ }).click();
      await p.getByRole('button', { name: /责任金与奖励/ }).click();
      await p.getByRole('group', { name: '责任金第 1 行' }).waitFor();
    }
    const wide = await p.evaluate(() => {
      const out: string[] = [];
      if (document.documentElement.scrollWidth > innerWidth) out.push(`page ${document.documentElement.scrollWidth}`);
      for (const el of document.querySelectorAll<HTMLElement>('input, select, button, table')) {
        const card = el.closest('.fui-Card') ?? el.closest('main');
        if (!card) continue;
        const r = el.getBoundingClientRect();
        const c = card.getBoundingClientRect();
        if (r.width > 0 && (r.right > c.right + 0.5 || r.left < c.left - 0.5)) out.push(`${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 20)} ${Math.round(r.right - c.right)}px`);
      }
      return out;
    });
    expect(wide).toEqual([]);
    await shot(p, `13-10-350px-${tab}`, true);
  }
  const cells = await p.getByRole('table', { name: '排名结果' }).evaluate((t) =>
    [...t.querySelectorAll('tbody tr')].slice(0, 3).map((tr) => {
      const [rank, , total, band] = [...tr.querySelectorAll('td')];
      const line = parseFloat(getComputedStyle(total).lineHeight) || 20;
      return { rank: getComputedStyle(rank).textAlign, total: getComputedStyle(total).textAlign, oneLine: total.clientHeight < line * 2.2 && band.scrollHeight <= band.clientHeight + 1 && band.clientHeight < line * 2.2 };
    }),
  );
  expect(cells).toEqual(cells.map(() => ({ rank: 'right', total: 'right', oneLine: true })));
  // No layout jump while typing: the field stays where it was after the first key.
  await p.getByRole('tab', { name: '现场评分' }).click();
  const e5 = p.getByLabel(/单元格 E5$/);
  await e5.click();
  const before = (await e5.boundingBox())!.y;
  await p.keyboard.type('3');
  expect((await e5.boundingBox())!.y).toBe(before);
});

/**
 * The add-in (dist/pane) at 350 px with a stand-in office.js: Office in Excel, and an Excel whose
 * workbook has no sheets (the pane reads it and shows its tabs). Excel's own title bar names the
 * add-in, so the pane's h1 is for screen readers only and the tabs start at the top.
 */
const FAKE_EXCEL = `
window.Office = { HostType: { Excel: 'Excel' }, context: { requirements: { isSetSupported: function () { return true; } } },
  onReady: function () { return Promise.resolve({ host: 'Excel', platform: 'PC' }); } };
function Worksheet() {}
Worksheet.prototype.notes = null;
window.Excel = { Worksheet: Worksheet, run: function (batch) {
  return batch({ workbook: { worksheets: { load: function () {}, items: [] } },
    application: { load: function () {}, calculationMode: 'Automatic', calculate: function () {} },
    sync: function () { return Promise.resolve(); } });
} };`;

test('10 · 350 px, the add-in in Excel: its title area and the tabs take under 120 px', async () => {
  const dist = path.join(ROOT, 'dist', 'pane');
  if (!existsSync(path.join(dist, 'taskpane.html'))) throw new Error('窗格尚未构建：先运行 npm run build');
  const server = http.createServer(async (req, res) => {
    const file = path.join(dist, decodeURIComponent((req.url ?? '/').split('?')[0]));
    if (!file.startsWith(dist) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript' }).end(await fs.readFile(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const pane = await session.browser().newPage({ viewport: { width: 350, height: 800 }, locale: 'zh-CN' });
  try {
    await pane.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: FAKE_EXCEL }));
    await pane.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/taskpane.html`);
    await pane.getByRole('tab', { name: '现场评分' }).waitFor();
    await pane.getByText('没有找到评分表').first().waitFor();
    expect(await pane.getByRole('heading', { name: '考核助手', level: 1 }).count()).toBe(1);
    expect(await aboveContent(pane)).toBeLessThan(120);
    await pane.screenshot({ path: path.join(ROOT, 'test-results', 'e2e', '13-10-350px-加载项页头.png'), animations: 'disabled' });
  } finally {
    await pane.close();
    await new Promise((resolve) => server.close(resolve));
  }
});
