/**
 * A 考核组's copy chosen in the pane, read in the pane itself (nothing is uploaded): the file's
 * bytes through the ExcelJS host. ExcelJS is loaded only when a copy is chosen, so the pane's own
 * bundle does not carry it.
 */
import type { MergeFile } from '../../app/merge';

/** A file's bytes; FileReader where Blob.arrayBuffer is missing (older browsers, jsdom). */
function readBytes(f: File): Promise<Uint8Array> {
  if (typeof f.arrayBuffer === 'function') return f.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(`无法读取文件“${f.name}”`));
    reader.readAsArrayBuffer(f);
  });
}

/** Reads a copy; rejects with a Chinese message when the file is not a usable workbook. */
export async function readCopy(f: File): Promise<MergeFile> {
  const { XlsxHost } = await import(/* webpackChunkName: "exceljs-host" */ '../../host/xlsxHost');
  const host = await XlsxHost.fromBuffer(await readBytes(f), f.name);
  return { name: f.name, grids: await host.readGrids() };
}
