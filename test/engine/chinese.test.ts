import { capitalAmount, formatDate } from '../../src/engine/chinese';

describe('金额大写', () => {
  test.each([
    [10000, '壹万元整'],
    [8000, '捌仟元整'],
    [6000, '陆仟元整'],
    [2000, '贰仟元整'],
    [1000, '壹仟元整'],
    [1500, '壹仟伍佰元整'],
    [10500, '壹万零伍佰元整'],
    [100010, '壹拾万零壹拾元整'],
    [20000, '贰万元整'],
    [105, '壹佰零伍元整'],
    [0, '零元整'],
    [1500.5, '壹仟伍佰元伍角'],
    [0.05, '伍分'],
    [12.03, '壹拾贰元零叁分'],
    [100000000, '壹亿元整'],
  ])('%p → %s', (amount, expected) => {
    expect(capitalAmount(amount)).toBe(expected);
  });
});

describe('成文日期', () => {
  test.each([
    ['2024-12-20', 'arabic', '2024年12月20日'],
    ['2024-12-20', 'chinese', '二〇二四年十二月二十日'],
    ['2025-01-05', 'chinese', '二〇二五年一月五日'],
    ['2024-10-31', 'chinese', '二〇二四年十月三十一日'],
    ['2024-11-11', 'chinese', '二〇二四年十一月十一日'],
  ] as const)('%s (%s) → %s', (iso, style, expected) => {
    expect(formatDate(iso, style)).toBe(expected);
  });
});
