/**
 * 责任金 and 奖励 (seed 003 考核奖惩): each unit's people pay a deposit; at the year's end it is
 * returned by band (85分以上 双倍返还, 80-85分 返还本金, 80分以下 扣除), forfeited on a veto; the
 * best units above a threshold get awards by rank (98分以上 前三名 10000/8000/6000元).
 * All of it is settings with the seed's numbers as defaults.
 */
import { dec, sum, type Decimal } from './decimal';

export interface DepositRole {
  /** 镇班子成员, 驻村点长, 村(居)书记, 治保主任 … */
  role: string;
  amount: number;
  /** People in this role per unit. */
  people: number;
}

export interface RewardSettings {
  deposits: DepositRole[];
  /** Band label → how many times the deposit comes back: 2 双倍返还, 1 返还本金, 0 扣除. */
  returns: { band: string; times: number; wording: string }[];
  /** Awards go to the units ranked 1, 2, 3 … whose total reaches `minTotal`. */
  awards: { minTotal: number; amounts: number[] };
  /** With those awards, each of these people of the unit gets the amount for its place (seed 003: 3000、2000、1000元). */
  personal: { roles: string[]; amounts: number[] };
  /** 全年“零上访” (no counted petition in the ledger): the unit's award and each named person's. */
  zeroPetition: { unit: number; roles: string[]; person: number };
}

export const DEFAULT_REWARDS: RewardSettings = {
  deposits: [
    { role: '镇班子成员', amount: 2000, people: 1 },
    { role: '驻村点长', amount: 1000, people: 1 },
    { role: '综治中心包村人员', amount: 1000, people: 1 },
    { role: '村(居)书记', amount: 1000, people: 1 },
    { role: '治保主任', amount: 1000, people: 1 },
  ],
  returns: [
    { band: '85分以上', times: 2, wording: '责任金双倍返还' },
    { band: '80-85分', times: 1, wording: '返还责任金本金' },
    { band: '80分以下', times: 0, wording: '扣除责任金' },
  ],
  awards: { minTotal: 98, amounts: [10000, 8000, 6000] },
  personal: { roles: ['片长', '点长', '综治中心包村人员', '村书记', '治保主任'], amounts: [3000, 2000, 1000] },
  zeroPetition: { unit: 10000, roles: ['村书记', '主任', '治保主任'], person: 1000 },
};

export interface UnitReward {
  deposit: Decimal;
  /** What comes back (0 when forfeited). */
  returned: Decimal;
  /** 责任金双倍返还 / 返还责任金本金 / 扣除责任金 / 一票否决，责任金全部扣除 */
  wording: string;
  award: Decimal | null;
}

/** How a return is worded in the notice: returnWording(2) → '责任金双倍返还', 1 → '返还责任金本金', 0 → '扣除责任金'. */
export function returnWording(times: number): string {
  if (times >= 2) return times === 2 ? '责任金双倍返还' : `责任金${times}倍返还`;
  if (times === 1) return '返还责任金本金';
  return times === 0 ? '扣除责任金' : `返还责任金的${times}倍`;
}

/** The deposit of one unit: Σ amount × people over the roles. */
export function depositOf(settings: RewardSettings): Decimal {
  return sum(settings.deposits.map((d) => dec(d.amount).times(d.people)));
}

/** What one unit gets back and wins, from its band, veto, rank and total. */
export function rewardFor(settings: RewardSettings, unit: { band: string | null; veto: boolean; rank: number; total: Decimal }): UnitReward {
  const deposit = depositOf(settings);
  const award =
    !unit.veto && unit.total.gte(settings.awards.minTotal) && unit.rank <= settings.awards.amounts.length
      ? dec(settings.awards.amounts[unit.rank - 1])
      : null;
  if (unit.veto) return { deposit, returned: dec(0), wording: '一票否决，责任金全部扣除', award: null };
  const rule = settings.returns.find((r) => r.band === unit.band);
  if (!rule) return { deposit, returned: deposit, wording: '返还责任金本金', award };
  return { deposit, returned: deposit.times(rule.times), wording: rule.wording, award };
}

/** The 备注 of the summary: “责任金双倍返还（10000元）；奖补资金10000元”. */
export function rewardNote(r: UnitReward): string {
  const parts = [r.returned.gt(0) ? `${r.wording}（${r.returned.toFixed()}元）` : `${r.wording}（${r.deposit.toFixed()}元）`];
  if (r.award) parts.push(`奖补资金${r.award.toFixed()}元`);
  return parts.join('；');
}
