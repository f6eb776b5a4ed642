/**
 * Issue 13, point 12 (wording), in Debian's Chromium on the browser build (dist/preview) at 350 px:
 * the templates listed with the other sheets read, the browser's own wording in 帮助, the 办理台账
 * date in a Chinese form whatever the browser's locale, one reason field per item, and the earlier
 * wording fixes held. Screenshots go to test-results/e2e/.
 */
import { openSample, shot } from './browser';
import { previewPage } from './support/previewPage';

const session = previewPage();
const page = () => session.page();

test('12 · 评分表 lists the templates beside 信访台账, 扣分明细 and the case register', async () => {
  await page().getByText(/还读取了：信访台账 \d+ 件信访事项；扣分明细 \d+ 条记录；信访事项办理台账 \d+ 件/).waitFor();
  await page().getByText(/^模板：目标责任书模板（写入结果时为每个单位生成一张）/).waitFor();
  await shot(page(), '13-12-识别的工作表和模板');
});

test('12 · 帮助 in the browser speaks of the web version: no “开始”选项卡, no Excel self-check to run', async () => {
  await page().getByRole('tab', { name: '帮助' }).click();
  const help = page().getByRole('region', { name: '帮助' });
  await help.waitFor();
  const text = await help.innerText();
  expect(text).not.toContain('“开始”选项卡');
  expect(text).not.toContain('第一次在新版本 Excel 中使用时请运行一次');
  expect(text).toContain('说明书的“网页版”一节');
  expect(text).toContain('网页版在浏览器中读写工作簿，不需要自检');
  expect(await help.getByRole('button', { name: '开始自检' }).count()).toBe(0);
  await shot(page(), '13-12-网页版帮助');
});

test('12 · the 办理台账 date reads and shows 2024-12-20 / 2024年12月20日, in an English-language browser too', async () => {
  const p = await session.browser().newPage({ viewport: { width: 350, height: 800 }, locale: 'en-US' });
  try {
    await openSample(p, session.url());
    await p.getByRole('tab', { name: '办理台账' }).click();
    const date = p.getByLabel('截至日期');
    // A text field: the browser's own date widget (12/20/2024 in en-US) is not used.
    expect(await date.getAttribute('type')).toBe('text');
    expect(await date.getAttribute('placeholder')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await p.getByText(/^\d{4}年\d{1,2}月\d{1,2}日（评分表上的考核日期）/).waitFor();
    await date.fill('2024年10月20日');
    await p.getByText('按 2024年10月20日 计').waitFor();
    await p.getByText('没有逾期未办结的案件。').waitFor();
    await date.fill('2024-10-20');
    await p.getByText('按 2024年10月20日 计').waitFor();
    await date.fill('10/20/2024');
    await p.getByText('请写成 年-月-日，如 2024-12-20 或 2024年12月20日').waitFor();
    await shot(p, '13-12-截至日期');
  } finally {
    await p.close();
  }
});

test('12 · one reason field per item: while 记录扣分 is open, the record’s reason (starting from the item’s) is the only one', async () => {
  const p = page();
  await p.getByRole('button', { name: '现场评分：李家村' }).click();
  await p.getByLabel(/单元格 E7$/).fill('4');
  await p.getByLabel(/开展矛盾纠纷排查情况 扣分原因$/).fill('7月上旬排查未开展');
  const row = p.locator('[data-kaohe-item-row]').filter({ has: p.getByLabel(/单元格 E7$/) });
  // A reason field is a text box or the picker's combobox named for a reason.
  const reasonFields = async () => (await row.getByRole('combobox', { name: /原因/ }).count()) + (await row.getByRole('textbox', { name: /原因/ }).count());
  expect(await reasonFields()).toBe(1);
  await p.getByLabel(/单元格 E7$/).click();
  await p.keyboard.press('Alt+J');
  await p.getByRole('group', { name: /开展矛盾纠纷排查情况 记录扣分/ }).waitFor();
  expect(await reasonFields()).toBe(1);
  expect(await p.getByLabel('本条记录的原因（写入扣分明细）').inputValue()).toBe('7月上旬排查未开展');
  await shot(p, '13-12-一个原因栏');
  await p.keyboard.press('Escape');
  expect(await reasonFields()).toBe(1);
  expect(await p.getByLabel(/开展矛盾纠纷排查情况 扣分原因$/).inputValue()).toBe('7月上旬排查未开展');
});

test('12 · earlier wording holds: severities 错误/警告/说明, 没有错误 instead of a red 0, no “(5分) — 5分”, no 正在重新检查 on first open, Backspace leaves a number field empty', async () => {
  // The first reading of a workbook says 正在读取, never 正在重新检查 (watched from before the page's own script).
  const p = await session.browser().newPage({ viewport: { width: 350, height: 800 }, locale: 'zh-CN' });
  try {
    await p.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { kaoheSeen: string[] }).kaoheSeen = seen;
      new MutationObserver(() => {
        if (document.body?.innerText.includes('正在重新检查')) seen.push('正在重新检查');
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await openSample(p, session.url());
    expect(await p.evaluate(() => (window as unknown as { kaoheSeen: string[] }).kaoheSeen)).toEqual([]);

    // Each diagnostic's badge is a severity; 提示 is not one of them.
    const badges = await p.locator('[data-kaohe-severity]').allInnerTexts();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(['错误', '警告', '说明']));
    await p.getByText('1 个错误').waitFor();
    // No item says its points twice: 信访件办理(5分) is not followed by — 5分.
    expect(await p.locator('main').innerText()).not.toMatch(/[（(]\s*\d+(\.\d+)?\s*分\s*[)）]\s*—\s*\d+(\.\d+)?\s*分/);

    // 刘湾村 E4 corrected: no red “0 个错误”, but 没有错误.
    await p.getByRole('button', { name: '现场评分：刘湾村' }).click();
    await p.getByLabel(/单元格 E4$/).fill('5');
    await p.keyboard.press('Control+Enter');
    await p.getByText('已保存 刘湾村 的得分').waitFor();
    await p.getByRole('tab', { name: '评分表' }).click();
    const none = p.getByText('没有错误', { exact: true });
    await none.waitFor();
    expect(await p.getByText(/^0 个错误$/).count()).toBe(0);
    expect(await none.evaluate((el) => getComputedStyle(el).color)).not.toMatch(/^rgb\((1[6-9]\d|2\d\d), (\d|[1-9]\d), (\d|[1-9]\d)\)$/);
    await shot(p, '13-12-没有错误');

    // Backspace in a number field of 计算排名 leaves it empty, not 0 at once.
    await p.getByRole('tab', { name: '计算排名' }).click();
    await p.getByRole('button', { name: /通报设置/ }).click();
    const commended = p.getByLabel('通报表扬前几名');
    await commended.click();
    await p.keyboard.press('End');
    for (let i = (await commended.inputValue()).length; i > 0; i--) await p.keyboard.press('Backspace');
    expect(await commended.inputValue()).toBe('');
  } finally {
    await p.close();
  }
});
