/**
 * The draft and staleness rules (app/draft.ts): what keeps results from being final, the 草稿 line
 * the pages print, and the fingerprint that tells a stale notice from a current one.
 */
import path from 'path';
import { draftState, finalBlockers, noticeBasis, staleNotice } from '../../src/app/draft';
import { outputsPlan } from '../../src/app/outputs';
import { scoreAssessment } from '../../src/app/scoreAssessment';
import { DEFAULT_WORKBOOK_SETTINGS, readSettings, SETTINGS_SHEET } from '../../src/app/settings';
import { openWorkbookFile } from '../../src/host/xlsxFile';
import { grid, parseA1, type Grid } from '../../src/sheet/grid';
import type { SheetPlan } from '../../src/sheet/sheetPlan';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'sample-2024.xlsx');
let grids: Grid[];
beforeAll(async () => {
  grids = await (await openWorkbookFile(SAMPLE)).readGrids();
});

/** A grid with one cell changed: sheet!A1 = value. */
function edited(all: Grid[], sheet: string, cell: string, value: string | number | null): Grid[] {
  const m = /^([A-Z])(\d+)$/.exec(cell) as RegExpExecArray;
  const col = m[1].charCodeAt(0) - 65;
  const row = Number(m[2]) - 1;
  return all.map((g) => {
    if (g.name !== sheet) return g;
    const rows = g.rows.map((r) => [...r]);
    while (rows[row].length <= col) rows[row].push(null);
    rows[row][col] = value;
    return { ...g, rows };
  });
}

/** A sheet a plan writes, as the grid a later run reads. */
function asGrid(plan: SheetPlan): Grid {
  const rows: (string | number | null)[][] = [];
  for (const c of plan.cells) {
    const { row, col } = parseA1(c.cell);
    while (rows.length <= row) rows.push([]);
    while (rows[row].length <= col) rows[row].push(null);
    rows[row][col] = c.value as string | number;
  }
  return grid(rows, { name: plan.name });
}

describe('draft', () => {
  test('the sample is a draft: 刘湾村 E4 is wrong and 孙庄村 E26 blank, both named with their cells', () => {
    const state = draftState(scoreAssessment(grids));
    expect(state.final).toBe(false);
    expect(state.problems.map((p) => `${p.where}${p.text}`)).toEqual(['刘湾村有 1 项填写错误（E4）', '孙庄村有 1 项未评分（E26）']);
    // What --final (and the pane's 生成正式结果) refuses with: the same lines.
    expect(finalBlockers(scoreAssessment(grids))).toEqual(['刘湾村有 1 项填写错误（E4）', '孙庄村有 1 项未评分（E26）']);
    expect(state.line).toBe('草稿：刘湾村有 1 项填写错误（E4）；孙庄村有 1 项未评分（E26）。结果不能作为正式结果');
  });

  test('final once every entry is filled in and valid', () => {
    const fixed = edited(edited(grids, '刘湾村', 'E4', 5), '孙庄村', 'E26', 5);
    expect(draftState(scoreAssessment(fixed))).toEqual({ final: true, problems: [], line: '' });
    expect(finalBlockers(scoreAssessment(fixed))).toEqual([]);
  });

  test('a ledger row that cannot be counted keeps the results a draft, naming the ledger and the row', () => {
    const fixed = edited(edited(grids, '刘湾村', 'E4', 5), '孙庄村', 'E26', 5);
    const ledger = fixed.find((g) => g.name === '信访台账') as Grid;
    const broken = fixed.map((g) => (g === ledger ? { ...ledger, rows: [...ledger.rows, ['2024-05-06', '不存在村', '到市', '正常访', 1]] } : g));
    const state = draftState(scoreAssessment(broken));
    expect(state.final).toBe(false);
    expect(state.problems).toEqual([expect.objectContaining({ where: '信访台账', text: expect.stringContaining('条记录有错误、未计入') })]);
  });

  /** The generated sheets of a run: the summary's 草稿 line, each signed sheet's, the notice's text. */
  const pages = (all: Grid[]) => {
    const { plan } = outputsPlan(scoreAssessment(all), all, DEFAULT_WORKBOOK_SETTINGS, { today: '2024-12-25' });
    const sheet = (name: string) => plan.sheets?.find((s) => s.name === name) as SheetPlan;
    const at = (name: string, address: string) => sheet(name).cells.find((c) => c.cell === address);
    return {
      summary: at('汇总排名', 'A2'),
      draftRow: sheet('汇总排名').rowHeights?.[2] ?? 0,
      signed: (unit: string) => at(`${unit}签字表`, 'A2'),
      notice: sheet('考核结果通报').cells.map((c) => String(c.value ?? '')).join(''),
    };
  };

  test('a record not counted makes every generated page a draft: the summary, each signed sheet and the notice say so, as text beside their formulas', () => {
    const fixed = edited(edited(grids, '刘湾村', 'E4', 5), '孙庄村', 'E26', 5);
    expect(pages(fixed).summary?.value).toBe('');
    expect(pages(fixed).signed('张庄村')?.value).toBe('');
    const ledger = fixed.find((g) => g.name === '信访台账') as Grid;
    const broken = fixed.map((g) => (g === ledger ? { ...ledger, rows: [...ledger.rows, ['2024-05-06', '不存在村', '到市', '正常访', 1]] } : g));
    const row = ledger.rows.length + 1;
    const out = pages(broken);
    const flat = (v: unknown) => String(v).replace(/\n/g, '');
    expect(flat(out.summary?.value)).toBe(`草稿：信访台账有 1 条记录有错误、未计入（B${row}）。本表结果不能作为正式结果`);
    // The formula still follows the entries (an entry made wrong later is added), and keeps the record's line.
    expect(out.summary?.formula).toMatch(/^IF\(SUMPRODUCT\(--\(LEN\(/);
    expect(out.summary?.formula).toContain('有单位的得分未填写或填写错误');
    expect(out.summary?.formula).toContain(`信访台账有 1 条记录有错误、未计入（B${row}）`);
    // Its row is as tall as the lines it may show (the entries' line and the record's): taller than one line.
    expect(out.draftRow).toBeGreaterThan(pages(fixed).draftRow);
    for (const unit of ['张庄村', '刘湾村', '赵集村']) {
      const line = out.signed(unit);
      expect(flat(line?.value)).toBe(`草稿：信访台账有 1 条记录有错误、未计入（B${row}），本表不能作为正式结果`);
      expect(line?.formula).toContain('本单位');
      expect(line?.style?.wrap).toBe(true);
    }
    // The notice names no unit as commended or criticised without saying its results are open.
    expect(out.notice).toContain('的成绩尚有未核清的项目或记录（见文首草稿说明），成绩待核定后以正式通报为准');
    expect(out.notice).not.toContain('尚有未评分或填写错误的项目');
  });

  test("a 一票否决 that cannot be read keeps its unit a draft: the summary and that unit's signed sheet say so, the others do not", () => {
    const fixed = edited(edited(grids, '刘湾村', 'E4', 5), '孙庄村', 'E26', 5);
    const result = scoreAssessment(fixed);
    const unit = result.units.find((u) => u.table.unit === '王庄村');
    const veto = unit?.table.entries.veto;
    expect(veto).toBeTruthy();
    const out = pages(edited(fixed, '王庄村', veto!.cell, '待定'));
    const flat = (v: unknown) => String(v).replace(/\n/g, '');
    expect(flat(out.summary?.value)).toBe(`草稿：王庄村一票否决栏“待定”无法识别（${veto!.cell}）。本表结果不能作为正式结果`);
    expect(flat(out.signed('王庄村')?.value)).toBe(`草稿：本单位一票否决栏“待定”无法识别（${veto!.cell}），本表不能作为正式结果`);
    expect(out.signed('张庄村')?.value).toBe('');
    expect(out.notice).toContain('草稿：王庄村一票否决栏');
  });
});

describe('a stale notice', () => {
  const generate = (all: Grid[]) => {
    const result = scoreAssessment(all);
    const { plan } = outputsPlan(result, all, DEFAULT_WORKBOOK_SETTINGS, { today: '2024-12-25' });
    const written = (name: string) => asGrid(plan.sheets?.find((s) => s.name === name) as SheetPlan);
    return [...all, written(SETTINGS_SHEET), written('考核结果通报')];
  };

  test('is current right after it was generated: the settings sheet records what it was generated from', () => {
    const withNotice = generate(grids);
    const { settings } = readSettings(withNotice);
    expect(settings.noticeBasis).toMatch(/^[0-9a-f]{8}$/);
    expect(settings.noticeBasis).toBe(noticeBasis(scoreAssessment(grids), DEFAULT_WORKBOOK_SETTINGS));
    expect(staleNotice(scoreAssessment(withNotice), settings, withNotice.map((g) => g.name))).toBeNull();
  });

  test('is stale after a score changes, or a setting it used; 「通报已过期，请重新生成」', () => {
    const withNotice = generate(grids);
    const { settings } = readSettings(withNotice);
    const changed = edited(withNotice, '张庄村', 'E4', 0);
    expect(staleNotice(scoreAssessment(changed), settings, changed.map((g) => g.name))).toMatch(/^通报已过期，请重新生成：工作表“考核结果通报”/);
    const otherIssuer = { ...settings, output: { ...settings.output, authority: '另一个领导小组' } };
    expect(staleNotice(scoreAssessment(withNotice), otherIssuer, withNotice.map((g) => g.name))).toMatch(/^通报已过期/);
  });

  test('says nothing when no notice was generated', () => {
    expect(staleNotice(scoreAssessment(grids), DEFAULT_WORKBOOK_SETTINGS, grids.map((g) => g.name))).toBeNull();
  });
});
