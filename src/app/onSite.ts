/**
 * 现场评分: entering one unit's scores on site. Each value is checked as it is typed (a number
 * between 0 and the item's points; a 加减分 within its sign and cap), and saving writes only
 * that unit's entry cells, its veto cell, and the reasons: into the table's 扣分原因 column when
 * it has one, else as a note on the entry cell.
 */
import type { Decimal } from '../engine/decimal';
import type { AdjustmentRule, Item } from '../engine/model';
import type { CellWrite, WritePlan } from '../host/host';
import { parseValue } from '../sheet/entry';
import { a1 } from '../sheet/grid';
import type { ScoreTable } from '../sheet/readScoreTable';

export type Checked = { ok: true; value: Decimal | null } | { ok: false; message: string };

/** An item's score as typed: blank, or a number in [0, points]. checkItem('6', item of 5 points) → 超过分值 5 */
export function checkItem(typed: string, item: Item): Checked {
  const p = parseValue(typed);
  if (p.kind === 'blank') return { ok: true, value: null };
  if (p.kind !== 'number') return { ok: false, message: '请输入数字' };
  if (p.value.lt(0)) return { ok: false, message: '得分不能为负数' };
  if (p.value.gt(item.points)) return { ok: false, message: `不能超过分值 ${item.points.toFixed()}` };
  return { ok: true, value: p.value };
}

/** A 加减分 entry as typed: blank, or a signed number that respects the line's kind and cap. */
export function checkAdjustment(typed: string, rule: AdjustmentRule): Checked {
  const p = parseValue(typed);
  if (p.kind === 'blank') return { ok: true, value: null };
  if (p.kind !== 'number') return { ok: false, message: '请输入数字，如 2 或 -1' };
  if (rule.kind === 'bonus' && p.value.lt(0)) return { ok: false, message: '这是加分项，应为正数' };
  if (rule.kind === 'deduction' && p.value.gt(0)) return { ok: false, message: '这是扣分项，应为负数（如 -1）' };
  if (rule.cap && p.value.abs().gt(rule.cap)) return { ok: false, message: `不能超过 ${rule.cap.toFixed()} 分` };
  return { ok: true, value: p.value };
}

export interface OnSiteInput {
  /** items[c][i]: what was typed for each item ('' for blank). */
  items: string[][];
  reasons: string[][];
  adjustments: string[];
  /** null leaves the veto cell as it is. */
  veto: boolean | null;
}

/** What the form starts with: the unit's entries as they stand. */
export function onSiteStart(table: ScoreTable): OnSiteInput {
  return {
    items: table.entries.items.map((row) => row.map((e) => (e.status === 'ok' && e.value ? e.value.toFixed() : e.raw))),
    reasons: table.entries.items.map((row) => row.map(() => '')),
    adjustments: table.entries.adjustments.map((e) => (e.status === 'ok' && e.value ? e.value.toFixed() : e.raw)),
    veto: table.entries.veto ? table.entries.veto.value === true : null,
  };
}

/** Every value that cannot be saved, as 'c.i' or 'a.k' → message; empty when all is well. */
export function onSiteProblems(table: ScoreTable, input: OnSiteInput): Map<string, string> {
  const problems = new Map<string, string>();
  table.scheme.categories.forEach((c, ci) =>
    c.items.forEach((item, ii) => {
      const r = checkItem(input.items[ci][ii], item);
      if (!r.ok) problems.set(`${ci}.${ii}`, r.message);
    }),
  );
  table.scheme.adjustments.forEach((rule, k) => {
    const r = checkAdjustment(input.adjustments[k], rule);
    if (!r.ok) problems.set(`a.${k}`, r.message);
  });
  return problems;
}

/**
 * The cells saving writes: the unit's entry cells whose value changed, its veto cell, and the
 * reasons. Throws when a value is invalid (the form does not offer to save then).
 */
export function onSitePlan(table: ScoreTable, input: OnSiteInput): WritePlan {
  if (onSiteProblems(table, input).size > 0) throw new Error('有无效的得分，不能保存');
  const cells: CellWrite[] = [];
  const sheet = table.sheet;
  const number = (typed: string, check: Checked) => (check.ok && check.value ? check.value.toNumber() : typed.trim() === '' ? null : Number(typed));
  table.scheme.categories.forEach((c, ci) =>
    c.items.forEach((item, ii) => {
      const entry = table.entries.items[ci][ii];
      const typed = input.items[ci][ii];
      const value = number(typed, checkItem(typed, item));
      const before = entry.status === 'ok' && entry.value ? entry.value.toNumber() : entry.status === 'blank' ? null : undefined;
      if (value !== before) cells.push({ sheet, cell: entry.cell, value });
      const reason = input.reasons[ci][ii].trim();
      if (reason === '') return;
      const col = table.columns.reason;
      if (col !== undefined) cells.push({ sheet, cell: a1(table.itemRows[ci][ii], col), value: reason });
      else if (value !== before) cells[cells.length - 1].note = `扣分原因：${reason}`;
      else cells.push({ sheet, cell: entry.cell, value, note: `扣分原因：${reason}` });
    }),
  );
  table.scheme.adjustments.forEach((rule, k) => {
    const entry = table.entries.adjustments[k];
    const typed = input.adjustments[k];
    const value = number(typed, checkAdjustment(typed, rule));
    const before = entry.status === 'ok' && entry.value ? entry.value.toNumber() : entry.status === 'blank' ? null : undefined;
    if (value !== before) cells.push({ sheet, cell: entry.cell, value });
  });
  const veto = table.entries.veto;
  if (veto && input.veto !== null && input.veto !== (veto.value === true)) {
    cells.push({ sheet, cell: veto.cell, value: input.veto ? '是' : '否' });
  }
  return { cells };
}
