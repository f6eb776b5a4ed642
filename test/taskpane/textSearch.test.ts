/** Finding units and reasons by what is typed: characters, or pinyin initials and syllables (pinyin-pro). */
import { matchRank, searchBy } from '../../src/taskpane/entry/textSearch';

const UNITS = ['张庄村', '李家村', '王庄村', '赵集村', '刘湾村', '陈楼村', '杨店社区', '周口居委会', '前营村', '孙庄村'];
const find = (q: string) => searchBy(UNITS, q, (t) => [t]);

test('pinyin initials find a unit: zzc → 张庄村, ydsq → 杨店社区, in upper case too', () => {
  expect(find('zzc')).toEqual(['张庄村']);
  expect(find('ZZC')).toEqual(['张庄村']);
  expect(find('ydsq')).toEqual(['杨店社区']);
  expect(find('zkjwh')).toEqual(['周口居委会']);
});

test('a whole-pinyin prefix finds it too, syllables or a syllable begun: zhangzhuang, zhangz', () => {
  expect(find('zhangzhuang')).toEqual(['张庄村']);
  expect(find('zhangz')).toEqual(['张庄村']);
  expect(find('zhang zhuang')).toEqual(['张庄村']);
});

test('a reading from the first character comes before one further in', () => {
  // c: 陈楼村 starts with chen; the others only hold 村 (cun) further in.
  expect(find('c')[0]).toBe('陈楼村');
  // zc: 庄村 (zhuang cun) in 张庄村, 王庄村, 孙庄村 — each further in; 周口… has no c after z.
  expect(find('zc')).toEqual(['张庄村', '王庄村', '孙庄村']);
  // zz starts 张庄村 only.
  expect(find('zz')).toEqual(['张庄村']);
  expect(matchRank('张庄村', 'zz')).toBe(1);
  expect(matchRank('王庄村', 'zc')).toBe(2);
});

test('characters still find as before: a part of the name first, then the characters in order', () => {
  expect(find('张庄')).toEqual(['张庄村']);
  expect(find('庄村')).toEqual(['张庄村', '王庄村', '孙庄村']);
  expect(find('张村')).toEqual(['张庄村']);
  expect(find('')).toEqual(UNITS);
});

test('nothing answers what matches no name nor reading', () => {
  expect(find('zzx')).toEqual([]);
  expect(find('不存在')).toEqual([]);
  expect(matchRank('张庄村', 'q')).toBeNull();
});

test('a polyphone is found by either reading: 长 as chang and as zhang', () => {
  expect(matchRank('长岭村', 'clc')).toBe(1);
  expect(matchRank('长岭村', 'zlc')).toBe(1);
});
