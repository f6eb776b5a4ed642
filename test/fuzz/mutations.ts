/**
 * The fuzz suite's inputs: random mutations of the bundled sample (examples/sample-2024.xlsx) as
 * plain data, so that fast-check can print and shrink them, and `applyMutations` that performs
 * them on an ExcelJS workbook. What they touch: cells of every sheet (numbers, text, formulas with
 * and without a cached value, dates, errors, rich text), merges, sheet names, unit names,
 * rows of the 信访台账 ledger and the 扣分明细 log, the settings sheet 考核助手设置, templates, and
 * whole rows and sheets. The text is mostly Chinese from the workbook's own vocabulary plus the
 * pieces issue 9 found hostile (quotes, {{…}} with Object's own keys, control characters in
 * OOXML's _xHHHH_ form, zero-width spaces, 31-character names).
 */
import fc from 'fast-check';
import ExcelJS from 'exceljs';

/** The sample's sheets, in order: ten units, then the ledger, the log, a template, last year's summary and the register of petition matters. */
export const SAMPLE_SHEETS = ['张庄村', '李家村', '王庄村', '赵集村', '刘湾村', '陈楼村', '杨店社区', '周口居委会', '前营村', '孙庄村', '信访台账', '扣分明细', '目标责任书模板', '往年汇总', '信访事项办理台账'];
const UNITS = SAMPLE_SHEETS.slice(0, 10);

/** Ledger-only words: petitioners and matters that no other sheet of the sample holds. */
const SURNAMES = ['钱', '冯', '褚', '卫', '蒋', '沈', '韩', '朱', '秦', '尤'];
const MATTERS = ['宅基地纠纷', '土地承包经营权', '拖欠农民工工资', '邻里排水纠纷', '林地界址争议', '低保资格复核', '拆迁安置补偿'];

/** Pieces of cell text: the workbook's own words and what issue 9 found hostile. */
const PIECES = [
  ...UNITS, '信访台账', '扣分明细', '汇总排名', '考核结果通报', '签字表', '考核助手设置', '模板',
  '分值', '得分', '总分', '扣分因素', '考核内容', '考核重点', '单位', '一票否决', '是', '否', '加减分',
  '赴省', '到市', '到区', '到镇', '进京', '正常访', '集体访', '非正常访', '重复访',
  '扣1分', '加2分', '每人次扣3分', '85分以上', '80-85分', '80分以下', '（20分）', '一、', '五、加减分',
  '{{单位}}', '{{总分}}', '{{排名}}', '{{constructor}}', '{{toString}}', '{{__proto__}}', '{{hasOwnProperty}}', '{{', '}}',
  "'", '"', '=1+1', '=SUM(A1:A3)', '@', '+', '-', '\u200b', '\ufeff', '_x001B_[2J', '_x0007_', '_x0000_', '\n', '\t', '　', ' ',
  '５', '五', '4.5', '-1', '1e3', '0.1', '2024-05-05', '2024年5月5日', '#REF!', 'O\'Brien', 'NaN', '¥', '％', '…',
  'xx镇农业农村综合服务中心(乡村振兴工作站)暨退役军人服务站点',
];

const text = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PIECES), fc.integer({ min: 20, max: 400 })).map(([p, n]) => p.repeat(n)) },
);

/** A value as ExcelJS takes it, kept JSON-friendly so a counterexample prints exactly. */
export type Value =
  | { t: 'null' }
  | { t: 'number'; v: number }
  | { t: 'text'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'date'; v: string }
  | { t: 'formula'; formula: string; result?: number | string }
  | { t: 'error'; v: string }
  | { t: 'rich'; parts: string[] };

const value: fc.Arbitrary<Value> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Value>({ t: 'null' }) },
  {
    weight: 4,
    arbitrary: fc
      .oneof(fc.integer({ min: -10, max: 120 }), fc.integer({ min: -20, max: 240 }).map((n) => n / 2), fc.constantFrom(0.1 + 0.2, -0, 1e15, 1e308, 5e-324, 45417, 99.99999999999999))
      .map((v): Value => ({ t: 'number', v })),
  },
  { weight: 4, arbitrary: text.map((v): Value => ({ t: 'text', v })) },
  { weight: 1, arbitrary: fc.boolean().map((v): Value => ({ t: 'bool', v })) },
  { weight: 1, arbitrary: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2035, 0, 1) }).map((ms): Value => ({ t: 'date', v: new Date(ms).toISOString() })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ formula: fc.constantFrom('SUM(E4:E7)', 'E4+1', '1/0', 'A1', 'D36-E4', 'IF(E5>3,"是","否")', "'张庄村'!E4", 'RANK.EQ(E36,E:E)'), result: fc.option(fc.oneof(fc.integer({ min: -5, max: 100 }), fc.constantFrom('是', '否', '')), { nil: undefined }) })
      .map((r): Value => ({ t: 'formula', ...r })),
  },
  { weight: 1, arbitrary: fc.constantFrom('#REF!', '#DIV/0!', '#N/A', '#VALUE!', '#NAME?').map((v): Value => ({ t: 'error', v })) },
  { weight: 1, arbitrary: fc.array(text, { minLength: 1, maxLength: 3 }).map((parts): Value => ({ t: 'rich', parts })) },
);

/** Names a user might give a unit or a sheet: long, alike, quoted, taken by the add-in, or not allowed. */
const name = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...UNITS, '汇总排名', '考核结果通报', '张庄村签字表', '张庄村目标责任书', '考核助手设置', '往年汇总', '信访台账', '扣分明细', "'张庄村'", "张庄村'", "O'Brien村", '张\u200b庄村', '张庄村 ', 'History', '新村:一组', '[甲]村', 'xx镇农业农村综合服务中心(乡村振兴工作站)暨退役军人服务站点', 'xx镇农业农村综合服务中心(乡村振兴工作站)暨退役军人服务站二') },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('xx镇农业农村综合服务中心', '乡村振兴工作站甲乙丙丁戊己庚辛', '张庄村'), fc.array(fc.constantFrom(...'甲乙丙丁一二三村社区居委会'), { maxLength: 20 })).map(([a, b]) => a + b.join('')) },
  { weight: 1, arbitrary: text.map((t) => t.slice(0, 40)) },
);

const sheet = fc.integer({ min: 0, max: SAMPLE_SHEETS.length - 1 });
const row = fc.integer({ min: 1, max: 45 });
const col = fc.integer({ min: 1, max: 11 });

const ledgerRow = fc.record({
  date: fc.oneof(fc.integer({ min: Date.UTC(2023, 10, 1), max: Date.UTC(2025, 1, 1) }).map((ms) => new Date(ms).toISOString().slice(0, 10)), fc.constantFrom('2024/6/1', '2024年6月1日', '六月', '')),
  unit: fc.oneof(fc.constantFrom(...UNITS), name),
  level: fc.constantFrom('进京', '赴省', '到市', '到区', '到县', '到镇', '越级', ''),
  kind: fc.constantFrom('正常访', '集体访', '非正常访', '重复访', '缠访', ''),
  people: fc.oneof(fc.integer({ min: -1, max: 60 }), fc.constantFrom('三', '', '5人')),
  batches: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant('')),
  settled: fc.constantFrom('是', '否', '', '已稳控'),
  excluded: fc.constantFrom('', '无理访', '已化解'),
  matter: fc.tuple(fc.constantFrom(...MATTERS), fc.constantFrom('', '{{单位}}', '{{constructor}}', "'", '_x001B_[2J', '\u200b')).map(([m, s]) => m + s),
  petitioner: fc.tuple(fc.constantFrom(...SURNAMES), fc.constantFrom('某甲', '某乙', '某丙', '某丁'), fc.constantFrom('', '等3人', "'", '_x0007_')).map(([a, b, c]) => a + b + c),
});

const logRow = fc.record({
  unit: fc.oneof(fc.constantFrom(...UNITS), name),
  item: fc.constantFrom('上报矛盾纠纷排查化解卷宗', '治安卡点设备齐全', '不按时或缺席综治工作会议', '落实领导包案制度情况', '化解信访积案', '不存在的项目', ''),
  factor: fc.constantFrom('', '上访群众没有村级处理意见', '缺一次扣1分'),
  count: fc.oneof(fc.integer({ min: -2, max: 40 }), fc.constantFrom('两', '', 0.5)),
  points: fc.oneof(fc.constant(''), fc.integer({ min: -10, max: 10 })),
  reason: text.map((t) => t.slice(0, 60)),
});

const SETTING_LABELS = ['排名方式', '一票否决', '通报标题', '发文机关', '成文日期', '日期写法', '表扬名数', '批评名数', '责任金', '责任金返还', '奖补资金', '模板', '生成的工作表'];
const settingValue = fc.oneof(
  fc.constantFrom('中国式排名', '竞赛排名', 'dense', '记0分', '排在最后', '2024-12-20', '汉字', '3', '0', '-1', '100000', '85:2、80:1', '90:5000、3000', ''),
  fc.array(fc.constantFrom(...SAMPLE_SHEETS, '汇总排名', '考核结果通报', '张庄村签字表', '不存在的表'), { minLength: 1, maxLength: 4 }).map((n) => n.join('、')),
  text.map((t) => t.slice(0, 80)),
);

export type Mutation =
  | { kind: 'cell'; sheet: number; row: number; col: number; value: Value }
  | { kind: 'merge'; sheet: number; top: number; left: number; rows: number; cols: number }
  | { kind: 'unmerge'; sheet: number }
  | { kind: 'renameSheet'; sheet: number; name: string }
  | { kind: 'unitName'; sheet: number; name: string }
  | { kind: 'ledgerRow'; row: LedgerRow }
  | { kind: 'logRow'; row: LogRow }
  | { kind: 'settings'; rows: [string, string][] }
  | { kind: 'template'; name: string; cells: [number, number, string][] }
  | { kind: 'deleteRows'; sheet: number; start: number; count: number }
  | { kind: 'deleteSheet'; sheet: number };
type LedgerRow = typeof ledgerRow extends fc.Arbitrary<infer T> ? T : never;
type LogRow = typeof logRow extends fc.Arbitrary<infer T> ? T : never;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('cell' as const), sheet, row, col, value }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('merge' as const), sheet, top: row, left: fc.integer({ min: 1, max: 8 }), rows: fc.integer({ min: 1, max: 6 }), cols: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unmerge' as const), sheet }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('renameSheet' as const), sheet, name }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('unitName' as const), sheet: fc.integer({ min: 0, max: 9 }), name }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('ledgerRow' as const), row: ledgerRow }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('logRow' as const), row: logRow }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('settings' as const), rows: fc.array(fc.tuple(fc.constantFrom(...SETTING_LABELS), settingValue), { minLength: 1, maxLength: 5 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('template' as const),
      name: fc.oneof(fc.constantFrom('签字表模板', '通报模板', '信访台账模板', '张庄村模板', '目标责任书模板', '模板'), name.map((n) => `${n.slice(0, 25)}模板`)),
      cells: fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 }), text), { maxLength: 6 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteRows' as const), sheet, start: row, count: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteSheet' as const), sheet }) },
);

/** One to six mutations of the sample. */
export const mutations = fc.array(mutation, { minLength: 1, maxLength: 6 });

function cellValue(v: Value): ExcelJS.CellValue {
  switch (v.t) {
    case 'null':
      return null;
    case 'number':
    case 'text':
    case 'bool':
      return v.v;
    case 'date':
      return new Date(v.v);
    case 'formula':
      return v.result === undefined ? ({ formula: v.formula } as ExcelJS.CellFormulaValue) : ({ formula: v.formula, result: v.result } as ExcelJS.CellFormulaValue);
    case 'error':
      return { error: v.v } as ExcelJS.CellErrorValue;
    case 'rich':
      return { richText: v.parts.map((text, i) => (i % 2 ? { text, font: { bold: true } } : { text })) };
  }
}

/**
 * Performs the mutations on the sample's workbook. A mutation ExcelJS itself refuses (a sheet
 * name Excel forbids, a merge over a merge) is left out: it cannot be saved as an .xlsx this way.
 * Sheets are addressed by their place in the sample, so a renamed or deleted sheet stays countable.
 */
export function applyMutations(wb: ExcelJS.Workbook, list: Mutation[]): void {
  const sheets = SAMPLE_SHEETS.map((n) => wb.getWorksheet(n) ?? null);
  const at = (i: number) => sheets[i];
  for (const m of list) {
    try {
      apply(wb, m, at);
      if (m.kind === 'deleteSheet') sheets[m.sheet] = null;
    } catch {
      // ExcelJS refuses it (invalid name, overlapping merge): not a workbook ExcelJS can write.
    }
  }
}

function apply(wb: ExcelJS.Workbook, m: Mutation, at: (i: number) => ExcelJS.Worksheet | null): void {
  switch (m.kind) {
    case 'cell': {
      const ws = at(m.sheet);
      if (ws) ws.getCell(m.row, m.col).value = cellValue(m.value);
      return;
    }
    case 'merge': {
      const ws = at(m.sheet);
      if (ws) ws.mergeCells(m.top, m.left, m.top + m.rows - 1, m.left + m.cols - 1);
      return;
    }
    case 'unmerge': {
      const ws = at(m.sheet);
      if (!ws) return;
      for (const range of Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges)) ws.unMergeCells(range);
      return;
    }
    case 'renameSheet': {
      const ws = at(m.sheet);
      // Excel refuses names over 31 characters; ExcelJS would cut them, perhaps onto another sheet's name.
      if (ws && m.name.length <= 31 && !wb.worksheets.some((w) => w !== ws && w.name === m.name)) ws.name = m.name;
      return;
    }
    case 'unitName': {
      const ws = at(m.sheet);
      if (ws) ws.getCell('A2').value = `单位:${m.name}    2024年12月20日`;
      return;
    }
    case 'ledgerRow': {
      const ws = wb.getWorksheet('信访台账');
      const r = m.row;
      ws?.addRow([r.date, r.unit, r.level, r.kind, r.people, r.batches, r.settled, r.excluded, r.matter, r.petitioner]);
      return;
    }
    case 'logRow': {
      const ws = wb.getWorksheet('扣分明细');
      const r = m.row;
      ws?.addRow([r.unit, r.item, r.factor, r.count, r.points, r.reason, '王组长', '2024-12-18']);
      return;
    }
    case 'settings': {
      const ws = wb.getWorksheet('考核助手设置') ?? wb.addWorksheet('考核助手设置', { state: 'hidden' });
      if (ws.rowCount === 0) ws.addRow(['设置项', '值', '说明']);
      for (const [label, v] of m.rows) ws.addRow([label, v]);
      return;
    }
    case 'template': {
      const ws = wb.getWorksheet(m.name) ?? wb.addWorksheet(m.name);
      for (const [r, c, t] of m.cells) ws.getCell(r, c).value = t;
      return;
    }
    case 'deleteRows': {
      at(m.sheet)?.spliceRows(m.start, m.count);
      return;
    }
    case 'deleteSheet': {
      const ws = at(m.sheet);
      if (ws && wb.worksheets.length > 1) wb.removeWorksheet(ws.id);
      return;
    }
  }
}
