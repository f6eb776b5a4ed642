/**
 * Issue 9, hostile workbooks: each case is the sample with one thing done to it, run through the
 * real command line. What must hold: the run ends with a Chinese message, nothing the user typed
 * is lost, no sheet becomes a template or is deleted by guesswork, and the limits refuse or clip
 * what would exhaust memory.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { run } from '../../src/cli/main';
import { GENERATED_MARK } from '../../src/app/ownedSheets';
import { openWorkbookFile } from '../../src/host/xlsxFile';
import { LIMITS } from '../../src/host/workbookLimits';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'sample-2024.xlsx');

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-hostile-wb-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The sample with `change` applied, saved as a new file. */
async function variant(change: (wb: ExcelJS.Workbook) => void, name = 'input.xlsx'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  change(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  report: { units: { name: string; total: number; sheet: string }[]; diagnostics: { code: string; sheet?: string; cell?: string; message: string; severity: string }[] };
  out: string;
}

async function score(input: string, ...extra: string[]): Promise<Run> {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  const report = path.join(dir, `report-${path.basename(input)}.json`);
  const out = path.join(dir, `scored-${path.basename(input)}`);
  const code = await run(['score', input, '--report', report, '--out', out, ...extra], io);
  const json = await fs.readFile(report, 'utf8').then(JSON.parse, () => ({ units: [], diagnostics: [] }));
  return { code, stdout: io.stdout, stderr: io.stderr, report: json, out };
}

const total = (r: Run, unit: string) => r.report.units.find((u) => u.name === unit)?.total;
const codes = (r: Run) => r.report.diagnostics.map((d) => d.code);

let baseline: Run;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaohe-hostile-wb-'));
  baseline = await score(SAMPLE);
});

describe('templates are declared, never guessed from {{', () => {
  it('a {{…}} typed into the ledger’s 事由 leaves the ledger a ledger: scores unchanged, nothing of it copied', async () => {
    const input = await variant((wb) => {
      wb.getWorksheet('信访台账')!.getCell('I2').value = '宅基地纠纷{{单位}}';
    });
    const r = await score(input);
    expect(total(r, '张庄村')).toBe(99);
    expect(r.report.units.map((u) => [u.name, u.total])).toEqual(baseline.report.units.map((u) => [u.name, u.total]));
    const copy = await (await openWorkbookFile(r.out)).readGrids();
    const generated = copy.filter((g) => g.rows.some((row) => row[0] === GENERATED_MARK));
    expect(generated.length).toBeGreaterThan(0);
    for (const g of generated) expect(JSON.stringify(g.rows)).not.toMatch(/宅基地纠纷|李某甲/);
  });

  it('a {{…}} in a unit’s label row does not drop the unit', async () => {
    const input = await variant((wb) => {
      wb.getWorksheet('张庄村')!.getCell('A2').value = '单位:张庄村{{单位}}    2024年12月20日';
    });
    const r = await score(input);
    expect(r.report.units).toHaveLength(10);
  });

  it('a template placeholder named after Object’s own keys ({{constructor}}, {{toString}}) is unknown, not a crash', async () => {
    const input = await variant((wb) => {
      const t = wb.getWorksheet('目标责任书模板')!;
      t.getCell('A1').value = '{{constructor}}';
      t.getCell('A2').value = '{{单位}} {{toString}}';
    });
    const r = await score(input);
    expect([0, 1]).toContain(r.code);
    expect(r.report.diagnostics.filter((d) => d.code === 'TEMPLATE_UNKNOWN_PLACEHOLDER').map((d) => d.message).join()).toMatch(/constructor.*toString|toString.*constructor/);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(r.out);
    expect(copy.getWorksheet('张庄村目标责任书')?.getCell('A1').value).toBe('{{constructor}}');
  });
});

describe('a sheet listed as generated is replaced only when it carries the add-in’s mark', () => {
  it('user sheets listed in 考核助手设置 are kept, read and reported; the template listed there is no crash', async () => {
    const input = await variant((wb) => {
      const s = wb.addWorksheet('考核助手设置');
      s.addRow(['设置项', '值']);
      s.addRow(['生成的工作表', '张庄村、信访台账、扣分明细、往年汇总、目标责任书模板']);
    });
    const r = await score(input);
    expect(r.code).toBe(baseline.code);
    expect(r.report.units.map((u) => [u.name, u.total])).toEqual(baseline.report.units.map((u) => [u.name, u.total]));
    expect(r.report.diagnostics.filter((d) => d.code === 'OWNED_SHEET_UNMARKED').map((d) => d.sheet)).toEqual(['张庄村', '信访台账', '扣分明细', '往年汇总', '目标责任书模板']);
    expect(r.stderr).not.toContain('内部错误');
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(r.out);
    for (const name of ['张庄村', '信访台账', '扣分明细', '往年汇总', '目标责任书模板']) expect(copy.getWorksheet(name)).toBeDefined();
    expect(copy.getWorksheet('张庄村')!.getCell('E4').value).toBe(5);
  });

  it('scoring the scored copy again replaces its own generated sheets (marked, in hidden rows) and adds none', async () => {
    const first = new ExcelJS.Workbook();
    await first.xlsx.readFile(baseline.out);
    const summary = first.getWorksheet('汇总排名')!;
    const markRow = summary.getColumn(1).values.findIndex((v) => v === GENERATED_MARK);
    expect(markRow).toBeGreaterThan(0);
    expect(summary.getRow(markRow).hidden).toBe(true);

    const again = await score(baseline.out);
    expect(codes(again)).not.toContain('OWNED_SHEET_UNMARKED');
    const second = new ExcelJS.Workbook();
    await second.xlsx.readFile(again.out);
    expect(second.worksheets.map((w) => w.name).sort()).toEqual(first.worksheets.map((w) => w.name).sort());
  });
});

describe('unit names that break sheet names', () => {
  it('two 31-character unit names sharing their start get distinct sheets, and the run ends', async () => {
    const long = 'xx镇农业农村综合服务中心(乡村振兴工作站)暨退役军人服务站点';
    const input = await variant((wb) => {
      wb.getWorksheet('张庄村')!.getCell('A2').value = `单位:${long}    2024年12月20日`;
      wb.getWorksheet('李家村')!.getCell('A2').value = `单位:${long}二    2024年12月20日`;
    });
    const r = await score(input);
    expect(r.report.units.map((u) => u.name)).toEqual(expect.arrayContaining([long, `${long}二`]));
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(r.out);
    const names = copy.worksheets.map((w) => w.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => Array.from(n).length <= 31)).toBe(true);
  });

  it.each(["'张庄村'", "张庄村'", "O'Brien村"])('a unit named %s gives a copy the project can open again', async (unit) => {
    const input = await variant((wb) => {
      wb.getWorksheet('张庄村')!.getCell('A2').value = `单位:${unit}    2024年12月20日`;
    });
    const r = await score(input);
    expect(r.stderr).not.toContain('内部错误');
    expect(r.report.units.map((u) => u.name)).toContain(unit);
    const again = await score(r.out);
    expect(again.report.units.map((u) => [u.name, u.total])).toEqual(r.report.units.map((u) => [u.name, u.total]));
  });

  it('a petitioner’s name typed into the ledger’s 单位 column is not quoted in the message', async () => {
    const input = await variant((wb) => {
      const ledger = wb.getWorksheet('信访台账')!;
      ledger.getCell('B3').value = ledger.getCell('J3').value;
    });
    const r = await score(input);
    const d = r.report.diagnostics.find((x) => x.sheet === '信访台账' && x.cell === 'B3');
    expect(d).toMatchObject({ code: 'LEDGER_UNKNOWN_UNIT' });
    expect(JSON.stringify(r.report) + r.stdout).not.toContain('王某甲');
  });

  it('a zero-width space does not make two identical-looking units', async () => {
    const input = await variant((wb) => {
      wb.getWorksheet('李家村')!.getCell('A2').value = '单位:张庄村\u200b    2024年12月20日';
    });
    const r = await score(input);
    expect(r.report.diagnostics).toContainEqual(expect.objectContaining({ code: 'DUPLICATE_UNIT' }));
  });
});

describe('entries that are not what they look like', () => {
  it('a number typed in 扣分明细’s 扣(加)分 is never replaced: a difference from the rule is a warning', async () => {
    const input = await variant((wb) => {
      wb.getWorksheet('扣分明细')!.addRow(['张庄村', '上报矛盾纠纷排查化解卷宗', null, 1, 7, '另报一份', '王组长', '2024-12-18']);
    });
    const r = await score(input);
    const row = 11;
    expect(r.report.diagnostics).toContainEqual(expect.objectContaining({ code: 'LOG_POINTS_DIFFER', sheet: '扣分明细', cell: `E${row}` }));
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(r.out);
    expect(copy.getWorksheet('扣分明细')!.getCell(`E${row}`).value).toBe(7);
  });

  it('a formula without a cached value is an error that says so, not a silent 0', async () => {
    const input = await variant((wb) => {
      wb.getWorksheet('张庄村')!.getCell('E5').value = { formula: 'C5' } as ExcelJS.CellFormulaValue;
    });
    const r = await score(input);
    expect(r.report.diagnostics).toContainEqual(expect.objectContaining({ code: 'FORMULA_NO_VALUE', sheet: '张庄村', cell: 'E5', severity: 'error' }));
    expect(r.code).toBe(1);
  });

  it('a date in a score cell is shown as the date, not as its serial', async () => {
    const input = await variant((wb) => {
      const cell = wb.getWorksheet('张庄村')!.getCell('E5');
      cell.value = 45417;
      // A style of its own: ExcelJS shares one style object between cells that had the same style.
      cell.style = { ...cell.style, numFmt: 'yyyy"年"m"月"d"日"' };
    });
    const r = await score(input);
    const d = r.report.diagnostics.find((x) => x.sheet === '张庄村' && x.cell === 'E5');
    expect(d).toMatchObject({ code: 'DATE_IN_SCORE' });
    expect(d?.message).toContain('2024年5月5日');
    expect(d?.message).not.toContain('45417');
  });
});

/** The sample's bytes with one part of the zip changed. */
async function zipVariant(change: (zip: JSZip) => Promise<void> | void, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(SAMPLE));
  await change(zip);
  const file = path.join(dir, name);
  await fs.writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

describe('small files that would exhaust memory', () => {
  it('a merge A40:XFD1048576 is clipped to the sheet’s cells with a warning, and the unit is scored', async () => {
    const input = await zipVariant(async (zip) => {
      const file = 'xl/worksheets/sheet5.xml';
      const xml = await zip.file(file)!.async('string');
      zip.file(file, xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A40:XFD1048576"/></mergeCells>').replace(/<mergeCells count="\d+">([\s\S]*?)<\/mergeCells><mergeCells count="1">/, '<mergeCells>$1'));
    }, 'merge.xlsx');
    const r = await score(input);
    expect(r.report.diagnostics).toContainEqual(expect.objectContaining({ code: 'MERGE_CLIPPED', cell: 'A40' }));
    expect(r.report.units).toHaveLength(10);
  });

  it('a sheet of a million cells is refused with a message, before ExcelJS builds it', async () => {
    const input = await zipVariant((zip) => {
      const rows: string[] = [];
      for (let r = 1; r <= 700_000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>1</v></c></row>`);
      zip.file('xl/worksheets/sheet14.xml', `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`);
    }, 'rows.xlsx');
    const r = await score(input);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('单元格超过');
    expect(r.stderr).toContain('往年汇总');
  });

  it('a zip whose parts declare gigabytes is refused by its directory, before anything is unpacked', async () => {
    const bytes = await fs.readFile(SAMPLE);
    // Raise one entry's declared size in the central directory to 3 GB.
    const at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(3_000_000_000, at + 24);
    const file = path.join(dir, 'bomb.xlsx');
    await fs.writeFile(file, bytes);
    const r = await score(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('解压后超过');
  });
});

describe('a zip that lies about its sizes', () => {
  const saved = LIMITS.unpackedBytes;
  afterEach(() => {
    LIMITS.unpackedBytes = saved;
  });

  it('is unpacked under a budget and refused the moment it is spent, not after ExcelJS has unpacked it all', async () => {
    LIMITS.unpackedBytes = 2 * 1024 * 1024;
    const zip = await JSZip.loadAsync(await fs.readFile(SAMPLE));
    zip.file('xl/worksheets/sheet14.xml', `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${' '.repeat(4 * 1024 * 1024)}</sheetData></worksheet>`);
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    // The central directory says the part is 1,000 bytes.
    for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
      if (bytes.toString('utf8', at + 46, at + 46 + bytes.readUInt16LE(at + 28)).endsWith('sheet14.xml')) bytes.writeUInt32LE(1000, at + 24);
    }
    const file = path.join(dir, 'liar.xlsx');
    await fs.writeFile(file, bytes);
    const r = await score(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('解压后超过 2 MB');
  });
});

describe('documents that are not .xlsx say what they are', () => {
  it.each([
    ['an .ods', async () => {
      const ods = new JSZip();
      ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
      ods.file('content.xml', '<office:document-content/>');
      return ods;
    }, 'OpenDocument 表格'],
    ['a .docx', async () => {
      const docx = new JSZip();
      docx.file('[Content_Types].xml', '<Types/>');
      docx.file('word/document.xml', '<w:document/>');
      return docx;
    }, 'Word 文档'],
    ['a zip of junk', async () => {
      const junk = new JSZip();
      junk.file('readme.txt', 'hello');
      return junk;
    }, '没有 Excel 工作簿'],
  ])('%s', async (_what, make, words) => {
    const zip = await make();
    const file = path.join(dir, 'doc.xlsx');
    await fs.writeFile(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await score(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(words);
  });
});
