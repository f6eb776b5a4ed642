/**
 * Part of `npm run bench`: the Office.js host on a workbook faked with office-addin-mock
 * (test/host/mockWorkbook.ts) — the context.sync round trips and the bytes sent per action, for
 * 10, 100 and 1,000 units — and the size of the pane's production bundle, gzipped.
 * Target: round trips constant in the number of units; pane JavaScript under 400 KB gzipped.
 *
 * Actions: detect (readGrids), score + rank (the 总分 cells totalsPlan writes from
 * scoreAssessment), save one unit (its 14 entry cells). "Values" is the JSON of the values and
 * formulas written; "request" and "response" the JSON of all the queued actions and of what was
 * loaded, in UTF-8 bytes. Run: npx tsx scripts/benchOffice.ts
 */
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { gzipSync } from 'zlib';
import { scoreAssessment, totalsPlan } from '../src/app/scoreAssessment';
import type { WritePlan } from '../src/host/host';
import { OfficeHost, REQUEST_LIMIT } from '../src/host/officeHost';
import { grid } from '../src/sheet/grid';
import { mockWorkbook, type MockWorkbook } from '../test/host/mockWorkbook';
import { ITEM_POINTS, seed003 } from '../test/support/seed003';

interface Measured {
  syncs: number;
  request: number;
  response: number;
  values: number;
  largest: number;
}

/** What an action cost: its syncs and the bytes they carried. */
async function measure(book: MockWorkbook, action: () => Promise<unknown>): Promise<Measured> {
  const from = book.syncs.length;
  await action();
  const syncs = book.syncs.slice(from);
  const sum = (k: 'request' | 'response' | 'values') => syncs.reduce((n, s) => n + s[k], 0);
  return { syncs: syncs.length, request: sum('request'), response: sum('response'), values: sum('values'), largest: Math.max(0, ...syncs.map((s) => Math.max(s.request, s.response))) };
}

async function run(n: number): Promise<Measured[]> {
  const { entryCells } = seed003({ veto: '否', total: null });
  const grids = Array.from({ length: n }, (_, i) => {
    const s = seed003({ unit: `第${i + 1}村`, entries: ITEM_POINTS.map((p, k) => (k === i % 14 ? p - 0.5 : p)), veto: '否', total: null });
    return grid(s.rows, { name: `第${i + 1}村`, merges: s.merges });
  });
  const book = mockWorkbook(grids);
  const host = new OfficeHost(book.run, () => true);

  let read: Awaited<ReturnType<OfficeHost['readGrids']>> = [];
  const detect = await measure(book, async () => (read = await host.readGrids()));
  const totals = totalsPlan(scoreAssessment(read));
  if (totals.cells.length !== n) throw new Error(`expected ${n} 总分 cells, got ${totals.cells.length}`);
  const rank = await measure(book, () => host.apply(totals));
  const save: WritePlan = { cells: entryCells.map((cell, k) => ({ sheet: '第1村', cell, value: ITEM_POINTS[k] - 1 })) };
  const saved = await measure(book, () => host.apply(save));
  return [detect, rank, saved];
}

const kb = (bytes: number) => (bytes < 10_000 ? `${bytes} B` : bytes < 1_000_000 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

async function main() {
  const rows: string[] = [];
  for (const n of [10, 100, 1000]) {
    const [detect, rank, save] = await run(n);
    rows.push(
      `| ${n.toLocaleString('en')} | ${detect.syncs} / ${kb(detect.response)} | ${rank.syncs} / ${kb(rank.values)} (${kb(rank.request)}) | ${save.syncs} / ${kb(save.values)} (${kb(save.request)}) | ${kb(Math.max(detect.largest, rank.largest, save.largest))} |`,
    );
  }
  const dir = path.join(__dirname, '..', 'dist', 'pane');
  let bundle = '（先运行 npm run build）';
  try {
    const js = readdirSync(dir).filter((f) => f.endsWith('.js'));
    const gz = js.reduce((s, f) => s + gzipSync(readFileSync(path.join(dir, f))).length, 0);
    bundle = `${(gz / 1024).toFixed(0)} KB gzipped (${js.join(', ')})`;
  } catch {
    // not built
  }
  process.stdout.write(
    [
      '',
      'Office.js 宿主（office-addin-mock 模拟）：context.sync 次数 / 数据量',
      '读取：响应的数据量；写入：写入的值和公式（括号内为整个请求）',
      '',
      '| 单位数 | 读取（检测） | 计算排名写总分 | 保存一个单位（14 格） | 最大的一次请求或响应 |',
      '|---:|---:|---:|---:|---:|',
      ...rows,
      '',
      `每次请求或响应的上限：${kb(REQUEST_LIMIT)}（Excel 网页版拒绝超过 5 MB 的请求）；超过时读取分批，每批多一次往返。`,
      `窗格生产包：${bundle}`,
      '',
    ].join('\n'),
  );
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exitCode = 1;
});
