/**
 * Deductions computed from the rules, end to end on grids: the seed 003 table, a 信访台账
 * ledger and a 扣分明细 log in one workbook, through scoreAssessment and its report.
 */
import { scoreAssessment, toReport, totalsPlan } from '../src/app/scoreAssessment';
import { grid, type CellValue, type Grid } from '../src/sheet/grid';
import { ITEM_POINTS, seed003 } from './support/seed003';

const FULL = ITEM_POINTS.map((p) => p as CellValue);
const LEDGER_HEADER = ['日期', '单位', '级别', '类别', '人数', '批次', '及时稳控调处', '不列入考评原因', '信访人'];
const LOG_HEADER = ['单位', '考核项目', '扣分因素', '次数', '扣(加)分', '原因', '记录人', '日期'];

function unitSheet(unit: string, entries: CellValue[] = FULL, options: { veto?: CellValue; adjustments?: CellValue[] } = {}): Grid {
  const s = seed003({ unit, date: '2024年12月20日', entries, adjustments: options.adjustments, veto: options.veto ?? '否', total: null });
  return grid([['2024年度综治及信访工作考核评分表', null, null, null, null], ...s.rows.slice(1)], { name: unit, merges: s.merges });
}

/** Entries with item 二 (E8, 30 points) replaced. */
function withSectionTwo(value: CellValue): CellValue[] {
  return FULL.map((v, i) => (i === 4 ? value : v));
}

const ledger = (rows: CellValue[][]) => grid([LEDGER_HEADER, ...rows], { name: '信访台账' });
const log = (rows: CellValue[][]) => grid([LOG_HEADER, ...rows], { name: '扣分明细' });

function unitOf(result: ReturnType<typeof scoreAssessment>, name: string) {
  const u = toReport(result).units.find((x) => x.name === name);
  if (!u) throw new Error(`no unit ${name}`);
  return u;
}

describe('counts from the 信访台账 (包保网络, seed 003 section 二)', () => {
  const events: CellValue[][] = [
    ['2024-03-05', '张庄村', '赴省', '正常访', 2, 1, null, null, '甲某'],
    ['2024-04-01', '张庄村', '进京', '非正常访', 1, 1, null, null, '乙某'],
    ['2024-05-01', '张庄村', '到区县', '正常访', 1, 1, '否', null, '丙某'],
    ['2024-05-02', '张庄村', '到镇', '正常访', 3, 1, '是', null, '丁某'],
    ['2024-06-01', '张庄村', '赴省', '正常访', 5, 1, null, '咨询问题的个人上访', '戊某'],
  ];

  test('each event counts against its rule by level, kind and 人次; the blank entry is filled from them', () => {
    const result = scoreAssessment([unitSheet('张庄村', withSectionTwo(null)), ledger(events)]);
    const u = unitOf(result, '张庄村');
    // 30 − 2×4 (到省正常) − 1×10 (到京非正常) − 1×2 (到区, 未及时稳控) = 10; the 到镇 event was stabilised; the 咨询 one is excluded.
    expect(u.categories[1]).toEqual({ title: '二、包保网络建设和责任追究', max: 30, score: 10 });
    expect(u.total).toBe(80);
    expect(u.deductions.map((d) => [d.rule, d.count, d.points])).toEqual([
      ['非正常上访、重复上访的每人次扣10分', 1, -10],
      ['到省正常上访,每人次扣4分', 2, -8],
      ['到区正常上访,不能及时稳控调处的每人次扣2分', 1, -2],
    ]);
    expect(u.deductions[1]).toMatchObject({ source: 'ledger', sheet: '信访台账', cell: 'A2', reason: expect.stringContaining('赴省正常访 2 人次') });
    expect(result.diagnostics.filter((d) => d.code === 'BLANK_ENTRY')).toEqual([]);
    expect(totalsPlan(result).cells).toContainEqual({ sheet: '张庄村', cell: 'E8', value: 10 });
  });

  test('a ledger under another name is found by its header, not reported as a skipped sheet', () => {
    const renamed = grid([LEDGER_HEADER, ...events], { name: '上访情况统计' });
    const result = scoreAssessment([unitSheet('张庄村', withSectionTwo(null)), renamed]);
    expect(unitOf(result, '张庄村').categories[1].score).toBe(10);
    expect(result.diagnostics.filter((d) => d.code === 'NOT_A_SCORE_TABLE')).toEqual([]);
  });

  test('petitioners never appear in the report', () => {
    const report = JSON.stringify(toReport(scoreAssessment([unitSheet('张庄村', withSectionTwo(null)), ledger(events)])));
    for (const name of ['甲某', '乙某', '丙某', '丁某', '戊某']) expect(report).not.toContain(name);
  });

  test('a unit without petitions gets the item’s full points; a typed entry that differs is an error showing both numbers', () => {
    const result = scoreAssessment([unitSheet('张庄村', withSectionTwo(null)), unitSheet('李家村', withSectionTwo(28)), ledger(events)]);
    expect(unitOf(result, '李家村').categories[1].score).toBe(30);
    const d = result.diagnostics.find((x) => x.code === 'ENTRY_DIFFERS_FROM_RECORDS');
    expect(d).toMatchObject({ severity: 'error', sheet: '李家村', cell: 'E8' });
    expect(d?.message).toContain('填写 28');
    expect(d?.message).toContain('计算为 30');
    // The typed cell is never overwritten.
    expect(totalsPlan(result).cells.filter((c) => c.sheet === '李家村' && c.cell === 'E8')).toEqual([]);
  });

  test('扣完为止: more petitions than points take the item to 0, not below', () => {
    const many: CellValue[][] = [['2024-03-05', '张庄村', '进京', '重复访', 4, 1, null, null, null]];
    const result = scoreAssessment([unitSheet('张庄村', withSectionTwo(null)), ledger(many)]);
    expect(unitOf(result, '张庄村').categories[1].score).toBe(0);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'DEDUCTIONS_EXHAUSTED', cell: 'E8' }));
  });

  test('an event under a 不能及时稳控调处 rule with that column blank is reported, not counted', () => {
    const rows: CellValue[][] = [['2024-03-05', '张庄村', '到镇', '正常访', 2, 1, null, null, null]];
    const result = scoreAssessment([unitSheet('张庄村', withSectionTwo(null)), ledger(rows)]);
    expect(unitOf(result, '张庄村').categories[1].score).toBe(30);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'LEDGER_STABILISED_UNKNOWN', sheet: '信访台账', cell: 'A2' }));
  });

  test('the score never rises when the ledger gains an event', () => {
    const scoreWith = (rows: CellValue[][]) => unitOf(scoreAssessment([unitSheet('张庄村', withSectionTwo(null)), ledger(rows)]), '张庄村').total;
    let previous = scoreWith([]);
    const grow: CellValue[][] = [];
    for (const e of events) {
      grow.push(e);
      const now = scoreWith(grow);
      expect(now).toBeLessThanOrEqual(previous);
      previous = now;
    }
  });
});

describe('the 扣分明细 log', () => {
  test('records score their items: 次数 × rate, bonuses into 加减分, and the 扣分 column is filled in the copy', () => {
    const entries = FULL.map((v, i) => (i === 3 || i === 11 ? null : v));
    const rows: CellValue[][] = [
      ['张庄村', '开展矛盾纠纷排查情况', '缺一次扣1分', 2, null, '3月、7月未排查', '王五', '2024-08-01'],
      ['张庄村', '治安巡逻每周', null, 3, null, '第12周只巡逻一次', '王五', '2024-08-02'],
      ['张庄村', '上报矛盾纠纷排查化解卷宗', '', '2份', null, '报送卷宗2份', '王五', '2024-09-01'],
      ['张庄村', '在省、市、区检查中受到表彰', '市', 1, null, '市级平安村表彰', '王五', '2024-10-01'],
    ];
    const result = scoreAssessment([unitSheet('张庄村', entries), log(rows)]);
    const u = unitOf(result, '张庄村');
    expect(u.categories[0].score).toBe(18); // 5 − 2×1
    expect(u.categories[3].score).toBe(28.5); // 4 − 3×0.5 = 2.5 in item 4
    expect(u.adjustment).toBe(5); // 2 份 × 1 + 市 3
    expect(u.total).toBe(100 - 2 - 1.5 + 5); // totals may pass 100 with bonuses
    expect(u.deductions.map((d) => [d.item, d.count, d.points, d.reason])).toEqual([
      ['开展矛盾纠纷排查情况', 2, -2, '3月、7月未排查'],
      [expect.stringContaining('治安巡逻'), 3, -1.5, '第12周只巡逻一次'],
      ['1、上报矛盾纠纷排查化解卷宗。', 2, 2, '报送卷宗2份'],
      ['5、在省、市、区检查中受到表彰。', 1, 3, '市级平安村表彰'],
    ]);
    const plan = totalsPlan(result).cells;
    expect(plan).toContainEqual({ sheet: '扣分明细', cell: 'E2', value: -2 });
    expect(plan).toContainEqual({ sheet: '扣分明细', cell: 'E3', value: -1.5 });
    expect(plan).toContainEqual({ sheet: '张庄村', cell: 'E7', value: 3 });
  });

  test('the order of the records does not change any score', () => {
    const rows: CellValue[][] = [
      ['张庄村', '开展矛盾纠纷排查情况', '缺一次扣1分', 1, null, 'a', null, null],
      ['张庄村', '开展矛盾纠纷排查情况', '没有负责人签字', 1, null, 'b', null, null],
      ['张庄村', '开展矛盾纠纷排查情况', '缺一次扣1分', 2, null, 'c', null, null],
      ['张庄村', '领导小组制度', null, 3, null, 'd', null, null],
    ];
    const total = (r: CellValue[][]) => unitOf(scoreAssessment([unitSheet('张庄村', FULL.map((v, i) => (i === 3 || i === 12 ? null : v))), log(r)]), '张庄村').total;
    const expected = total(rows);
    expect(expected).toBe(100 - 4 - 1.5 - 4 + 4); // the sheet's 4 and 6 are blank, computed 1 and 4.5
    expect(total([...rows].reverse())).toBe(expected);
    expect(total([rows[2], rows[0], rows[3], rows[1]])).toBe(expected);
  });

  test('what cannot be matched is reported at its cell and not counted', () => {
    const rows: CellValue[][] = [
      ['张家村', '开展矛盾纠纷排查情况', '缺一次扣1分', 1, null, null, null, null],
      ['张庄村', '安全生产', '缺一次扣1分', 1, null, null, null, null],
      ['张庄村', '开展矛盾纠纷排查情况', '迟到', 1, null, null, null, null],
      ['张庄村', '确保无人到京、省、市、区、镇上访落实情况', '到省正常上访', 1, null, null, null, null],
      ['张庄村', '村(居)无专人负责综治中心工作', null, 2, null, null, null, null],
      ['张庄村', '开展矛盾纠纷排查情况', '缺一次扣1分', -1, null, null, null, null],
    ];
    const result = scoreAssessment([unitSheet('张庄村'), unitSheet('张庄子村'), log(rows), ledger([])]);
    const found = result.diagnostics.filter((d) => d.sheet === '扣分明细').map((d) => [d.code, d.cell, d.severity]);
    expect(found).toEqual([
      ['LOG_UNKNOWN_UNIT', 'A2', 'error'],
      ['LOG_BAD_COUNT', 'D7', 'error'],
      ['LOG_UNKNOWN_ITEM', 'B3', 'error'],
      ['LOG_UNKNOWN_RULE', 'C4', 'error'],
      ['LOG_RULE_FROM_LEDGER', 'C5', 'warning'],
      ['RECORD_REJECTED', 'D6', 'error'],
    ]);
    expect(result.diagnostics.find((d) => d.code === 'LOG_UNKNOWN_RULE')?.message).toContain('可填写：“每月排查两次并上报,缺一次扣1分”');
    expect(unitOf(result, '张庄村').total).toBe(100);
  });
});

describe('veto clauses in the rules', () => {
  const vetoTable = (veto: CellValue) =>
    grid(
      [
        ['单位：周庄村', null, null, null, null],
        ['考核内容', '考核重点', '分值', '扣分因素', '得分'],
        ['一、维稳(100分)', '群体性事件', 100, '发生群体性事件的，直接给予一票否决', 100],
        ['一票否决', null, null, null, veto],
      ],
      { name: '周庄村' },
    );
  const record = log([['周庄村', '群体性事件', null, 1, null, '6月聚集事件', null, null]]);

  test('a veto clause that fires sets the unit’s veto', () => {
    const result = scoreAssessment([vetoTable(null), record]);
    expect(unitOf(result, '周庄村')).toMatchObject({ veto: true, total: 0 });
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'VETO_FROM_RULES', severity: 'warning' }));
  });

  test('and contradicting a 否 typed in the veto row is an error', () => {
    const result = scoreAssessment([vetoTable('否'), record]);
    expect(unitOf(result, '周庄村').veto).toBe(true);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'VETO_CONFLICT', severity: 'error', cell: 'E4' }));
  });
});
