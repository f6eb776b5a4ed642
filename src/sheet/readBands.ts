/**
 * The workbook's own 等次 (bands): an 等次 table (等次 | 分数 rows: 优秀 | 90分以上 …) or a note
 * such as 「90分以上为优秀，75—89分为良好，60—74分为合格，60分以下为不合格」, anywhere in the
 * workbook. Pure: grids in, band definitions out, with the cell they came from.
 */
import { dec, type Decimal } from '../engine/decimal';
import type { BandDefinition } from '../engine/model';
import { fold, labelKey } from '../engine/text';
import { a1, isErrorValue, type CellValue, type Grid } from './grid';

export interface WorkbookBands {
  bands: BandDefinition[];
  sheet: string;
  cell: string;
  source: 'table' | 'note';
}

interface Parsed {
  label: string;
  min: Decimal | null;
  max: Decimal | null;
}

const N = '(\\d+(?:\\.\\d+)?)';
/** One range: 90分以上, 90分及以上, 75-89分, 60分以下, ≥90, <60. */
const RANGE = new RegExp(`^(?:${N}分?(?:及|或)?以上|${N}分?[-~至到]${N}分?|${N}分?(?:及|或)?以下|(?:不低于|>=|≥)${N}分?|(?:低于|不足|<)${N}分?)$`);
/** A clause of a note: 90分以上为优秀, 75—89分为良好, 60分以下为不合格. */
const CLAUSE = new RegExp(
  `(${N}分?(?:及|或)?以上|${N}分?[-~至到]${N}分?|${N}分?(?:及|或)?以下|(?:低于|不足)${N}分?)(?:的)?(?:为|评为|定为|确定为|列为)([\\u4e00-\\u9fff]{1,5}?)(?:等次|等级)?(?=[,;。、:]|$)`,
  'g',
);

const normal = (s: string) => fold(s).replace(/\s+/g, '').replace(/[—–－~～]/g, '-').replace(/[，]/g, ',').replace(/[；]/g, ';');

/** A range as written, or null: parseRange('75-89分') → [75, 89]; '60分以下' → [−∞, 60] */
function parseRange(text: string): { min: Decimal | null; max: Decimal | null } | null {
  const m = RANGE.exec(normal(text));
  if (!m) return null;
  if (m[1]) return { min: dec(m[1]), max: null };
  if (m[2]) return { min: dec(m[2]), max: dec(m[3]) };
  if (m[4]) return { min: null, max: dec(m[4]) };
  if (m[5]) return { min: dec(m[5]), max: null };
  return { min: null, max: dec(m[6]) };
}

/** The bands a note states, or null when it states fewer than two. */
export function bandsInNote(text: string): Parsed[] | null {
  const out: Parsed[] = [];
  for (const m of normal(text).matchAll(CLAUSE)) {
    const range = parseRange(m[1]);
    if (range) out.push({ label: m[m.length - 1], ...range });
  }
  return out.length >= 2 ? out : null;
}

const show = (v: CellValue) => (v === null || isErrorValue(v) ? '' : String(v).trim());

/** An 等次 table: a header naming 等次 and a score column, then rows of label and range. */
function bandsInTable(g: Grid): { bands: Parsed[]; cell: string } | null {
  for (let r = 0; r < g.rows.length; r++) {
    const row = g.rows[r] ?? [];
    const labelCol = row.findIndex((v) => /^(考核)?(等次|等级)$/.test(labelKey(show(v))));
    if (labelCol < 0) continue;
    const rangeCol = row.findIndex((v, c) => c !== labelCol && /(分数|分值|得分|总分|标准|分数段|范围)/.test(labelKey(show(v))));
    if (rangeCol < 0) continue;
    const bands: Parsed[] = [];
    for (let k = r + 1; k < g.rows.length; k++) {
      const label = show(g.rows[k]?.[labelCol] ?? null);
      const range = parseRange(show(g.rows[k]?.[rangeCol] ?? null));
      if (!label || !range) break;
      bands.push({ label, ...range });
    }
    if (bands.length >= 2) return { bands, cell: a1(r, labelCol) };
  }
  return null;
}

/**
 * Bands as the engine reads them (以上/以下 include the number; on a shared boundary the higher
 * band wins): a range written in whole points up to 89 reaches up to the next band's 90, so that
 * 89.5 is not left without a band.
 */
function definitions(parsed: Parsed[]): BandDefinition[] {
  return parsed.map((b) => {
    const max = b.max;
    const next = max !== null && max.round(0).eq(max) ? parsed.find((o) => o.min !== null && o.min.eq(max.plus(1))) : undefined;
    if (b.min !== null && max !== null) return { label: b.label, range: next ? `[${b.min.toFixed()},${max.plus(1).toFixed()})` : `${b.min.toFixed()}-${max.toFixed()}分` };
    // 60分以下 under a band from 60: below 60 (the higher band wins 60 itself).
    return { label: b.label, range: b.min !== null ? `${b.min.toFixed()}分以上` : `${(max as Decimal).toFixed()}分以下` };
  });
}

/** The first 等次 table, else the first note stating bands, in sheet order; null when the workbook states none. */
export function findWorkbookBands(grids: Grid[]): WorkbookBands | null {
  for (const g of grids) {
    const table = bandsInTable(g);
    if (table) return { bands: definitions(table.bands), sheet: g.name, cell: table.cell, source: 'table' };
  }
  for (const g of grids) {
    for (let r = 0; r < g.rows.length; r++) {
      const row = g.rows[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v !== 'string') continue;
        const bands = bandsInNote(v);
        if (bands) return { bands: definitions(bands), sheet: g.name, cell: a1(r, c), source: 'note' };
      }
    }
  }
  return null;
}
