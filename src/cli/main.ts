/**
 * The command line: `kaohe score <workbook.xlsx> [--out scored.xlsx] [--report report.json]
 * [--ranking dense|competition] [--veto zero|last]`. Exit 0: scored, no errors; 1: scored,
 * entries have errors; 2: the input is unusable.
 */
import { promises as fs, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { scoreAssessment, toReport, totalsPlan } from '../app/scoreAssessment';
import { hasErrors } from '../engine/diagnostics';
import type { ScoreSettings } from '../engine/model';
import { openInput } from '../host/convertInput';
import { systemReason, writeWorkbookFile } from '../host/xlsxFile';
import { UnusableInput, XlsxHost } from '../host/xlsxHost';
import { convertWithLibreOffice, fontSubstitutionNote } from '../host/libreoffice';
import { readSettings } from '../app/settings';
import { localToday, outputsPlan, type Outputs } from '../app/outputs';
import { formatDeductions, formatDiagnostics, formatFinality, formatRanking } from './format';
import { blockerLines, draftState, staleNotice } from '../app/draft';
import { itemsWithoutReason } from '../sheet/outputs/signed';
import { parseCommandLine, stringOption } from './args';
import { folderError, OutputError, sameFileError, writeFileAtomic } from './files';
import { terminalSafe } from './terminal';
import { asOfOption, runCases } from './casesCommand';
import { runManifest } from './manifestCommand';
import { runMerge } from './mergeCommand';

export const HELP = `考核助手 kaohe — 读取考核评分表，校验、计分、排名
Kaohe — reads assessment score tables, validates, scores and ranks

用法 Usage:
  kaohe score <工作簿.xlsx> [选项]
  kaohe score <workbook.xlsx> [options]
  kaohe cases <工作簿.xlsx> [--as-of 2024-12-20]
                           信访事项办理台账：各单位应办结、按期、逾期、未到期件数和按期办结率，
                           列出逾期未办结和 7 日内到期的案件（只列编号）；有逾期时退出码为 1
                           the case register: per unit counts and on-time rate, the overdue
                           cases and those due within 7 days; exit 1 when any is overdue
  kaohe manifest --url <https://内网服务器/kaohe/> --out <manifest.xml>
                           生成指向本单位服务器的加载项清单 write the add-in manifest for your server
  kaohe merge <主表.xlsx> <副本1.xlsx> <副本2.xlsx>… --out <合并后.xlsx> [--report <报告.json>] [--prefer <副本.xlsx>]
                           把各考核组的副本合并进主表的一份副本：得分、加减分、一票否决、扣分原因、备注、
                           空着的总分和扣分明细；两个值不同的单元格列为冲突、不写入，--prefer 指定以哪个
                           文件为准（可重复）；主表和副本都不修改。退出码：0 完成，1 有未决定的冲突或
                           未合并的内容，2 有文件无法使用（副本的评分表与主表不同时列出差异）
                           merge the 考核组 copies into a copy of the master: entries, reasons,
                           notes, blank 总分 cells and the 扣分明细 rows; differing values are
                           conflicts, listed and not written until --prefer names the file to follow

选项 Options:
  --out <文件.xlsx>        另存一份工作簿：填好空着的“总分”、按扣分记录算出的“得分”和扣分明细的
                           “扣(加)分”，并生成汇总排名表、各单位签字评分表和考核结果通报；
                           已填写的单元格、您自己的工作表和原文件都不会被修改
                           write a copy with the blank 总分 cells, the 得分 cells computed from the
                           records and the log's 扣(加)分 filled, plus the summary and ranking
                           sheet, a signed score sheet per unit and the results notice; nothing
                           typed, none of your sheets and not the input file is changed
  --report <文件.json>     写出 JSON 报告（单位按名次排列，附全部提示）
                           write the JSON report (units in rank order, all diagnostics)
  --pdf <文件夹>           另外用 LibreOffice 生成每张签字评分表和通报的 PDF（需要安装 LibreOffice）
                           also write a PDF of each signed sheet and of the notice (needs LibreOffice)
  --ranking dense|competition
                           排名方式：dense 中国式排名（并列不占名次，1,2,2,3，默认）；
                           competition 竞赛排名（1,2,2,4）
                           ranking: dense (ties share a rank, next follows on; default)
                           or competition (next rank skips)
  --veto zero|last         一票否决：zero 总分记 0 分（默认）；last 保留得分但排在最后
                           veto: zero sets the total to 0 (default); last keeps the score
                           and ranks the unit after every unit without a veto
  --as-of <年-月-日>       办理台账按哪一天计算（默认：评分表上的考核日期，没有则为今天）
                           the day the case register is judged on (default: the assessment
                           date on the score sheets, else today)
  --final                  正式结果：有未评分、填写错误或未计入的记录时拒绝生成（退出码 1）并列出
                           final results: refuse (exit 1) while any entry is blank or wrong
                           or a record was not counted, naming them
  -h, --help               显示本说明 show this help
  -v, --version            显示版本 show the version

扣分记录 Deduction records (optional sheets in the same workbook):
  信访台账   日期 | 单位 | 级别 | 类别 | 人数 | 批次 | 及时稳控调处 | 不列入考评原因 …
             按规则自动计算上访扣分（人次/批次、级别、类别），不用手工数
             petition ledger: petition deductions are counted from it per rule
  扣分明细   单位 | 考核项目 | 扣分因素 | 次数 | 扣(加)分 | 原因 | 记录人 | 日期
             每行一条扣分或加分记录，按该项扣分因素计算得分
             deduction log: one row per occurrence, scored by the item's rule

退出码 Exit codes:
  0  计分完成，没有错误（可能有警告） scored, no errors (warnings allowed)
  1  计分完成，但有填写错误           scored, but entries have errors
  2  输入无法使用（不是工作簿、没有评分表、参数有误） the input is unusable

示例 Example:
  kaohe score examples/2024年度考核.xlsx --out out/scored.xlsx --report out/report.json --pdf out/pdf
`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The terminal: what a cell held is printed, but never a control sequence it might carry. */
const processIo: Io = {
  out: (t) => process.stdout.write(terminalSafe(t)),
  err: (t) => process.stderr.write(terminalSafe(t)),
};

/** Runs the command line with the given arguments; resolves to the exit code. */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  if (argv[0] === 'cases') return runCases(argv.slice(1), io);
  if (argv[0] === 'manifest') return runManifest(argv.slice(1), io);
  if (argv[0] === 'merge') return runMerge(argv.slice(1), io);
  const args = parseCommandLine(argv, {
    out: { type: 'string' },
    report: { type: 'string' },
    ranking: { type: 'string' },
    veto: { type: 'string' },
    pdf: { type: 'string' },
    'as-of': { type: 'string' },
    final: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
  });
  if (!args.ok) {
    io.err(`参数有误：${args.message}\n运行 kaohe --help 查看用法。\n`);
    return 2;
  }
  const { positionals } = args.parsed;
  const values = {
    help: args.parsed.values.help === true,
    version: args.parsed.values.version === true,
    ...Object.fromEntries(['out', 'report', 'ranking', 'veto', 'pdf', 'as-of'].map((k) => [k, stringOption(args.parsed.values, k)])),
  } as { help: boolean; version: boolean; out?: string; report?: string; ranking?: string; veto?: string; pdf?: string; 'as-of'?: string };
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  if (values.version) {
    io.out(`kaohe ${version()}\n`);
    return 0;
  }
  const [command, input, ...extra] = positionals;
  if (command !== 'score' || !input || extra.length > 0) {
    io.err(
      command && command !== 'score'
        ? `未知命令“${command}”。目前支持：kaohe score <工作簿.xlsx>、kaohe cases <工作簿.xlsx>、kaohe merge <主表.xlsx> <副本.xlsx>… --out <文件.xlsx>\n`
        : '用法：kaohe score <工作簿.xlsx> [--out 文件.xlsx] [--report 文件.json]（kaohe --help 查看全部选项）\n',
    );
    return 2;
  }
  const settings = settingsFrom(values, io);
  const asOf = asOfOption(values['as-of'], io);
  if (!settings || !asOf.ok) return 2;
  // The input is never written: no destination may be the input (or a link to it), nor each other.
  const roles = [
    { label: '输入文件', file: input },
    ...(values.out ? [{ label: '--out', file: values.out }] : []),
    ...(values.report ? [{ label: '--report', file: values.report }] : []),
    ...(values.pdf ? [{ label: '--pdf', file: values.pdf }] : []),
  ];
  const conflict = (await sameFileError(roles)) ?? (values.pdf ? await folderError('--pdf', values.pdf) : null);
  if (conflict) {
    io.err(`${conflict}\n`);
    return 2;
  }

  try {
    return await score(input, settings, { out: values.out, report: values.report, pdf: values.pdf, asOf: asOf.asOf, final: args.parsed.values.final === true }, io);
  } catch (e) {
    if (e instanceof UnusableInput) {
      io.err(`${e.message}\n`);
      return 2;
    }
    if (e instanceof OutputError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** The options given on the command line; what is not given comes from the workbook's settings. */
function settingsFrom(values: { ranking?: string; veto?: string }, io: Io): Partial<ScoreSettings> | null {
  const { ranking, veto } = values;
  if (ranking !== undefined && ranking !== 'dense' && ranking !== 'competition') {
    io.err(`--ranking 只能是 dense（中国式排名）或 competition（竞赛排名），收到“${ranking}”。\n`);
    return null;
  }
  if (veto !== undefined && veto !== 'zero' && veto !== 'last') {
    io.err(`--veto 只能是 zero（记 0 分）或 last（排在最后），收到“${veto}”。\n`);
    return null;
  }
  return { ...(ranking ? { ranking } : {}), ...(veto ? { veto } : {}) };
}

interface Destinations {
  out?: string;
  report?: string;
  pdf?: string;
  asOf?: string;
  /** --final: refuse while the results are a draft. */
  final?: boolean;
}

async function score(input: string, given: Partial<ScoreSettings>, { out, report: reportPath, pdf, asOf, final }: Destinations, io: Io): Promise<number> {
  const { host, note } = await openInput(input, out);
  if (note) io.out(`${note}
`);
  const grids = await host.readGrids();
  const workbookSettings = readSettings(grids).settings;
  const settings: ScoreSettings = { ...workbookSettings.score, ...given };
  const result = scoreAssessment(grids, settings, { asOf, today: localToday() });
  result.diagnostics.unshift(...host.diagnostics);
  const report = toReport(result);

  if (result.unusable) {
    io.err(`${path.basename(input)}：\n${formatDiagnostics(report.diagnostics)}`);
    if (reportPath) await writeText(reportPath, JSON.stringify(report, null, 2) + '\n');
    return 2;
  }
  io.out(formatRanking(report, settings));
  const deductions = formatDeductions(report, result.records);
  if (deductions) io.out(`\n${deductions}`);
  if (report.diagnostics.length > 0) io.out(`\n${formatDiagnostics(report.diagnostics)}`);
  const draft = draftState(result);
  const byName = new Map(grids.map((g) => [g.name, g]));
  const missingReasons = result.units.map((u) => ({ unit: u.table.unit, cells: itemsWithoutReason(u, byName.get(u.table.sheet)) }));
  const finality = formatFinality(draft, missingReasons, staleNotice(result, workbookSettings, grids.map((g) => g.name)));
  if (finality) io.out(`\n${finality}`);
  if (final && !draft.final) {
    io.err(`--final：结果还是草稿，未生成副本和 PDF。请先处理：\n${blockerLines(draft).map((line) => `  ${line}`).join('\n')}\n`);
    return 1;
  }

  if (reportPath) {
    await writeText(reportPath, JSON.stringify(report, null, 2) + '\n');
    io.out(`\n报告已写入 ${reportPath}\n`);
  }
  const outputs = (out || pdf) && result.units.length > 0 ? outputsPlan(result, grids, workbookSettings, { today: localToday() }) : null;
  const plan = totalsPlan(result);
  if (out || pdf) {
    // The copy in memory: the input file on disk is never written.
    await host.apply(plan);
    if (outputs) {
      const { skipped } = await host.apply(outputs.plan);
      for (const note of [...outputs.notes, ...(out ? skipped : [])]) io.out(`提示：${note}\n`);
    }
  }
  if (out) {
    if (host.unkept.length > 0) {
      io.err(`注意：原工作簿含有${host.unkept.join('、')}，另存的副本 ${out} 中不会保留（原文件不受影响）。需要保留时，请在 Excel 中用考核助手窗格操作。\n`);
    }
    await writeFileAtomic(out, await host.toBytes(), '副本');
    const filled = result.units.reduce((n, u) => n + u.filled.length, 0);
    const logCells = result.records.logPoints.length;
    const parts = [`总分 ${plan.cells.length - filled - logCells} 个`, filled ? `得分 ${filled} 个` : '', logCells ? `扣分明细“扣(加)分” ${logCells} 个` : ''];
    io.out(`已另存为 ${out}（填写了空着的单元格：${parts.filter(Boolean).join('，')}；原文件未改动）\n`);
    if (outputs) {
      const letters = outputs.filled.length ? `，按模板填写了 ${outputs.filled.length} 张（如“${outputs.filled[0]}”）` : '';
      io.out(`生成了工作表：${outputs.summary}、${outputs.notice}，${outputs.signed.size} 张签字评分表（如“${[...outputs.signed.values()][0]}”）${letters}\n`);
    }
  }
  // A PDF asked for and not produced makes the run fail, with the reason already printed.
  if (pdf && outputs && !(await writePdfs(host, outputs, pdf, io))) return 2;
  return hasErrors(report.diagnostics) ? 1 : 0;
}

/**
 * One PDF per signed sheet, one of the summary and one of the notice, through LibreOffice. False
 * (and the reason on stderr, a timeout named as one) when they were asked for and not all written.
 */
async function writePdfs(host: XlsxHost, outputs: Outputs, dir: string, io: Io): Promise<boolean> {
  const printed = [outputs.summary, ...outputs.signed.values(), outputs.notice, ...outputs.filled];
  let work: string | null = null;
  try {
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-pdf-'));
    const files: string[] = [];
    for (const sheet of printed) {
      const file = path.join(work, `${sheet}.xlsx`);
      await writeWorkbookFile(host.sheetCopy(sheet), file);
      files.push(file);
    }
    const written = await convertWithLibreOffice(files, 'pdf', dir);
    const letters = outputs.filled.length ? `、${outputs.filled.length} 份按模板填写的文书` : '';
    io.out(`已生成 ${written.length} 个 PDF（汇总排名、${outputs.signed.size} 张签字评分表、通报${letters}）：${dir}\n${fontSubstitutionNote()}\n`);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(`PDF 未生成：${typeof code === 'string' ? systemReason(code, '写入') : (e as Error).message}\n`);
    return false;
  } finally {
    if (work) await fs.rm(work, { recursive: true, force: true });
  }
}

async function writeText(file: string, text: string): Promise<void> {
  await writeFileAtomic(file, text, '报告');
}

function version(): string {
  // dist/cli/main.js and src/cli/main.ts are both two levels below the package root.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(__dirname, '..', '..', 'package.json')) as { version: string }).version;
}

/**
 * Entry point for bin/kaohe.js: never an unexplained crash. A failure no message foresaw says
 * 内部错误 with an id; its trace goes to a log file for the maintainers, not to the user's screen.
 */
export function main(argv: string[] = process.argv.slice(2)): void {
  run(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();
      const log = path.join(os.tmpdir(), `kaohe-error-${id}.log`);
      let where = `，详细信息已写入 ${log}`;
      try {
        writeFileSync(log, `kaohe ${version()} ${new Date().toISOString()}\nargs: ${JSON.stringify(argv)}\n${(e as Error)?.stack ?? String(e)}\n`);
      } catch {
        where = '（详细信息无法写入日志文件）';
      }
      processIo.err(`内部错误（编号 ${id}），处理未完成${where}。请把输入文件和这个日志文件发给维护者。\n`);
      process.exitCode = 2;
    },
  );
}
