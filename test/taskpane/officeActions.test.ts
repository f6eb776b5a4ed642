/**
 * The pane's own Excel calls, on the workbook faked with office-addin-mock that the Office host's tests use (test/host/mockWorkbook).
 * What Excel does with a selection on screen cannot be seen here; that the right calls are made
 * in one round trip can.
 */
import { grid } from '../../src/sheet/grid';
import { officePaneHost, selectCell } from '../../src/taskpane/officeActions';
import { isDarkOfficeTheme } from '../../src/taskpane/theme';
import { mockWorkbook } from '../host/mockWorkbook';

const sheets = [grid([['考核内容']], { name: '张庄村' }), grid([['考核内容', null, null, null, 6]], { name: '刘湾村' })];

test('selecting a diagnostic’s cell activates its sheet and selects the cell: one sync to check the sheet is visible, one to select', async () => {
  const excel = mockWorkbook(sheets);
  await selectCell('刘湾村', 'E4', excel.run);
  expect(excel.selection).toEqual({ active: '刘湾村', selected: '刘湾村!E4' });
  expect(excel.syncs).toHaveLength(2);
});

test('a cell on a hidden sheet is not selected: the user is told in Chinese how to show the sheet', async () => {
  const excel = mockWorkbook(sheets, { hidden: ['刘湾村'] });
  await expect(selectCell('刘湾村', 'E4', excel.run)).rejects.toThrow('工作表“刘湾村”已隐藏，无法选中 E4。请右键单击工作表标签，选择“取消隐藏”后重试');
  expect(excel.selection).toEqual({ active: null, selected: null });
});

test('a sheet that is gone is an error the pane can show', async () => {
  const excel = mockWorkbook(sheets);
  await expect(selectCell('王庄村', 'E4', excel.run)).rejects.toThrow('ItemNotFound');
});

test('the pane host passes reads, writes and limitations through and adds selecting', async () => {
  const excel = mockWorkbook(sheets);
  const calls: string[] = [];
  const office = {
    limitations: ['此版本 Excel 不支持设置打印版式'],
    readGrids: async () => (calls.push('read'), sheets),
    apply: async () => (calls.push('apply'), { skipped: [] }),
  };
  const host = officePaneHost(office, excel.run);
  expect(await host.readGrids()).toBe(sheets);
  await host.apply({ cells: [] });
  expect(calls).toEqual(['read', 'apply']);
  expect(host.limitations).toEqual(['此版本 Excel 不支持设置打印版式']);
  await host.selectCell?.('张庄村', 'A1');
  expect(excel.selection.selected).toBe('张庄村!A1');
});

test.each([
  [{ isDarkTheme: true }, true],
  [{ isDarkTheme: false, bodyBackgroundColor: '#000000' }, false],
  [{ bodyBackgroundColor: '#262626' }, true],
  [{ bodyBackgroundColor: '#FFFFFF' }, false],
  [{ bodyBackgroundColor: 'transparent' }, false],
  [undefined, false],
])('the Office theme %p is dark: %p', (theme, dark) => {
  expect(isDarkOfficeTheme(theme)).toBe(dark);
});
