/**
 * `kaohe merge <master.xlsx> <copy1.xlsx> <copy2.xlsx>… --out merged.xlsx [--report r.json]
 * [--prefer copy1.xlsx]`: the 考核组 copies merged into a copy of the master (the master and
 * the copies are never written). Exit 0: merged, nothing left open; 1: merged, but a conflict is
 * undecided, a unit unknown or a value not carried; 2: a file is unusable (not a workbook, no
 * score table, a copy whose table differs from the master's) or the arguments are wrong.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { MasterUnusable, mergeCopies, mergeHasProblems, type MergeOutcome } from '../app/merge';
import { openWorkbookFile } from '../host/xlsxFile';
import { UnusableInput, type XlsxHost } from '../host/xlsxHost';
import type { Io } from './main';
import { parseCommandLine, stringOption } from './args';
import { OutputError, sameFileError, writeFileAtomic } from './files';
import { formatMerge } from './mergeFormat';

const USAGE = '用法：kaohe merge <主表.xlsx> <副本1.xlsx> <副本2.xlsx>… --out 合并后.xlsx [--report 报告.json] [--prefer 副本1.xlsx]（kaohe --help 查看说明）\n';

/** Runs `kaohe merge` with the arguments after the command; resolves to the exit code. */
export async function runMerge(argv: string[], io: Io): Promise<number> {
  const args = parseCommandLine(argv, { out: { type: 'string' }, report: { type: 'string' }, prefer: { type: 'string', multiple: true } });
  if (!args.ok) {
    io.err(`参数有误：${args.message}\n${USAGE}`);
    return 2;
  }
  const { positionals } = args.parsed;
  const out = stringOption(args.parsed.values, 'out');
  const reportPath = stringOption(args.parsed.values, 'report');
  const preferred = (args.parsed.values.prefer ?? []) as string[];
  const [master, ...copies] = positionals;
  if (!master || copies.length === 0 || !out) {
    io.err(!master || copies.length === 0 ? `请给出主表和至少一个副本。\n${USAGE}` : `请用 --out 指定合并后的文件（主表不会被修改）。\n${USAGE}`);
    return 2;
  }
  const inputs = [master, ...copies];

  // File identity, not path: the same file under two names (a link) is still the same file.
  const ids: string[] = [];
  for (const file of inputs) {
    try {
      const st = await fs.stat(file);
      ids.push(`${st.dev}:${st.ino}`);
    } catch {
      io.err(`找不到文件：${file}\n`);
      return 2;
    }
  }
  const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (twice >= 0) {
    io.err(`“${inputs[twice]}”与“${inputs[ids.indexOf(ids[twice])]}”是同一个文件，每个文件只能给出一次。\n`);
    return 2;
  }
  // No destination may be an input (or a link to one), nor each other.
  const destinations = [{ label: '--out', file: out }, ...(reportPath ? [{ label: '--report', file: reportPath }] : [])];
  for (const [k, file] of inputs.entries()) {
    const conflict = await sameFileError([{ label: k === 0 ? '主表' : '副本', file }, ...destinations]);
    if (conflict) {
      io.err(`${conflict.replace('输入文件', k === 0 ? '主表' : '副本')}\n`);
      return 2;
    }
  }
  const names = inputs.map((f) => path.basename(f));
  const sameName = names.findIndex((n, i) => names.indexOf(n) !== i);
  if (sameName >= 0) {
    io.err(`有两个文件都叫“${names[sameName]}”，报告中无法区分，请改名后再合并。\n`);
    return 2;
  }
  const prefer: string[] = [];
  for (const p of preferred) {
    const k = inputs.findIndex((f, i) => f === p || names[i] === p || path.resolve(f) === path.resolve(p));
    if (k < 0) {
      io.err(`--prefer “${p}”不是本次合并的文件（可选：${names.join('、')}）。\n`);
      return 2;
    }
    prefer.push(names[k]);
  }

  try {
    return await merge(inputs, names, prefer, { out, report: reportPath }, io);
  } catch (e) {
    if (e instanceof UnusableInput || e instanceof OutputError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

async function merge(inputs: string[], names: string[], prefer: string[], dest: { out: string; report?: string }, io: Io): Promise<number> {
  const hosts: XlsxHost[] = [];
  for (const file of inputs) hosts.push(await openWorkbookFile(file));
  const files = await Promise.all(hosts.map(async (h, i) => ({ name: names[i], grids: await h.readGrids() })));
  let outcome: MergeOutcome;
  try {
    outcome = mergeCopies(files[0], files.slice(1), { prefer });
  } catch (e) {
    if (e instanceof MasterUnusable) {
      io.err(`主表无法使用：${e.message}\n`);
      return 2;
    }
    throw e;
  }

  io.out(formatMerge(outcome));
  if (dest.report) {
    const { plan: _plan, ...report } = outcome;
    await writeFileAtomic(dest.report, JSON.stringify(report, null, 2) + '\n', '报告');
    io.out(`\n报告已写入 ${dest.report}\n`);
  }
  if (outcome.refused.length > 0) {
    io.err(`\n有副本无法合并（${outcome.refused.map((r) => r.file).join('、')}）：请核对后重新分发，或从命令中去掉它。未写出 ${dest.out}。\n`);
    return 2;
  }
  const host = hosts[0];
  await host.apply(outcome.plan);
  if (host.unkept.length > 0) {
    io.err(`注意：主表含有${host.unkept.join('、')}，合并后的文件 ${dest.out} 中不会保留（主表不受影响）。需要保留时，请在 Excel 中用考核助手窗格的“合并评分”。\n`);
  }
  await writeFileAtomic(dest.out, await host.toBytes(), '合并后的工作簿');
  const open = outcome.conflicts.filter((c) => c.resolvedBy === null).length;
  io.out(`\n已写出 ${dest.out}（写入 ${outcome.writes.length} 个单元格、扣分明细 ${outcome.log.appended.length} 行；主表和副本未改动）${open ? `；还有 ${open} 处冲突未决定` : ''}\n`);
  return mergeHasProblems(outcome) ? 1 : 0;
}
