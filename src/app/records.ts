/**
 * The deduction records of a workbook — the 扣分明细 log and the 信访台账 ledger — applied to
 * its score tables: which items are computed from the rules, their deductions, and what
 * disagrees with what was typed. Nothing typed is changed here; the write plan decides what
 * may be filled in.
 */
import type { Decimal } from '../engine/decimal';
import { compileScheme, computeItems, ledgerRecords, registerRecords, resolveLogRow, type CompiledItem, type CountRecord, type Deduction } from '../engine/deductions';
import { diagnose, type Diagnostic } from '../engine/diagnostics';
import type { PetitionEvent } from '../engine/ledger';
import type { Entry, Scheme, UnitEntries } from '../engine/model';
import { ruleMessage } from '../engine/rules';
import { a1, parseA1, type Grid } from '../sheet/grid';
import { yearIn } from '../sheet/dates';
import { isLedgerName, readLedger, LEDGER_COLUMNS } from '../sheet/readLedger';
import { isLogName, readLog, type LogReading } from '../sheet/readLog';
import { findListLayout } from '../sheet/listSheet';
import type { ScoreTable } from '../sheet/readScoreTable';
import { hasRegisterHeader, isRegisterName } from '../sheet/readRegister';
import type { CasesResult } from './cases';
import { MEASURE_NAMES, ratesIn, targetCheck } from '../engine/cases/caseRules';

/** Sheets by their names: deduction logs, petition ledgers, case registers (by name or header), and the rest (score tables and others). */
export function splitSheets(grids: Grid[]): { tables: Grid[]; logs: Grid[]; ledgers: Grid[]; registers: Grid[] } {
  const logs = grids.filter((g) => isLogName(g.name));
  const registers = grids.filter((g) => !logs.includes(g) && (isRegisterName(g.name) || hasRegisterHeader(g)));
  const ledgers = grids.filter((g) => !logs.includes(g) && !registers.includes(g) && isLedgerName(g.name));
  const tables = grids.filter((g) => !logs.includes(g) && !ledgers.includes(g) && !registers.includes(g));
  return { tables, logs, ledgers, registers };
}

/** A sheet that is not a score table but has the ledger's header is a ledger under another name. */
export function isLedgerByHeader(grid: Grid): boolean {
  return findListLayout(grid, LEDGER_COLUMNS).layout !== null;
}

export interface UnitRecords {
  /** The entries to score: computed items replace typed ones. */
  entries: UnitEntries;
  deductions: Deduction[];
  /** Entry cells that were blank and now hold a computed value: --out may fill them. */
  filled: { cell: string; value: Decimal }[];
}

export interface RecordsResult {
  byTable: Map<ScoreTable, UnitRecords>;
  diagnostics: Diagnostic[];
  /** Cells of the log's 扣分 column with the points each row moved. */
  logPoints: { sheet: string; cell: string; value: Decimal }[];
  /** Cells whose BLANK_ENTRY warning no longer holds (the value was computed). */
  computedCells: Set<string>;
  compiled: readonly CompiledItem[];
  ledgerEvents: number;
  logRows: number;
  /** 零上访: units with no counted event in the ledger; null when the workbook has no ledger. */
  zeroPetition: string[] | null;
}

export function applyRecords(tables: ScoreTable[], scheme: Scheme, reference: ScoreTable, logs: Grid[], ledgers: Grid[], cases: CasesResult | null = null): RecordsResult {
  const compiled = compileScheme(scheme);
  const diagnostics: Diagnostic[] = [...notUnderstood(compiled, reference)];
  const units = tables.map((t) => t.unit);
  const year = yearIn(reference.title) ?? yearIn(reference.date);

  const events: PetitionEvent[] = [];
  for (const g of ledgers) {
    const reading = readLedger(g, { units, year });
    diagnostics.push(...reading.diagnostics);
    events.push(...reading.events);
  }
  const logReadings: LogReading[] = logs.map((g) => readLog(g, units));
  const logRecords = new Map<string, CountRecord[]>();
  const logPointsCell = new Map<CountRecord, string>();
  const logPointsTyped = new Map<CountRecord, { cell: string; value: Decimal }>();
  for (const reading of logReadings) {
    diagnostics.push(...reading.diagnostics);
    for (const row of reading.rows) {
      const { record, diagnostic } = resolveLogRow(compiled, row, cases !== null);
      if (diagnostic) diagnostics.push(diagnostic);
      if (!record) continue;
      logRecords.set(row.unit, [...(logRecords.get(row.unit) ?? []), record]);
      if (row.cells.points) logPointsCell.set(record, row.cells.points);
      if (row.typedPoints) logPointsTyped.set(record, row.typedPoints);
    }
  }

  const byTable = new Map<ScoreTable, UnitRecords>();
  const logPoints: RecordsResult['logPoints'] = [];
  const computedCells = new Set<string>();
  for (const table of tables) {
    const fromLedger = ledgerRecords(compiled, events, table.unit);
    diagnostics.push(...fromLedger.diagnostics);
    const tally = cases?.perUnit.find((u) => u.unit === table.unit);
    const own = cases?.outcomes.filter((o) => o.case.unit === table.unit) ?? [];
    const first = own[0]?.case;
    const at = { sheet: first?.sheet ?? cases?.registers[0]?.sheet ?? '', cell: first?.cells.id ?? 'A1' };
    const fromRegister = tally && cases ? registerRecords(compiled, tally, at, own.filter((o) => o.late)) : [];
    const records = [...fromLedger.records, ...fromRegister, ...(logRecords.get(table.unit) ?? [])];
    const computations = computeItems(compiled, records, ledgers.length > 0, cases !== null);
    const entries: UnitEntries = {
      items: table.entries.items.map((row) => [...row]),
      adjustments: [...table.entries.adjustments],
      veto: table.entries.veto,
    };
    const filled: UnitRecords['filled'] = [];
    const deductions: Deduction[] = [];
    for (const c of computations.values()) {
      diagnostics.push(...c.diagnostics);
      deductions.push(...c.deductions);
      const typed = c.item.ref.kind === 'item' ? entries.items[c.item.ref.category][c.item.ref.item] : entries.adjustments[c.item.ref.index];
      const computed: Entry = { cell: typed.cell, status: 'ok', value: c.value, raw: typed.raw, computed: true };
      if (c.item.ref.kind === 'item') entries.items[c.item.ref.category][c.item.ref.item] = computed;
      else entries.adjustments[c.item.ref.index] = computed;
      computedCells.add(`${table.sheet}!${typed.cell}`);

      if (typed.status === 'blank') {
        filled.push({ cell: typed.cell, value: c.value });
      } else if (typed.status === 'ok' && typed.value && !typed.value.eq(c.value)) {
        diagnostics.push(
          diagnose('ENTRY_DIFFERS_FROM_RECORDS', { typed: typed.value.toFixed(), computed: c.value.toFixed(), detail: detailOf(c) }, table.sheet, typed.cell),
        );
      }
      if (c.exhausted && c.item.points) {
        diagnostics.push(diagnose('DEDUCTIONS_EXHAUSTED', { item: c.item.label, deducted: c.exhausted.deducted.toFixed(), points: c.item.points.toFixed() }, table.sheet, typed.cell));
      }
      if (c.veto) {
        const rule = c.item.parsed.rules.find((r) => r.kind === 'veto')?.sourceText ?? c.item.label;
        const sheetSaysNo = table.entries.veto?.value === false && table.entries.veto.raw.trim() !== '';
        diagnostics.push(
          sheetSaysNo
            ? diagnose('VETO_CONFLICT', { rule, value: table.entries.veto?.raw ?? '' }, table.sheet, table.entries.veto?.cell)
            : diagnose('VETO_FROM_RULES', { rule }, table.sheet, table.entries.veto?.cell ?? typed.cell),
        );
        entries.veto = { cell: table.entries.veto?.cell ?? typed.cell, value: true, raw: table.entries.veto?.raw ?? '' };
      }
    }
    for (const r of logRecords.get(table.unit) ?? []) {
      const cell = logPointsCell.get(r);
      const d = deductions.find((x) => x.sheet === r.sheet && x.cell === r.cell);
      if (cell && d) logPoints.push({ sheet: r.sheet, cell, value: d.points });
      const typed = logPointsTyped.get(r);
      if (typed && d && !typed.value.eq(d.points)) {
        diagnostics.push(diagnose('LOG_POINTS_DIFFER', { typed: typed.value.toFixed(), computed: d.points.toFixed() }, r.sheet, typed.cell));
      }
    }
    if (tally) diagnostics.push(...targetsOf(compiled, tally, table));
    byTable.set(table, { entries, deductions, filled });
  }
  const logRows = logReadings.reduce((n, r) => n + r.rows.length, 0);
  const petitioned = new Set(events.filter((e) => e.excluded === null).map((e) => e.unit));
  const zeroPetition = ledgers.length > 0 ? units.filter((u) => !petitioned.has(u)) : null;
  return { byTable, diagnostics, logPoints, computedCells, compiled, ledgerEvents: events.length, logRows, zeroPetition };
}

/** A rate requirement that states no points (年终结案率达到100%): the unit's rate, for the assessor who scores it. */
function targetsOf(compiled: readonly CompiledItem[], tally: NonNullable<CasesResult['perUnit'][number]>, table: ScoreTable): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const item of compiled) {
    if (item.ref.kind !== 'item') continue;
    const cell = table.entries.items[item.ref.category][item.ref.item].cell;
    for (const note of item.parsed.notes) {
      for (const target of ratesIn(note.text)) {
        const check = targetCheck(target, tally);
        const met = check.met === null ? '无法计算，请按实际评分' : check.met ? '已达到' : '未达到，扣分因素没有写扣几分，请按实际评分';
        out.push(diagnose('CASE_TARGET', { item: item.label, target: target.text, unit: table.unit, measure: MEASURE_NAMES[target.measure], rate: check.rate, detail: check.detail, met }, table.sheet, cell));
      }
    }
  }
  return out;
}

/** “扣 4 分：到省正常上访 ×1” — what the computed value is made of, for a message. */
function detailOf(c: { deductions: Deduction[]; item: CompiledItem }): string {
  if (c.deductions.length === 0) return '没有扣分记录，得满分';
  return c.deductions.map((d) => `${d.points.gt(0) ? '+' : ''}${d.points.toFixed()} 分：${d.rule}${d.count > 1 ? ` ×${d.count}` : ''}`).join('；');
}

/** Every clause of the scheme's rules that could not be understood, at its rule cell on the reference sheet. */
function notUnderstood(compiled: readonly CompiledItem[], reference: ScoreTable): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ruleCol = reference.columns.rule;
  for (const item of compiled) {
    const entryCell =
      item.ref.kind === 'item' ? reference.entries.items[item.ref.category][item.ref.item].cell : reference.entries.adjustments[item.ref.index].cell;
    const cell = ruleCol === undefined ? entryCell : a1(parseA1(entryCell).row, ruleCol);
    for (const u of item.parsed.unparsed) {
      out.push(diagnose('RULE_NOT_UNDERSTOOD', { item: item.label, clause: u.text, why: u.message || ruleMessage(u.reason) }, reference.sheet, cell));
    }
  }
  return out;
}

