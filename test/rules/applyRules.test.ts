import fc from 'fast-check';
import { dec } from '../../src/engine/decimal';
import { applyRules, parseRules, type Rule, type RuleRecord } from '../../src/engine/rules';
import { SEED_RULE_LINES } from './seedRules';
import { plainOutcome } from './support';

const FC = { seed: 20240320, numRuns: 500 };

const rule = (id: string, kind: Rule['kind'], points: string | null, more: Partial<Rule> = {}): Rule => ({
  id, kind, event: '', unit: kind === 'rate' || kind === 'bonusRate' ? '次' : null, points: points === null ? null : dec(points),
  level: null, cap: null, untilExhausted: false, sourceText: id, ...more,
});

describe('applyRules', () => {
  it('deducts exactly in decimals: ten deductions of 0.1 are exactly 1', () => {
    const out = applyRules(dec(5), [rule('r1', 'rate', '0.1')], [{ ruleId: 'r1', count: 10 }]);
    expect(out.ok && [out.deducted.toString(), out.score?.toString()]).toEqual(['1', '4']);
  });

  it('adds up records for the same rule', () => {
    const rules = [rule('r1', 'rate', '0.5')];
    const once = applyRules(dec(5), rules, [{ ruleId: 'r1', count: 3 }]);
    const split = applyRules(dec(5), rules, [{ ruleId: 'r1', count: 1 }, { ruleId: 'r1', count: 2 }]);
    expect(plainOutcome(split)).toEqual(plainOutcome(once));
    expect(once.ok && once.deductions).toEqual([{ ruleId: 'r1', count: 3, points: dec('1.5') }]);
  });

  it('lists only the rules that took effect, in rule order', () => {
    const rules = [rule('r1', 'rate', '1'), rule('r2', 'fixed', '2'), rule('r3', 'bonusFixed', '1')];
    const out = applyRules(dec(10), rules, [{ ruleId: 'r3', count: 1 }, { ruleId: 'r2', count: 1 }, { ruleId: 'r1', count: 0 }]);
    expect(plainOutcome(out)).toEqual({
      score: '8', deducted: '2', deductions: [{ ruleId: 'r2', count: 1, points: '2' }],
      bonus: '1', bonuses: [{ ruleId: 'r3', count: 1, points: '1' }], net: '-1', veto: false, zeroed: false,
    });
  });

  it('scores a 加减分 line by its net: 缺一次扣1分 twice is −2, and there is no item score', () => {
    const { rules } = parseRules('缺一次扣1分');
    const out = applyRules(null, rules, [{ ruleId: 'r1', count: 2 }]);
    expect(out.ok && [out.score, out.net.toString()]).toEqual([null, '-2']);
  });

  it('scores the item at its points when nothing was counted', () => {
    const out = applyRules(dec(5), parseRules('每件扣1分').rules, []);
    expect(plainOutcome(out)).toMatchObject({ score: '5', deducted: '0', deductions: [], veto: false, zeroed: false });
  });

  describe('rejects records it cannot use, with a clear error and no throw', () => {
    const rules = [rule('r1', 'rate', '1'), rule('r2', 'fixed', '2')];
    it.each([
      [{ ruleId: 'r1', count: -1 }, 'COUNT_NEGATIVE', '规则 r1 的次数 -1 为负数'],
      [{ ruleId: 'r1', count: 1.5 }, 'COUNT_NOT_INTEGER', '规则 r1 的次数 1.5 不是整数，次数应为 0、1、2 …'],
      [{ ruleId: 'r1', count: Number.NaN }, 'COUNT_NOT_A_NUMBER', '规则 r1 的次数“NaN”不是数字'],
      [{ ruleId: 'r1', count: Number.POSITIVE_INFINITY }, 'COUNT_NOT_A_NUMBER', '规则 r1 的次数“Infinity”不是数字'],
      [{ ruleId: 'r1', count: '2' as unknown as number }, 'COUNT_NOT_A_NUMBER', '规则 r1 的次数“2”不是数字'],
      [{ ruleId: 'r9', count: 1 }, 'UNKNOWN_RULE', '没有编号为 r9 的规则'],
      [{ ruleId: 'r2', count: 2 }, 'COUNT_ONCE_ONLY', '规则 r2 只计一次，次数应为 0 或 1，实际为 2'],
      [{ ruleId: 'r1', count: Number.MAX_SAFE_INTEGER + 1 }, 'COUNT_TOO_LARGE', `规则 r1 的次数 ${Number.MAX_SAFE_INTEGER + 1} 过大`],
    ])('%j → %s', (record, code, message) => {
      const out = applyRules(dec(5), rules, [record as RuleRecord]);
      expect(out).toEqual({ ok: false, errors: [{ code, ruleId: record.ruleId, message }] });
    });

    it('reports every bad record, not only the first', () => {
      const out = applyRules(dec(5), rules, [{ ruleId: 'r1', count: -1 }, { ruleId: 'r1', count: 2 }, { ruleId: 'r9', count: 1 }]);
      expect(out.ok ? [] : out.errors.map((e) => e.code)).toEqual(['COUNT_NEGATIVE', 'UNKNOWN_RULE']);
    });

    it('rejects two rules with one id, and negative item points', () => {
      const dup = applyRules(dec(5), [rule('r1', 'rate', '1'), rule('r1', 'fixed', '1')], []);
      expect(dup.ok ? [] : dup.errors.map((e) => e.code)).toEqual(['DUPLICATE_RULE_ID']);
      const neg = applyRules(dec(-1), rules, []);
      expect(neg.ok ? [] : neg.errors.map((e) => e.code)).toEqual(['POINTS_NEGATIVE']);
    });
  });
});

// ---- Properties (fast-check, fixed seed) ----

/** Deduction rules as data: rates and fixed deductions with points 0.1–10 and sometimes a cap. */
const deductionRules = fc
  .array(
    fc.record({
      kind: fc.constantFrom<Rule['kind']>('rate', 'fixed'),
      tenths: fc.integer({ min: 1, max: 100 }),
      cap: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((rs) => rs.map((r, i) => rule(`r${i + 1}`, r.kind, dec(r.tenths).div(10).toString(), { cap: r.cap === null ? null : dec(r.cap) })));

/** Or the deduction rules of a seed line, as parsed. */
const seedDeductionRules = fc.constantFrom(
  ...SEED_RULE_LINES.map((l) => parseRules(l.text, { label: l.label }).rules.filter((r) => r.kind === 'rate' || r.kind === 'fixed'))
    .filter((rs) => rs.length > 0),
);

const anyDeductionRules = fc.oneof(deductionRules, seedDeductionRules);

/** Valid records for the rules: any count for a rate, 0 or 1 for a once-only rule. */
const recordsFor = (rules: Rule[]) =>
  fc.array(
    fc.integer({ min: 0, max: rules.length - 1 }).chain((i) =>
      fc.record({
        ruleId: fc.constant(rules[i].id),
        count: rules[i].kind === 'rate' ? fc.integer({ min: 0, max: 20 }) : fc.integer({ min: 0, max: 1 }),
      }),
    ),
    { maxLength: 8 },
  ).map((records) => {
    // A once-only rule may appear in several records; keep its total at most 1.
    const seen = new Set<string>();
    return records.filter((r) => {
      const once = rules.find((x) => x.id === r.ruleId)?.kind !== 'rate';
      if (!once || r.count === 0) return true;
      if (seen.has(r.ruleId)) return false;
      seen.add(r.ruleId);
      return true;
    });
  });

const points = fc.integer({ min: 0, max: 100 }).map((tenths) => dec(tenths).div(2));

describe('properties of applyRules', () => {
  it('keeps the score within [0, points] for deduction rules', () => {
    fc.assert(
      fc.property(points, anyDeductionRules.chain((rules) => fc.tuple(fc.constant(rules), recordsFor(rules))), (p, [rules, records]) => {
        const out = applyRules(p, rules, records);
        expect(out.ok).toBe(true);
        if (!out.ok || out.score === null) return;
        expect(out.score.gte(0) && out.score.lte(p)).toBe(true);
      }),
      FC,
    );
  });

  it('never raises the score when a count rises', () => {
    fc.assert(
      fc.property(
        points,
        anyDeductionRules.chain((rules) => fc.tuple(fc.constant(rules), recordsFor(rules), fc.integer({ min: 0, max: rules.length - 1 }))),
        (p, [rules, records, i]) => {
          const before = applyRules(p, rules, records);
          // One more of rule i: a rate counts again; a once-only rule goes from 0 to 1.
          const target = rules[i];
          const had = records.filter((r) => r.ruleId === target.id).reduce((n, r) => n + r.count, 0);
          fc.pre(target.kind === 'rate' || had === 0);
          const after = applyRules(p, rules, [...records, { ruleId: target.id, count: 1 }]);
          expect(before.ok && after.ok).toBe(true);
          if (!before.ok || !after.ok || before.score === null || after.score === null) return;
          expect(after.score.lte(before.score)).toBe(true);
          expect(after.deducted.gte(before.deducted)).toBe(true);
        },
      ),
      FC,
    );
  });

  it('gives the same outcome whatever the order of the records', () => {
    fc.assert(
      fc.property(
        points,
        anyDeductionRules.chain((rules) =>
          recordsFor(rules).chain((records) => fc.tuple(fc.constant(rules), fc.constant(records), fc.shuffledSubarray(records, { minLength: records.length }))),
        ),
        (p, [rules, records, shuffled]) => {
          expect(plainOutcome(applyRules(p, rules, shuffled))).toEqual(plainOutcome(applyRules(p, rules, records)));
        },
      ),
      FC,
    );
  });

  it('never adds more than a bonus rule’s cap: 最多加10分', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (n) => {
        const { rules } = parseRules('每卷加0.5分,最多加10分');
        const out = applyRules(dec(5), rules, [{ ruleId: 'r1', count: n }]);
        expect(out.ok && out.bonus.toString()).toBe(dec(n).times('0.5').gt(10) ? '10' : dec(n).times('0.5').toString());
      }),
      FC,
    );
  });
});
