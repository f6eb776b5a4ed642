/**
 * .xlsx files on disk for the ExcelJS host: the command line's side of it. The input is read only
 * when it is a regular file of a sane size (a FIFO would block forever, /dev/zero never end).
 */
import { promises as fs, type Stats } from 'fs';
import { diagnose } from '../engine/diagnostics';
import { LIMITS } from './workbookLimits';
import { UnusableInput, XlsxHost } from './xlsxHost';

/** Opens an .xlsx file; throws UnusableInput with a Chinese message when it cannot. */
export async function openWorkbookFile(path: string): Promise<XlsxHost> {
  return XlsxHost.fromBuffer(await readInputFile(path), path);
}

/** The input's bytes: only a regular file, at most LIMITS.fileBytes, read once. */
export async function readInputFile(file: string): Promise<Uint8Array> {
  let stats: Stats;
  try {
    stats = await fs.stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UnusableInput(diagnose('FILE_NOT_FOUND', { path: file }));
    throw new UnusableInput(diagnose('NOT_A_WORKBOOK', { path: file, reason: systemReason(code, '读取') }));
  }
  if (stats.isDirectory()) throw new UnusableInput(diagnose('NOT_A_WORKBOOK', { path: file, reason: '这是一个文件夹' }));
  if (!stats.isFile()) throw new UnusableInput(diagnose('NOT_A_WORKBOOK', { path: file, reason: '不是普通文件（设备、管道或套接字），请指定一个 .xlsx 文件' }));
  if (stats.size > LIMITS.fileBytes) throw new UnusableInput(diagnose('FILE_TOO_LARGE', { path: file, size: megabytes(stats.size), limit: megabytes(LIMITS.fileBytes) }));
  const handle = await fs.open(file, 'r');
  try {
    // Read at most the limit plus one byte: a file that grew since stat is still caught.
    const buffer = Buffer.alloc(Math.min(stats.size, LIMITS.fileBytes) + 1);
    let read = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, read, buffer.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
      if (read === buffer.length) throw new UnusableInput(diagnose('FILE_TOO_LARGE', { path: file, size: `${megabytes(read)} 以上`, limit: megabytes(LIMITS.fileBytes) }));
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, read);
  } finally {
    await handle.close();
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** An operating-system error code said in Chinese, with what to do. */
export function systemReason(code: string | undefined, verb: '读取' | '写入'): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `没有${verb}权限，请换一个文件夹或请管理员开放权限`;
    case 'EROFS':
      return '所在磁盘是只读的，请换一个位置';
    case 'ENOSPC':
    case 'EDQUOT':
      return '磁盘空间不足，请清理磁盘或换一个位置';
    case 'EISDIR':
      return '这是一个文件夹，请给出文件名';
    case 'ENOTFILE':
      return '这不是普通文件（设备或管道），请给出一个普通文件名';
    case 'ENAMETOOLONG':
      return '文件名或路径太长，请用短一些的名称';
    case 'ENOENT':
    case 'ENOTDIR':
    case 'EEXIST':
      return '路径中的文件夹不存在或有同名文件，请检查路径';
    case 'EBUSY':
    case 'ETXTBSY':
      return '文件正被其他程序使用（如在 Excel 中打开），请关闭后重试';
    case 'EMFILE':
    case 'ENFILE':
      return '打开的文件太多，请稍后重试';
    case 'EINVAL':
      return '文件名含有系统不允许的字符';
    case 'EIO':
      return '磁盘读写出错，请检查磁盘或换一个位置';
    default:
      return `系统拒绝${verb}，请换一个位置或文件名再试`;
  }
}

/** Writes the host's workbook to a file (never the input: the command line refuses that). */
export async function writeWorkbookFile(host: XlsxHost, path: string): Promise<void> {
  await fs.writeFile(path, await host.toBytes());
}
