/**
 * @jest-environment jsdom
 */
/**
 * 帮助 → 自检 in the pane, over the Office host on the mock workbook (test/host/mockWorkbook.ts):
 * the check runs from the keyboard-reachable button, shows its progress, lists pass/fail per
 * behaviour and gives the text to copy; the user's sheets are unchanged and nothing is left.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { OfficeHost } from '../../src/host/officeHost';
import { grid } from '../../src/sheet/grid';
import { officePaneHost } from '../../src/taskpane/officeActions';
import { Pane } from '../../src/taskpane/Pane';
import { HelpTab } from '../../src/taskpane/HelpTab';
import { mockWorkbook } from '../host/mockWorkbook';
import { seed003 } from '../support/seed003';

test('帮助 → 开始自检 lists each behaviour with pass or fail, and the text to copy; the workbook is as before', async () => {
  const s = seed003({ unit: '张庄村' });
  const book = mockWorkbook([grid(s.rows, { name: '张庄村', merges: s.merges })]);
  const before = book.grid('张庄村');
  const writeText = jest.fn(async () => undefined);
  Object.assign(navigator, { clipboard: { writeText } });
  const host = officePaneHost(new OfficeHost(book.run, () => true, () => true), book.run, () => ({ platform: 'OfficeOnline', version: '16.0.19000.10000' }));
  render(<Pane host={host} today="2024-12-25" />);
  fireEvent.click(await screen.findByRole('tab', { name: '帮助' }));
  fireEvent.click(screen.getByRole('button', { name: '开始自检' }));
  expect(await screen.findByText('自检完成：6 项通过，1 项未通过', {}, { timeout: 20_000 })).toBeTruthy();
  const items = within(screen.getByRole('list', { name: '自检结果' })).getAllByRole('listitem');
  expect(items).toHaveLength(7);
  expect(items[3].textContent).toMatch(/^未通过 合并单元格：600 个合并区域：超过 512 个合并区域时读取失败/);
  const text = (screen.getByRole('textbox', { name: '自检结果文字' }) as HTMLTextAreaElement).value;
  expect(text).toMatch(/^考核助手自检 .+\n平台：OfficeOnline；版本：16\.0\.19000\.10000\n支持的要求集：ExcelApi 1\.1–1\.20；Office\.js 批注接口：有\n/);
  fireEvent.click(screen.getByRole('button', { name: '复制结果' }));
  expect(await screen.findByRole('button', { name: '已复制' })).toBeTruthy();
  expect(writeText).toHaveBeenCalledWith(text);
  expect(book.sheets.map((x) => x.name)).toEqual(['张庄村']);
  expect(book.grid('张庄村')).toEqual(before);
});

test('outside Excel (the web version) 帮助 speaks of the web version: no Excel-only hints, no self-check button', () => {
  render(<HelpTab />);
  const text = screen.getByRole('region', { name: '帮助' }).textContent ?? '';
  expect(text).toContain('使用说明见说明书的“网页版”一节');
  expect(text).toContain('自检检查的是 Excel 的功能，只在 Excel 的考核助手窗格中运行；网页版在浏览器中读写工作簿，不需要自检。');
  expect(text).not.toContain('“开始”选项卡');
  expect(text).not.toContain('第一次在新版本 Excel 中使用时请运行一次');
  expect(screen.queryByRole('button', { name: '开始自检' })).toBeNull();
});

test('in Excel 帮助 points to the help page beside the 开始 tab and asks for a self-check on a new Excel', () => {
  render(<HelpTab selfCheck={async () => Promise.reject(new Error('not run'))} />);
  const text = screen.getByRole('region', { name: '帮助' }).textContent ?? '';
  expect(text).toContain('使用说明见“开始”选项卡旁的帮助页和说明书');
  expect(text).toContain('第一次在新版本 Excel 中使用时请运行一次');
  expect(text).not.toContain('网页版');
});
