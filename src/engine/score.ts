/**
 * Scoring (DESIGN.md, "Rules of scoring"): items → categories → base; adjustments; total
 * never below 0; veto zero|last; ranking dense|competition with vetoed units last; bands.
 */
import { bandFor, parseBand, VETO_BAND, type BandInterval } from './bands';
import { round2, sum, ZERO, max, type Decimal } from './decimal';
import type { Entry, Scheme, ScoreSettings, UnitEntries } from './model';
import { rankCompetition, rankDense } from './rank';

export interface CategoryScore {
  title: string;
  max: Decimal;
  score: Decimal;
}

export interface UnitScore {
  base: Decimal;
  adjustment: Decimal;
  veto: boolean;
  total: Decimal;
  categories: CategoryScore[];
  /** Entries still blank, and entries that are not usable scores. */
  blank: number;
  invalid: number;
}

const valueOf = (e: Entry): Decimal => (e.status === 'ok' && e.value ? e.value : ZERO);

/** One unit's scores. A blank or invalid entry contributes nothing (and is reported by the reader). */
export function scoreUnit(scheme: Scheme, entries: UnitEntries, settings: Pick<ScoreSettings, 'veto'>): UnitScore {
  const categories = scheme.categories.map((c, ci) => ({
    title: c.title,
    max: sum(c.items.map((it) => it.points)),
    score: sum(entries.items[ci].map(valueOf)),
  }));
  const base = sum(categories.map((c) => c.score));
  const adjustment = sum(entries.adjustments.map(valueOf));
  const veto = entries.veto?.value === true;
  // Total = base + adjustments, never below 0; not capped at 100 (bonuses may exceed it).
  let total = round2(max(ZERO, base.plus(adjustment)));
  // 以0分计算: with veto 'zero' the total becomes 0.
  if (veto && settings.veto === 'zero') total = ZERO;
  const all = [...entries.items.flat(), ...entries.adjustments];
  return {
    base,
    adjustment,
    veto,
    total,
    categories,
    blank: entries.items.flat().filter((e) => e.status === 'blank').length,
    invalid: all.filter((e) => e.status === 'invalid').length,
  };
}

export interface Placement {
  rank: number;
  band: BandInterval | null;
  /** Bands that also claimed the total on a shared boundary; the higher band won. */
  boundaryWith: BandInterval[];
}

/**
 * Ranks units by total, descending; ties share a rank. Vetoed units rank after every unit
 * without a veto, whatever their totals. Returns placements in the input order.
 */
export function placeUnits(units: Pick<UnitScore, 'total' | 'veto'>[], settings: ScoreSettings): Placement[] {
  const rankWith = settings.ranking === 'dense' ? rankDense : rankCompetition;
  const clear = units.map((u, i) => ({ u, i })).filter((x) => !x.u.veto);
  const vetoed = units.map((u, i) => ({ u, i })).filter((x) => x.u.veto);
  const ranks = new Array<number>(units.length);
  const clearRanks = rankWith(clear.map((x) => x.u.total));
  clear.forEach((x, k) => (ranks[x.i] = clearRanks[k]));
  // Vetoed units continue after the last clear rank: dense goes on from the last rank,
  // competition from the number of units placed before them.
  const offset = settings.ranking === 'dense' ? Math.max(0, ...clearRanks) : clear.length;
  const vetoRanks = rankWith(vetoed.map((x) => x.u.total));
  vetoed.forEach((x, k) => (ranks[x.i] = offset + vetoRanks[k]));

  const bands = settings.bands.map(parseBand);
  return units.map((u, i) => {
    if (u.veto) return { rank: ranks[i], band: { label: VETO_BAND, min: null, max: null }, boundaryWith: [] };
    const result = bandFor(bands, u.total);
    return { rank: ranks[i], band: result.band, boundaryWith: result.alsoClaimedBy };
  });
}
