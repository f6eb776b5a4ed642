/**
 * Issue 9, files and the terminal: the input is never overwritten (links count), writes are
 * all-or-nothing, failures are said in Chinese, only regular files are read, and a cell's control
 * characters never reach the terminal — nor are they lost from the copy.
 */
import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { terminalSafe } from '../../src/cli/terminal';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'sample-2024.xlsx');

function capture() {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}
const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');
/** No stack trace, no Node or library English: what the user sees is Chinese. */
const noInternals = (text: string) => {
  expect(text).not.toMatch(/\n\s+at |Error:|ERR_[A-Z_]+|E[A-Z]{3,}:|undefined|Cannot |Invalid /);
};

let dir: string;
let input: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-hostile-'));
  input = path.join(dir, 'a.xlsx');
  await fs.copyFile(SAMPLE, input);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the input is never a destination: compared by identity, not by path', () => {
  const cases: [string, () => Promise<string[]>][] = [
    ['--report onto the input', async () => ['--report', input]],
    ['--out through a symlink to the input', async () => {
      const link = path.join(dir, 'b.xlsx');
      await fs.symlink(input, link);
      return ['--out', link];
    }],
    ['--out through a hard link to the input', async () => {
      const link = path.join(dir, 'hard.xlsx');
      await fs.link(input, link);
      return ['--out', link];
    }],
    ['--out spelled another way (./, ..)', async () => ['--out', path.join(dir, '.', 'x', '..', 'a.xlsx')]],
    ['--pdf onto the input', async () => ['--pdf', input]],
  ];
  it.each(cases)('%s: refused, exit 2, the input’s bytes unchanged', async (_what, args) => {
    const before = await sha(input);
    const io = capture();
    expect(await run(['score', input, ...(await args())], io)).toBe(2);
    expect(io.stderr).toMatch(/同一个文件|不是文件夹/);
    noInternals(io.stderr);
    expect(await sha(input)).toBe(before);
  });

  it('--out and --report naming the same file: refused instead of one silently replacing the other', async () => {
    const io = capture();
    const same = path.join(dir, 'same.xlsx');
    expect(await run(['score', input, '--out', same, '--report', same], io)).toBe(2);
    expect(io.stderr).toContain('--out 和 --report 指向同一个文件');
    await expect(fs.access(same)).rejects.toThrow();
  });
});

describe('a write that fails says why in Chinese and leaves the old file whole', () => {
  it.each([
    ['a folder', async () => {
      const d = path.join(dir, 'folder.xlsx');
      await fs.mkdir(d);
      return d;
    }, '文件夹'],
    ['a path through a file', async () => path.join(input, 'out.xlsx'), '路径'],
    ['a 300-character name', async () => path.join(dir, `${'长'.repeat(300)}.xlsx`), '太长'],
  ])('--out to %s: exit 2, no trace, no temporary file left', async (_what, target, words) => {
    const io = capture();
    expect(await run(['score', input, '--out', await target()], io)).toBe(2);
    expect(io.stderr).toContain('无法写入副本');
    expect(io.stderr).toContain(words);
    noInternals(io.stderr);
    expect((await fs.readdir(dir)).filter((f) => f.includes('kaohe-') && f.endsWith('.tmp'))).toEqual([]);
  });

  it('--report to a folder: exit 2 with the reason', async () => {
    const io = capture();
    expect(await run(['score', input, '--report', dir], io)).toBe(2);
    expect(io.stderr).toContain('无法写入报告');
    noInternals(io.stderr);
  });

  it('replacing an existing copy goes through a temporary file: the old copy is whole until the new one is', async () => {
    const out = path.join(dir, 'scored.xlsx');
    await fs.writeFile(out, 'old copy');
    const io = capture();
    expect(await run(['score', input, '--out', out], io)).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('张庄村')).toBeDefined();
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('only regular files of a sane size are read', () => {
  it('a FIFO is refused at once instead of blocking forever', async () => {
    const fifo = path.join(dir, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    const io = capture();
    expect(await run(['score', fifo], io)).toBe(2);
    expect(io.stderr).toContain('不是普通文件');
  });

  it('/dev/zero is refused instead of read forever', async () => {
    const io = capture();
    expect(await run(['score', '/dev/zero'], io)).toBe(2);
    expect(io.stderr).toContain('不是普通文件');
  });

  it('a file over 50 MB is refused by its size, before it is read', async () => {
    const big = path.join(dir, 'big.xlsx');
    const handle = await fs.open(big, 'w');
    await handle.truncate(51 * 1024 * 1024);
    await handle.close();
    const io = capture();
    expect(await run(['score', big], io)).toBe(2);
    expect(io.stderr).toContain('文件太大');
  });
});

describe('arguments are explained in Chinese, never in Node’s words', () => {
  it.each([
    [['score', SAMPLE, '--prefer', 'x'], '不认识的选项 --prefer'],
    [['score', SAMPLE, '--out'], '选项 --out 后面缺少值'],
    [['score', SAMPLE, '-q'], '不认识的选项 -q'],
  ])('%j', async (args, message) => {
    const io = capture();
    expect(await run(args, io)).toBe(2);
    expect(io.stderr).toContain(message);
    noInternals(io.stderr);
    expect(io.stderr).not.toMatch(/Unknown option|argument missing/);
  });
});

describe('control characters in cells', () => {
  it('are shown as visible symbols on a terminal', () => {
    expect(terminalSafe('张庄村\u001b[2J\u0007\n')).toBe('张庄村␛[2J␇\n');
    expect(terminalSafe('第一行\n\t第二行')).toBe('第一行\n\t第二行');
  });

  it('reach the terminal only as symbols, and the copy keeps them in the user’s cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const ws = wb.getWorksheet('刘湾村') as ExcelJS.Worksheet;
    // Written in OOXML's escaped form, as Excel stores ESC and BEL (ExcelJS would drop the raw characters).
    ws.getCell('E5').value = '_x001B_[2J五_x0007_';
    ws.getCell('A40').value = '备注：_x005F_x0041_ 原样保留';
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, 'scored.xlsx');
    // The real process's output, as a terminal gets it.
    const main = JSON.stringify(path.join(__dirname, '..', '..', 'src', 'cli', 'main.ts'));
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', `require(${main}).main(process.argv.slice(1))`, 'score', input, '--out', out], { encoding: 'utf8', cwd: path.join(__dirname, '..', '..') });
    expect(child.status).toBe(1);
    const printed = child.stdout + child.stderr;
    // eslint-disable-next-line no-control-regex
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(printed).toContain('␛[2J五␇');
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    expect(copy.getWorksheet('刘湾村')?.getCell('E5').value).toBe('\u001b[2J五\u0007');
    expect(copy.getWorksheet('刘湾村')?.getCell('A40').value).toBe('备注：_x0041_ 原样保留');
  });
});

describe('a PDF asked for and not produced makes the run fail, with the reason in Chinese', () => {
  const saved = { soffice: process.env.KAOHE_SOFFICE, timeout: process.env.KAOHE_LIBREOFFICE_TIMEOUT_S };
  afterEach(() => {
    for (const [key, value] of [['KAOHE_SOFFICE', saved.soffice], ['KAOHE_LIBREOFFICE_TIMEOUT_S', saved.timeout]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
  /** A stand-in for soffice that does what the script says. */
  const fake = async (script: string) => {
    const file = path.join(dir, 'soffice');
    await fs.writeFile(file, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
    process.env.KAOHE_SOFFICE = file;
  };

  it('a LibreOffice that never finishes: named as a timeout, exit 2', async () => {
    await fake('sleep 30');
    process.env.KAOHE_LIBREOFFICE_TIMEOUT_S = '1';
    const io = capture();
    expect(await run(['score', input, '--pdf', path.join(dir, 'pdf')], io)).toBe(2);
    expect(io.stderr).toContain('1 秒内没有完成生成 PDF（超时）');
    noInternals(io.stderr);
  });

  it('a LibreOffice that fails: exit 2 with its exit code, not its English output', async () => {
    await fake('echo "javaldx: Could not find a Java Runtime Environment!" >&2; exit 3');
    const io = capture();
    expect(await run(['score', input, '--pdf', path.join(dir, 'pdf')], io)).toBe(2);
    expect(io.stderr).toContain('LibreOffice 未能生成 PDF（退出码 3）');
    expect(io.stderr).not.toContain('javaldx');
  });
});
