/**
 * Which rules the petition ledger (信访台账) can count, and how: a rule such as
 * “到省正常上访,每人次扣4分” counts the persons of 赴省 正常访 events; “重复京访1起扣5分”
 * counts the batches of 进京 重复访 events. A rule whose event says anything the ledger does
 * not record (老户, 滞留, 包案…) is not counted from the ledger: it stays with the assessor.
 *
 * The tables write their rules as rows that continue the row above: “到京正常上访,每人次扣5分”
 * then “非正常上访、重复上访的每人次扣10分” (still 到京); “重复京访1起扣5分,省访1起扣3分”
 * (still 重复). So a rule that names no level takes the level of the rule before it in the
 * same item, and one that names no kind takes its kind — only when that rule was itself
 * counted from the ledger.
 */
import type { PetitionKind, PetitionLevel, LedgerQuery } from './ledger';
import type { Rule } from './rules';
import { dec } from './decimal';
import { fold } from './text';

/** Kinds first (非正常 before 正常), then levels (本市 before 市); each entry removes what it matched. */
const KIND_WORDS: [RegExp, PetitionKind[]][] = [
  [/非正常上?访|非正常/g, ['非正常访']],
  [/重复上?访|重复/g, ['重复访']],
  [/集体上?访/g, ['集体访']],
  // A 集体访 is counted with the normal ones of its level (LEDGER_COLLECTIVE says so).
  [/正常上?访/g, ['正常访', '集体访']],
];

const LEVEL_WORDS: [RegExp, PetitionLevel][] = [
  [/到京|进京|赴京|京访|京/g, '进京'],
  [/到省|赴省|省访|省/g, '赴省'],
  [/本市访|本市|到区|到县|区访|县访/g, '到区县'],
  [/到市|来市|赴市|市访/g, '到市'],
  [/到镇|到乡|镇访|乡访/g, '到镇'],
];

const UNSTABILISED = /(?:不能|未能|没有|未)及时稳控调处|(?:不能|未能|没有|未)及时稳控|稳控调处不(?:当|力|到位)/g;

/** What may remain of an event once its level, kind and condition are read: connectives only. */
const LEFTOVER = /^(?:[、,，的和及与或]|上访|越级|发生|出现|访)*$/;

const BY_PERSONS = new Set(['人次', '人', '名']);
const BY_BATCHES = new Set(['批次', '批', '起', '件', '次', '例']);

interface Reading {
  levels: PetitionLevel[];
  kinds: PetitionKind[];
  unstabilisedOnly: boolean;
}

function readEvent(event: string): Reading | null {
  let rest = fold(event).replace(/\s+/g, '');
  if (!rest.includes('访')) return null;
  const take = <T>(words: [RegExp, T][]): T[] => {
    const found: T[] = [];
    for (const [re, value] of words) {
      if (re.test(rest)) {
        found.push(value);
        rest = rest.replace(re, '、');
      }
      re.lastIndex = 0;
    }
    return found;
  };
  const unstabilisedOnly = UNSTABILISED.test(rest);
  UNSTABILISED.lastIndex = 0;
  rest = rest.replace(UNSTABILISED, '、');
  const kinds = take(KIND_WORDS).flat();
  const levels = take(LEVEL_WORDS);
  if (!LEFTOVER.test(rest)) return null;
  return { levels, kinds, unstabilisedOnly };
}

/** The one kind an item's own words name (没有发生越级集体上访 → 集体访), for rules that name only a level. */
function kindOfItem(label: string): PetitionKind[] {
  const text = fold(label);
  const named = KIND_WORDS.slice(0, 3).filter(([re]) => {
    const hit = re.test(text);
    re.lastIndex = 0;
    return hit;
  });
  return named.length === 1 ? named[0][1] : [];
}

/**
 * The ledger query of each of an item's rules, in order; null for a rule the ledger cannot count.
 * A rule naming a level but no kind takes the kind of the rule before it, else the one the item
 * names (seed 002 三(三): 没有发生越级集体上访 | 发生京访1起扣10分，省访1起扣8分 …).
 * ledgerQueries(parseRules('到省正常上访,每人次扣4分').rules) → [{ levels: ['赴省'], kinds: ['正常访', '集体访'], by: 'persons', … }]
 */
export function ledgerQueries(rules: readonly Rule[], itemLabel = ''): (LedgerQuery | null)[] {
  const itemKinds = kindOfItem(itemLabel);
  let previous: LedgerQuery | null = null;
  return rules.map((rule) => {
    const by = rule.unit === null ? null : BY_PERSONS.has(rule.unit) ? 'persons' : BY_BATCHES.has(rule.unit) ? 'batches' : null;
    const reading = rule.kind === 'rate' && by ? readEvent(rule.event) : null;
    if (!reading || !by) {
      previous = null;
      return null;
    }
    const levels = reading.levels.length > 0 ? reading.levels : (previous?.levels ?? []);
    const kinds = reading.kinds.length > 0 ? reading.kinds : (previous?.kinds ?? itemKinds);
    const query: LedgerQuery | null =
      levels.length > 0 && kinds.length > 0 ? { levels, kinds, by, unstabilisedOnly: reading.unstabilisedOnly } : null;
    previous = query;
    return query;
  });
}

/**
 * Seed 002 三(一): “越级进京上访量不超过本级接访量的2%，到省…8%，来市…15%…突破1起扣5分”.
 * Each level may take up to its share of the petitions received at the unit's own level
 * (到镇); every batch beyond it is one 突破.
 */
export interface Quota {
  shares: { level: PetitionLevel; percent: number }[];
}

const QUOTA_LEVELS: [RegExp, PetitionLevel][] = [
  [/(?:进京|到京|赴京)[^,，;；。]*?不超过[^,，;；。]*?(\d+(?:\.\d+)?)\s*%?/, '进京'],
  [/(?:到省|赴省)[^,，;；。]*?不超过[^,，;；。]*?(\d+(?:\.\d+)?)\s*%?/, '赴省'],
  [/(?:来市|到市|赴市)[^,，;；。]*?不超过[^,，;；。]*?(\d+(?:\.\d+)?)\s*%?/, '到市'],
];

/** The quota an item's text states, when it has a 突破 rule and speaks of 接访量; else null. */
export function quotaOf(itemText: string, rule: Rule): Quota | null {
  const text = fold(itemText).replace(/\s+/g, '');
  if (rule.kind !== 'rate' || !/突破|超过|超出/.test(rule.event) || !text.includes('接访量')) return null;
  const shares = QUOTA_LEVELS.flatMap(([re, level]) => {
    const m = re.exec(text);
    return m ? [{ level, percent: Number(m[1]) }] : [];
  });
  return shares.length > 0 ? { shares } : null;
}

/** Batches beyond the quota: Σ over levels of max(0, batches − ⌊percent% × batches received at 到镇⌋). */
export function quotaExcess(quota: Quota, batchesAt: (level: PetitionLevel) => number): { count: number; received: number; detail: string } {
  const received = batchesAt('到镇');
  let count = 0;
  const parts: string[] = [];
  for (const { level, percent } of quota.shares) {
    const allowed = dec(received).times(dec(percent)).div(100).round(0, 0).toNumber();
    const actual = batchesAt(level);
    const over = Math.max(0, actual - allowed);
    count += over;
    parts.push(`${level} ${actual} 批（限 ${allowed}）`);
  }
  return { count, received, detail: `本级接访 ${received} 批；${parts.join('，')}` };
}
