/**
 * Command-line arguments parsed with Node's parseArgs, its English errors said in Chinese:
 * "Unknown option '--prefer'" → 不认识的选项 --prefer. Every command uses this, so a user never
 * sees Node's wording or an ERR_PARSE_ARGS_* code.
 */
import { parseArgs } from 'util';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

export type Parsed = { values: Record<string, string | boolean | string[] | boolean[] | undefined>; positionals: string[] };

/** The arguments, or a Chinese message saying what is wrong with them. */
export function parseCommandLine(argv: string[], options: OptionSpec): { ok: true; parsed: Parsed } | { ok: false; message: string } {
  try {
    const parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options });
    return { ok: true, parsed: parsed as Parsed };
  } catch (e) {
    return { ok: false, message: argumentError(e, options) };
  }
}

/** parseArgs's error in Chinese: which option, and what is wrong with it. */
function argumentError(e: unknown, options: OptionSpec): string {
  const code = (e as { code?: string }).code ?? '';
  const text = (e as Error).message ?? '';
  const option = /'(-{1,2}[^'\s,]+)/.exec(text)?.[1] ?? '';
  const known = Object.entries(options)
    .filter(([name]) => name !== 'help' && name !== 'version')
    .map(([name]) => `--${name}`)
    .join('、');
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `不认识的选项 ${option || '（无法识别）'}。可用的选项：${known}、--help`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return options[option.replace(/^-+/, '')]?.type === 'boolean'
        ? `选项 ${option} 不带值`
        : `选项 ${option} 后面缺少值，如 ${option} 文件名`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return '多余的参数：每条命令只接受说明中列出的文件';
    default:
      return '参数无法识别';
  }
}

/** A string option's value (the last one when it was given twice). */
export function stringOption(values: Parsed['values'], name: string): string | undefined {
  const v = values[name];
  if (Array.isArray(v)) return v.length ? String(v[v.length - 1]) : undefined;
  return typeof v === 'string' ? v : undefined;
}
