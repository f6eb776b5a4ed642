/**
 * 合并评分 as a pure use case: golden merges of the assessment-day scenario (scenario.ts), each
 * compared with test/fixtures/merge/NAME.expected.json — when that file is missing the test fails
 * and writes NAME.actual.json to review and rename — and the behaviours the golden files hold,
 * stated one by one.
 */
import { existsSync, promises as fs, unlinkSync } from 'fs';
import path from 'path';
import { mergeCopies, mergeHasProblems, signersByUnit, type MergeFile, type MergeOutcome } from '../../src/app/merge';
import { outputsPlan } from '../../src/app/outputs';
import { scoreAssessment } from '../../src/app/scoreAssessment';
import { readSettings, SETTINGS_SHEET } from '../../src/app/settings';
import { XlsxHost } from '../../src/host/xlsxHost';
import { readSigners } from '../../src/sheet/signers';
import { grid, type Grid } from '../../src/sheet/grid';
import { seed003 } from '../support/seed003';
import { groupOne, groupThree, groupTwo, masterFile } from './scenario';
import { xlsxOf } from './support';

const GOLDEN = path.join(__dirname, '..', 'fixtures', 'merge');

/** The outcome as a golden file holds it: everything but the settings sheet's cells (its rows are `sources`). */
function golden(o: MergeOutcome) {
  return { ...o, plan: { cells: o.plan.cells, sheets: (o.plan.sheets ?? []).map((s) => (s.name === SETTINGS_SHEET ? s.name : s)) } };
}

async function expectGolden(name: string, o: MergeOutcome) {
  const expectedFile = path.join(GOLDEN, `${name}.expected.json`);
  const actualFile = path.join(GOLDEN, `${name}.actual.json`);
  const actual = JSON.stringify(golden(o), null, 2) + '\n';
  const expected = existsSync(expectedFile) ? await fs.readFile(expectedFile, 'utf8') : '';
  if (expected !== actual) {
    await fs.mkdir(GOLDEN, { recursive: true });
    await fs.writeFile(actualFile, actual);
  } else if (existsSync(actualFile)) unlinkSync(actualFile);
  expect(JSON.parse(actual)).toEqual(expected === '' ? `(no ${name}.expected.json: review ${name}.actual.json)` : JSON.parse(expected));
}

/** The master after the plan is written, through the ExcelJS host (as the command line writes it). */
async function applied(master: MergeFile, o: MergeOutcome): Promise<{ before: Grid[]; after: Grid[] }> {
  const host = await XlsxHost.fromBuffer(await xlsxOf(master.grids), master.name);
  const before = await host.readGrids();
  await host.apply(o.plan);
  const reread = await XlsxHost.fromBuffer(await host.toBytes(), master.name);
  return { before, after: await reread.readGrids() };
}

describe('golden merges', () => {
  test('two groups: conflicts listed, nothing of a conflict written', async () => {
    await expectGolden('conflicts', mergeCopies(masterFile(), [groupOne(), groupTwo()]));
  });
  test('the same with --prefer 第二组.xlsx', async () => {
    await expectGolden('prefer', mergeCopies(masterFile(), [groupOne(), groupTwo()], { prefer: ['第二组.xlsx'] }));
  });
  test('a copy whose table changed is refused with the differences', async () => {
    await expectGolden('changed-table', mergeCopies(masterFile(), [groupOne(), groupThree()]));
  });
});

describe('what a merge writes', () => {
  const o = mergeCopies(masterFile(), [groupOne(), groupTwo()]);
  const written = (sheet: string, cell: string) => o.plan.cells.find((c) => c.sheet === sheet && c.cell === cell)?.value;

  test('each copy’s entries and reasons go into the master’s cells', () => {
    expect(written('张庄村', 'E22')).toBe(4);
    expect(written('张庄村', 'F22')).toBe('缺吸毒人员管理台账');
    expect(written('张庄村', 'E27')).toBe(2);
    expect(written('李家村', 'E18')).toBe(5);
    expect(written('李家村', 'E32')).toBe(-1);
  });

  test('a unit scored twice the same way is written once, from both copies, without a conflict', () => {
    const w = o.writes.find((x) => x.sheet === '王庄村' && x.cell === 'E4');
    expect(w).toMatchObject({ value: '4', before: '', from: ['第一组.xlsx', '第二组.xlsx'] });
    expect(o.conflicts.filter((c) => c.unit === '王庄村')).toEqual([]);
    expect(o.coverage.find((c) => c.unit === '王庄村')?.scoredBy).toEqual(['第一组.xlsx', '第二组.xlsx']);
  });

  test('two copies with different values for one cell: a conflict with both values and files, neither written', () => {
    const c = o.conflicts.find((x) => x.id === '张庄村!E5');
    expect(c).toMatchObject({ master: '', offers: [{ file: '第一组.xlsx', value: '5' }, { file: '第二组.xlsx', value: '4' }], resolvedBy: null });
    expect(written('张庄村', 'E5')).toBeUndefined();
  });

  test('a copy changing a cell the master holds: a conflict, the master’s value kept', () => {
    const c = o.conflicts.find((x) => x.id === '陈楼村!E5');
    expect(c).toMatchObject({ master: '5', offers: [{ file: '第一组.xlsx', value: '4' }, { file: '第二组.xlsx', value: '5' }], resolvedBy: null });
    expect(written('陈楼村', 'E5')).toBeUndefined();
    expect(mergeHasProblems(o)).toBe(true);
  });

  test('--prefer resolves the conflicts its file is part of; a choice per conflict wins over it', () => {
    const p = mergeCopies(masterFile(), [groupOne(), groupTwo()], { prefer: ['第一组.xlsx'], choices: new Map([['张庄村!E5', '第二组.xlsx']]) });
    expect(p.conflicts.map((c) => [c.id, c.resolvedBy])).toEqual([['张庄村!E5', '第二组.xlsx'], ['陈楼村!E5', '第一组.xlsx']]);
    expect(p.plan.cells).toContainEqual({ sheet: '张庄村', cell: 'E5', value: 4 });
    expect(p.plan.cells).toContainEqual({ sheet: '陈楼村', cell: 'E5', value: 4 });
    const keep = mergeCopies(masterFile(), [groupOne(), groupTwo()], { prefer: ['2024年度考核.xlsx'] });
    expect(keep.conflicts.find((c) => c.id === '陈楼村!E5')?.resolvedBy).toBe('2024年度考核.xlsx');
    expect(keep.plan.cells.find((c) => c.sheet === '陈楼村' && c.cell === 'E5')).toBeUndefined();
  });

  test('a log row in two copies is appended once; rows the master holds are not added again', () => {
    expect(o.log.appended.map((a) => [a.unit, a.values[4], a.at.row])).toEqual([
      ['张庄村', '上报卷宗两份', 3],
      ['王庄村', '6月下旬排查未开展', 4],
      ['李家村', '11月例会缺席', 5],
    ]);
    expect(o.log.duplicates).toBe(3);
    expect(o.plan.cells.filter((c) => c.sheet === '扣分明细' && c.cell.startsWith('F'))).toEqual([
      { sheet: '扣分明细', cell: 'F3', value: '上报卷宗两份' },
      { sheet: '扣分明细', cell: 'F4', value: '6月下旬排查未开展' },
      { sheet: '扣分明细', cell: 'F5', value: '11月例会缺席' },
    ]);
  });

  test('a unit scored by nobody is listed as still blank; a unit the master lacks is reported with the nearest name', () => {
    expect(o.coverage.find((c) => c.unit === '刘湾村')).toEqual({ unit: '刘湾村', sheet: '刘湾村', scoredBy: [], blank: true });
    expect(o.unknownUnits).toEqual([{ file: '第二组.xlsx', sheet: '李家庄', cell: null, unit: '李家庄', nearest: '李家村' }]);
  });

  test('a copy whose table differs is refused with its differences, and its values are not merged', () => {
    const r = mergeCopies(masterFile(), [groupThree()]);
    expect(r.refused).toEqual([{ file: '第三组.xlsx', reason: '评分表与主表不同', differences: ['“查看会议记录,了解信访工作落实情况”分值 4 与 5 不同'], unusable: false }]);
    expect(r.writes).toEqual([]);
    expect(r.plan.cells).toEqual([]);
  });

  test('a copy without a score table is unusable', () => {
    const r = mergeCopies(masterFile(), [{ name: '空白.xlsx', grids: [grid([['随便写的']], { name: 'Sheet1' })] }]);
    expect(r.refused[0]).toMatchObject({ file: '空白.xlsx', unusable: true });
  });
});

describe('provenance: which file and which 考核组 supplied each unit', () => {
  test('the names come from the copy’s signature rows, else its settings, and land in the settings sheet', async () => {
    const master = masterFile();
    const o = mergeCopies(master, [groupOne(), groupTwo()]);
    expect(o.sources).toEqual([
      { unit: '张庄村', file: '第一组.xlsx', leader: '王明', members: ['李强', '赵敏'] },
      { unit: '李家村', file: '第二组.xlsx', leader: '孙伟', members: ['周洁', '吴刚'] },
      { unit: '王庄村', file: '第一组.xlsx', leader: '王明', members: ['李强', '赵敏'] },
      { unit: '王庄村', file: '第二组.xlsx', leader: '孙伟', members: ['周洁', '吴刚'] },
    ]);
    const { after } = await applied(master, o);
    expect(readSettings(after).settings.sources).toEqual(o.sources);
    expect(signersByUnit(o.sources).get('王庄村')).toEqual({ leader: '王明、孙伟', members: ['李强', '赵敏', '周洁', '吴刚'] });
  });

  test('a later merge adds its sources below those recorded, each once, and keeps the other settings rows', async () => {
    const master = masterFile();
    const first = await applied(master, mergeCopies(master, [groupOne()], { prefer: ['第一组.xlsx'] }));
    const second = mergeCopies({ name: master.name, grids: first.after }, [groupTwo()], { prefer: ['2024年度考核.xlsx'] });
    const { after } = await applied({ name: master.name, grids: first.after }, second);
    expect(readSettings(after).settings.sources?.map((s) => `${s.unit}/${s.file}`)).toEqual(['张庄村/第一组.xlsx', '王庄村/第一组.xlsx', '陈楼村/第一组.xlsx', '李家村/第二组.xlsx']);
    const sheet = after.find((g) => g.name === SETTINGS_SHEET)!;
    expect(sheet.rows.filter((r) => r[0] === '评分来源').length).toBe(4);
    expect(sheet.rows.some((r) => r[0] === '排名方式')).toBe(true);
  });

  test('the signed score sheets print the 考核组 on their signature lines', async () => {
    const master = masterFile();
    const { after } = await applied(master, mergeCopies(master, [groupOne(), groupTwo()], { prefer: ['第一组.xlsx'] }));
    const settings = readSettings(after).settings;
    const outputs = outputsPlan(scoreAssessment(after, settings.score), after, settings, { today: '2024-12-25' });
    const texts = (unit: string) => outputs.plan.sheets!.find((s) => s.name === outputs.signed.get(unit))!.cells.map((c) => c.value);
    // A row per signer (issue 10's signature block), the names of every group that scored the unit.
    expect(texts('王庄村')).toEqual(expect.arrayContaining(['考核组长（签字）：王明、孙伟', '考核组成员1（签字）：李强', '考核组成员2（签字）：赵敏', '考核组成员3（签字）：周洁', '考核组成员4（签字）：吴刚']));
    expect(texts('李家村')).toEqual(expect.arrayContaining(['考核组长（签字）：孙伟', '考核组成员1（签字）：周洁', '考核组成员2（签字）：吴刚']));
    expect(texts('刘湾村')).toEqual(expect.arrayContaining(['考核组长（签字）：', '考核组成员1（签字）：']));
  });

  test('signature rows: a name after the colon or in the next cells; a blank line gives no names', () => {
    expect(readSigners(grid([['考核组长(签字):王明', null, '考核组成员（签字）：', '李强 赵敏', '2024年12月18日']]), 0)).toEqual({ leader: '王明', members: ['李强', '赵敏'] });
    expect(readSigners(grid([['考核组长(签字):', null, '考核组成员(签字):', null]]), 0)).toEqual({ leader: '', members: [] });
  });
});

describe('safety', () => {
  test('no cell outside the entries, reasons and the log changes (the settings sheet is the add-in’s own)', async () => {
    const master = masterFile();
    const o = mergeCopies(master, [groupOne(), groupTwo()], { prefer: ['第二组.xlsx'] });
    const { before, after } = await applied(master, o);
    const allowed = /^(张庄村|李家村|王庄村|刘湾村|陈楼村)!(E(4|5|6|7|8|18|19|20|21|22|23|24|25|26|27|28|29|30|31|32|33|34|35|36)|F(4|5|6|7|8|18|19|20|21|22|23|24|25|26|27|28|29|30|31|32|33|34))$|^扣分明细!/;
    const changed: string[] = [];
    for (const g of after) {
      if (g.name === SETTINGS_SHEET) continue;
      const old = before.find((b) => b.name === g.name);
      expect(old).toBeDefined();
      const rows = Math.max(g.rows.length, old!.rows.length);
      for (let r = 0; r < rows; r++) {
        const width = Math.max(g.rows[r]?.length ?? 0, old!.rows[r]?.length ?? 0);
        for (let c = 0; c < width; c++) {
          if ((g.rows[r]?.[c] ?? null) !== (old!.rows[r]?.[c] ?? null)) changed.push(`${g.name}!${String.fromCharCode(65 + c)}${r + 1}`);
        }
      }
    }
    expect(after.map((g) => g.name).filter((n) => n !== SETTINGS_SHEET)).toEqual(before.map((g) => g.name));
    expect(changed.length).toBeGreaterThan(40);
    expect(changed.filter((c) => !allowed.test(c))).toEqual([]);
  });

  test('idempotent: merging the same copies into the merged workbook changes nothing and reports nothing new', async () => {
    const master = masterFile();
    const first = mergeCopies(master, [groupOne(), groupTwo()], { prefer: ['第一组.xlsx'] });
    const { after } = await applied(master, first);
    const again = mergeCopies({ name: master.name, grids: after }, [groupOne(), groupTwo()], { prefer: ['第一组.xlsx'] });
    expect(again.writes).toEqual([]);
    expect(again.plan).toEqual({ cells: [] });
    expect(again.log.appended).toEqual([]);
    expect(again.sources).toEqual(first.sources);
    expect(again.coverage).toEqual(first.coverage);
    expect(again.conflicts.every((c) => c.resolvedBy === '第一组.xlsx' || c.resolvedBy === '2024年度考核.xlsx')).toBe(true);
  });
});

describe('reasons kept as notes (批注), where the table has no 扣分原因 column', () => {
  const sheet = (unit: string, entries: (number | null)[], notes: Record<string, string> | undefined) => {
    const t = seed003({ unit, entries });
    return { ...grid(t.rows, { name: unit, merges: t.merges }), ...(notes ? { notes } : {}) };
  };

  test('a copy’s note goes onto the master’s entry cell, with the value written or the value it holds', async () => {
    const master = { name: 'm.xlsx', grids: [sheet('张庄村', [null, 4], {})] };
    const copy = { name: 'c.xlsx', grids: [sheet('张庄村', [4, 4], { E4: '扣分原因：会议记录不全', E5: '扣分原因：包保表缺失' })] };
    const o = mergeCopies(master, [copy]);
    expect(o.plan.cells).toEqual([
      { sheet: '张庄村', cell: 'E4', value: 4, note: '扣分原因：会议记录不全' },
      { sheet: '张庄村', cell: 'E5', value: 4, note: '扣分原因：包保表缺失' },
    ]);
    expect(o.writes.filter((w) => w.kind === 'reasonNote').map((w) => [w.cell, w.value])).toEqual([['E4', '扣分原因：会议记录不全'], ['E5', '扣分原因：包保表缺失']]);
    const host = await XlsxHost.fromBuffer(await xlsxOf(master.grids), 'm.xlsx');
    await host.apply(o.plan);
    const [after] = await (await XlsxHost.fromBuffer(await host.toBytes(), 'm.xlsx')).readGrids();
    expect(after.notes).toEqual({ E4: '扣分原因：会议记录不全', E5: '扣分原因：包保表缺失' });
    expect(mergeCopies({ name: 'm.xlsx', grids: [after] }, [copy]).plan).toEqual({ cells: [] });
  });

  test('a note differing from the master’s is a conflict; where the host cannot read notes, a copy’s note is reported, not written', () => {
    const copy = { name: 'c.xlsx', grids: [sheet('张庄村', [4], { E4: '扣分原因：会议记录不全' })] };
    const differs = mergeCopies({ name: 'm.xlsx', grids: [sheet('张庄村', [4], { E4: '扣分原因：另有原因' })] }, [copy]);
    expect(differs.conflicts).toMatchObject([{ id: '张庄村!E4', kind: 'reasonNote', master: '扣分原因：另有原因', offers: [{ file: 'c.xlsx', value: '扣分原因：会议记录不全' }] }]);
    expect(differs.plan.cells).toEqual([]);
    const unread = mergeCopies({ name: 'm.xlsx', grids: [sheet('张庄村', [null], undefined)] }, [copy]);
    expect(unread.plan.cells).toEqual([{ sheet: '张庄村', cell: 'E4', value: 4 }]);
    expect(unread.problems).toEqual(['无法读取当前工作簿的批注：c.xlsx“张庄村”E4 的扣分原因批注“扣分原因：会议记录不全”未合并，请手工填写']);
    expect(mergeHasProblems(unread)).toBe(true);
  });
});
