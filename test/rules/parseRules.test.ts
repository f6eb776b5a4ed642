import fc from 'fast-check';
import { dec } from '../../src/engine/decimal';
import { applyRules, parsePoints, parseRules, type Rule } from '../../src/engine/rules';
import { plainRule } from './support';

/** The only rule of a text that must read as exactly one rule and nothing else. */
function onlyRule(text: string, label?: string): Rule {
  const parsed = parseRules(text, { label });
  expect(parsed.unparsed).toEqual([]);
  expect(parsed.notes).toEqual([]);
  expect(parsed.rules).toHaveLength(1);
  return parsed.rules[0];
}

const score = (points: number, rules: Rule[], records: { ruleId: string; count: number }[]) => {
  const out = applyRules(dec(points), rules, records);
  if (!out.ok) throw new Error(out.errors.map((e) => e.message).join('; '));
  return out;
};

describe('rate per unit: 每人次扣4分, 每缺一次扣0.5分, 每发生一起扣2分', () => {
  it.each([
    ['到省正常上访,每人次扣4分', '到省正常上访', '人次', '4'],
    ['到省正常上访，每人次扣4分', '到省正常上访', '人次', '4'],
    ['每缺一次扣0.5分', '缺', '次', '0.5'],
    ['每发生一起扣2分', '发生', '起', '2'],
    ['上访群众没有村级处理意见的每件扣1分', '上访群众没有村级处理意见', '件', '1'],
    ['每例扣1分', '', '例', '1'],
    ['每缺一份扣1分', '缺', '份', '1'],
    ['每缺一项资料扣1分', '缺资料', '项', '1'],
    ['每缺一类特殊人员扣1分', '缺特殊人员', '类', '1'],
    ['每批次扣1分', '', '批次', '1'],
    ['被国家定为老户1人扣5分', '被国家定为老户', '人', '5'],
    ['每发现一个问题扣1分', '发现问题', '个', '1'],
    ['缺1次扣一分', '缺', '次', '1'],
  ])('reads %s as a rate', (text, event, unit, points) => {
    expect(plainRule(onlyRule(text))).toEqual({ kind: 'rate', event, unit, points, level: null, cap: null, untilExhausted: false });
  });

  it('multiplies the points by the count: 每人次扣4分 twice is 8', () => {
    const rule = onlyRule('到省正常上访,每人次扣4分');
    expect(score(30, [rule], [{ ruleId: 'r1', count: 2 }]).score?.toString()).toBe('22');
  });

  it('does not take a threshold for a count: 同人同事当月来访三次的扣3分 deducts once', () => {
    expect(plainRule(onlyRule('同人同事当月来访三次的扣3分'))).toMatchObject({ kind: 'fixed', event: '同人同事当月来访三次', points: '3' });
    expect(plainRule(onlyRule('出现一次以上扣2分'))).toMatchObject({ kind: 'fixed', event: '出现一次以上', points: '2' });
    expect(plainRule(onlyRule('第一次扣1分'))).toMatchObject({ kind: 'fixed', points: '1' });
  });
});

describe('fixed deduction: 没开会…扣1分, 未建立…扣2分', () => {
  it.each([
    ['没开会研究相关工作事项的扣1分', '没开会研究相关工作事项', '1'],
    ['未建立台账的扣2分', '未建立台账', '2'],
    ['扣3分', '', '3'],
  ])('reads %s as a condition that deducts once', (text, event, points) => {
    expect(plainRule(onlyRule(text))).toEqual({ kind: 'fixed', event, unit: null, points, level: null, cap: null, untilExhausted: false });
  });

  it('accepts a count of 0 or 1 only: 没开会 happened or not', () => {
    const rule = onlyRule('没开会研究相关工作事项的扣1分');
    expect(score(5, [rule], [{ ruleId: 'r1', count: 1 }]).score?.toString()).toBe('4');
    const out = applyRules(dec(5), [rule], [{ ruleId: 'r1', count: 2 }]);
    expect(out.ok ? null : out.errors.map((e) => e.code)).toEqual(['COUNT_ONCE_ONLY']);
  });
});

describe('扣完为止', () => {
  it('marks the rules before it in the sentence and quotes it with them', () => {
    const rule = onlyRule('每缺一类特殊人员扣1分,扣完为止。');
    expect(rule.untilExhausted).toBe(true);
    expect(rule.sourceText).toBe('每缺一类特殊人员扣1分,扣完为止');
  });

  it('never takes an item below 0: 7 missing of a 5-point item scores 0, not −2', () => {
    const out = score(5, [onlyRule('每缺一类特殊人员扣1分,扣完为止')], [{ ruleId: 'r1', count: 7 }]);
    expect([out.deducted.toString(), out.score?.toString()]).toEqual(['7', '0']);
  });

  it('on a line of its own applies to the deduction rules of the lines before it', () => {
    const { rules, unparsed } = parseRules(['每件扣1分', '每次扣2分', '扣完为止']);
    expect(unparsed).toEqual([]);
    expect(rules.map((r) => r.untilExhausted)).toEqual([true, true]);
  });

  it('with no deduction before it is reported, not dropped', () => {
    expect(parseRules('扣完为止').unparsed.map((u) => u.reason)).toEqual(['CAP_WITHOUT_RULE']);
  });
});

describe('最多加10分', () => {
  const text = '经综治中心及司法所审理合格后,每卷加0.5分,最多加10分';

  it('caps the bonus rule before it', () => {
    expect(plainRule(onlyRule(text))).toEqual({
      kind: 'bonusRate', event: '经综治中心及司法所审理合格后', unit: '卷', points: '0.5', level: null, cap: '10', untilExhausted: false,
    });
  });

  it('adds 0.5 a 卷 up to 10: 19 卷 add 9.5, 30 卷 add 10', () => {
    const rule = onlyRule(text);
    expect(score(5, [rule], [{ ruleId: 'r1', count: 19 }]).bonus.toString()).toBe('9.5');
    const capped = score(5, [rule], [{ ruleId: 'r1', count: 30 }]);
    expect([capped.bonus.toString(), capped.bonuses[0].points.toString(), capped.score?.toString()]).toEqual(['10', '10', '5']);
  });

  it('caps a deduction the same way: 每人次扣4分,最多扣8分', () => {
    const rule = onlyRule('每人次扣4分,最多扣8分');
    expect(rule.cap?.toString()).toBe('8');
    expect(score(30, [rule], [{ ruleId: 'r1', count: 3 }]).score?.toString()).toBe('22');
  });

  it('on its own line caps the one bonus rule of the item', () => {
    const { rules, unparsed } = parseRules(['一份加1分', '最多加10分']);
    expect(unparsed).toEqual([]);
    expect(rules[0].cap?.toString()).toBe('10');
    expect(rules[0].sourceText).toBe('一份加1分');
  });

  it('after several rules is reported: which one it bounds is not written', () => {
    const parsed = parseRules('每件扣1分,每次扣2分,最多扣3分');
    expect(parsed.rules.map((r) => r.cap)).toEqual([null, null]);
    expect(parsed.unparsed.map((u) => [u.reason, u.text])).toEqual([['AMBIGUOUS_CAP', '最多扣3分']]);
  });

  it('with nothing to cap, or with a condition of its own, is reported', () => {
    expect(parseRules('最多加10分').unparsed.map((u) => u.reason)).toEqual(['CAP_WITHOUT_RULE']);
    expect(parseRules('每件扣1分,累计超过三件的,最多扣5分').unparsed.map((u) => u.reason)).toEqual(['CAP_WITH_CONDITION']);
  });
});

describe('分别加5分、3分、2分', () => {
  const expected = (event: string) => [
    { kind: 'bonusLevel', event, unit: null, points: '5', level: '省', cap: null, untilExhausted: false },
    { kind: 'bonusLevel', event, unit: null, points: '3', level: '市', cap: null, untilExhausted: false },
    { kind: 'bonusLevel', event, unit: null, points: '2', level: '区', cap: null, untilExhausted: false },
  ];

  it('makes one rule per level, the levels taken from the item label', () => {
    const parsed = parseRules('分别加5分、3分、2分', { label: '5、在省、市、区检查中受到表彰。' });
    expect(parsed.unparsed).toEqual([]);
    expect(parsed.rules.map(plainRule)).toEqual(expected(''));
    expect(parsed.rules.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
  });

  it('takes the levels from the clause itself: 省、市、区分别加5分、3分、2分', () => {
    expect(parseRules('省、市、区分别加5分、3分、2分').rules.map(plainRule)).toEqual(expected(''));
    expect(parseRules('在省、市、区检查中受到表彰分别加5、3、2分').rules.map(plainRule)).toEqual(expected('在省、市、区检查中受到表彰'));
  });

  it('adds 省 and 区: 5 + 2 = 7; each level counts once', () => {
    const { rules } = parseRules('分别加5分、3分、2分', { label: '在省、市、区检查中受到表彰' });
    const out = applyRules(null, rules, [{ ruleId: 'r1', count: 1 }, { ruleId: 'r3', count: 1 }]);
    expect(out.ok && [out.bonus.toString(), out.net.toString(), out.score]).toEqual(['7', '7', null]);
    const twice = applyRules(null, rules, [{ ruleId: 'r2', count: 2 }]);
    expect(twice.ok ? null : twice.errors.map((e) => e.code)).toEqual(['COUNT_ONCE_ONLY']);
  });

  it('without levels to match the three values, reports the clause', () => {
    const parsed = parseRules('分别加5分、3分、2分', { label: '受到表彰' });
    expect(parsed.rules).toEqual([]);
    expect(parsed.unparsed.map((u) => u.reason)).toEqual(['LEVELS_NOT_FOUND']);
    expect(parsed.unparsed[0].message).toContain('3 个级别');
    expect(parseRules('分别加5分、3分', { label: '在省、市、区检查中受到表彰' }).unparsed.map((u) => u.reason)).toEqual(['LEVELS_NOT_FOUND']);
  });

  it('by level with 扣 is reported: there is no kind for it', () => {
    expect(parseRules('省、市分别扣5分、3分').unparsed.map((u) => u.reason)).toEqual(['LEVELLED_DEDUCTION']);
  });
});

describe('以0分计算', () => {
  it('with 一票否决 in the same sentence is the unit veto (its total is 0)', () => {
    const parsed = parseRules('以0分计算,并对当年工作一票否决(填“是”或“否”)');
    expect(parsed.unparsed).toEqual([]);
    expect(parsed.rules.map((r) => [r.kind, r.event, r.sourceText])).toEqual([['veto', '', '以0分计算,并对当年工作一票否决']]);
    expect(parsed.notes.map((n) => [n.reason, n.text])).toEqual([['DESCRIPTION', '(填“是”或“否”)']]);
  });

  it('该项以0分计算 zeroes the item only', () => {
    const rule = onlyRule('出现上述情况的,该项以0分计算');
    expect(plainRule(rule)).toEqual({ kind: 'zeroItem', event: '出现上述情况', unit: null, points: null, level: null, cap: null, untilExhausted: false });
    const out = score(5, [rule], [{ ruleId: 'r1', count: 1 }]);
    expect([out.score?.toString(), out.zeroed, out.veto]).toEqual(['0', true, false]);
    expect(onlyRule('本项不得分').kind).toBe('zeroItem');
  });

  it('alone does not say whether the item or the total is 0: reported, not guessed', () => {
    const parsed = parseRules('发生集体上访的以0分计算');
    expect(parsed.rules).toEqual([]);
    expect(parsed.unparsed.map((u) => [u.reason, u.text])).toEqual([['AMBIGUOUS_ZERO', '发生集体上访的以0分计算']]);
    expect(parsed.unparsed[0].message).toContain('以0分计算');
  });
});

describe('一票否决', () => {
  it.each([
    ['如因调处不及时发生到京上访,直接给予一票否决', '因调处不及时发生到京上访'],
    ['对综合排名最后一名的村实行一票否决', '对综合排名最后一名的村'],
    ['实行一票否决', ''],
    ['出现集体上访的,予以一票否决', '出现集体上访'],
  ])('reads %s as a veto', (text, event) => {
    expect(plainRule(onlyRule(text))).toEqual({ kind: 'veto', event, unit: null, points: null, level: null, cap: null, untilExhausted: false });
  });

  it('sets veto and leaves the item score to the veto setting', () => {
    const rules = parseRules(['每件扣1分', '如因调处不及时发生到京上访,直接给予一票否决']).rules;
    const out = score(5, rules, [{ ruleId: 'r1', count: 1 }, { ruleId: 'r2', count: 1 }]);
    expect([out.veto, out.zeroed, out.score?.toString()]).toEqual([true, false, '4']);
    expect(score(5, rules, [{ ruleId: 'r2', count: 0 }]).veto).toBe(false);
  });
});

describe('Chinese numerals', () => {
  it.each([
    ['扣一分', '1'], ['扣二分', '2'], ['扣两分', '2'], ['扣十分', '10'], ['扣十五分', '15'],
    ['扣半分', '0.5'], ['扣零点五分', '0.5'], ['扣一分半', '1.5'], ['扣0.5分', '0.5'], ['扣１分', '1'],
  ])('reads %s as %s points', (text, points) => {
    expect(onlyRule(text).points?.toString()).toBe(points);
  });

  it('counts 一/1 as one unit: 缺一次, 缺1次, 一份', () => {
    expect(onlyRule('缺一次扣1分').unit).toBe('次');
    expect(onlyRule('缺1次扣一分').unit).toBe('次');
    expect(onlyRule('一份加1分').kind).toBe('bonusRate');
  });

  it('reports a count of two (两次): per two, or once at two?', () => {
    for (const text of ['每两次扣1分', '缺两次扣1分', '每十人扣1分']) {
      const parsed = parseRules(text);
      expect(parsed.rules).toEqual([]);
      expect(parsed.unparsed.map((u) => u.reason)).toEqual(['PER_SEVERAL_UNITS']);
    }
  });

  it('reads full-width and traditional text: 每缺一次扣１分，扣完為止', () => {
    expect(plainRule(onlyRule('每缺一次扣１分，扣完為止'))).toEqual({
      kind: 'rate', event: '缺', unit: '次', points: '1', level: null, cap: null, untilExhausted: true,
    });
  });

  it('parsePoints is exact and rejects what is not a number', () => {
    expect(['4', '0.1', '一', '两', '二十', '半', '零点二五'].map((t) => parsePoints(t)?.toString())).toEqual(['4', '0.1', '1', '2', '20', '0.5', '0.25']);
    expect(parsePoints('几')).toBeNull();
  });
});

describe('notes: clauses that state nothing to apply', () => {
  it.each([
    ['上级交办的信访件能妥善办理并及时上报处理结果。', 'DESCRIPTION'],
    ['按有关规定执行', 'REFERRAL'],
    ['并处罚相关人员责任金500元', 'MONEY'],
    ['(5分)', 'ITEM_POINTS'],
    ['没有上访老户得10分', 'ITEM_POINTS'],
  ])('%s is a note (%s)', (text, reason) => {
    const parsed = parseRules(text);
    expect(parsed.rules).toEqual([]);
    expect(parsed.unparsed).toEqual([]);
    expect(parsed.notes.map((n) => n.reason)).toEqual([reason]);
  });

  it('keeps 加盖公章 and 加强 as plain words, not bonuses', () => {
    expect(parseRules('要进一步加强领导,加盖公章').notes.map((n) => n.reason)).toEqual(['DESCRIPTION']);
  });
});

describe('never guesses', () => {
  it.each([
    ['年终考核时给予加分', 'UNKNOWN_WORDING'],
    ['扣分', 'UNKNOWN_WORDING'],
    ['十分重要', 'UNKNOWN_WORDING'],
    ['扣除该项分值', 'UNKNOWN_WORDING'],
    ['每月14日前未上报扣1分', 'PER_UNIT_NOT_FOUND'],
    ['扣除责任金并扣分', 'UNKNOWN_WORDING'],
  ])('reports %s as %s', (text, reason) => {
    const parsed = parseRules(text);
    expect(parsed.rules).toEqual([]);
    expect(parsed.unparsed.map((u) => [u.reason, u.text])).toEqual([[reason, text]]);
    expect(parsed.unparsed[0].message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('keeps the rules it understood beside the clause it did not', () => {
    const parsed = parseRules('每件扣1分;扣分');
    expect(parsed.rules.map((r) => r.sourceText)).toEqual(['每件扣1分']);
    expect(parsed.unparsed.map((u) => u.text)).toEqual(['扣分']);
  });

  it('reads blank text as no rules', () => {
    for (const text of ['', '   ', '。。,,', []]) expect(parseRules(text)).toEqual({ rules: [], notes: [], unparsed: [] });
  });

  const vocabulary = fc.constantFrom(
    '每', '人次', '件', '一', '两', '1', '0.5', '扣', '加', '分', '分别', '、', ',', '。', ';', '\n', '的', '缺', '省', '市', '区',
    '最多', '扣完为止', '以0分计算', '该项', '一票否决', '得', '(5分)', '责任金', '500元', '按有关规定', '上访', '(', ')', '“', '”',
  );

  it('never throws, and every rule it returns has points or is a veto/zeroItem (fast-check)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(vocabulary, { maxLength: 24 }).map((ws) => ws.join(''))), fc.string(), (text, label) => {
        const parsed = parseRules(text, { label });
        for (const r of parsed.rules) {
          expect(r.points === null).toBe(r.kind === 'veto' || r.kind === 'zeroItem');
          expect(r.sourceText).not.toBe('');
        }
        for (const u of parsed.unparsed) expect(u.text).not.toBe('');
      }),
      { seed: 20240320, numRuns: 2000 },
    );
  });
});

describe('rule ids', () => {
  it('are stable for the item: r1, r2 … across its lines, in the order of the text', () => {
    const { rules } = parseRules(['无值班记录扣2分;', '卫生不干净扣1分', '制度不完善扣2分']);
    expect(rules.map((r) => [r.id, r.event])).toEqual([['r1', '无值班记录'], ['r2', '卫生不干净'], ['r3', '制度不完善']]);
    expect(parseRules('无值班记录扣2分;\n卫生不干净扣1分\n制度不完善扣2分').rules.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
  });
});
