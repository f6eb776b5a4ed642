/**
 * Robustness of the reader: whatever a workbook holds, reading it never throws and never
 * hangs, and what cannot be read is said in Chinese. Hangs are caught by Jest's own timeout;
 * no test here measures wall-clock time.
 *
 * Not tested here, because no library we have can make them: real chart sheets (ExcelJS
 * cannot write one; an empty grid named 图表1 and a grid of kind 'chart' stand in) and real
 * password-protected files (an OLE compound-file header stands in: Excel saves encrypted
 * .xlsx files in that container, which is what the host checks for).
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { scoreAssessment, toReport } from '../src/app/scoreAssessment';
import { catalogCodes, type Diagnostic } from '../src/engine/diagnostics';
import { show } from '../src/engine/decimal';
import { UnusableInput, XlsxHost } from '../src/host/xlsxHost';
import { readAssessment } from '../src/sheet/readAssessment';
import { readScoreTables, type SheetReading } from '../src/sheet/readScoreTable';
import { grid, parseA1, type CellRange, type CellValue, type Grid } from '../src/sheet/grid';
import { ADJUSTMENT_COUNT, ITEM_COUNT, ITEM_POINTS, seed003 } from './support/seed003';
import { addSeedSheet } from './support/seedWorkbook';

const CHINESE = /[\u4e00-\u9fff]/;
const HEADER: CellValue[] = ['考核内容', '考核重点', '分值', '扣分因素', '得分'];
const CODES = new Set<string>(catalogCodes().map((c) => c.code));

/** What every reading must satisfy, however odd the sheet. */
function expectSane(g: Grid, reading: SheetReading) {
  expect(reading.skippedBecause === null).toBe(reading.tables.length > 0);
  if (reading.skippedBecause !== null) expect(reading.skippedBecause).toMatch(CHINESE);
  for (const d of reading.diagnostics) expectDiagnostic(d);
  // Collected, not asserted one by one: a table may hold 10,000 entries.
  const problems: string[] = [];
  for (const t of reading.tables) {
    if (t.sheet !== g.name) problems.push(`sheet ${t.sheet}`);
    const shape = JSON.stringify(t.scheme.categories.map((c) => c.items.length));
    if (JSON.stringify(t.entries.items.map((c) => c.length)) !== shape) problems.push(`entries do not match items ${shape}`);
    if (t.entries.adjustments.length !== t.scheme.adjustments.length) problems.push('adjustment entries');
    if ((t.entries.veto !== null) !== t.scheme.hasVeto) problems.push('veto entry');
    t.scheme.categories.forEach((c, ci) =>
      c.items.forEach((item, ii) => {
        const e = t.entries.items[ci]?.[ii];
        if (!e) return;
        if (parseA1(e.cell).row >= g.rows.length) problems.push(`${e.cell} is below the sheet`);
        // An entry judged usable is a score in [0, 分值]; anything else was reported.
        const usable = e.value !== null && e.value.gte(0) && e.value.lte(item.points);
        if (e.status === 'ok' ? !usable : e.value !== null) problems.push(`${e.cell} ${e.status} ${e.raw} of ${item.points}`);
      }),
    );
  }
  expect(problems).toEqual([]);
}

function expectDiagnostic(d: Diagnostic) {
  expect(CODES.has(d.code)).toBe(true);
  expect(['error', 'warning', 'info']).toContain(d.severity);
  expect(d.message).toMatch(CHINESE);
  if (d.cell !== undefined) expect(() => parseA1(d.cell as string)).not.toThrow();
}

describe('sheets with nothing to read', () => {
  it('skips an empty sheet and says so', () => {
    const reading = readScoreTables(grid([], { name: 'Sheet3' }));
    expect(reading).toEqual({ tables: [], diagnostics: [], skippedBecause: '空工作表' });
  });

  it('skips a sheet of blank and whitespace cells as empty', () => {
    const reading = readScoreTables(grid([[null, '', '  '], [], ['\n', null]], { merges: ['A1:C2'] }));
    expect(reading.skippedBecause).toBe('空工作表');
  });

  it('skips a header with nothing under it instead of scoring it as a unit with 0', () => {
    const g = grid([['xx镇综治及信访工作考核评分表'], ['单位：'], HEADER], { name: '空表' });
    const reading = readScoreTables(g);
    expectSane(g, reading);
    expect(reading.tables).toEqual([]);
    expect(reading.skippedBecause).toBe('表头下没有考核项目');
    const result = scoreAssessment([g]);
    expect(result.units).toEqual([]);
    expect(result.unusable).toBe(true);
    expect(result.diagnostics.map((d) => [d.code, d.sheet])).toEqual([
      ['TABLE_EMPTY', '空表'],
      ['NOT_A_SCORE_TABLE', '空表'],
      ['NO_SCORE_TABLE', undefined],
    ]);
    expect(result.diagnostics[0].message).toContain('A3:E3');
  });

  it('ranks the units of a workbook that also holds a blank template sheet', () => {
    const filled = seed003({ unit: '张庄村', entries: ITEM_POINTS });
    const result = scoreAssessment([
      grid([HEADER], { name: '空白模板' }),
      grid(filled.rows, { name: '张庄村', merges: filled.merges }),
    ]);
    expect(result.units.map((u) => [u.table.unit, show(u.score.total)])).toEqual([['张庄村', '100']]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reports a header that names 得分 but no 分值, and skips that table', () => {
    const g = grid([['考核内容', '考核重点', '扣分因素', '得分'], ['一、组织领导', '会议记录', '每次扣1分', 5]]);
    const reading = readScoreTables(g);
    expectSane(g, reading);
    expect(reading.diagnostics.map((d) => [d.code, d.cell, d.message])).toEqual([
      ['HEADER_INCOMPLETE', 'A1', '表头（A1:D1）缺少“分值”列，此表已跳过'],
    ]);
  });
});

describe('chart sheets', () => {
  it('skips a chart sheet (an empty grid named 图表1) with a message naming it', () => {
    const table = seed003({ unit: '张庄村', entries: ITEM_POINTS });
    const result = readAssessment([grid(table.rows, { name: '张庄村', merges: table.merges }), grid([], { name: '图表1' })]);
    expect(result.tables.map((t) => t.unit)).toEqual(['张庄村']);
    const skipped = result.diagnostics.find((d) => d.sheet === '图表1');
    expect(skipped).toMatchObject({ code: 'NOT_A_SCORE_TABLE', severity: 'info' });
    expect(skipped?.message).toBe('工作表“图表1”不是评分表（空工作表），已跳过');
  });

  it('skips a grid a host marked as a chart sheet, even if it carries stray cells', () => {
    const chart: Grid = { ...grid([HEADER, ['一、组织领导(20分)', '会议记录', 20, null, 20]], { name: '图表1' }), kind: 'chart' };
    const reading = readScoreTables(chart);
    expect(reading.tables).toEqual([]);
    expect(reading.skippedBecause).toBe('图表工作表');
  });
});

describe('merged header cells', () => {
  it('reads 考核内容 merged over the category and item columns as both', () => {
    const g = grid(
      [
        ['考核内容', null, '分值', '扣分因素', '得分'],
        ['一、组织领导(20分)', '会议记录', 10, '没开会的扣1分', 9],
        [null, '领导包案', 10, '每件扣1分', 10],
      ],
      { merges: ['A1:B1', 'A2:A3'] },
    );
    const reading = readScoreTables(g);
    expectSane(g, reading);
    const [t] = reading.tables;
    expect(t.scheme.categories.map((c) => [c.title, c.items.map((i) => i.label)])).toEqual([['一、组织领导', ['会议记录', '领导包案']]]);
    expect(t.entries.items[0].map((e) => [e.cell, e.raw])).toEqual([['E2', '9'], ['E3', '10']]);
  });

  it('starts the items below a header merged down over two rows, without a stray item', () => {
    const g = grid(
      [
        ['单位：张庄村', null, null, null, null],
        HEADER,
        [null, null, null, null, null],
        ['一、组织领导(20分)', '会议记录', 10, '没开会的扣1分', 10],
        [null, '领导包案', 10, '每件扣1分', 9],
      ],
      { merges: ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'A4:A5'] },
    );
    const reading = readScoreTables(g);
    expectSane(g, reading);
    expect(reading.tables[0].scheme.categories[0].items.map((i) => i.label)).toEqual(['会议记录', '领导包案']);
    expect(reading.diagnostics.map((d) => d.code)).toEqual(['SCHEME_TOTAL_NOT_100']);
  });

  it('reads a title merged across the whole header width above the table', () => {
    const g = grid([['xx镇综治及信访工作考核评分表', null, null, null, null], HEADER, ['一、组织领导(100分)', '会议记录', 100, null, 90]], {
      name: '李家村',
      merges: ['A1:E1'],
    });
    const [t] = readScoreTables(g).tables;
    expect([t.title, t.unit, t.unitSource]).toEqual(['xx镇综治及信访工作考核评分表', '李家村', 'sheet']);
  });
});

describe('merged cells from a real .xlsx', () => {
  // ExcelJS repeats a merge's value in every cell it covers; an inline grid holds it only at
  // the top-left. The reader must see the same table either way.
  it('reads the seed 003 sheet from an .xlsx exactly as from the inline grid', async () => {
    const options = { unit: '张庄村', date: '2024年12月20日', entries: ITEM_POINTS, adjustments: [1, null, null, null, null, -1, null, null], veto: '否', total: null };
    const wb = new ExcelJS.Workbook();
    addSeedSheet(wb, '张庄村', options);
    const host = await XlsxHost.fromBuffer(await wb.xlsx.writeBuffer());
    const [fromFile] = await host.readGrids();
    const table = seed003(options);
    const inline = readScoreTables(grid(table.rows, { name: '张庄村', merges: table.merges }));
    const read = readScoreTables(fromFile);
    expect(read.diagnostics).toEqual(inline.diagnostics);
    const pick = (r: SheetReading) =>
      r.tables.map((t) => ({ unit: t.unit, title: t.title, date: t.date, scheme: t.scheme, entries: t.entries, totalCell: t.totalCell }));
    expect(JSON.stringify(pick(read))).toBe(JSON.stringify(pick(inline)));
    expect(read.tables[0].title).toBe('xx镇综治及信访工作考核评分表');
  });
});

describe('large sheets', () => {
  const junk = (i: number): CellValue[] => {
    switch (i % 5) {
      case 0: return [`备忘${i}`, null, i, null, '——'];
      case 1: return [null, null, null, null, null];
      case 2: return [i * 0.5, `第${i}行`, null, { error: '#N/A' }, true];
      case 3: return ['情况说明', '已整改', null, null, null];
      default: return [null, `${i}`, `${i}分`, null, null];
    }
  };

  it('finds the score table in a sheet of 10,000 rows, junk above and below it', () => {
    const table = seed003({ unit: '张庄村', entries: ITEM_POINTS, adjustments: [2, null, null, null, null, null, null, null] });
    const before = 5000;
    const rows: CellValue[][] = [];
    for (let i = 0; i < before; i++) rows.push(junk(i));
    rows.push(...table.rows);
    while (rows.length < 10000) rows.push(junk(rows.length));
    // The table's merges, moved down below the junk.
    const merges = table.merges.map((m) => m.replace(/\d+/g, (n) => String(Number(n) + before)));
    const g = grid(rows, { name: '张庄村', merges });
    const reading = readScoreTables(g);
    expectSane(g, reading);
    expect(reading.tables).toHaveLength(1);
    const [t] = reading.tables;
    expect(t.unit).toBe('张庄村');
    expect(t.entries.items.flat()).toHaveLength(ITEM_COUNT);
    expect(t.entries.adjustments).toHaveLength(ADJUSTMENT_COUNT);
    expect(t.entries.items[0][0].cell).toBe(`E${before + 4}`);
    expect(reading.diagnostics).toEqual([]);
    const [unit] = scoreAssessment([g]).units;
    expect(show(unit.score.total)).toBe('102');
  });

  it('reads a table of 10,000 item rows', () => {
    const rows: CellValue[][] = [['单位：张庄村'], HEADER];
    for (let i = 0; i < 10000; i++) rows.push([i === 0 ? '一、基础工作' : null, `第${i + 1}项`, '0.01', null, i % 2 === 0 ? 0.01 : 0]);
    const g = grid(rows, { name: '张庄村', merges: ['A3:A10002'] });
    const reading = readScoreTables(g);
    expectSane(g, reading);
    expect(reading.tables[0].scheme.categories[0].items).toHaveLength(10000);
    const [unit] = scoreAssessment([g]).units;
    // 5,000 entries of 0.01, exactly.
    expect(show(unit.score.total)).toBe('50');
  });
});

describe('random grids (fast-check)', () => {
  const WORDS = [
    '考核内容', '考核項目', '项目', '考核重点', '评分标准', '分值', '標準分', '满分', '扣分因素', '评分细则',
    '得分', '實得分', '考核得分', '扣分', '扣分原因', '备注', '一、组织领导(20分)', '二、信访（二十分）', '三、(30)',
    '五、加减分', '加减分', '一票否决', '一票否決', '总分', '合计', '单位：张庄村', '被考核单位：', '单位:年  月  日',
    '考核组长(签字):', '注:1、考核总分值设为100分。', '1、会议记录', '（一）包案', '是', '否', '√', '×', '５', '5分',
    '+1', '－1', '−0.5', '4.5', '#REF!', '', '  ', '\n', '2024年12月20日', '最多加10分', '每件扣1分', '加1分', '(', '）',
  ];
  const error = fc.constantFrom<CellValue>({ error: '#REF!' }, { error: '#VALUE!' }, { error: '#DIV/0!' });
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    { arbitrary: fc.constant(null), weight: 4 },
    { arbitrary: fc.constantFrom(...WORDS), weight: 5 },
    { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
    { arbitrary: fc.integer({ min: -50, max: 120 }), weight: 3 },
    { arbitrary: fc.double(), weight: 1 },
    { arbitrary: fc.boolean(), weight: 1 },
    { arbitrary: error, weight: 1 },
  );
  const merge: fc.Arbitrary<CellRange> = fc
    .record({ top: fc.nat(24), left: fc.nat(7), height: fc.nat(5), width: fc.nat(3) })
    .map(({ top, left, height, width }) => ({ top, left, bottom: top + height, right: left + width }));
  const sheet = (rows: fc.Arbitrary<CellValue[][]>): fc.Arbitrary<Grid> =>
    fc.record({
      name: fc.oneof(fc.constantFrom('张庄村', 'Sheet1', '图表1', '汇总', ' '), fc.string({ maxLength: 5 })),
      rows,
      merges: fc.array(merge, { maxLength: 6 }),
      hiddenRows: fc.array(fc.nat(24), { maxLength: 3 }),
    });
  const anyRows = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 24 });
  // Garbage under a real header, so that table reading itself gets exercised, not only the search.
  const underHeader = fc
    .tuple(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 3 }), fc.array(fc.array(cell, { minLength: 5, maxLength: 6 }), { maxLength: 20 }))
    .map(([above, body]) => [...above, HEADER, ...body]);

  const check = (g: Grid) => {
    const reading = readScoreTables(g);
    expectSane(g, reading);
    const result = scoreAssessment([g, g].map((x, i) => ({ ...x, name: `${x.name}${i}` })));
    for (const d of result.diagnostics) expectDiagnostic(d);
    const report = toReport(result);
    for (const u of report.units) expect(Number.isFinite(u.total) && u.total >= 0).toBe(true);
    expect(() => JSON.stringify(report)).not.toThrow();
  };

  it('never throws on any grid, and keeps its invariants', () => {
    fc.assert(fc.property(sheet(anyRows), check), { seed: 20241220, numRuns: 300 });
  });

  it('never throws on garbage under a real header', () => {
    fc.assert(fc.property(sheet(underHeader), check), { seed: 1259, numRuns: 300 });
  });
});

describe('files that are not usable workbooks', () => {
  async function refusal(bytes: Buffer, name: string): Promise<UnusableInput> {
    try {
      await XlsxHost.fromBuffer(bytes, name);
    } catch (e) {
      if (e instanceof UnusableInput) return e;
      throw e;
    }
    throw new Error(`${name} was opened`);
  }

  it('refuses a password-protected (OLE) file with a Chinese message', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const e = await refusal(ole, '加密.xlsx');
    expect(e.diagnostic).toMatchObject({ code: 'ENCRYPTED', severity: 'error' });
    expect(e.message).toBe('文件设有打开密码或为旧版 .xls 格式，无法读取：加密.xlsx。请在 Excel 中取消密码并另存为 .xlsx');
  });

  it('refuses a corrupt zip (a truncated workbook) with a Chinese message', async () => {
    const wb = new ExcelJS.Workbook();
    addSeedSheet(wb, '张庄村', { unit: '张庄村' });
    const whole = Buffer.from(await wb.xlsx.writeBuffer());
    const e = await refusal(whole.subarray(0, Math.floor(whole.length / 2)), '损坏.xlsx');
    expect(e.diagnostic.code).toBe('NOT_A_WORKBOOK');
    expect(e.message).toMatch(/^无法作为 \.xlsx 工作簿打开：损坏\.xlsx（文件已损坏/);
  });

  it('refuses an empty file and a text file', async () => {
    expect((await refusal(Buffer.alloc(0), '空.xlsx')).message).toBe('无法作为 .xlsx 工作簿打开：空.xlsx（文件是空的）');
    expect((await refusal(Buffer.from('单位,得分\n张庄村,95\n'), '成绩.csv')).message).toBe(
      '无法作为 .xlsx 工作簿打开：成绩.csv（不是 .xlsx 文件）',
    );
  });

  it('either opens or refuses with UnusableInput, for any bytes after a zip signature', async () => {
    const zipLike = fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(b)]));
    await fc.assert(
      fc.asyncProperty(zipLike, async (bytes) => {
        try {
          const host = await XlsxHost.fromBuffer(bytes, '随机.xlsx');
          scoreAssessment(await host.readGrids());
        } catch (e) {
          expect(e).toBeInstanceOf(UnusableInput);
          expect((e as Error).message).toMatch(CHINESE);
        }
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});
