/**
 * 信访事项办理台账: the case register, one case per row under a header such as
 * 编号 | 受理日期 | 信访人 | 事由 | 责任单位 | 来源 | 类别 | 办理期限 | 延期 | 延期批准 | 办结日期 | 状态.
 * Columns are found by name in any order. The 信访人 and 事由 columns are never read: no
 * petitioner's name or matter leaves the register.
 */
import type { Case } from '../engine/cases/register';
import type { Counting } from '../engine/cases/deadline';
import { diagnose, type Diagnostic } from '../engine/diagnostics';
import { cleanText, fold, nearestName } from '../engine/text';
import { isoDate, parseDate } from './dates';
import { display, parseVeto } from './entry';
import { a1, type CellValue, type Grid } from './grid';
import { findListLayout, type ColumnSpec } from './listSheet';
import { privateGuard } from './readLedger';

type Column = 'id' | 'registered' | 'accepted' | 'unit' | 'source' | 'kind' | 'limit' | 'extension' | 'approved' | 'closed' | 'status';

export const REGISTER_COLUMNS: ColumnSpec<Column>[] = [
  { key: 'id', names: ['编号', '案件编号', '信访编号', '事项编号', '登记编号'], required: true },
  { key: 'accepted', names: ['受理日期', '受理时间'] },
  { key: 'registered', names: ['登记日期', '登记时间', '来信来访日期'] },
  { key: 'unit', names: ['责任单位', '承办单位', '办理单位', '主办单位'], required: true },
  { key: 'source', names: ['来源', '信访来源', '交办来源', '案件来源'] },
  { key: 'kind', names: ['类别', '事项类别', '信访类别', '类型'] },
  { key: 'limit', names: ['办理期限', '期限', '办理时限'] },
  { key: 'extension', names: ['延期', '延期天数', '延长期限', '延期至'] },
  { key: 'approved', names: ['延期批准', '延期是否批准', '批准延期'] },
  { key: 'closed', names: ['办结日期', '结案日期', '办结时间'] },
  { key: 'status', names: ['状态', '办理状态', '办结情况'] },
];

/** Sheet names that mark a register: 信访事项办理台账, 信访案件办理台账, 办理情况登记 … */
export function isRegisterName(name: string): boolean {
  return /办理台账|案件台账|事项台账|办理登记/.test(fold(name));
}

/** A sheet whose header has the register's columns (编号, 责任单位 and a 受理/登记日期). */
export function hasRegisterHeader(grid: Grid): boolean {
  // Cheap first: a register's header names its 编号 within the top rows.
  const top = grid.rows.slice(0, 20);
  if (!top.some((row) => row?.some((v) => typeof v === 'string' && v.includes('编号')))) return false;
  const { layout } = findListLayout(grid, REGISTER_COLUMNS);
  return layout !== null && (layout.columns.accepted !== undefined || layout.columns.registered !== undefined);
}

export interface RegisterContext {
  /** The units of the assessment, as the score tables name them; null: any unit is accepted. */
  units: string[] | null;
  /** The assessment year; cases accepted in another year, or closed after the next one, are not counted. null: not checked. */
  year: number | null;
}

export interface RegisterReading {
  sheet: string;
  cases: Case[];
  diagnostics: Diagnostic[];
  /** The row the header is on (0-based), for the pane and the 办理情况 sheet. */
  headerRow: number | null;
}

const CLOSED_WORDS = /办结|已结|结案|完结|已办/;
const OPEN_WORDS = /办理中|未办结|在办|未结|正在/;

/** 办理期限 as written: 60, '60日', '60天', '20个工作日' → days, and 工作日 when it says so. */
function parseLimit(v: CellValue): { days: number; counting: Counting | null } | null {
  if (typeof v === 'number') return Number.isInteger(v) && v > 0 ? { days: v, counting: null } : null;
  const m = /^(\d+)\s*(?:个)?\s*(工作日|日|天|自然日)?$/.exec(fold(display(v)).trim());
  if (!m || Number(m[1]) <= 0) return null;
  return { days: Number(m[1]), counting: m[2] === '工作日' ? 'working' : m[2] === '自然日' ? 'natural' : null };
}

/** 延期 as written: days (30, '30日') or the new due date. */
function parseExtension(v: CellValue): { days: number } | { until: string } | 'bad' {
  if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 1000) return { days: v };
  const date = parseDate(v);
  if (date) return { until: isoDate(date) };
  const m = /^(\d+)\s*(?:日|天)?$/.exec(fold(display(v)).trim());
  return m && Number(m[1]) > 0 ? { days: Number(m[1]) } : 'bad';
}

/** Reads the register. Rows with errors are reported and not counted; nothing is guessed. */
export function readRegister(grid: Grid, context: RegisterContext): RegisterReading {
  const sheet = grid.name;
  const diagnostics: Diagnostic[] = [];
  const { layout, missing } = findListLayout(grid, REGISTER_COLUMNS);
  const col = layout?.columns;
  if (!layout || !col || (col.accepted === undefined && col.registered === undefined)) {
    const names = missing.map((k) => REGISTER_COLUMNS.find((c) => c.key === k)?.names[0] as string);
    if (!col || (col.accepted === undefined && col.registered === undefined)) names.push('受理日期（或登记日期）');
    diagnostics.push(diagnose('CASE_HEADER', { missing: names.join('、') }, sheet, 'A1'));
    return { sheet, cases: [], diagnostics, headerRow: null };
  }
  const units = context.units ? new Map(context.units.map((u) => [cleanText(u), u])) : null;
  const seen = new Map<string, string>();
  const cases: Case[] = [];
  // A value quoted in a message never repeats what the 信访人 / 事由 columns hold (typed in the wrong column).
  const shown = privateGuard(grid, layout.headerRow, layout.rows);
  const width = Math.max(...Object.values(col).map((c) => (c as number) + 1), grid.rows[layout.headerRow]?.length ?? 0);

  for (const r of layout.rows) {
    const row = grid.rows[r];
    const at = (c: number | undefined) => (c === undefined ? null : (row[c] ?? null));
    const cellOf = (c: number | undefined) => a1(r, c ?? 0);
    const problems: Diagnostic[] = [];
    const notes: Diagnostic[] = [];

    const id = cleanText(display(at(col.id)));
    if (id === '') problems.push(diagnose('CASE_NO_ID', {}, sheet, cellOf(col.id)));

    const dateIn = (key: 'accepted' | 'registered' | 'closed', column: string): string | null => {
      const raw = at(col[key]);
      if (raw === null || display(raw).trim() === '') return null;
      // Excel (Office.js) gives a date with a time of day as a fractional serial: the day is what counts.
      const d = parseDate(typeof raw === 'number' && raw > 0 ? Math.floor(raw) : raw);
      if (!d) {
        problems.push(diagnose('CASE_BAD_DATE', { column, value: shown(display(raw)) }, sheet, cellOf(col[key])));
        return null;
      }
      return isoDate(d);
    };
    const acceptedOwn = dateIn('accepted', '受理日期');
    const registered = dateIn('registered', '登记日期');
    const accepted = acceptedOwn ?? registered;
    const acceptedCell = cellOf(acceptedOwn !== null || col.registered === undefined ? col.accepted : col.registered);
    if (accepted === null && problems.length === 0) problems.push(diagnose('CASE_NO_DATE', {}, sheet, acceptedCell));
    const closed = dateIn('closed', '办结日期');

    const unitText = cleanText(display(at(col.unit)));
    let unit: string | undefined = unitText;
    if (units) {
      unit = units.get(unitText);
      if (!unit) {
        const near = nearestName(unitText, [...units.values()]);
        problems.push(diagnose('CASE_UNKNOWN_UNIT', { value: shown(unitText) || '（空）', hint: near ? `，是否为“${near}”？` : '' }, sheet, cellOf(col.unit)));
      }
    } else if (unitText === '') {
      problems.push(diagnose('CASE_UNKNOWN_UNIT', { value: '（空）', hint: '' }, sheet, cellOf(col.unit)));
    }

    let limit: { days: number; counting: Counting | null } | null = null;
    const limitRaw = at(col.limit);
    if (limitRaw !== null && display(limitRaw).trim() !== '') {
      limit = parseLimit(limitRaw);
      if (!limit) problems.push(diagnose('CASE_BAD_LIMIT', { value: shown(display(limitRaw)) }, sheet, cellOf(col.limit)));
    }

    let extension: Case['extension'] = null;
    const extRaw = at(col.extension);
    if (extRaw !== null && display(extRaw).trim() !== '' && !/^(无|否|-|—|\/)$/.test(display(extRaw).trim())) {
      const parsed = parseExtension(extRaw);
      // Its length, either way written, is measured against 延期上限 with the due date (evaluateCase).
      if (parsed === 'bad') problems.push(diagnose('CASE_BAD_EXTENSION', { value: shown(display(extRaw)) }, sheet, cellOf(col.extension)));
      else if (parseVeto(at(col.approved)).kind === 'no') {
        notes.push(diagnose('CASE_EXTENSION_NOT_APPROVED', {}, sheet, cellOf(col.approved)));
      } else extension = parsed;
    }

    if (accepted && closed && closed < accepted) {
      problems.push(diagnose('CASE_CLOSED_BEFORE_ACCEPTED', { closed, accepted }, sheet, cellOf(col.closed)));
    } else if (closed && context.year !== null && Number(closed.slice(0, 4)) > context.year + 1) {
      // A case of the year may be closed late in the next one; later than that is a mistyped year, not a late case.
      problems.push(diagnose('CASE_CLOSED_OUTSIDE_YEAR', { closed, year: context.year, next: context.year + 1 }, sheet, cellOf(col.closed)));
    }
    if (id !== '' && seen.has(id)) problems.push(diagnose('CASE_DUPLICATE_ID', { id: shown(id), first: seen.get(id) as string }, sheet, cellOf(col.id)));
    else if (id !== '') seen.set(id, cellOf(col.id));

    const status = cleanText(display(at(col.status)));
    if (status !== '') {
      if (closed && OPEN_WORDS.test(status)) notes.push(diagnose('CASE_STATUS_CONFLICT', { status: shown(status), why: '填写了办结日期，按已办结计' }, sheet, cellOf(col.status)));
      else if (!closed && CLOSED_WORDS.test(status) && !OPEN_WORDS.test(status)) {
        notes.push(diagnose('CASE_STATUS_CONFLICT', { status: shown(status), why: '没有办结日期，无法判断是否按期，按未办结计；请补填办结日期' }, sheet, cellOf(col.status)));
      }
    }

    diagnostics.push(...problems, ...notes);
    if (problems.length > 0 || !accepted || !unit) continue;
    if (context.year !== null && Number(accepted.slice(0, 4)) !== context.year) {
      diagnostics.push(diagnose('CASE_OTHER_YEAR', { date: accepted, year: context.year }, sheet, acceptedCell));
      continue;
    }
    cases.push({
      sheet,
      row: r,
      range: `${a1(r, 0)}:${a1(r, Math.max(0, width - 1))}`,
      cells: { row: a1(r, 0), id: cellOf(col.id), accepted: acceptedCell, closed: col.closed === undefined ? null : cellOf(col.closed), extension: col.extension === undefined ? null : cellOf(col.extension) },
      id,
      accepted,
      unit,
      source: cleanText(display(at(col.source))),
      kind: cleanText(display(at(col.kind))),
      limitDays: limit?.days ?? null,
      limitCounting: limit?.counting ?? null,
      extension,
      closed,
    });
  }
  return { sheet, cases, diagnostics, headerRow: layout.headerRow };
}
