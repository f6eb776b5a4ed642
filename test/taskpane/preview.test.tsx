/**
 * @jest-environment jsdom
 */
/** The browser preview around the pane: opening a file, what it refuses, and the warnings before a download. */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { promises as fs } from 'fs';
import path from 'path';
import { Preview } from '../../src/preview/Preview';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'sample-2024.xlsx');

function choose(file: File) {
  fireEvent.change(screen.getByLabelText('打开 .xlsx 工作簿'), { target: { files: [file] } });
}

test('before a workbook is opened it says what to do, and 下载 waits for one', () => {
  render(<Preview today="2024-12-25" />);
  expect(screen.getByText('请打开一个考核评分表工作簿（.xlsx），或把文件拖到此页面任意位置。')).toBeTruthy();
  expect((screen.getByRole('button', { name: '下载工作簿' }) as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByRole('button', { name: '试用示例工作簿' })).toBeTruthy();
});

test('a file that is not .xlsx is refused with what to do instead', async () => {
  render(<Preview today="2024-12-25" />);
  choose(new File(['x'], '考核表.xls'));
  expect(await screen.findByText(/“考核表.xls”不是 .xlsx 工作簿。.*另存为 .xlsx/)).toBeTruthy();
});

test('an .xlsx that is not a workbook is refused in Chinese', async () => {
  render(<Preview today="2024-12-25" />);
  choose(new File(['not a zip'], '坏文件.xlsx'));
  expect(await screen.findByText('无法作为 .xlsx 工作簿打开：坏文件.xlsx（不是 .xlsx 文件）')).toBeTruthy();
});

test('the sample opens into the pane; typed and unsaved 现场评分 values are warned about before a download', async () => {
  render(<Preview today="2024-12-25" />);
  choose(new File([new Uint8Array(await fs.readFile(SAMPLE))], 'sample-2024.xlsx'));
  await screen.findByText('找到 10 个单位的评分表', {}, { timeout: 10000 });
  fireEvent.click(screen.getByRole('button', { name: '现场评分：刘湾村' }));
  fireEvent.change(await screen.findByLabelText(/单元格 E4$/), { target: { value: '5' } });
  expect(await screen.findByText('“现场评分”有 1 处未保存')).toBeTruthy();
  // 下载 asks first, saying what the download would not hold.
  fireEvent.click(screen.getByRole('button', { name: '下载工作簿' }));
  // jsdom: Tabster leaves the surface aria-hidden (focus never enters it here), hence `hidden: true`;
  // test/e2e/pane.test.ts drives the same dialog accessibly in Chromium.
  const ask = await screen.findByRole('alertdialog', { hidden: true });
  expect(within(ask).getByText(/中有 1 处修改尚未保存，下载的工作簿中不含这些修改/)).toBeTruthy();
  fireEvent.click(within(ask).getByRole('button', { name: '取消', hidden: true }));
  fireEvent.click(screen.getByRole('button', { name: '保存 刘湾村 的得分' }));
  expect(await screen.findByText('已修改，尚未下载')).toBeTruthy();
  await waitFor(() => expect(screen.queryByText(/处未保存/)).toBeNull());
}, 30000);
