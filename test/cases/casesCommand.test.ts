import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { HELP, run } from '../../src/cli/main';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'sample-2024.xlsx');

function capture() {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-cases-cli-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function registerOnly(rows: (string | number | null)[][], settings: string[][] = []): Promise<string> {
  const wb = new ExcelJS.Workbook();
  if (settings.length > 0) {
    const sheet = wb.addWorksheet('考核助手设置');
    sheet.addRow(['设置项', '值', '说明']);
    for (const r of settings) sheet.addRow(r);
  }
  const ws = wb.addWorksheet('信访事项办理台账');
  ws.addRow(['编号', '受理日期', '责任单位', '来源', '办结日期']);
  for (const r of rows) ws.addRow(r);
  const file = path.join(dir, 'register.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('kaohe cases', () => {
  test('prints the counts per unit, the overdue and the due within 7 days, and exits 1 when any is overdue', async () => {
    const io = capture();
    expect(await run(['cases', SAMPLE], io)).toBe(1);
    expect(io.stdout).toContain('截至 2024-12-20（评分表上的考核日期）：共 40 件，已办结 30 件，按期办结率 65.6%，结案率 75%');
    expect(io.stdout).toMatch(/杨店社区\s+4\s+3\s+1\s+2\s+1\s+33\.3%\s+50%/);
    expect(io.stdout).toMatch(/逾期未办结 2 件：\n【杨店社区】\n\s+XF2024-027\s+到期日 2024-10-23\s+已超期 58 日/);
    expect(io.stdout).toMatch(/7 日内到期 4 件：\n【张庄村】\n\s+XF2024-031\s+到期日 2024-12-20\s+今天到期/);
  });

  test('--as-of judges the register on another day', async () => {
    const io = capture();
    expect(await run(['cases', SAMPLE, '--as-of', '2024-10-20'], io)).toBe(0);
    expect(io.stdout).toContain('截至 2024-10-20（--as-of）');
    expect(io.stdout).toContain('没有逾期未办结的案件。');
    expect(io.stdout).toMatch(/XF2024-027\s+到期日 2024-10-23\s+还剩 3 日/);
  });

  test('a workbook with only a register is read without units to check against', async () => {
    const file = await registerOnly([['A1', '2024-03-01', '张庄村', '上级交办', '2024-04-20']]);
    const io = capture();
    expect(await run(['cases', file, '--as-of', '2024-12-20'], io)).toBe(0);
    expect(io.stdout).toMatch(/张庄村\s+1\s+1\s+1\s+0\s+0\s+100%\s+100%/);
  });

  // 上级交办 60 日 from 2024-09-10: day 60 is Saturday 11-9 → Monday 11-11 by 民法典.
  test.each([
    [[], '2024-11-11  已超期 9 日'],
    [[['受理当日计入', '是']], '2024-11-08  已超期 12 日'],
    [[['期满遇节假日顺延', '否']], '2024-11-09  已超期 11 日'],
  ])('reads how days are counted from the settings sheet: %j', async (settings, printed) => {
    const file = await registerOnly([['A1', '2024-09-10', '张庄村', '上级交办', null]], settings);
    const io = capture();
    expect(await run(['cases', file, '--as-of', '2024-11-20'], io)).toBe(1);
    expect(io.stdout).toContain(`A1  到期日 ${printed}`);
  });

  test('a bad 受理当日计入 in the settings sheet is reported with its sheet and cell', async () => {
    const file = await registerOnly([['A1', '2024-09-10', '张庄村', '上级交办', null]], [['受理当日计入', '不计']]);
    const io = capture();
    await run(['cases', file, '--as-of', '2024-11-20'], io);
    expect(io.stdout).toMatch(/【考核助手设置】\n\s+警告 B2\s+设置“受理当日计入”的值“不计”无法识别（应为 是 或 否），按默认设置处理/);
  });

  test('without --as-of and without score sheets the register is judged as of today (the clock)', async () => {
    const file = await registerOnly([['A1', '2024-09-10', '张庄村', '上级交办', null]]);
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask', 'hrtime', 'performance'], now: new Date(2024, 10, 5, 9, 0) });
    const io = capture();
    try {
      expect(await run(['cases', file], io)).toBe(0);
    } finally {
      jest.useRealTimers();
    }
    expect(io.stdout).toContain('截至 2024-11-05（今天）');
    expect(io.stdout).toMatch(/A1\s+到期日 2024-11-11\s+还剩 6 日/);
  });

  test('a register row with an error exits 1 and says where', async () => {
    const file = await registerOnly([['A1', '2024-03-01', '张庄村', '上级交办', '2024-02-20']]);
    const io = capture();
    expect(await run(['cases', file, '--as-of', '2024-12-20'], io)).toBe(1);
    expect(io.stdout).toMatch(/错误 E2\s+办结日期 2024-02-20 早于受理日期 2024-03-01，此件未计入/);
  });

  test.each([
    [['cases'], '用法：kaohe cases'],
    [['cases', SAMPLE, '--as-of', '2024-13-01'], '--as-of 应为日期'],
    [['cases', SAMPLE, '--as-of', '20241220'], '--as-of 应为日期'],
    [['score', SAMPLE, '--as-of', 'today'], '--as-of 应为日期'],
    [['cases', SAMPLE, '--frobnicate'], '不认识的选项 --frobnicate'],
    [['cases', '/nonexistent/x.xlsx'], '找不到文件'],
  ])('%j exits 2 with a message', async (argv, message) => {
    const io = capture();
    expect(await run(argv as string[], io)).toBe(2);
    expect(io.stderr).toContain(message);
  });

  test('a workbook without a register exits 2', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('随便').addRow(['a']);
    const file = path.join(dir, 'none.xlsx');
    await wb.xlsx.writeFile(file);
    const io = capture();
    expect(await run(['cases', file], io)).toBe(2);
    expect(io.stderr).toContain('没有找到信访事项办理台账');
  });

  test('score --as-of puts the register as of that day in the report', async () => {
    const report = path.join(dir, 'r.json');
    await run(['score', SAMPLE, '--report', report, '--as-of', '2024-10-20'], capture());
    const json = JSON.parse(await fs.readFile(report, 'utf8'));
    expect(json.cases.asOf).toBe('2024-10-20');
    expect(json.cases.overdue).toEqual([]);
  });

  test('the help lists the command and the option', () => {
    expect(HELP).toContain('kaohe cases <工作簿.xlsx> [--as-of 2024-12-20]');
    expect(HELP).toContain('--as-of <年-月-日>');
  });
});
