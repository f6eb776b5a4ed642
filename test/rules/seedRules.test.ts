import { dec } from '../../src/engine/decimal';
import { applyRules, parseRules } from '../../src/engine/rules';
import { cleanText } from '../../src/engine/text';
import { ITEM_POINTS } from '../support/seed003';
import { SEED_003_SECTION_TWO, SEED_NOT_UNDERSTOOD, SEED_RULE_LINES } from './seedRules';
import { plainRule } from './support';

describe('every rule line of seeds 002 and 003 (golden table in seedRules.ts)', () => {
  it.each(SEED_RULE_LINES.map((line) => [line.source, line] as const))('understands %s as the table says', (_, line) => {
    const parsed = parseRules(line.text, { label: line.label });
    expect(parsed.unparsed).toEqual([]);
    expect(parsed.rules.map(plainRule)).toEqual(line.rules);
    expect(parsed.notes.map((n) => [n.reason, n.text])).toEqual(line.notes);
  });

  it.each(SEED_RULE_LINES.map((line) => [line.source, line] as const))('numbers the rules of %s r1, r2 … and quotes each clause from the text', (_, line) => {
    const { rules } = parseRules(line.text, { label: line.label });
    expect(rules.map((r) => r.id)).toEqual(rules.map((_r, i) => `r${i + 1}`));
    const lines = line.text.split('\n').map(cleanText);
    for (const r of rules) {
      expect(r.sourceText).not.toBe('');
      expect(lines.some((l) => l.includes(r.sourceText))).toBe(true);
    }
  });

  it.each(SEED_RULE_LINES.map((line) => [line.source, line] as const))('drops no word of %s: each stands in a rule’s clause or a note', (_, line) => {
    const parsed = parseRules(line.text, { label: line.label });
    const hanOf = (s: string) => [...s].filter((ch) => /[\u4e00-\u9fff]/.test(ch));
    const quoted = hanOf([...parsed.rules.map((r) => r.sourceText), ...parsed.notes.map((n) => n.text)].join(''));
    const numbering = /^(?:\d+、|\([一二三四五六七八九十]+\))/;
    for (const ch of hanOf(cleanText(line.text).replace(numbering, ''))) {
      const at = quoted.indexOf(ch);
      expect(at).toBeGreaterThanOrEqual(0);
      quoted.splice(at, 1);
    }
  });

  it('gives every note a message from the catalog', () => {
    const notes = SEED_RULE_LINES.flatMap((line) => parseRules(line.text, { label: line.label }).notes);
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(n.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(SEED_NOT_UNDERSTOOD.map((line) => [line.source, line] as const))('reports %s (加分 with no amount) instead of guessing', (_, line) => {
    const parsed = parseRules(line.text);
    expect(parsed.rules).toEqual([]);
    expect(parsed.unparsed.map((u) => [u.reason, u.text])).toEqual(line.unparsed);
    expect(parsed.notes.map((n) => [n.reason, n.text])).toEqual(line.notes);
  });
});

describe('003 section 二: ten rule rows under one 分值 read as one item', () => {
  const parsed = parseRules(SEED_003_SECTION_TWO.map((l) => l.text));

  it('numbers the ten rules r1 … r10 across the rows', () => {
    expect(parsed.unparsed).toEqual([]);
    expect(parsed.rules.map((r) => `${r.id} ${r.sourceText}`)).toEqual(
      SEED_003_SECTION_TWO.map((l, i) => `r${i + 1} ${l.text}`),
    );
  });

  it('scores 30 − 4 (到省正常上访 once) − 2×2 (到区 twice) = 22', () => {
    const out = applyRules(dec(ITEM_POINTS[4]), parsed.rules, [
      { ruleId: 'r3', count: 1 },
      { ruleId: 'r7', count: 2 },
    ]);
    expect(out.ok && out.score?.toString()).toBe('22');
  });

  it('stops at 0 when the deductions exceed the item: 扣完为止', () => {
    const out = applyRules(dec(ITEM_POINTS[4]), parsed.rules, [{ ruleId: 'r2', count: 4 }]);
    expect(out.ok && [out.deducted.toString(), out.score?.toString()]).toEqual(['40', '0']);
  });
});
