/**
 * Opening the command line's input whatever the office program saved it as: an .xls, WPS .et or
 * .ods file is converted to .xlsx by LibreOffice first — a copy next to the scored output (or a
 * temporary one, removed after reading, when there is no --out); the original is never touched.
 * Without LibreOffice, a message names the format and how to save it as .xlsx.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { diagnose } from '../engine/diagnostics';
import { CONVERTIBLE, detectFormat, SAVE_AS_XLSX } from './inputFormat';
import { convertWithLibreOffice, findSoffice, INSTALL_HINT } from './libreoffice';
import { openWorkbookFile, readInputFile } from './xlsxFile';
import { UnusableInput, XlsxHost } from './xlsxHost';

export interface OpenedInput {
  host: XlsxHost;
  /** What was done to read it (converted, and where the copy is), for the user; null for an .xlsx. */
  note: string | null;
}

/** Opens `input`, converting it first when it is .xls/.et/.ods; `out` is the scored copy's path, if any. */
export async function openInput(input: string, out?: string, find: () => Promise<string | null> = findSoffice): Promise<OpenedInput> {
  // Read once, through the guarded reader (a regular file of a sane size only).
  const bytes = await readInputFile(input);
  const name = CONVERTIBLE[detectFormat(bytes, input)];
  if (!name) return { host: await XlsxHost.fromBuffer(bytes, input), note: null };
  if (!(await find())) {
    throw new UnusableInput(diagnose('INPUT_FORMAT', { path: input, format: name, how: `请安装 LibreOffice 后重试（会自动转换一份副本，原文件不变；${INSTALL_HINT}），或${SAVE_AS_XLSX}` }));
  }
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-convert-'));
  try {
    // A copy under a plain name: LibreOffice names its output after the input, and must not see the original's path change.
    const copy = path.join(work, `input${path.extname(input) || '.xls'}`);
    await fs.writeFile(copy, bytes);
    const [converted] = await convertWithLibreOffice([copy], 'xlsx', path.join(work, 'out'));
    if (!out) {
      return { host: await openWorkbookFile(converted), note: `已用 LibreOffice 把${name} ${input} 转换为 .xlsx 读取（原文件未改动）` };
    }
    const kept = await freeName(path.join(path.dirname(path.resolve(out)), `${path.basename(input, path.extname(input))}（转换）.xlsx`));
    await fs.mkdir(path.dirname(kept), { recursive: true });
    await fs.copyFile(converted, kept);
    return { host: await openWorkbookFile(kept), note: `已用 LibreOffice 把${name} ${input} 转换为 ${kept}（原文件未改动）` };
  } catch (e) {
    if (e instanceof UnusableInput) throw e;
    throw new UnusableInput(diagnose('INPUT_FORMAT', { path: input, format: name, how: `LibreOffice 未能转换它（${(e as Error).message}），请${SAVE_AS_XLSX}` }));
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/** `wanted`, or wanted(2), (3) … when a file of that name exists: nothing of the user's is overwritten. */
async function freeName(wanted: string): Promise<string> {
  const ext = path.extname(wanted);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? wanted : `${wanted.slice(0, -ext.length)}(${n})${ext}`;
    try {
      await fs.access(candidate);
    } catch {
      return candidate;
    }
  }
}
