/**
 * What a failed action tells the user, beside its button: what did not happen (the title), why
 * (the host's message), and what to do next — each action its own next step, in Chinese.
 */
import type { Notice } from './usePane';

interface Failure {
  title: string;
  next: string;
}

/** By the action's `at` ('save', 'rank', 'record:c0.i1' …); the first that matches. */
const FAILURES: [(at: string | undefined) => boolean, Failure][] = [
  [(at) => at === 'save', { title: '未能保存得分', next: '按上面的说明处理后，再点“保存”（Ctrl+Enter）；填写的得分仍在表单中，没有丢失。' }],
  [(at) => at?.startsWith('record:') ?? false, { title: '未能添加记录', next: '按上面的说明处理后，再点“添加记录”；也可以在“扣分明细”工作表中直接添加一行，再点“重新检查”。' }],
  [(at) => at === 'rank', { title: '未能计算排名并写入', next: '按上面的说明处理后，再点“计算排名并写入工作簿”。' }],
  [(at) => at === 'merge', { title: '未能合并评分', next: '按上面的说明处理后，再点“写入当前工作簿”；副本不会被改动。' }],
  [(at) => at === 'caseRules', { title: '未能保存办理期限设置', next: '按上面的说明处理后，再点“保存办理期限设置”；填写的设置仍在表单中。' }],
  [(at) => at === 'recheck', { title: '未能读取工作簿', next: '按上面的说明处理后，点击“重新检查”（未能读取时为“重新读取”）再读一次；仍不成功时，关闭工作簿后重新打开。' }],
];

const OTHER: Failure = { title: '操作未完成', next: '按上面的说明处理后重试；仍不成功时，点击“重新检查”。' };

/** failureNotice('record:c0.i1', '…缺少扣分明细的表头…') → 未能添加记录, the message, and 下一步：… */
export function failureNotice(at: string | undefined, message: string): Notice {
  const { title, next } = FAILURES.find(([matches]) => matches(at))?.[1] ?? OTHER;
  return { intent: 'error', title, text: `${message.replace(/[。；，\s]+$/, '')}。下一步：${next}`, at };
}
