/**
 * The words rule texts are made of, as data: numbers, counting words, levels, and the
 * phrases that carry points. The parser (parseRules.ts) only combines these.
 */
import { dec, type Decimal } from '../decimal';
import { parseChineseNumber } from '../text';

const CN_DIGIT = '零〇一二两三四五六七八九';
const CN_NUMERAL = `${CN_DIGIT}十百千`;

/** A number as rule texts write it: 4, 0.5, 一, 两, 十五, 零点五, 半. */
export const NUM = `(?:\\d+(?:\\.\\d+)?|[${CN_NUMERAL}]+(?:点[${CN_DIGIT}]+)?|半)`;

/** Any numeral character: a counted object or verb containing one is not a plain word. */
export const NUMERAL_CHAR = new RegExp(`[\\d${CN_NUMERAL}]`);

/**
 * Counting words (量词) a rate may be counted in. Longer words first, so 人次 wins over 人
 * and 个月 over 个.
 */
export const UNITS = [
  '个百分点', '百分点', '人次', '批次', '户次', '件次', '个月', '季度',
  '人', '件', '次', '例', '份', '项', '类', '批', '起', '个', '卷', '样', '条', '处', '户',
  '篇', '名', '宗', '家', '场', '本', '套', '台', '张', '月', '周', '年', '天', '日',
];
export const UNIT = `(?:${UNITS.join('|')})`;

/** Administrative levels a 分别加 list may name (省、市、区分别加5分、3分、2分). */
export const LEVEL_LIST = /(?:国家|中央|京|省|市|区|县|镇|乡|村)级?(?:、(?:国家|中央|京|省|市|区|县|镇|乡|村)级?)+/g;

/**
 * Points as written: 4 → 4, '0.5' → 0.5, '一' → 1, '二' → 2, '两' → 2, '半' → 0.5,
 * '零点五' → 0.5; exact decimals. Anything else → null.
 */
export function parsePoints(text: string): Decimal | null {
  if (/^\d+(?:\.\d+)?$/.test(text)) return dec(text);
  if (text === '半') return dec('0.5');
  const decimal = new RegExp(`^([${CN_NUMERAL}]+)点([${CN_DIGIT}]+)$`).exec(text);
  if (decimal) {
    const whole = parseChineseNumber(decimal[1]);
    const digits = [...decimal[2]].map((d) => parseChineseNumber(d));
    if (whole === null || digits.some((d) => d === null)) return null;
    return dec(`${whole}.${digits.join('')}`);
  }
  const n = parseChineseNumber(text);
  return n === null ? null : dec(n);
}

/** The count of a counting phrase: '一' → 1, '1' → 1, '两' → 2; null when not a whole number. */
export function parseCount(text: string): number | null {
  const n = parsePoints(text);
  return n !== null && n.round(0).eq(n) ? Number(n.toString()) : null;
}

/**
 * The phrases that make a clause a rule, in order of preference when two start at the same
 * place. Each is found anywhere in a piece of text; what stands before it is its condition.
 */
export const PHRASES = {
  /** 分别加5分、3分、2分 · 分别加5、3、2分 */
  levels: new RegExp(`分别(扣除?|减|加)(${NUM}分?(?:、${NUM}分?)+)`),
  /** 最多加10分 · 此项最高扣5分 */
  cap: new RegExp(`(?:该项|本项|此项)?(?:累计)?(?:最多|最高)(扣除?|减|加)(${NUM})分(?:为止)?`),
  /** 扣完为止 · 扣完该项分值为止 */
  exhaust: /(?:该项|本项|此项)?(?:扣完(?:该项|本项|此项)?(?:分值|分数|分)?(?:为止|即止)|直至扣完)/,
  /** 该项以0分计算 · 本项不得分: the item scores 0. */
  zeroItem: /(?:该项|本项|此项)(?:得分)?(?:以|按)?(?:(?:0|零)分计(?:算)?|计(?:0|零)分|记为?(?:0|零)分|得(?:0|零)分|为(?:0|零)分|不得分)/,
  /** 以0分计算 alone: item or total? Decided by the sentence (一票否决 in it) or reported. */
  zeroBare: /(?:以|按)?(?:0|零)分计(?:算)?|计(?:0|零)分|记为?(?:0|零)分|得(?:0|零)分|不得分/,
  /** 直接给予一票否决 · 实行一票否决 · 并对当年工作一票否决 */
  veto: /并?(?:对(?:当年|全年|本年度?|该单位|该村|该项)?(?:工作)?)?(?:直接)?(?:给予|实行|予以|实施)?一票否决制?/,
  /** 扣4分 · 加1分 · 扣一分半 */
  points: new RegExp(`(扣除?|减|加)(${NUM})分(半)?`),
  /** 得15分 · (5分): the item's own points. */
  itemPoints: new RegExp(`得${NUM}分|\\(${NUM}分\\)`),
} as const;

export type PhraseName = keyof typeof PHRASES;

/** A parenthesised item points, cut out as a piece of its own: (5分), (10分). */
export const ITEM_POINTS_PAREN = new RegExp(`\\(${NUM}分\\)`, 'g');

/** Money: 责任金, 2000元, 奖金, 奖励 — outside the score. */
export const MONEY = new RegExp(`(?:\\d+(?:\\.\\d+)?|[${CN_NUMERAL}万]+)元|责任金|奖金|奖补资金|奖励`);

/**
 * Wordings of money clauses that look like points but are not: 扣除责任金 deducts money, and
 * 分值在98分以上 / 80分以下 is a band. Removed before asking whether a money clause also
 * speaks of points (then it is reported, not noted).
 */
export const MONEY_TERMS = /扣除责任金|责任金全部扣除|扣除后需补交责任金|(?:分值在)?\d+(?:\.\d+)?分以[上下]/g;

/** 按(照)(上级)(有关)规定…: handled by other regulations. */
export const REFERRAL = /按(?:照)?[^,]{0,10}规定/;

/**
 * Words that mean a clause speaks of points; a clause with one of them that is not read as a
 * rule is reported, never taken for a description. (十分 meaning "very" is reported too.)
 */
export const POINTS_WORDS = new RegExp(`扣|加分|减分|否决|得分|分值|(?:\\d|[${CN_NUMERAL}半])分(?![钟析别配类期批])`);

/**
 * A counted object after the counting word (每缺一类特殊人员 → 特殊人员) must be a plain word:
 * no numbers, and nothing that makes the count a threshold (三次以上, 三次的, 3天内).
 */
const THRESHOLD = /以上|以下|以内|以外|以后|以前|之内|之后|之前|及以上|多|余|^[内前后上下]/;

export function plainCountedObject(obj: string, allowTrailingDe: boolean): boolean {
  if (obj.length > 10 || NUMERAL_CHAR.test(obj) || THRESHOLD.test(obj)) return false;
  const body = allowTrailingDe ? obj.replace(/的$/, '') : obj;
  return !body.includes('的');
}

/** 每<verb><count?><unit><object>: 每人次, 每缺一类特殊人员, 每成功化解一例信访积案. */
export const PER_EACH = new RegExp(`^每([^\\d${CN_NUMERAL}每,]{0,10}?)(${NUM})?(${UNIT})(.*)$`);

/** <count><unit>, not an ordinal (第一次): every occurrence in a text. */
export const COUNT_UNIT = new RegExp(`(?<![第\\d.${CN_NUMERAL}])(${NUM})(${UNIT})`, 'g');

/** Numbering at the start of a line: 1、 (一) 一、 (1) */
export const NUMBERING = /^(?:\d+、|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\(\d+\))/;

/** Words that open a condition and are not part of what is counted: 如因…, 如果…, 若… */
export const CONDITION_OPENER = /^(?:如果|如若|若|如(?=因|有|出现|发现|发生|回答|遇))/;
