/**
 * Reading a sheet by its unit's part when it is laid out as the sheet before (readScoreTables
 * with a LayoutMemo) must give exactly what reading it in full gives. Checked on the sample and
 * on random variations of the seed 003 table.
 */
import fc from 'fast-check';
import path from 'path';
import { openWorkbookFile } from '../src/host/xlsxFile';
import { grid, type CellValue, type Grid } from '../src/sheet/grid';
import { readScoreTables, type LayoutMemo } from '../src/sheet/readScoreTable';
import { seed003 } from './support/seed003';

const strip = (r: ReturnType<typeof readScoreTables>) => ({ tables: r.tables, diagnostics: r.diagnostics, skippedBecause: r.skippedBecause });

test('the sample’s unit sheets: reused layouts read the same as full readings', async () => {
  const grids = await (await openWorkbookFile(path.join(__dirname, '..', 'examples', 'sample-2024.xlsx'))).readGrids();
  const layouts: LayoutMemo[] = [];
  let reused = 0;
  for (const g of grids) {
    const fast = readScoreTables(g, layouts);
    if (fast.memo && layouts.includes(fast.memo)) reused++;
    else if (fast.memo) layouts.unshift(fast.memo);
    expect(strip(fast)).toEqual(strip(readScoreTables(g)));
  }
  // Ten unit sheets in a few blank patterns: most are read by their unit's part.
  expect(reused).toBeGreaterThanOrEqual(5);
});

const entryValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -2, max: 35 }),
  fc.constantFrom('５', '5分', '+1', '－1', '好', '', ' ', '#REF!'),
  fc.constant({ error: '#VALUE!' }),
  fc.double({ min: 0, max: 10, noNaN: true }),
);

function variant(entries: CellValue[], adjustments: CellValue[], veto: CellValue, total: CellValue, unit: string, name: string, extra?: [number, number, CellValue]): Grid {
  const s = seed003({ unit, entries, adjustments, veto, total, date: '2024年12月20日' });
  const rows = s.rows.map((r) => [...r]);
  if (extra) {
    while (rows.length <= extra[0]) rows.push([]);
    rows[extra[0]][extra[1]] = extra[2];
  }
  for (const row of rows) for (let c = 0; c < row.length; c++) row[c] ??= null;
  return grid(rows, { name, merges: s.merges });
}

test('random entries, units and stray edits: reading with the memo always equals the full reading', () => {
  let reusedRuns = 0;
  fc.assert(
    fc.property(
      fc.array(entryValue, { minLength: 14, maxLength: 14 }),
      fc.array(entryValue, { minLength: 8, maxLength: 8 }),
      fc.constantFrom<CellValue>('是', '否', null, '也许'),
      entryValue,
      fc.constantFrom('李家村', '', '王 庄村'),
      fc.option(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 5 }), fc.constantFrom<CellValue>('分值', '考核内容', '单位：其他村', 3, null, '备注')), { freq: 1 }),
      (entries, adjustments, veto, total, unit, extra) => {
        // The remembered sheet has the same blank cells, other values: the layouts match unless `extra` broke it.
        const other = (v: CellValue) => (v === null || (typeof v === 'string' && v.trim() === '') ? v : 1);
        const memo = readScoreTables(variant(entries.map(other), adjustments.map(other), other(veto), other(total), '张庄村', '张庄村')).memo;
        const g = variant(entries, adjustments, veto, total, unit, '第二张', extra ?? undefined);
        const fast = readScoreTables(g, memo ? [memo] : []);
        if (fast.memo === memo && memo) reusedRuns++;
        expect(strip(fast)).toEqual(strip(readScoreTables(g)));
      },
    ),
    { seed: 20261122, numRuns: 300 },
  );
  // The property is worth something only if the shortcut was taken in most runs.
  expect(reusedRuns).toBeGreaterThan(120);
});
