/**
 * 信访台账: petition events, and the counts the scoring rules need from them.
 * Levels and kinds as the seed documents name them; which events are left out of the
 * assessment (不列入考评) as seed 002 lists them.
 */

export const LEVELS = ['进京', '赴省', '到市', '到区县', '到镇'] as const;
export type PetitionLevel = (typeof LEVELS)[number];

export const KINDS = ['正常访', '非正常访', '重复访', '集体访'] as const;
export type PetitionKind = (typeof KINDS)[number];

/** Other ways the ledger may write a level; matched after folding (简繁, full-width). */
const LEVEL_NAMES: Record<PetitionLevel, string[]> = {
  进京: ['进京', '到京', '赴京', '京访', '北京', '国家', '国家信访局'],
  赴省: ['赴省', '到省', '去省', '省访', '省', '省级'],
  到市: ['到市', '赴市', '来市', '市访', '市', '市级'],
  到区县: ['到区县', '到区', '到县', '赴区', '赴县', '区访', '县访', '区', '县', '区县', '区级', '县级'],
  到镇: ['到镇', '到乡', '镇访', '乡访', '镇', '乡', '乡镇', '本级'],
};

const KIND_NAMES: Record<PetitionKind, string[]> = {
  正常访: ['正常访', '正常上访', '正常'],
  非正常访: ['非正常访', '非正常上访', '非正常'],
  重复访: ['重复访', '重复上访', '重访', '重信重访'],
  集体访: ['集体访', '集体上访', '群体访', '集访'],
};

function lookup<T extends string>(names: Record<T, string[]>, text: string): T | null {
  const s = text.replace(/\s+/g, '');
  for (const [key, list] of Object.entries(names) as [T, string[]][]) if (list.includes(s)) return key;
  return null;
}

export function parseLevel(text: string): PetitionLevel | null {
  return lookup(LEVEL_NAMES, text);
}

export function parseKind(text: string): PetitionKind | null {
  return lookup(KIND_NAMES, text);
}

/** Seed 002, 四(一): petitions that are not counted, with the words that name each. */
export const EXCLUSIONS = [
  { reason: '咨询问题的个人上访', words: ['咨询'] },
  { reason: '已签订《处理信访问题协议书》，在规定的查处期限内的个人上访', words: ['协议'] },
  { reason: '三级认定没有道理的老户上访', words: ['三级', '老户', '无理'] },
  { reason: '持下级《信访问题处理意见书》要求复查的上访', words: ['意见书', '复查'] },
] as const;

/** The seed 002 exclusion a free-text reason names, or null when it names none. */
export function exclusionFor(text: string): string | null {
  return EXCLUSIONS.find((e) => e.words.some((w) => text.includes(w)))?.reason ?? null;
}

/** One row of the ledger, as read. Petitioners' names are not kept: they never leave the ledger. */
export interface PetitionEvent {
  sheet: string;
  /** A1 address of the row's first cell, for messages. */
  cell: string;
  date: string | null;
  unit: string;
  level: PetitionLevel;
  kind: PetitionKind;
  /** 人次 */
  persons: number;
  /** 批次 (起, 件): 1 unless the ledger says otherwise. */
  batches: number;
  /** The seed 002 exclusion, when the event is not counted. */
  excluded: string | null;
  /** 及时稳控调处: true/false as the ledger says; null when it has no such column or the cell is blank. */
  stabilised: boolean | null;
}

/** What a rule counts in the ledger: events of these levels and kinds, by persons or batches. */
export interface LedgerQuery {
  levels: readonly PetitionLevel[];
  kinds: readonly PetitionKind[];
  by: 'persons' | 'batches';
  /** Only events the unit did not stabilise in time (不能及时稳控调处). */
  unstabilisedOnly: boolean;
}

/** The counted (not excluded) events of one unit that a query selects. */
export function eventsFor(events: readonly PetitionEvent[], unit: string, q: Omit<LedgerQuery, 'by'>): PetitionEvent[] {
  return events.filter(
    (e) =>
      !e.excluded &&
      e.unit === unit &&
      q.levels.includes(e.level) &&
      q.kinds.includes(e.kind) &&
      (!q.unstabilisedOnly || e.stabilised === false),
  );
}

/** persons or batches over the events a query selects. */
export function countFor(events: readonly PetitionEvent[], unit: string, q: LedgerQuery): number {
  return eventsFor(events, unit, q).reduce((n, e) => n + e[q.by], 0);
}
