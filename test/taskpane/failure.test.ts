import { failureNotice } from '../../src/taskpane/failure';

describe('a failed action says what did not happen and the next step, naming its own button', () => {
  test.each([
    ['save', '未能保存得分', '“保存”（Ctrl+Enter）'],
    ['record:c0.i1', '未能添加记录', '“添加记录”'],
    ['rank', '未能计算排名并写入', '“计算排名并写入工作簿”'],
    ['merge', '未能合并评分', '“写入当前工作簿”'],
    ['caseRules', '未能保存办理期限设置', '“保存办理期限设置”'],
    ['recheck', '未能读取工作簿', '“重新检查”'],
    [undefined, '操作未完成', '“重新检查”'],
  ])('%s', (at, title, button) => {
    const notice = failureNotice(at, '工作簿或工作表受保护，无法写入。');
    expect(notice).toEqual({ intent: 'error', title, at, text: expect.stringMatching(/^工作簿或工作表受保护，无法写入。下一步：按上面的说明处理后.*。$/) });
    expect(notice.text).toContain(button);
  });
});
