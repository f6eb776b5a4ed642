/**
 * @jest-environment jsdom
 */
/**
 * 合并评分 in the pane: the copies chosen with the file picker, read in the pane, the conflicts
 * decided one by one, then written in one batch into the workbook — here the Office.js host on the
 * mock workbook (test/host/mockWorkbook.ts). The differential test: the pane and `kaohe merge`
 * merge the same files to the same workbook.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { run } from '../../src/cli/main';
import { OfficeHost } from '../../src/host/officeHost';
import { XlsxHost } from '../../src/host/xlsxHost';
import type { CellValue, Grid } from '../../src/sheet/grid';
import { officePaneHost } from '../../src/taskpane/officeActions';
import { Pane } from '../../src/taskpane/Pane';
import { mockWorkbook } from '../host/mockWorkbook';
import { groupOne, groupThree, groupTwo, masterFile } from './scenario';
import { xlsxOf } from './support';

const all = () => true;
let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-merge-pane-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A sheet's values with trailing blanks trimmed, so two hosts' grids compare by content. */
function values(g: Grid): CellValue[][] {
  const rows = g.rows.map((r) => {
    const row = r.map((v) => (v === '' ? null : v));
    while (row.length && row[row.length - 1] === null) row.pop();
    return row;
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

async function openPane(master: Grid[]) {
  const book = mockWorkbook(master);
  const host = officePaneHost(new OfficeHost(book.run, all), book.run);
  render(<Pane host={host} today="2024-12-25" />);
  await screen.findByText('找到 5 个单位的评分表');
  fireEvent.click(screen.getByRole('tab', { name: '合并评分' }));
  return book;
}

async function choose(files: { name: string; bytes: Buffer }[]) {
  const input = screen.getByLabelText('选择考核组副本');
  await act(async () => {
    fireEvent.change(input, { target: { files: files.map((f) => new File([new Uint8Array(f.bytes)], f.name)) } });
  });
}

test('the pane and the command line merge the same copies to the same workbook', async () => {
  const files = [masterFile(), groupOne(), groupTwo()];
  const bytes = await Promise.all(files.map((f) => xlsxOf(f.grids)));
  const paths = files.map((f) => path.join(dir, f.name));
  await Promise.all(paths.map((p, i) => fs.writeFile(p, bytes[i])));
  const io = { out: () => undefined, err: () => undefined };
  expect(await run(['merge', ...paths, '--out', path.join(dir, 'merged.xlsx'), '--prefer', '第一组.xlsx'], io)).toBe(1);
  const cli = await (await XlsxHost.fromBuffer(await fs.readFile(path.join(dir, 'merged.xlsx')), 'merged.xlsx')).readGrids();

  const book = await openPane(await (await XlsxHost.fromBuffer(bytes[0], files[0].name)).readGrids());
  await choose([1, 2].map((i) => ({ name: files[i].name, bytes: bytes[i] })));
  expect(await screen.findByText('第一组.xlsx：可以合并')).toBeTruthy();
  const coverage = screen.getByRole('table', { name: '覆盖情况' });
  expect(within(coverage).getByRole('row', { name: /刘湾村 （无） 仍未评分/ })).toBeTruthy();
  expect(within(coverage).getByRole('row', { name: /王庄村 第一组.xlsx、第二组.xlsx （多个副本） 16 个单元格/ })).toBeTruthy();
  expect(screen.getByText(/单位“李家庄”当前工作簿中没有，是否为“李家村”？/)).toBeTruthy();
  expect(screen.getByText('冲突（2 处未决定）')).toBeTruthy();

  // The conflicts decided as --prefer 第一组.xlsx decides them.
  fireEvent.click(screen.getByRole('radio', { name: '采用 第一组.xlsx 的 5' }));
  fireEvent.click(within(screen.getByRole('group', { name: '冲突 陈楼村 E5' })).getByRole('radio', { name: '采用 第一组.xlsx 的 4' }));
  expect(screen.getByText('冲突（已全部决定）')).toBeTruthy();
  const syncs = book.syncs.length;
  fireEvent.click(screen.getByRole('button', { name: '写入当前工作簿' }));
  expect(await screen.findByText('已合并 2 个副本')).toBeTruthy();
  // One batch for the write (plus the look-up a replaced sheet needs), then the pane reads again.
  expect(book.syncs.length - syncs).toBeLessThanOrEqual(5);

  const pane = book.sheets.map((s) => s.name);
  expect(pane).toEqual(cli.map((g) => g.name));
  for (const g of cli) expect({ sheet: g.name, values: values(book.grid(g.name)) }).toEqual({ sheet: g.name, values: values(g) });

  // Merging again: nothing to write.
  await waitFor(() => expect(screen.getByText('没有需要写入的内容：副本中的评分都已在当前工作簿中。')).toBeTruthy());
  expect((screen.getByRole('button', { name: '写入当前工作簿' }) as HTMLButtonElement).disabled).toBe(true);
}, 60000);

test('a copy whose table differs is shown with its differences and nothing can be written', async () => {
  const master = masterFile();
  await openPane(master.grids);
  const three = groupThree();
  await choose([{ name: three.name, bytes: await xlsxOf(three.grids) }, { name: '坏.xlsx', bytes: Buffer.from('not a workbook') }]);
  expect(await screen.findByText(/第三组.xlsx：未合并，评分表与主表不同（“查看会议记录,了解信访工作落实情况”分值 4 与 5 不同）/)).toBeTruthy();
  expect(screen.getByText(/无法作为 .xlsx 工作簿打开：坏.xlsx/)).toBeTruthy();
  expect((screen.getByRole('button', { name: '写入当前工作簿' }) as HTMLButtonElement).disabled).toBe(true);
}, 30000);
