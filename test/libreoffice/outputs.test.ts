/**
 * What we write, as LibreOffice reads it: every formula of the written workbook recalculated
 * (forced, see src/host/libreoffice.ts) equals the engine's value, for both ranking and both veto
 * settings; the summary follows an edit made after writing; the signed sheets and the notice
 * print as PDFs (one page per unit) with the right text. PNG renders go to test-results/.
 *
 * Needs: apt-get install -y libreoffice-calc-nogui fonts-noto-cjk fonts-crosextra-carlito poppler-utils
 */
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { scoreAssessment, toReport } from '../../src/app/scoreAssessment';
import { run } from '../../src/cli/main';
import { convertWithLibreOffice, findSoffice, INSTALL_HINT } from '../../src/host/libreoffice';
import { openWorkbookFile } from '../../src/host/xlsxFile';
import { SAMPLE_CASES } from '../../scripts/makeSample';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'sample-2024.xlsx');
const RESULTS = path.join(__dirname, '..', '..', 'test-results', 'libreoffice');
const quiet = { out: () => undefined, err: () => undefined };

let dir: string;
beforeAll(async () => {
  if (!(await findSoffice())) throw new Error(`LibreOffice 未安装。${INSTALL_HINT}`);
  for (const tool of ['pdfinfo', 'pdftotext', 'pdftoppm']) {
    try {
      execFileSync(tool, ['-v'], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tool} 未安装：apt-get install -y poppler-utils`);
    }
  }
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-lo-test-'));
  await fs.mkdir(RESULTS, { recursive: true });
});
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

type Value = string | number | boolean | null;
/** Every formula cell of a workbook with its cached result: sheet!A1 → value. */
async function formulaResults(file: string): Promise<Map<string, Value>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, Value>();
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        // ExcelJS drops a cached 0 from cell.value: cell.result has it.
        if (cell.type === ExcelJS.ValueType.Formula) out.set(`${ws.name}!${cell.address}`, (cell.result as Value) ?? null);
      }),
    );
  }
  return out;
}

async function valuesOf(file: string, addresses: string[]): Promise<Map<string, Value>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, Value>();
  for (const key of addresses) {
    const [sheet, cell] = key.split('!');
    const c = wb.getWorksheet(sheet)?.getCell(cell);
    out.set(key, (c?.type === ExcelJS.ValueType.Formula ? c.result : c?.value) as Value);
  }
  return out;
}

const recalc = async (file: string) => (await convertWithLibreOffice([file], 'xlsx', path.join(dir, `recalc-${path.basename(file, '.xlsx')}`)))[0];

describe.each([
  ['dense', 'zero'],
  ['dense', 'last'],
  ['competition', 'zero'],
  ['competition', 'last'],
])('--ranking %s --veto %s', (ranking, veto) => {
  test('every formula LibreOffice recalculates equals the engine’s value (ties and a veto included)', async () => {
    const out = path.join(dir, `scored-${ranking}-${veto}.xlsx`);
    await run(['score', SAMPLE, '--out', out, '--ranking', ranking, '--veto', veto], quiet);
    const written = await formulaResults(out);
    expect(written.size).toBeGreaterThanOrEqual(90);
    const recalculated = await valuesOf(await recalc(out), [...written.keys()]);
    // An empty text result ("") comes back from LibreOffice's file as no value.
    const shown = (v: Value | undefined) => (v === null || v === undefined ? '' : String(v));
    const differing = [...written].filter(([k, v]) => shown(recalculated.get(k)) !== shown(v));
    expect(differing).toEqual([]);
  });
});

test('the summary follows an entry changed after writing: LibreOffice’s totals, ranks and bands equal the engine on the edited workbook', async () => {
  const out = path.join(dir, 'scored-edit.xlsx');
  await run(['score', SAMPLE, '--out', out], quiet);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  wb.getWorksheet('张庄村')!.getCell('E4').value = 0; // 99 → 94
  wb.getWorksheet('赵集村')!.getCell('E35').value = '否'; // the veto lifted: 89
  wb.getWorksheet('孙庄村')!.getCell('E26').value = 5; // 75 → 80, on the band boundary
  const edited = path.join(dir, 'edited.xlsx');
  await wb.xlsx.writeFile(edited);

  const engine = toReport(scoreAssessment(await (await openWorkbookFile(edited)).readGrids()));
  const lo = new ExcelJS.Workbook();
  await lo.xlsx.readFile(await recalc(edited));
  const summary = lo.getWorksheet('汇总排名')!;
  const cellValue = (r: number, c: number) => {
    const cell = summary.getRow(r).getCell(c);
    return cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  };
  const fromSheet = new Map<string, [unknown, unknown, unknown]>();
  for (let r = 4; r <= 13; r++) fromSheet.set(String(cellValue(r, 2)), [cellValue(r, 9), cellValue(r, 10), cellValue(r, 11)]);
  for (const u of engine.units) expect([u.name, ...(fromSheet.get(u.name) ?? [])]).toEqual([u.name, u.total, u.rank, u.band]);
  expect(fromSheet.get('张庄村')).toEqual([94, 1, '85分以上']);
  expect(fromSheet.get('赵集村')?.[0]).toBe(89);
});

test('--pdf: a PDF per unit with its name, total and the signature labels; the notice with its title; PNGs for a person', async () => {
  const pdfDir = path.join(dir, 'pdf');
  const report = path.join(dir, 'report.json');
  await run(['score', SAMPLE, '--report', report, '--pdf', pdfDir], quiet);
  const units = (JSON.parse(await fs.readFile(report, 'utf8')) as { units: { name: string; total: number }[] }).units;
  for (const u of units) {
    const pdf = path.join(pdfDir, `${u.name}签字表.pdf`);
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1])).toBeLessThanOrEqual(4);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(`被考核单位：${u.name}`);
    expect(text).toMatch(new RegExp(`总分\\s+${String(u.total).replace('.', '\\.')}\\b`));
    for (const label of ['考核组长（签字）', '考核组成员1（签字）', '被考核单位负责人（签字）']) expect(text).toContain(label);
  }
  // One row per printed line: the words of the notice are read with the lines joined.
  const notice = execFileSync('pdftotext', [path.join(pdfDir, '考核结果通报.pdf'), '-'], { encoding: 'utf8' }).replace(/\n/g, '');
  expect(notice).toContain('关于2024年度综治及信访工作考核结果的通报');
  expect(notice).toContain('壹万元整');
  expect(notice).not.toMatch(/某甲|某乙/);
  // No petitioner's name or matter from the case register reaches any PDF.
  const printed = (await fs.readdir(pdfDir)).filter((f) => f.endsWith('.pdf'));
  const leaks = printed.flatMap((f) => {
    const text = execFileSync('pdftotext', [path.join(pdfDir, f), '-'], { encoding: 'utf8' });
    return SAMPLE_CASES.flatMap((c) => [c[3], c[4]]).filter((name) => text.includes(name)).map((name) => `${f}: ${name}`);
  });
  expect(leaks).toEqual([]);
  for (const name of ['张庄村签字表', '考核结果通报']) {
    execFileSync('pdftoppm', ['-r', '110', '-png', path.join(pdfDir, `${name}.pdf`), path.join(RESULTS, name)]);
  }
  expect((await fs.readdir(RESULTS)).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(2);
});

test('a ledger row not counted: the 草稿 lines LibreOffice recalculates name it on the summary and every signed sheet, and keep following the entries', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const ledger = wb.getWorksheet('信访台账')!;
  const row = ledger.rowCount + 1;
  ledger.getRow(row).values = ['2024-05-06', '不存在村', '到市', '正常访', 1];
  const input = path.join(dir, 'ledger-row.xlsx');
  await wb.xlsx.writeFile(input);
  const out = path.join(dir, 'ledger-row-scored.xlsx');
  await run(['score', input, '--out', out], quiet);
  const written = await formulaResults(out);
  const shown = (v: Value | undefined) => (v === null || v === undefined ? '' : String(v));
  const recalculated = await valuesOf(await recalc(out), [...written.keys()]);
  expect([...written].filter(([k, v]) => shown(recalculated.get(k)) !== shown(v))).toEqual([]);
  const flat = (v: Value | undefined) => shown(v).replace(/\n/g, '');
  const named = `信访台账有 1 条记录有错误、未计入（B${row}）`;
  expect(flat(recalculated.get('汇总排名!A2'))).toBe(`草稿：有单位的得分未填写或填写错误（见“评分状态”列）；${named}。本表结果不能作为正式结果`);
  expect(flat(recalculated.get('张庄村签字表!A2'))).toBe(`草稿：${named}，本表不能作为正式结果`);
  expect(flat(recalculated.get('孙庄村签字表!A2'))).toBe(`草稿：本单位未评分1项；${named}，本表不能作为正式结果`);

  // The entries fixed in the copy: LibreOffice drops their part of the lines; the record's stays.
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.readFile(out);
  copy.getWorksheet('刘湾村')!.getCell('E4').value = 5;
  copy.getWorksheet('孙庄村')!.getCell('E26').value = 5;
  const edited = path.join(dir, 'ledger-row-edited.xlsx');
  await copy.xlsx.writeFile(edited);
  const after = await valuesOf(await recalc(edited), ['汇总排名!A2', '孙庄村签字表!A2']);
  expect(flat(after.get('汇总排名!A2'))).toBe(`草稿：${named}。本表结果不能作为正式结果`);
  expect(flat(after.get('孙庄村签字表!A2'))).toBe(`草稿：${named}，本表不能作为正式结果`);
});
