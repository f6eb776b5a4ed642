/**
 * Part of `npm run bench`: the Office.js host on a workbook faked with office-addin-mock — the
 * context.sync round trips and the bytes of values sent per action, for 10, 100 and 1,000 units —
 * and the size of the pane's production bundle, gzipped. Target: round trips constant in the number
 * of units; pane JavaScript under 400 KB gzipped.
 */
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { gzipSync } from 'zlib';
import { onSitePlan, onSiteStart } from '../src/app/onSite';
import { scoreAssessment, totalsPlan } from '../src/app/scoreAssessment';
import { OfficeHost } from '../src/host/officeHost';
import { grid } from '../src/sheet/grid';
import { fakeExcel, installExcelEnums } from '../test/support/fakeExcel';
import { ITEM_POINTS, seed003 } from '../test/support/seed003';

installExcelEnums();

async function measure(n: number): Promise<string> {
  const grids = Array.from({ length: n }, (_, i) => {
    const s = seed003({ unit: `第${i + 1}村`, entries: ITEM_POINTS.map((p, k) => (k === i % 14 ? p - 0.5 : p)), veto: '否', total: null });
    return grid(s.rows, { name: `第${i + 1}村`, merges: s.merges });
  });
  const excel = fakeExcel(grids);
  const host = new OfficeHost(excel.run, () => true);
  let syncs = excel.syncs();
  const read = await host.readGrids();
  const detect = excel.syncs() - syncs;

  const result = scoreAssessment(read);
  syncs = excel.syncs();
  let bytes = excel.bytesWritten();
  await host.apply(totalsPlan(result));
  const rank = [excel.syncs() - syncs, excel.bytesWritten() - bytes];

  const table = result.units[0].table;
  const input = onSiteStart(table);
  input.items[0][0] = '4';
  input.items[3][5] = '3';
  syncs = excel.syncs();
  bytes = excel.bytesWritten();
  await host.apply(onSitePlan(table, input));
  const save = [excel.syncs() - syncs, excel.bytesWritten() - bytes];
  return `| ${n} | ${detect} | ${rank[0]} / ${rank[1]} B | ${save[0]} / ${save[1]} B |`;
}

async function main() {
  const rows = [];
  for (const n of [10, 100, 1000]) rows.push(await measure(n));
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
      'Office.js 宿主（office-addin-mock 模拟）：context.sync 次数 / 写入的数据量',
      '',
      '| 单位数 | 读取（检测） | 计算排名写总分 | 保存一个单位 |',
      '|---:|---:|---:|---:|',
      ...rows,
      '',
      `窗格生产包：${bundle}`,
      '',
    ].join('\n'),
  );
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exitCode = 1;
});
