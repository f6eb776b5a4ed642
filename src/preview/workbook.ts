/**
 * A workbook opened in the browser: the ExcelJS host over the file's bytes, what a copy would not
 * keep, and the bytes to download. In the single-file web version the host lives in a Web Worker
 * (its code is inlined in the page, see webpack.config.js), so reading and writing never freeze the
 * page; elsewhere (the preview, jsdom) it runs in the page. Either way the page sees one interface.
 */
import { UnusableInput, XlsxHost } from '../host/xlsxHost';
import type { ApplyOutcome, WorkbookHost, WritePlan } from '../host/host';
import type { Grid } from '../sheet/grid';
import type { Steps } from '../engine/steps';
import { runSliced } from '../taskpane/slices';
import type { WorkerReply, WorkerRequest, WorkerStage } from './protocol';

/** The worker's code, put in by the web build (undefined elsewhere). */
declare const KAOHE_WORKER_SOURCE: string | undefined;

export interface OpenedWorkbook {
  host: WorkbookHost;
  /** What a downloaded copy would not keep (图表, 数据透视表 …). */
  unkept: readonly string[];
  toBytes(): Promise<Uint8Array>;
}

/** A file's bytes; FileReader where Blob.arrayBuffer is missing (older browsers, jsdom). */
export function readBytes(f: Blob): Promise<ArrayBuffer> {
  if (typeof f.arrayBuffer === 'function') return f.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('无法读取文件'));
    reader.readAsArrayBuffer(f);
  });
}

/** A request without its id (the id is given when it is sent). */
type RequestBody = { [K in WorkerRequest['op']]: Omit<Extract<WorkerRequest, { op: K }>, 'id'> }[WorkerRequest['op']];

/** An unusable file, as the worker reported it (its message is already the Chinese diagnostic). */
export class UnusableFile extends Error {}

/** Opens a chosen file; an unusable one throws with a Chinese message. */
export async function openWorkbook(f: File): Promise<OpenedWorkbook> {
  const bytes = await readBytes(f);
  const source = typeof KAOHE_WORKER_SOURCE === 'string' ? KAOHE_WORKER_SOURCE : null;
  if (source && typeof Worker === 'function') return WorkerWorkbook.open(source, bytes, f.name);
  try {
    const host = await XlsxHost.fromBuffer(new Uint8Array(bytes), f.name);
    return { host, unkept: host.unkept, toBytes: () => host.toBytes() };
  } catch (e) {
    if (e instanceof UnusableInput) throw e;
    throw new Error(`无法打开“${f.name}”：${(e as Error).message}`);
  }
}

/** The workbook held by a worker; each call is a message and its reply. */
class WorkerWorkbook implements OpenedWorkbook, WorkbookHost {
  private next = 1;
  private waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly host: WorkbookHost = this;
  unkept: readonly string[] = [];

  private constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const reply = e.data;
      const call = this.waiting.get(reply.id);
      if (!call) return;
      this.waiting.delete(reply.id);
      if (reply.ok) call.resolve(reply.value);
      else call.reject(reply.unusable ? new UnusableFile(reply.message) : new Error(reply.message));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      for (const call of this.waiting.values()) call.reject(new Error(`后台处理出错：${e.message}`));
      this.waiting.clear();
    };
  }

  static async open(source: string, bytes: ArrayBuffer, name: string): Promise<WorkerWorkbook> {
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    const book = new WorkerWorkbook(new Worker(url));
    URL.revokeObjectURL(url);
    try {
      const { unkept } = (await book.call({ op: 'open', bytes, name }, [bytes])) as { unkept: string[] };
      book.unkept = unkept;
      return book;
    } catch (e) {
      book.worker.terminate();
      if (e instanceof UnusableFile) throw e;
      throw new Error(`无法打开“${name}”：${(e as Error).message}`);
    }
  }

  private call(request: RequestBody, transfer: Transferable[] = []): Promise<unknown> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id } as WorkerRequest, transfer);
    });
  }

  readGrids(): Promise<Grid[]> {
    return this.call({ op: 'read' }) as Promise<Grid[]>;
  }

  /**
   * Hands the plan over a sheet at a time, the page painting between slices: copying the 300
   * signed sheets of 300 units to the worker in one message froze the page for about 100 ms.
   */
  async apply(plan: WritePlan): Promise<ApplyOutcome> {
    const { sheets = [], ...rest } = plan;
    const worker = this.worker;
    await runSliced(
      (function* stage(): Steps<void> {
        for (const sheet of sheets) {
          worker.postMessage({ op: 'stage', sheet } satisfies WorkerStage);
          yield;
        }
      })(),
    );
    return this.call({ op: 'apply', plan: rest, staged: sheets.length }) as Promise<ApplyOutcome>;
  }

  toBytes(): Promise<Uint8Array> {
    return this.call({ op: 'bytes' }) as Promise<Uint8Array>;
  }
}
