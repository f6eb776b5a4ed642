/**
 * 合并评分: several 考核组 each score their units in a copy of the workbook; this use case puts
 * what the copies filled into the master's cells — item 得分, 加减分, 一票否决, 扣分原因 and 备注,
 * the 总分 only where the master's is blank — and appends their 扣分明细 rows once. Pure: grids
 * in, a write plan and a report out; the command line and the pane (in Excel and in the browser)
 * share it, so they merge to the same result.
 *
 * Nothing is overwritten in silence: two copies giving different values for one cell, or a copy
 * changing a cell the master already holds, is a conflict, listed with both values, their files
 * and the cell, and neither value is written until the user prefers one (`prefer`, or a choice per
 * conflict). A copy whose score table differs from the master's is refused with the differences.
 */
import { labelKey, nearestName } from '../engine/text';
import type { CellWrite, WritePlan } from '../host/host';
import { display, parseValue, parseVeto } from '../sheet/entry';
import { a1, isErrorValue, parseA1, type CellValue, type Grid } from '../sheet/grid';
import { describeDifferences, schemeSignature } from '../sheet/readAssessment';
import type { ScoreTable } from '../sheet/readScoreTable';
import { noSigners, readSigners, type Signers } from '../sheet/signers';
import { mergeLogs, type LogMerge } from './mergeLog';
import { scoreAssessment } from './scoreAssessment';
import { readSettings, settingsSheetPlan, type UnitSource, type WorkbookSettings } from './settings';

/** A workbook taking part in a merge: its file name (as the user knows it) and its sheets. */
export interface MergeFile {
  name: string;
  grids: Grid[];
}

export interface MergeOptions {
  /** Files whose value wins a conflict, first named first (`--prefer`); the master's name keeps the master's value. */
  prefer?: readonly string[];
  /** A choice per conflict (the pane): conflict id → the file whose value wins. */
  choices?: ReadonlyMap<string, string>;
}

/**
 * What a merged cell holds: 得分, 加减分, 一票否决, 总分, 扣分原因 or 备注 — or, where the table has no
 * 扣分原因 column, the reason written as a note (批注) on the entry cell, as 现场评分 writes it.
 */
export type FieldKind = 'item' | 'adjustment' | 'veto' | 'total' | 'reason' | 'note' | 'reasonNote';

/** A cell of the master that copies may fill. */
export interface MergeSlot {
  unit: string;
  sheet: string;
  /** A1 address in the master. */
  cell: string;
  kind: FieldKind;
  /** What the cell is, for a person: '查看会议记录… 得分'. */
  field: string;
}

export interface MergeOffer {
  file: string;
  /** Where the copy holds it. */
  sheet: string;
  cell: string;
  /** As shown in the cell. */
  value: string;
}

/** A value written into the master, and the copies that gave it. */
export interface MergeWrite extends MergeSlot {
  value: string;
  /** What the master held before ('' for blank: a conflict resolved in a copy's favour replaces a value). */
  before: string;
  from: string[];
}

/** Two values for one cell: never written until one is preferred. */
export interface MergeConflict extends MergeSlot {
  /** Stable id for a choice: 'sheet!cell' of the master. */
  id: string;
  /** The master's value ('' when blank: then the conflict is between copies). */
  master: string;
  offers: MergeOffer[];
  /** The file whose value was taken (a copy's or the master's), or null while undecided. */
  resolvedBy: string | null;
}

/** A copy that takes no part: its score table differs from the master's, or it has none. */
export interface RefusedCopy {
  file: string;
  reason: string;
  /** The differences from the master's table, when that is the reason. */
  differences: string[];
  /** True when the file cannot be used at all (no score table). */
  unusable: boolean;
}

/** A unit a copy scores that the master does not have. */
export interface UnknownUnit {
  file: string;
  sheet: string;
  cell: string | null;
  unit: string;
  /** The master's unit the name most likely means. */
  nearest: string | null;
}

/** 覆盖情况: which copies scored a unit, and whether it is still blank after the merge. */
export interface UnitCoverage {
  unit: string;
  sheet: string;
  scoredBy: string[];
  /** Every entry (得分, 加减分, 一票否决) of the unit is blank after the merge. */
  blank: boolean;
}

export interface MergeOutcome {
  master: string;
  /** The copies that were merged, in the order given. */
  merged: string[];
  refused: RefusedCopy[];
  writes: MergeWrite[];
  conflicts: MergeConflict[];
  unknownUnits: UnknownUnit[];
  coverage: UnitCoverage[];
  log: Omit<LogMerge, 'cells' | 'sheet'>;
  /** 评分来源 as the settings sheet will hold it after the merge. */
  sources: UnitSource[];
  /** What could not be carried over, in Chinese with file, sheet and cell. */
  problems: string[];
  /** The master's changes, in one batch: entry cells, reasons and notes, the log, and the settings (评分来源). */
  plan: WritePlan;
}

/** The master cannot be merged into (no score table, …): its diagnostics in Chinese. */
export class MasterUnusable extends Error {}

interface Reading {
  file: MergeFile;
  settings: WorkbookSettings;
  tables: ScoreTable[];
  excluded: ScoreTable[];
  scheme: ScoreTable['scheme'] | null;
  grids: Map<string, Grid>;
  problems: string[];
}

function read(file: MergeFile): Reading {
  const settings = readSettings(file.grids).settings;
  const result = scoreAssessment(file.grids, settings.score);
  const problems = result.unusable ? result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message) : [];
  const { tables, excluded, scheme } = result.assessment;
  return { file, settings, tables, excluded, scheme, grids: new Map(file.grids.map((g) => [g.name, g])), problems };
}

export { signersByUnit } from '../sheet/signers';

/** Merges the copies into the master: what would be written, the conflicts, coverage and the plan. */
export function mergeCopies(master: MergeFile, copies: MergeFile[], options: MergeOptions = {}): MergeOutcome {
  const m = read(master);
  if (!m.scheme || m.tables.length === 0) throw new MasterUnusable(`${master.name}：${m.problems.join('；') || '没有找到评分表'}`);
  const scheme = m.scheme;
  const signature = schemeSignature(scheme);
  const masterUnits = m.tables.map((t) => t.unit);
  const problems: string[] = [];
  const refused: RefusedCopy[] = [];
  const unknownUnits: UnknownUnit[] = [];
  const usable: Reading[] = [];

  for (const file of copies) {
    const c = read(file);
    if (!c.scheme || c.tables.length === 0) {
      refused.push({ file: file.name, reason: c.problems.join('；') || '没有找到评分表', differences: [], unusable: true });
      continue;
    }
    if (schemeSignature(c.scheme) !== signature) {
      refused.push({ file: file.name, reason: '评分表与主表不同', differences: describeDifferences(scheme, c.scheme), unusable: false });
      continue;
    }
    for (const t of c.excluded) problems.push(`${file.name}“${t.sheet}”未合并：该表与本副本其他评分表不同或单位重复`);
    for (const t of c.tables) {
      if (!masterUnits.includes(t.unit)) {
        unknownUnits.push({ file: file.name, sheet: t.sheet, cell: null, unit: t.unit, nearest: nearestName(t.unit, masterUnits) });
      }
    }
    usable.push(c);
  }

  const stored = m.settings.sources ?? [];
  const writes: MergeWrite[] = [];
  const cells: CellWrite[] = [];
  const notes: { sheet: string; cell: string; note: string }[] = [];
  const conflicts: MergeConflict[] = [];
  const coverage: UnitCoverage[] = [];
  const byUnit = usable.map((c) => new Map(c.tables.map((t) => [t.unit, t])));

  for (const table of m.tables) {
    const grid = m.grids.get(table.sheet) as Grid;
    const scoredBy = new Set<string>();
    let blank = true;
    for (const slot of slotsOf(table)) {
      const own = slot.cell(table);
      // The master has no such column (扣分原因, 备注): a copy's values there are reported below.
      if (!own) continue;
      const target: MergeSlot = { unit: table.unit, sheet: table.sheet, cell: own, kind: slot.kind, field: slot.field };
      const held = slotValue(slot, grid, target.cell);
      const offers: (MergeOffer & { raw: CellValue })[] = [];
      usable.forEach((c, k) => {
        const t = byUnit[k].get(table.unit);
        const cell = t && slot.cell(t);
        if (!t || !cell) return;
        const raw = slotValue(slot, c.grids.get(t.sheet) as Grid, cell);
        if (isBlank(raw)) return;
        if (isErrorValue(raw)) {
          problems.push(`${c.file.name}“${t.sheet}”${cell} 是错误值 ${raw.error}，未合并`);
          return;
        }
        offers.push({ file: c.file.name, sheet: t.sheet, cell, value: display(raw).trim(), raw });
      });
      if (slot.kind === 'reasonNote' && grid.notes === undefined) {
        // This host cannot read the workbook's notes, so a copy's note could replace one unseen: said, not written.
        for (const o of offers) problems.push(`无法读取当前工作簿的批注：${o.file}“${o.sheet}”${o.cell} 的扣分原因批注“${o.value}”未合并，请手工填写`);
        continue;
      }
      const entry = slot.kind === 'item' || slot.kind === 'adjustment' || slot.kind === 'veto';
      const heldKey = isBlank(held) ? null : valueKey(slot.kind, held);
      const changing = offers.filter((o) => valueKey(slot.kind, o.raw) !== heldKey);
      let undecided = false;
      let written: { value: CellValue; from: string[] } | null = null;
      if (changing.length > 0) {
        if (slot.kind === 'total' && heldKey !== null) {
          problems.push(`${table.unit}的总分以主表为准（${target.sheet}!${target.cell} 为 ${display(held)}），副本${changing.map((o) => `${o.file}的 ${o.value}`).join('、')}未写入`);
        } else {
          const distinct = new Set(changing.map((o) => valueKey(slot.kind, o.raw)));
          if (heldKey === null && distinct.size === 1) {
            written = { value: changing[0].raw, from: changing.map((o) => o.file) };
          } else {
            const id = `${target.sheet}!${target.cell}`;
            const parties = [...(heldKey === null ? [] : [master.name]), ...offers.map((o) => o.file)];
            const pick = options.choices?.get(id);
            const resolvedBy = pick !== undefined && parties.includes(pick) ? pick : (options.prefer ?? []).find((f) => parties.includes(f)) ?? null;
            conflicts.push({ ...target, id, master: heldKey === null ? '' : display(held).trim(), offers: offers.map(({ raw: _raw, ...o }) => o), resolvedBy });
            undecided = resolvedBy === null;
            const winner = offers.find((o) => o.file === resolvedBy);
            if (winner && valueKey(slot.kind, winner.raw) !== heldKey) {
              const key = valueKey(slot.kind, winner.raw);
              written = { value: winner.raw, from: offers.filter((o) => valueKey(slot.kind, o.raw) === key).map((o) => o.file) };
            }
          }
        }
      }
      // Who scored the unit: a copy whose value is written, or recorded as its source by an earlier
      // merge, or that gave a value still in an open conflict. A copy outvoted by a choice, or holding
      // what it was handed, did not (so merging again reports the same coverage).
      if (entry) {
        for (const o of offers) {
          const recorded = stored.some((s) => s.unit === table.unit && s.file === o.file) && valueKey(slot.kind, o.raw) === heldKey;
          if (written?.from.includes(o.file) || recorded || (undecided && changing.includes(o))) scoredBy.add(o.file);
        }
      }
      if (written) {
        writes.push({ ...target, value: display(written.value).trim(), before: display(held).trim(), from: written.from });
        if (slot.kind === 'reasonNote') notes.push({ sheet: target.sheet, cell: target.cell, note: display(written.value) });
        else cells.push({ sheet: target.sheet, cell: target.cell, value: written.value as CellWrite['value'] });
      }
      if (entry && (!isBlank(held) || written)) blank = false;
    }
    coverage.push({ unit: table.unit, sheet: table.sheet, scoredBy: usable.map((c) => c.file.name).filter((f) => scoredBy.has(f)), blank });
  }

  // Reasons a copy holds in a column the master lacks.
  for (const c of usable) {
    for (const t of c.tables) {
      const mt = m.tables.find((x) => x.unit === t.unit);
      if (!mt) continue;
      if (t.columns.reason === undefined && mt.columns.reason !== undefined) {
        // Reasons the copy keeps as notes, where the master has a 扣分原因 column: said, not carried.
        const g = c.grids.get(t.sheet) as Grid;
        for (const e of [...t.entries.items.flat(), ...t.entries.adjustments]) {
          const note = g.notes?.[e.cell];
          if (note) problems.push(`${c.file.name}“${t.sheet}”${e.cell} 的批注“${note}”未合并：主表“${mt.sheet}”的扣分原因写在扣分原因列，请手工填写`);
        }
      }
      for (const kind of ['reason', 'note'] as const) {
        if (t.columns[kind] === undefined || mt.columns[kind] !== undefined) continue;
        const g = c.grids.get(t.sheet) as Grid;
        for (const r of [...t.itemRows.flat(), ...t.entries.adjustments.map((e) => parseA1(e.cell).row)]) {
          const v = g.rows[r]?.[t.columns[kind] as number] ?? null;
          if (!isBlank(v)) problems.push(`主表“${mt.sheet}”没有${kind === 'reason' ? '扣分原因' : '备注'}列：${c.file.name}“${t.sheet}”${a1(r, t.columns[kind] as number)} 的“${display(v).trim()}”未能合并`);
        }
      }
    }
  }

  const log = mergeLogs({ file: master.name, grids: master.grids }, usable.map((c) => ({ file: c.file.name, grids: c.file.grids })), masterUnits);
  unknownUnits.push(...log.unknownUnits.map((u) => ({ ...u })));
  problems.push(...log.problems);

  const sources = provenance(stored, writes, usable, byUnit);
  // A note goes with its cell's value: the value written now, else the one the cell holds (and its formula).
  for (const n of notes) {
    const write = cells.find((c) => c.sheet === n.sheet && c.cell === n.cell);
    if (write) {
      write.note = n.note;
      continue;
    }
    const grid = m.grids.get(n.sheet) as Grid;
    const held = cellAt(grid, n.cell);
    if (isErrorValue(held)) {
      problems.push(`“${n.sheet}”${n.cell} 是错误值 ${held.error}，扣分原因批注“${n.note}”未写入`);
      continue;
    }
    const formula = grid.formulas?.[n.cell];
    cells.push({ sheet: n.sheet, cell: n.cell, value: held, note: n.note, ...(formula ? { formula } : {}) });
  }
  cells.push(...log.cells);
  const sheets = [...(log.sheet ? [log.sheet] : [])];
  if (JSON.stringify(sources) !== JSON.stringify(stored)) sheets.push(settingsSheetPlan({ ...m.settings, sources }, master.grids));

  return {
    master: master.name,
    merged: usable.map((c) => c.file.name),
    refused,
    writes,
    conflicts,
    unknownUnits,
    coverage,
    log: { appended: log.appended, duplicates: log.duplicates, unknownUnits: log.unknownUnits, problems: log.problems },
    sources,
    problems,
    plan: { cells, ...(sheets.length ? { sheets } : {}) },
  };
}

/** True while a conflict is undecided, a copy is refused, a unit is unknown or something could not be carried. */
export function mergeHasProblems(o: MergeOutcome): boolean {
  return o.conflicts.some((c) => c.resolvedBy === null) || o.refused.length > 0 || o.unknownUnits.length > 0 || o.problems.length > 0;
}

interface Slot {
  kind: FieldKind;
  field: string;
  /** The slot's cell in a table of the same scheme; null when that table has no such column. */
  cell: (t: ScoreTable) => string | null;
}

/** The cells of a unit a copy may fill, in the table's order. */
function slotsOf(table: ScoreTable): Slot[] {
  const slots: Slot[] = [];
  // Item labels run to a paragraph: the first words name the item well enough beside its cell.
  const short = (label: string) => ([...label].length > 16 ? `${[...label].slice(0, 15).join('')}…` : label);
  const column = (t: ScoreTable, kind: 'reason' | 'note', row: number) => (t.columns[kind] === undefined ? null : a1(row, t.columns[kind] as number));
  table.scheme.categories.forEach((c, ci) =>
    c.items.forEach((item, ii) => {
      slots.push({ kind: 'item', field: `${short(item.label)} 得分`, cell: (t) => t.entries.items[ci][ii].cell });
      slots.push({ kind: 'reasonNote', field: `${short(item.label)} 扣分原因（批注）`, cell: (t) => (t.columns.reason === undefined ? t.entries.items[ci][ii].cell : null) });
      slots.push({ kind: 'reason', field: `${short(item.label)} 扣分原因`, cell: (t) => column(t, 'reason', t.itemRows[ci][ii]) });
      slots.push({ kind: 'note', field: `${short(item.label)} 备注`, cell: (t) => column(t, 'note', t.itemRows[ci][ii]) });
    }),
  );
  table.scheme.adjustments.forEach((adj, k) => {
    const row = (t: ScoreTable) => parseA1(t.entries.adjustments[k].cell).row;
    slots.push({ kind: 'adjustment', field: `${short(adj.label)} 加减分`, cell: (t) => t.entries.adjustments[k].cell });
    slots.push({ kind: 'reasonNote', field: `${short(adj.label)} 扣分原因（批注）`, cell: (t) => (t.columns.reason === undefined ? t.entries.adjustments[k].cell : null) });
    slots.push({ kind: 'reason', field: `${short(adj.label)} 扣分原因`, cell: (t) => column(t, 'reason', row(t)) });
    slots.push({ kind: 'note', field: `${short(adj.label)} 备注`, cell: (t) => column(t, 'note', row(t)) });
  });
  if (table.entries.veto) slots.push({ kind: 'veto', field: '一票否决', cell: (t) => t.entries.veto?.cell ?? null });
  slots.push({ kind: 'total', field: '总分', cell: (t) => t.totalCell });
  return slots;
}

/** What a slot holds in a sheet: the cell's value, or for a reason kept as a note, the note's text. */
function slotValue(slot: Slot, grid: Grid, address: string): CellValue {
  return slot.kind === 'reasonNote' ? (grid.notes?.[address] ?? null) : cellAt(grid, address);
}

function cellAt(grid: Grid, address: string): CellValue {
  const { row, col } = parseA1(address);
  return grid.rows[row]?.[col] ?? null;
}

function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** What a value means, so that 5, '５' and '5分' agree, and 是 and √: two values conflict only when this differs. */
function valueKey(kind: FieldKind, v: CellValue): string {
  if (kind === 'veto') {
    const p = parseVeto(v);
    if (p.kind === 'yes' || p.kind === 'no') return p.kind;
  }
  if (kind === 'item' || kind === 'adjustment' || kind === 'total') {
    const p = parseValue(v);
    if (p.kind === 'number') return `n:${p.value.toFixed()}`;
  }
  return `t:${labelKey(display(v))}`;
}

/**
 * 评分来源 after the merge: the stored rows, and one per unit and copy that supplied a value now
 * written, named after the copy's 考核组 (its settings, else the signature rows of the unit's sheet).
 */
function provenance(stored: UnitSource[], writes: MergeWrite[], copies: Reading[], byUnit: Map<string, ScoreTable>[]): UnitSource[] {
  const sources = stored.map((s) => ({ ...s, members: [...s.members] }));
  for (const w of writes) {
    for (const file of w.from) {
      const k = copies.findIndex((c) => c.file.name === file);
      const t = byUnit[k]?.get(w.unit);
      if (!t) continue;
      const group = groupOf(copies[k], t);
      const existing = sources.find((s) => s.unit === w.unit && s.file === file);
      if (existing) {
        if (!noSigners(group)) Object.assign(existing, { leader: group.leader, members: group.members });
      } else {
        sources.push({ unit: w.unit, file, leader: group.leader, members: group.members });
      }
    }
  }
  return sources;
}

/** The 考核组 of a copy for one unit: the copy's settings (考核组长/考核组成员), else the unit sheet's signature rows. */
function groupOf(copy: Reading, table: ScoreTable): Signers {
  const fromSettings = copy.settings.group;
  if (fromSettings && !noSigners(fromSettings)) return fromSettings;
  const grid = copy.grids.get(table.sheet);
  return grid ? readSigners(grid, table.rows.last + 1) : { leader: '', members: [] };
}

