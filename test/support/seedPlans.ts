/** Workbooks of n seed-table units and the plans the pane writes on them: for the request-size test and the benchmark. */
import { outputsPlan } from '../../src/app/outputs';
import { scoreAssessment, totalsPlan } from '../../src/app/scoreAssessment';
import { readSettings } from '../../src/app/settings';
import type { WritePlan } from '../../src/host/host';
import { grid, type Grid } from '../../src/sheet/grid';
import { ITEM_POINTS, seed003 } from './seed003';

/** n units of the seed table (one item short per unit, so totals differ) and a 目标责任书 template. */
export function seedUnits(n: number): Grid[] {
  const grids = Array.from({ length: n }, (_, i) => {
    const s = seed003({ unit: `第${i + 1}村`, entries: ITEM_POINTS.map((p, k) => (k === i % 14 ? p - 0.5 : p)), veto: '否', total: null });
    return grid(s.rows, { name: `第${i + 1}村`, merges: s.merges });
  });
  grids.push(grid([['目标责任书'], ['{{单位}}：'], ['本年度考核总分 {{总分}} 分，等次 {{等次}}。']], { name: '目标责任书模板' }));
  return grids;
}

/** The plan the pane's 计算排名 writes with every output. */
export function everyOutput(grids: Grid[]): WritePlan {
  const result = scoreAssessment(grids);
  const outputs = outputsPlan(result, grids, readSettings(grids).settings, { today: '2024-12-25' });
  return { cells: totalsPlan(result).cells, sheets: outputs.plan.sheets, removeSheets: outputs.plan.removeSheets };
}

