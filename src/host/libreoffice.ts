/**
 * LibreOffice from the command line: PDFs of the generated sheets, and forced recalculation of a
 * workbook (to check the formulas we write). It runs with a profile of its own, made on the fly,
 * so a user's LibreOffice settings are neither used nor changed; the profile makes Calc
 * recalculate every formula on load instead of trusting the cached results.
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';

export const INSTALL_HINT = '请安装 LibreOffice：apt-get install -y libreoffice-calc-nogui fonts-noto-cjk（Windows/Mac 从 libreoffice.org 安装）';

/** The soffice program: $KAOHE_SOFFICE, else soffice or libreoffice on the PATH, else the usual install places. */
export async function findSoffice(): Promise<string | null> {
  const candidates = [
    process.env.KAOHE_SOFFICE,
    ...(process.env.PATH ?? '').split(path.delimiter).flatMap((dir) => ['soffice', 'libreoffice', 'soffice.exe'].map((p) => path.join(dir, p))),
    '/usr/bin/soffice',
    '/usr/lib/libreoffice/program/soffice',
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
    'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  ].filter((p): p is string => Boolean(p));
  for (const p of candidates) {
    try {
      await fs.access(p, fs.constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return null;
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Converts files with LibreOffice (`pdf` or `xlsx`), all in one run, into `outDir`; returns
 * the paths written, in the order of `files`. Throws with a Chinese message when LibreOffice
 * is missing or fails.
 */
export async function convertWithLibreOffice(files: string[], to: 'pdf' | 'xlsx', outDir: string): Promise<string[]> {
  const soffice = await findSoffice();
  if (!soffice) throw new Error(`未找到 LibreOffice（soffice），无法${to === 'pdf' ? '生成 PDF' : '重算公式'}。${INSTALL_HINT}`);
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-lo-'));
  try {
    await fs.mkdir(path.join(profile, 'user'), { recursive: true });
    await fs.writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    await fs.mkdir(outDir, { recursive: true });
    const filter = to === 'pdf' ? 'pdf:calc_pdf_Export' : 'xlsx:Calc MS Excel 2007 XML';
    await new Promise<void>((resolve, reject) =>
      execFile(
        soffice,
        [`-env:UserInstallation=${pathToFileUrl(profile)}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, ...files],
        { timeout: timeoutSeconds() * 1000, maxBuffer: 16 << 20, killSignal: 'SIGKILL' },
        (error) =>
          error ? reject(new Error(libreOfficeFailure(error))) : resolve(),
      ),
    );
    const written = files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.${to}`));
    for (const w of written) {
      try {
        await fs.access(w);
      } catch {
        throw new Error(`LibreOffice 没有生成 ${path.basename(w)}`);
      }
    }
    return written;
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
}

/** How long one LibreOffice run may take: 5 minutes, or $KAOHE_LIBREOFFICE_TIMEOUT_S seconds. */
function timeoutSeconds(): number {
  const given = Number(process.env.KAOHE_LIBREOFFICE_TIMEOUT_S);
  return Number.isFinite(given) && given > 0 ? given : 300;
}

/**
 * Why LibreOffice failed, in Chinese: a timeout is named as one (its own last line is then an
 * unrelated warning such as javaldx's), other failures say the exit code; the text LibreOffice
 * printed is not shown, being English and internal.
 */
function libreOfficeFailure(error: Error & { killed?: boolean; signal?: string | null; code?: number | string | null }): string {
  if (error.killed || error.signal === 'SIGKILL') return `LibreOffice 转换超时（${timeoutSeconds()} 秒内没有完成），未生成 PDF。请关闭正在运行的 LibreOffice 后重试，或减少一次打印的表数`;
  if (error.code === 'ENOENT') return `未找到 LibreOffice（soffice），无法转换。${INSTALL_HINT}`;
  return `LibreOffice 转换失败（退出码 ${error.code ?? '未知'}），未生成 PDF。请确认 LibreOffice 能正常打开该文件后重试`;
}

function pathToFileUrl(p: string): string {
  const abs = path.resolve(p).replace(/\\/g, '/');
  return `file://${abs.startsWith('/') ? '' : '/'}${abs}`;
}
