/**
 * LibreOffice from the command line: PDFs of the generated sheets, and forced recalculation of a
 * workbook (to check the formulas we write). It runs with a profile of its own, made on the fly,
 * so a user's LibreOffice settings are neither used nor changed; the profile makes Calc
 * recalculate every formula on load instead of trusting the cached results.
 */
import { execFile, execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';

export const INSTALL_HINT = '请安装 LibreOffice：apt-get install -y libreoffice-calc-nogui fonts-noto-cjk fonts-arphic-ukai（Windows/Mac 从 libreoffice.org 安装）';

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

/**
 * Chinese font names the sheets ask for → the Simplified Chinese faces Debian installs
 * (fonts-noto-cjk, fonts-arphic-ukai, fonts-lxgw-wenkai). Without these, LibreOffice's fallback
 * picks Noto CJK JP (Japanese glyph forms) and DejaVu for digits. In Excel the sheets keep the names.
 */
export const FONT_SUBSTITUTES: { names: string[]; face: string }[] = [
  { names: ['宋体', 'SimSun', '新宋体', 'NSimSun', '方正小标宋简体', '方正小标宋_GBK', '小标宋', 'FZXiaoBiaoSong-B05S', '华文中宋', 'STZhongsong'], face: 'Noto Serif CJK SC' },
  { names: ['仿宋', 'FangSong', '仿宋_GB2312', 'FangSong_GB2312', '华文仿宋', 'STFangsong'], face: 'Noto Serif CJK SC' },
  { names: ['黑体', 'SimHei', '微软雅黑', 'Microsoft YaHei', '等线', 'DengXian'], face: 'Noto Sans CJK SC' },
  { names: ['楷体', 'KaiTi', '楷体_GB2312', 'KaiTi_GB2312', '华文楷体', 'STKaiti'], face: 'AR PL UKai CN' },
];

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const prop = (name: string, value: string) => `<prop oor:name="${name}" oor:op="fuse"><value>${xml(value)}</value></prop>`;
const item = (p: string, body: string) => `<item oor:path="${p}">${body}</item>`;

/**
 * The throwaway profile: recalculate on load; Chinese (zh-CN) as the Asian language, so line
 * breaking follows the Chinese rules (no line starts with ，。、；：？！）》」』) and fallback prefers SC
 * faces; the font replacement table above, applied always (screen and print).
 */
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${item('/org.openoffice.Office.Calc/Formula/Load', prop('OOXMLRecalcMode', '0'))}
${item('/org.openoffice.Office.Calc/Formula/Load', prop('ODFRecalcMode', '0'))}
${item('/org.openoffice.Office.Linguistic/General', prop('DefaultLocale_CJK', 'zh-CN'))}
${item('/org.openoffice.Office.Common/I18N/CJK', prop('CJKFont', 'true'))}
${item('/org.openoffice.Office.Common/I18N/CJK', prop('AsianTypography', 'true'))}
${item('/org.openoffice.Office.Common/Font/Substitution', prop('Replacement', 'true'))}
${FONT_SUBSTITUTES.flatMap((s) => s.names.map((n) => ({ n, face: s.face })))
  .map(({ n, face }, i) =>
    item(
      '/org.openoffice.Office.Common/Font/Substitution/FontPairs',
      `<node oor:name="_${i}" oor:op="replace">${prop('Always', 'true')}${prop('OnScreenOnly', 'false')}${prop('ReplaceFont', n)}${prop('SubstituteFont', face)}</node>`,
    ),
  )
  .join('\n')}
</oor:items>
`;

/**
 * What the command line says about fonts: which substitute each Chinese font name printed with,
 * and — when fontconfig lists the installed families — a substitute that is not installed, with
 * the package to install. fontSubstitutionNote(['Noto Serif CJK SC']) →
 * 'PDF 字体替换：宋体/…→Noto Serif CJK SC；…；楷体/…→AR PL UKai CN（未安装：apt-get install -y fonts-arphic-ukai，暂由其他字体代替）'
 */
export function fontSubstitutionNote(installed: readonly string[] | null = installedFamilies()): string {
  const PACKAGES: Record<string, string> = { 'Noto Serif CJK SC': 'fonts-noto-cjk', 'Noto Sans CJK SC': 'fonts-noto-cjk', 'AR PL UKai CN': 'fonts-arphic-ukai' };
  const missing = (face: string) => installed !== null && !installed.includes(face);
  const each = FONT_SUBSTITUTES.map((s) => {
    const names = s.names.filter((n) => /[\u4e00-\u9fff]/.test(n)).join('/');
    return `${names}→${s.face}${missing(s.face) ? `（未安装：apt-get install -y ${PACKAGES[s.face] ?? ''}，暂由其他字体代替）` : ''}`;
  });
  return `PDF 字体替换：${each.join('；')}`;
}

/** The font families fontconfig lists (fc-list), or null where it cannot tell (no fc-list: Windows, macOS). */
function installedFamilies(): string[] | null {
  try {
    const out = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8', timeout: 10_000 });
    return out.split('\n').flatMap((l) => l.split(',')).map((f) => f.trim()).filter(Boolean);
  } catch {
    return null;
  }
}

/**
 * A fontconfig file for the conversion: the system's configuration plus an alias from each Chinese
 * font name to its substitute. LibreOffice's xlsx import gives a cell's font to Chinese text only
 * when that font has Chinese glyphs; through the alias 仿宋 resolves to Noto Serif CJK SC, so the
 * Chinese text keeps the cell's font (and its SC face) instead of the default Asian font.
 */
function fontconfig(cacheDir: string): string {
  const aliases = FONT_SUBSTITUTES.flatMap((s) =>
    s.names.map((n) => `  <alias binding="same"><family>${xml(n)}</family><prefer><family>${xml(s.face)}</family></prefer></alias>`),
  );
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <cachedir>${xml(cacheDir)}</cachedir>
${aliases.join('\n')}
</fontconfig>
`;
}

/** How long one LibreOffice run may take before it is stopped and reported as a timeout. */
export const LIBREOFFICE_TIMEOUT_MS = 5 * 60 * 1000;

/** How long one LibreOffice run may take: 5 minutes, or $KAOHE_LIBREOFFICE_TIMEOUT_S seconds (for tests). */
function defaultTimeoutMs(): number {
  const given = Number(process.env.KAOHE_LIBREOFFICE_TIMEOUT_S);
  return Number.isFinite(given) && given > 0 ? given * 1000 : LIBREOFFICE_TIMEOUT_MS;
}

/**
 * Converts files with LibreOffice (`pdf`, `xlsx`, or `ods` to inspect fonts), all in one run,
 * into `outDir`; returns the paths written, in the order of `files`. LibreOffice writes into a
 * folder of its own first; the results are then moved into `outDir`, replacing files of the same
 * name. Throws with a Chinese message when LibreOffice is missing, fails or times out, or when
 * `outDir` is not a folder.
 */
export async function convertWithLibreOffice(files: string[], to: 'pdf' | 'xlsx' | 'ods', outDir: string, timeoutMs = defaultTimeoutMs()): Promise<string[]> {
  const soffice = await findSoffice();
  const purpose = to === 'pdf' ? '生成 PDF' : to === 'xlsx' ? '重算公式' : '转换';
  if (!soffice) throw new Error(`未找到 LibreOffice（soffice），无法${purpose}。${INSTALL_HINT}`);
  await ensureFolder(outDir);
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-lo-'));
  try {
    await fs.mkdir(path.join(profile, 'user'), { recursive: true });
    await fs.writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), PROFILE);
    const env = { ...process.env };
    if (process.platform !== 'win32' && process.platform !== 'darwin') {
      await fs.writeFile(path.join(profile, 'fonts.conf'), fontconfig(path.join(profile, 'fontcache')));
      env.FONTCONFIG_FILE = path.join(profile, 'fonts.conf');
    }
    const work = path.join(profile, 'out');
    await fs.mkdir(work);
    const filter = to === 'pdf' ? 'pdf:calc_pdf_Export' : to === 'xlsx' ? 'xlsx:Calc MS Excel 2007 XML' : 'ods';
    await new Promise<void>((resolve, reject) =>
      execFile(
        soffice,
        [`-env:UserInstallation=${pathToFileUrl(profile)}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', work, ...files],
        { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 << 20, env },
        (error, _stdout, stderr) => (error ? reject(new Error(failure(error, stderr, timeoutMs, purpose))) : resolve()),
      ),
    );
    const written: string[] = [];
    for (const f of files) {
      const name = `${path.basename(f, path.extname(f))}.${to}`;
      try {
        await fs.access(path.join(work, name));
      } catch {
        throw new Error(`LibreOffice 没有生成 ${name}（请检查该工作表能否在 LibreOffice 中打开）`);
      }
      written.push(await moveInto(path.join(work, name), path.join(outDir, name)));
    }
    return written;
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
}

/** Why a LibreOffice run failed, in Chinese: a timeout named as such, else its exit and last meaningful line. */
function failure(error: Error & { killed?: boolean; signal?: string | null; code?: unknown }, stderr: string, timeoutMs: number, purpose: string): string {
  if (error.killed || error.signal === 'SIGKILL' || error.signal === 'SIGTERM') {
    return `LibreOffice ${Math.round(timeoutMs / 1000)} 秒内没有完成${purpose}（超时），已停止。请关闭其他正在运行的 LibreOffice 后重试。`;
  }
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/javaldx|^Warning:/i.test(l));
  const code = typeof error.code === 'number' ? `（退出码 ${error.code}）` : '';
  return `LibreOffice 未能${purpose}${code}${lines.length ? `：${lines[lines.length - 1]}` : ''}`;
}

/** The output folder: created when missing; an existing file of that name is an error, never replaced. */
async function ensureFolder(dir: string): Promise<void> {
  const stat = await fs.stat(dir).catch(() => null);
  if (stat && !stat.isDirectory()) throw new Error(`PDF 输出位置“${dir}”是一个已有的文件，不是文件夹：请给 --pdf 指定一个文件夹。`);
  if (!stat) {
    try {
      await fs.mkdir(dir, { recursive: true });
    } catch (e) {
      throw new Error(`无法创建文件夹“${dir}”（${(e as NodeJS.ErrnoException).code === 'EACCES' ? '没有写入权限' : '路径不可用'}），请换一个位置。`);
    }
  }
}

/** Moves a finished file into place (rename; copy when the folders are on different disks). */
async function moveInto(from: string, to: string): Promise<string> {
  const existing = await fs.stat(to).catch(() => null);
  if (existing?.isDirectory()) throw new Error(`无法写入“${to}”：已有同名文件夹。`);
  try {
    await fs.rename(from, to);
  } catch {
    const temp = `${to}.kaohe-tmp`;
    await fs.copyFile(from, temp);
    await fs.rename(temp, to);
  }
  return to;
}

function pathToFileUrl(p: string): string {
  const abs = path.resolve(p).replace(/\\/g, '/');
  return `file://${abs.startsWith('/') ? '' : '/'}${abs}`;
}
