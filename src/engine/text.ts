/**
 * Text as the reader compares it: full-width forms folded (NFKC: ５→5, （→(, －→-),
 * traditional characters of the table's vocabulary folded to simplified, spaces removed.
 */

// Only the characters that occur in score-table headers, labels and rules; enough to read
// a table typed in traditional script (考核內容, 評分標準, 實得分, 一票否決, 簽字 …).
const TRADITIONAL = new Map(
  Object.entries({
    內: '内', 項: '项', 評: '评', 標: '标', 準: '准', 滿: '满', 數: '数', 細: '细', 則: '则',
    實: '实', 單: '单', 總: '总', 減: '减', 決: '决', 簽: '签', 組: '组', 長: '长', 員: '员',
    註: '注', 計: '计', 據: '据', 責: '责', 負: '负', 訪: '访', 信: '信', 鎮: '镇', 區: '区',
    縣: '县', 級: '级', 處: '处', 門: '门', 會: '会', 議: '议', 錄: '录', 記: '记', 種: '种',
    類: '类', 報: '报', 應: '应', 權: '权', 點: '点', 檢: '检', 查: '查', 覈: '核', 絕: '绝',
    對: '对', 與: '与', 為: '为', 無: '无', 從: '从', 體: '体', 結: '结', 統: '统', 築: '筑',
    備: '备', 歲: '岁', 規: '规', 範: '范', 劃: '划', 產: '产', 務: '务', 設: '设', 網: '网',
    絡: '络', 參: '参', 條: '条', 確: '确', 認: '认', 請: '请', 證: '证', 況: '况', 值: '值',
    個: '个', 兩: '两', 萬: '万', 億: '亿', 壹: '一', 貳: '二', 參加: '参加', 陸: '六',
    違: '违', 規定: '规定', 發: '发', 現: '现', 場: '场', 團: '团', 時: '时', 間: '间',
    後: '后', 達: '达', 連: '连', 續: '续', 獎: '奖', 勵: '励', 罰: '罚', 資: '资', 料: '料',
    積: '积', 案: '案', 違規: '违规', 鄉: '乡', 專: '专', 職: '职', 調: '调', 解: '解',
    衛: '卫', 乾: '干', 淨: '净', 制: '制', 度: '度', 齊: '齐', 全: '全', 缺: '缺', 樣: '样',
    頭: '头', 號: '号', 讀: '读', 選: '选', 擇: '择', 頁: '页', 顯: '显', 示: '示',
    給: '给', 別: '别', 進: '进', 協: '协', 見: '见', 書: '书', 複: '复', 復: '复', 諮: '咨', 詢: '询',
    戶: '户', 層: '层', 質: '质', 屬: '属', 圍: '围', 錯: '错', 誤: '误', 題: '题', 問: '问',
  }).filter(([k]) => k.length === 1),
);

const TRADITIONAL_CHARS = new RegExp(`[${[...TRADITIONAL.keys()].join('')}]`, 'g');

/**
 * Remembers a text function's recent results: score sheets repeat the same texts on every
 * unit's sheet, and a county batch reads thousands of them.
 */
export function remembered(f: (text: string) => string): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let out = cache.get(text);
    if (out === undefined) {
      out = f(text);
      if (cache.size >= 20000) cache.clear();
      cache.set(text, out);
    }
    return out;
  };
}

/** Folds full-width forms and traditional characters; keeps line breaks as spaces. fold('實得分（５分）') → '实得分(5分)' */
export const fold = remembered((text) =>
  text
    .normalize('NFKC')
    .replace(TRADITIONAL_CHARS, (ch) => TRADITIONAL.get(ch) as string)
    .replace(/\u00a0/g, ' ')
    // Zero-width characters are invisible: 张庄村 and 张庄村\u200b must read as one name.
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, ''),
);

/** A key for comparing labels: folded, with spaces, line breaks and punctuation removed. */
export const labelKey = remembered((text) =>
  fold(text).replace(/[\s:：;；,，.。、()（）[\]【】"'“”‘’·*＊_-]/g, ''),
);

/** Folded text with runs of whitespace collapsed to one space and trimmed. */
export const cleanText = remembered((text) =>
  fold(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\u4e00-\u9fff，。、“”）)]) (?=[\u4e00-\u9fff（(“])/g, '$1'),
);

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Reads a Chinese numeral or Arabic digits.
 * parseChineseNumber('二十') → 20, parseChineseNumber('十五') → 15, parseChineseNumber('两') → 2,
 * parseChineseNumber('30') → 30; anything else → null.
 */
export function parseChineseNumber(text: string): number | null {
  const s = fold(text).trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s === '' || !/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else {
      const unit = UNITS[ch];
      total += (digit ?? 1) * unit;
      digit = null;
    }
  }
  return total + (digit ?? 0);
}

/** Edit distance between two strings, by characters. */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

/**
 * The candidate a mistyped name most likely means, for a suggestion: nearestName('张庄', ['张庄村', '李家村']) → '张庄村'.
 * null when nothing is close (more than a third of the characters differ) or two are equally close.
 */
export function nearestName(name: string, candidates: string[]): string | null {
  const key = labelKey(name);
  if (key === '') return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  let tie = false;
  for (const c of candidates) {
    const d = editDistance(key, labelKey(c));
    if (d < bestDistance) [best, bestDistance, tie] = [c, d, false];
    else if (d === bestDistance) tie = true;
  }
  const limit = Math.max(1, Math.floor(Math.max([...key].length, 3) / 3));
  return best !== null && !tie && bestDistance <= limit ? best : null;
}
