/**
 * 信访台账: a sheet of petition events, one per row, under a header such as
 * 日期 | 单位 | 级别 | 类别 | 人数 | 批次 | 及时稳控调处 | 不列入考评原因 | 事由 | 信访人.
 * The 信访人 and 事由 columns are never read: petitioners' names stay in the ledger.
 */
import { diagnose, type Diagnostic } from '../engine/diagnostics';
import { exclusionFor, parseKind, parseLevel, type PetitionEvent } from '../engine/ledger';
import { cleanText, fold, nearestName } from '../engine/text';
import { parseDate, isoDate } from './dates';
import { display, parseVeto, wholeNumber } from './entry';
import { a1, type Grid } from './grid';
import { findListLayout, type ColumnSpec } from './listSheet';

type Column = 'date' | 'unit' | 'level' | 'kind' | 'persons' | 'batches' | 'stabilised' | 'excluded';

export const LEDGER_COLUMNS: ColumnSpec<Column>[] = [
  { key: 'date', names: ['日期', '上访日期', '信访日期', '时间'], required: true },
  { key: 'unit', names: ['单位', '所属单位', '村(居)', '村居', '责任单位', '被考核单位'], required: true },
  { key: 'level', names: ['级别', '上访级别', '去向', '层级'], required: true },
  { key: 'kind', names: ['类别', '类型', '上访类型', '性质'], required: true },
  { key: 'persons', names: ['人数', '人次'], required: true },
  { key: 'batches', names: ['批次', '起数'] },
  { key: 'stabilised', names: ['及时稳控调处', '及时稳控', '是否及时稳控', '稳控调处'] },
  { key: 'excluded', names: ['不列入考评原因', '不列入考评', '不计入原因', '排除原因'] },
];

/** Headers of the columns that hold people and their matters: never shown anywhere. */
const PRIVATE_HEADER = /信访人|上访人|来访人|姓名|当事人|事由|诉求|反映问题|主要问题/;

/**
 * What a message may quote from a cell the reader does read: a name typed by mistake into the
 * 单位 column (the 信访人's name, or the 事由) must not leave the ledger in a diagnostic either.
 * Returns a function that replaces such a value with a note.
 */
export function privateGuard(grid: Grid, headerRow: number, rows: number[]): (text: string) => string {
  const columns = (grid.rows[headerRow] ?? []).flatMap((v, c) => (typeof v === 'string' && PRIVATE_HEADER.test(fold(v)) ? [c] : []));
  const values = new Set<string>();
  for (const r of rows) for (const c of columns) {
    const text = cleanText(display(grid.rows[r]?.[c] ?? null));
    if (text) values.add(text);
  }
  return (text) => (text && [...values].some((v) => v === text || (v.length >= 2 && text.includes(v))) ? '（与信访人或事由栏的内容相同，不显示）' : text);
}

/** Sheet names that mark a ledger. */
export function isLedgerName(name: string): boolean {
  return /信访台账|上访台账|信访登记/.test(fold(name));
}

export interface LedgerReading {
  sheet: string;
  events: PetitionEvent[];
  diagnostics: Diagnostic[];
}

export interface LedgerContext {
  /** The units of the assessment, as the score tables name them. */
  units: string[];
  /** The assessment year; events dated in another year are not counted. null: not checked. */
  year: number | null;
}

/** Reads the ledger. Rows with errors are reported and not counted; nothing is guessed. */
export function readLedger(grid: Grid, context: LedgerContext): LedgerReading {
  const sheet = grid.name;
  const diagnostics: Diagnostic[] = [];
  const { layout, missing } = findListLayout(grid, LEDGER_COLUMNS);
  if (!layout) {
    const names = missing.map((k) => LEDGER_COLUMNS.find((c) => c.key === k)?.names[0]).join('、');
    diagnostics.push(diagnose('LEDGER_HEADER', { sheet, missing: names }, sheet, 'A1'));
    return { sheet, events: [], diagnostics };
  }
  const col = layout.columns;
  const units = new Map(context.units.map((u) => [cleanText(u), u]));
  const events: PetitionEvent[] = [];
  const shown = privateGuard(grid, layout.headerRow, layout.rows);

  for (const r of layout.rows) {
    const row = grid.rows[r];
    const at = (c: number | undefined) => (c === undefined ? null : (row[c] ?? null));
    const cellOf = (c: number | undefined) => a1(r, c ?? 0);
    const problems: Diagnostic[] = [];

    const rawDate = at(col.date);
    const date = parseDate(rawDate);
    if (rawDate !== null && !date) {
      problems.push(diagnose('LEDGER_BAD_DATE', { value: display(rawDate) }, sheet, cellOf(col.date)));
    }

    const unitText = cleanText(display(at(col.unit)));
    const unit = units.get(unitText);
    if (!unit) {
      const near = nearestName(unitText, context.units);
      problems.push(
        diagnose('LEDGER_UNKNOWN_UNIT', { value: shown(unitText) || '（空）', hint: near ? `，是否为“${near}”？` : '；' }, sheet, cellOf(col.unit)),
      );
    }

    const levelText = cleanText(display(at(col.level)));
    const level = parseLevel(levelText);
    if (!level) problems.push(diagnose('LEDGER_UNKNOWN_LEVEL', { value: levelText || '（空）' }, sheet, cellOf(col.level)));

    const kindText = cleanText(display(at(col.kind)));
    const kind = parseKind(kindText);
    if (!kind) problems.push(diagnose('LEDGER_UNKNOWN_KIND', { value: kindText || '（空）' }, sheet, cellOf(col.kind)));

    const persons = wholeNumber(at(col.persons));
    if (persons === null || persons < 1) {
      problems.push(diagnose('LEDGER_BAD_COUNT', { column: '人数', value: display(at(col.persons)) || '（空）' }, sheet, cellOf(col.persons)));
    }
    const batchCell = at(col.batches);
    const batches = batchCell === null ? 1 : wholeNumber(batchCell);
    if (batches === null || batches < 1) {
      problems.push(diagnose('LEDGER_BAD_COUNT', { column: '批次', value: display(batchCell) }, sheet, cellOf(col.batches)));
    }

    const stabilisedCell = at(col.stabilised);
    const stabilisedAnswer = parseVeto(stabilisedCell);
    const stabilised = stabilisedAnswer.kind === 'yes' ? true : stabilisedAnswer.kind === 'no' ? false : null;
    if (stabilisedAnswer.kind === 'unknown') {
      problems.push(diagnose('LEDGER_BAD_ANSWER', { column: '及时稳控调处', value: display(stabilisedCell) }, sheet, cellOf(col.stabilised)));
    }

    let excluded: string | null = null;
    const reason = cleanText(display(at(col.excluded)));
    if (reason !== '') {
      excluded = exclusionFor(reason);
      if (!excluded) problems.push(diagnose('LEDGER_UNKNOWN_EXCLUSION', { value: reason }, sheet, cellOf(col.excluded)));
    }

    if (problems.length > 0 || !unit || !level || !kind || persons === null || batches === null) {
      diagnostics.push(...problems);
      continue;
    }
    if (date && context.year !== null && date.year !== context.year) {
      diagnostics.push(diagnose('LEDGER_OTHER_YEAR', { date: isoDate(date), year: context.year }, sheet, cellOf(col.date)));
      continue;
    }
    if (kind === '集体访' && !excluded) {
      diagnostics.push(diagnose('LEDGER_COLLECTIVE', { unit }, sheet, cellOf(col.kind)));
    }
    events.push({ sheet, cell: a1(r, 0), date: date ? isoDate(date) : null, unit, level, kind, persons, batches, stabilised, excluded });
  }
  return { sheet, events, diagnostics };
}
