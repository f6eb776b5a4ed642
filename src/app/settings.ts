/**
 * Settings kept in the workbook, so the next person who opens it gets the same results: a
 * hidden sheet 考核助手设置 of 设置项 | 值 rows, readable by a person who unhides it. It also
 * lists the sheets the add-in generated: only those are ever replaced on the next run.
 */
import { DEFAULT_BANDS } from '../engine/bands';
import { diagnose, type Diagnostic } from '../engine/diagnostics';
import { ENTRY_SUBCOLUMNS, type ScoreSettings } from '../engine/model';
import { DEFAULT_REWARDS, type RewardSettings } from '../engine/rewards';
import { cleanText } from '../engine/text';
import type { SheetPlan } from '../host/host';
import { display } from '../sheet/entry';
import { a1, type Grid } from '../sheet/grid';
import { splitNames, type Signers } from '../sheet/signers';
import { verifyOwnedSheets } from './ownedSheets';

export { ownedSheetName } from './ownedSheets';
import { DEFAULT_CASE_RULES, type CaseRules } from '../engine/cases/deadline';
import { caseSettingCells, isCaseSettingLabel, readCaseRules } from './caseSettings';
import { DEFAULT_OUTPUT, type OutputSettings } from './outputSettings';
import { AWARD_FIELDS, DEPOSIT_FIELDS } from './rewardFields';

export { DEFAULT_OUTPUT, type OutputSettings } from './outputSettings';

export const SETTINGS_SHEET = '考核助手设置';
/** A date as the settings sheet holds it: 2024-12-20. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface WorkbookSettings {
  score: ScoreSettings;
  output: OutputSettings;
  /** 责任金 and 奖补资金 (seed 003 defaults). */
  rewards: RewardSettings;
  /** Sheets the add-in generated and can prove it did (their mark); the only ones it may replace. */
  ownedSheets: string[];
  /** Sheets declared as templates besides those whose name ends in 模板. */
  templates: string[];
  /** 办理期限 of the case register (caseSettings.ts). */
  cases: CaseRules;
  /** Fingerprint of what the notice was generated from (app/draft.ts); null before the first notice. */
  noticeBasis: string | null;
  /** 考核组 of this copy of the workbook (who scores with it); read by 合并评分 as the copy's provenance. */
  group?: Signers;
  /** 评分来源: which file and 考核组 supplied each unit's scores, as 合并评分 recorded them. */
  sources?: UnitSource[];
}

/** 评分来源: one unit's scores came from this file, scored by this 考核组. */
export interface UnitSource {
  unit: string;
  file: string;
  leader: string;
  members: string[];
}

/** The label of a provenance row in the settings sheet: 评分来源 | 单位 | 文件 | 考核组长 | 考核组成员. */
export const SOURCE_LABEL = '评分来源';


export const DEFAULT_WORKBOOK_SETTINGS: WorkbookSettings = {
  score: { ranking: 'dense', veto: 'zero', bands: DEFAULT_BANDS },
  output: DEFAULT_OUTPUT,
  rewards: DEFAULT_REWARDS,
  ownedSheets: [],
  templates: [],
  cases: DEFAULT_CASE_RULES,
  noticeBasis: null,
};

/** Each setting: its row label, how it reads, how it is written, and what the row explains. */
export interface Field {
  label: string;
  note: string;
  read: (text: string, s: WorkbookSettings) => WorkbookSettings | null;
  write: (s: WorkbookSettings) => string | number;
}

const choice = <T extends string>(pairs: [T, string][]) => ({
  read: (text: string): T | null => pairs.find(([value, name]) => text === name || text === value)?.[0] ?? null,
  write: (value: T): string => pairs.find(([v]) => v === value)?.[1] ?? value,
});
const RANKING = choice<ScoreSettings['ranking']>([['dense', '中国式排名'], ['competition', '竞赛排名']]);
const VETO = choice<ScoreSettings['veto']>([['zero', '记0分'], ['last', '排在最后']]);
const DATE_STYLE = choice<OutputSettings['dateStyle']>([['arabic', '阿拉伯数字'], ['chinese', '汉字']]);
const YES_NO = choice<'yes' | 'no'>([['yes', '是'], ['no', '否']]);

/** A date row of the outputs' settings: 2024-12-20, or empty for its default (null). */
function outputDate(label: string, note: string, key: 'assessmentDate' | 'date' | 'printDate'): Field {
  return {
    label,
    note,
    read: (t, s) => (t === '' ? { ...s, output: { ...s.output, [key]: null } } : ISO_DATE.test(t) ? { ...s, output: { ...s.output, [key]: t } } : null),
    write: (s) => s.output[key] ?? '',
  };
}

function count(text: string): number | null {
  return /^\d{1,2}$/.test(text) ? Number(text) : null;
}

const FIELDS: Field[] = [
  {
    label: '排名方式',
    note: '中国式排名（并列不占名次 1,2,2,3）或 竞赛排名（1,2,2,4）',
    read: (t, s) => (RANKING.read(t) ? { ...s, score: { ...s.score, ranking: RANKING.read(t) as ScoreSettings['ranking'] } } : null),
    write: (s) => RANKING.write(s.score.ranking),
  },
  {
    label: '一票否决',
    note: '记0分（总分以0分计算）或 排在最后（保留得分）',
    read: (t, s) => (VETO.read(t) ? { ...s, score: { ...s.score, veto: VETO.read(t) as ScoreSettings['veto'] } } : null),
    write: (s) => VETO.write(s.score.veto),
  },
  {
    label: '通报标题',
    note: '留空则按考核年度生成，如：关于2024年度综治及信访工作考核结果的通报',
    read: (t, s) => ({ ...s, output: { ...s.output, title: t === '' ? null : t } }),
    write: (s) => s.output.title ?? '',
  },
  {
    label: '乡镇名称',
    note: '如 城关镇、xx乡、xx街道；留空则取评分表标题中的乡镇名',
    read: (t, s) => ({ ...s, output: { ...s.output, township: t === '' ? null : t } }),
    write: (s) => s.output.township ?? '',
  },
  outputDate('考核日期', '签字评分表上的考核日期，如 2024-12-20；留空则用各单位评分表上写的日期，没有则留空待手填', 'assessmentDate'),
  {
    label: '发文机关',
    note: '通报落款',
    read: (t, s) => (t === '' ? null : { ...s, output: { ...s.output, authority: t } }),
    write: (s) => s.output.authority,
  },
  outputDate('成文日期', '如 2024-12-20；留空则用评分表上写的考核日期，没有则留空待手填（不用生成当天的日期）', 'date'),
  {
    label: '日期写法',
    note: '阿拉伯数字（2024年12月20日，GB/T 9704-2012）或 汉字（二〇二四年十二月二十日）',
    read: (t, s) => (DATE_STYLE.read(t) ? { ...s, output: { ...s.output, dateStyle: DATE_STYLE.read(t) as OutputSettings['dateStyle'] } } : null),
    write: (s) => DATE_STYLE.write(s.output.dateStyle),
  },
  {
    label: '表扬名数',
    note: '通报表扬前几名',
    read: (t, s) => (count(t) === null ? null : { ...s, output: { ...s.output, commended: count(t) as number } }),
    write: (s) => s.output.commended,
  },
  {
    label: '批评名数',
    note: '通报批评后几名',
    read: (t, s) => (count(t) === null ? null : { ...s, output: { ...s.output, criticised: count(t) as number } }),
    write: (s) => s.output.criticised,
  },
  ...DEPOSIT_FIELDS,
  {
    label: '模板',
    note: '按模板填写的工作表（名称以“模板”结尾的表自动算作模板），用“、”分隔；表中的 {{单位}} 等占位符按单位填写',
    read: (t, s) => ({ ...s, templates: t === '' ? [] : t.split('、').map((x) => x.trim()).filter(Boolean) }),
    write: (s) => s.templates.join('、'),
  },
  ...AWARD_FIELDS,
  {
    label: '主送机关',
    note: '通报的主送机关',
    read: (t, s) => (t === '' ? null : { ...s, output: { ...s.output, recipients: t } }),
    write: (s) => s.output.recipients,
  },
  {
    label: '发文字号',
    note: '如 xx综信发〔2024〕5号；留空则不印',
    read: (t, s) => ({ ...s, output: { ...s.output, documentNumber: t } }),
    write: (s) => s.output.documentNumber,
  },
  {
    label: '抄送',
    note: '版记的抄送机关；留空则不印版记的抄送行',
    read: (t, s) => ({ ...s, output: { ...s.output, copyTo: t } }),
    write: (s) => s.output.copyTo,
  },
  {
    label: '印发机关',
    note: '版记的印发机关；留空则不印版记',
    read: (t, s) => ({ ...s, output: { ...s.output, printedBy: t } }),
    write: (s) => s.output.printedBy,
  },
  outputDate('印发日期', '版记的印发日期，如 2024-12-25；留空则同成文日期', 'printDate'),
  {
    label: '通报写办结率',
    note: '有信访事项办理台账时，通报写明按期办结率、结案率和有逾期事项的单位：是 或 否',
    read: (t, s) => (YES_NO.read(t) ? { ...s, output: { ...s.output, caseRates: YES_NO.read(t) === 'yes' } } : null),
    write: (s) => YES_NO.write(s.output.caseRates ? 'yes' : 'no'),
  },
  {
    label: '考核组长',
    note: '使用本工作簿评分的考核组组长（分发给各考核组的副本中填写；合并评分时记入评分来源）',
    read: (t, s) => (t === '' ? s : { ...s, group: { leader: t, members: s.group?.members ?? [] } }),
    write: (s) => s.group?.leader ?? '',
  },
  {
    label: '考核组成员',
    note: '考核组成员姓名，用“、”分隔',
    read: (t, s) => (t === '' ? s : { ...s, group: { leader: s.group?.leader ?? '', members: splitNames(t) } }),
    write: (s) => (s.group?.members ?? []).join('、'),
  },
  {
    label: '生成的工作表',
    note: '考核助手生成的工作表，重新生成时只替换这些表（用“、”分隔）',
    read: (t, s) => ({ ...s, ownedSheets: t === '' ? [] : t.split('、').map((x) => x.trim()).filter(Boolean) }),
    write: (s) => s.ownedSheets.join('、'),
  },
  {
    label: '通报依据',
    note: '生成通报时成绩和设置的校验码；成绩改动后考核助手据此提示“通报已过期，请重新生成”（请勿手工修改）',
    read: (t, s) => ({ ...s, noticeBasis: /^[0-9a-f]{8}$/.test(t) ? t : null }),
    write: (s) => s.noticeBasis ?? '',
  },
  {
    label: '得分栏',
    note: '得分分为 自评/考核/复核 几栏时按哪一栏计分；留空按 复核＞考核＞自评 的顺序',
    read: (t, s) => {
      if (t === '') return { ...s, score: { ...s.score, entryColumn: undefined } };
      const column = ENTRY_SUBCOLUMNS.find((c) => c === t);
      return column ? { ...s, score: { ...s.score, entryColumn: column } } : null;
    },
    write: (s) => s.score.entryColumn ?? '',
  },
];

/** The settings the workbook holds, defaults for what it does not; a value that cannot be read is reported and the default kept. */
export function readSettings(grids: Grid[]): { settings: WorkbookSettings; diagnostics: Diagnostic[] } {
  const sheet = grids.find((g) => g.name === SETTINGS_SHEET);
  let settings = DEFAULT_WORKBOOK_SETTINGS;
  const diagnostics: Diagnostic[] = [];
  if (!sheet) return { settings, diagnostics };
  sheet.rows.forEach((row, r) => {
    const label = cleanText(display(row[0] ?? null));
    if (label === SOURCE_LABEL) {
      const [unit, file, leader, members] = row.slice(1, 5).map((v) => display(v ?? null).trim());
      if (unit && file) settings = { ...settings, sources: [...(settings.sources ?? []), { unit, file, leader: leader ?? '', members: splitNames(members ?? '') }] };
      return;
    }
    const field = FIELDS.find((f) => f.label === label);
    if (!field) return;
    const text = display(row[1] ?? null).trim();
    const next = field.read(text, settings);
    if (next) settings = next;
    else diagnostics.push(diagnose('SETTING_UNREADABLE', { setting: field.label, value: text, hint: field.note }, SETTINGS_SHEET, `B${r + 1}`));
  });
  const verified = verifyOwnedSheets(grids, settings.ownedSheets, SETTINGS_SHEET);
  const cases = readCaseRules(grids, SETTINGS_SHEET);
  return {
    settings: { ...settings, ownedSheets: verified.owned, cases: cases.rules },
    diagnostics: [...diagnostics, ...verified.diagnostics, ...cases.diagnostics],
  };
}

/** The rows the add-in writes for these settings: label, value, explanation. */
function settingRows(settings: WorkbookSettings): [string, string | number, string][] {
  const rows: [string, string | number, string][] = FIELDS.map((f) => [f.label, f.write(settings), f.note]);
  const cases = caseSettingCells(settings.cases, 0);
  for (let i = 0; i < cases.length; i += 3) rows.push([String(cases[i].value), cases[i + 1].value as string | number, String(cases[i + 2].value ?? '')]);
  return rows;
}

/**
 * The settings sheet as the add-in writes it: hidden, one row per setting with its explanation.
 * Given the workbook's grids, what a person typed there is kept: a row whose setting this run
 * did not change keeps its value as typed (even one that could not be read, which was reported),
 * rows and columns the add-in does not know stay where they are, and new settings go below.
 */
export function settingsSheetPlan(settings: WorkbookSettings, grids: readonly Grid[] = []): SheetPlan {
  const existing = grids.find((g) => g.name === SETTINGS_SHEET);
  const fresh = settingRows(settings);
  const sources = settings.sources ?? [];
  const plan = (cells: SheetPlan['cells'], sourcesAt: number): SheetPlan => ({
    name: SETTINGS_SHEET,
    cells: [...cells, ...sourceCells(sources, sourcesAt)],
    merges: [],
    columnWidths: sources.length > 0 ? [14, 36, 60, 14, 30] : [14, 36, 60],
    state: 'hidden',
  });
  if (!existing) {
    return plan([
      { cell: 'A1', value: '设置项', style: { bold: true } },
      { cell: 'B1', value: '值', style: { bold: true } },
      { cell: 'C1', value: '说明', style: { bold: true } },
      ...fresh.flatMap(([label, value, note], i) => [
        { cell: `A${i + 2}`, value: label },
        { cell: `B${i + 2}`, value },
        { cell: `C${i + 2}`, value: note },
      ]),
    ], fresh.length + 3);
  }
  // What the sheet says now, written the add-in's way: a setting whose value equals it was not changed.
  const before = new Map(settingRows(readSettings([existing]).settings).map(([label, value]) => [cleanText(label), String(value)]));
  const wanted = new Map(fresh.map(([label, value, note]) => [cleanText(label), { value, note }]));
  const cells: SheetPlan['cells'] = [];
  const seen = new Set<string>();
  existing.rows.forEach((row, r) => {
    const label = cleanText(display(row[0] ?? null));
    // 评分来源 rows are written again below, from the settings (which hold every one read).
    if (label === SOURCE_LABEL || label === cleanText(SOURCE_HEADER)) return;
    const mine = wanted.get(label);
    // A deadline rule the pane removed is gone from the settings: its row goes too.
    if (!mine && isCaseSettingLabel(label)) return;
    row.forEach((v, c) => {
      if (v === null || (typeof v === 'object' && 'error' in v)) return;
      const changed = mine && c === 1 && String(mine.value) !== before.get(label);
      if (!changed) cells.push({ cell: a1(r, c), value: v });
    });
    if (!mine || seen.has(label)) return;
    seen.add(label);
    if (String(mine.value) !== before.get(label) || row[1] === null || row[1] === undefined) cells.push({ cell: a1(r, 1), value: mine.value });
    if (row[2] === null || row[2] === undefined) cells.push({ cell: a1(r, 2), value: mine.note });
  });
  let next = existing.rows.length + 1;
  for (const [label, value, note] of fresh) {
    if (seen.has(cleanText(label))) continue;
    cells.push({ cell: `A${next}`, value: label }, { cell: `B${next}`, value }, { cell: `C${next}`, value: note });
    next++;
  }
  // One cell written once: a typed value kept above may be replaced by the new one.
  const byCell = new Map(cells.map((c) => [c.cell, c]));
  return plan([...byCell.values()], next + 1);
}

const SOURCE_HEADER = '评分来源（合并评分记录）';

/** 评分来源 (合并评分) as rows from `top` (1-based): a header, then 评分来源 | 单位 | 文件 | 考核组长 | 考核组成员. */
function sourceCells(sources: readonly UnitSource[], top: number): SheetPlan['cells'] {
  if (sources.length === 0) return [];
  const cells: SheetPlan['cells'] = [SOURCE_HEADER, '单位', '文件', '考核组长', '考核组成员'].map((h, c) => ({ cell: `${'ABCDE'[c]}${top}`, value: h, style: { bold: true } }));
  sources.forEach((x, i) => {
    [SOURCE_LABEL, x.unit, x.file, x.leader, x.members.join('、')].forEach((v, c) => cells.push({ cell: `${'ABCDE'[c]}${top + 1 + i}`, value: v }));
  });
  return cells;
}
