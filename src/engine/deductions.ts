/**
 * Deductions computed from the rules (扣分因素): the scheme's rule texts compiled once, the
 * counts recorded against them (扣分明细 rows, petition-ledger counts), and each item's score
 * as applyRules gives it, with every deduction listed with its rule and reason.
 */
import { dec, type Decimal } from './decimal';
import { diagnose, type Diagnostic } from './diagnostics';
import { countFor, eventsFor, type LedgerQuery, type PetitionEvent, type PetitionLevel } from './ledger';
import { ledgerQueries, quotaExcess, quotaOf, type Quota } from './ledgerRules';
import type { Scheme } from './model';
import { applyRules, parseRules, RULE_EFFECTS, type ParsedRules, type Rule } from './rules';
import { labelKey } from './text';
import { caseCount, caseQueries, type CaseQuery } from './cases/caseRules';
import type { UnitCases } from './cases/rates';
import type { CaseOutcome } from './cases/register';

export type ItemRef = { kind: 'item'; category: number; item: number } | { kind: 'adjustment'; index: number };

/** One scored line of the scheme (an item or a 加减分 line) with its rules read. */
export interface CompiledItem {
  /** 'c1.i2' for item 2 of category 1, 'a3' for adjustment line 3 (0-based). */
  key: string;
  ref: ItemRef;
  label: string;
  /** The item's points; null for a 加减分 line, whose rules add or deduct from the total. */
  points: Decimal | null;
  parsed: ParsedRules;
  /** For each rule: what it counts in the petition ledger, or null. */
  queries: (LedgerQuery | null)[];
  /** For each rule: the quota it enforces (seed 002 三(一)), or null. */
  quotas: (Quota | null)[];
  /** For each rule: the rate it scores from the case register (按期结案率达到85%…), or null. */
  cases: (CaseQuery | null)[];
}

/** Each scheme is compiled once: its rules are parsed again by every reading, form and record otherwise. */
const compiled = new WeakMap<Scheme, readonly CompiledItem[]>();

/** The scheme's items and 加减分 lines with their rules parsed (the same array for the same scheme: do not change it). */
export function compileScheme(scheme: Scheme): readonly CompiledItem[] {
  let items = compiled.get(scheme);
  if (!items) compiled.set(scheme, (items = compile(scheme)));
  return items;
}

function compile(scheme: Scheme): CompiledItem[] {
  const out: CompiledItem[] = [];
  scheme.categories.forEach((category, c) =>
    category.items.forEach((item, i) => {
      const parsed = parseRules(item.rules, { label: item.label });
      const text = [item.label, ...item.rules].join('\n');
      out.push({
        key: `c${c}.i${i}`,
        ref: { kind: 'item', category: c, item: i },
        label: item.label,
        points: item.points,
        parsed,
        queries: ledgerQueries(parsed.rules, item.label),
        quotas: parsed.rules.map((r) => quotaOf(text, r)),
        cases: caseQueries(parsed.rules),
      });
    }),
  );
  scheme.adjustments.forEach((adjustment, a) => {
    const parsed = parseRules(adjustment.rule, { label: adjustment.label });
    out.push({
      key: `a${a}`,
      ref: { kind: 'adjustment', index: a },
      label: adjustment.label,
      points: null,
      parsed,
      queries: parsed.rules.map(() => null),
      quotas: parsed.rules.map(() => null),
      cases: caseQueries(parsed.rules),
    });
  });
  return out;
}

/** True when some rule of the item is counted from the ledger. */
export function countsFromLedger(item: CompiledItem): boolean {
  return item.queries.some((q) => q !== null) || item.quotas.some((q) => q !== null);
}

/** True when some rule of the item is scored from the case register. */
export function countsFromRegister(item: CompiledItem): boolean {
  return item.cases.some((q) => q !== null);
}

/** A count recorded against one rule of one item, for one unit, with where it came from. */
export interface CountRecord {
  itemKey: string;
  ruleId: string;
  count: number;
  reason: string;
  source: 'log' | 'ledger' | 'register';
  sheet: string;
  cell: string;
  who?: string;
  date?: string;
}

/** One line of “how each point was lost”: the rule, the count, the points it moved (−4, +1), the reason. */
export interface Deduction {
  itemKey: string;
  ruleId: string;
  item: string;
  rule: string;
  count: number;
  /** Negative for a deduction, positive for a bonus, as the rule states it (before 扣完为止 and caps). */
  points: Decimal;
  reason: string;
  source: 'log' | 'ledger' | 'register';
  sheet: string;
  cell: string;
}

export interface ItemComputation {
  item: CompiledItem;
  /** The item's score (points − deductions, floored at 0), or the 加减分 line's net. */
  value: Decimal;
  deductions: Deduction[];
  veto: boolean;
  /** Deductions stated more than the item's points: 扣完为止 took it to 0. */
  exhausted: { deducted: Decimal } | null;
  diagnostics: Diagnostic[];
}

/**
 * Scores the items that have records (and, when `ledgerPresent`, every item the ledger counts,
 * so an item without petitions gets its full points). Items absent from the result keep the
 * entry typed on the sheet.
 */
export function computeItems(items: readonly CompiledItem[], records: CountRecord[], ledgerPresent: boolean, registerPresent = false): Map<string, ItemComputation> {
  const byItem = new Map<string, CountRecord[]>();
  for (const r of records) byItem.set(r.itemKey, [...(byItem.get(r.itemKey) ?? []), r]);
  const out = new Map<string, ItemComputation>();
  for (const item of items) {
    const own = byItem.get(item.key) ?? [];
    if (own.length === 0 && !(ledgerPresent && countsFromLedger(item)) && !(registerPresent && countsFromRegister(item))) continue;
    const diagnostics: Diagnostic[] = [];
    const outcome = applyRules(item.points, item.parsed.rules, own);
    if (!outcome.ok) {
      // A record applyRules refuses (a once-only rule counted twice …): each is reported, none is counted.
      for (const e of outcome.errors) {
        const at = own.find((r) => r.ruleId === e.ruleId);
        diagnostics.push(diagnose('RECORD_REJECTED', { item: item.label, message: e.message }, at?.sheet, at?.cell));
      }
      const fallback = applyRules(item.points, item.parsed.rules, []);
      if (fallback.ok) out.set(item.key, { item, value: valueOf(item, fallback), deductions: [], veto: false, exhausted: null, diagnostics });
      continue;
    }
    const deductions = own
      .filter((r) => r.count > 0)
      .map((r) => {
        const rule = item.parsed.rules.find((x) => x.id === r.ruleId) as Rule;
        return {
          itemKey: item.key,
          ruleId: rule.id,
          item: item.label,
          rule: ruleName(rule),
          count: r.count,
          points: statedPoints(rule, r.count),
          reason: r.reason,
          source: r.source,
          sheet: r.sheet,
          cell: r.cell,
        };
      });
    const exhausted = item.points !== null && outcome.deducted.gt(item.points) ? { deducted: outcome.deducted } : null;
    out.set(item.key, { item, value: valueOf(item, outcome), deductions, veto: outcome.veto, exhausted, diagnostics });
  }
  return out;
}

function valueOf(item: CompiledItem, outcome: { score: Decimal | null; net: Decimal }): Decimal {
  return item.points === null ? outcome.net : (outcome.score as Decimal);
}

/** A rule as shown to a person: its clause, and for one of 分别加… its level. */
export function ruleName(rule: Rule): string {
  return rule.kind === 'bonusLevel' && rule.level ? `${rule.sourceText}（${rule.level}：${rule.points?.toFixed()}分）` : rule.sourceText;
}

/** What a rule moves for a count, signed: −(4 × 2) for 每人次扣4分 counted twice. */
function statedPoints(rule: Rule, count: number): Decimal {
  const { effect, perUnit } = RULE_EFFECTS[rule.kind];
  if (effect !== 'deduct' && effect !== 'bonus') return dec(0);
  const points = (rule.points ?? dec(0)).times(perUnit ? count : 1);
  return effect === 'deduct' ? points.times(-1) : points;
}

/**
 * The counts the petition ledger gives one unit, one record per ledger rule with events.
 * Events whose 及时稳控调处 is not known, under a rule that deducts only for those not
 * stabilised, are reported and not counted.
 */
export function ledgerRecords(items: readonly CompiledItem[], events: readonly PetitionEvent[], unit: string): { records: CountRecord[]; diagnostics: Diagnostic[] } {
  const records: CountRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const item of items) {
    item.parsed.rules.forEach((rule, k) => {
      const query = item.queries[k];
      const quota = item.quotas[k];
      if (query) {
        const selected = eventsFor(events, unit, query);
        if (query.unstabilisedOnly) {
          for (const e of eventsFor(events, unit, { ...query, unstabilisedOnly: false })) {
            if (e.stabilised === null) diagnostics.push(diagnose('LEDGER_STABILISED_UNKNOWN', { rule: rule.sourceText }, e.sheet, e.cell));
          }
        }
        const count = countFor(events, unit, query);
        if (count > 0) {
          const what = `${query.levels.join('、')}${query.kinds.filter((x) => x !== '集体访').join('、')}`;
          records.push({
            itemKey: item.key,
            ruleId: rule.id,
            count,
            reason: `信访台账：${what} ${count} ${query.by === 'persons' ? '人次' : '批'}（${selected.length} 条记录）`,
            source: 'ledger',
            sheet: selected[0].sheet,
            cell: selected[0].cell,
          });
        }
      } else if (quota) {
        const all = ['正常访', '非正常访', '重复访', '集体访'] as const;
        const batchesAt = (level: PetitionLevel) => countFor(events, unit, { levels: [level], kinds: all, by: 'batches', unstabilisedOnly: false });
        const excess = quotaExcess(quota, batchesAt);
        if (excess.count > 0) {
          const first = events.find((e) => e.unit === unit && !e.excluded);
          records.push({
            itemKey: item.key,
            ruleId: rule.id,
            count: excess.count,
            reason: `信访台账：${excess.detail}，突破 ${excess.count} 起`,
            source: 'ledger',
            sheet: first?.sheet ?? '',
            cell: first?.cell ?? '',
          });
        }
      }
    });
  }
  return { records, diagnostics };
}

/**
 * The counts the case register gives one unit: one record per register rule that deducts — a rate
 * the unit falls short of, or its cases closed late or open past due (`late`, in register order).
 * `cell` points at the unit's first late case for a per-case rule, else at `at` (its first case,
 * or the register's header when it has none).
 */
export function registerRecords(items: readonly CompiledItem[], cases: UnitCases, at: { sheet: string; cell: string }, late: readonly CaseOutcome[] = []): CountRecord[] {
  const records: CountRecord[] = [];
  for (const item of items) {
    item.cases.forEach((query, k) => {
      if (!query) return;
      const { count, reason } = caseCount(query, cases, late);
      const where = query.mode === 'perCase' && late.length > 0 ? { sheet: late[0].case.sheet, cell: late[0].case.cells.id } : at;
      if (count > 0) records.push({ itemKey: item.key, ruleId: item.parsed.rules[k].id, count, reason, source: 'register', ...where });
    });
  }
  return records;
}

/** A row of the 扣分明细 sheet as typed: which unit, item and rule, how often, why. */
export interface LogRow {
  sheet: string;
  unit: string;
  item: string;
  rule: string;
  count: number;
  reason: string;
  who: string;
  date: string;
  /** points: the 扣(加)分 cell when blank, for the add-in to fill. */
  cells: { unit: string; item: string; rule: string; count: string; points: string | null };
  /** A number the user typed in 扣(加)分: never replaced, compared with what the rule gives. */
  typedPoints?: { cell: string; value: Decimal } | null;
}

/**
 * Finds the item and rule a log row names. An item is named by its 考核重点 (or the start of
 * it); a rule by its clause or what it counts (到省正常上访), or left blank when the item has
 * one rule. Anything that names nothing, or more than one thing, is reported.
 */
export function resolveLogRow(items: readonly CompiledItem[], row: LogRow, registerPresent = false): { record: CountRecord | null; diagnostic: Diagnostic | null } {
  const fail = (code: 'LOG_UNKNOWN_ITEM' | 'LOG_UNKNOWN_RULE' | 'LOG_RULE_FROM_LEDGER', params: Record<string, string>, cell: string) => ({
    record: null,
    diagnostic: diagnose(code, params, row.sheet, cell),
  });
  const item = pick(items, row.item, (it) => [it.label]);
  if (item.kind !== 'one') {
    return fail('LOG_UNKNOWN_ITEM', { value: row.item || '（空）', why: item.kind === 'many' ? `可能是${item.names}` : '评分表中没有这一项' }, row.cells.item);
  }
  const it = item.value;
  const rules = it.parsed.rules;
  const rule = row.rule.trim() === '' && rules.length === 1 ? { kind: 'one' as const, value: rules[0], names: '' } : pick(rules, row.rule, (r) => [ruleName(r), r.sourceText, r.event, r.level ?? '']);
  if (rule.kind !== 'one') {
    const list = rules.map((r) => `“${ruleName(r)}”`).join('、') || '（该项没有可计算的规则）';
    return fail('LOG_UNKNOWN_RULE', { value: row.rule || '（空）', item: it.label, rules: list }, row.cells.rule);
  }
  const k = rules.indexOf(rule.value);
  if (it.queries[k] || it.quotas[k]) return fail('LOG_RULE_FROM_LEDGER', { rule: rule.value.sourceText, source: '信访台账' }, row.cells.rule);
  // Without a register a case rule is counted by hand, in this log, as before there was one.
  if (it.cases[k] && registerPresent) return fail('LOG_RULE_FROM_LEDGER', { rule: rule.value.sourceText, source: '信访事项办理台账' }, row.cells.rule);
  return {
    record: {
      itemKey: it.key,
      ruleId: rule.value.id,
      count: row.count,
      reason: row.reason,
      source: 'log',
      sheet: row.sheet,
      cell: row.cells.count,
      who: row.who,
      date: row.date,
    },
    diagnostic: null,
  };
}

type Pick<T> = { kind: 'one'; value: T; names: string } | { kind: 'none'; names: string } | { kind: 'many'; names: string };

/** The one candidate a typed name means: equal (after folding), else the only one it starts or is contained in. */
function pick<T>(candidates: readonly T[], typed: string, names: (c: T) => string[]): Pick<T> {
  const key = labelKey(typed);
  if (key === '') return { kind: 'none', names: '' };
  const keys = candidates.map((c) => names(c).map(labelKey));
  const equal = candidates.filter((_, i) => keys[i].includes(key));
  if (equal.length === 1) return { kind: 'one', value: equal[0], names: '' };
  const partial = candidates.filter((_, i) => keys[i].some((k) => k.startsWith(key) || (key.length >= 4 && k.includes(key))));
  if (partial.length === 1) return { kind: 'one', value: partial[0], names: '' };
  if (partial.length > 1 || equal.length > 1) {
    const many = equal.length > 1 ? equal : partial;
    return { kind: 'many', names: many.slice(0, 3).map((c) => `“${names(c)[0]}”`).join('或') };
  }
  return { kind: 'none', names: '' };
}
