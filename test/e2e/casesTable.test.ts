/**
 * Issue 13, point 11, for 办理台账: the per-unit table at a task pane's 350 px — unit names and numbers
 * each on one line (counted from the text's own line boxes, as test/e2e/rankingTable.test.ts does),
 * numeric headings right-aligned over their numbers, no heading with a character alone on a line, the
 * table scrolling inside its own box if it must (never the page), and no case line ending on a lone
 * character (「…今天到 / 期」). Chromium on the browser build (dist/preview).
 */
import { shot } from './browser';
import { previewPage } from './support/previewPage';

const { page } = previewPage();

/** Installs window.textLines(el): the text of each line of el, from its characters' own boxes. */
async function installLines(): Promise<void> {
  await page().evaluate(() => {
    (window as unknown as { textLines: (el: Element) => string[] }).textLines = (el) => {
      const lines = new Map<number, string>();
      const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const text = n.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + 1);
          const r = [...range.getClientRects()].find((b) => b.width > 0);
          if (!r) continue;
          const top = [...lines.keys()].find((t) => Math.abs(t - r.top) < 4) ?? Math.round(r.top);
          lines.set(top, (lines.get(top) ?? '') + text[i]);
        }
      }
      return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s.trim()).filter((s) => s !== '');
    };
  });
}

test('the line count is real: 「今天到期」 in a 3em box is two lines', async () => {
  await installLines();
  const lines = await page().evaluate(() => {
    const box = document.createElement('div');
    box.style.width = '3em';
    box.textContent = '今天到期';
    document.body.append(box);
    const out = (window as unknown as { textLines: (el: Element) => string[] }).textLines(box);
    box.remove();
    return out;
  });
  expect(lines).toEqual(['今天到', '期']);
});

test('at 350 px the 办理台账 table has unit names and numbers on one line, numeric headings right-aligned, and no case line ends on a lone character', async () => {
  const p = page();
  await installLines();
  await p.getByRole('tab', { name: '办理台账' }).click();
  const table = p.getByRole('table', { name: '各单位办理情况' });
  await table.waitFor();
  const measured = await table.evaluate((t) => {
    const lines = (window as unknown as { textLines: (el: Element) => string[] }).textLines;
    const wrapped: string[] = [];
    const misaligned: string[] = [];
    const headings: string[] = [];
    const [head, ...rows] = [...t.querySelectorAll('tr')];
    const ths = [...head.querySelectorAll('th')];
    ths.forEach((th, i) => {
      const ls = lines(th);
      headings.push(ls.join('/'));
      if (ls.length > 2 || ls.some((l) => [...l].length === 1)) wrapped.push(`heading ${ls.join('/')}`);
      // A heading stays inside its own cell: never over its neighbour's.
      const own = document.createRange();
      own.selectNodeContents(th);
      const ownBox = own.getBoundingClientRect();
      const thBox = th.getBoundingClientRect();
      if (ownBox.left < thBox.left - 0.5 || ownBox.right > thBox.right + 0.5) wrapped.push(`heading ${th.textContent} overflows its cell`);
      if (i > 0) {
        // Every column but the unit's holds numbers: its heading's text ends where the numbers below it end.
        const text = document.createTreeWalker(th, NodeFilter.SHOW_TEXT).nextNode()!;
        const range = document.createRange();
        range.selectNodeContents(text);
        const headRight = range.getBoundingClientRect().right;
        const cell = rows[0].querySelectorAll('td')[i];
        const cellText = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT).nextNode()!;
        const cellRange = document.createRange();
        cellRange.selectNodeContents(cellText);
        if (Math.abs(headRight - cellRange.getBoundingClientRect().right) > 2) misaligned.push(`${th.textContent} ends ${Math.round(headRight - cellRange.getBoundingClientRect().right)} px off`);
      }
    });
    for (const tr of rows) {
      for (const td of tr.querySelectorAll('td')) {
        const line = parseFloat(getComputedStyle(td).lineHeight) || 20;
        const n = lines(td).length;
        if (n !== 1 || td.clientHeight >= line * 2.2) wrapped.push(`${td.textContent}: ${n} lines`);
      }
    }
    const box = t.parentElement!;
    return {
      rows: rows.length,
      wrapped,
      misaligned,
      headings,
      units: rows.map((tr) => tr.querySelector('td')!.textContent),
      // The table stays inside its own box (scrolling there if it must), and the page never scrolls sideways.
      inside: t.getBoundingClientRect().width <= box.clientWidth + 0.5 || getComputedStyle(box).overflowX === 'auto',
      page: document.documentElement.scrollWidth <= innerWidth,
    };
  });
  expect(measured.units).toEqual(expect.arrayContaining(['张庄村', '杨店社区', '周口居委会']));
  expect(measured.wrapped).toEqual([]);
  expect(measured.misaligned).toEqual([]);
  expect(measured.inside).toBe(true);
  expect(measured.page).toBe(true);

  // The case lines: no line of one holds a single CJK character (「…今天到 / 期」), and none is broken inside a date or 编号 (「2024-12- / 20」).
  const cases = await p.evaluate(() => {
    const lines = (window as unknown as { textLines: (el: Element) => string[] }).textLines;
    const items = [...document.querySelectorAll('ul[aria-label="逾期未办结"] li, ul[aria-label="即将到期"] li')];
    return { count: items.length, lone: items.map((li) => lines(li)).filter((ls) => ls.some((l) => /^\p{Script=Han}$/u.test(l) || /-$/.test(l))).map((ls) => ls.join(' / ')) };
  });
  expect(cases.count).toBeGreaterThan(0);
  expect(cases.lone).toEqual([]);

  await table.scrollIntoViewIfNeeded();
  await shot(p, '13-11-办理台账-350px', true);
});
