/**
 * Golden files for the reader and the scoring use case: one case per fixture under
 * test/fixtures/, the input beside its expected JSON.
 *
 * - `NAME.grid.ts` exports a Grid (one sheet) or Grid[] (a workbook) written inline;
 *   `NAME.xlsx` is a real workbook read through the ExcelJS host (made by makeXlsxFixtures.ts).
 * - `NAME.expected.json` is what a clerk would call correct for it. When it is missing or
 *   empty the test fails, prints what it got and writes `NAME.actual.json`: review that file
 *   by hand against the fixture, then rename it. On a mismatch the actual output is written
 *   too, so `diff` shows what changed; a passing run removes it.
 * - A fixture whose name starts with `error.` must produce an error (or be skipped as not a
 *   score table); any other fixture must produce none.
 */
import { existsSync, promises as fs, readdirSync, unlinkSync } from 'fs';
import path from 'path';
import { scoreAssessment, type AssessmentResult } from '../src/app/scoreAssessment';
import { show, type Decimal } from '../src/engine/decimal';
import type { Entry } from '../src/engine/model';
import { XlsxHost } from '../src/host/xlsxHost';
import type { Grid } from '../src/sheet/grid';
import { XLSX_FIXTURES } from './fixtures/makeXlsxFixtures';

const FIXTURES = path.join(__dirname, 'fixtures');

interface Fixture {
  name: string;
  load: () => Promise<Grid[]>;
}

function listFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const file of readdirSync(FIXTURES).sort()) {
    const full = path.join(FIXTURES, file);
    if (file.endsWith('.grid.ts')) {
      out.push({
        name: file.slice(0, -'.grid.ts'.length),
        load: async () => {
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          const mod = require(full) as { default: Grid | Grid[] };
          return Array.isArray(mod.default) ? mod.default : [mod.default];
        },
      });
    } else if (file.endsWith('.xlsx')) {
      out.push({
        name: file.slice(0, -'.xlsx'.length),
        load: async () => (await XlsxHost.fromBuffer(await fs.readFile(full), file)).readGrids(),
      });
    }
  }
  return out;
}

const num = (d: Decimal | null): string | null => (d === null ? null : show(d));
const entry = (e: Entry) => ({ cell: e.cell, status: e.status, value: num(e.value), raw: e.raw });

/**
 * The plain JSON a golden file holds: the scheme, each unit's label area, entries and result,
 * and every diagnostic's code, severity and place. Decimals are written as strings so they stay
 * exact; messages are left out so rewording the catalog does not touch every golden file.
 */
function project(result: AssessmentResult) {
  const { assessment } = result;
  const scheme = assessment.scheme;
  return {
    scheme: scheme && {
      categories: scheme.categories.map((c) => ({
        title: c.title,
        statedPoints: num(c.statedPoints),
        items: c.items.map((it) => ({ label: it.label, points: show(it.points), rules: it.rules })),
      })),
      adjustments: scheme.adjustments.map((a) => ({ label: a.label, rule: a.rule, kind: a.kind, cap: num(a.cap) })),
      hasVeto: scheme.hasVeto,
    },
    units: result.units.map(({ table, score, placement }) => ({
      sheet: table.sheet,
      unit: table.unit,
      unitSource: table.unitSource,
      title: table.title,
      date: table.date,
      totalCell: table.totalCell,
      entries: {
        items: table.entries.items.map((c) => c.map(entry)),
        adjustments: table.entries.adjustments.map(entry),
        veto: table.entries.veto,
      },
      base: show(score.base),
      adjustment: show(score.adjustment),
      total: show(score.total),
      rank: placement.rank,
      band: placement.band?.label ?? null,
      veto: score.veto,
    })),
    excluded: assessment.excluded.map((t) => ({ sheet: t.sheet, unit: t.unit })),
    diagnostics: result.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      sheet: d.sheet ?? null,
      cell: d.cell ?? null,
    })),
  };
}

/**
 * JSON for a person to read: an object or array that fits on one line stays on one line,
 * so each entry and each diagnostic is one line of the file.
 */
function formatJson(value: unknown): string {
  const write = (v: unknown, indent: string): string => {
    const flat = JSON.stringify(v);
    if (v === null || typeof v !== 'object' || indent.length + flat.length <= 110) return flat;
    const inner = indent + '  ';
    const parts = Array.isArray(v)
      ? v.map((x) => inner + write(x, inner))
      : Object.entries(v as Record<string, unknown>).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${write(x, inner)}`);
    if (parts.length === 0) return flat;
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    return `${open}\n${parts.join(',\n')}\n${indent}${close}`;
  };
  return `${write(value, '')}\n`;
}

const fixtures = listFixtures();

it('has golden fixtures to check', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(18);
});

describe.each(fixtures.map((f) => [f.name, f] as const))('golden %s', (name, fixture) => {
  let scored: Promise<AssessmentResult> | undefined;
  const result = () => (scored ??= fixture.load().then((grids) => scoreAssessment(grids)));

  it('reads and scores as its expected file says', async () => {
    // Round-trip through JSON so the comparison sees exactly what a golden file can hold.
    const actual = JSON.parse(JSON.stringify(project(await result())));
    const expectedFile = path.join(FIXTURES, `${name}.expected.json`);
    const actualFile = path.join(FIXTURES, `${name}.actual.json`);

    const expectedText = existsSync(expectedFile) ? await fs.readFile(expectedFile, 'utf8') : '';
    if (expectedText.trim() === '') {
      // A new case: never passes on its own. A person reads the output once and keeps it.
      await fs.writeFile(actualFile, formatJson(actual));
      throw new Error(
        `${name}.expected.json 不存在或为空：已写出 ${path.relative(process.cwd(), actualFile)}，` +
          `请对照夹具逐项核对后改名为 ${name}.expected.json。\n${formatJson(actual)}`,
      );
    }
    const expected = JSON.parse(expectedText);
    try {
      expect(actual).toEqual(expected);
    } catch (e) {
      await fs.writeFile(actualFile, formatJson(actual));
      throw e;
    }
    if (existsSync(actualFile)) unlinkSync(actualFile);
  });

  if (name.startsWith('error.')) {
    it('reports an error, or skips the input as holding no score table', async () => {
      const refusals = (await result()).diagnostics.filter(
        (d) => d.severity === 'error' || d.code === 'NOT_A_SCORE_TABLE' || d.code === 'NO_SCORE_TABLE',
      );
      expect(refusals.length).toBeGreaterThan(0);
    });
  } else {
    it('reports no error (its name would start with error. otherwise)', async () => {
      expect((await result()).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    });
  }
});

describe('the .xlsx fixtures', () => {
  it.each(Object.keys(XLSX_FIXTURES))('%s.xlsx reads the same as makeXlsxFixtures.ts makes it today', async (name) => {
    const fresh = await XlsxHost.fromBuffer(await XLSX_FIXTURES[name]().xlsx.writeBuffer());
    const file = path.join(FIXTURES, `${name}.xlsx`);
    const committed = await XlsxHost.fromBuffer(await fs.readFile(file));
    expect(await committed.readGrids()).toEqual(await fresh.readGrids());
  });
});
