/**
 * Templates: a sheet of the workbook whose cells hold placeholders such as {{单位}} or {{总分}}.
 * A template naming a unit's value is filled once per unit (a 签字评分表 of the office's own
 * design, a 目标责任书 letter to sign); one naming only the assessment's values is filled once (a
 * 通报 of the office's own wording). The copy keeps the template's formatting; only the cells
 * with placeholders change, and — where the host told how the sheet prints — the wrapped texts
 * too wide for their cell, broken by the Chinese rules (LibreOffice would start lines with ；，、).
 * The template itself is never written. Template sheets are never read as score tables.
 *
 * A sheet is a template only when declared — its name ends in 模板 (or 模版), or the settings list
 * it — never because a cell holds `{{`: a petitioner's matter typed as 「纠纷{{单位}}」 in the
 * ledger must not turn the ledger into a template that is copied and printed ten times.
 */
import { diagnose, type Diagnostic } from '../../engine/diagnostics';
import { fold } from '../../engine/text';
import { a1, type Grid } from '../grid';
import type { SheetCell } from '../sheetPlan';
import { areaPoints, fitText, lineCapacity } from '../textFit';

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** Placeholders a unit fills, with what they say (README lists them from here). */
export const UNIT_PLACEHOLDERS: Record<string, string> = {
  单位: '被考核单位名称',
  总分: '总分',
  基础分: '各项得分合计（加减分前）',
  加减分: '加减分合计',
  排名: '名次',
  等次: '等次（85分以上 / 80-85分 / 80分以下 / 一票否决）',
  一票否决: '是 或 否',
  扣分明细: '按扣分因素计算的每一条扣加分及原因，每条一行',
  责任金: '该单位缴纳的责任金（元）',
  责任金兑现: '如：责任金双倍返还（10000元）',
  返还金额: '返还的责任金（元）',
  奖励: '奖补资金（元），没有则为“无”',
  奖励大写: '奖补资金的大写金额，如 壹万元整',
};

/** Placeholders the assessment fills, usable in any template. */
export const WORKBOOK_PLACEHOLDERS: Record<string, string> = {
  通报标题: '如：关于2024年度综治及信访工作考核结果的通报',
  考核名称: '如：2024年度综治及信访工作',
  考核年度: '如：2024',
  发文机关: '通报落款的单位',
  日期: '成文日期（按设置的写法）',
  单位数: '参加排名的单位数',
  表扬单位: '通报表扬的单位，用顿号分隔',
  批评单位: '通报批评的单位',
  否决单位: '一票否决的单位，没有则为“无”',
  重点管理单位: '排名最后、列为信访重点管理单位的单位',
  排名列表: '如：1.张庄村 99分；2.李家村 92.5分；…',
  草稿: '结果还是草稿时写明缺什么（如：草稿：本单位有 1 项未评分…），正式结果时为空',
};

/** Placeholders whose values do not depend on the scores: a copy using only these needs no 草稿 mark. */
const SCORE_FREE = new Set(['单位', '责任金', '通报标题', '考核名称', '考核年度', '发文机关', '日期', '单位数', '草稿']);

/** True when the template shows something the scores decide (a total, a rank, who is criticised …). */
export function dependsOnScores(t: Template): boolean {
  return t.cells.some(({ text }) => placeholdersIn(text).some((name) => !SCORE_FREE.has(name)));
}

/** True when the template says itself where the 草稿 line goes ({{草稿}}). */
export function placesDraft(t: Template): boolean {
  return t.cells.some(({ text }) => placeholdersIn(text).includes('草稿'));
}

export interface Template {
  sheet: string;
  /** 'unit': filled once per unit; 'workbook': filled once. */
  kind: 'unit' | 'workbook';
  /** The template's name without 模板: 签字表模板 → 签字表. */
  base: string;
  /**
   * Cells holding placeholders, with their text, and the other wrapped text cells too wide for
   * their cell. `capacity`: half-em units a line of the cell holds, where the host told how the
   * sheet prints (Grid.layout) and the cell wraps — the filled text is broken to it by the
   * Chinese rules (no line starts with ，。；、）…), in the copy only.
   */
  cells: { cell: string; text: string; capacity?: number }[];
}

/** Placeholders in a text: '{{单位}}负责人' → ['单位']. */
function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => fold(m[1]));
}

/** Own keys only: a placeholder named {{constructor}} or {{toString}} is unknown, not Object's. */
const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** True when the sheet's name declares it a template: 目标责任书模板, 签字表模版. */
export function isTemplateName(name: string): boolean {
  return /(模板|模版)\s*$/.test(name);
}

/** True when the sheet is a template: named so, or listed in the settings. */
export function isTemplate(grid: Grid, declared: readonly string[] = []): boolean {
  return isTemplateName(grid.name) || declared.includes(grid.name);
}

/**
 * Every declared template of the workbook, and a warning for each placeholder nobody fills.
 * `declared` are the sheets the settings list as templates besides those named …模板.
 */
export function findTemplates(grids: Grid[], declared: readonly string[] = []): { templates: Template[]; diagnostics: Diagnostic[] } {
  const templates: Template[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const g of grids.filter((x) => isTemplate(x, declared))) {
    const cells: Template['cells'] = [];
    const layout = g.layout;
    const capacity = (r: number, c: number): number | undefined => {
      const size = layout?.overflowing[a1(r, c)];
      if (!layout || size === undefined || g.formulas?.[a1(r, c)] !== undefined) return undefined;
      return lineCapacity(areaPoints(layout, c, g.merges.find((m) => m.top === r && m.left === c)), size);
    };
    let perUnit = false;
    let placeholders = 0;
    g.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v !== 'string') return;
        const names = v.includes('{{') ? placeholdersIn(v) : [];
        const fit = capacity(r, c);
        if (names.length === 0) {
          // A text of the office's own, too wide for its cell: broken in the copy as a filled one is.
          if (fit !== undefined) cells.push({ cell: a1(r, c), text: v, capacity: fit });
          return;
        }
        placeholders++;
        cells.push(fit === undefined ? { cell: a1(r, c), text: v } : { cell: a1(r, c), text: v, capacity: fit });
        for (const name of names) {
          if (has(UNIT_PLACEHOLDERS, name)) perUnit = true;
          else if (!has(WORKBOOK_PLACEHOLDERS, name)) {
            diagnostics.push(diagnose('TEMPLATE_UNKNOWN_PLACEHOLDER', { name, known: Object.keys({ ...UNIT_PLACEHOLDERS, ...WORKBOOK_PLACEHOLDERS }).slice(0, 8).join('、') }, g.name, a1(r, c)));
          }
        }
      }),
    );
    if (placeholders === 0) {
      diagnostics.push(diagnose('TEMPLATE_NOT_USED', { sheet: g.name, why: '是模板（名称以“模板”结尾或列在设置中），不参加评分；其中没有 {{单位}} 之类的占位符，未据此生成工作表' }, g.name));
      continue;
    }
    const base = g.name.replace(/模板|模版|样表|template/gi, '').trim() || g.name;
    templates.push({ sheet: g.name, kind: perUnit ? 'unit' : 'workbook', base, cells });
  }
  return { templates, diagnostics };
}

/**
 * The template's placeholder cells filled in. A cell that is just one placeholder takes the value
 * itself (a number stays a number); in longer text the values are written into it. An unknown
 * placeholder stays as written (and was reported). A text wider than its cell is broken by the
 * Chinese rules (see Template.cells); a cell that fits is written as filled, nothing added.
 */
export function fillTemplate(t: Template, values: Record<string, string | number>): SheetCell[] {
  return t.cells.map(({ cell, text, capacity }) => {
    const only = /^\s*\{\{\s*([^{}]+?)\s*\}\}\s*$/.exec(text);
    const value = only && has(values, fold(only[1])) ? values[fold(only[1])] : text.replace(PLACEHOLDER, (whole, name: string) => (has(values, fold(name)) ? String(values[fold(name)]) : whole));
    return { cell, value: typeof value === 'string' && capacity !== undefined ? fitText(value, capacity) : value };
  });
}
