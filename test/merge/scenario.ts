/**
 * The assessment day the merge tests share: a master handed out to three 考核组.
 * - 第一组 scores 张庄村 and 王庄村, and changes 陈楼村 E5, which the master already holds (conflict);
 * - 第二组 scores 李家村 and 王庄村 the same way as 第一组 (no conflict), gives 张庄村 E5 another
 *   value than 第一组 (conflict), and has a sheet for 李家庄, a unit the master lacks;
 * - both carry the master's 扣分明细 row, and one new row appears in both copies;
 * - 第三组's table gives the first item 4 points instead of 5 (a changed table);
 * - 刘湾村 is scored by nobody.
 */
import type { MergeFile } from '../../src/app/merge';
import { grid, type Grid } from '../../src/sheet/grid';
import { full, logSheet, unitSheet, type LogLine } from './support';

const R0: LogLine = ['陈楼村', '开展矛盾纠纷排查情况', '', 1, '5月下旬排查未开展', '刘书记', '2024-12-10'];
const R1: LogLine = ['张庄村', '上报矛盾纠纷排查化解卷宗', '', 2, '上报卷宗两份', '李强', '2024-12-18'];
const R2: LogLine = ['王庄村', '开展矛盾纠纷排查情况', '', 1, '6月下旬排查未开展', '李强', '2024-12-18'];
const R3: LogLine = ['李家村', '不按时或缺席综治工作会议', '', 1, '11月例会缺席', '周洁', '2024-12-19'];

export function masterFile(): MergeFile {
  return {
    name: '2024年度考核.xlsx',
    grids: [
      unitSheet('张庄村'),
      unitSheet('李家村'),
      unitSheet('王庄村'),
      unitSheet('刘湾村'),
      unitSheet('陈楼村', { entries: full({ 3: 4 }), reasons: { 3: '5月下旬排查未开展' } }),
      logSheet([R0]),
    ],
  };
}

export function groupOne(): MergeFile {
  const sign = { leader: '王明', members: '李强、赵敏' };
  return {
    name: '第一组.xlsx',
    grids: [
      unitSheet('张庄村', { entries: full({ 9: 4 }), adjustments: [2], reasons: { 9: '缺吸毒人员管理台账' }, ...sign }),
      unitSheet('李家村'),
      unitSheet('王庄村', { entries: full({ 0: 4, 3: 4 }), reasons: { 0: '会议记录不全', 3: '6月下旬排查未开展' }, ...sign }),
      unitSheet('刘湾村'),
      unitSheet('陈楼村', { entries: full({ 1: 4, 3: 4 }), reasons: { 3: '5月下旬排查未开展' } }),
      logSheet([R0, R1, R2]),
    ],
  };
}

/** 第二组 names its 考核组 in the settings sheet, not on the signature rows. */
export function groupTwo(): MergeFile {
  const settings: Grid = grid([
    ['设置项', '值', '说明'],
    ['考核组长', '孙伟', ''],
    ['考核组成员', '周洁、吴刚', ''],
  ], { name: '考核助手设置' });
  return {
    name: '第二组.xlsx',
    grids: [
      unitSheet('张庄村', { entries: [null, 4] }),
      unitSheet('李家村', { entries: full({ 5: 5 }), adjustments: [null, null, null, null, null, -1], reasons: { 5: '一件批办件逾期' } }),
      unitSheet('王庄村', { entries: full({ 0: 4, 3: 4 }), reasons: { 0: '会议记录不全', 3: '6月下旬排查未开展' } }),
      unitSheet('刘湾村'),
      unitSheet('陈楼村', { entries: full({ 3: 4 }), reasons: { 3: '5月下旬排查未开展' } }),
      unitSheet('李家庄', { entries: full() }),
      logSheet([R0, R2, R3]),
      settings,
    ],
  };
}

export function groupThree(): MergeFile {
  return { name: '第三组.xlsx', grids: [unitSheet('张庄村', { entries: full(), points: { 0: 4 } }), unitSheet('李家村', { points: { 0: 4 } })] };
}
