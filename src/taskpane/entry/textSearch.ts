/**
 * Finding a unit or a reason by what is typed: the characters themselves (张庄), or their pinyin —
 * initials (zzc) or whole syllables (zhangzhuang, zhangz) — read by pinyin-pro, which knows the
 * readings of polyphones (长 is chang or zhang). Pinyin is tried only for Latin letters, as typed
 * with the input method off or seen while it is composing.
 */
import { match } from 'pinyin-pro';

/** How `text` answers `query`, best first: 0 holds it; 1 its pinyin starts with it; 2 pinyin further in; 3 its characters in order; null not at all. */
export function matchRank(text: string, query: string): number | null {
  const q = query.replace(/\s+/g, '');
  if (q === '') return 0;
  if (text.includes(q)) return 0;
  if (/^[a-z']+$/i.test(q)) {
    const at = match(text, q.toLowerCase().replace(/'/g, ''), { continuous: true });
    if (at && at.length > 0) return at[0] === 0 ? 1 : 2;
  }
  let k = 0;
  for (const ch of text) if (ch === q[k]) k++;
  return k === q.length ? 3 : null;
}

/**
 * The items whose texts answer `query`, best match first (ties keep their order).
 * searchBy(['张庄村', '王庄村'], 'zzc', (t) => [t]) → ['张庄村']
 */
export function searchBy<T>(items: readonly T[], query: string, texts: (item: T) => string[]): T[] {
  if (query.trim() === '') return [...items];
  return items
    .map((item, i) => {
      const ranks = texts(item)
        .map((t) => matchRank(t, query))
        .filter((r): r is number => r !== null);
      return { item, i, rank: ranks.length > 0 ? Math.min(...ranks) : null };
    })
    .filter((m) => m.rank !== null)
    .sort((a, b) => (a.rank as number) - (b.rank as number) || a.i - b.i)
    .map((m) => m.item);
}
