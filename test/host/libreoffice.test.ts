/**
 * How a LibreOffice run fails, with a stand-in soffice (a shell script) so it needs no LibreOffice:
 * a timeout is named as one, a failure gives LibreOffice's meaningful line (not its javaldx
 * warning), and a PDF folder that is an existing file is refused, never replaced.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { convertWithLibreOffice } from '../../src/host/libreoffice';

let dir: string;
const saved = process.env.KAOHE_SOFFICE;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-lo-fake-'));
});
afterEach(async () => {
  process.env.KAOHE_SOFFICE = saved;
  if (saved === undefined) delete process.env.KAOHE_SOFFICE;
  await fs.rm(dir, { recursive: true, force: true });
});

async function fakeSoffice(script: string): Promise<void> {
  const file = path.join(dir, 'soffice');
  await fs.writeFile(file, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  process.env.KAOHE_SOFFICE = file;
}

test('a run that does not finish in time is stopped and reported as a timeout, in Chinese', async () => {
  await fakeSoffice('exec sleep 30');
  await expect(convertWithLibreOffice([path.join(dir, 'a.xlsx')], 'pdf', path.join(dir, 'pdf'), 300)).rejects.toThrow(/没有完成生成 PDF（超时），已停止/);
});

test('a failing run reports its exit code and its last meaningful line, not the javaldx warning', async () => {
  await fakeSoffice('echo "Error: source file could not be loaded" >&2; echo "javaldx: Could not find a Java Runtime Environment!" >&2; exit 1');
  const failure = convertWithLibreOffice([path.join(dir, 'a.xlsx')], 'pdf', path.join(dir, 'pdf'));
  await expect(failure).rejects.toThrow('LibreOffice 未能生成 PDF（退出码 1）：Error: source file could not be loaded');
});

test('a run that writes nothing is an error naming the missing file', async () => {
  await fakeSoffice('exit 0');
  await expect(convertWithLibreOffice([path.join(dir, '张庄村签字表.xlsx')], 'pdf', path.join(dir, 'pdf'))).rejects.toThrow('LibreOffice 没有生成 张庄村签字表.pdf');
});

test('--pdf onto an existing file is refused and the file kept', async () => {
  await fakeSoffice('exit 0');
  const file = path.join(dir, 'out.pdf');
  await fs.writeFile(file, 'mine');
  await expect(convertWithLibreOffice([path.join(dir, 'a.xlsx')], 'pdf', file)).rejects.toThrow(/是一个已有的文件，不是文件夹/);
  expect(await fs.readFile(file, 'utf8')).toBe('mine');
});

test('the results are moved into the folder, replacing an older PDF of the same name', async () => {
  // The stand-in writes <name>.pdf into the --outdir it is given, as LibreOffice does.
  await fakeSoffice('while [ "$1" != "--outdir" ]; do shift; done; out="$2"; shift 2; for f in "$@"; do b=$(basename "$f" .xlsx); echo new > "$out/$b.pdf"; done');
  const pdf = path.join(dir, 'pdf');
  await fs.mkdir(pdf);
  await fs.writeFile(path.join(pdf, 'a.pdf'), 'old');
  expect(await convertWithLibreOffice([path.join(dir, 'a.xlsx')], 'pdf', pdf)).toEqual([path.join(pdf, 'a.pdf')]);
  expect((await fs.readFile(path.join(pdf, 'a.pdf'), 'utf8')).trim()).toBe('new');
});
