/**
 * What the notice (通报) says of the case register (信访事项办理台账): the as-of date, the
 * overall 按期办结率 and 结案率 with the counts each is made of, and the units that have cases
 * closed late or open past due, by count. Only counts and unit names — no 编号, and never a
 * petitioner's name or matter (this file is never given them).
 */
import type { Decimal } from '../../engine/decimal';
import type { UnitCases } from '../../engine/cases/rates';

/** A rate with one decimal, rounded half up on the exact fraction: 21/32 → '65.6%', 30/40 → '75.0%'. */
const percent = (rate: Decimal | null) => (rate === null ? '—' : `${rate.times(100).round(1, 1).toFixed(1)}%`);

/** The register as the notice states it; null (or the setting 通报写办结率：否) leaves it out. */
export interface NoticeCases {
  /** The as-of date as the notice writes dates: 2024年12月20日. */
  asOf: string;
  /** Who registered them: 'xx镇'; '' when the title names no township. */
  township: string;
  overall: UnitCases;
  /** Every unit's tally, in the order the notice names units (those without late cases are left out). */
  perUnit: readonly UnitCases[];
}

/**
 * The paragraph, or null when the register holds no case.
 * 「截至2024年12月20日，xx镇登记信访事项40件，按期办结率65.6%（应办结32件，按期办结21件），…」
 */
export function caseParagraph(c: NoticeCases): string | null {
  const o = c.overall;
  if (o.total === 0) return null;
  const where = c.township ? `${c.township}共` : '共';
  const onTime = o.due === 0 ? '尚无到期应办结的事项' : `按期办结率${percent(o.onTimeRate)}（应办结${o.due}件，按期办结${o.onTime}件）`;
  let text = `截至${c.asOf}，${where}登记信访事项${o.total}件，${onTime}，结案率${percent(o.closeRate)}（已办结${o.closed}件）。`;
  if (o.late === 0) text += '没有逾期办结或到期未办结的事项。';
  else {
    const openLate = o.late - (o.closed - o.onTime);
    const parts = [o.late - openLate > 0 ? `逾期办结${o.late - openLate}件` : '', openLate > 0 ? `到期未办结${openLate}件` : ''].filter(Boolean).join('，');
    // Most late cases first; ties keep the notice's order of units.
    const units = c.perUnit.filter((u) => u.late > 0).sort((a, b) => b.late - a.late);
    text += `${parts}，涉及${units.map((u) => `${u.unit}${u.late}件`).join('、')}。`;
  }
  return `${text}按期办结率＝按期办结件数÷（已办结件数＋到期未办结件数），结案率＝已办结件数÷登记件数，均四舍五入保留一位小数。`;
}
