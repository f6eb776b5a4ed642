/**
 * The deadline rules (办理期限) in the settings sheet 考核助手设置: one row per rule,
 * `办理期限：上级交办 | 60日 | 依据…`, plus 延期上限 and 即将到期 rows, and how days are counted:
 * 受理当日计入 (否) and 期满遇节假日顺延 (是), 民法典 第二百零一条、第二百零三条. A workbook without them
 * gets the defaults (seeds 001/002 and the 《信访工作条例》). Rows the add-in does not know stay as
 * they are; a value it cannot read is reported and the default kept.
 */
import { DEFAULT_CASE_RULES, type CaseRules, type Counting, type DeadlineRule } from '../engine/cases/deadline';
import { diagnose, type Diagnostic } from '../engine/diagnostics';
import { cleanText, fold } from '../engine/text';
import type { SheetPlan } from '../host/host';
import { display } from '../sheet/entry';
import type { Grid } from '../sheet/grid';

export const DEADLINE_PREFIX = '办理期限';
const EXTENSION_LABEL = '延期上限';
const SOON_LABEL = '即将到期天数';
const ACCEPTANCE_DAY_LABEL = '受理当日计入';
const MOVE_LABEL = '期满遇节假日顺延';
const YES_NO: Record<string, boolean> = { 是: true, 否: false };
const COUNTING_NAMES: Record<Counting, string> = { natural: '自然日', working: '工作日' };

/** '60日', '60 自然日', '20个工作日', 60 → days and counting; null when it is none of these. */
export function parseDays(text: string): { days: number; counting: Counting } | null {
  const m = /^(\d{1,3})\s*(?:个)?\s*(工作日|自然日|日|天)?$/.exec(fold(text).replace(/\s+/g, ' ').trim());
  if (!m || Number(m[1]) <= 0) return null;
  return { days: Number(m[1]), counting: m[2] === '工作日' ? 'working' : 'natural' };
}

/** The rule a settings row names: a default of that name, or a new 来源 rule (类别 for 复查/复核/重复/初次). */
function ruleNamed(name: string, rules: readonly DeadlineRule[]): DeadlineRule {
  const known = rules.find((r) => r.name === name);
  if (known) return known;
  const field = /复查|复核|重复|初次|初信|初访/.test(name) ? 'kind' : name === '其他' ? 'any' : 'source';
  return { name, field, words: [name], days: 60, counting: 'natural', basis: '' };
}

/** The case rules the settings sheet states, over the defaults. */
export function readCaseRules(grids: readonly Grid[], sheetName: string): { rules: CaseRules; diagnostics: Diagnostic[] } {
  const sheet = grids.find((g) => g.name === sheetName);
  const diagnostics: Diagnostic[] = [];
  let rules: CaseRules = DEFAULT_CASE_RULES;
  if (!sheet) return { rules, diagnostics };
  sheet.rows.forEach((row, r) => {
    const label = cleanText(display(row[0] ?? null));
    const value = display(row[1] ?? null).trim();
    const basis = display(row[2] ?? null).trim();
    const bad = (hint: string) => diagnostics.push(diagnose('SETTING_UNREADABLE', { setting: label, value, hint }, sheetName, `B${r + 1}`));
    const prefixed = new RegExp(`^${DEADLINE_PREFIX}[:：]\\s*(.+)$`).exec(label);
    if (prefixed) {
      const days = parseDays(value);
      if (!days) return bad('应为天数，如 60日、30 自然日 或 20个工作日');
      const rule = { ...ruleNamed(prefixed[1].trim(), rules.rules), ...days, ...(basis ? { basis } : {}) };
      const others = rules.rules.filter((x) => x.name !== rule.name);
      const fallback = others.findIndex((x) => x.field === 'any');
      const at = rules.rules.findIndex((x) => x.name === rule.name);
      const list = at >= 0 ? rules.rules.map((x) => (x.name === rule.name ? rule : x)) : fallback >= 0 ? [...others.slice(0, fallback), rule, ...others.slice(fallback)] : [...others, rule];
      rules = { ...rules, rules: rule.field === 'kind' && at < 0 ? [rule, ...others] : list };
    } else if (label === EXTENSION_LABEL || label === SOON_LABEL) {
      const days = parseDays(value);
      if (!days || days.counting === 'working') return bad('应为天数，如 30日');
      rules = label === EXTENSION_LABEL ? { ...rules, extensionLimit: days.days } : { ...rules, dueSoonDays: days.days };
    } else if (label === ACCEPTANCE_DAY_LABEL || label === MOVE_LABEL) {
      const yes = YES_NO[value];
      if (yes === undefined) return bad('应为 是 或 否');
      rules = { ...rules, counting: { ...rules.counting, [label === ACCEPTANCE_DAY_LABEL ? 'countAcceptanceDay' : 'moveOffRestDays']: yes } };
    }
  });
  return { rules, diagnostics };
}

/** True for a row label the case settings own, so the settings sheet keeps it when rewritten. */
export function isCaseSettingLabel(label: string): boolean {
  return label.startsWith(DEADLINE_PREFIX) || [EXTENSION_LABEL, SOON_LABEL, ACCEPTANCE_DAY_LABEL, MOVE_LABEL].includes(label);
}

/** The rows the settings sheet holds for the case rules, from a given row on (1-based). */
export function caseSettingCells(rules: CaseRules, firstRow: number): SheetPlan['cells'] {
  const rows: [string, string, string][] = [
    ...rules.rules.map((r): [string, string, string] => [`${DEADLINE_PREFIX}：${r.name}`, `${r.days}${r.counting === 'working' ? '个工作日' : '日'}`, r.basis]),
    [EXTENSION_LABEL, `${rules.extensionLimit}日`, '《信访工作条例》第三十四条：延长期限不得超过30日'],
    [SOON_LABEL, `${rules.dueSoonDays}日`, '到期日在这么多天之内的未办结案件列为即将到期'],
    [ACCEPTANCE_DAY_LABEL, rules.counting.countAcceptanceDay ? '是' : '否', '否：受理当日不计入，自次日起算（民法典第二百零一条）；是：受理当日算第1日'],
    [MOVE_LABEL, rules.counting.moveOffRestDays ? '是' : '否', '是：按自然日计算的期限，最后一日是法定节假日或周末的，顺延至其后第一个工作日（民法典第二百零三条）；否：不顺延'],
  ];
  return rows.flatMap(([label, value, note], i) => [
    { cell: `A${firstRow + i}`, value: label },
    { cell: `B${firstRow + i}`, value },
    { cell: `C${firstRow + i}`, value: note },
  ]);
}

export { COUNTING_NAMES };
