/**
 * Header words: which column of a score table a header cell names (考核内容, 分值, 得分 …),
 * and the words that mark a 总分 row or a 加减分 section. Shared by every layout.
 */
import { fold, labelKey } from '../../engine/text';

/** The columns of a score table, found from its header row. */
export type Role = 'category' | 'item' | 'points' | 'rule' | 'entry' | 'deduction' | 'reason' | 'note';

// Header words per role, compared after folding (traditional → simplified, full-width → half-width)
// and removing punctuation and parenthesised units such as 分值（分）.
const HEADER_WORDS: Record<Role, string[]> = {
  category: ['考核内容', '考核项目', '项目', '考核类别', '类别', '考核大项', '内容'],
  item: ['考核重点', '考核内容及计分标准', '评分标准', '计分标准', '考核标准', '考核要点', '考核要求', '工作重点', '考核指标', '指标'],
  points: ['分值', '标准分', '满分', '分数', '标准分值', '基本分'],
  rule: ['扣分因素', '扣分标准', '评分细则', '扣分细则', '计分办法', '考核办法', '评分办法', '扣分办法'],
  entry: ['得分', '实得分', '考核得分', '实际得分', '评定得分', '评分'],
  deduction: ['扣分', '扣分数', '扣减分'],
  reason: ['扣分原因', '扣分理由', '扣分说明', '扣分情况', '扣分事由'],
  note: ['备注', '说明'],
};

const HEADER_LOOKUP = new Map<string, Role>();
for (const [role, words] of Object.entries(HEADER_WORDS) as [Role, string[]][]) {
  for (const w of words) HEADER_LOOKUP.set(w, role);
}

/** The role a header cell names, or undefined. headerRole('實得分') → 'entry' */
export function headerRole(text: string): Role | undefined {
  const key = labelKey(fold(text).replace(/[(（][^)）]*[)）]/g, ''));
  return HEADER_LOOKUP.get(key);
}

export const TOTAL_WORDS = new Set(['总分', '合计', '总计', '得分合计', '总得分', '合计得分', '综合得分']);
export const ADJUSTMENT_TITLE = /(加减分|加扣分|加分项|减分项|扣分项|加分与扣分|奖惩分|附加分)/;
export const CATEGORY_NUMBERING = /^[一二三四五六七八九十]+[、.．]/;

/**
 * Words that name a narrower column when the row also names a broader one: 考核内容 beside
 * 考核项目 is the item (seed 002: 考核项目 | 考核内容 | 分值 | 评分标准 | 得分), and 评分标准 is
 * the rules once another column holds the items.
 */
const NARROWER: Record<string, Role> = { 考核内容: 'item', 内容: 'item', 评分标准: 'rule', 计分标准: 'rule', 考核标准: 'rule' };
/** Category words from broadest to narrowest: of two in one row, the broader is the category. */
const CATEGORY_BREADTH = ['考核大项', '考核类别', '类别', '考核项目', '项目', '考核内容', '内容'];

const keyOf = (text: string) => labelKey(fold(text).replace(/[(（][^)）]*[)）]/g, ''));

/**
 * The roles of a header row read as a whole: each cell's word, and where a word can name two
 * columns (考核内容, 评分标准) the one the rest of the row leaves to it.
 * rowRoles(['考核项目', '考核内容', '分值', '评分标准', '得分']) → category, item, points, rule, entry
 */
export function rowRoles(cells: readonly (string | null)[]): (Role | undefined)[] {
  const keys = cells.map((c) => (c === null ? '' : keyOf(c)));
  const roles = keys.map((k) => HEADER_LOOKUP.get(k));
  // Two category words: the broader stays the category, the narrower becomes the item.
  const cats = keys.map((_, i) => (roles[i] === 'category' ? i : -1)).filter((i) => i >= 0);
  const firmItem = roles.some((r, i) => r === 'item' && NARROWER[keys[i]] !== 'rule');
  if (cats.length > 1 && !firmItem) {
    const rank = (i: number) => CATEGORY_BREADTH.indexOf(keys[i]);
    const narrow = cats.reduce((a, b) => (rank(b) > rank(a) ? b : a));
    if (NARROWER[keys[narrow]] === 'item') roles[narrow] = 'item';
  }
  // A rules-like word in the item column when another column already holds the items.
  const items = roles.map((r, i) => (r === 'item' ? i : -1)).filter((i) => i >= 0);
  if (items.length > 1 && !roles.includes('rule')) {
    const asRule = items.find((i) => NARROWER[keys[i]] === 'rule');
    if (asRule !== undefined) roles[asRule] = 'rule';
  }
  return roles;
}
