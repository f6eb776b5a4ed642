/**
 * What the reason picker offers for an item's 扣分原因 (or a 加减分 line's 加分依据): the item's own
 * rules (扣分因素) first, then the reasons already used for the same item in this workbook, then
 * every other reason used in it — written in the 扣分原因 column or as notes, recorded in 扣分明细,
 * or typed in a form not yet saved — each once, the most used first.
 */
import type { OnSiteInput } from '../../app/onSite';
import type { Deduction } from '../../engine/deductions';

/** Reasons used, by the form's item key ('0.3' for item 3 of category 0, 'a.2' for 加减分 line 2). */
export type UsedReasons = ReadonlyMap<string, readonly string[]>;

/** The form's item key of a deduction's item key: 'c0.i3' → '0.3', 'a2' → 'a.2'. */
export function formItemKey(itemKey: string): string {
  const m = /^c(\d+)\.i(\d+)$/.exec(itemKey);
  return m ? `${m[1]}.${m[2]}` : itemKey.replace(/^a(\d+)$/, 'a.$1');
}

/** The reasons in forms (what the workbook holds, or drafts) and in the 扣分明细 records, most used first per item. */
export function usedReasons(forms: readonly OnSiteInput[], records: readonly Deduction[]): UsedReasons {
  const counts = new Map<string, Map<string, number>>();
  const add = (item: string, reason: string) => {
    const text = reason.trim();
    if (text === '') return;
    const of = counts.get(item) ?? new Map<string, number>();
    of.set(text, (of.get(text) ?? 0) + 1);
    counts.set(item, of);
  };
  for (const f of forms) {
    f.reasons.forEach((row, ci) => row.forEach((r, ii) => add(`${ci}.${ii}`, r)));
    f.adjustmentReasons.forEach((r, k) => add(`a.${k}`, r));
  }
  for (const d of records) if (d.source === 'log') add(formItemKey(d.itemKey), d.reason);
  const out = new Map<string, string[]>();
  for (const [item, of] of counts) out.set(item, [...of].sort((a, b) => b[1] - a[1]).map(([text]) => text));
  return out;
}

/** Both lists of used reasons as one (the workbook's and the drafts'), most used first where both hold it. */
export function mergeUsed(a: UsedReasons, b: UsedReasons): UsedReasons {
  const out = new Map<string, string[]>();
  for (const [item, list] of [...a, ...b]) out.set(item, [...new Set([...(out.get(item) ?? []), ...list])]);
  return out;
}

/** The picker's suggestions for an item: its rules, then reasons used for it, then reasons used elsewhere; each once. */
export function reasonSuggestions(rules: readonly string[], used: UsedReasons, item: string): string[] {
  const here = used.get(item) ?? [];
  const elsewhere = [...used].filter(([k]) => k !== item).flatMap(([, list]) => list);
  return [...new Set([...rules, ...here, ...elsewhere].map((s) => s.trim()).filter((s) => s !== ''))];
}
