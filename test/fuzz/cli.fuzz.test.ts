/**
 * npm run test:fuzz — issue 9, item 10: fast-check builds workbooks from random mutations of the
 * bundled sample and runs the real command line (bin/kaohe.js over dist/, built by the npm script)
 * on each with --out and --report into a temporary folder. For every run:
 *  - it ends (a hang is killed after RUN_TIMEOUT_MS and fails the property);
 *  - the exit code is 0, 1 or 2, and a run that exits 0 or 1 has written the copy and the report;
 *  - stdout and stderr hold no stack trace, Node error code, 内部错误, control character or English
 *    (see checks.ts for what counts as English);
 *  - the input's bytes are unchanged;
 *  - every cell the user typed, in every sheet that is not the add-in's own, is unchanged in the copy;
 *  - no 信访人 or 事由 value of the ledger appears in stdout, stderr, the report or a generated sheet.
 *
 * Fixed seed and a time budget, both overridable:
 *   FUZZ_SEED=123 FUZZ_RUNS=500 FUZZ_BUDGET_S=1200 npm run test:fuzz
 * A failure prints the seed, the path to replay it and the shrunk list of mutations; the
 * failing input is kept in FUZZ_KEEP (default: a kaohe-fuzz-failures folder in the system's temp dir).
 */
import { execFile } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { applyMutations, mutations, type Mutation } from './mutations';
import { english, generatedSheets, internals, latinWordsOf, leaks, secrets, textsOf, typedCellsChanged, cellText } from './checks';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'examples', 'sample-2024.xlsx');
const BIN = path.join(ROOT, 'bin', 'kaohe.js');
const SEED = Number(process.env.FUZZ_SEED ?? 20241220);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_S ?? 150) * 1000;
/** Far above a normal run (about 1 s); a run still going after this is a hang. */
const RUN_TIMEOUT_MS = 60_000;
const KEEP = process.env.FUZZ_KEEP ?? path.join(os.tmpdir(), 'kaohe-fuzz-failures');

interface Outcome {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** The command line as a user runs it, in its own process, killed when it does not end. */
function kaohe(args: string[], cwd: string): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, timeout: RUN_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 64 << 20, encoding: 'utf8' }, (error, stdout, stderr) => {
      const e = error as (Error & { code?: number | string; signal?: string }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stdout, stderr });
    });
  });
}

const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');

async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

let sampleBytes: Buffer;
/** The product's own words on the plain sample: a ledger value found there is not a leak. */
let vocabulary = '';

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) {
    throw new Error('dist/cli/main.js is missing: run the suite with `npm run test:fuzz` (it builds the CLI first).');
  }
  sampleBytes = await fs.readFile(SAMPLE);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-fuzz-'));
  try {
    await fs.copyFile(SAMPLE, path.join(dir, '输入.xlsx'));
    const r = await kaohe(['score', '输入.xlsx', '--out', '副本.xlsx', '--report', '报告.json'], dir);
    expect(r.code).toBe(1);
    vocabulary = r.stdout + r.stderr + (await fs.readFile(path.join(dir, '报告.json'), 'utf8'));
    const copy = await readXlsx(path.join(dir, '副本.xlsx'));
    vocabulary += textsOf(copy).join('\n');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

/** Everything that went wrong in one run, as sentences; empty when every property holds. */
async function check(list: Mutation[]): Promise<string[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-fuzz-'));
  const problems: string[] = [];
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sampleBytes as unknown as ArrayBuffer);
    applyMutations(wb, list);
    const input = path.join(dir, '输入.xlsx');
    await wb.xlsx.writeFile(input);
    // The input as the command line will read it (ExcelJS's writing normalises some values).
    const typed = await readXlsx(input);
    const before = await sha(input);
    const userWords = latinWordsOf(textsOf(typed));
    const privateValues = secrets(typed, vocabulary);

    const r = await kaohe(['score', '输入.xlsx', '--out', '副本.xlsx', '--report', '报告.json'], dir);
    if (r.signal || r.code === null) {
      problems.push(`did not end within ${RUN_TIMEOUT_MS / 1000} s (signal ${r.signal})`);
      return problems;
    }
    if (![0, 1, 2].includes(r.code)) problems.push(`exit code ${r.code}`);
    const printed = r.stdout + r.stderr;
    for (const p of internals(printed)) problems.push(`output: ${p}`);
    const words = english(printed, userWords, [dir]);
    if (words.length) problems.push(`English on the terminal: ${JSON.stringify([...new Set(words)].slice(0, 8))}`);
    if ((await sha(input)) !== before) problems.push('the input file changed');

    const outFile = path.join(dir, '副本.xlsx');
    const reportFile = path.join(dir, '报告.json');
    const hasCopy = existsSync(outFile);
    const hasReport = existsSync(reportFile);
    if (r.code !== 2 && !hasCopy) problems.push(`exit ${r.code} but no copy was written`);
    if (r.code !== 2 && !hasReport) problems.push(`exit ${r.code} but no report was written`);

    const report = hasReport ? await fs.readFile(reportFile, 'utf8') : '';
    for (const [where, text] of [['the terminal', printed], ['the report', report]] as const) {
      const found = leaks(text, privateValues);
      if (found.length) problems.push(`ledger value(s) ${JSON.stringify(found)} in ${where}`);
    }
    if (hasCopy) {
      let copy: ExcelJS.Workbook | null = null;
      try {
        copy = await readXlsx(outFile);
      } catch (e) {
        problems.push(`the copy cannot be opened again: ${(e as Error).message}`);
      }
      if (copy) {
        for (const p of typedCellsChanged(typed, copy)) problems.push(`typed cell lost or changed: ${p}`);
        for (const ws of generatedSheets(typed, copy)) {
          const found = leaks(sheetText(ws), privateValues);
          if (found.length) problems.push(`ledger value(s) ${JSON.stringify(found)} in the generated sheet “${ws.name}”`);
        }
      }
    }
    if (problems.length) {
      await fs.mkdir(KEEP, { recursive: true });
      const kept = path.join(KEEP, `fuzz-${before.slice(0, 12)}.xlsx`);
      await fs.copyFile(input, kept);
      problems.push(`input kept as ${kept}`, `stdout: ${r.stdout.slice(-1500)}`, `stderr: ${r.stderr.slice(-1500)}`);
    }
    return problems;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function sheetText(ws: ExcelJS.Worksheet): string {
  const texts: string[] = [ws.name];
  ws.eachRow({ includeEmpty: false }, (r) => r.eachCell({ includeEmpty: false }, (c) => void texts.push(cellText(c.value))));
  return texts.join('\n');
}

it(`kaohe score holds its promises on mutated samples (seed ${SEED}, at most ${RUNS} runs or ${BUDGET_MS / 1000} s)`, async () => {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(mutations, async (list) => {
      runs++;
      const problems = await check(list);
      if (problems.length) throw new Error(problems.join('\n'));
    }),
    { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: BUDGET_MS, markInterruptAsFailure: false, verbose: 1 },
  );
  // The budget must leave room for real coverage: a suite that ran three cases proves little.
  expect(runs).toBeGreaterThanOrEqual(Math.min(RUNS, 10));
  process.stdout.write(`fuzz: ${runs} runs of kaohe score, seed ${SEED}\n`);
});
