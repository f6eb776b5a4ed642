/**
 * Seed 002 三、越级上访控制目标 computed from the ledger: the quota of 三(一) (进京 ≤ 2%, 到省 ≤ 8%,
 * 来市 ≤ 15% of the petitions received at the unit's own level; 突破1起扣5分) and 三(二)'s
 * 重复越级上访 by batch, where “省访1起扣3分” continues “重复京访1起扣5分”.
 */
import { scoreAssessment, toReport } from '../../src/app/scoreAssessment';
import { grid, type CellValue, type Grid } from '../../src/sheet/grid';

const table = grid(
  [
    ['2024年度信访工作考核评分表', null, null, null, null],
    ['单位：东乡镇', null, null, null, null],
    ['考核内容', '考核重点', '分值', '扣分因素', '得分'],
    ['三、越级上访控制目标(25分)', '越级进京上访量不超过本级接访量的2%,到省上访量不超过8%,来市上访量不超过15%', 15, '突破1起扣5分', null],
    [null, '没有发生重复越级上访', 10, '重复京访1起扣5分,省访1起扣3分,市访1起扣2分,本市访1起扣1分', null],
  ],
  { name: '东乡镇', merges: ['A4:A5'] },
);

const ledger = (rows: CellValue[][]) =>
  grid([['日期', '单位', '级别', '类别', '人数', '批次'], ...rows], { name: '信访台账' });

test('the quota allows each level its share of the petitions received at 到镇; each batch beyond it is one 突破', () => {
  const result = scoreAssessment([
    table,
    ledger([
      ['2024-01-10', '东乡镇', '到镇', '正常访', 60, 50], // received: 50 batches → 进京 1, 赴省 4, 到市 7 allowed
      ['2024-02-10', '东乡镇', '进京', '正常访', 1, 1],
      ['2024-03-10', '东乡镇', '进京', '重复访', 1, 1], // 进京 2 batches: 1 over
      ['2024-04-10', '东乡镇', '赴省', '重复访', 2, 1], // 赴省 1: within
      ['2024-05-10', '东乡镇', '到市', '正常访', 9, 8], // 到市 8: 1 over
    ]),
  ]);
  const unit = toReport(result).units[0];
  expect(unit.deductions.map((d) => [d.rule, d.count, d.points])).toEqual([
    ['突破1起扣5分', 2, -10],
    ['重复京访1起扣5分', 1, -5],
    ['省访1起扣3分', 1, -3],
  ]);
  expect(unit.deductions[0].reason).toBe('信访台账：本级接访 50 批；进京 2 批（限 1），赴省 1 批（限 4），到市 8 批（限 7），突破 2 起');
  expect(unit.categories[0].score).toBe(5 + 2);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
});

test('within every quota and without repeated petitions, both items keep their points', () => {
  const result = scoreAssessment([table, ledger([['2024-01-10', '东乡镇', '到镇', '正常访', 10, 10]])]);
  expect(toReport(result).units[0]).toMatchObject({ total: 25, deductions: [] });
});

test('seed 002 in its own wording (考核项目 | 考核内容 | 分值 | 评分标准): section 三 is scored from the ledger, 集体上访 by the item’s word', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const grids = (require('../fixtures/seed002-ledger.grid') as { default: Grid[] }).default;
  const unit = toReport(scoreAssessment(grids)).units.find((u) => u.name === '城关镇');
  expect(unit?.deductions.map((d) => [d.item, d.rule, d.count, d.points, d.source])).toEqual([
    ['越级进京上访量不超过本级接访量的2%,到省上访量不超过8%,来市上访量不超过15%', '突破1起扣5分', 1, -5, 'ledger'],
    ['没有发生重复越级上访', '省访1起扣3分', 1, -3, 'ledger'],
    ['没有发生越级集体上访', '市访1起扣5分', 1, -5, 'ledger'],
  ]);
  expect(unit?.categories[2]).toEqual({ title: '三、越级上访控制目标', max: 50, score: 37 });
});

test('a 扣分明细 record names seed 002’s 考核内容 and a clause of its 评分标准, and is matched', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const grids = (require('../fixtures/seed002-ledger.grid') as { default: Grid[] }).default;
  const log = grid(
    [
      ['单位', '考核项目', '扣分因素', '次数', '扣(加)分', '原因', '记录人', '日期'],
      ['北山乡', '成立信访工作领导小组', '每少开一次会扣1分', 1, null, '5月未开会', '李组员', '2024-12-18'],
    ],
    { name: '扣分明细' },
  );
  const result = scoreAssessment([...grids, log]);
  expect(result.diagnostics.map((d) => d.code).filter((c) => c.startsWith('LOG_'))).toEqual([]);
  const unit = toReport(result).units.find((u) => u.name === '北山乡');
  expect(unit?.deductions.filter((d) => d.source === 'log').map((d) => [d.rule, d.points, d.reason])).toEqual([['每少开一次会扣1分', -1, '5月未开会']]);
});
