/**
 * `kaohe manifest --url https://内网服务器/kaohe/ --out manifest.xml`: the add-in's manifest with
 * every address pointing at the office's own web server, where the built pane (dist/pane) is
 * hosted. The template is the repository's manifest.xml, whose addresses are the development
 * server's (https://localhost:3000/); the written file holds none of them.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { parseCommandLine, stringOption } from './args';
import { OutputError, writeFileAtomic } from './files';
import type { Io } from './main';

/** Where the repository's manifest points: the development server. */
const DEV_ORIGIN = 'https://localhost:3000';

export const MANIFEST_HELP = `用法：kaohe manifest --url <https 地址> --out <manifest.xml>
  --url   窗格所在的网址（dist/pane 文件夹在内网服务器上的地址），必须是 https，如 https://oa.example.gov.cn/kaohe/
  --out   写出的清单文件，供共享文件夹目录、集中部署或网页版上传使用
`;

/** The manifest for a pane hosted at `base` (an https URL ending in '/'): every development address replaced. */
export function manifestFor(template: string, base: string): string {
  const origin = new URL(base).origin;
  return template
    .replace(/https:\/\/localhost:3000\//g, base)
    .replace(new RegExp(`<AppDomain>${DEV_ORIGIN.replace(/[.]/g, '\\.')}</AppDomain>`, 'g'), `<AppDomain>${origin}</AppDomain>`)
    .replace(/\n\s*<!--[\s\S]*?-->/, `\n<!-- 考核助手：窗格位于 ${base}（kaohe manifest 生成） -->`);
}

/** The --url as the manifest needs it, or a Chinese message saying why it cannot be used. */
export function paneBase(url: string): { ok: true; base: string } | { ok: false; message: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, message: `--url “${url}” 不是有效的网址，应如 https://oa.example.gov.cn/kaohe/` };
  }
  if (parsed.protocol !== 'https:') return { ok: false, message: `--url 必须以 https:// 开头（Office 只从 https 地址加载加载项），收到的是“${url}”` };
  if (/^(localhost|127\.|\[::1\])/i.test(parsed.hostname)) {
    return { ok: false, message: `--url 不能是 ${parsed.hostname}：其他电脑无法访问本机地址。请填写内网服务器的地址` };
  }
  if (parsed.search || parsed.hash) return { ok: false, message: `--url 不能带 ? 或 # 部分：“${url}”` };
  const base = parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
  return { ok: true, base };
}

export async function runManifest(argv: string[], io: Io): Promise<number> {
  const args = parseCommandLine(argv, { url: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (!args.ok) {
    io.err(`参数有误：${args.message}\n${MANIFEST_HELP}`);
    return 2;
  }
  if (args.parsed.values.help === true) {
    io.out(MANIFEST_HELP);
    return 0;
  }
  const url = stringOption(args.parsed.values, 'url');
  const out = stringOption(args.parsed.values, 'out');
  if (!url || !out || args.parsed.positionals.length > 0) {
    io.err(`${!url ? '缺少 --url。' : !out ? '缺少 --out。' : '多余的参数。'}\n${MANIFEST_HELP}`);
    return 2;
  }
  const base = paneBase(url);
  if (!base.ok) {
    io.err(`${base.message}\n`);
    return 2;
  }
  const template = await fs.readFile(path.join(__dirname, '..', '..', 'manifest.xml'), 'utf8');
  const manifest = manifestFor(template, base.base);
  if (/localhost/i.test(manifest)) throw new Error('manifest.xml 模板中仍有 localhost 地址未被替换');
  try {
    await writeFileAtomic(out, manifest, '清单文件');
  } catch (e) {
    if (e instanceof OutputError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  io.out(
    [
      `已写出 ${out}：窗格、图标和帮助页都指向 ${base.base}`,
      `请确认在每台电脑的浏览器中能打开 ${base.base}taskpane.html（证书受信任，没有安全警告），`,
      '然后按说明书“在没有开发工具的电脑上安装”把清单放入共享文件夹目录、集中部署或在网页版上传。',
      '',
    ].join('\n'),
  );
  return 0;
}
