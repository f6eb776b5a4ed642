/**
 * What every layout does once it has a scheme's parts: a 加减分 line's kind and cap from its words,
 * and the checks on the scheme (category points against their items, a total of 100).
 */
import { dec, sum, type Decimal } from '../../engine/decimal';
import { diagnose, type Diagnostic } from '../../engine/diagnostics';
import type { AdjustmentRule, Scheme } from '../../engine/model';
import { fold, parseChineseNumber } from '../../engine/text';

const N = '([0-9.]+|[零一二两三四五六七八九十]+)';
/** A cap on each 加减分 line, written in words: 最多加10分, 加分不超过5分, 加分最多10分. */
const CAP = new RegExp(`(?:最多|最高|累计最多|最多可)加\\s*${N}\\s*分|加分(?:不超过|上限为?|最多|最高)\\s*${N}\\s*分`);
/** A cap on all 加减分 lines together: 加减分合计不超过10分, 加分累计不超过10分, 加分合计最多10分. */
const TOTAL_CAP = new RegExp(`(加减分|加分|奖励分)(?:合计|累计|总计|总和)(?:不超过|最多|最高|上限为?)\\s*${N}\\s*分`);

/** The cap a text states for each line, or null. capInWords('加分最多10分') → 10 */
export function capInWords(words: string): Decimal | null {
  const f = fold(words);
  if (TOTAL_CAP.test(f)) return null;
  const m = CAP.exec(f);
  if (!m) return null;
  const n = parseChineseNumber(m[1] ?? m[2]);
  return n === null ? null : dec(n);
}

/** The cap a text states for all lines together, or null. totalCapInWords('加减分合计不超过10分') → { cap: 10, net: true } */
export function totalCapInWords(words: string): { cap: Decimal; net: boolean } | null {
  const m = TOTAL_CAP.exec(fold(words));
  if (!m) return null;
  const n = parseChineseNumber(m[2]);
  return n === null ? null : { cap: dec(n), net: m[1] === '加减分' };
}

/**
 * A 加减分 line from its label and rule lines: a bonus, a deduction or either, by its words, and
 * its cap (the one given, else one stated in its words).
 */
export function adjustmentRule(label: string, ruleLines: string[], cap: Decimal | null): AdjustmentRule {
  const rule = ruleLines.join('；');
  const words = fold(`${label}${rule}`);
  const bonus = /加\s*[0-9零一二两三四五六七八九十]|加分/.test(words);
  const deduction = /[扣减]\s*[0-9零一二两三四五六七八九十]|扣分|减分/.test(words);
  const kind = bonus && !deduction ? 'bonus' : deduction && !bonus ? 'deduction' : 'either';
  return { label, rule, kind, cap: cap ?? capInWords(`${label}${rule}`) };
}

/**
 * CATEGORY_POINTS_MISMATCH for a category whose title states other points than its items add up
 * to (at the cell given for it), SCHEME_TOTAL_NOT_100 for a scheme whose points do not total 100.
 */
export function checkScheme(scheme: Scheme, categoryCells: string[], sheet: string, diagnostics: Diagnostic[]) {
  scheme.categories.forEach((c, i) => {
    const itemSum = sum(c.items.map((it) => it.points));
    if (c.statedPoints !== null && !itemSum.eq(c.statedPoints)) {
      diagnostics.push(
        diagnose(
          'CATEGORY_POINTS_MISMATCH',
          { category: c.title, stated: c.statedPoints.toFixed(), sum: itemSum.toFixed() },
          sheet,
          categoryCells[i],
        ),
      );
    }
  });
  const total = schemeTotal(scheme);
  if (scheme.categories.length > 0 && !total.eq(100)) {
    diagnostics.push(diagnose('SCHEME_TOTAL_NOT_100', { total: total.toFixed() }, sheet));
  }
}

/** The sum of every item's points. */
export function schemeTotal(scheme: Scheme): Decimal {
  return sum(scheme.categories.flatMap((c) => c.items.map((it) => it.points)));
}
