/** The bundled sample's outputs as plans, and how tests look into them (test/outputs.test.ts, test/templates.test.ts). */
import path from 'path';
import { outputsPlan } from '../../src/app/outputs';
import { scoreAssessment } from '../../src/app/scoreAssessment';
import { GENERATED_MARK } from '../../src/app/ownedSheets';
import { DEFAULT_WORKBOOK_SETTINGS, type WorkbookSettings } from '../../src/app/settings';
import { openWorkbookFile } from '../../src/host/xlsxFile';
import type { Grid } from '../../src/sheet/grid';
import type { SheetPlan } from '../../src/sheet/sheetPlan';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'sample-2024.xlsx');

/** The sample's sheets as the .xlsx host reads them. */
export async function sampleGrids(): Promise<Grid[]> {
  return (await openWorkbookFile(SAMPLE)).readGrids();
}

/** Scores the sample (with `extra` sheets) and plans its outputs, today 2024-12-25. */
export function sampleOutputs(grids: Grid[], settings: Partial<WorkbookSettings> = {}, extra: Grid[] = []) {
  const all = [...grids, ...extra];
  const workbook = { ...DEFAULT_WORKBOOK_SETTINGS, ...settings };
  const result = scoreAssessment(all, workbook.score);
  return { result, ...outputsPlan(result, all, workbook, { today: '2024-12-25' }) };
}

export const sheet = (plan: { sheets?: SheetPlan[] }, name: string) => {
  const s = plan.sheets?.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
export const at = (s: SheetPlan, address: string) => s.cells.find((c) => c.cell === address);
/** A generated sheet's cells without the add-in's mark row (tested on its own). */
export const content = (s: SheetPlan) => s.cells.filter((c) => c.value !== GENERATED_MARK);
