/**
 * What the Office host tells the user, in one place: what this Excel cannot do, and what a
 * failed request means. Office.js rejects with an OfficeExtension.Error whose code is in `.code`
 * (ItemNotFound, InvalidOperationInCellEditMode …) and whose `.message` is English prose; the
 * user gets a Chinese sentence saying what to do, with the code kept for whoever reads it out.
 */

/** A RangeAreas' address can fail to come back when a sheet has more merged areas than this. */
export const MERGED_AREAS_LIMIT = 512;

export const MESSAGES = {
  noMergedAreas: '此版本 Excel 不支持读取合并单元格（需要 ExcelApi 1.13），按单元格内容识别表格',
  tooManyMergedAreas: `有工作表的合并单元格超过 ${MERGED_AREAS_LIMIT} 个，Excel 无法读出合并区域，这些工作表按单元格内容识别表格`,
  manualCalculation: '工作簿设置为“手动计算”，读取前已重新计算一次（相当于按 F9），以免读到过时的公式结果',
  noPageLayout: (sheet: string) => `此版本 Excel 不支持设置打印版式（需要 ExcelApi 1.9），“${sheet}”的纸张、页边距、打印区域和页脚未设置，请在“页面布局”中手动设置`,
  noDraftHeader: (sheet: string) => `此版本 Excel 不能设置页眉（需要 ExcelApi 1.9），按模板填写的“${sheet}”打印时不会标出“草稿”；可在模板中加一个 {{草稿}} 单元格`,
  noIndent: (sheet: string) => `此版本 Excel 不支持设置缩进（需要 ExcelApi 1.9），“${sheet}”的缩进未设置`,
  noCopy: (sheet: string, template: string) => `此版本 Excel 不支持复制工作表（需要 ExcelApi 1.7），未按模板“${template}”生成“${sheet}”`,
  noReadNotes:
    '此版本 Excel 不能读取批注（需要 ExcelApi 1.18 及较新的 Office.js）：写在批注中的扣分原因读不到，签字评分表会写“未填写扣分原因”，合并评分会列出副本中的批注而不写入；可在评分表中加一列“扣分原因”，或用命令行、浏览器版处理',
  noNotes: (cells: string[]) =>
    `此版本 Excel 不支持写入批注（需要 ExcelApi 1.18 及较新的 Office.js），${cells.join('、')} 的扣分原因未写入；可在评分表中加一列“扣分原因”`,
};

/** Office.js error codes the user can do something about, and what to tell them. */
const BY_CODE: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑，然后重试',
  ItemNotFound: '要写入的工作表或单元格已不存在（可能刚被改名或删除）。请点击“重新检查”后重试',
  ItemAlreadyExists: '工作簿中已有同名的工作表。请点击“重新检查”后重试',
  AccessDenied: '工作簿或工作表受保护，无法写入。请撤销保护（“审阅”→“撤销工作表保护”）后重试',
  InvalidOperation: 'Excel 拒绝了这次操作（工作表可能受保护，或有合并单元格、表格挡住了要写入的位置）',
  InvalidArgument: 'Excel 拒绝了这次操作（参数无效）',
  MergedRangeConflict: '要写入的位置与已有的合并单元格冲突',
  RequestPayloadSizeLimitExceeded: '一次写入的数据超过了 Excel 的限制',
  ResponsePayloadSizeLimitExceeded: '一次读取的数据超过了 Excel 网页版的限制',
  RequestAborted: 'Excel 中断了这次操作（可能是工作簿正在保存或与他人同时编辑）',
  ActivityLimitReached: 'Excel 暂时拒绝了更多操作（操作太频繁）。请稍等片刻后重试',
  GeneralException: 'Excel 内部出错',
};

/** Excel did not answer a context.sync within this many milliseconds (Excel on the web can hang: office-js #4805, #6678). */
export const SYNC_TIMEOUT_MS = 60_000;

/** A failure of the Office host, in Chinese, for the pane to show as it is. `code` is Office.js's, when there was one. */
export class OfficeHostError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'OfficeHostError';
  }
}

/** The code of an Office.js error (in `.code`, never in the message), or undefined. */
export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code !== '' ? code : undefined;
}

/**
 * A failed request as a Chinese sentence: what Excel said (by its code) and, when a write stopped
 * midway, what had been written. explain({ code: 'InvalidOperationInCellEditMode' }) → 'Excel 正处于单元格编辑状态…'
 */
export function explain(e: unknown, done?: string): OfficeHostError {
  if (e instanceof OfficeHostError && done === undefined) return e;
  const code = errorCode(e);
  const base = e instanceof OfficeHostError ? e.message : code && BY_CODE[code] ? `${BY_CODE[code]}（${code}）` : `Excel 报告错误：${code ?? messageOf(e)}`;
  return new OfficeHostError(done === undefined ? base : `${base}。${done}`, code ?? (e instanceof OfficeHostError ? e.code : undefined));
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** context.sync(), or a Chinese error when Excel has not answered within `ms`: the pane never waits for ever. */
export async function syncWithin(context: { sync(): Promise<unknown> }, ms: number = SYNC_TIMEOUT_MS): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new OfficeHostError(`Excel 在 ${Math.max(1, Math.round(ms / 1000))} 秒内没有响应。请保存工作簿，关闭并重新打开本窗格后重试；使用 Excel 网页版时可刷新页面`, 'Timeout')),
      ms,
    );
  });
  try {
    await Promise.race([context.sync(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
