import { grid, type CellValue } from '../../src/sheet/grid';
import { hasRegisterHeader, readRegister } from '../../src/sheet/readRegister';

const UNITS = ['张庄村', '李家村', '王庄村'];
const context = { units: UNITS, year: 2024 };

function read(rows: CellValue[][], header: CellValue[] = ['编号', '受理日期', '信访人', '事由', '责任单位', '来源', '类别', '办理期限', '延期', '延期批准', '办结日期', '状态']) {
  return readRegister(grid([header, ...rows], { name: '信访事项办理台账' }), context);
}

const codes = (r: ReturnType<typeof read>) => r.diagnostics.map((d) => `${d.code} ${d.cell}`);

describe('信访事项办理台账 reading', () => {
  test('reads each case; the petitioner and the matter never leave the sheet', () => {
    const r = read([
      ['XF-1', '2024-03-05', '王某某', '宅基地纠纷', '张庄村', '上级交办', '初次', null, null, null, '2024-04-01', '已办结'],
      ['XF-2', 45370, '李某某', '低保', '李家村', '镇领导批办', '初次', '20个工作日', 30, '是', null, '办理中'],
      ['XF-3', 45446.6875, '赵某某', '噪音', '王庄村', '领导阅批', '复查', null, '2024-08-01', null, null, null],
    ]);
    expect(r.diagnostics).toEqual([]);
    expect(r.cases.map((c) => [c.id, c.accepted, c.unit, c.source, c.kind, c.limitDays, c.limitCounting, c.extension, c.closed])).toEqual([
      ['XF-1', '2024-03-05', '张庄村', '上级交办', '初次', null, null, null, '2024-04-01'],
      ['XF-2', '2024-03-19', '李家村', '镇领导批办', '初次', 20, 'working', { days: 30 }, null],
      ['XF-3', '2024-06-03', '王庄村', '领导阅批', '复查', null, null, { until: '2024-08-01' }, null],
    ]);
    expect(JSON.stringify(r)).not.toMatch(/王某某|李某某|赵某某|宅基地|低保|噪音/);
  });

  test('finds the columns by name in any order, and takes 登记日期 when there is no 受理日期', () => {
    const g = grid(
      [
        ['状态', '办结日期', '责任单位', '登记日期', '编号'],
        ['已办结', '2024-05-01', '李家村', '2024-04-01', 'A-7'],
      ],
      { name: '2024年案件' },
    );
    expect(hasRegisterHeader(g)).toBe(true);
    const r = readRegister(g, context);
    expect(r.cases[0]).toMatchObject({ id: 'A-7', accepted: '2024-04-01', closed: '2024-05-01', unit: '李家村', cells: { accepted: 'D2', id: 'E2' } });
  });

  test('a ledger of petition events is not a register', () => {
    expect(hasRegisterHeader(grid([['日期', '单位', '级别', '类别', '人数']]))).toBe(false);
  });

  test('impossible rows are reported with their cells and not counted', () => {
    const r = read([
      ['XF-1', '2024-03-05', null, null, '张庄村', '上级交办', null, null, null, null, '2024-03-01', null],
      ['XF-2', '2024-03-05', null, null, '张庄', '上级交办', null, null, null, null, null, null],
      ['XF-3', '2024-03-05', null, null, '王庄村', '上级交办', null, null, null, null, '2042-03-20', null],
      ['XF-4', '2023-12-28', null, null, '王庄村', '上级交办', null, null, null, null, null, null],
      ['XF-5', '2024-03-05', null, null, '王庄村', '上级交办', null, null, null, null, null, null],
      ['XF-5', '2024-03-06', null, null, '李家村', '上级交办', null, null, null, null, null, null],
      ['XF-7', '三月五日', null, null, '李家村', '上级交办', null, null, null, null, null, null],
      [null, '2024-03-05', null, null, '李家村', '上级交办', null, null, null, null, null, null],
      ['XF-9', '2024-03-05', null, null, '李家村', '上级交办', null, '两个月', null, null, null, null],
      ['XF-10', '2024-03-05', null, null, '李家村', '上级交办', null, null, '很久', null, null, null],
    ]);
    expect(codes(r)).toEqual([
      'CASE_CLOSED_BEFORE_ACCEPTED K2',
      'CASE_UNKNOWN_UNIT E3',
      'CASE_CLOSED_OUTSIDE_YEAR K4',
      'CASE_OTHER_YEAR B5',
      'CASE_DUPLICATE_ID A7',
      'CASE_BAD_DATE B8',
      'CASE_NO_ID A9',
      'CASE_BAD_LIMIT H10',
      'CASE_BAD_EXTENSION I11',
    ]);
    expect(r.diagnostics[1].message).toContain('是否为“张庄村”');
    expect(r.diagnostics[2].message).toBe('办结日期 2042-03-20 晚于 2025 年底，不像 2024 年度案件的办结日期（年份是否写错？），此件未计入');
    expect(r.diagnostics[4].message).toContain('A6');
    expect(r.cases.map((c) => c.id)).toEqual(['XF-5']);
  });

  test('a case of the year closed in the next year is read as it is', () => {
    const r = read([['XF-1', '2024-12-02', null, null, '张庄村', '上级交办', null, null, null, null, '2025-12-31', null]]);
    expect(r.diagnostics).toEqual([]);
    expect(r.cases.map((c) => c.closed)).toEqual(['2025-12-31']);
  });

  test('an extension not approved is not applied, and a status that contradicts the dates is reported', () => {
    const r = read([
      ['XF-1', '2024-03-05', null, null, '张庄村', '上级交办', null, null, 30, '否', '2024-05-01', '办理中'],
      ['XF-2', '2024-03-05', null, null, '张庄村', '上级交办', null, null, null, null, null, '已办结'],
    ]);
    expect(codes(r)).toEqual(['CASE_EXTENSION_NOT_APPROVED J2', 'CASE_STATUS_CONFLICT L2', 'CASE_STATUS_CONFLICT L3']);
    expect(r.cases.map((c) => [c.id, c.extension, c.closed])).toEqual([['XF-1', null, '2024-05-01'], ['XF-2', null, null]]);
  });

  test('a header without the required columns is one error, and nothing is read', () => {
    const r = read([['1', '2024-03-05']], ['编号', '受理日期']);
    expect(codes(r)).toEqual(['CASE_HEADER A1']);
    expect(r.diagnostics[0].message).toContain('责任单位');
  });
});

test('a petitioner’s name typed into the 责任单位 column is not quoted in the message', () => {
  const r = read([['XF-1', '2024-03-05', '王某某', '宅基地纠纷', '王某某', '上级交办', null, null, null, null, null, null]]);
  expect(r.diagnostics.map((d) => d.code)).toEqual(['CASE_UNKNOWN_UNIT']);
  expect(JSON.stringify(r)).not.toMatch(/王某某|宅基地/);
});
