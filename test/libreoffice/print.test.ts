/**
 * The sample's printed outputs as LibreOffice prints them (npm run test:libreoffice): corrections
 * flow into the summary and the signed sheets; Simplified Chinese faces; 10.5 pt on the signed sheet
 * after scaling; no line of any PDF (the letters filled from templates too) starting with
 * 、，。；：？！）》」』; the notice's margins, body size, pitch and page numbers after GB/T 9704; the
 * summary on one landscape page; the README's pictures current. (40 units of summary:
 * summary40.test.ts; --pdf and --out arguments: pdfArguments.test.ts; glyph forms: fontFaces.test.ts.)
 *
 * Needs: apt-get install -y libreoffice-calc-nogui fonts-noto-cjk fonts-arphic-ukai poppler-utils
 */
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { outputsPlan } from '../../src/app/outputs';
import { scoreAssessment, toReport } from '../../src/app/scoreAssessment';
import { DEFAULT_WORKBOOK_SETTINGS } from '../../src/app/settings';
import { run } from '../../src/cli/main';
import { convertWithLibreOffice } from '../../src/host/libreoffice';
import { openWorkbookFile } from '../../src/host/xlsxFile';
import { cjkSize, layout, MM, pagePixels, pages, requireTools } from './support/pdf';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'examples', 'sample-2024.xlsx');
const quiet = { out: () => undefined, err: () => undefined };

let dir: string;
let pdfDir: string;
/** What the command line printed for the sample's run. */
let stdout = '';
beforeAll(async () => {
  await requireTools(['pdfinfo', 'pdftotext', 'pdffonts', 'pdftoppm']);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-print-'));
  pdfDir = path.join(dir, 'pdf');
  const io = { out: (t: string) => void (stdout += t), err: () => undefined };
  expect(await run(['score', SAMPLE, '--out', path.join(dir, 'scored.xlsx'), '--pdf', pdfDir], io)).toBe(1);
});
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

/** Every PDF of the run: the generated sheets and the letters filled from the sample's 目标责任书模板. */
const everyPdf = async () => (await fs.readdir(pdfDir)).filter((f) => f.endsWith('.pdf')).map((f) => path.join(pdfDir, f));
const NO_START = /^[、，。；：？！）》」』]/;
const NO_END = /[（《「『]$/;

test('no printed line of any PDF (summary, signed sheets, notice, every 目标责任书) starts with 、，。；：？！）》」』 or ends with （《「『', async () => {
  const pdfs = await everyPdf();
  expect(pdfs.filter((f) => f.includes('目标责任书'))).toHaveLength(10);
  const bad: string[] = [];
  for (const pdf of pdfs) {
    // Each line of each text block (a cell's line), with its box.
    for (const line of layout(pdf)) {
      const text = line.words.map((w) => w.text).join('');
      if (NO_START.test(line.words[0].text) || NO_END.test(text)) bad.push(`${path.basename(pdf)} p${line.page}: ${text}`);
    }
    // And as pdftotext -layout prints every page: cells side by side are apart by two spaces or more.
    execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
      .split('\f')
      .forEach((page, p) =>
        page.split('\n').forEach((row) => {
          for (const piece of row.split(/\s{2,}/).map((x) => x.trim()).filter(Boolean)) {
            if (NO_START.test(piece) || NO_END.test(piece)) bad.push(`${path.basename(pdf)} p${p + 1} (-layout): ${piece}`);
          }
        }),
      );
  }
  expect(bad).toEqual([]);
});

test('Simplified Chinese faces only: the cells’ Chinese fonts map to SC faces, no DejaVu or other Latin fallback', async () => {
  for (const pdf of await everyPdf()) {
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
    expect({ pdf: path.basename(pdf), fonts: fonts.filter((f) => !/^(NotoSerifCJK|NotoSansCJK|ARPLUKai|LXGWWenKai|Carlito)/.test(f)) }).toEqual({ pdf: path.basename(pdf), fonts: [] });
    expect(fonts.some((f) => /DejaVu/.test(f))).toBe(false);
  }
  // Noto CJK's collections share one glyph table named “jp” in every region, so pdffonts cannot
  // tell SC from JP: which face LibreOffice chose for the Chinese text is read from its own document.
  const ods = await convertWithLibreOffice([path.join(dir, 'scored.xlsx')], 'ods', path.join(dir, 'ods'));
  const zip = await JSZip.loadAsync(await fs.readFile(ods[0]));
  const xml = (await zip.file('content.xml')!.async('string')) + (await zip.file('styles.xml')!.async('string'));
  const asian = new Set([...xml.matchAll(/font-name-asian="([^"]*)"/g)].map((m) => m[1]));
  const declared = new Map([...xml.matchAll(/<style:font-face style:name="([^"]*)" svg:font-family="([^"]*)"/g)].map((m) => [m[1], m[2].replace(/&apos;|'/g, '')]));
  const faces = [...asian].map((a) => declared.get(a) ?? a);
  expect(faces.filter((f) => !['宋体', '仿宋', '黑体', '方正小标宋简体', 'Noto Sans CJK SC', 'Noto Serif CJK SC'].includes(f))).toEqual([]);
  expect(faces).toEqual(expect.arrayContaining(['宋体', '仿宋', '黑体']));
});

test('the command line names the font substitutes; every PDF of a draft says 草稿, a complete unit’s signed sheet does not', async () => {
  const fonts = /PDF 字体替换：(.*)/.exec(stdout)?.[1] ?? '';
  expect(fonts).toMatch(/仿宋[^；]*→Noto Serif CJK SC/);
  expect(fonts).toMatch(/黑体[^；]*→Noto Sans CJK SC/);
  expect(fonts).toMatch(/方正小标宋简体[^；]*→Noto Serif CJK SC/);
  expect(fonts).toMatch(/楷体[^；]*→(AR PL UKai|LXGW WenKai)/);
  const says = (file: string) => execFileSync('pdftotext', [path.join(pdfDir, file), '-'], { encoding: 'utf8' }).includes('草稿');
  expect(['汇总排名.pdf', '考核结果通报.pdf', '孙庄村签字表.pdf', '刘湾村签字表.pdf'].map((f) => [f, says(f)])).toEqual([
    ['汇总排名.pdf', true],
    ['考核结果通报.pdf', true],
    ['孙庄村签字表.pdf', true],
    ['刘湾村签字表.pdf', true],
  ]);
  expect(says('张庄村签字表.pdf')).toBe(false);
});

test('signed sheet: body text ≥ 10.5 pt as printed, header row on every page, the signature block whole on the last page', async () => {
  for (const unit of ['张庄村', '孙庄村', '赵集村']) {
    const pdf = path.join(pdfDir, `${unit}签字表.pdf`);
    const lines = layout(pdf);
    const sizes = lines.flatMap((l) => l.words.map(cjkSize)).filter((s): s is number => s !== null);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10.4);
    const n = pages(pdf);
    expect(n).toBeLessThanOrEqual(4);
    for (let p = 1; p <= n; p++) expect(lines.filter((l) => l.page === p).map((l) => l.words.map((w) => w.text).join(''))).toEqual(expect.arrayContaining([expect.stringContaining('考核内容')]));
    const signers = lines.filter((l) => /（签字）/.test(l.words[0].text));
    expect(signers.map((l) => l.page)).toEqual(Array(5).fill(n));
    // A row per signer, each with its own date, at least 45 mm of space after the label.
    const dates = lines.flatMap((l) => l.words).filter((w) => w.text.startsWith('日期') && w.page === n);
    for (const l of signers) {
      const label = l.words[0];
      const date = dates.find((w) => Math.abs(w.y0 - label.y0) < 6);
      expect(date).toBeDefined();
      expect((date!.x0 - label.x1) / MM).toBeGreaterThanOrEqual(45);
    }
    // The text spans the printable width (180 mm between 15 mm margins); the table's rules are measured in the borders test.
    const xs = lines.flatMap((l) => l.words.map((w) => [w.x0, w.x1])).flat();
    expect((Math.max(...xs) - Math.min(...xs)) / MM).toBeGreaterThan(160);
  }
});

test('borders: every row of the signed sheets’ tables is closed left and right, the merged 合计/总分/排名/等次 rows too', async () => {
  for (const unit of ['孙庄村', '赵集村']) {
    const pdf = path.join(pdfDir, `${unit}签字表.pdf`);
    const lines = layout(pdf);
    for (let p = 1; p <= pages(pdf); p++) {
      const px = pagePixels(pdf, p, 2);
      const header = lines.find((l) => l.page === p && l.words.some((w) => w.text === '扣分原因'))!;
      const y = (header.words[0].y0 + header.words[0].y1) / 2;
      // The table's outer rules, found on the header row.
      const xs = Array.from({ length: Math.floor(px.width) }, (_, x) => x).filter((x) => px.dark(x, y));
      const [left, right] = [Math.min(...xs), Math.max(...xs)];
      // The table uses the printable width: at least 168 of the 180 mm between the margins.
      expect((right - left) / MM).toBeGreaterThanOrEqual(168);
      expect((right - left) / MM).toBeLessThanOrEqual(180);
      // Table rows: below the header, down to 等次 (the notes under the table have no border).
      const end = lines.find((l) => l.page === p && l.words[0].text === '等次')?.words[0].y1 ?? Infinity;
      const rows = lines.filter((l) => l.page === p && l.words[0].y0 > header.words[0].y1 && l.words[0].y1 <= end && /^(加减分合计|一票否决|总分|排名|等次|小计|\d、)/.test(l.words[0].text));
      const open = rows.filter((l) => {
        const ym = (l.words[0].y0 + l.words[0].y1) / 2;
        return !px.dark(left, ym) || !px.dark(right, ym);
      });
      expect([unit, p, open.map((l) => l.words.map((w) => w.text).join(''))]).toEqual([unit, p, []]);
    }
  }
});

test('borders: the summary’s and the notice’s tables are closed left and right on every unit’s row, and below the last', async () => {
  const UNITS = ['张庄村', '周口居委会', '前营村', '李家村', '王庄村', '刘湾村', '陈楼村', '杨店社区', '孙庄村', '赵集村'];
  for (const [file, headerWord] of [['汇总排名.pdf', '序号'], ['考核结果通报.pdf', '名次']] as const) {
    const pdf = path.join(pdfDir, file);
    const words = layout(pdf).flatMap((l) => l.words).filter((w) => w.page === 1);
    const px = pagePixels(pdf, 1, 2);
    const header = words.find((w) => w.text === headerWord)!;
    const xs = Array.from({ length: Math.floor(px.width) }, (_, x) => x).filter((x) => px.dark(x, (header.y0 + header.y1) / 2));
    const [left, right] = [Math.min(...xs), Math.max(...xs)];
    expect(right - left).toBeGreaterThan(200);
    const rows = UNITS.map((u) => words.find((w) => w.text === u || w.text.endsWith(u))!);
    expect(rows.every(Boolean)).toBe(true);
    const open = rows.filter((w) => !px.dark(left, (w.y0 + w.y1) / 2) || !px.dark(right, (w.y0 + w.y1) / 2)).map((w) => w.text);
    expect([file, open]).toEqual([file, []]);
    // The rule under the last row, at a quarter, the middle and three quarters of the table's width.
    const last = Math.max(...rows.map((w) => w.y1));
    const ruled = (x: number) => Array.from({ length: 30 }, (_, k) => last + k * 0.5).some((y) => px.dark(x, y));
    expect([file, [0.25, 0.5, 0.75].map((f) => ruled(left + f * (right - left)))]).toEqual([file, [true, true, true]]);
  }
});

test('notice: margins 37/35/28/26 mm, body 16 ± 0.5 pt, 28 characters and 22 lines a page at a fixed pitch, outer page numbers', async () => {
  const pdf = path.join(pdfDir, '考核结果通报.pdf');
  const lines = layout(pdf);
  const body = lines.filter((l) => !/^— \d+ —$|^—\d+—$/.test(l.words.map((w) => w.text).join(' ')) && !/^\s*[—-]\s*\d+\s*[—-]\s*$/.test(l.words.map((w) => w.text).join('')));
  const left = Math.min(...body.map((l) => l.words[0].x0)) / MM;
  expect(Math.abs(left - 28)).toBeLessThanOrEqual(1);
  const right = 210 - Math.max(...body.map((l) => l.words[l.words.length - 1].x1)) / MM;
  expect(Math.abs(right - 26)).toBeLessThanOrEqual(1);
  const page2 = body.filter((l) => l.page === 2);
  const top = Math.min(...page2.map((l) => l.words[0].y0)) / MM;
  expect(top).toBeGreaterThanOrEqual(37);
  expect(top).toBeLessThanOrEqual(37 + 4);
  // The bottom margin: the last line's row ends 35 ± 1 mm above the edge (its glyphs a little higher).
  expect(297 - Math.max(...page2.map((l) => l.words[0].y1)) / MM).toBeGreaterThanOrEqual(35);
  expect(297 - Math.max(...page2.map((l) => l.words[0].y1)) / MM).toBeLessThanOrEqual(35 + 2);
  expect(page2).toHaveLength(22);
  const pitches = page2.slice(1).map((l, i) => l.words[0].y0 - page2[i].words[0].y0);
  for (const p of pitches) expect(Math.abs(p - 28.9)).toBeLessThanOrEqual(0.5);
  // The 22 lines fill the 225 mm type area (within 1 mm), as the standard's grid does.
  const span = ((page2[21].words[0].y0 - page2[0].words[0].y0) * 22) / 21 / MM;
  expect(Math.abs(span - 225)).toBeLessThanOrEqual(1);
  expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  const sizes = page2.flatMap((l) => l.words.map(cjkSize)).filter((s): s is number => s !== null);
  for (const s of sizes) expect(Math.abs(s - 16)).toBeLessThanOrEqual(0.5);
  // A full line of Chinese holds 28 characters (digits are narrower and counted apart).
  const chinese = page2.map((l) => l.words.map((w) => w.text).join('')).filter((t) => /^[\u3000-\u9fff\uff00-\uffef]+$/.test(t));
  expect(Math.max(...chinese.map((t) => t.length))).toBe(28);
  // Page numbers “— 1 —”: odd pages on the right, even on the left, 4号 (14 pt).
  const numbers = lines.filter((l) => /^—\s*\d+\s*—$/.test(l.words.map((w) => w.text).join(' ').replace(/\s+/g, ' ')));
  expect(numbers.length).toBe(pages(pdf));
  for (const l of numbers) {
    const x = (l.words[0].x0 + l.words[l.words.length - 1].x1) / 2 / MM;
    if (l.page % 2) expect(x).toBeGreaterThan(150);
    else expect(x).toBeLessThan(60);
  }
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('2024年12月20日');
  // Title 2号 (22 pt) by its characters' advance; page numbers 4号 (14 pt) by their height, which
  // poppler gives as a fixed multiple of the size (measured on the body, whose size is known).
  const title = lines.filter((l) => l.page === 1 && /^关于.*结果$|^的通报$/.test(l.words.map((w) => w.text).join(''))).flatMap((l) => l.words.map(cjkSize)).filter((x): x is number => x !== null);
  expect(title.length).toBeGreaterThan(0);
  for (const t of title) expect(Math.abs(t - 22)).toBeLessThanOrEqual(0.5);
  const perPoint = page2.flatMap((l) => l.words).map((w) => [cjkSize(w), w.y1 - w.y0]).filter(([size]) => size !== null).map(([size, h]) => (h as number) / (size as number));
  const k = perPoint.sort((a, b) => a - b)[Math.floor(perPoint.length / 2)];
  for (const l of numbers) expect(Math.abs((l.words[0].y1 - l.words[0].y0) / k - 14)).toBeLessThanOrEqual(0.5);
});

test('汇总排名: one landscape A4 page, text ≥ 10 pt, 制表人 / 审核人 / 日期', async () => {
  const pdf = path.join(pdfDir, '汇总排名.pdf');
  expect(pages(pdf)).toBe(1);
  expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.\d+ x 595\.\d+/);
  const lines = layout(pdf);
  const sizes = lines.flatMap((l) => l.words.map(cjkSize)).filter((s): s is number => s !== null);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
  const words = lines.flatMap((l) => l.words.map((w) => w.text));
  for (const label of ['制表人：', '审核人：', '日期：']) expect(words).toContain(label);
  // The whole table in one piece, 备注 of 张庄村 on one line.
  expect(words).toContain('责任金双倍返还（12000元）；奖补资金10000元');
});

test('corrections flow: fixing E4, filling E26 and changing a score recalculate the summary and the signed sheets; the 草稿 lines clear', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, 'scored.xlsx'));
  wb.getWorksheet('刘湾村')!.getCell('E4').value = 5; // 填写错误 → 5
  wb.getWorksheet('孙庄村')!.getCell('E26').value = 5; // 未评分 → 5: 65 → 70
  wb.getWorksheet('张庄村')!.getCell('E4').value = 0; // 99 → 94
  const edited = path.join(dir, 'edited.xlsx');
  await wb.xlsx.writeFile(edited);
  const grids = await (await openWorkbookFile(edited)).readGrids();
  const engine = toReport(scoreAssessment(grids));
  // 备注 as the engine would write it for the edited scores (its deposit and award by band and rank).
  const planned = outputsPlan(scoreAssessment(grids), grids, DEFAULT_WORKBOOK_SETTINGS, { today: '2024-12-25' }).plan.sheets?.find((x) => x.name.startsWith('汇总排名'));
  const noteOf = new Map<string, string>();
  for (let r = 4; r <= 13; r++) noteOf.set(String(planned?.cells.find((c) => c.cell === `B${r}`)?.value), String(planned?.cells.find((c) => c.cell === `L${r}`)?.value));
  const [recalculated] = await convertWithLibreOffice([edited], 'xlsx', path.join(dir, 'recalc'));
  const lo = new ExcelJS.Workbook();
  await lo.xlsx.readFile(recalculated);
  const value = (sheet: string, address: string) => {
    const c = lo.getWorksheet(sheet)!.getCell(address);
    return c.type === ExcelJS.ValueType.Formula ? c.result : c.value;
  };
  const summary = lo.getWorksheet('汇总排名')!;
  for (let r = 4; r <= 13; r++) {
    const name = String(value('汇总排名', `B${r}`));
    const u = engine.units.find((x) => x.name === name)!;
    expect([name, value('汇总排名', `I${r}`), value('汇总排名', `J${r}`), value('汇总排名', `K${r}`), value('汇总排名', `M${r}`) ?? '']).toEqual([name, u.total, u.rank, u.band, '']);
    expect(value('汇总排名', `C${r}`)).not.toBe('填写错误');
    expect([name, String(value('汇总排名', `L${r}`))]).toEqual([name, noteOf.get(name)]);
  }
  // 张庄村 fell from 99 to 94: no longer over 98, so no award; 孙庄村 reached 70: still 80分以下.
  expect(noteOf.get('张庄村')).not.toContain('奖补资金');
  expect(value('汇总排名', 'A2') ?? '').toBe('');
  void summary;
  // The signed sheets read the same cells: 孙庄村's total, its E26 line and its 草稿 line.
  const sun = lo.getWorksheet('孙庄村签字表')!;
  let total: unknown;
  sun.eachRow((row) => {
    if (row.getCell(1).value === '总分') total = (row.getCell(5).result ?? row.getCell(5).value);
  });
  expect(total).toBe(70);
  expect(value('孙庄村签字表', 'A2') ?? '').toBe('');
  // 刘湾村's corrected E4 reads 5 on its signed sheet, where it read 填写错误.
  const liu = lo.getWorksheet('刘湾村签字表')!;
  const e4: unknown[] = [];
  liu.eachRow((row) => {
    const c = row.getCell(5);
    // (LibreOffice writes the reference back as it likes: '刘湾村'!E4 or 刘湾村!E4.)
    if (c.type === ExcelJS.ValueType.Formula && /刘湾村'?!\$?E\$?4(?!\d)/.test(String(c.formula))) e4.push(c.result);
  });
  expect(e4).toEqual([5]);
  // The notice is text: a run on the edited copy says it is stale.
  const io = { stdout: '', out: (t: string) => void (io.stdout += t), err: () => undefined };
  await run(['score', edited], io);
  expect(io.stdout).toContain('通报已过期，请重新生成');
});

test('the README’s pictures are the sample’s PDFs as they print today, rendered by npm run readme:images', async () => {
  const images = path.join(dir, 'images');
  execFileSync('node', [path.join(ROOT, 'scripts', 'readmeImages.js'), pdfDir, images], { stdio: 'ignore' });
  const rendered = (await fs.readdir(images)).filter((f) => f.endsWith('.png')).sort();
  const readme = await fs.readFile(path.join(ROOT, 'README.md'), 'utf8');
  const shown = [...readme.matchAll(/\]\(docs\/images\/([^)]+\.png)\)/g)].map((m) => m[1]).sort();
  expect(shown).toEqual(rendered);
  expect(rendered.length).toBeGreaterThanOrEqual(4);
  const stale: string[] = [];
  for (const f of rendered) {
    const committed = await fs.readFile(path.join(ROOT, 'docs', 'images', f)).catch(() => Buffer.alloc(0));
    if (!committed.equals(await fs.readFile(path.join(images, f)))) stale.push(`docs/images/${f} 与当前输出不一致：请运行 npm run demo && npm run readme:images`);
  }
  expect(stale).toEqual([]);
});

test('a sheet filled from the office’s own template prints 草稿 at the top of each page while its unit is incomplete', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const t = wb.addWorksheet('得分单模板');
  t.getCell('A1').value = '{{单位}}考核得分：{{总分}}分，名次{{排名}}';
  const input = path.join(dir, 'own-template.xlsx');
  await wb.xlsx.writeFile(input);
  const pdfs = path.join(dir, 'own-template-pdf');
  await run(['score', input, '--pdf', pdfs], quiet);
  const first = (unit: string) => layout(path.join(pdfs, `${unit}得分单.pdf`)).map((l) => l.words.map((w) => w.text).join(''));
  expect(first('孙庄村')[0]).toBe('草稿：本单位未评分1项，本表不能作为正式结果');
  expect(first('孙庄村')).toContain('孙庄村考核得分：65分，名次8');
  expect(first('张庄村').join('')).not.toContain('草稿');
});
