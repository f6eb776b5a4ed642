/**
 * Issue 13, point 11: the ranking table at a task pane's 350 px — totals, bands and unit names each on
 * one line (counted from the text's own line boxes), and the 否决 column no wider than its heading needs.
 * Chromium on the browser build (dist/preview).
 */
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launch, openSample, ROOT, serve, shot } from './browser';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let page: Page;

beforeAll(async () => {
  server = await serve(path.join(ROOT, 'dist', 'preview'));
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 350, height: 800 }, locale: 'zh-CN' });
  await openSample(page, server.url);
  // Lines of an element's text: the distinct tops of its text's line boxes.
  await page.evaluate(() => {
    (window as unknown as { textLines: (el: Element) => number }).textLines = (el) => {
      const tops = new Set<number>();
      const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
      }
      return tops.size;
    };
  });
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
  await server?.close();
});

test('the line count is real: 「85分以上」 in a 3em box is two lines', async () => {
  const lines = await page.evaluate(() => {
    const box = document.createElement('div');
    box.style.width = '3em';
    box.textContent = '85分以上';
    document.body.append(box);
    const n = (window as unknown as { textLines: (el: Element) => number }).textLines(box);
    box.remove();
    return n;
  });
  expect(lines).toBe(2);
});

test('at 350 px every unit name, total and band is on one line, and 否决 is as narrow as its heading', async () => {
  await page.getByRole('tab', { name: '计算排名' }).click();
  const table = page.getByRole('table', { name: '排名结果' });
  await table.waitFor();
  const measured = await table.evaluate((t) => {
    const lines = (window as unknown as { textLines: (el: Element) => number }).textLines;
    const wrapped: string[] = [];
    for (const tr of t.querySelectorAll('tr')) {
      const [, unit, total, band] = [...tr.querySelectorAll('th, td')];
      for (const cell of [unit, total, band]) if (lines(cell) !== 1) wrapped.push(`${cell.textContent}: ${lines(cell)} lines`);
    }
    // The heading's text itself (not the boxes around it).
    const heading = [...t.querySelectorAll('th')].find((th) => th.textContent === '否决')!;
    const text = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT).nextNode()!;
    const range = document.createRange();
    range.selectNodeContents(text);
    return { wrapped, rows: t.querySelectorAll('tbody tr').length, veto: heading.getBoundingClientRect().width, vetoText: range.getBoundingClientRect().width };
  });
  expect(measured.rows).toBe(10);
  expect(measured.wrapped).toEqual([]);
  // 否决: its two characters and at most 6 px either side (most of its rows are empty).
  expect(measured.vetoText).toBeGreaterThan(20);
  expect(measured.veto).toBeLessThanOrEqual(measured.vetoText + 12);
  await table.screenshot({ path: path.join(ROOT, 'test-results', 'e2e', '13-11-排名表.png'), animations: 'disabled' });
  await shot(page, '13-11-排名表-350px', true);
});
