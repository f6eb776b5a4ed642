/**
 * npm run bench (third part): time and peak memory of `kaohe score` on the worst hostile inputs
 * of issue 9 (test/fixtures/hostile/hostileInputs.ts, plus a FIFO and /dev/zero). Issue 9 says
 * none may exceed 1 GB or 30 s; this prints the numbers and flags those over, it does not fail.
 * Each run is its own process, its peak memory read from /proc (VmHWM, Linux), its heap capped at
 * 2 GB and killed after 90 s, so a hole shows as "over" instead of taking the machine.
 *
 *   npm run build:cli && npx tsx scripts/benchHostile.ts [name-filter]
 */
import { execFileSync, spawn } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { writeHostileInputs } from '../test/fixtures/hostile/hostileInputs';

const ROOT = path.join(__dirname, '..');
const KILL_AFTER_S = 90;
const LIMIT_MB = 1024;
const LIMIT_S = 30;

interface Measure {
  name: string;
  seconds: number;
  rssMb: number;
  exit: string;
  said: string;
}

/** Peak resident memory so far of a running process, in MB (Linux: VmHWM in /proc). */
function peakMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** One run in its own process: wall time, peak memory (polled every 50 ms), exit, first Chinese line. */
function measure(name: string, input: string, work: string): Promise<Measure> {
  const args = ['--max-old-space-size=2048', path.join(ROOT, 'bin', 'kaohe.js'), 'score', input, '--out', path.join(work, `${name}.out.xlsx`), '--report', path.join(work, `${name}.json`)];
  return new Promise((resolve) => {
    const t = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let printed = '';
    child.stdout.on('data', (c: Buffer) => void (printed += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => void (printed = c.toString('utf8') + printed));
    let peak = 0;
    const poll = setInterval(() => (peak = Math.max(peak, peakMb(child.pid as number))), 50);
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, KILL_AFTER_S * 1000);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - t) / 1e9;
      const lines = printed.split('\n').map((l) => l.trim()).filter(Boolean);
      const said = (lines.find((l) => /[\u4e00-\u9fff]/.test(l) && !/^名次|^─/.test(l)) ?? lines[0] ?? '').slice(0, 60);
      resolve({ name, seconds, rssMb: peak, exit: killed ? 'killed' : signal ? signal : String(code), said: said.replace(work, '…') });
    });
  });
}

function main() {
  const filter = process.argv[2];
  const work = mkdtempSync(path.join(os.tmpdir(), 'kaohe-bench-hostile-'));
  const results: Measure[] = [];
  return writeHostileInputs(path.join(work, 'in'), (h) => !filter || h.name.includes(filter))
    .then(async (written) => {
      for (const [h, file] of written) {
        process.stdout.write(`… ${h.name}: ${h.what}\n`);
        results.push(await measure(h.name, file, work));
        rmSync(file, { force: true });
      }
      if (!filter || 'fifo'.includes(filter)) {
        const fifo = path.join(work, 'pipe.xlsx');
        execFileSync('mkfifo', [fifo]);
        results.push(await measure('fifo', fifo, work));
      }
      if (!filter || 'dev-zero'.includes(filter)) results.push(await measure('dev-zero', '/dev/zero', work));
      const w = Math.max(...results.map((r) => r.name.length));
      process.stdout.write(`\nkaohe score on hostile inputs (limits: ${LIMIT_MB} MB, ${LIMIT_S} s; heap capped at 2 GB, killed after ${KILL_AFTER_S} s)\n`);
      process.stdout.write(`${'input'.padEnd(w)}  ${'time s'.padStart(7)}  ${'peak MB'.padStart(8)}  exit    message\n`);
      for (const r of results) {
        const over = r.seconds > LIMIT_S || r.rssMb > LIMIT_MB || r.exit === 'killed' ? '  ← OVER' : '';
        process.stdout.write(`${r.name.padEnd(w)}  ${r.seconds.toFixed(1).padStart(7)}  ${r.rssMb.toFixed(0).padStart(8)}  ${r.exit.padEnd(6)}  ${r.said}${over}\n`);
      }
      const worst = results.filter((r) => r.seconds > LIMIT_S || r.rssMb > LIMIT_MB || r.exit === 'killed');
      process.stdout.write(worst.length ? `\n${worst.length} input(s) over the limits: ${worst.map((r) => r.name).join(', ')}\n` : '\nAll within the limits.\n');
    })
    .finally(() => rmSync(work, { recursive: true, force: true }));
}

void main();
