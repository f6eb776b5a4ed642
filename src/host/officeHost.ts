/**
 * The Office.js host: the workbook open in Excel, for the task pane. The only host that calls
 * Excel.run and names Excel's objects; the app gives it plain grids and write plans. Its parts:
 * reading (officeRead.ts), write plans in batches Excel on the web accepts (officeWrite.ts,
 * officeBatches.ts), styles and page layout (officeLayout.ts), cell input (officeCells.ts) and
 * what it tells the user when something fails (officeErrors.ts).
 *
 * API sets: the manifest asks for ExcelApi 1.9 (README: which Office runs the pane): below it are only
 * Office 2016 and the 2019 volume edition, whose IE11 webview cannot run the pane anyway. The host
 * still checks at run time (an Excel that ignores the manifest's minimum): suspending calculation
 * needs 1.6, chart category values and Worksheet.copy 1.7, page layout, indent and RangeAreas 1.9, merged areas 1.13,
 * notes 1.18 — and an Office.js that has the notes API: the requirement set says what Excel can
 * do, the library in the pane must also know the call (an old self-hosted office.js does not).
 * Without them the host says in Chinese what it did not do (and, for notes, what it could not read).
 */
import type { Grid } from '../sheet/grid';
import type { ApplyOutcome, WorkbookHost, WritePlan } from './host';
import { explain, MESSAGES } from './officeErrors';
import type { FitMode } from './officeLayout';
import { readWorkbook } from './officeRead';
import { runSelfCheck, type OfficeInfo, type SelfCheckReport } from './officeSelfCheck';
import { writePlan } from './officeWrite';

export { REQUEST_LIMIT } from './officeBatches';
export { cellInput, formulaText, rectangles } from './officeCells';
export { columnPoints } from './officeLayout';
export { OfficeHostError } from './officeErrors';
export { selfCheckText, type SelfCheckReport } from './officeSelfCheck';

/** Runs a batch against a request context: Excel.run in Excel, a mock in tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
/** Whether this Excel has an ExcelApi requirement set: supports('1.13'). */
export type RequirementCheck = (version: string) => boolean;
/** Whether the Office.js in the pane has an API the requirement sets cannot vouch for. */
export type ApiCheck = (api: 'worksheetNotes') => boolean;

/** What the self-check found this Excel does differently, and the host works around. */
export interface HostFallbacks {
  /** 'scale' where the fit-to-pages zoom does not read back. */
  fit?: FitMode;
  /** The default font's digit width in pixels, where it is not 7. */
  digitPixels?: number;
}

const defaultRun: ExcelRunner = (batch) => Excel.run(batch);
const defaultSupports: RequirementCheck = (version) => Office.context.requirements.isSetSupported('ExcelApi', version);
/** The notes API is in the library itself: an Office.js older than ExcelApi 1.18 has no Worksheet.notes, whatever Excel supports. */
const defaultApis: ApiCheck = (api) => api === 'worksheetNotes' && typeof Excel !== 'undefined' && typeof Excel.Worksheet === 'function' && 'notes' in Excel.Worksheet.prototype;

export class OfficeHost implements WorkbookHost {
  /** What this Excel cannot do, in Chinese, for the pane to show. Filled as reads find out. */
  readonly limitations: string[] = [];
  /** Set by the self-check. */
  fallbacks: HostFallbacks = {};

  /**
   * `run` runs a batch (Excel.run by default; a fake in tests); `supports` asks whether an
   * ExcelApi set is there (Office.context.requirements by default); `apis` whether the loaded
   * Office.js has an API; `timeoutMs` how long a context.sync may take before the user is told.
   */
  constructor(
    private readonly run: ExcelRunner = defaultRun,
    private readonly supports: RequirementCheck = defaultSupports,
    private readonly apis: ApiCheck = defaultApis,
    private readonly timeoutMs?: number,
  ) {}

  async readGrids(): Promise<Grid[]> {
    const mergedAreas = this.supports('1.13');
    if (!mergedAreas) this.limit(MESSAGES.noMergedAreas);
    const notes = this.notesApi();
    if (!notes) this.limit(MESSAGES.noReadNotes);
    try {
      return await this.run((context) => readWorkbook(context, { mergedAreas, notes }, (m) => this.limit(m), this.timeoutMs));
    } catch (e) {
      throw explain(e);
    }
  }

  async apply(plan: WritePlan): Promise<ApplyOutcome> {
    const skipped: string[] = [];
    const notesApi = this.notesApi();
    const can = {
      layout: this.supports('1.9'),
      copy: this.supports('1.7'),
      notes: notesApi,
      fit: this.fallbacks.fit ?? 'fit',
      digitPixels: this.fallbacks.digitPixels ?? 7,
    };
    const notes = plan.cells.filter((c) => c.note !== undefined && c.note !== '');
    if (!notesApi && notes.length > 0) skipped.push(MESSAGES.noNotes([...new Set(notes.map((n) => `“${n.sheet}”${n.cell}`))]));
    try {
      await this.run((context) => writePlan(context, plan, can, skipped, this.timeoutMs));
    } catch (e) {
      throw explain(e);
    }
    return { skipped };
  }

  /**
   * 自检 (officeSelfCheck.ts) on a temporary sheet; the fallbacks it finds are used from then on.
   * `info`: Office.context.diagnostics' platform and version, as the pane knows them.
   */
  async selfCheck(info: OfficeInfo, progress?: (step: string) => void): Promise<SelfCheckReport> {
    const report = await runSelfCheck({ run: this.run, supports: this.supports, apis: this.apis, host: this, timeoutMs: this.timeoutMs }, info, progress);
    this.fallbacks = { ...this.fallbacks, ...report.fallbacks };
    return report;
  }

  /** Notes need ExcelApi 1.18 and an Office.js that has the notes API. */
  private notesApi(): boolean {
    return this.supports('1.18') && this.apis('worksheetNotes');
  }

  private limit(message: string): void {
    if (!this.limitations.includes(message)) this.limitations.push(message);
  }
}
