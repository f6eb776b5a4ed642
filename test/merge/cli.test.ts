/** `kaohe merge` on real .xlsx files: exit codes, what it prints, what it writes, and that no input is written. */
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { run } from '../../src/cli/main';
import { XlsxHost } from '../../src/host/xlsxHost';
import type { MergeFile } from '../../src/app/merge';
import { groupOne, groupThree, groupTwo, masterFile } from './scenario';
import { xlsxOf } from './support';

function capture() {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

let dir: string;
const file = (name: string) => path.join(dir, name);
const sha = async (f: string) => createHash('sha256').update(await fs.readFile(f)).digest('hex');
async function write(f: MergeFile): Promise<string> {
  await fs.writeFile(file(f.name), await xlsxOf(f.grids));
  return file(f.name);
}
const gridsOf = async (f: string) => (await XlsxHost.fromBuffer(await fs.readFile(f), f)).readGrids();

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-merge-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('kaohe merge', () => {
  test('lists the conflicts with both values, files and cell, writes the rest, exits 1, and leaves every input as it was', async () => {
    const [master, one, two] = [await write(masterFile()), await write(groupOne()), await write(groupTwo())];
    const before = await Promise.all([master, one, two].map(sha));
    const io = capture();
    const code = await run(['merge', master, one, two, '--out', file('merged.xlsx'), '--report', file('r.json')], io);
    expect(io.stderr).toBe('');
    expect(code).toBe(1);
    expect(io.stdout).toContain('冲突 2 处，均未写入');
    expect(io.stdout).toMatch(/张庄村 {2}张庄村!E5 {2}落实领导包案制度情况,村主要领… 得分：第一组.xlsx 5；第二组.xlsx 4/);
    expect(io.stdout).toMatch(/陈楼村!E5 .*2024年度考核.xlsx 5；第一组.xlsx 4；第二组.xlsx 5/);
    expect(io.stdout).toMatch(/刘湾村\s+（无）\s+仍未评分/);
    expect(io.stdout).toMatch(/王庄村\s+第一组.xlsx、第二组.xlsx\s+多个副本评分/);
    expect(io.stdout).toContain('单位“李家庄”主表中没有，是否为“李家村”？');
    expect(io.stdout).toContain('扣分明细：新增 3 行，3 行主表已有');
    expect(await Promise.all([master, one, two].map(sha))).toEqual(before);

    const merged = await gridsOf(file('merged.xlsx'));
    const sheet = (n: string) => merged.find((g) => g.name === n)!;
    expect(sheet('张庄村').rows[21][4]).toBe(4);
    expect(sheet('张庄村').rows[4][4] ?? null).toBeNull();
    expect(sheet('陈楼村').rows[4][4]).toBe(5);
    expect(sheet('扣分明细').rows.length).toBe(5);
    const report = JSON.parse(await fs.readFile(file('r.json'), 'utf8'));
    expect(report.conflicts.map((c: { id: string }) => c.id)).toEqual(['张庄村!E5', '陈楼村!E5']);
    expect(report.plan).toBeUndefined();
  });

  test('--prefer resolves the conflicts; with nothing left open it exits 0, and merging again writes nothing new', async () => {
    const [master, one] = [await write(masterFile()), await write(groupOne())];
    const io = capture();
    expect(await run(['merge', master, one, '--out', file('merged.xlsx'), '--prefer', '第一组.xlsx'], io)).toBe(0);
    expect(io.stdout).toContain('已按指定文件处理的冲突 1 处');
    expect((await gridsOf(file('merged.xlsx'))).find((g) => g.name === '陈楼村')!.rows[4][4]).toBe(4);

    const again = capture();
    expect(await run(['merge', file('merged.xlsx'), one, '--out', file('again.xlsx'), '--prefer', one], again)).toBe(0);
    expect(again.stdout).toContain('没有需要写入的单元格');
    expect(again.stdout).toContain('扣分明细：没有新的行（3 行主表已有');
    expect(await gridsOf(file('again.xlsx'))).toEqual(await gridsOf(file('merged.xlsx')));
  });

  test('a copy whose table differs: refused with the differences, exit 2, nothing written', async () => {
    const [master, one, three] = [await write(masterFile()), await write(groupOne()), await write(groupThree())];
    const io = capture();
    expect(await run(['merge', master, one, three, '--out', file('merged.xlsx')], io)).toBe(2);
    expect(io.stdout).toContain('第三组.xlsx  未合并：评分表与主表不同（“查看会议记录,了解信访工作落实情况”分值 4 与 5 不同）');
    expect(io.stderr).toContain('有副本无法合并（第三组.xlsx）');
    await expect(fs.stat(file('merged.xlsx'))).rejects.toThrow();
  });

  test('the output may not be an input, even under another name (a hard link)', async () => {
    const [master, one] = [await write(masterFile()), await write(groupOne())];
    await fs.link(master, file('link.xlsx'));
    const before = await sha(master);
    const io = capture();
    expect(await run(['merge', master, one, '--out', file('link.xlsx')], io)).toBe(2);
    expect(io.stderr).toMatch(/--out .*link.xlsx 与主表 .* 是同一个文件（可能是链接）/);
    expect(await sha(master)).toBe(before);
  });

  test('bad arguments and unusable files: exit 2 with a Chinese message', async () => {
    const [master, one] = [await write(masterFile()), await write(groupOne())];
    const cases: [string[], RegExp][] = [
      [['merge', master, one], /请用 --out 指定合并后的文件/],
      [['merge', master, '--out', file('x.xlsx')], /请给出主表和至少一个副本/],
      [['merge', master, one, one, '--out', file('x.xlsx')], /是同一个文件/],
      [['merge', master, file('无此文件.xlsx'), '--out', file('x.xlsx')], /找不到文件/],
      [['merge', master, one, '--out', file('x.xlsx'), '--prefer', '第九组.xlsx'], /不是本次合并的文件/],
      [['merge', master, one, '--out', file('x.xlsx'), '--colour'], /参数有误：不认识的选项 --colour/],
      [['merge', master, one, '--out', file('x.xlsx'), '--report', one], /--report .*第一组.xlsx 与副本 .* 是同一个文件/],
    ];
    for (const [argv, message] of cases) {
      const io = capture();
      expect(await run(argv, io)).toBe(2);
      expect(io.stderr).toMatch(message);
    }
    await fs.writeFile(file('坏.xlsx'), 'not a workbook');
    const io = capture();
    expect(await run(['merge', master, file('坏.xlsx'), '--out', file('x.xlsx')], io)).toBe(2);
    expect(io.stderr).toContain('无法作为 .xlsx 工作簿打开');
  });
});
