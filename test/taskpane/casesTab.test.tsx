/**
 * @jest-environment jsdom
 */
/** The pane's 办理台账 section on the bundled sample, by role and label. */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { promises as fs } from 'fs';
import path from 'path';
import { SAMPLE_CASES } from '../../scripts/makeSample';
import { XlsxHost } from '../../src/host/xlsxHost';
import { Pane } from '../../src/taskpane/Pane';
import type { PaneHost } from '../../src/taskpane/paneHost';
import type { WritePlan } from '../../src/host/host';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'sample-2024.xlsx');

async function open(canSelect: boolean, plans: WritePlan[] = []) {
  const xlsx = await XlsxHost.fromBuffer(new Uint8Array(await fs.readFile(SAMPLE)), 'sample-2024.xlsx');
  const selected: string[] = [];
  const host: PaneHost = {
    readGrids: () => xlsx.readGrids(),
    apply: (plan) => {
      plans.push(plan);
      return xlsx.apply(plan);
    },
    ...(canSelect ? { selectCell: async (sheet: string, cell: string) => void selected.push(`${sheet}!${cell}`) } : {}),
  };
  render(<Pane host={host} today="2024-12-25" />);
  await screen.findByText('找到 10 个单位的评分表');
  fireEvent.click(screen.getByRole('tab', { name: '办理台账' }));
  return selected;
}

test('lists the overdue and the due-soon cases and the counts per unit; a click selects the case’s row', async () => {
  const selected = await open(true);
  expect(screen.getByText('共 40 件，已办结 30 件，按期办结率 65.6%，结案率 75%')).toBeTruthy();
  const overdue = screen.getByRole('list', { name: '逾期未办结' });
  expect(within(overdue).getAllByRole('button').map((b) => b.textContent)).toEqual([
    'XF2024-027 杨店社区 到期日 2024-10-23 已超期 58 日',
    'XF2024-029 前营村 到期日 2024-12-09 已超期 11 日',
  ]);
  expect(within(screen.getByRole('list', { name: '即将到期' })).getAllByRole('button')).toHaveLength(4);
  const table = screen.getByRole('table', { name: '各单位办理情况' });
  expect(within(table).getByRole('row', { name: /杨店社区/ }).textContent).toBe('杨店社区312133.3%');
  fireEvent.click(within(overdue).getByRole('button', { name: /XF2024-027/ }));
  await screen.findByRole('tab', { name: '办理台账' });
  expect(selected).toEqual(['信访事项办理台账!A28:M28']);
  const text = document.body.textContent ?? '';
  expect(SAMPLE_CASES.flatMap((c) => [c[3], c[4]]).filter((name) => text.includes(name))).toEqual([]);
});

test('another as-of date recounts; without a host that selects, the cases are plain text', async () => {
  await open(false);
  fireEvent.change(screen.getByLabelText('截至日期'), { target: { value: '2024-10-20' } });
  expect(await screen.findByText('没有逾期未办结的案件。')).toBeTruthy();
  expect(within(screen.getByRole('list', { name: '即将到期' })).queryAllByRole('button')).toEqual([]);
  expect(screen.getByText('XF2024-027 杨店社区 到期日 2024-10-23 还剩 3 日')).toBeTruthy();
  // The date is text, read as ledgers write it and shown in Chinese form: never the browser's date widget.
  const date = screen.getByLabelText('截至日期') as HTMLInputElement;
  expect(date.type).toBe('text');
  expect(screen.getByText('按 2024年10月20日 计')).toBeTruthy();
  fireEvent.change(date, { target: { value: '2024年10月20日' } });
  expect(screen.getByText('按 2024年10月20日 计')).toBeTruthy();
  expect(screen.getByText('没有逾期未办结的案件。')).toBeTruthy();
  fireEvent.change(date, { target: { value: '10/20/2024' } });
  expect(screen.getByText('请写成 年-月-日，如 2024-12-20 或 2024年12月20日')).toBeTruthy();
});

test('办理期限设置: a rule edited in the pane is saved in the settings sheet and the register is judged by it', async () => {
  const plans: WritePlan[] = [];
  await open(false, plans);
  fireEvent.click(screen.getByRole('button', { name: '办理期限设置（保存在工作簿中）' }));
  const days = screen.getByLabelText('上级交办（天数）');
  fireEvent.change(days, { target: { value: '0' } });
  expect(screen.getAllByText('1 到 365 之间的整数')).toHaveLength(1);
  expect((screen.getByRole('button', { name: '保存办理期限设置' }) as HTMLButtonElement).disabled).toBe(true);
  fireEvent.change(days, { target: { value: '20' } });
  fireEvent.click(within(screen.getByRole('radiogroup', { name: '上级交办的计日方式' })).getByRole('radio', { name: '工作日' }));
  fireEvent.click(screen.getByRole('button', { name: '保存办理期限设置' }));
  await screen.findByText('已保存办理期限设置（考核助手设置表）');
  expect(plans).toHaveLength(1);
  expect(plans[0].cells).toEqual([]);
  expect(plans[0].sheets!.map((s) => s.name)).toEqual(['考核助手设置']);
  expect(plans[0].sheets![0].cells).toEqual(expect.arrayContaining([expect.objectContaining({ value: '办理期限：上级交办' }), expect.objectContaining({ value: '20个工作日' })]));
  // 20 working days from 2024-10-08: Oct 9–11, Saturday 10-12 (调休), Oct 14–31, Nov 1 and 4 → 11-04.
  const overdue = await screen.findByRole('list', { name: '逾期未办结' });
  expect(within(overdue).getAllByText(/XF2024/).map((b) => b.textContent)).toEqual([
    'XF2024-027 杨店社区 到期日 2024-10-23 已超期 58 日',
    'XF2024-029 前营村 到期日 2024-11-04 已超期 46 日',
    'XF2024-031 张庄村 到期日 2024-11-18 已超期 32 日',
  ]);
});

test('办理期限设置: 受理当日计入 and 期满遇节假日顺延 are chosen in the pane, saved beside the rules, and recount the register', async () => {
  const plans: WritePlan[] = [];
  await open(false, plans);
  fireEvent.click(screen.getByRole('button', { name: '办理期限设置（保存在工作簿中）' }));
  const acceptance = screen.getByRole('radiogroup', { name: '受理当日' });
  expect((within(acceptance).getByRole('radio', { name: '不计入（自次日起算）' }) as HTMLInputElement).checked).toBe(true);
  const move = screen.getByRole('radiogroup', { name: '期满遇节假日或周末' });
  expect((within(move).getByRole('radio', { name: '顺延至其后第一个工作日' }) as HTMLInputElement).checked).toBe(true);
  fireEvent.click(within(acceptance).getByRole('radio', { name: '计入（算第1日）' }));
  fireEvent.click(within(move).getByRole('radio', { name: '不顺延' }));
  fireEvent.click(screen.getByRole('button', { name: '保存办理期限设置' }));
  await screen.findByText('已保存办理期限设置（考核助手设置表）');
  const cells = plans[0].sheets![0].cells;
  const row = (label: string) => cells.find((c) => c.value === label)!.cell.slice(1);
  expect(cells.find((c) => c.cell === `B${row('受理当日计入')}`)?.value).toBe('是');
  expect(cells.find((c) => c.cell === `B${row('期满遇节假日顺延')}`)?.value).toBe('否');
  // 受理当日 is day 1 (none of these ends on a rest day, so 不顺延 changes nothing here): 027 (领导阅批 30 日 from 9-23) is due 10-22; 029 (60 日 from 10-8) Friday 12-6;
  // 031 (60 日 from 10-21) and 037 (复查 15 日 from 12-5) 12-19, one day over on 12-20.
  const overdue = await screen.findByRole('list', { name: '逾期未办结' });
  expect(within(overdue).getAllByText(/XF2024/).map((b) => b.textContent)).toEqual([
    'XF2024-027 杨店社区 到期日 2024-10-22 已超期 59 日',
    'XF2024-029 前营村 到期日 2024-12-06 已超期 14 日',
    'XF2024-031 张庄村 到期日 2024-12-19 已超期 1 日',
    'XF2024-037 杨店社区 到期日 2024-12-19 已超期 1 日',
  ]);
});
