/**
 * @jest-environment jsdom
 */
import { render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { detectStatus } from '../../src/taskpane/status';

describe('the pane never stays blank', () => {
  test('without office.js (CDN unreachable) it says so in Chinese', async () => {
    const status = await detectStatus(undefined);
    expect(status).toBe('office-missing');
    render(<App status={status} />);
    expect(screen.getByRole('heading', { name: '考核助手' })).toBeTruthy();
    expect(screen.getByText('无法加载 Office.js')).toBeTruthy();
  });

  test('outside Excel (Office.onReady gives host null) it tells the user where to open it', async () => {
    const office = { onReady: async () => ({ host: null, platform: null }), HostType: { Excel: 'Excel' } };
    const status = await detectStatus(office as unknown as typeof Office);
    expect(status).toBe('not-excel');
    render(<App status={status} />);
    expect(screen.getByText('没有在 Excel 中运行')).toBeTruthy();
  });

  test('in Excel it shows the pane over the host', async () => {
    const office = { onReady: async () => ({ host: 'Excel', platform: 'PC' }), HostType: { Excel: 'Excel' } };
    const status = await detectStatus(office as unknown as typeof Office);
    expect(status).toBe('ready');
    const host = { readGrids: async () => [], apply: async () => ({ skipped: [] }) };
    render(<App status={status} host={host} today="2024-12-25" />);
    expect(screen.getByRole('tab', { name: '评分表' })).toBeTruthy();
    expect(await screen.findByText('没有找到评分表')).toBeTruthy();
  });
});
