/**
 * Generates the bundled sample: examples/sample-2024.xlsx, ten units of the seed 003 table
 * with realistic entries, a tie (李家村 and 王庄村, 92.5), a veto (赵集村), an entry error
 * (刘湾村 E4: 6 in a 5-point item), totals on the 85 and 80 band boundaries, a blank entry,
 * and an existing summary sheet that the reader must skip.
 *
 *   npm run sample
 */
import ExcelJS from 'exceljs';
import path from 'path';
import type { CellValue } from '../src/sheet/grid';
import { addSeedSheet } from '../test/support/seedWorkbook';

interface SampleUnit {
  name: string;
  entries: CellValue[];
  adjustments?: CellValue[];
  veto?: CellValue;
}

const none = [null, null, null, null, null, null, null, null];

/** Entries are the item scores in table order (5,5,5,5 | 30 | 10,5,5 | 5,5,5,4,6,5). */
export const SAMPLE_UNITS: SampleUnit[] = [
  { name: '张庄村', entries: [5, 5, 5, 4.5, 30, 10, 5, 5, 5, 5, 4, 4, 5.5, 4], adjustments: [2, 1, null, null, null, -1, null, null] },
  { name: '李家村', entries: [5, 4, 5, 4, 26, 10, 5, 5, 4, 5, 5, 3.5, 6, 5] },
  { name: '王庄村', entries: [5, 5, 4, 5, 27, 10, 5, 4, 5, 5, 4, 3.5, 6, 5], adjustments: [null, null, null, null, null, '－1', null, null] },
  { name: '赵集村', entries: [5, 5, 5, 5, 20, 10, 5, 5, 5, 4, 5, 4, 6, 5], veto: '是' },
  { name: '刘湾村', entries: [6, 5, 4, 5, 24, 10, 5, 5, 5, 5, 4, 4, 5, 5] },
  { name: '陈楼村', entries: [4, 4, 4, 4, 24, 10, 5, 5, 4, 4, 4, 3, 5, 5] },
  { name: '杨店社区', entries: [4, 4, 4, 4, 22, 10, 5, 4, 4, 4, 4, 3, 5, 3] },
  { name: '周口居委会', entries: ['５', '5分', 5, 5, 24, 10, 5, 5, 4, 4, 4, 4, 5, 4], adjustments: [null, null, null, null, null, -1, null, null] },
  { name: '前营村', entries: [5, 4, 5, 4.5, 25, 5, 5, 5, 4, 5, 4, 3, 5, 4] },
  { name: '孙庄村', entries: [4, 4, 4, 4, 21, 10, 4, 4, 4, 4, 4, 3, 5, null] },
];

/** Builds the sample workbook. */
export function makeSampleWorkbook(units: SampleUnit[] = SAMPLE_UNITS): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '考核助手';
  for (const u of units) {
    addSeedSheet(wb, u.name, {
      unit: u.name,
      date: '2024年12月20日',
      entries: u.entries,
      adjustments: u.adjustments ?? none,
      veto: u.veto ?? '否',
      total: null,
    });
  }
  // An existing hand-made summary: not a score table, so it is reported and skipped.
  const summary = wb.addWorksheet('往年汇总');
  summary.addRow(['2023年度综治及信访工作考核汇总']);
  summary.addRow(['序号', '单位', '总分', '排名']);
  summary.addRow([1, '张庄村', 95, 1]);
  summary.addRow([2, '李家村', 91, 2]);
  return wb;
}

async function main() {
  const file = path.join(__dirname, '..', 'examples', 'sample-2024.xlsx');
  await makeSampleWorkbook().xlsx.writeFile(file);
  process.stdout.write(`已生成 ${path.relative(process.cwd(), file)}\n`);
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exitCode = 1;
  });
}
