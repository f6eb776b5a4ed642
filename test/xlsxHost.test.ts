/** The ExcelJS host writes generated sheets as planned: styles, merges, page setup, template copies, replacement in place. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XlsxHost } from '../src/host/xlsxHost';
import { absoluteRows } from '../src/host/xlsxPrintAreas';

async function hostWith(build: (wb: ExcelJS.Workbook) => void): Promise<XlsxHost> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return XlsxHost.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
}

async function reopened(host: XlsxHost): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await host.toBytes()) as unknown as ArrayBuffer);
  return wb;
}

test('a generated sheet: cells with styles and formulas, merges, widths, A4 page setup with print titles and footer', async () => {
  const host = await hostWith((wb) => wb.addWorksheet('张庄村').getCell('A1').value = '原表');
  const outcome = await host.apply({
    cells: [],
    sheets: [
      {
        name: '汇总排名',
        cells: [
          { cell: 'A1', value: '标题', style: { bold: true, fontSize: 16, fontName: '宋体', horizontal: 'center' } },
          { cell: 'B2', value: 3, formula: 'SUM(1,2)', style: { border: true, numFmt: '0.##' } },
        ],
        merges: ['A1:C1'],
        columnWidths: [6, 14, 12],
        rowHeights: { 1: 30 },
        page: { orientation: 'landscape', paper: 'A4', fitToWidth: 1, fitToHeight: 0, margins: { top: 25.4, bottom: 25.4, left: 12.7, right: 12.7 }, printArea: 'A1:C2', printTitleRows: '1:1', footer: '第 &P 页' },
        chart: { title: '总分', categories: 'A2:A2', values: 'B2:B2', from: 'E2', to: 'K12' },
      },
    ],
  });
  expect(outcome.skipped).toEqual([expect.stringContaining('柱状图')]);
  const wb = await reopened(host);
  const ws = wb.getWorksheet('汇总排名')!;
  expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16, name: '宋体' });
  expect(ws.getCell('B2').value).toEqual({ formula: 'SUM(1,2)', result: 3 });
  expect(ws.getCell('B2').border.top).toEqual({ style: 'thin' });
  expect((ws.model as unknown as { merges: string[] }).merges).toEqual(['A1:C1']);
  expect(ws.getColumn(2).width).toBe(14);
  expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, fitToHeight: 0, printArea: 'A1:C2', printTitlesRow: '1:1' });
  expect(ws.pageSetup.margins?.top).toBeCloseTo(1);
  expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页');
  expect(wb.getWorksheet('张庄村')!.getCell('A1').value).toBe('原表');
});

test('print areas are written absolute ($A$1:$F$43), as Excel writes them: LibreOffice reads ExcelJS’s $A1:$F43 with relative rows', async () => {
  expect(absoluteRows('A1:F43')).toBe('A$1:F$43');
  expect(absoluteRows('A1:B2&&$D$1:E2')).toBe('A$1:B$2&&D$1:E$2');
  expect(absoluteRows('A:F')).toBe('A:F');
  // A user's sheet with its own print area, and a generated one.
  const host = await hostWith((wb) => {
    const ws = wb.addWorksheet('张庄村');
    ws.getCell('A1').value = '原表';
    ws.pageSetup.printArea = 'A1:E40';
  });
  host.apply({ cells: [], sheets: [{ name: '签字表', cells: [{ cell: 'A1', value: 1 }], merges: [], columnWidths: [], page: { orientation: 'portrait', paper: 'A4', printArea: 'A1:F43' } }] });
  const bytes = await host.toBytes();
  const xml = await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string');
  const areas = [...xml.matchAll(/<definedName name="_xlnm.Print_Area"[^>]*>([^<]*)<\/definedName>/g)].map((m) => m[1]);
  expect(areas).toEqual(['&apos;张庄村&apos;!$A$1:$E$40', '&apos;签字表&apos;!$A$1:$F$43']);
  // Read back as they were; the host's own copy is unchanged by the write.
  const wb = await reopened(host);
  expect(wb.getWorksheet('签字表')!.pageSetup.printArea).toBe('A1:F43');
  expect(wb.getWorksheet('张庄村')!.pageSetup.printArea).toBe('A1:E40');
});

test('a sheet from a template keeps the template’s formatting and changes only the planned cells; the template stays', async () => {
  const host = await hostWith((wb) => {
    const t = wb.addWorksheet('责任书模板');
    t.getCell('A1').value = '{{单位}}目标责任书';
    t.getCell('A1').font = { name: '仿宋', size: 18, bold: true };
    t.getCell('A2').value = '甲方（签字）：';
    t.mergeCells('A1:D1');
  });
  await host.apply({ cells: [], sheets: [{ name: '张庄村责任书', copyOf: '责任书模板', cells: [{ cell: 'A1', value: '张庄村目标责任书' }], merges: [], columnWidths: [] }] });
  const wb = await reopened(host);
  const copy = wb.getWorksheet('张庄村责任书')!;
  expect(copy.getCell('A1').value).toBe('张庄村目标责任书');
  expect(copy.getCell('A1').font).toMatchObject({ name: '仿宋', size: 18, bold: true });
  expect(copy.getCell('A2').value).toBe('甲方（签字）：');
  expect((copy.model as unknown as { merges: string[] }).merges).toEqual(['A1:D1']);
  expect(wb.getWorksheet('责任书模板')!.getCell('A1').value).toBe('{{单位}}目标责任书');
});

test('replacing a generated sheet keeps its place among the sheets; removeSheets deletes only what it names', async () => {
  const host = await hostWith((wb) => {
    for (const n of ['甲', '汇总排名', '乙', '旧签字表']) wb.addWorksheet(n);
  });
  await host.apply({ cells: [], sheets: [{ name: '汇总排名', cells: [{ cell: 'A1', value: '新' }], merges: [], columnWidths: [] }], removeSheets: ['旧签字表'] });
  const wb = await reopened(host);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['甲', '汇总排名', '乙']);
  expect(wb.getWorksheet('汇总排名')!.getCell('A1').value).toBe('新');
});

test('a sheet copied out on its own (for a PDF) holds that sheet only', async () => {
  const host = await hostWith((wb) => {
    wb.addWorksheet('甲').getCell('A1').value = 1;
    wb.addWorksheet('乙').getCell('B2').value = '二';
  });
  const wb = await reopened(host.sheetCopy('乙'));
  expect(wb.worksheets.map((w) => w.name)).toEqual(['乙']);
  expect(wb.getWorksheet('乙')!.getCell('B2').value).toBe('二');
});

test('a date typed in a template, or in a sheet printed alone, stays a date in the copy (not the text of a JSON date)', async () => {
  const date = new Date(Date.UTC(2024, 11, 20));
  const host = await hostWith((wb) => {
    const t = wb.addWorksheet('责任书模板');
    t.getCell('A1').value = '{{单位}}目标责任书';
    t.getCell('B3').value = date;
    t.getCell('B3').numFmt = 'yyyy"年"m"月"d"日"';
  });
  await host.apply({ cells: [], sheets: [{ name: '张庄村责任书', copyOf: '责任书模板', cells: [{ cell: 'A1', value: '张庄村目标责任书' }], merges: [], columnWidths: [] }] });
  for (const wb of [await reopened(host), await reopened(host.sheetCopy('张庄村责任书'))]) {
    const cell = wb.getWorksheet('张庄村责任书')!.getCell('B3');
    expect(cell.value).toEqual(date);
    expect(cell.numFmt).toBe('yyyy"年"m"月"d"日"');
  }
});
