/**
 * Part of `npm run bench`: the Office.js host through Office.js's own request builder (the Excel
 * on the web library of @microsoft/office-js) in front of the fake workbook
 * (test/host/officeJsBridge.ts) — the round trips and the real bytes of every request and
 * response, for 10, 100 and 1,000 units — and the size of the pane's production bundle, gzipped.
 * Targets: round trips of a read constant in the number of units; every request and response
 * under 4 MB (Excel on the web refuses 5 MB); pane JavaScript under 400 KB gzipped.
 *
 * Actions: detect (readGrids), score + rank (the 总分 cells), every output (总分 and all the
 * generated sheets, as the pane's 计算排名 writes them), save one unit (its 14 entry cells).
 * Bytes are UTF-8 of the JSON Office.js sends and parses. Run: npx tsx scripts/benchOffice.ts
 */
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { gzipSync } from 'zlib';
import { scoreAssessment, totalsPlan } from '../src/app/scoreAssessment';
import type { WritePlan } from '../src/host/host';
import { OfficeHost, REQUEST_LIMIT } from '../src/host/officeHost';
import { officeJsWorkbook, type OfficeJsWorkbook } from '../test/host/officeJsBridge';
import { everyOutput, seedUnits } from '../test/support/seedPlans';
import { ITEM_POINTS, seed003 } from '../test/support/seed003';

interface Measured {
  syncs: number;
  request: number;
  response: number;
  values: number;
  largest: number;
}

/** What an action cost: its round trips and the real bytes they carried (Excel.run's own cleanup request included). */
async function measure(office: OfficeJsWorkbook, action: () => Promise<unknown>): Promise<Measured> {
  const from = office.wire.length;
  await action();
  const syncs = office.wire.slice(from);
  const sum = (k: 'request' | 'response') => syncs.reduce((n, s) => n + s[k], 0);
  return { syncs: syncs.length, request: sum('request'), response: sum('response'), values: 0, largest: Math.max(0, ...syncs.map((s) => Math.max(s.request, s.response))) };
}

async function run(n: number): Promise<Measured[]> {
  const { entryCells } = seed003({ veto: '否', total: null });
  const office = officeJsWorkbook(seedUnits(n));
  const host = new OfficeHost(office.run, () => true);

  let read: Awaited<ReturnType<OfficeHost['readGrids']>> = [];
  const detect = await measure(office, async () => (read = await host.readGrids()));
  const totals = totalsPlan(scoreAssessment(read));
  if (totals.cells.length !== n) throw new Error(`expected ${n} 总分 cells, got ${totals.cells.length}`);
  const rank = await measure(office, () => host.apply(totals));
  const outputs = await measure(office, () => host.apply(everyOutput(read)));
  const save: WritePlan = { cells: entryCells.map((cell, k) => ({ sheet: '第1村', cell, value: ITEM_POINTS[k] - 1 })) };
  const saved = await measure(office, () => host.apply(save));
  return [detect, rank, outputs, saved];
}

const kb = (bytes: number) => (bytes < 10_000 ? `${bytes} B` : bytes < 1_000_000 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

async function main() {
  const rows: string[] = [];
  for (const n of [10, 100, 1000]) {
    const [detect, rank, outputs, save] = await run(n);
    const largest = Math.max(detect.largest, rank.largest, outputs.largest, save.largest);
    if (largest >= REQUEST_LIMIT) throw new Error(`${n} 个单位：有一次请求或响应达到 ${kb(largest)}，超过上限`);
    rows.push(
      `| ${n.toLocaleString('en')} | ${detect.syncs} / ${kb(detect.request)} / ${kb(detect.response)} | ${rank.syncs} / ${kb(rank.request)} | ${outputs.syncs} / ${kb(outputs.request)} | ${save.syncs} / ${kb(save.request)} | ${kb(largest)} |`,
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
      'Office.js 宿主（Office.js 自己的请求构造器 + 模拟工作簿）：往返次数 / 实际字节数（UTF-8 JSON）',
      '读取：往返 / 请求 / 响应；写入：往返 / 请求合计（含 Excel.run 结束时的清理请求）',
      '',
      '| 单位数 | 读取（检测） | 写总分 | 写总分并生成全部输出 | 保存一个单位（14 格） | 最大的一次请求或响应 |',
      '|---:|---:|---:|---:|---:|---:|',
      ...rows,
      '',
      `每次请求或响应的上限：${kb(REQUEST_LIMIT)}（Excel 网页版拒绝超过 5 MB 的请求）；超过时分批，每批多一次往返。`,
      `窗格生产包：${bundle}`,
      '',
    ].join('\n'),
  );
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exitCode = 1;
});
