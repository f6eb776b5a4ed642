/**
 * How 汇总排名 is laid out on landscape A4 (the PDFs themselves are measured in
 * test/libreoffice/print.test.ts): comfortable when it can, compact at 10 pt to keep up to 40 units
 * of the sample's scheme on one page, more pages at 10.5 pt beyond.
 */
import { breakTitle, layoutSummary, type LayoutColumn } from '../src/sheet/outputs/summaryLayout';

const CATEGORIES = [
  '一、落实信访工作责任制,建立一把手负总责（20分）',
  '二、包保网络建设和责任追究（30分）',
  '三、解决信访问题（20分）',
  '四、综治维稳基层基础工作,“综治维稳信访工作站”运行工作开展情况（30分）',
];

/** The sample's columns for n units, 备注 as given for every row. */
function columns(n: number, note = '返还责任金本金（6000元）', unit = (i: number) => `第${i + 1}村民委员会`): LayoutColumn[] {
  const rows = (f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
  const column = (header: string, f: (i: number) => string, fit: string[] = [], extra: Partial<LayoutColumn> = {}) => ({ header, fit: [...fit, ...rows(f)], rows: rows(f), ...extra });
  return [
    column('序号', (i) => String(i + 1)),
    column('单位', unit, [], { maxEm: 10 }),
    ...CATEGORIES.map((c) => column(c, () => '27.5', ['填写错误'], { category: true })),
    column('加减分', () => '-1'),
    column('一票否决', () => '否', ['是']),
    column('总分', () => '82.5'),
    column('排名', (i) => String(i + 1)),
    column('等次', () => '80-85分', ['85分以上', '80分以下', '一票否决']),
    column('备注', () => note, ['责任金双倍返还（12000元）', '扣除责任金（6000元）', '责任金全部扣除（6000元）']),
    column('评分状态', () => '', ['有填写错误', '未评分1项']),
  ];
}

test('ten units: one page at 10.5 pt, roomy rows, 10 mm margins', () => {
  const l = layoutSummary([columns(10)]);
  expect(l).toMatchObject({ onePage: true, size: 10.5, margins: { top: 10, bottom: 10, left: 10, right: 10 } });
  expect(new Set(l.heights.rows)).toEqual(new Set([18]));
});

test('forty units: one page at 10.1 pt, 12 pt rows, the header in 3 lines, 6 mm margins, the width used', () => {
  const l = layoutSummary([columns(40)]);
  expect(l).toMatchObject({ onePage: true, size: 10.1, margins: { top: 6, bottom: 6, left: 6, right: 6 } });
  expect(new Set(l.heights.rows)).toEqual(new Set([12]));
  expect(Math.max(...l.header.map((h) => h.split('\n').length))).toBe(3);
  // Every line of a title starts and ends as the Chinese rules allow (breakLines).
  for (const h of l.header) for (const line of h.split('\n')) expect(line).not.toMatch(/^[、，。；：？！）》」』”]|[（《「『“]$/);
  const rows = l.heights.title + l.heights.draft + l.heights.header + l.heights.rows.reduce((a, b) => a + b, 0) + l.heights.sign;
  expect(rows).toBeLessThanOrEqual(((210 - 12) * 72) / 25.4);
  const width = l.widths.reduce((a, b) => a + b, 0) * 5.54;
  expect(width).toBeLessThanOrEqual(((297 - 12) * 72) / 25.4);
  expect(width).toBeGreaterThan(((297 - 12) * 72) / 25.4 - 10);
});

test('forty-one units: more pages at 10.5 pt with page numbers room, never smaller', () => {
  const l = layoutSummary([columns(41)]);
  expect(l).toMatchObject({ onePage: false, size: 10.5 });
  expect(l.margins.bottom).toBeGreaterThan(l.margins.footer);
});

test('the first alternative that goes on one page is taken (备注 on one line); a unit name beyond 10 em wraps and its row grows', () => {
  const oneLine = columns(10, '责任金双倍返还（12000元）；奖补资金10000元');
  const twoLines = columns(10, '责任金双倍返还（12000元）\n奖补资金10000元');
  expect(layoutSummary([oneLine, twoLines]).alternative).toBe(0);
  // A long unit name wraps beyond 10 em and its row grows by a line.
  const long = layoutSummary([columns(10, undefined, (i) => (i === 3 ? '某某镇某某街道某某社区居民委员会' : '张庄村'))]);
  expect(long.heights.rows[3]).toBeGreaterThan(long.heights.rows[2] + 10);
});

test('a category’s points stay whole on a line where they fit: never “（30” over “分）”', () => {
  expect(breakTitle('二、包保网络建设和责任追究（30分）', 11)).toBe('二、包保网\n络建设和责\n任追究\n（30分）');
  // Too narrow for （30分）: broken as breakLines breaks it.
  expect(breakTitle('三、解决信访问题（20分）', 8)).toBe('三、解决\n信访问题\n（20\n分）');
  for (const n of [10, 40]) for (const h of layoutSummary([columns(n)]).header) expect(h).not.toMatch(/（[\d.]*\n|^分）/m);
});
