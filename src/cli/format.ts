/** Plain-text output of the command line: the ranking table and the diagnostics by sheet. */
import type { DraftState } from '../app/draft';
import type { Report } from '../app/scoreAssessment';
import type { Diagnostic, Severity } from '../engine/diagnostics';
import type { ScoreSettings } from '../engine/model';

/** Columns a terminal gives a string: CJK and full-width characters take two. width('张庄村') → 6 */
export function width(text: string): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    w += code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6)) ? 2 : 1;
  }
  return w;
}

function pad(text: string, cols: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, cols - width(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** A table with aligned columns; numeric columns are right-aligned. */
export function table(header: string[], rows: string[][], rightAligned: number[] = []): string {
  const widths = header.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c] ?? ''))));
  const line = (cells: string[]) =>
    cells.map((cell, c) => pad(cell, widths[c], rightAligned.includes(c) ? 'right' : 'left')).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n') + '\n';
}

/** The ranking as printed on stdout: 名次, 单位, 基础分, 加减分, 总分, 等次, 一票否决, 备注. */
export function formatRanking(report: Report, settings: ScoreSettings): string {
  const ranking = settings.ranking === 'dense' ? '中国式排名（并列不占名次）' : '竞赛排名（并列占名次）';
  const veto = settings.veto === 'zero' ? '否决单位记 0 分' : '否决单位保留得分、排在最后';
  const rows = report.units.map((u) => [
    String(u.rank),
    u.name,
    String(u.base),
    u.adjustment === 0 ? '0' : u.adjustment > 0 ? `+${u.adjustment}` : String(u.adjustment),
    String(u.total),
    u.band ?? '—',
    u.veto ? '是' : '',
    [u.invalidEntries ? `${u.invalidEntries} 处填写错误` : '', u.blankEntries ? `${u.blankEntries} 项未填` : ''].filter(Boolean).join('，'),
  ]);
  return (
    `考核结果：${report.units.length} 个单位；${ranking}；${veto}\n\n` +
    table(['名次', '单位', '基础分', '加减分', '总分', '等次', '一票否决', '备注'], rows, [0, 2, 3, 4])
  );
}

const SEVERITY: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** Diagnostics grouped by sheet, errors first within each sheet; a count line at the end. */
export function formatDiagnostics(diagnostics: Diagnostic[]): string {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key = d.sheet ?? '';
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const order: Severity[] = ['error', 'warning', 'info'];
  let out = '';
  for (const [sheet, list] of groups) {
    out += sheet ? `【${sheet}】\n` : '【工作簿】\n';
    const sorted = [...list].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
    for (const d of sorted) out += `  ${SEVERITY[d.severity]} ${d.cell ? pad(d.cell, 5) : pad('', 5)} ${d.message}\n`;
  }
  const count = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
  out += `共 ${count('error')} 个错误，${count('warning')} 个警告，${count('info')} 条提示。\n`;
  return out;
}

/** How each point was lost: per unit, each deduction with its rule, count and reason. Empty when none. */
export function formatDeductions(report: Report, sources: { logRows: number; ledgerEvents: number }): string {
  const units = report.units.filter((u) => u.deductions.length > 0);
  if (units.length === 0) return '';
  const from = [sources.ledgerEvents ? `信访台账 ${sources.ledgerEvents} 条` : '', sources.logRows ? `扣分明细 ${sources.logRows} 条` : '']
    .filter(Boolean)
    .join('，');
  let out = `按扣分因素计算的扣加分（来源：${from}）\n`;
  for (const u of units) {
    out += `【${u.name}】\n`;
    const rows = u.deductions.map((d) => [
      d.points > 0 ? `+${d.points}` : String(d.points),
      `${shortRule(d.rule)}${d.count > 1 ? ` ×${d.count}` : ''}`,
      d.reason,
    ]);
    const w0 = Math.max(...rows.map((r) => width(r[0])));
    const w1 = Math.max(...rows.map((r) => width(r[1])));
    for (const r of rows) out += `  ${pad(r[0], w0, 'right')}  ${pad(r[1], w1)}  ${r[2]}`.trimEnd() + '\n';
  }
  return out;
}

/** A rule cut to fit a line: the first 22 characters. */
function shortRule(rule: string): string {
  const chars = [...rule];
  return chars.length <= 22 ? rule : `${chars.slice(0, 22).join('')}…`;
}

/**
 * Whether the results can be issued: the 草稿 problems by unit, the deductions without a reason,
 * and a stale notice. '' when there is nothing to say.
 */
export function formatFinality(draft: DraftState, missingReasons: { unit: string; cells: string[] }[], stale: string | null): string {
  const lines: string[] = [];
  if (!draft.final) {
    lines.push('草稿：以下问题处理前，生成的汇总表、签字评分表和通报都标为“草稿”，不能作为正式结果：');
    for (const p of draft.problems) lines.push(`  ${p.where}${p.text}`);
  }
  const missing = missingReasons.filter((m) => m.cells.length > 0);
  if (missing.length) {
    lines.push(`提示：${missing.length} 个单位有扣分没有填写扣分原因（签字评分表上写“未填写扣分原因”）：`);
    for (const m of missing) lines.push(`  ${m.unit}：${m.cells.slice(0, 8).join('、')}${m.cells.length > 8 ? ` 等 ${m.cells.length} 项` : ''}`);
  }
  if (stale) lines.push(stale);
  return lines.length ? lines.join('\n') + '\n' : '';
}
