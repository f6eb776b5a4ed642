/**
 * Requests Excel on the web accepts: the host's real plans — detect, then 计算排名 with every
 * output (总分, 汇总排名, a 签字评分表 and a 目标责任书 per unit, the 通报, the settings), written
 * twice (creating the sheets, then replacing them) — through Office.js's own request builder
 * (officeJsBridge.ts), for 10, 100 and 1,000 units of the seed table. Every request and every
 * response stays under 4 MB (Excel on the web refuses 5 MB), whatever the number of units.
 *
 * Not testable here: Excel's own response for a write (answered by the fake with reference ids
 * only), and the transport's envelope around the JSON (small).
 */
import { OfficeHost, REQUEST_LIMIT } from '../../src/host/officeHost';
import { everyOutput, seedUnits } from '../support/seedPlans';
import { officeJsWorkbook, type OfficeJsWorkbook, type WireRecord } from './officeJsBridge';

const over = (wire: WireRecord[]) => wire.filter((w) => w.request >= REQUEST_LIMIT || w.response >= REQUEST_LIMIT);

describe('every request through Office.js’s own builder is under 4 MB', () => {
  test.each([10, 100, 1000])(
    '%i units: detect, then every output written (and written again over itself)',
    async (n) => {
      const office: OfficeJsWorkbook = officeJsWorkbook(seedUnits(n));
      const host = new OfficeHost(office.run, () => true);
      const read = await host.readGrids();
      expect(read).toHaveLength(n + 1);
      const plan = everyOutput(read);
      // Each unit: its 总分, its signed sheet and its letter.
      expect(plan.cells).toHaveLength(n);
      expect(plan.sheets?.length).toBeGreaterThanOrEqual(2 * n + 2);

      await host.apply(plan);
      const sheets = office.book.sheets.map((s) => s.name);
      // Replacing what was generated: at 1,000 units once is enough for the harness's time (the bytes are the same).
      if (n <= 100) await host.apply(everyOutput(await host.readGrids()));

      expect(over(office.wire)).toEqual([]);
      // Replacing keeps every sheet in its place, and leaves no temporary sheet.
      expect(office.book.sheets.map((s) => s.name)).toEqual(sheets);
      expect(sheets.filter((s) => s.startsWith('~kaohe'))).toEqual([]);
      // Batches are full, not needlessly many: the bytes sent per round trip of a large plan.
      const writes = office.wire.filter((w) => w.request > 100_000);
      if (n === 1000) expect(writes.reduce((s, w) => s + w.request, 0) / writes.length).toBeGreaterThan(REQUEST_LIMIT / 2);
    },
    600_000,
  );
});
