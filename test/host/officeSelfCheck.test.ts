/**
 * 自检 on the mock workbook (and once behind Office.js's own client): every behaviour is tried on a
 * temporary sheet that is gone afterwards, the report says pass or fail with what happened, and a
 * failure with another way out (the print zoom) makes the host use it.
 *
 * Not testable here: what a real Excel answers — that is the point of the self-check, run by the
 * first users of each new Excel version (README).
 */
import { OfficeHost, selfCheckText } from '../../src/host/officeHost';
import { grid } from '../../src/sheet/grid';
import { mockWorkbook } from './mockWorkbook';
import { officeJsWorkbook } from './officeJsBridge';

const all = () => true;
const info = { platform: 'PC', version: '16.0.18429.20040' };

test('tries every behaviour, removes its sheets, and reports platform, version, sets and pass/fail as text', async () => {
  const book = mockWorkbook([grid([['考核内容']], { name: '张庄村' })]);
  const steps: string[] = [];
  const host = new OfficeHost(book.run, (v) => Number(v.split('.')[1]) <= 17, () => false);
  const report = await host.selfCheck(info, (s) => steps.push(s));
  expect(report.checks.map((c) => [c.name, c.ok])).toEqual([
    ['接近上限的写入请求（约 3.4 MB 中文）', true],
    ['读取中文内容的响应', true],
    ['打印缩放：按页宽缩放并读回', true],
    // The fake, like the Excel builds office-js reports about, fails past 512 merged areas.
    ['合并单元格：600 个合并区域', false],
    ['“001”、带时间的日期、文本格式的单元格', true],
    ['列宽单位（10 个字符宽）', true],
    ['替换工作表（先建新表，写完再换下旧表）', true],
  ]);
  expect(report.checks[3].detail).toContain('超过 512 个合并区域时读取失败');
  expect(report.sets).toEqual(Array.from({ length: 17 }, (_, i) => `1.${i + 1}`));
  expect(report.fallbacks).toEqual({});
  expect(steps).toContain('删除临时工作表');
  // Nothing left behind.
  expect(book.sheets.map((s) => s.name)).toEqual(['张庄村']);

  const text = selfCheckText(report, '2024-12-25 10:00');
  expect(text.split('\n').slice(0, 3)).toEqual([
    '考核助手自检 2024-12-25 10:00',
    '平台：PC；版本：16.0.18429.20040',
    '支持的要求集：ExcelApi 1.1–1.17；Office.js 批注接口：无',
  ]);
  expect(text).toContain('未通过　合并单元格：600 个合并区域');
  expect(text).toContain('采用的替代做法：无');
});

test('where the fit-to-pages zoom does not read back, generated sheets get a scale worked out from their columns', async () => {
  const book = mockWorkbook([grid([['甲']], { name: '甲' })]);
  // An Excel that keeps only a percentage (as office-js #1860 describes for the web until the Page Layout tab is shown).
  const sync = book.context.sync;
  book.context.sync = async () => {
    await sync();
    for (const s of book.sheets) if (s.page.zoom && 'horizontalFitToPages' in (s.page.zoom as object)) s.page.zoom = { scale: 100 };
  };
  const host = new OfficeHost(book.run, all, all);
  const report = await host.selfCheck(info);
  expect(report.checks.find((c) => c.name.startsWith('打印缩放'))).toMatchObject({ ok: false });
  expect(report.fallbacks.fit).toBe('scale');
  expect(selfCheckText(report, 'x')).toContain('采用的替代做法：打印按比例缩放');

  await host.apply({
    cells: [],
    sheets: [{ name: '汇总排名', cells: [{ cell: 'A1', value: '汇总' }], merges: [], columnWidths: [40, 40, 40, 40], page: { orientation: 'portrait', paper: 'A4', fitToWidth: 1, fitToHeight: 0, margins: { top: 20, bottom: 20, left: 20, right: 20 } } }],
  });
  // 170 mm of paper for 4 × 40 characters (4 × 213.75 pt): 56 %.
  expect(book.sheet('汇总排名').page.zoom).toEqual({ scale: 56 });
});

test('behind Office.js’s own client the check’s requests are accepted, each under the limit, and its sheet is removed', async () => {
  const office = officeJsWorkbook([grid([['考核内容']], { name: '张庄村' })], { notesApi: true });
  const host = new OfficeHost(office.run, all, all);
  const report = await host.selfCheck(info);
  expect(report.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['合并单元格：600 个合并区域']);
  expect(office.wire.every((w) => w.request < 4_000_000 && w.response < 4_000_000)).toBe(true);
  expect(Math.max(...office.wire.map((w) => w.request))).toBeGreaterThan(3_000_000);
  expect(office.book.sheets.map((s) => s.name)).toEqual(['张庄村']);
});
