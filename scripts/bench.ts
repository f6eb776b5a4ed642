/**
 * npm run bench: measures the command line on generated workbooks of 50, 300 and 1,000 units.
 * For each size it prints the time to read the file alone (ExcelJS load), the time for the
 * whole `kaohe score` run (read, validate, score, rank, report), their ratio, and the peak
 * memory of each. Each measurement runs in its own Node process (so peak memory is its own)
 * and is repeated; the median is shown. Target: the whole run costs at most 1.5× the bare
 * read, and grows linearly with the number of units.
 *
 *   npm run bench            # 50, 300, 1000 units
 *   npm run bench -- 50 100  # other sizes
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { writeBenchWorkbook } from '../test/support/seedWorkbook';

const ROOT = path.join(__dirname, '..');
const REPEAT = 3;

// Child programs: each prints { ms, rssMb } for one measurement.
const READ_ONLY = `
const ExcelJS = require('exceljs');
const t = process.hrtime.bigint();
const wb = new ExcelJS.Workbook();
wb.xlsx.readFile(process.argv[1]).then(() => {
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024 }));
});`;

const WHOLE_RUN = `
const { run } = require('./dist/cli/main.js');
const t = process.hrtime.bigint();
run(['score', process.argv[1], '--report', process.argv[2]], { out: () => {}, err: () => {} }).then((code) => {
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, code }));
});`;

function measure(program: string, args: string[]): { ms: number; rssMb: number } {
  const runs = Array.from({ length: REPEAT }, () => {
    const out = execFileSync(process.execPath, ['-e', program, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
    return JSON.parse(out.trim().split('\n').pop() as string) as { ms: number; rssMb: number };
  });
  runs.sort((a, b) => a.ms - b.ms);
  return { ms: runs[Math.floor(REPEAT / 2)].ms, rssMb: Math.max(...runs.map((r) => r.rssMb)) };
}

async function main() {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kaohe-bench-'));
  const rows: string[] = [];
  try {
    for (const n of sizes.length ? sizes : [50, 300, 1000]) {
      const file = path.join(dir, `units-${n}.xlsx`);
      await writeBenchWorkbook(n, file);
      const read = measure(READ_ONLY, [file]);
      const whole = measure(WHOLE_RUN, [file, path.join(dir, `report-${n}.json`)]);
      rows.push(
        `| ${n} | ${read.ms.toFixed(0)} | ${whole.ms.toFixed(0)} | ${(whole.ms / read.ms).toFixed(2)} | ` +
          `${(whole.ms / n).toFixed(1)} | ${read.rssMb.toFixed(0)} | ${whole.rssMb.toFixed(0)} |`,
      );
      process.stderr.write(`${n} 个单位：完成\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(
    [
      `kaohe score 基准（Node ${process.version}，${os.cpus().length} 核；每项取 ${REPEAT} 次的中位数）`,
      '',
      '| 单位数 | 仅读取文件 ms | 完整 score ms | 比值 | 每单位 ms | 读取峰值内存 MB | score 峰值内存 MB |',
      '|---:|---:|---:|---:|---:|---:|---:|',
      ...rows,
      '',
    ].join('\n'),
  );
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exitCode = 1;
});
