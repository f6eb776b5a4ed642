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

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'sample-2024.xlsx');

async function open(canSelect: boolean) {
  const xlsx = await XlsxHost.fromBuffer(new Uint8Array(await fs.readFile(SAMPLE)), 'sample-2024.xlsx');
  const selected: string[] = [];
  const host: PaneHost = {
    readGrids: () => xlsx.readGrids(),
    apply: (plan) => xlsx.apply(plan),
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
});
