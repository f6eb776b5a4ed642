/** What the reason picker offers: the item's rules first, then reasons used for the item, then the workbook's others. */
import { dec } from '../../src/engine/decimal';
import type { Deduction } from '../../src/engine/deductions';
import { formItemKey, mergeUsed, reasonSuggestions, usedReasons } from '../../src/taskpane/entry/reasons';

const form = (reasons: string[][], adjustmentReasons: string[] = []) => ({
  items: reasons.map((r) => r.map(() => '')),
  reasons,
  adjustments: adjustmentReasons.map(() => ''),
  adjustmentReasons,
  veto: null,
});
const record = (itemKey: string, reason: string, source: Deduction['source'] = 'log'): Deduction => ({
  itemKey,
  ruleId: 'r0',
  item: '',
  rule: '',
  count: 1,
  points: dec(-1),
  reason,
  source,
  sheet: '扣分明细',
  cell: 'F2',
});

test('form keys of deduction keys: c0.i3 → 0.3, a2 → a.2', () => {
  expect(formItemKey('c0.i3')).toBe('0.3');
  expect(formItemKey('c12.i0')).toBe('12.0');
  expect(formItemKey('a2')).toBe('a.2');
});

test('reasons used are gathered per item from forms and 扣分明细 records, the most used first; ledger lines are not reasons', () => {
  const used = usedReasons(
    [form([['', '资料不全']], ['']), form([['', '台账缺两项']], ['例会缺席']), form([['', '台账缺两项']])],
    [record('c0.i1', '台账缺两项'), record('a0', '例会缺席'), record('c0.i0', '到京上访 1 人次', 'ledger')],
  );
  expect(used.get('0.1')).toEqual(['台账缺两项', '资料不全']);
  expect(used.get('a.0')).toEqual(['例会缺席']);
  expect(used.has('0.0')).toBe(false);
});

test('suggestions: the rules, then the item’s used reasons, then others; each once, blanks dropped', () => {
  const used = mergeUsed(
    new Map([
      ['0.1', ['台账缺两项', '资料不全']],
      ['0.2', ['卫生不达标']],
    ]),
    new Map([['0.1', ['资料不全', '缺计划']]]),
  );
  expect(reasonSuggestions(['每缺一项资料扣1分', '资料不全'], used, '0.1')).toEqual(['每缺一项资料扣1分', '资料不全', '台账缺两项', '缺计划', '卫生不达标']);
  expect(reasonSuggestions([], new Map(), '0.1')).toEqual([]);
  expect(reasonSuggestions([' '], new Map([['0.1', ['']]]), '0.1')).toEqual([]);
});
