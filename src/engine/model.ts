/**
 * The assessment as data. Glossary (sheet → code):
 * 考核内容 Category · 考核重点 Item · 分值 points · 扣分因素 rule · 得分 entry ·
 * 加减分 Adjustment · 一票否决 veto · 等次 band · 被考核单位 unit.
 */
import type { Decimal } from './decimal';

/** 考核重点: one scored item with its points (分值) and rule text (扣分因素). */
export interface Item {
  label: string;
  points: Decimal;
  rules: string[];
}

/** 考核内容: a category of items; its title may state its points, e.g. (20分). */
export interface Category {
  title: string;
  statedPoints: Decimal | null;
  items: Item[];
}

/** One line of the 加减分 section. `cap` bounds the entry's absolute value when the rule states one. */
export interface AdjustmentRule {
  label: string;
  rule: string;
  kind: 'bonus' | 'deduction' | 'either';
  cap: Decimal | null;
}

/** 评分表: the layout every unit of one assessment shares. */
export interface Scheme {
  categories: Category[];
  adjustments: AdjustmentRule[];
  hasVeto: boolean;
  /** A cap on all 加减分 lines together (加减分合计不超过10分): on their net sum, or on the bonuses alone. */
  adjustmentTotalCap?: { cap: Decimal; net: boolean } | null;
}

/** What a cell held, judged: a usable number, nothing yet, or something that is not a score. */
export type EntryStatus = 'ok' | 'blank' | 'invalid';

/** 得分: an entry with its cell. `value` is set only when `status` is 'ok'. */
export interface Entry {
  cell: string;
  status: EntryStatus;
  value: Decimal | null;
  /** What the cell showed, for messages. */
  raw: string;
  /** The value was computed from the deduction records, not read from the cell. */
  computed?: boolean;
}

/** One unit's entries, in the scheme's order. */
export interface UnitEntries {
  /** items[c][i]: the entry of category c, item i. */
  items: Entry[][];
  adjustments: Entry[];
  /** null when the scheme has no veto row. value null means blank or not understood. */
  veto: { cell: string; value: boolean | null; raw: string } | null;
}

export interface ScoreSettings {
  ranking: 'dense' | 'competition';
  veto: 'zero' | 'last';
  bands: BandDefinition[];
  /** Which column of a 得分 header over two rows is scored; unset: 复核, else 考核, else 自评. */
  entryColumn?: EntrySubcolumn;
}

/** The sub-columns of a 得分 header over two rows, most authoritative first. */
export const ENTRY_SUBCOLUMNS = ['复核', '考核', '自评'] as const;
export type EntrySubcolumn = (typeof ENTRY_SUBCOLUMNS)[number];

/** 等次: a band defined by its label, e.g. '85分以上', '80-85分', '80分以下'; `outcome` is what it means. */
export interface BandDefinition {
  label: string;
  /** The scores it takes, when the label does not say them (优秀: '90分以上'); else the label does ('85分以上'). */
  range?: string;
  outcome?: string;
}
