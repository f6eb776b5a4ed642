/** .xlsx files on disk for the ExcelJS host: the command line's side of it. */
import { promises as fs } from 'fs';
import { diagnose } from '../engine/diagnostics';
import { UnusableInput, XlsxHost } from './xlsxHost';

/** Opens an .xlsx file; throws UnusableInput with a Chinese message when it cannot. */
export async function openWorkbookFile(path: string): Promise<XlsxHost> {
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UnusableInput(diagnose('FILE_NOT_FOUND', { path }));
    if (code === 'EISDIR') throw new UnusableInput(diagnose('NOT_A_WORKBOOK', { path, reason: '这是一个文件夹' }));
    throw new UnusableInput(diagnose('NOT_A_WORKBOOK', { path, reason: `读取失败 ${code ?? ''}`.trim() }));
  }
  return XlsxHost.fromBuffer(buffer, path);
}

/** Writes the host's workbook to a file (never the input: the command line refuses that). */
export async function writeWorkbookFile(host: XlsxHost, path: string): Promise<void> {
  await fs.writeFile(path, await host.toBytes());
}
