/** Plain-text output of `kaohe merge`: copies, what is written, conflicts, the log, coverage. */
import type { MergeOutcome } from '../app/merge';
import { table } from './format';

const shown = (v: string) => (v === '' ? '（空）' : v);

export function formatMerge(o: MergeOutcome): string {
  const parts: string[] = [];
  const copies = [
    ...o.merged.map((f) => [f, '已合并']),
    ...o.refused.map((r) => [r.file, `未合并：${r.reason}${r.differences.length ? `（${r.differences.join('；')}）` : ''}`]),
  ];
  parts.push(`主表 ${o.master}，副本 ${copies.length} 个：\n${copies.map(([f, s]) => `  ${f}  ${s}`).join('\n')}\n`);

  if (o.writes.length > 0) {
    const rows = o.writes.map((w) => [w.unit, `${w.sheet}!${w.cell}`, w.field, `${shown(w.before)} → ${w.value}`, w.from.join('、')]);
    parts.push(`写入 ${o.writes.length} 个单元格：\n${table(['单位', '单元格', '内容', '值', '来自'], rows)}`);
  } else {
    parts.push('没有需要写入的单元格。\n');
  }

  const open = o.conflicts.filter((c) => c.resolvedBy === null);
  const decided = o.conflicts.filter((c) => c.resolvedBy !== null);
  if (open.length > 0) {
    const lines = open.map((c) => `  ${c.unit}  ${c.sheet}!${c.cell}  ${c.field}：${conflictValues(o, c)}`);
    parts.push(`冲突 ${open.length} 处，均未写入（用 --prefer <文件> 指定以哪个文件为准）：\n${lines.join('\n')}\n`);
  }
  if (decided.length > 0) {
    const lines = decided.map((c) => `  ${c.unit}  ${c.sheet}!${c.cell}  ${c.field}：${conflictValues(o, c)}，按 ${c.resolvedBy} 的值`);
    parts.push(`已按指定文件处理的冲突 ${decided.length} 处：\n${lines.join('\n')}\n`);
  }

  const log = o.log;
  if (log.appended.length > 0 || log.duplicates > 0) {
    const lines = log.appended.map((a) => `  ${a.file}“${a.sheet}”第 ${a.row} 行 → “${a.at.sheet}”第 ${a.at.row} 行：${a.values.filter(Boolean).join(' | ')}`);
    const already = log.duplicates ? `${log.duplicates} 行主表已有（或另一副本已给出），未重复添加` : '';
    const head = log.appended.length ? `扣分明细：新增 ${log.appended.length} 行${already ? `，${already}` : ''}` : `扣分明细：没有新的行（${already}）`;
    parts.push(`${head}\n${lines.join('\n')}${lines.length ? '\n' : ''}`);
  }

  if (o.unknownUnits.length > 0) {
    const lines = o.unknownUnits.map((u) => `  ${u.file}“${u.sheet}”${u.cell ?? ''}：单位“${u.unit}”主表中没有${u.nearest ? `，是否为“${u.nearest}”？` : ''}`);
    parts.push(`未合并的单位 ${o.unknownUnits.length} 个：\n${lines.join('\n')}\n`);
  }
  if (o.problems.length > 0) parts.push(`提示：\n${o.problems.map((p) => `  ${p}`).join('\n')}\n`);

  const rows = o.coverage.map((c) => [c.unit, c.scoredBy.length ? c.scoredBy.join('、') : '（无）', coverageNote(c)]);
  parts.push(`覆盖情况：\n${table(['单位', '评分副本', '说明'], rows)}`);
  const none = o.coverage.filter((c) => c.scoredBy.length === 0).map((c) => c.unit);
  const many = o.coverage.filter((c) => c.scoredBy.length > 1).map((c) => c.unit);
  const blank = o.coverage.filter((c) => c.blank).map((c) => c.unit);
  parts.push(
    [
      `没有副本评分的单位 ${none.length} 个${none.length ? `：${none.join('、')}` : ''}`,
      `合并后仍未评分的单位 ${blank.length} 个${blank.length ? `：${blank.join('、')}` : ''}`,
      `被多个副本评分的单位 ${many.length} 个${many.length ? `：${many.join('、')}` : ''}`,
    ].join('\n') + '\n',
  );
  return parts.join('\n');
}

function conflictValues(o: MergeOutcome, c: MergeOutcome['conflicts'][number]): string {
  const master = c.master === '' ? [] : [`${o.master} ${c.master}`];
  return [...master, ...c.offers.map((x) => `${x.file} ${x.value}`)].join('；');
}

function coverageNote(c: MergeOutcome['coverage'][number]): string {
  if (c.blank) return '仍未评分';
  if (c.scoredBy.length > 1) return '多个副本评分';
  if (c.scoredBy.length === 0) return '无副本评分（主表原有）';
  return '';
}
