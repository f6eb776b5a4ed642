/**
 * 等次 (bands) defined by their Chinese labels. "以上/以下" include the number
 * (民法典 第1259条): 85分以上 is [85, ∞), 80分以下 is (−∞, 80], 80-85分 is [80, 85].
 * Where two bands claim the same score, the higher band wins.
 */
import { dec, type Decimal } from './decimal';
import type { BandDefinition } from './model';
import { fold } from './text';

export interface BandInterval {
  label: string;
  outcome?: string;
  min: Decimal | null;
  max: Decimal | null;
  /** True when the band stops short of `max` (下一等次从 max 起): a range written '75-89分' under a band from 90. */
  belowMax?: boolean;
}

/** The seed 003 bands: 85分以上 双倍返还, 80-85分 返还本金, 80分以下 扣除责任金. */
export const DEFAULT_BANDS: BandDefinition[] = [
  { label: '85分以上', outcome: '责任金双倍返还' },
  { label: '80-85分', outcome: '返还本金' },
  { label: '80分以下', outcome: '扣除责任金' },
];

export const VETO_BAND = '一票否决';

const NUM = '(\\d+(?:\\.\\d+)?)';

/** parseBand('85分以上') → [85, ∞); parseBand('80-85分') → [80, 85]; parseBand('80分以下') → (−∞, 80] */
export function parseBand(def: BandDefinition): BandInterval {
  const s = fold(def.range ?? def.label).replace(/\s+/g, '').replace(/[~～—–至到]/g, '-');
  let m = new RegExp(`^${NUM}分?(以上|及以上|或以上)$`).exec(s);
  if (m) return { ...def, min: dec(m[1]), max: null };
  m = new RegExp(`^${NUM}分?(以下|及以下|或以下)$`).exec(s);
  if (m) return { ...def, min: null, max: dec(m[1]) };
  // [75,90): from 75 up to, not including, 90 — how the reader writes 75—89分 when the next band starts at 90.
  m = new RegExp(`^\\[${NUM},${NUM}\\)$`).exec(s);
  if (m) return { ...def, min: dec(m[1]), max: dec(m[2]), belowMax: true };
  m = new RegExp(`^${NUM}分?-${NUM}分?$`).exec(s);
  if (m) return { ...def, min: dec(m[1]), max: dec(m[2]) };
  throw new Error(`无法识别的等次“${def.label}”：应写作“85分以上”“80-85分”或“80分以下”`);
}

/** A band's scores as a person reads them: '[75,90)' → '75分以上不足90分'; '90分以上' stays. */
export function describeRange(def: BandDefinition): string {
  const text = def.range ?? def.label;
  const m = /^\[([\d.]+),([\d.]+)\)$/.exec(text);
  return m ? `${m[1]}分以上不足${m[2]}分` : text;
}

function contains(b: BandInterval, total: Decimal): boolean {
  return (b.min === null || total.gte(b.min)) && (b.max === null || (b.belowMax ? total.lt(b.max) : total.lte(b.max)));
}

/** The higher of two bands: the one whose range reaches higher. */
function higher(a: BandInterval, b: BandInterval): BandInterval {
  const top = (x: BandInterval) => x.max ?? dec('1e9');
  const bottom = (x: BandInterval) => x.min ?? dec('-1e9');
  if (!top(a).eq(top(b))) return top(a).gt(top(b)) ? a : b;
  return bottom(a).gte(bottom(b)) ? a : b;
}

export interface BandResult {
  band: BandInterval | null;
  /** The other bands that also claimed the total, when it lay on a shared boundary. */
  alsoClaimedBy: BandInterval[];
}

/** The band a total falls in. bandFor(parse(DEFAULT_BANDS), dec(85)).band.label → '85分以上' */
export function bandFor(bands: BandInterval[], total: Decimal): BandResult {
  const claims = bands.filter((b) => contains(b, total));
  if (claims.length === 0) return { band: null, alsoClaimedBy: [] };
  const best = claims.reduce(higher);
  return { band: best, alsoClaimedBy: claims.filter((b) => b !== best) };
}

/** Bands from the highest to the lowest, the order in which a total is tested against them. */
export function bandsHighestFirst(bands: BandInterval[]): BandInterval[] {
  return [...bands].sort((a, b) => (higher(a, b) === a ? -1 : 1));
}
