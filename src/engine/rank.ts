/** 排名: ranking totals, descending; ties share a rank. */
import type { Decimal } from './decimal';

function rank(totals: Decimal[], dense: boolean): number[] {
  const order = totals.map((_, i) => i).sort((a, b) => totals[b].cmp(totals[a]));
  const out = new Array<number>(totals.length);
  let current = 0;
  let previous: Decimal | null = null;
  order.forEach((index, position) => {
    if (previous === null || !totals[index].eq(previous)) {
      current = dense ? current + 1 : position + 1;
      previous = totals[index];
    }
    out[index] = current;
  });
  return out;
}

/**
 * 中国式排名 (dense): ties share a rank and the next rank follows on, 并列不占名次.
 * rankDense([9,8,8,7]) → [1,2,2,3]
 */
export function rankDense(totals: Decimal[]): number[] {
  return rank(totals, true);
}

/**
 * Competition ranking: ties share a rank and the next rank skips, 1,2,2,4.
 * rankCompetition([9,8,8,7]) → [1,2,2,4]
 */
export function rankCompetition(totals: Decimal[]): number[] {
  return rank(totals, false);
}
