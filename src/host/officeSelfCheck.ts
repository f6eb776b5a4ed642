/**
 * 自检: tries, on a temporary sheet, the behaviours of Excel this add-in depends on and that differ
 * between Excel versions — a write request near the size limit, a read response of Chinese text,
 * the print zoom set and read back, merged areas (beyond 512 too), '001 / a date with a time / a
 * text-formatted cell, column width units, replacing a sheet — then removes the sheet and reports
 * platform, version, requirement sets and pass/fail per behaviour, as text to copy. Where a
 * behaviour fails and the host has another way, the report says which (`fallbacks`), and the host
 * uses it from then on.
 */
import { parseDate } from '../sheet/dates';
import type { WorkbookHost } from './host';
import type { ApiCheck, ExcelRunner, HostFallbacks, RequirementCheck } from './officeHost';
import { jsonBytes, REQUEST_LIMIT, syncOf } from './officeBatches';
import { columnPoints } from './officeLayout';
import { TEMPORARY_PREFIX } from './officeWrite';

export interface CheckResult {
  /** What was tried, in Chinese. */
  name: string;
  ok: boolean;
  /** What happened, and what the host does about it. */
  detail: string;
}

export interface SelfCheckReport {
  platform: string;
  version: string;
  /** ExcelApi versions this Excel says it supports: ['1.1', … '1.17']. */
  sets: string[];
  /** Whether the loaded Office.js has the notes API. */
  notesApi: boolean;
  checks: CheckResult[];
  fallbacks: HostFallbacks;
}

/** What Office says about where it runs, or unknown. */
export interface OfficeInfo {
  platform: string;
  version: string;
}

const SHEET = `${TEMPORARY_PREFIX}check`;
/** Bytes of Chinese text the size check writes in one request: close to what the host's batches send at most. */
const NEAR_LIMIT = Math.floor(REQUEST_LIMIT * 0.85);
const EXCEL_API_VERSIONS = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`);

/** What the check needs of the host: its runner and checks, and a host to replace a sheet with as the pane would. */
export interface SelfCheckHost {
  run: ExcelRunner;
  supports: RequirementCheck;
  apis: ApiCheck;
  host: WorkbookHost;
  timeoutMs?: number;
}

export async function runSelfCheck({ run, supports, apis, host, timeoutMs }: SelfCheckHost, info: OfficeInfo, progress: (step: string) => void = () => undefined): Promise<SelfCheckReport> {
  const checks: CheckResult[] = [];
  const fallbacks: HostFallbacks = {};
  const check = async (name: string, body: () => Promise<Omit<CheckResult, 'name'>>) => {
    progress(name);
    try {
      checks.push({ name, ...(await body()) });
    } catch (e) {
      const code = (e as { code?: string }).code;
      checks.push({ name, ok: false, detail: `Excel 报错：${code ?? (e instanceof Error ? e.message : String(e))}` });
    }
  };

  await run(async (context) => {
    const sync = syncOf(context, timeoutMs);
    const sheets = context.workbook.worksheets;
    // A sheet left by an earlier check that was cut off.
    const left = sheets.getItemOrNullObject(SHEET);
    left.load('name');
    await sync();
    if (!left.isNullObject) {
      left.delete();
      await sync();
    }
    sheets.add(SHEET);
    await sync();
    const ws = () => context.workbook.worksheets.getItem(SHEET);
    try {
      await check('接近上限的写入请求（约 3.4 MB 中文）', async () => {
        const text = '考核评分表扣分因素'.repeat(13);
        const cols = 10;
        const rows = Math.ceil(NEAR_LIMIT / (jsonBytes(text) * cols));
        const values = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => `${r}-${c}${text}`));
        const range = ws().getRangeByIndexes(0, 0, rows, cols);
        range.untrack();
        range.values = values;
        await sync();
        return { ok: true, detail: `一次写入 ${(jsonBytes(values) / 1e6).toFixed(1)} MB 成功` };
      });
      await check('读取中文内容的响应', async () => {
        const range = ws().getRangeByIndexes(0, 0, 400, 10);
        range.load('values');
        await sync();
        const bad = range.values.flat().filter((v, i) => typeof v !== 'string' || !v.startsWith(`${Math.floor(i / 10)}-${i % 10}考核评分表`)).length;
        return bad === 0 ? { ok: true, detail: '4,000 格中文原样读回' } : { ok: false, detail: `${bad} 格读回的内容与写入的不同` };
      });
      await check('打印缩放：按页宽缩放并读回', async () => {
        const layout = ws().pageLayout;
        layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        await sync();
        layout.load('zoom');
        await sync();
        const zoom = layout.zoom;
        if (zoom?.horizontalFitToPages === 1) return { ok: true, detail: '1 页宽、页数不限，读回一致' };
        fallbacks.fit = 'scale';
        return { ok: false, detail: `读回为 ${JSON.stringify(zoom)}；生成的表改用按列宽算出的缩放比例` };
      });
      await check('合并单元格：600 个合并区域', async () => {
        const base = 1000;
        for (let i = 0; i < 600; i++) {
          const range = ws().getRangeByIndexes(base + i, 0, 1, 2);
          range.untrack();
          range.merge(false);
        }
        await sync();
        if (!supports('1.13')) return { ok: false, detail: '没有 ExcelApi 1.13，读不出合并区域；按单元格内容识别表格' };
        const areas = ws().getRange(`A${base + 1}:B${base + 600}`).getMergedAreasOrNullObject();
        const list = areas.areas;
        list.load('items/rowIndex');
        try {
          await sync();
        } catch (e) {
          return { ok: false, detail: `超过 512 个合并区域时读取失败（${(e as { code?: string }).code ?? '错误'}）；这样的工作表按单元格内容识别表格` };
        }
        const n = areas.isNullObject ? 0 : list.items.length;
        return n === 600 ? { ok: true, detail: '600 个区域全部读回' } : { ok: false, detail: `只读回 ${n} 个；这样的工作表按单元格内容识别表格` };
      });
      await check('“001”、带时间的日期、文本格式的单元格', async () => {
        const a = ws().getRange('L1:L4');
        a.untrack();
        a.numberFormat = [['General'], ['yyyy-mm-dd hh:mm'], ['@'], ['@']];
        a.values = [["'001"], [45356.604], ['001'], ["'001"]];
        await sync();
        const b = ws().getRange('L1:L4');
        b.load('values');
        await sync();
        const [[plain], [date], [text], [textWithApostrophe]] = b.values;
        const problems: string[] = [];
        if (plain !== '001') problems.push(`'001 读回为 ${JSON.stringify(plain)}`);
        const day = parseDate(date as number);
        if (!day || day.year !== 2024 || day.month !== 3 || day.day !== 5) problems.push(`日期时间读回为 ${JSON.stringify(date)}`);
        if (text !== '001') problems.push(`文本格式单元格中的 001 读回为 ${JSON.stringify(text)}`);
        const apostrophe = textWithApostrophe === "'001" ? '文本格式单元格保留了撇号（本加载项写入文本格式单元格时不加撇号）' : '文本格式单元格中撇号不保留';
        return problems.length === 0 ? { ok: true, detail: `均原样读回；${apostrophe}` } : { ok: false, detail: `${problems.join('；')}；${apostrophe}` };
      });
      await check('列宽单位（10 个字符宽）', async () => {
        const column = ws().getRange('N:N');
        column.untrack();
        column.format.columnWidth = columnPoints(10);
        const digits = ws().getRange('P1');
        // Text, or Excel would take it as the number 0.
        digits.values = [["'0000000000"]];
        digits.format.autofitColumns();
        await sync();
        const set = ws().getRange('N1').format;
        set.load('columnWidth');
        const fitted = ws().getRange('P1').format;
        fitted.load('columnWidth');
        await sync();
        const pixels = Math.round((fitted.columnWidth / 0.75 - 5) / 10);
        const readBack = Math.abs(set.columnWidth - columnPoints(10)) < 1;
        if (pixels !== 7 && pixels >= 5 && pixels <= 12) fallbacks.digitPixels = pixels;
        const digitNote = pixels === 7 ? '默认字体数字宽 7 像素' : `默认字体数字宽约 ${pixels} 像素，生成的表按此换算列宽`;
        return readBack ? { ok: pixels === 7, detail: `设置 ${columnPoints(10)} 磅读回 ${set.columnWidth} 磅；${digitNote}` } : { ok: false, detail: `设置 ${columnPoints(10)} 磅读回 ${set.columnWidth} 磅；${digitNote}` };
      });
    } finally {
      // The temporary sheet goes whatever happened.
      progress('删除临时工作表');
      try {
        context.workbook.worksheets.getItem(SHEET).delete();
        await sync();
      } catch {
        // Reported below by the leftover check of the next write, which removes ~kaohe-* sheets.
      }
    }
  });

  await check('替换工作表（先建新表，写完再换下旧表）', async () => {
    const name = '考核助手自检';
    await host.apply({ cells: [], sheets: [{ name, cells: [{ cell: 'A1', value: '旧' }], merges: [], columnWidths: [] }] });
    await host.apply({ cells: [], sheets: [{ name, cells: [{ cell: 'A1', value: '新' }], merges: [], columnWidths: [] }] });
    const grids = await host.readGrids();
    const mine = grids.filter((g) => g.name === name);
    const stray = grids.filter((g) => g.name.startsWith(TEMPORARY_PREFIX)).map((g) => g.name);
    await host.apply({ cells: [], sheets: [], removeSheets: [name] });
    if (mine.length === 1 && mine[0].rows[0]?.[0] === '新' && stray.length === 0) return { ok: true, detail: '替换后只有新表，没有留下临时工作表' };
    return { ok: false, detail: `替换后：${mine.length} 张“${name}”，A1 为 ${JSON.stringify(mine[0]?.rows[0]?.[0] ?? null)}，临时工作表 ${stray.join('、') || '无'}` };
  });

  return {
    platform: info.platform,
    version: info.version,
    sets: EXCEL_API_VERSIONS.filter((v) => supports(v)),
    notesApi: apis('worksheetNotes'),
    checks,
    fallbacks,
  };
}

/** The report as text to copy and send: 考核助手自检 …, one line per behaviour. */
export function selfCheckText(report: SelfCheckReport, when: string): string {
  const sets = report.sets.length > 0 ? `ExcelApi ${report.sets[0]}–${report.sets[report.sets.length - 1]}` : '无';
  return [
    `考核助手自检 ${when}`,
    `平台：${report.platform}；版本：${report.version}`,
    `支持的要求集：${sets}；Office.js 批注接口：${report.notesApi ? '有' : '无'}`,
    ...report.checks.map((c) => `${c.ok ? '通过' : '未通过'}\u3000${c.name}：${c.detail}`),
    `采用的替代做法：${[report.fallbacks.fit === 'scale' ? '打印按比例缩放' : '', report.fallbacks.digitPixels ? `列宽按数字 ${report.fallbacks.digitPixels} 像素换算` : ''].filter(Boolean).join('；') || '无'}`,
  ].join('\n');
}
