/**
 * The command line's files (the input is read by host/xlsxFile.ts): the destinations compared with the input and with each other by identity (device and inode, after
 * resolving links — a symlink or hard link to the input is the input), and every write made to a
 * temporary file in the target folder and renamed into place, so a failed write leaves the old
 * file whole. Every failure is said in Chinese, naming the file and what to do.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { systemReason } from '../host/xlsxFile';

/** A destination the user asked for that cannot be written; the message says why in Chinese. */
export class OutputError extends Error {}

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
