/**
 * A workbook as one assessment: every score table it holds, checked against each other.
 * Sheets that are not score tables (a summary, a chart, an empty sheet) are reported and skipped.
 */
import { diagnose, type Diagnostic } from '../engine/diagnostics';
import type { Scheme } from '../engine/model';
import { runSteps, type Steps } from '../engine/steps';
import { labelKey } from '../engine/text';
import type { Grid } from './grid';
import { readScoreTables, type LayoutMemo, type ReadOptions, type ScoreTable } from './readScoreTable';

export interface Assessment {
  /** The tables that take part in scoring and ranking. */
  tables: ScoreTable[];
  /** Tables read but left out of the ranking (a duplicate unit, a different scheme). */
  excluded: ScoreTable[];
  /** The scheme most tables share; null when no table was found. */
  scheme: Scheme | null;
  diagnostics: Diagnostic[];
}

/** Reads every sheet; the scheme most tables share is the assessment's. */
export function readAssessment(grids: Grid[], options: ReadOptions = {}): Assessment {
  return runSteps(readAssessmentSteps(grids, options));
}

/** readAssessment, pausing after each sheet (see engine/steps.ts). */
export function* readAssessmentSteps(grids: Grid[], options: ReadOptions = {}): Steps<Assessment> {
  const diagnostics: Diagnostic[] = [];
  const all: ScoreTable[] = [];
  // Sheets read in full: a later unit's sheet of the same layout is read by its unit's part.
  // The few most recent layouts are kept (units differ in which entries are still blank).
  const layouts: LayoutMemo[] = [];
  for (const g of grids) {
    const reading = readScoreTables(g, layouts, options);
    if (reading.memo && !layouts.includes(reading.memo)) {
      layouts.unshift(reading.memo);
      if (layouts.length > 8) layouts.pop();
    }
    diagnostics.push(...reading.diagnostics);
    if (reading.skippedBecause) {
      diagnostics.push(diagnose('NOT_A_SCORE_TABLE', { sheet: g.name, reason: reading.skippedBecause }, g.name));
    }
    all.push(...reading.tables);
    yield;
  }
  if (all.length === 0) {
    diagnostics.push(diagnose('NO_SCORE_TABLE'));
    return { tables: [], excluded: [], scheme: null, diagnostics };
  }

  // The reference scheme: the one most tables share (the first such table on a tie).
  const signatures = all.map((t) => schemeSignature(t.scheme));
  const counts = new Map<string, number>();
  for (const s of signatures) counts.set(s, (counts.get(s) ?? 0) + 1);
  let refIndex = 0;
  signatures.forEach((s, i) => {
    if ((counts.get(s) ?? 0) > (counts.get(signatures[refIndex]) ?? 0)) refIndex = i;
  });
  const reference = all[refIndex];

  const tables: ScoreTable[] = [];
  const excluded: ScoreTable[] = [];
  const byUnit = new Map<string, ScoreTable>();
  all.forEach((t, i) => {
    if (signatures[i] !== signatures[refIndex]) {
      const differences = describeDifferences(reference.scheme, t.scheme).slice(0, 4).join('；');
      diagnostics.push(
        diagnose('SCHEME_DIFFERS', { reference: reference.sheet, differences }, t.sheet, t.totalCell ?? undefined),
      );
      excluded.push(t);
      return;
    }
    const other = byUnit.get(t.unit);
    if (other) {
      diagnostics.push(diagnose('DUPLICATE_UNIT', { name: t.unit, other: other.sheet }, t.sheet));
      excluded.push(t);
      return;
    }
    byUnit.set(t.unit, t);
    tables.push(t);
  });
  return { tables, excluded, scheme: reference.scheme, diagnostics };
}

/** What makes two schemes the same: categories, items and their points, adjustment lines, the veto row. */
export function schemeSignature(s: Scheme): string {
  return JSON.stringify([
    s.categories.map((c) => [labelKey(c.title), c.items.map((it) => [labelKey(it.label), it.points.toFixed()])]),
    s.adjustments.map((a) => labelKey(a.label)),
    s.hasVeto,
  ]);
}

/** Human-readable differences between a table's scheme and the reference, in Chinese. */
export function describeDifferences(ref: Scheme, other: Scheme): string[] {
  const out: string[] = [];
  const n = Math.max(ref.categories.length, other.categories.length);
  for (let c = 0; c < n; c++) {
    const a = ref.categories[c];
    const b = other.categories[c];
    if (!a) {
      out.push(`多出类别“${b.title}”`);
      continue;
    }
    if (!b) {
      out.push(`缺少类别“${a.title}”`);
      continue;
    }
    if (labelKey(a.title) !== labelKey(b.title)) out.push(`第${c + 1}类标题“${b.title}”与“${a.title}”不同`);
    const m = Math.max(a.items.length, b.items.length);
    for (let i = 0; i < m; i++) {
      const x = a.items[i];
      const y = b.items[i];
      if (!x) out.push(`“${a.title}”多出一项“${y.label}”`);
      else if (!y) out.push(`“${a.title}”缺少一项“${x.label}”`);
      else if (labelKey(x.label) !== labelKey(y.label)) out.push(`“${a.title}”第${i + 1}项“${y.label}”与“${x.label}”不同`);
      else if (!x.points.eq(y.points)) out.push(`“${x.label}”分值 ${y.points.toFixed()} 与 ${x.points.toFixed()} 不同`);
    }
  }
  const adjA = ref.adjustments.map((x) => labelKey(x.label)).join('|');
  const adjB = other.adjustments.map((x) => labelKey(x.label)).join('|');
  if (adjA !== adjB) out.push('加减分项目不同');
  if (ref.hasVeto !== other.hasVeto) out.push(other.hasVeto ? '多出一票否决行' : '缺少一票否决行');
  return out;
}
