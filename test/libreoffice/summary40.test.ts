/**
 * 汇总排名 of 40 units through LibreOffice: one landscape A4 page at ≥ 10 pt, margins ≥ 6 mm, every
 * name and total whole, no glyph touching its row's rules (src/sheet/outputs/summaryLayout.ts).
 *
 * Needs: apt-get install -y libreoffice-calc-nogui fonts-noto-cjk poppler-utils
 */
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { scoreAssessment, toReport } from '../../src/app/scoreAssessment';
import { run } from '../../src/cli/main';
import { openWorkbookFile } from '../../src/host/xlsxFile';
import { addSeedSheet } from '../support/seedWorkbook';
import { cjkSize, greyPage, layout, MM, pages, requireTools, type Word } from './support/pdf';

const quiet = { out: () => undefined, err: () => undefined };
let dir: string;
beforeAll(async () => {
  await requireTools(['pdfinfo', 'pdftotext', 'pdftoppm']);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-forty-'));
});
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

test('汇总排名 of 40 units: one landscape A4 page, text ≥ 10 pt, margins ≥ 6 mm, every name and total whole, no glyph touching its row’s rules', async () => {
  const wb = new ExcelJS.Workbook();
  const units = Array.from({ length: 40 }, (_, i) => `第${i + 1}村民委员会`);
  // Every unit with wrong entries (a 草稿 line, 「填写错误」 in two categories), the last one vetoed.
  units.forEach((unit, i) => addSeedSheet(wb, unit, { unit, date: '2024年12月20日', entries: [5, 5, 5, 5, 30 - (i % 7), 5, 5, 10, 5, 5, 5, 5, 5, 5], veto: i === 39 ? '是' : '否' }));
  const input = path.join(dir, 'forty.xlsx');
  await wb.xlsx.writeFile(input);
  const pdfs = path.join(dir, 'forty-pdf');
  await run(['score', input, '--pdf', pdfs], quiet);
  const pdf = path.join(pdfs, '汇总排名.pdf');
  expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.\d+ x 595\.\d+/);
  expect(pages(pdf)).toBe(1);
  const words = layout(pdf).flatMap((l) => l.words);
  const sizes = words.map(cjkSize).filter((s): s is number => s !== null);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
  expect(words.map((w) => w.text)).toEqual(expect.arrayContaining(['序号', '单位', '总分', '排名', '制表人：', '审核人：', '日期：']));
  expect(words.map((w) => w.text).join('')).toContain('草稿');
  // No ink within 6 mm of an edge (rules and glyphs as rendered).
  const scale = 4;
  const px = greyPage(pdf, 1, scale);
  const inked = { left: px.width, right: 0, top: px.height, bottom: 0 };
  for (let yy = 0; yy < px.height; yy++)
    for (let xx = 0; xx < px.width; xx++)
      if (px.at(xx, yy) < 128) Object.assign(inked, { left: Math.min(inked.left, xx), right: Math.max(inked.right, xx), top: Math.min(inked.top, yy), bottom: Math.max(inked.bottom, yy) });
  const mm = (p: number) => p / scale / MM;
  expect([mm(inked.left), mm(px.width - 1 - inked.right), mm(inked.top), mm(px.height - 1 - inked.bottom)].map((m) => m >= 6)).toEqual([true, true, true, true]);
  // Each name whole on one line, once, with its total (the engine's) on its row.
  const report = toReport(scoreAssessment(await (await openWorkbookFile(input)).readGrids()));
  for (const unit of units) {
    const name = words.filter((w) => w.text === unit);
    expect([unit, name.length]).toEqual([unit, 1]);
    const total = String(report.units.find((u) => u.name === unit)!.total);
    expect([unit, words.some((w) => w.text === total && Math.abs(w.y0 - name[0].y0) < 2 && w.x0 > name[0].x1)]).toEqual([unit, true]);
  }
  // The rules of the table, found down the 序号 column beside its left rule; between two rules the
  // ink of each unit name and of each header title stays clear of both (not clipped, not touching).
  const head = words.find((w) => w.text === '序号')!;
  const y = Math.round(((head.y0 + head.y1) / 2) * scale);
  let left = Math.round(head.x0 * scale);
  while (left > 0 && px.at(left, y) >= 128) left--;
  const x = left + scale; // a point inside, left of the 序号 text
  const rules: [number, number][] = [];
  // Down to the ink of 制表人 (which starts beside the rule), some 3 pt below the top of its box.
  const sign = words.find((w) => w.text === '制表人：')!;
  for (let yy = 0; yy < (sign.y0 + 1.5) * scale; yy++) {
    if (px.at(x, yy) >= 128) continue;
    if (rules.length && rules[rules.length - 1][1] === yy - 1) rules[rules.length - 1][1] = yy;
    else rules.push([yy, yy]);
  }
  expect(rules.length).toBe(42); // above the header, and below it and each of the 40 rows
  for (const r of rules) expect(r[1] - r[0]).toBeLessThan(scale);
  const clear = (w: Word) => {
    const mid = ((w.y0 + w.y1) / 2) * scale;
    const above = rules.filter((r) => r[1] < mid).pop()!;
    const below = rules.find((r) => r[0] > mid)!;
    const inked = (yy: number) => {
      for (let xx = Math.ceil(w.x0 * scale) + 1; xx < Math.floor(w.x1 * scale) - 1; xx++) if (px.at(xx, yy) < 128) return true;
      return false;
    };
    const ink = Array.from({ length: below[0] - above[1] - 1 }, (_, i) => above[1] + 1 + i).filter(inked);
    // Ink, and at least a pixel (¼ pt) of paper between it and each rule.
    return ink.length > 0 && ink[0] > above[1] + 1 && ink[ink.length - 1] < below[0] - 1;
  };
  const checked = words.filter((w) => units.includes(w.text) || (w.y1 < rules[1][0] / scale && w.y0 > rules[0][1] / scale));
  expect(checked.length).toBeGreaterThan(50);
  expect(checked.filter((w) => !clear(w)).map((w) => w.text)).toEqual([]);
  // The 草稿 line just above the table: paper between its ink and the table's top rule.
  const draft = words.find((w) => w.text.startsWith('草稿'))!;
  const above = (yy: number) => Array.from({ length: Math.floor((draft.x1 - draft.x0) * scale) }, (_, i) => px.at(Math.ceil(draft.x0 * scale) + i, yy)).some((g) => g < 128);
  expect(above(rules[0][0] - 1)).toBe(false);
  expect(above(Math.round(((draft.y0 + draft.y1) / 2) * scale))).toBe(true);
  // The unit rows' pitch: 12 pt at 10.1 pt text, each within a pixel of it.
  const pitches = rules.slice(2).map((r, i) => (r[0] - rules[i + 1][0]) / scale);
  expect(Math.abs((rules[41][0] - rules[1][0]) / scale / 40 - 12)).toBeLessThanOrEqual(0.05);
  for (const p of pitches) expect(Math.abs(p - 12)).toBeLessThanOrEqual(1 / scale);
});
