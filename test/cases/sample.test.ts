/**
 * The sample's 信访事项办理台账 (scripts/makeSample.ts), judged on its assessment date 2024-12-20.
 * Each due date was worked out by hand from the 2024/2025 arrangements (see deadline.test.ts for
 * the holidays) and is written beside the case in makeSample.ts.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { scoreAssessment, toReport } from '../../src/app/scoreAssessment';
import { run } from '../../src/cli/main';
import { XlsxHost } from '../../src/host/xlsxHost';
import { SAMPLE_CASES } from '../../scripts/makeSample';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'sample-2024.xlsx');

const HAND: Record<string, [due: string, state: '按期' | '逾期' | '未办结', daysOver: number]> = {
  'XF2024-001': ['2024-02-18', '按期', 0],
  'XF2024-002': ['2024-02-08', '逾期', 1],
  'XF2024-003': ['2024-01-31', '按期', 0],
  'XF2024-004': ['2024-02-18', '按期', 0],
  'XF2024-005': ['2024-02-28', '按期', 0],
  'XF2024-006': ['2024-04-07', '逾期', 1],
  'XF2024-007': ['2024-03-11', '按期', 0],
  'XF2024-008': ['2024-04-19', '按期', 0],
  'XF2024-009': ['2024-05-20', '按期', 0],
  'XF2024-010': ['2024-05-30', '逾期', 6],
  'XF2024-011': ['2024-04-15', '按期', 0],
  'XF2024-012': ['2024-04-16', '按期', 0],
  'XF2024-013': ['2024-06-18', '逾期', 2],
  'XF2024-014': ['2024-06-05', '按期', 0],
  'XF2024-015': ['2024-06-06', '按期', 0],
  'XF2024-016': ['2024-08-02', '按期', 0],
  'XF2024-017': ['2024-08-12', '逾期', 3],
  'XF2024-018': ['2024-07-17', '按期', 0],
  'XF2024-019': ['2024-08-14', '按期', 0],
  'XF2024-020': ['2024-10-08', '按期', 0],
  'XF2024-021': ['2024-09-18', '按期', 0],
  'XF2024-022': ['2024-09-14', '逾期', 4],
  'XF2024-023': ['2024-10-08', '逾期', 1],
  'XF2024-024': ['2024-10-14', '按期', 0],
  'XF2024-025': ['2024-09-27', '逾期', 2],
  'XF2024-026': ['2024-12-10', '按期', 0],
  'XF2024-027': ['2024-10-23', '逾期', 58],
  'XF2024-028': ['2024-10-15', '按期', 0],
  'XF2024-029': ['2024-12-09', '逾期', 11],
  'XF2024-030': ['2024-12-09', '逾期', 7],
  'XF2024-031': ['2024-12-20', '未办结', 0],
  'XF2024-032': ['2024-12-04', '按期', 0],
  'XF2024-033': ['2024-12-02', '按期', 0],
  'XF2024-034': ['2024-12-26', '未办结', 0],
  'XF2024-035': ['2024-12-26', '未办结', 0],
  'XF2024-036': ['2025-02-05', '未办结', 0],
  'XF2024-037': ['2024-12-20', '未办结', 0],
  'XF2024-038': ['2025-02-08', '未办结', 0],
  'XF2024-039': ['2025-01-15', '未办结', 0],
  'XF2024-040': ['2025-01-02', '未办结', 0],
};

/** The names and matters typed in the register: none may appear anywhere the tool writes. */
const PRIVATE = SAMPLE_CASES.flatMap((c) => [c[3], c[4]]);

async function sampleGrids() {
  return (await XlsxHost.fromBuffer(await fs.readFile(SAMPLE), SAMPLE)).readGrids();
}

describe('the sample register', () => {
  test('every case gets the due date and state worked out by hand', async () => {
    const result = scoreAssessment(await sampleGrids(), undefined, { today: '2030-01-01' });
    const cases = result.cases!;
    expect(cases.asOf).toBe('2024-12-20');
    expect(cases.asOfFrom).toBe('assessment');
    expect(Object.fromEntries(cases.outcomes.map((o) => [o.case.id, [o.due, o.state, o.daysOver]]))).toEqual(HAND);
  });

  test('the report field: per unit counts and rates, overdue and due soon — 编号 only', async () => {
    const report = toReport(scoreAssessment(await sampleGrids(), undefined, { today: '2030-01-01' }));
    const cases = report.cases!;
    expect(cases.asOf).toBe('2024-12-20');
    expect(cases.overall).toMatchObject({ total: 40, closed: 30, due: 32, onTime: 21, late: 11, open: 8, onTimeRate: 0.6563, closeRate: 0.75 });
    expect(cases.perUnit.find((u) => u.unit === '杨店社区')).toEqual({ unit: '杨店社区', total: 4, closed: 2, due: 3, onTime: 1, late: 2, open: 1, onTimeRate: 0.3333, closeRate: 0.5 });
    expect(cases.perUnit.find((u) => u.unit === '张庄村')).toMatchObject({ due: 3, onTime: 3, late: 0, open: 1, onTimeRate: 1 });
    expect(cases.overdue.map((o) => [o.id, o.unit, o.due, o.daysOver])).toEqual([
      ['XF2024-027', '杨店社区', '2024-10-23', 58],
      ['XF2024-029', '前营村', '2024-12-09', 11],
    ]);
    expect(cases.dueSoon.map((o) => [o.id, o.daysLeft])).toEqual([['XF2024-031', 0], ['XF2024-037', 0], ['XF2024-034', 6], ['XF2024-035', 6]]);
  });

  test('--as-of moves the day the register is judged on', async () => {
    const report = toReport(scoreAssessment(await sampleGrids(), undefined, { asOf: '2024-12-27' }));
    expect(report.cases!.overdue.map((o) => o.id)).toEqual(['XF2024-027', 'XF2024-029', 'XF2024-031', 'XF2024-037', 'XF2024-034', 'XF2024-035']);
  });

  test('no petitioner name or matter reaches the report, the screen or a generated sheet', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-cases-'));
    try {
      const io = { text: '', out: (t: string) => void (io.text += t), err: (t: string) => void (io.text += t) };
      const out = path.join(dir, 'scored.xlsx');
      const report = path.join(dir, 'report.json');
      await run(['score', SAMPLE, '--out', out, '--report', report], io);
      await run(['cases', SAMPLE], io);
      const input = new Set((await sampleGrids()).map((g) => g.name));
      const written = await (await XlsxHost.fromBuffer(await fs.readFile(out), out)).readGrids();
      const generated = written.filter((g) => !input.has(g.name));
      expect(generated.map((g) => g.name)).toEqual(expect.arrayContaining(['汇总排名', '考核结果通报', '考核助手设置']));
      const texts = { screen: io.text, report: await fs.readFile(report, 'utf8'), sheets: JSON.stringify(generated.map((g) => g.rows)) };
      expect(io.text).toContain('XF2024-027');
      const leaks = Object.entries(texts).flatMap(([where, text]) => PRIVATE.filter((name) => text.includes(name)).map((name) => `${where}: ${name}`));
      expect(leaks).toEqual([]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

test('--out adds a 办理情况 sheet: due dates as values, states, days over and counts as formulas', async () => {
  const { outputsPlan } = await import('../../src/app/outputs');
  const { readSettings } = await import('../../src/app/settings');
  const grids = await sampleGrids();
  const result = scoreAssessment(grids, undefined, { today: '2030-01-01' });
  const plan = outputsPlan(result, grids, readSettings(grids).settings, { today: '2024-12-20' }).plan;
  const sheet = plan.sheets!.find((s) => s.name === '办理情况')!;
  const at = (a: string) => sheet.cells.find((c) => c.cell === a)!;
  expect(at('B2')).toMatchObject({ value: 45646 }); // 2024-12-20
  expect(at('A15')).toMatchObject({ value: '合计', style: expect.objectContaining({ bold: true }) });
  expect(at('H15')).toMatchObject({ value: 0.65625, formula: 'IF(G15=0,"—",D15/G15)' });
  expect(at('E5')).toMatchObject({ value: 0, formula: 'COUNTIFS($B$18:$B$57,$A5,$J$18:$J$57,"逾期")' });
  expect(at('A18')).toMatchObject({ value: 'XF2024-001' });
  expect(at('H18')).toMatchObject({ value: 45340, style: expect.objectContaining({ numFmt: 'yyyy-mm-dd' }) }); // 2024-02-18
  expect(at('J44')).toMatchObject({ value: '逾期', formula: 'IF(AND(I44<>"",I44<=$B$2),IF(I44<=H44,"按期","逾期"),IF($B$2>H44,"逾期","未办结"))' });
  expect(at('K44')).toMatchObject({ value: 58 });
  const text = JSON.stringify(sheet.cells);
  expect(PRIVATE.filter((name) => text.includes(name))).toEqual([]);
});
