/**
 * Reading a unit's entry cells once a layout has found them: an item's 得分 checked against its
 * 分值, a 加减分 entry against its sign and cap, the 一票否决 cell. The value itself is parsed by
 * entry.ts. Shared by every layout.
 */
import { diagnose, type Diagnostic } from '../../engine/diagnostics';
import { dec } from '../../engine/decimal';
import type { AdjustmentRule, Entry, Item, Scheme } from '../../engine/model';
import { display, entryProblem, parseValue, parseVeto } from '../entry';
import { a1, type MergedView } from '../grid';

/** The cell that holds a row's entry: the top-left of its merge, if merged. */
export function entryOrigin(view: MergedView, r: number, c: number): [number, number] {
  const m = view.mergeAt(r, c);
  return m ? [m.top, m.left] : [r, c];
}

/**
 * What an entry cell holds, once the problems common to scores and 加减分 are reported: a formula
 * without a result, a date, an error value or text come back as a finished invalid Entry; a
 * number or a blank comes back parsed, for the caller's own rules.
 */
function readCell(
  view: MergedView,
  r: number,
  c: number,
  diagnostics: Diagnostic[],
): Entry | { sheet: string; cell: string; shown: string; parsed: Extract<ReturnType<typeof parseValue>, { kind: 'blank' | 'number' }> } {
  const sheet = view.grid.name;
  const cell = a1(r, c);
  const raw = view.raw(r, c);
  const shown = display(raw);
  const problem = entryProblem(view.grid, cell, raw);
  const parsed = parseValue(raw);
  if (problem) diagnostics.push(diagnose(problem.code, problem.params, sheet, cell));
  else if (parsed.kind === 'error') diagnostics.push(diagnose('ERROR_VALUE', { value: parsed.error }, sheet, cell));
  else if (parsed.kind === 'text') diagnostics.push(diagnose('NOT_A_NUMBER', { value: parsed.text }, sheet, cell));
  else return { sheet, cell, shown, parsed };
  return { cell, status: 'invalid', value: null, raw: shown };
}

export function readEntry(view: MergedView, [r, c]: [number, number], item: Item, diagnostics: Diagnostic[]): Entry {
  const read = readCell(view, r, c, diagnostics);
  if ('status' in read) return read;
  const { sheet, cell, shown, parsed } = read;
  switch (parsed.kind) {
    case 'blank':
      diagnostics.push(diagnose('BLANK_ENTRY', { item: item.label }, sheet, cell));
      return { cell, status: 'blank', value: null, raw: shown };
    case 'number': {
      const value = parsed.value;
      if (value.lt(0)) {
        diagnostics.push(diagnose('SCORE_NEGATIVE', { value: value.toFixed(), max: item.points.toFixed() }, sheet, cell));
        return { cell, status: 'invalid', value: null, raw: shown };
      }
      if (value.gt(item.points)) {
        diagnostics.push(diagnose('SCORE_ABOVE_MAX', { value: value.toFixed(), max: item.points.toFixed() }, sheet, cell));
        return { cell, status: 'invalid', value: null, raw: shown };
      }
      return { cell, status: 'ok', value, raw: shown };
    }
  }
}

export function readAdjustment(view: MergedView, [r, c]: [number, number], rule: AdjustmentRule, diagnostics: Diagnostic[]): Entry {
  const read = readCell(view, r, c, diagnostics);
  if ('status' in read) return read;
  const { sheet, cell, shown, parsed } = read;
  switch (parsed.kind) {
    case 'blank':
      // No adjustment is the usual case: an empty 加减分 cell means 0, not a missing score.
      return { cell, status: 'blank', value: null, raw: shown };
    case 'number': {
      const value = parsed.value;
      if ((rule.kind === 'bonus' && value.lt(0)) || (rule.kind === 'deduction' && value.gt(0))) {
        const kind = rule.kind === 'bonus' ? '加分' : '扣分';
        diagnostics.push(diagnose('ADJUSTMENT_SIGN', { item: rule.label, kind, value: value.toFixed() }, sheet, cell));
        return { cell, status: 'invalid', value: null, raw: shown };
      }
      if (rule.cap !== null && value.abs().gt(rule.cap)) {
        diagnostics.push(diagnose('ADJUSTMENT_ABOVE_CAP', { item: rule.label, value: value.toFixed(), cap: rule.cap.toFixed() }, sheet, cell));
        return { cell, status: 'invalid', value: null, raw: shown };
      }
      return { cell, status: 'ok', value, raw: shown };
    }
  }
}

export function readVetoEntry(view: MergedView, r: number, entryCol: number, diagnostics: Diagnostic[]) {
  const [er, ec] = entryOrigin(view, r, entryCol);
  const cell = a1(er, ec);
  const raw = view.raw(er, ec);
  const parsed = parseVeto(raw);
  if (parsed.kind === 'unknown') {
    diagnostics.push(diagnose('VETO_UNKNOWN', { value: display(raw) }, view.grid.name, cell));
    return { cell, value: null, raw: display(raw) };
  }
  // A blank veto cell means no veto was decided: the usual case.
  return { cell, value: parsed.kind === 'yes', raw: display(raw) };
}

/**
 * The 加减分 entries against a cap on them together (加减分合计不超过10分): the entry that takes
 * the sum past the cap is ADJUSTMENT_ABOVE_CAP and not counted, like a line above its own cap.
 */
export function checkAdjustmentTotal(scheme: Scheme, entries: Entry[], sheet: string, diagnostics: Diagnostic[]): Entry[] {
  const limit = scheme.adjustmentTotalCap;
  if (!limit) return entries;
  let total = dec(0);
  return entries.map((e, i) => {
    if (e.status !== 'ok' || e.value === null) return e;
    const counted = limit.net ? e.value : e.value.gt(0) ? e.value : dec(0);
    const next = total.plus(counted);
    if (next.abs().gt(limit.cap)) {
      diagnostics.push(
        diagnose('ADJUSTMENT_ABOVE_CAP', { item: `${scheme.adjustments[i].label}（合计 ${next.toFixed()}）`, value: e.value.toFixed(), cap: limit.cap.toFixed() }, sheet, e.cell),
      );
      return { ...e, status: 'invalid', value: null };
    }
    total = next;
    return e;
  });
}
