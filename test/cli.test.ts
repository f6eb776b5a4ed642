import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { run, HELP } from '../src/cli/main';
import { makeSampleWorkbook } from '../scripts/makeSample';
import { addSeedSheet } from './support/seedWorkbook';

const SAMPLE = path.join(__dirname, '..', 'examples', 'sample-2024.xlsx');

function capture() {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-cli-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');

describe('kaohe score on the bundled sample', () => {
  it('prints the ranking, writes the report and the scored copy, and exits 1 for the entry error', async () => {
    const io = capture();
    const report = path.join(dir, 'report.json');
    const out = path.join(dir, 'scored.xlsx');
    const code = await run(['score', SAMPLE, '--out', out, '--report', report], io);
    expect(code).toBe(1);
    expect(io.stdout).toMatch(/1\s+张庄村\s+97\s+\+2\s+99\s+85分以上/);
    expect(io.stdout).toMatch(/【刘湾村】\n\s+错误 E4\s+得分 6 超过分值 5/);

    const json = JSON.parse(await fs.readFile(report, 'utf8'));
    expect(json.units.map((u: { name: string; rank: number }) => `${u.rank}${u.name}`)).toEqual([
      '1张庄村', '2周口居委会', '3前营村', '4李家村', '4王庄村', '5刘湾村', '6陈楼村', '7杨店社区', '8孙庄村', '9赵集村',
    ]);
    expect(json.units[0]).toMatchObject({ name: '张庄村', sheet: '张庄村', base: 97, adjustment: 2, veto: false, total: 99, rank: 1, band: '85分以上' });
    expect(json.units[0].categories[0]).toEqual({ title: '一、落实信访工作责任制,建立一把手负总责', max: 20, score: 19.5 });
    expect(json.units[9]).toMatchObject({ name: '赵集村', veto: true, total: 0, band: '一票否决' });
    expect(json.diagnostics).toContainEqual({ severity: 'error', code: 'SCORE_ABOVE_MAX', sheet: '刘湾村', cell: 'E4', message: '得分 6 超过分值 5' });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('张庄村')?.getCell('E36').value).toBe(99);
    expect(wb.getWorksheet('赵集村')?.getCell('E36').value).toBe(0);
    expect(wb.getWorksheet('李家村')?.getCell('E4').value).toBe(5);
  });

  it('computes section 二 from the 信访台账 and the logged items, shows each deduction, and fills the blanks in the copy', async () => {
    const io = capture();
    const report = path.join(dir, 'report.json');
    const out = path.join(dir, 'scored.xlsx');
    await run(['score', SAMPLE, '--out', out, '--report', report], io);
    expect(io.stdout).toContain('按扣分因素计算的扣加分（来源：信访台账 51 条，扣分明细 9 条）');
    expect(io.stdout).toMatch(/【杨店社区】\n\s+-8\s+到省正常上访,每人次扣4分 ×2\s+信访台账：赴省正常访 2 人次/);
    expect(io.stdout).toMatch(/【张庄村】\n\s+\+2\s+一份加1分 ×2\s+上报卷宗2份（3月、9月）/);

    const json = JSON.parse(await fs.readFile(report, 'utf8'));
    const byName = Object.fromEntries(json.units.map((u: { name: string }) => [u.name, u]));
    expect(byName['陈楼村'].deductions.map((d: { source: string }) => d.source)).toEqual(['ledger', 'register']);
    expect(byName['陈楼村'].deductions[0]).toEqual({
      item: '确保无人到京、省、市、区、镇上访落实情况',
      rule: '到区正常上访,不能及时稳控调处的每人次扣2分',
      count: 3,
      points: -6,
      reason: '信访台账：到区县正常访 3 人次（1 条记录）',
      source: 'ledger',
      sheet: '信访台账',
      cell: 'A7',
    });
    expect(byName['李家村'].deductions.map((d: { points: number }) => d.points)).toEqual([-1, -1, -4, -10, -1, -0.5]);
    // E18 (到期不能按时结案的,每件扣5分) from the case register: 李家村's XF2024-002 and XF2024-022 were closed late.
    expect(byName['李家村'].deductions[3]).toEqual({
      item: '领导批办的信访件及时办结情况',
      rule: '到期不能按时结案的,每件扣5分',
      count: 2,
      points: -10,
      reason: '办理台账：到期未按时办结 2 件（XF2024-002 逾期办结1日、XF2024-022 逾期办结4日）',
      source: 'register',
      sheet: '信访事项办理台账',
      cell: 'A3',
    });
    // Petitioners' names stay in the ledger.
    expect(JSON.stringify(json) + io.stdout).not.toMatch(/某甲|某乙|某丙/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const e8 = ['张庄村', '李家村', '王庄村', '赵集村', '刘湾村', '陈楼村', '杨店社区', '周口居委会', '前营村', '孙庄村'].map(
      (name) => wb.getWorksheet(name)?.getCell('E8').value,
    );
    expect(e8).toEqual([30, 26, 27, 20, 24, 24, 22, 24, 25, 21]);
    const e18 = ['张庄村', '李家村', '王庄村', '赵集村', '刘湾村', '陈楼村', '杨店社区', '周口居委会', '前营村', '孙庄村'].map(
      (name) => wb.getWorksheet(name)?.getCell('E18').value,
    );
    expect(e18).toEqual([10, 0, 0, 10, 5, 5, 0, 10, 5, 0]);
    expect(wb.getWorksheet('李家村')?.getCell('E24').value).toBe(3.5);
    expect(wb.getWorksheet('张庄村')?.getCell('E27').value).toBe(2);
    const log = wb.getWorksheet('扣分明细');
    expect([2, 3, 4, 5].map((r) => log?.getCell(`E${r}`).value)).toEqual([2, 1, -1, -1]);
    // Typed cells are untouched: the veto row and the entry error stay as they were.
    expect(wb.getWorksheet('刘湾村')?.getCell('E4').value).toBe(6);
  });

  it('warns when the workbook holds what the copy cannot keep (a chart), and not otherwise', async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(SAMPLE));
    zip.file('xl/charts/chart1.xml', '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    const withChart = path.join(dir, 'chart.xlsx');
    await fs.writeFile(withChart, await zip.generateAsync({ type: 'nodebuffer' }));
    const io = capture();
    await run(['score', withChart, '--out', path.join(dir, 'o.xlsx')], io);
    expect(io.stderr).toContain('原工作簿含有图表，另存的副本');
    const plain = capture();
    await run(['score', SAMPLE, '--out', path.join(dir, 'p.xlsx')], plain);
    expect(plain.stderr).toBe('');
  });

  it('never modifies the input file', async () => {
    const copy = path.join(dir, 'input.xlsx');
    await fs.copyFile(SAMPLE, copy);
    const before = await sha(copy);
    await run(['score', copy, '--out', path.join(dir, 'o.xlsx'), '--report', path.join(dir, 'r.json')], capture());
    expect(await sha(copy)).toBe(before);
  });

  it('ranks with competition ranking and veto last when asked', async () => {
    const report = path.join(dir, 'r.json');
    await run(['score', SAMPLE, '--report', report, '--ranking', 'competition', '--veto', 'last'], capture());
    const json = JSON.parse(await fs.readFile(report, 'utf8'));
    const ranks = Object.fromEntries(json.units.map((u: { name: string; rank: number; total: number }) => [u.name, [u.rank, u.total]]));
    expect(ranks['李家村']).toEqual([4, 82.5]);
    expect(ranks['王庄村']).toEqual([4, 82.5]);
    expect(ranks['刘湾村']).toEqual([6, 81]);
    expect(ranks['周口居委会']).toEqual([2, 88]);
    expect(ranks['赵集村']).toEqual([10, 89]);
  });

  it('matches what the sample generator produces today', async () => {
    const fresh = path.join(dir, 'fresh.xlsx');
    await makeSampleWorkbook().xlsx.writeFile(fresh);
    const a = path.join(dir, 'a.json');
    const b = path.join(dir, 'b.json');
    await run(['score', SAMPLE, '--report', a], capture());
    await run(['score', fresh, '--report', b], capture());
    expect(await fs.readFile(b, 'utf8')).toBe(await fs.readFile(a, 'utf8'));
  });
});

describe('exit codes', () => {
  async function workbookWith(units: { name: string; entries: (number | string | null)[] }[]) {
    const wb = new ExcelJS.Workbook();
    for (const u of units) addSeedSheet(wb, u.name, { unit: u.name, entries: u.entries, total: null });
    const file = path.join(dir, 'w.xlsx');
    await wb.xlsx.writeFile(file);
    return file;
  }
  const full = [5, 5, 5, 5, 30, 10, 5, 5, 5, 5, 5, 4, 6, 5];

  it('exits 0 when every entry is valid, warnings allowed', async () => {
    const file = await workbookWith([{ name: '甲村', entries: full }, { name: '乙村', entries: [...full.slice(0, 13), null] }]);
    const io = capture();
    expect(await run(['score', file], io)).toBe(0);
    expect(io.stdout).toContain('警告');
  });

  it('exits 1 when an entry has an error', async () => {
    const file = await workbookWith([{ name: '甲村', entries: ['#REF!', ...full.slice(1)] }]);
    expect(await run(['score', file], capture())).toBe(1);
  });

  it.each([
    ['a missing file', async () => path.join(dir, 'nope.xlsx'), '找不到文件'],
    ['a text file', async () => { const f = path.join(dir, 't.xlsx'); await fs.writeFile(f, 'hello'); return f; }, '不是 .xlsx 文件'],
    ['an empty file', async () => { const f = path.join(dir, 'e.xlsx'); await fs.writeFile(f, ''); return f; }, '文件是空的'],
    ['a password-protected file', async () => {
      const f = path.join(dir, 'p.xlsx');
      await fs.writeFile(f, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
      return f;
    }, '打开密码'],
    ['a corrupt zip', async () => {
      const f = path.join(dir, 'c.xlsx');
      await fs.writeFile(f, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 7)]));
      return f;
    }, '已损坏'],
    ['a workbook without a score table', async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('汇总').addRow(['单位', '总分', '排名']);
      const f = path.join(dir, 's.xlsx');
      await wb.xlsx.writeFile(f);
      return f;
    }, '没有找到评分表'],
    ['a folder', async () => dir, '文件夹'],
  ])('exits 2 with a clear message for %s', async (_what, make, message) => {
    const io = capture();
    expect(await run(['score', await make()], io)).toBe(2);
    expect(io.stderr).toContain(message);
  });

  it.each([
    [['score'], '用法'],
    [['rank', 'x.xlsx'], '未知命令'],
    [['score', SAMPLE, '--ranking', 'olympic'], '--ranking 只能是'],
    [['score', SAMPLE, '--veto', 'maybe'], '--veto 只能是'],
    [['score', SAMPLE, '--frobnicate'], '参数有误'],
    [['score', SAMPLE, '--out', SAMPLE], '是同一个文件'],
  ])('exits 2 for bad arguments %j', async (args, message) => {
    const io = capture();
    expect(await run(args, io)).toBe(2);
    expect(io.stderr).toContain(message);
  });
});

describe('--help', () => {
  it('explains every option in Chinese and English', async () => {
    const io = capture();
    expect(await run(['--help'], io)).toBe(0);
    for (const option of ['--out', '--report', '--ranking', '--veto']) expect(io.stdout).toContain(option);
    expect(io.stdout).toContain('中国式排名');
    expect(io.stdout).toContain('ties share a rank');
    expect(io.stdout).toBe(HELP);
  });
});

describe('--final', () => {
  it('refuses while the sample is a draft, naming the unit and cell of each problem; no copy is written', async () => {
    const io = capture();
    const out = path.join(dir, 'final.xlsx');
    const code = await run(['score', SAMPLE, '--final', '--out', out], io);
    expect(code).toBe(1);
    expect(io.stderr).toContain('--final：结果还是草稿，未生成副本和 PDF');
    expect(io.stderr).toContain('刘湾村有 1 项填写错误（E4）');
    expect(io.stderr).toContain('孙庄村有 1 项未评分（E26）');
    await expect(fs.access(out)).rejects.toThrow();
  });

  it('without --final the draft is still said, with the deductions that have no reason', async () => {
    const io = capture();
    await run(['score', SAMPLE], io);
    expect(io.stdout).toContain('草稿：以下问题处理前');
    expect(io.stdout).toMatch(/有扣分没有填写扣分原因/);
  });

  it('runs once every entry is filled in, and a later change is reported as a stale notice', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    wb.getWorksheet('刘湾村')!.getCell('E4').value = 5;
    wb.getWorksheet('孙庄村')!.getCell('E26').value = 5;
    const fixed = path.join(dir, 'fixed.xlsx');
    await wb.xlsx.writeFile(fixed);
    const out = path.join(dir, 'final.xlsx');
    const io = capture();
    expect(await run(['score', fixed, '--final', '--out', out], io)).toBe(0);
    expect(io.stdout).not.toContain('草稿');

    const again = capture();
    await run(['score', out], again);
    expect(again.stdout).not.toContain('通报已过期');

    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    copy.getWorksheet('张庄村')!.getCell('E4').value = 0;
    const changed = path.join(dir, 'changed.xlsx');
    await copy.xlsx.writeFile(changed);
    const stale = capture();
    await run(['score', changed], stale);
    expect(stale.stdout).toContain('通报已过期，请重新生成');
  });
});

describe('the settings sheet a person edited', () => {
  it('shapes the notice and the summary the command line writes: 主送机关, 发文字号, 版记, 责任金, awards to units and people', async () => {
    const first = path.join(dir, 'first.xlsx');
    await run(['score', SAMPLE, '--out', first], capture());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first);
    const settings = wb.getWorksheet('考核助手设置')!;
    const typed: Record<string, string> = {
      主送机关: '各村（社区）',
      发文字号: 'xx综信发〔2024〕7号',
      抄送: '区信访局',
      印发机关: 'xx镇党政办公室',
      印发日期: '2024-12-26',
      成文日期: '2024-12-24',
      责任金: '镇班子成员2500×1、村(居)书记1000×2',
      奖补资金: '95:9000、7000、5000',
      个人奖励: '片长、村书记:2500、1500、500',
      零上访奖励: '12000;村书记、治保主任:800',
    };
    settings.eachRow((row) => {
      const label = String(row.getCell(1).value);
      if (label in typed) row.getCell(2).value = typed[label];
    });
    const edited = path.join(dir, 'edited-settings.xlsx');
    await wb.xlsx.writeFile(edited);
    const out = path.join(dir, 'second.xlsx');
    const io = capture();
    await run(['score', edited, '--out', out], io);
    expect(io.stdout).not.toContain('SETTING_UNREADABLE');
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);
    const texts: string[] = [];
    written.getWorksheet('考核结果通报')!.eachRow((row) => row.eachCell((c) => void texts.push(String(c.value))));
    const notice = texts.join('');
    for (const words of ['各村（社区）：', 'xx综信发〔2024〕7号', '抄送：区信访局。', '2024年12月24日', '9000元', '2500元', '片长']) expect([words, notice.includes(words)]).toEqual([words, true]);
    expect(notice).toMatch(/xx镇党政办公室\u3000+2024年12月26日印发/);
    expect(notice).not.toContain('10000元');
    // 责任金: 2500 + 2 × 1000 per unit, doubled for 85分以上.
    const note = written.getWorksheet('汇总排名')!.getCell('L4');
    expect(String(note.type === ExcelJS.ValueType.Formula ? note.result : note.value)).toContain('责任金双倍返还（9000元）');
  });
});
