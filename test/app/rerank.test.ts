/**
 * rerank: the pane's ranking under another 排名方式 / 一票否决, made from the result already read,
 * is exactly what scoring the workbook afresh with those settings gives — units, places, totals and
 * diagnostics alike.
 */
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { rerank, scoreAssessment, DEFAULT_SETTINGS } from '../../src/app/scoreAssessment';
import type { ScoreSettings } from '../../src/engine/model';
import { XlsxHost } from '../../src/host/xlsxHost';
import { addSeedSheet } from '../support/seedWorkbook';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'sample-2024.xlsx');
const COMBINATIONS: Pick<ScoreSettings, 'ranking' | 'veto'>[] = [
  { ranking: 'dense', veto: 'zero' },
  { ranking: 'dense', veto: 'last' },
  { ranking: 'competition', veto: 'zero' },
  { ranking: 'competition', veto: 'last' },
];

async function gridsOf(bytes: Uint8Array) {
  return (await XlsxHost.fromBuffer(bytes, 'w.xlsx')).readGrids();
}

test('on the sample (a tie, a veto, a blank and a wrong entry, records): every pair of settings', async () => {
  const grids = await gridsOf(new Uint8Array(await fs.readFile(SAMPLE)));
  for (const from of COMBINATIONS) {
    const first = scoreAssessment(grids, { ...DEFAULT_SETTINGS, ...from });
    for (const to of COMBINATIONS) {
      const fresh = scoreAssessment(grids, { ...DEFAULT_SETTINGS, ...to });
      expect(rerank(first, to)).toEqual(fresh);
    }
  }
});

test('typed totals: a vetoed unit whose typed total is its points disagrees only when the veto counts as 0', async () => {
  const wb = new ExcelJS.Workbook();
  const points = [5, 5, 5, 5, 30, 10, 5, 5, 5, 5, 5, 4, 6, 5];
  addSeedSheet(wb, '甲', { unit: '甲村', entries: points, total: 100, veto: '是' });
  addSeedSheet(wb, '乙', { unit: '乙村', entries: points.map((p) => p - 1), total: 86, veto: '否' });
  addSeedSheet(wb, '丙', { unit: '丙村', entries: points.map((p) => p - 1), total: 86, veto: '否' });
  const grids = await gridsOf(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const zero = scoreAssessment(grids, { ...DEFAULT_SETTINGS, veto: 'zero' });
  expect(zero.diagnostics.filter((d) => d.code === 'TOTAL_MISMATCH').map((d) => d.sheet)).toEqual(['甲']);
  const last = rerank(zero, { ranking: 'dense', veto: 'last' });
  expect(last.diagnostics.filter((d) => d.code === 'TOTAL_MISMATCH')).toEqual([]);
  expect(last).toEqual(scoreAssessment(grids, { ...DEFAULT_SETTINGS, veto: 'last' }));
  expect(rerank(last, { ranking: 'competition', veto: 'zero' })).toEqual(scoreAssessment(grids, { ...DEFAULT_SETTINGS, ranking: 'competition', veto: 'zero' }));
});
