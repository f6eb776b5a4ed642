/**
 * 办理情况: the case register as of a date, as a generated sheet. Due dates are values (a formula
 * cannot know the State Council's holidays and 调休 days); everything that follows from them is a
 * formula: each case's 情况 and days over from its due date, its 办结日期 and the as-of date in B2,
 * and per unit the counts (COUNTIFS over the case rows), 按期办结率 and 结案率. So a clerk who types
 * a 办结日期 or changes the as-of date sees the counts follow. The file carries the engine's values as
 * the formulas' cached results. Only 编号 and categories are written: no petitioner, no matter.
 */
import { dayNumber } from '../../engine/cases/days';
import type { CaseOutcome } from '../../engine/cases/register';
import type { UnitCases } from '../../engine/cases/rates';
import { toNumber } from '../../engine/decimal';
import { columnLetters } from '../grid';
import type { CellStyle, SheetCell, SheetPlan } from '../sheetPlan';

/** Excel's serial number of an ISO date (1900 date system). */
export function excelSerial(iso: string): number {
  return dayNumber(iso) + 25569;
}

const BORDERED: CellStyle = { border: true, vertical: 'middle' };
const HEAD: CellStyle = { ...BORDERED, bold: true, horizontal: 'center', wrap: true, fill: '#F2F2F2' };
const DATE: CellStyle = { ...BORDERED, horizontal: 'center', numFmt: 'yyyy-mm-dd' };
const COUNT: CellStyle = { ...BORDERED, horizontal: 'center' };
const RATE: CellStyle = { ...BORDERED, horizontal: 'center', numFmt: '0.0%' };

const CASE_HEADER = ['编号', '责任单位', '来源', '类别', '受理日期', '办理期限', '延期(日)', '到期日', '办结日期', '情况', '超期(日)'];
const UNIT_HEADER = ['单位', '受理', '已办结', '按期', '逾期', '未到期', '应办结', '按期办结率', '结案率'];

export function casesSheet(input: { asOf: string; outcomes: readonly CaseOutcome[]; perUnit: readonly UnitCases[]; overall: UnitCases }, options: { name: string }): SheetPlan {
  const cells: SheetCell[] = [];
  const put = (cell: string, value: SheetCell['value'], style?: CellStyle, formula?: string) =>
    cells.push({ cell, value, ...(style ? { style } : {}), ...(formula ? { formula } : {}) });
  const width = CASE_HEADER.length;
  const last = columnLetters(width - 1);

  put('A1', '信访事项办理情况', { bold: true, fontSize: 16, horizontal: 'center' });
  put('A2', '截至日期', { bold: true });
  put('B2', excelSerial(input.asOf), { numFmt: 'yyyy-mm-dd', horizontal: 'left' });
  put('C2', '按期办结率 = 按期办结件数 ÷（已办结件数 + 逾期未办结件数）；结案率 = 已办结件数 ÷ 受理件数', { wrap: true });

  const units = input.perUnit.filter((u) => u.total > 0);
  const unitHead = 4;
  const firstUnit = unitHead + 1;
  const totalRow = firstUnit + units.length;
  const caseHead = totalRow + 2;
  const first = caseHead + 1;
  const lastCase = caseHead + Math.max(1, input.outcomes.length);
  const range = (col: string) => `$${col}$${first}:$${col}$${lastCase}`;

  UNIT_HEADER.forEach((h, c) => put(`${columnLetters(c)}${unitHead}`, h, HEAD));
  // The cached value as a spreadsheet stores the quotient: 15 significant digits (2/3 → 0.666666666666667).
  const rate = (r: UnitCases['onTimeRate']) => (r === null ? '—' : toNumber(r.prec(15)));
  const unitRow = (row: number, u: UnitCases, total: boolean) => {
    const crit = total ? '' : `${range('B')},$A${row},`;
    const countIf = (col: string, what: string) => (total ? `COUNTIF(${range(col)},${what})` : `COUNTIFS(${crit}${range(col)},${what})`);
    put(`A${row}`, u.unit, { ...BORDERED, bold: total });
    put(`B${row}`, u.total, COUNT, total ? `COUNTA(${range('A')})` : `COUNTIF(${range('B')},$A${row})`);
    put(`C${row}`, u.closed, COUNT, countIf('I', '"<="&$B$2'));
    put(`D${row}`, u.onTime, COUNT, countIf('J', '"按期"'));
    put(`E${row}`, u.late, COUNT, countIf('J', '"逾期"'));
    put(`F${row}`, u.open, COUNT, countIf('J', '"未办结"'));
    put(`G${row}`, u.due, COUNT, `D${row}+E${row}`);
    put(`H${row}`, rate(u.onTimeRate), RATE, `IF(G${row}=0,"—",D${row}/G${row})`);
    put(`I${row}`, rate(u.closeRate), RATE, `IF(B${row}=0,"—",C${row}/B${row})`);
  };
  units.forEach((u, i) => unitRow(firstUnit + i, u, false));
  unitRow(totalRow, input.overall, true);

  CASE_HEADER.forEach((h, c) => put(`${columnLetters(c)}${caseHead}`, h, HEAD));
  input.outcomes.forEach((o, i) => {
    const r = first + i;
    const c = o.case;
    put(`A${r}`, c.id, BORDERED);
    put(`B${r}`, c.unit, BORDERED);
    put(`C${r}`, c.source, BORDERED);
    put(`D${r}`, c.kind, BORDERED);
    put(`E${r}`, excelSerial(c.accepted), DATE);
    put(`F${r}`, `${o.days}${o.counting === 'working' ? '个工作日' : '日'}`, COUNT);
    put(`G${r}`, o.extensionDays || null, COUNT);
    put(`H${r}`, excelSerial(o.due), DATE);
    put(`I${r}`, c.closed ? excelSerial(c.closed) : null, DATE);
    // Closed on or before the as-of date: 按期 or 逾期 by the due date; otherwise open: 逾期 once past due.
    put(`J${r}`, o.state, COUNT, `IF(AND(I${r}<>"",I${r}<=$B$2),IF(I${r}<=H${r},"按期","逾期"),IF($B$2>H${r},"逾期","未办结"))`);
    put(`K${r}`, o.daysOver, COUNT, `IF(J${r}="逾期",IF(AND(I${r}<>"",I${r}<=$B$2),I${r},$B$2)-H${r},0)`);
  });

  return {
    name: options.name,
    cells,
    merges: [`A1:${last}1`, `C2:${last}2`],
    columnWidths: [13, 12, 14, 8, 12, 12, 9, 12, 12, 9, 9],
    rowHeights: { 1: 28, 2: 30 },
    page: { orientation: 'landscape', paper: 'A4', fitToWidth: 1, fitToHeight: 0, printTitleRows: `${caseHead}:${caseHead}`, footer: '信访事项办理情况  第 &P 页，共 &N 页' },
  };
}
