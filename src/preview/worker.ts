/**
 * The web version's worker: holds the workbook (the ExcelJS host) off the main thread, so reading
 * and writing a 300-unit .xlsx never freezes the page. The page talks to it through WorkerHost
 * (workbook.ts): open, read the grids, apply a plan, give the bytes.
 */
import { UnusableInput, XlsxHost } from '../host/xlsxHost';
import type { SheetPlan } from '../sheet/sheetPlan';
import type { WorkerReply, WorkerRequest, WorkerStage } from './protocol';

let host: XlsxHost | null = null;
/** The sheets of the plan on its way. */
let staged: SheetPlan[] = [];

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest | WorkerStage>) => void) | null; postMessage: (m: WorkerReply, transfer?: Transferable[]) => void };

scope.onmessage = async (e) => {
  const request = e.data;
  if (request.op === 'stage') {
    staged.push(request.sheet);
    return;
  }
  try {
    switch (request.op) {
      case 'open': {
        host = await XlsxHost.fromBuffer(new Uint8Array(request.bytes), request.name);
        scope.postMessage({ id: request.id, ok: true, value: { unkept: host.unkept } });
        return;
      }
      case 'read':
        scope.postMessage({ id: request.id, ok: true, value: await opened().readGrids() });
        return;
      case 'apply': {
        const sheets = staged;
        staged = [];
        if (sheets.length !== request.staged) throw new Error(`写入计划不完整：收到 ${sheets.length} 张表，应为 ${request.staged} 张`);
        scope.postMessage({ id: request.id, ok: true, value: await opened().apply({ ...request.plan, sheets: [...sheets, ...(request.plan.sheets ?? [])] }) });
        return;
      }
      case 'bytes': {
        const bytes = await opened().toBytes();
        scope.postMessage({ id: request.id, ok: true, value: bytes }, [bytes.buffer]);
        return;
      }
    }
  } catch (error) {
    scope.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error), unusable: error instanceof UnusableInput });
  }
};

function opened(): XlsxHost {
  if (!host) throw new Error('没有打开的工作簿');
  return host;
}
