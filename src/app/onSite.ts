/**
 * 现场评分: entering one unit's scores on site. Each value is checked as it is typed (a number
 * between 0 and the item's points; a 加减分 within its sign and cap), and saving writes only
 * that unit's entry cells, its veto cell, and the reasons: into the table's 扣分原因 column when
 * it has one, else as a note on the entry cell.
 *
 * Why a note and not a row of 扣分明细: that sheet is read as deduction records (a row is an
 * occurrence of one of the item's rules, counted against the item), so a row holding only a
 * reason would deduct the points a second time or be reported as an unknown rule. An occurrence
 * of a rule is recorded there by `recordPlan`, which also sets the item's score from the rules.
 */
import type { Decimal } from '../engine/decimal';
import { compileScheme, ruleName, type CompiledItem } from '../engine/deductions';
import type { AdjustmentRule, Entry, Item } from '../engine/model';
import { applyRules, type RecordError, type Rule } from '../engine/rules';
import type { CellWrite, SheetPlan, WritePlan } from '../host/host';
import { display, parseValue } from '../sheet/entry';
import { a1, parseA1, type Grid } from '../sheet/grid';
import { findListLayout } from '../sheet/listSheet';
import { isLogName, LOG_COLUMNS, LOG_SHEET_NAME } from '../sheet/readLog';
import { reasonOfNote, REASON_NOTE_PREFIX } from '../sheet/outputs/signed';
import type { ScoreTable } from '../sheet/readScoreTable';
import type { AssessmentResult } from './scoreAssessment';

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
  /** reasons[c][i]: why the item lost points (扣分原因). */
  reasons: string[][];
  adjustments: string[];
  /** adjustmentReasons[k]: why the 加减分 line was given or taken. */
  adjustmentReasons: string[];
  /** null leaves the veto cell as it is. */
  veto: boolean | null;
}

/** The prefix of a reason written as a cell note (tables without a 扣分原因 column). */

/**
 * The values the deduction records give, by entry cell: what a blank cell computed from the
 * records shows in the form (the scored unit's entries marked `computed`).
 */
export type ComputedValues = ReadonlyMap<string, Decimal>;

/**
 * What the form starts with: the unit's entries as they stand (a blank cell the records compute
 * shows the computed value) and the reasons already written — in the table's 扣分原因 column, or
 * as a note on the entry cell (read from `grid`, the table's sheet, where the host reads notes).
 */
export function onSiteStart(table: ScoreTable, grid?: Grid, computed?: ComputedValues): OnSiteInput {
  const shown = (e: Entry) => {
    if (e.status === 'blank' && computed?.has(e.cell)) return (computed.get(e.cell) as Decimal).toFixed();
    return e.status === 'ok' && e.value ? e.value.toFixed() : e.raw;
  };
  const reasonAt = (row: number, cell: string) => {
    const col = table.columns.reason;
    if (!grid) return '';
    if (col !== undefined) return display(grid.rows[row]?.[col] ?? null).trim();
    return reasonOfNote(grid.notes?.[cell]);
  };
  return {
    items: table.entries.items.map((row) => row.map(shown)),
    reasons: table.itemRows.map((rows, c) => rows.map((row, i) => reasonAt(row, table.entries.items[c][i].cell))),
    adjustments: table.entries.adjustments.map(shown),
    adjustmentReasons: table.entries.adjustments.map((e) => reasonAt(parseA1(e.cell).row, e.cell)),
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
 * The deductions entered without a reason: 'c.i' for an item below its points, 'a.k' for a
 * negative 加减分. With `base` (what the workbook held), only the values changed since count:
 * a reason written earlier as a note cannot be read back, so an old deduction is not flagged.
 */
export function missingReasons(table: ScoreTable, input: OnSiteInput, base?: OnSiteInput): string[] {
  const missing: string[] = [];
  table.scheme.categories.forEach((c, ci) =>
    c.items.forEach((item, ii) => {
      if (base && base.items[ci][ii] === input.items[ci][ii]) return;
      const r = checkItem(input.items[ci][ii], item);
      if (r.ok && r.value && r.value.lt(item.points) && input.reasons[ci][ii].trim() === '') missing.push(`${ci}.${ii}`);
    }),
  );
  table.scheme.adjustments.forEach((rule, k) => {
    if (base && base.adjustments[k] === input.adjustments[k]) return;
    const r = checkAdjustment(input.adjustments[k], rule);
    if (r.ok && r.value && r.value.lt(0) && input.adjustmentReasons[k].trim() === '') missing.push(`a.${k}`);
  });
  return missing;
}

/**
 * The cells saving writes: the unit's entry cells whose value changed, its veto cell, and the
 * reasons that changed — into the 扣分原因 column on the item's row when the table has one, else
 * as a note on the entry cell. `grid` (the table's sheet) tells the reasons already written and
 * the entry cells holding a formula, which a note alone leaves in place. Throws when a value is
 * invalid (the form does not offer to save then).
 */
export function onSitePlan(table: ScoreTable, input: OnSiteInput, grid?: Grid, computed?: ComputedValues): WritePlan {
  if (onSiteProblems(table, input).size > 0) throw new Error('有无效的得分，不能保存');
  const start = onSiteStart(table, grid, computed);
  const cells: CellWrite[] = [];
  const sheet = table.sheet;
  const reasonCol = table.columns.reason;
  const number = (typed: string, check: Checked) => (check.ok && check.value ? check.value.toNumber() : typed.trim() === '' ? null : Number(typed));
  const before = (entry: Entry) => (entry.status === 'ok' && entry.value ? entry.value.toNumber() : entry.status === 'blank' ? null : undefined);
  /**
   * One entry: its value when changed, and its reason when changed. A computed value left as the
   * form showed it (`typed === shownBefore`) stays computed: the blank cell is not written.
   */
  const write = (entry: Entry, value: number | null, row: number, reason: string, reasonBefore: string, kept = false) => {
    const changed = !kept && value !== before(entry);
    if (changed) cells.push({ sheet, cell: entry.cell, value });
    if (reason === reasonBefore.trim()) return;
    if (reasonCol !== undefined) {
      cells.push({ sheet, cell: a1(row, reasonCol), value: reason === '' ? null : reason });
    } else if (reason !== '') {
      const note = `${REASON_NOTE_PREFIX}${reason}`;
      if (changed) cells[cells.length - 1].note = note;
      else {
        // A note needs the cell written again: the value it holds, and its formula if it has one.
        const formula = grid?.formulas?.[entry.cell];
        cells.push({ sheet, cell: entry.cell, value, note, ...(formula ? { formula } : {}) });
      }
    }
  };
  table.scheme.categories.forEach((c, ci) =>
    c.items.forEach((item, ii) => {
      const typed = input.items[ci][ii];
      const value = number(typed, checkItem(typed, item));
      const entry = table.entries.items[ci][ii];
      const kept = entry.status === 'blank' && computed?.has(entry.cell) === true && typed === start.items[ci][ii];
      write(entry, value, table.itemRows[ci][ii], input.reasons[ci][ii].trim(), start.reasons[ci][ii], kept);
    }),
  );
  table.scheme.adjustments.forEach((rule, k) => {
    const entry = table.entries.adjustments[k];
    const typed = input.adjustments[k];
    const value = number(typed, checkAdjustment(typed, rule));
    const kept = entry.status === 'blank' && computed?.has(entry.cell) === true && typed === start.adjustments[k];
    write(entry, value, parseA1(entry.cell).row, input.adjustmentReasons[k].trim(), start.adjustmentReasons[k], kept);
  });
  const veto = table.entries.veto;
  if (veto && input.veto !== null && input.veto !== (veto.value === true)) {
    cells.push({ sheet, cell: veto.cell, value: input.veto ? '是' : '否' });
  }
  return { cells };
}

/** A form being filled in: what the workbook held when it was read (`base`) and what is typed now. */
export interface OnSiteDraft {
  base: OnSiteInput;
  input: OnSiteInput;
}

/**
 * Carries a draft onto a fresh reading of the workbook: what the user changed since `base` stays
 * as typed, everything else follows `next` (another writer, an occurrence recorded, a save).
 * A table whose shape changed (rows added or removed) starts again from `next`.
 */
export function onSiteRebase(draft: OnSiteDraft, next: OnSiteInput): OnSiteDraft {
  const { base, input } = draft;
  const sameShape = (a: string[][], b: string[][]) => a.length === b.length && a.every((row, i) => row.length === b[i].length);
  if (!sameShape(base.items, next.items) || base.adjustments.length !== next.adjustments.length || (base.veto === null) !== (next.veto === null)) {
    return { base: next, input: next };
  }
  const pick = (b: string, typed: string, n: string) => (typed === b ? n : typed);
  return {
    base: next,
    input: {
      items: next.items.map((row, c) => row.map((n, i) => pick(base.items[c][i], input.items[c][i], n))),
      reasons: next.reasons.map((row, c) => row.map((n, i) => pick(base.reasons[c][i], input.reasons[c][i], n))),
      adjustments: next.adjustments.map((n, k) => pick(base.adjustments[k], input.adjustments[k], n)),
      adjustmentReasons: next.adjustmentReasons.map((n, k) => pick(base.adjustmentReasons[k], input.adjustmentReasons[k], n)),
      veto: input.veto === base.veto ? next.veto : input.veto,
    },
  };
}

/** How many fields of a draft differ from what the workbook holds: the unsaved changes. */
export function onSiteChanges({ base, input }: OnSiteDraft): number {
  const diff = (a: string[], b: string[]) => a.filter((v, i) => v !== b[i]).length;
  return (
    base.items.reduce((n, row, c) => n + diff(row, input.items[c]), 0) +
    base.reasons.reduce((n, row, c) => n + diff(row, input.reasons[c]), 0) +
    diff(base.adjustments, input.adjustments) +
    diff(base.adjustmentReasons, input.adjustmentReasons) +
    (base.veto === input.veto ? 0 : 1)
  );
}

/** One occurrence recorded on site against a rule of an item (or of a 加减分 line). */
export interface OnSiteRecord {
  unit: string;
  /** CompiledItem.key: 'c1.i0', 'a3'. */
  itemKey: string;
  ruleId: string;
  count: number;
  reason: string;
  who: string;
  /** YYYY-MM-DD */
  date: string;
}

/**
 * The rules of an item that can be recorded on site: those the ledger does not count, and — when
 * the workbook has a case register — those the register does not score (按期结案率…, 到期不能按时结案…).
 */
export function recordableRules(item: CompiledItem, registerPresent = false): Rule[] {
  return item.parsed.rules.filter((_, k) => !item.queries[k] && !item.quotas[k] && !(registerPresent && item.cases[k]));
}

/**
 * Recording an occurrence: a row appended to the 扣分明细 sheet (created when the workbook has
 * none), and the item's 得分 (or the 加减分 line) set to what the rules now give — the cell the
 * assessor is scoring on site. Nothing else is written.
 */
export function recordPlan(grids: Grid[], result: AssessmentResult, record: OnSiteRecord): WritePlan {
  const scheme = result.assessment.scheme;
  const unit = result.units.find((u) => u.table.unit === record.unit);
  if (!scheme || !unit) throw new Error(`没有单位“${record.unit}”`);
  const item = compileScheme(scheme).find((it) => it.key === record.itemKey);
  const rule = item?.parsed.rules.find((r) => r.id === record.ruleId);
  if (!item || !rule) throw new Error('没有这一项规则');
  if (!Number.isInteger(record.count) || record.count < 1) throw new Error('次数应为正整数');

  const records = [...unit.deductions.filter((d) => d.itemKey === item.key), { ruleId: rule.id, count: record.count }];
  const outcome = applyRules(item.points, item.parsed.rules, records.map((r) => ({ ruleId: r.ruleId, count: r.count })));
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => recordError(e, item, record.unit)).join('；'));
  const value = (item.points === null ? outcome.net : outcome.score) as Decimal;
  const entry = item.ref.kind === 'item' ? unit.table.entries.items[item.ref.category][item.ref.item] : unit.table.entries.adjustments[item.ref.index];
  const cells: CellWrite[] = [{ sheet: unit.table.sheet, cell: entry.cell, value: value.toNumber() }];

  const row = [record.unit, item.label, ruleName(rule), record.count, null, record.reason, record.who, record.date];
  const log = grids.find((g) => isLogName(g.name));
  if (!log) {
    const header = ['单位', '考核项目', '扣分因素', '次数', '扣(加)分', '原因', '记录人', '日期'];
    const sheet: SheetPlan = {
      name: LOG_SHEET_NAME,
      cells: [
        ...header.map((h, c) => ({ cell: a1(0, c), value: h, style: { bold: true, border: true } })),
        ...row.map((v, c) => ({ cell: a1(1, c), value: v, style: { border: true, wrap: true } })),
      ],
      merges: [],
      columnWidths: [12, 30, 30, 6, 9, 30, 10, 12],
    };
    return { cells, sheets: [sheet] };
  }
  const { layout } = findListLayout(log, LOG_COLUMNS);
  if (!layout) throw new Error(`工作表“${log.name}”缺少扣分明细的表头（单位、考核项目），无法添加记录`);
  const next = Math.max(layout.headerRow, ...layout.rows) + 1;
  const columns: (keyof typeof layout.columns)[] = ['unit', 'item', 'rule', 'count', 'points', 'reason', 'who', 'date'];
  columns.forEach((key, i) => {
    const col = layout.columns[key];
    if (col !== undefined && key !== 'points') cells.push({ sheet: log.name, cell: a1(next, col), value: row[i] });
  });
  return { cells };
}

/** applyRules' error in the assessor's words: the rule by its text, never its internal id (r1). */
function recordError(e: RecordError, item: CompiledItem, unit: string): string {
  const rule = item.parsed.rules.find((r) => r.id === e.ruleId);
  const name = rule ? `“${ruleName(rule)}”` : '这条扣分因素';
  if (e.code === 'COUNT_ONCE_ONLY') return `${name}只计一次，${unit}的“${item.label}”已经记录过（见“扣分明细”），不能再记`;
  return e.message.replace(`规则 ${e.ruleId} `, name);
}
