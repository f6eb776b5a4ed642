/**
 * @jest-environment jsdom
 */
/**
 * The pane's three sections with React Testing Library, by role and label, over the ExcelJS host
 * on the bundled sample (the same host the browser preview uses).
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { promises as fs } from 'fs';
import path from 'path';
import { XlsxHost } from '../../src/host/xlsxHost';
import type { WritePlan } from '../../src/host/host';
import { Pane } from '../../src/taskpane/Pane';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'sample-2024.xlsx');

async function setup() {
  const host = await XlsxHost.fromBuffer(new Uint8Array(await fs.readFile(SAMPLE)), 'sample-2024.xlsx');
  const plans: WritePlan[] = [];
  const apply = host.apply.bind(host);
  host.apply = async (plan) => {
    plans.push(plan);
    return apply(plan);
  };
  const selected: string[] = [];
  const paneHost = Object.assign(host, { select: async (sheet: string, cell: string) => void selected.push(`${sheet}!${cell}`) });
  render(<Pane host={paneHost} today="2024-12-25" />);
  await screen.findByText('找到 10 个单位的评分表');
  return { plans, selected };
}

test('评分表 lists the units and every diagnostic; a diagnostic selects its cell', async () => {
  const { selected } = await setup();
  expect(within(screen.getByRole('table', { name: '被考核单位' })).getAllByRole('row')).toHaveLength(11);
  const diagnostic = screen.getByText('得分 6 超过分值 5', { exact: false }).closest('button') as HTMLButtonElement;
  expect(diagnostic.textContent).toContain('刘湾村 E4');
  fireEvent.click(diagnostic);
  await waitFor(() => expect(selected).toEqual(['刘湾村!E4']));
});

test('现场评分 refuses 6 for a 5-point item as typed, and saving 5 writes that cell only', async () => {
  const { plans } = await setup();
  fireEvent.click(screen.getByRole('button', { name: '现场评分：刘湾村' }));
  const e4 = await screen.findByLabelText(/单元格 E4$/);
  expect((e4 as HTMLInputElement).value).toBe('6');
  expect(screen.getByText('不能超过分值 5')).toBeTruthy();
  const save = screen.getByRole('button', { name: '保存 刘湾村 的得分' });
  expect((save as HTMLButtonElement).disabled).toBe(true);
  fireEvent.change(e4, { target: { value: '5' } });
  await waitFor(() => expect((save as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(save);
  await screen.findByText('已保存 刘湾村 的得分');
  expect(plans).toEqual([{ cells: [{ sheet: '刘湾村', cell: 'E4', value: 5 }] }]);
});

test('计算排名 follows the ranking setting before anything is written, then writes totals, outputs and settings', async () => {
  const { plans } = await setup();
  fireEvent.click(screen.getByRole('tab', { name: '计算排名' }));
  const ranks = () => within(screen.getByRole('table', { name: '排名结果' })).getAllByRole('row').slice(1, 5).map((r) => r.textContent?.match(/^\d+/)?.[0]);
  expect(ranks()).toEqual(['1', '2', '2', '3']);
  fireEvent.click(screen.getByRole('radio', { name: /竞赛排名/ }));
  expect(ranks()).toEqual(['1', '2', '2', '4']);
  fireEvent.click(screen.getByRole('button', { name: '计算排名并写入工作簿' }));
  await screen.findByText(/已写入总分，并生成汇总排名、10 张签字评分表和考核结果通报/);
  const plan = plans[0];
  expect(plan.cells).toHaveLength(10 + 19 + 9);
  expect(plan.sheets?.map((s) => s.name)).toEqual(expect.arrayContaining(['汇总排名', '考核结果通报', '考核助手设置']));
  const settings = plan.sheets?.find((s) => s.name === '考核助手设置');
  expect(settings?.cells).toContainEqual({ cell: 'B2', value: '竞赛排名' });
});

test('通报设置 edited in the pane are written with the settings and shape the notice', async () => {
  const { plans } = await setup();
  fireEvent.click(screen.getByRole('tab', { name: '计算排名' }));
  fireEvent.click(screen.getByRole('button', { name: /通报设置/ }));
  fireEvent.change(await screen.findByLabelText('发文机关'), { target: { value: '东乡镇综治委' } });
  fireEvent.click(screen.getByRole('radio', { name: '二〇二四年十二月二十日' }));
  fireEvent.change(screen.getByLabelText(/成文日期/), { target: { value: '2024-12-20' } });
  fireEvent.click(screen.getByRole('button', { name: '计算排名并写入工作簿' }));
  await screen.findByText(/已写入总分/);
  const sheets = plans[0].sheets ?? [];
  const notice = sheets.find((s) => s.name === '考核结果通报')!.cells.map((c) => c.value);
  expect(notice).toEqual(expect.arrayContaining(['东乡镇综治委', '二〇二四年十二月二十日']));
  const settings = sheets.find((s) => s.name === '考核助手设置')!.cells;
  expect(settings).toContainEqual({ cell: 'B5', value: '东乡镇综治委' });
});

test('现场评分 records an occurrence against a rule: a 扣分明细 row and the item’s new score', async () => {
  const { plans } = await setup();
  fireEvent.click(screen.getByRole('button', { name: '现场评分：李家村' }));
  fireEvent.click(await screen.findByRole('button', { name: '开展矛盾纠纷排查情况 记录扣分' }));
  const form = screen.getByRole('group', { name: '开展矛盾纠纷排查情况 记录扣分' });
  fireEvent.change(within(form).getByLabelText('原因'), { target: { value: '11月未排查' } });
  fireEvent.click(within(form).getByRole('button', { name: '添加记录' }));
  await screen.findByText('已记入扣分明细：李家村 开展矛盾纠纷排查情况');
  expect(plans[0].cells[0]).toEqual({ sheet: '李家村', cell: 'E7', value: 3 });
  expect(plans[0].cells).toContainEqual({ sheet: '扣分明细', cell: 'F11', value: '11月未排查' });
  expect(((await screen.findByLabelText(/单元格 E7$/)) as HTMLInputElement).value).toBe('3');
});
