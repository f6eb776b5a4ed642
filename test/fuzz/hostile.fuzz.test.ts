/**
 * npm run test:fuzz — issue 9's hostile files through the real command line, each in its own
 * process with its heap capped at 1 GB (issue 9: no input may take more) and killed if it has not
 * ended after KILL_AFTER_MS (a hang, not a speed limit: npm run bench measures time). The small
 * inputs are committed in test/fixtures/hostile/ (made by make.ts), the large ones — a million
 * rows, a gigabyte zip bomb — are made here in a temporary folder.
 *
 * For each: the exit code the case allows, a Chinese message saying why when it is refused, no
 * stack trace, Node text or 内部错误, and the input's bytes unchanged. FIFOs and /dev/zero are
 * covered by test/hostile/files.test.ts.
 */
import { execFile } from 'child_process';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { HOSTILE_INPUTS, type HostileInput } from '../fixtures/hostile/hostileInputs';
import { internals } from './checks';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'hostile');
const KILL_AFTER_MS = 120_000;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-hostile-files-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function kaohe(input: string, name: string): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  const args = ['--max-old-space-size=1024', path.join(ROOT, 'bin', 'kaohe.js'), 'score', input, '--out', path.join(dir, `${name}.副本.xlsx`), '--report', path.join(dir, `${name}.json`)];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { timeout: KILL_AFTER_MS, killSignal: 'SIGKILL', encoding: 'utf8', maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const e = error as (Error & { code?: number | string; signal?: string }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stdout, stderr });
    });
  });
}

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

// The committed files are frozen regression inputs (make.ts rewrites them from the sample of the day).
describe('the committed hostile files are there and small', () => {
  it.each(HOSTILE_INPUTS.filter((h) => h.committed).map((h) => [h.name, h] as const))('%s', async (_name, h) => {
    const committed = await fs.readFile(path.join(FIXTURES, h.name));
    expect(committed.length).toBeLessThan(100 * 1024);
  });
});

describe('each hostile file ends with a Chinese answer, within 1 GB of heap', () => {
  it.each(HOSTILE_INPUTS.map((h) => [h.name, h] as const))('%s', async (_name, h: HostileInput) => {
    const input = h.committed ? path.join(FIXTURES, h.name) : path.join(dir, h.name);
    if (!h.committed) await fs.writeFile(input, await h.make());
    const before = sha(await fs.readFile(input));
    const r = await kaohe(input, h.name);
    const printed = r.stdout + r.stderr;
    // One object, so a failure shows the whole picture: how it ended and what it said.
    // A signal: killed as a hang, or aborted by V8 when the heap passed 1 GB.
    expect({ signal: r.signal, exitAllowed: h.exits.includes(r.code as number), exit: r.code, internals: internals(printed) }).toEqual({ signal: null, exitAllowed: true, exit: r.code, internals: [] });
    if (h.says) expect(printed).toMatch(h.says);
    expect(sha(await fs.readFile(input))).toBe(before);
    if (!h.committed) await fs.rm(input, { force: true });
  });
});
