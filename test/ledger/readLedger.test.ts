import { countFor } from '../../src/engine/ledger';
import { nearestName } from '../../src/engine/text';
import { parseDate } from '../../src/sheet/dates';
import { grid } from '../../src/sheet/grid';
import { readLedger } from '../../src/sheet/readLedger';

const UNITS = ['张庄村', '李家村', '王庄村'];
const HEADER = ['日期', '单位', '级别', '类别', '人数', '批次', '不列入考评原因', '事由', '信访人'];

function read(rows: (string | number | null)[][], year: number | null = 2024) {
  return readLedger(grid([HEADER, ...rows], { name: '信访台账' }), { units: UNITS, year });
}

describe('信访台账 reading', () => {
  test('reads events with their level, kind, persons and batches; names never leave the ledger', () => {
    const r = read([
      ['2024-03-05', '张庄村', '赴省', '正常访', 2, 1, null, '土地纠纷', '王某某'],
      ['2024年4月1日', '张庄村', '到省', '非正常上访', 1, null, null, null, '李某'],
      [45400, '李家村', '进京', '重复访', 3, 2, null, null, '赵某'],
    ]);
    expect(r.diagnostics).toEqual([]);
    expect(r.events.map((e) => [e.date, e.unit, e.level, e.kind, e.persons, e.batches])).toEqual([
      ['2024-03-05', '张庄村', '赴省', '正常访', 2, 1],
      ['2024-04-01', '张庄村', '赴省', '非正常访', 1, 1],
      ['2024-04-18', '李家村', '进京', '重复访', 3, 2],
    ]);
    expect(JSON.stringify(r.events)).not.toMatch(/王某某|李某|赵某|土地纠纷/);
  });

  test('columns in another order and traditional headers', () => {
    const g = grid(
      [
        ['人數', '類別', '級別', '單位', '日期'],
        [1, '正常訪', '到市', '王庄村', '2024/6/30'],
      ],
      { name: '台账' },
    );
    const r = readLedger(g, { units: UNITS, year: 2024 });
    expect(r.diagnostics).toEqual([]);
    expect(r.events[0]).toMatchObject({ unit: '王庄村', level: '到市', kind: '正常访', persons: 1, date: '2024-06-30' });
  });

  test('不列入考评: the four cases of seed 002 exclude the event from the counts', () => {
    const r = read([
      ['2024-03-05', '张庄村', '到镇', '正常访', 1, 1, '咨询问题的个人上访', null, null],
      ['2024-03-06', '张庄村', '到市', '正常访', 1, 1, '已签订协议，在查处期限内', null, null],
      ['2024-03-07', '张庄村', '赴省', '正常访', 1, 1, '三级认定无理的老户', null, null],
      ['2024-03-08', '张庄村', '赴省', '重复访', 1, 1, '持处理意见书要求复查', null, null],
      ['2024-03-09', '张庄村', '赴省', '正常访', 4, 1, null, null, null],
    ]);
    expect(r.diagnostics).toEqual([]);
    expect(r.events.filter((e) => e.excluded).length).toBe(4);
    const q = { unstabilisedOnly: false, by: 'persons' } as const;
    expect(countFor(r.events, '张庄村', { ...q, levels: ['赴省'], kinds: ['正常访', '重复访'] })).toBe(4);
    expect(countFor(r.events, '张庄村', { ...q, levels: ['到镇', '到市'], kinds: ['正常访'] })).toBe(0);
  });

  test('an unknown unit is an error with the nearest name suggested, and the event is not counted', () => {
    const r = read([['2024-03-05', '张庄', '赴省', '正常访', 1, 1, null, null, null]]);
    expect(r.events).toEqual([]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'LEDGER_UNKNOWN_UNIT', severity: 'error', sheet: '信访台账', cell: 'B2', message: expect.stringContaining('是否为“张庄村”') }),
    ]);
  });

  test('unknown level or kind, negative or fractional persons, unreadable date, unknown exclusion: each an error at its cell', () => {
    const r = read([
      ['2024-03-05', '张庄村', '到月球', '正常访', 1, 1, null, null, null],
      ['2024-03-05', '张庄村', '赴省', '闹访', 1, 1, null, null, null],
      ['2024-03-05', '张庄村', '赴省', '正常访', -2, 1, null, null, null],
      ['2024-03-05', '张庄村', '赴省', '正常访', 1.5, 1, null, null, null],
      ['三月五日', '张庄村', '赴省', '正常访', 1, 1, null, null, null],
      ['2024-03-05', '张庄村', '赴省', '正常访', 1, 1, '领导说不算', null, null],
    ]);
    expect(r.events).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.cell, d.severity])).toEqual([
      ['LEDGER_UNKNOWN_LEVEL', 'C2', 'error'],
      ['LEDGER_UNKNOWN_KIND', 'D3', 'error'],
      ['LEDGER_BAD_COUNT', 'E4', 'error'],
      ['LEDGER_BAD_COUNT', 'E5', 'error'],
      ['LEDGER_BAD_DATE', 'A6', 'error'],
      ['LEDGER_UNKNOWN_EXCLUSION', 'G7', 'error'],
    ]);
  });

  test('an event dated outside the assessment year is reported and not counted', () => {
    const r = read([['2023-12-31', '张庄村', '赴省', '正常访', 1, 1, null, null, null]]);
    expect(r.events).toEqual([]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'LEDGER_OTHER_YEAR', severity: 'warning', cell: 'A2' })]);
  });

  test('a 集体访 is counted and flagged for the veto of note 2', () => {
    const r = read([['2024-05-01', '李家村', '到市', '集体访', 12, 1, null, null, null]]);
    expect(r.events).toHaveLength(1);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'LEDGER_COLLECTIVE', severity: 'warning', cell: 'D2' })]);
  });

  test('a sheet without the ledger columns is reported, not guessed', () => {
    const r = readLedger(grid([['日期', '单位'], ['2024-01-01', '张庄村']], { name: '信访台账' }), { units: UNITS, year: 2024 });
    expect(r.events).toEqual([]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'LEDGER_HEADER', message: expect.stringContaining('级别') })]);
  });
});

describe('helpers', () => {
  test.each([
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2023-02-29', null],
    ['2024.12.1', { year: 2024, month: 12, day: 1 }],
    [45292, { year: 2024, month: 1, day: 1 }],
    [3.5, null],
  ])('parseDate(%p)', (text, expected) => {
    expect(parseDate(text)).toEqual(expected);
  });

  test('nearestName suggests only a clear, close match', () => {
    expect(nearestName('张庄', UNITS)).toBe('张庄村');
    expect(nearestName('王家庄村', UNITS)).toBe('王庄村');
    expect(nearestName('前营村', UNITS)).toBeNull();
  });
});

describe('a ledger date with a time: the hosts agree', () => {
  test('Excel’s serial 45356.604 (2024-03-05 14:29) is 2024-03-05 in the pane, as ExcelJS’s Date is for the command line', async () => {
    expect(parseDate(45356.604)).toEqual({ year: 2024, month: 3, day: 5 });
    expect(parseDate(45356)).toEqual({ year: 2024, month: 3, day: 5 });
    expect(parseDate(45356.99999)).toEqual({ year: 2024, month: 3, day: 5 });
    // What the Office host reads (the serial) and what the command line reads (the same cell through ExcelJS).
    const { default: ExcelJS } = await import('exceljs');
    const { XlsxHost } = await import('../../src/host/xlsxHost');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('信访台账');
    ws.addRow(HEADER);
    ws.addRow([new Date(Date.UTC(1899, 11, 30) + 45356.604 * 86400000), '张庄村', '赴省', '正常访', 2, 1]);
    ws.getCell('A2').numFmt = 'yyyy-mm-dd hh:mm';
    const host = await XlsxHost.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
    const [fromFile] = await host.readGrids();
    const inFile = readLedger(fromFile, { units: UNITS, year: 2024 });
    const inExcel = read([[45356.604, '张庄村', '赴省', '正常访', 2, 1, null, null, null]]);
    expect(inFile.diagnostics).toEqual([]);
    expect(inExcel.diagnostics).toEqual([]);
    expect(inExcel.events.map((e) => e.date)).toEqual(['2024-03-05']);
    expect(inFile.events.map((e) => e.date)).toEqual(inExcel.events.map((e) => e.date));
  });

  test('a number outside 1950–2100 is still not a date', () => {
    expect(parseDate(5.5)).toBeNull();
    expect(parseDate(73416.2)).toBeNull();
  });
});
