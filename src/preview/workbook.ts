/**
 * A workbook opened in the browser: the ExcelJS host over the file's bytes, what a copy would not
 * keep, and the bytes to download. Kept apart from the page so the heavy work (reading, writing the
 * .xlsx) can move off the main thread without the page changing.
 */
import { UnusableInput, XlsxHost } from '../host/xlsxHost';
import type { WorkbookHost } from '../host/host';

export interface OpenedWorkbook {
  host: WorkbookHost;
  /** What a downloaded copy would not keep (图表, 数据透视表 …). */
  unkept: readonly string[];
  toBytes(): Promise<Uint8Array>;
}

/** A file's bytes; FileReader where Blob.arrayBuffer is missing (older browsers, jsdom). */
export function readBytes(f: Blob): Promise<Uint8Array> {
  if (typeof f.arrayBuffer === 'function') return f.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('无法读取文件'));
    reader.readAsArrayBuffer(f);
  });
}

/** Opens a chosen file; an unusable one throws with a Chinese message. */
export async function openWorkbook(f: File): Promise<OpenedWorkbook> {
  try {
    const host = await XlsxHost.fromBuffer(await readBytes(f), f.name);
    return { host, unkept: host.unkept, toBytes: () => host.toBytes() };
  } catch (e) {
    if (e instanceof UnusableInput) throw e;
    throw new Error(`无法打开“${f.name}”：${(e as Error).message}`);
  }
}
