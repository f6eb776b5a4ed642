/**
 * `kaohe cases <workbook.xlsx> [--as-of YYYY-MM-DD]`: the case register (信访事项办理台账) as of a
 * date — per unit the cases due, on time, late and open with 按期办结率 and 结案率, then the cases
 * overdue and those due within the next days. Exit 1 when any case is overdue (or a register row
 * has an error), 2 when the workbook has no register or cannot be read. Only 编号 are printed.
 */
import path from 'path';
import { validAsOf, type CasesResult } from '../app/cases';
import { localToday } from '../app/outputs';
import { scoreAssessment } from '../app/scoreAssessment';
import { SETTINGS_SHEET } from '../app/settings';
import { percent } from '../engine/cases/rates';
import { hasErrors } from '../engine/diagnostics';
import { openWorkbookFile } from '../host/xlsxFile';
import { UnusableInput } from '../host/xlsxHost';
import { parseCommandLine, stringOption } from './args';
import { formatDiagnostics, table } from './format';
import type { Io } from './main';

export const CASES_USAGE = '用法：kaohe cases <工作簿.xlsx> [--as-of 2024-12-20]（kaohe --help 查看说明）\n';

/** The --as-of option checked: a real date YYYY-MM-DD, else a message. */
export function asOfOption(value: string | undefined, io: Io): { ok: true; asOf?: string } | { ok: false } {
  if (value === undefined) return { ok: true };
  if (!validAsOf(value)) {
    io.err(`--as-of 应为日期，写成 年-月-日（如 2024-12-20），收到“${value}”。\n`);
    return { ok: false };
  }
  return { ok: true, asOf: value };
}

export async function runCases(argv: string[], io: Io): Promise<number> {
  const args = parseCommandLine(argv, { 'as-of': { type: 'string' } });
  if (!args.ok) {
    io.err(`参数有误：${args.message}\n${CASES_USAGE}`);
    return 2;
  }
  const [input, ...extra] = args.parsed.positionals;
  if (!input || extra.length > 0) {
    io.err(CASES_USAGE);
    return 2;
  }
  const asOf = asOfOption(stringOption(args.parsed.values, 'as-of'), io);
  if (!asOf.ok) return 2;
  try {
    const host = await openWorkbookFile(input);
    const result = scoreAssessment(await host.readGrids(), undefined, { asOf: asOf.asOf, today: localToday() });
    if (!result.cases) {
      io.err(`${path.basename(input)}：没有找到信访事项办理台账（需要有“编号”“责任单位”“受理日期”列的工作表，如“信访事项办理台账”）。\n`);
      return 2;
    }
    io.out(formatCases(result.cases));
    // The settings sheet's values this command read (办理期限, 受理当日计入 …): one it could not read is said, with its cell.
    const settings = result.diagnostics.filter((d) => d.sheet === SETTINGS_SHEET);
    const diagnostics = [...host.diagnostics, ...settings, ...result.cases.diagnostics];
    if (diagnostics.length > 0) io.out(`\n${formatDiagnostics(diagnostics)}`);
    return result.cases.overdue.length > 0 || hasErrors(diagnostics) ? 1 : 0;
  } catch (e) {
    if (e instanceof UnusableInput) {
      io.err(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

const FROM = { given: '--as-of', assessment: '评分表上的考核日期', today: '今天' } as const;

/** The register as printed: counts and rates per unit, then overdue and due-soon cases per unit. */
export function formatCases(cases: CasesResult): string {
  const lines: string[] = [];
  const total = cases.overall;
  lines.push(`信访事项办理台账，截至 ${cases.asOf}（${FROM[cases.asOfFrom]}）：共 ${total.total} 件，已办结 ${total.closed} 件，按期办结率 ${percent(total.onTimeRate)}，结案率 ${percent(total.closeRate)}`);
  lines.push('按期办结率 = 按期办结件数 ÷（已办结件数 + 逾期未办结件数）\n');
  const rows = cases.perUnit
    .filter((u) => u.total > 0)
    .map((u) => [u.unit, String(u.total), String(u.due), String(u.onTime), String(u.late), String(u.open), percent(u.onTimeRate), percent(u.closeRate)]);
  lines.push(table(['单位', '受理', '应办结', '按期', '逾期', '未到期', '按期办结率', '结案率'], rows, [1, 2, 3, 4, 5, 6, 7]));
  const byUnit = <T extends { case: { unit: string } }>(list: readonly T[], line: (o: T) => string): string[] => {
    const units = [...new Set(list.map((o) => o.case.unit))];
    return units.flatMap((u) => [`【${u}】`, ...list.filter((o) => o.case.unit === u).map((o) => `  ${line(o)}`)]);
  };
  if (cases.overdue.length > 0) {
    lines.push(`逾期未办结 ${cases.overdue.length} 件：`);
    lines.push(...byUnit(cases.overdue, (o) => `${o.case.id}  到期日 ${o.due}  已超期 ${o.daysOver} 日`));
  } else lines.push('没有逾期未办结的案件。');
  if (cases.dueSoon.length > 0) {
    lines.push(`\n${cases.rules.dueSoonDays} 日内到期 ${cases.dueSoon.length} 件：`);
    lines.push(...byUnit(cases.dueSoon, (o) => `${o.case.id}  到期日 ${o.due}  ${o.daysLeft === 0 ? '今天到期' : `还剩 ${o.daysLeft} 日`}`));
  } else lines.push(`${cases.rules.dueSoonDays} 日内没有到期的案件。`);
  return lines.join('\n') + '\n';
}
