/**
 * The command line's files: the input read only when it is a regular file of a sane size, the
 * destinations compared with the input and with each other by identity (device and inode, after
 * resolving links — a symlink or hard link to the input is the input), and every write made to a
 * temporary file in the target folder and renamed into place, so a failed write leaves the old
 * file whole. Every failure is said in Chinese, naming the file and what to do.
 */
import { promises as fs, type Stats } from 'fs';
import path from 'path';
import { diagnose } from '../engine/diagnostics';
import { LIMITS } from '../host/workbookLimits';
import { UnusableInput } from '../host/xlsxHost';

/** A destination the user asked for that cannot be written; the message says why in Chinese. */
export class OutputError extends Error {}

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

/** What makes two paths the same file: device and inode when it exists, else its real folder and name. */
async function identity(file: string): Promise<string> {
  try {
    const s = await fs.stat(file);
    return `inode:${s.dev}:${s.ino}`;
  } catch {
    const dir = path.dirname(path.resolve(file));
    let real = dir;
    try {
      real = await fs.realpath(dir);
    } catch {
      // The folder does not exist yet: it will be made, and nothing else can be the same file.
    }
    return `path:${path.join(real, path.basename(file))}`;
  }
}

/** One file the command reads or writes, with the words that name it in a message. */
export interface Role {
  label: string;
  file: string;
}

/**
 * A Chinese message when two of the files are the same file (by identity, links resolved), else
 * null. The first role is the input, which is never written.
 */
export async function sameFileError(roles: Role[]): Promise<string | null> {
  const ids = await Promise.all(roles.map((r) => identity(r.file)));
  for (let i = 0; i < roles.length; i++) {
    for (let j = i + 1; j < roles.length; j++) {
      if (ids[i] !== ids[j]) continue;
      const [a, b] = [roles[i], roles[j]];
      return i === 0
        ? `${b.label} ${b.file} 与输入文件 ${a.file} 是同一个文件（可能是链接）：原文件不会被覆盖，请另选一个文件名。`
        : `${a.label} 和 ${b.label} 指向同一个文件 ${b.file}：后写的会覆盖先写的，请分别指定。`;
    }
  }
  return null;
}

/** A message when the --pdf destination exists and is not a folder; else null. */
export async function folderError(label: string, dir: string): Promise<string | null> {
  try {
    const s = await fs.stat(dir);
    return s.isDirectory() ? null : `${label} ${dir} 已存在且不是文件夹：请指定一个文件夹（不存在时会自动创建）。`;
  } catch {
    return null;
  }
}

/**
 * Writes the bytes to `file` through a temporary file in the same folder, renamed into place:
 * either the whole new file is there or the old one is untouched. Throws OutputError in Chinese.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string, label = '文件'): Promise<void> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  // Short, so that a name near the system's limit still leaves room for it.
  const temp = path.join(dir, `.kaohe-${process.pid}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}.tmp`);
  try {
    await fs.mkdir(dir, { recursive: true });
    const existing = await fs.stat(target).catch(() => null);
    if (existing?.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (existing && !existing.isFile()) throw Object.assign(new Error('special'), { code: 'ENOTFILE' });
    await fs.writeFile(temp, data, { flag: 'wx' });
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    throw new OutputError(`无法写入${label} ${file}：${systemReason(code, '写入')}。原有文件（如有）未改动。`);
  }
}

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
