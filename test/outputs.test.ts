/**
 * The printable outputs as plans: 汇总排名 formulas and cached values, 签字评分表, 考核结果通报,
 * and the rule that a user's sheet is never replaced. LibreOffice recalculates them in
 * test/libreoffice (npm run test:libreoffice).
 */
import { outputsPlan, subjectOf } from '../src/app/outputs';
import { scoreAssessment } from '../src/app/scoreAssessment';
import { GENERATED_MARK } from '../src/app/ownedSheets';
import { DEFAULT_WORKBOOK_SETTINGS, type WorkbookSettings } from '../src/app/settings';
import { grid, type Grid } from '../src/sheet/grid';
import type { SheetPlan } from '../src/sheet/sheetPlan';
import { printWidth } from '../src/sheet/outputs/common';
import { itemsWithoutReason } from '../src/sheet/outputs/signed';
import { at, sampleGrids, sampleOutputs, sheet } from './support/sampleOutputs';

let grids: Grid[];
beforeAll(async () => {
  grids = await sampleGrids();
});
const outputs = (settings: Partial<WorkbookSettings> = {}, extra: Grid[] = []) => sampleOutputs(grids, settings, extra);

describe('汇总排名', () => {
  test('one row per unit in rank order; every figure a formula over the entry cells, with the engine’s values cached', () => {
    const { plan, summary } = outputs();
    const s = sheet(plan, summary);
    expect(s.cells.filter((c) => /^[A-M]3$/.test(c.cell)).map((c) => String(c.value).replace(/\n/g, ''))).toEqual([
      '序号', '单位', '一、落实信访工作责任制,建立一把手负总责（20分）', '二、包保网络建设和责任追究（30分）', '三、解决信访问题（20分）',
      '四、综治维稳基层基础工作,“综治维稳信访工作站”运行工作开展情况（30分）', '加减分', '一票否决', '总分', '排名', '等次', '备注', '评分状态',
    ]);
    expect(at(s, 'B4')?.value).toBe('张庄村');
    const valid = `SUMIFS('张庄村'!E4:E7,'张庄村'!E4:E7,">=0",'张庄村'!E4:E7,"<=5")`;
    expect(at(s, 'C4')).toMatchObject({ value: 19.5, formula: `IF(COUNTA('张庄村'!E4:E7)-COUNTIFS('张庄村'!E4:E7,">=0",'张庄村'!E4:E7,"<=5")>0,"填写错误",N4)` });
    // The sum of the valid entries sits once in a helper column right of the print area.
    expect(at(s, 'N4')).toMatchObject({ value: 19.5, formula: valid });
    expect(at(s, 'I4')?.value).toBe(99);
    expect(at(s, 'I4')?.formula).toBe('IF(H4="是",0,ROUND(MAX(0,SUM(N4:R4)),2))');
    expect(at(s, 'J4')?.value).toBe(1);
    expect(at(s, 'J4')?.formula).toContain('SUMPRODUCT');
    expect(at(s, 'K4')).toMatchObject({ value: '85分以上', formula: expect.stringContaining('IF(H4="是","一票否决"') });
    // Deposit and award on one line: the layout leaves 备注 room for it.
    expect(at(s, 'L4')).toMatchObject({ value: '责任金双倍返还（12000元）；奖补资金10000元', formula: expect.stringContaining('"；"&"奖补资金"&CHOOSE(J4,10000,8000,6000)') });
    // 赵集村 is vetoed: last, 0, from its veto cell.
    expect(at(s, 'B13')?.value).toBe('赵集村');
    expect(at(s, 'H13')).toMatchObject({ value: '是', formula: expect.stringContaining("'赵集村'!E35") });
    expect(at(s, 'I13')?.value).toBe(0);
    // Its row says 一票否决 twice already: 备注 keeps the deposit's fate.
    expect(at(s, 'L13')).toMatchObject({ value: '责任金全部扣除（6000元）', formula: expect.stringContaining('IF(H13="是","责任金全部扣除（6000元）"') });
    expect(s.chart).toMatchObject({ categories: 'B4:B13', values: 'I4:I13', from: 'U3' });
    expect(s.page).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 1, printTitleRows: '1:3' });
    expect(s.cells.filter((c) => typeof c.value === 'string' && /^(制表人|审核人|日期)：/.test(c.value))).toHaveLength(3);
    // Ten units fit one page comfortably: 10.5 pt, no page numbers. The header row is as tall as its
    // longest title's lines (1.44 em a line); one font family throughout.
    const size = at(s, 'B4')?.style?.fontSize as number;
    expect(size).toBe(10.5);
    expect(s.page?.footer).toBeUndefined();
    expect(Math.min(...Object.values(s.page?.margins ?? {}))).toBeGreaterThanOrEqual(6);
    const headerLines = Math.max(...s.cells.filter((c) => /^[A-M]3$/.test(c.cell)).map((c) => String(c.value).split('\n').length));
    expect(headerLines).toBeGreaterThanOrEqual(3);
    expect(s.rowHeights?.[3]).toBeGreaterThanOrEqual((headerLines - 1) * 1.44 * size + 1.2 * size);
    for (let r = 4; r <= 13; r++) expect(s.rowHeights?.[r]).toBeGreaterThanOrEqual(1.2 * size);
    expect(new Set(s.cells.filter((c) => c.value !== GENERATED_MARK).map((c) => c.style?.fontName))).toEqual(new Set(['宋体']));
  });

  test('an invalid entry is referenced, never a constant: the category shows 填写错误 and 评分状态 and the 草稿 line say so', () => {
    const { plan, summary } = outputs();
    const s = sheet(plan, summary);
    const row = (unit: string) => s.cells.find((c) => c.value === unit)?.cell.slice(1);
    const liu = row('刘湾村');
    expect(at(s, `C${liu}`)).toMatchObject({ value: '填写错误', formula: expect.stringContaining("COUNTA('刘湾村'!E4:E7)") });
    expect(at(s, `C${liu}`)?.formula).not.toMatch(/,0\)$/);
    expect(at(s, `M${liu}`)?.value).toBe('有填写错误');
    const sun = row('孙庄村');
    expect(at(s, `M${sun}`)).toMatchObject({ value: '未评分1项', formula: expect.stringContaining(`S${sun}>0`) });
    expect(at(s, `S${sun}`)).toMatchObject({ value: 1, formula: expect.stringContaining("COUNTBLANK('孙庄村'!E26)") });
    expect(at(s, 'A2')).toMatchObject({ value: expect.stringContaining('草稿'), formula: expect.stringContaining('$M$4:$M$13') });
    // Text the engine reads (５, 5分) is not an error to correct: the engine's number enters the sum.
    expect(at(s, `N${row('周口居委会')}`)?.formula).toMatch(/\+5\+5$/);
  });

  test('a unit with a wrong and a blank entry: 评分状态 puts each on its own line (no line starting with “，”), the signed sheet’s 草稿 line joins them', () => {
    const liu = grids.find((g) => g.name === '刘湾村')!;
    const rows = liu.rows.map((r) => [...r]);
    rows[25][4] = null; // E26 blank as well as E4 wrong
    const all = grids.map((g) => (g === liu ? { ...liu, rows } : g));
    const out = outputsPlan(scoreAssessment(all, DEFAULT_WORKBOOK_SETTINGS.score), all, DEFAULT_WORKBOOK_SETTINGS, { today: '2024-12-25' });
    const s = sheet(out.plan, out.summary);
    const status = s.cells.find((c) => c.value === '有填写错误\n未评分1项');
    expect(status?.formula).toContain('CHAR(10)');
    const letter = sheet(out.plan, out.signed.get('刘湾村') as string);
    expect(at(letter, 'A2')).toMatchObject({ value: '草稿：本单位有填写错误，未评分1项，本表不能作为正式结果', formula: expect.stringContaining('SUBSTITUTE(') });
    expect(s.rowHeights?.[Number(status?.cell.slice(1))]).toBeGreaterThanOrEqual(2 * 14);
  });

  test('competition ranking and veto last change the rank and total formulas', () => {
    const { plan, summary } = outputs({ score: { ...DEFAULT_WORKBOOK_SETTINGS.score, ranking: 'competition', veto: 'last' } });
    const s = sheet(plan, summary);
    expect(at(s, 'I13')?.value).toBe(89);
    expect(at(s, 'I13')?.formula).toBe('ROUND(MAX(0,SUM(N13:R13)),2)');
    expect(at(s, 'J13')?.formula).toContain('COUNTIFS');
    expect(s.cells.filter((c) => /^J\d+$/.test(c.cell) && c.cell !== 'J3').map((c) => c.value)).toEqual([1, 2, 3, 4, 4, 6, 7, 8, 9, 10]);
  });
});

describe('签字评分表', () => {
  const signedOf = (unit: string) => {
    const { plan, signed, summary } = outputs();
    return { s: sheet(plan, signed.get(unit) as string), summary };
  };
  const textOf = (s: SheetPlan) => s.cells.map((c) => String(c.value));

  test('title with the township, unit and date, categories with points, 小计, reasons, notes and a row per signer', () => {
    const { s } = signedOf('李家村');
    const texts = textOf(s);
    expect(texts[0]).toBe('xx镇2024年度综治及信访工作考核评分表');
    expect(texts).toEqual(expect.arrayContaining(['被考核单位：李家村', '考核日期：2024年12月20日']));
    expect(texts.map((t) => t.replace(/\n/g, ''))).toEqual(expect.arrayContaining(['一、落实信访工作责任制,建立一把手负总责（20分）', '注:1、考核总分值设为100分。']));
    expect(texts.filter((t) => t === '小计')).toHaveLength(4);
    expect(texts.map((t) => t.replace(/\n/g, ''))).toContain('-4分：信访台账：赴省正常访 1 人次（1 条记录）');
    expect(texts.map((t) => t.replace(/\n/g, ''))).toContain('-1分：6月下旬排查未开展');
    expect(texts.filter((t) => /（签字）：$/.test(t))).toEqual(['考核组长（签字）：', '考核组成员1（签字）：', '考核组成员2（签字）：', '考核组成员3（签字）：', '被考核单位负责人（签字）：']);
    expect(texts.filter((t) => t.startsWith('日期：'))).toHaveLength(5);
  });

  test('each unit’s own 考核日期 from its sheet; the settings’ date over all; none written: blank to fill in, never another unit’s date', () => {
    const relabel = (unit: string, label: string) => grids.map((g) => (g.name === unit ? { ...g, rows: g.rows.map((r, i) => (i === 1 ? [label, ...r.slice(1)] : r)) } : g));
    const dated = relabel('王庄村', '单位:王庄村    2024年12月18日');
    const undated = relabel('刘湾村', '单位:刘湾村');
    const both = dated.map((g) => (g.name === '刘湾村' ? (undated.find((x) => x.name === '刘湾村') as Grid) : g));
    const dateOf = (settings: Partial<WorkbookSettings>, unit: string) => {
      const { plan, signed } = sampleOutputs(both, settings);
      return textOf(sheet(plan, signed.get(unit) as string)).find((t) => t.startsWith('考核日期：'));
    };
    expect(dateOf({}, '王庄村')).toBe('考核日期：2024年12月18日');
    expect(dateOf({}, '李家村')).toBe('考核日期：2024年12月20日');
    expect(dateOf({}, '刘湾村')).toBe('考核日期：      年    月    日');
    const set = { output: { ...DEFAULT_WORKBOOK_SETTINGS.output, assessmentDate: '2024-12-22' } };
    for (const unit of ['王庄村', '李家村', '刘湾村']) expect(dateOf(set, unit)).toBe('考核日期：2024年12月22日');
  });

  test('scores are formulas over the unit sheet and the summary; a blank entry reads 未评分, a lost point without a reason 未填写扣分原因', () => {
    const { s, summary } = signedOf('孙庄村');
    const e = s.cells.find((c) => c.formula?.includes("'孙庄村'!E26") && c.cell.startsWith('E'));
    expect(e).toMatchObject({ value: '', formula: `IF('孙庄村'!E26="","",IF(AND(ISNUMBER('孙庄村'!E26),'孙庄村'!E26>=0,'孙庄村'!E26<=5),'孙庄村'!E26,"填写错误"))` });
    expect(at(s, `F${e?.cell.slice(1)}`)).toMatchObject({ value: '未评分', formula: `IF('孙庄村'!E26="","未评分","")` });
    expect(s.cells.filter((c) => c.value === '未填写扣分原因').length).toBeGreaterThan(0);
    const totalRow = s.cells.find((c) => c.value === '总分')?.cell.slice(1);
    expect(at(s, `E${totalRow}`)).toMatchObject({ value: 65, formula: `'${summary}'!I12` });
    expect(at(s, 'A2')).toMatchObject({ value: '草稿：本单位未评分1项，本表不能作为正式结果', formula: expect.stringContaining(`'${summary}'!M12`) });
    const subtotal = s.cells.find((c) => c.formula?.startsWith('SUM(E'));
    expect(subtotal?.formula).toMatch(/^SUM\(E\d+:E\d+\)$/);
  });

  test('a 加减分 line that took points off without a reason reads 未填写扣分原因, and is among the cells the pane and the command line warn about', () => {
    // 李家村's 7、村(居)无专人负责综治中心工作 (扣3分), typed -3 with no reason anywhere.
    const li = sampleOutputs(grids).result.units.find((u) => u.table.unit === '李家村')!;
    const line = li.entries.adjustments[6];
    expect(line.value).toBeNull();
    const row = Number(line.cell.replace(/^[A-Z]+/, '')) - 1;
    const col = line.cell.charCodeAt(0) - 65;
    const set = (r: Grid['rows'][number]) => Array.from({ length: Math.max(r.length, col + 1) }, (_, j) => (j === col ? -3 : (r[j] ?? null)));
    const edited = grids.map((g) => (g.name === '李家村' ? { ...g, rows: g.rows.map((r, i) => (i === row ? set(r) : r)) } : g));
    const { result, plan, signed } = sampleOutputs(edited);
    const unit = result.units.find((u) => u.table.unit === '李家村')!;
    expect(unit.entries.adjustments[6].value?.toFixed()).toBe('-3');
    const s = sheet(plan, signed.get('李家村') as string);
    const lineRow = s.cells.find((c) => c.cell.startsWith('E') && c.formula?.includes(`'李家村'!${line.cell}`))!.cell.slice(1);
    expect(at(s, `F${lineRow}`)?.value).toBe('未填写扣分原因');
    expect(itemsWithoutReason(unit, edited.find((g) => g.name === '李家村'))).toEqual([line.cell]);
    // Before the edit, nothing on 李家村 lacked a reason.
    expect(itemsWithoutReason(li, grids.find((g) => g.name === '李家村'))).toEqual([]);
  });

  test('a complete unit has no 草稿 line; a vetoed unit prints the reason of its veto', () => {
    expect(at(signedOf('张庄村').s, 'A2')?.value).toBe('');
    const texts = textOf(signedOf('赵集村').s).map((t) => t.replace(/\n/g, ''));
    expect(texts).toContain('否决理由');
    expect(texts.find((t) => t.startsWith('理由：'))).toContain('因稳控调处不当');
  });

  test('legible: 10.5 pt body at 100 %, no fit-to-page, columns within the printable width, rows as tall as their lines', () => {
    const { s } = signedOf('孙庄村');
    expect(s.page).toMatchObject({ orientation: 'portrait', paper: 'A4', printTitleRows: '4:4' });
    expect(s.page?.fitToWidth).toBeUndefined();
    expect(s.page?.fitToHeight).toBeUndefined();
    const body = s.cells.filter((c) => Number(c.cell.slice(1)) > 4);
    expect(Math.min(...body.map((c) => c.style?.fontSize ?? 11))).toBeGreaterThanOrEqual(10.5);
    // LibreOffice prints a column of w characters 5.53 w pt wide: the table fits the 180 mm between 15 mm margins.
    expect((s.columnWidths.reduce((a, b) => a + b, 0) * 5.53) / 72 * 25.4).toBeLessThanOrEqual(180);
    const rules = s.cells.find((c) => String(c.value).startsWith('到京正常上访'));
    const lines = String(rules?.value).split('\n').length;
    expect(s.rowHeights?.[Number(rules?.cell.slice(1))]).toBeGreaterThanOrEqual(lines * 15);
    // Signature rows give room to sign: 34 pt tall, the signing space (C:D) about 57 mm wide.
    const leader = s.cells.find((c) => c.value === '考核组长（签字）：')?.cell.slice(1);
    expect(s.rowHeights?.[Number(leader)]).toBeGreaterThanOrEqual(30);
    expect(s.merges).toContain(`C${leader}:D${leader}`);
    expect(((s.columnWidths[2] + s.columnWidths[3]) * 5.53) / 72 * 25.4).toBeGreaterThanOrEqual(45);
  });

  test('scores and 加减分 aligned alike, on the signed sheet and on the summary', () => {
    const { s } = signedOf('张庄村');
    const adjRow = Number(s.cells.find((c) => c.value === '加减分')?.cell.slice(1));
    const scores = s.cells.filter((c) => /^E\d+$/.test(c.cell) && Number(c.cell.slice(1)) > 4 && c.style?.numFmt);
    const items = scores.filter((c) => Number(c.cell.slice(1)) < adjRow);
    const adjustments = scores.filter((c) => Number(c.cell.slice(1)) >= adjRow);
    expect(items.length).toBeGreaterThan(10);
    expect(adjustments.length).toBe(8);
    expect(new Set([...items, ...adjustments].map((c) => `${c.style?.horizontal}/${c.style?.vertical}`))).toEqual(new Set(['center/middle']));
    const { plan, summary } = outputs();
    const row4 = sheet(plan, summary).cells.filter((c) => /^[C-G]4$/.test(c.cell));
    expect(new Set(row4.map((c) => `${c.style?.horizontal}/${c.style?.vertical}/${c.style?.fontSize}`)).size).toBe(1);
  });

  test('names of the assessors from the settings, one row each', () => {
    const { plan, signed } = outputs({ group: { leader: '王明', members: ['李强', '赵敏'] } });
    const texts = textOf(sheet(plan, signed.get('张庄村') as string));
    expect(texts.filter((t) => /（签字）：/.test(t))).toEqual(['考核组长（签字）：王明', '考核组成员1（签字）：李强', '考核组成员2（签字）：赵敏', '被考核单位负责人（签字）：']);
  });
});

describe('考核结果通报', () => {
  const noticeText = (settings: Partial<WorkbookSettings> = {}) => {
    const { plan, notice } = outputs(settings);
    const s = sheet(plan, notice);
    return { s, text: s.cells.map((c) => String(c.value)).join('') };
  };

  test('the content of seeds 002/003: ties, awards to units and people, the rule for criticism, 约谈, vetoed units apart, 表态发言', () => {
    const { text } = noticeText();
    expect(text).toContain('关于2024年度综治及信访工作考核结果的通报');
    expect(text).toContain('考核成绩位列前3名的张庄村、周口居委会、前营村，予以通报表扬');
    // 李家村 and 王庄村 share 4th place: commending 4 names all five.
    expect(noticeText({ output: { ...DEFAULT_WORKBOOK_SETTINGS.output, commended: 4 } }).text).toContain(
      '考核成绩位列前4名（含并列）的张庄村、周口居委会、前营村、李家村、王庄村，予以通报表扬',
    );
    expect(text).toContain('张庄村给予奖补资金10000元（壹万元整）');
    expect(text).toContain('对其片长、点长、综治中心包村人员、村书记、治保主任给予个人奖励，张庄村每人3000元');
    expect(text).toContain('未被一票否决的单位中，考核成绩排名后2名的杨店社区、孙庄村，予以通报批评');
    expect(text).toContain('综合考核80分以下的杨店社区、孙庄村，扣除责任金，并对其主要负责人进行约谈');
    expect(text).toContain('赵集村发生一票否决情形');
    expect(text).toContain('单独通报');
    expect(text).toContain('赵集村考核排名最后，列为信访重点管理单位');
    expect(text).toContain('大会上作表态发言');
    expect(text).toContain('每单位缴纳责任金6000元（镇班子成员2000元、驻村点长1000元、综治中心包村人员1000元');
    expect(text).toContain('xx镇综治及信访工作领导小组');
    // The date is the table's assessment date, never the day of the run (2024-12-25 here).
    expect(text).toContain('2024年12月20日');
    expect(text).not.toContain('2024年12月25日');
    // The ledger's petitioners never reach the notice.
    expect(text).not.toMatch(/某甲|某乙|某丙/);
  });

  test('a draft says so on its first line, and a unit with incomplete entries is not judged without saying so', () => {
    const { s, text } = noticeText();
    const lines = s.cells.filter((c) => c.style?.bold && c.style.fontName === '黑体').map((c) => c.value).join('');
    expect(lines).toMatch(/^草稿：刘湾村有 1 项填写错误（E4）；孙庄村有 1 项未评分（E26）。结果不能作为正式结果/);
    expect(text).toContain('其中孙庄村尚有未评分或填写错误的项目，成绩待核定后以正式通报为准');
  });

  test('GB/T 9704 layout: 22 pt title, body near 16 pt in 仿宋, 28 characters a line, a fixed pitch of 22 lines, margins, outer page numbers, no scaling', () => {
    const { s } = noticeText();
    expect(s.cells.find((c) => String(c.value).startsWith('关于'))?.style).toMatchObject({ fontName: '方正小标宋简体', fontSize: 22 });
    const body = s.cells.filter((c) => c.style?.fontName === '仿宋' && c.style?.fontSize && c.style.fontSize > 15);
    expect(body.length).toBeGreaterThan(20);
    for (const c of body) expect(Math.abs((c.style?.fontSize ?? 0) - 16)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...body.map((c) => printWidth(String(c.value))))).toBeLessThanOrEqual(56);
    // Rows of 29.25 and 28.5 pt (whole pixels of 0.75 pt, as LibreOffice and Excel keep them): any 22
    // lines fill 224 of the 225 mm type area, and a 23rd does not fit.
    const pitches = new Set(body.map((c) => s.rowHeights?.[Number(c.cell.slice(1))]));
    expect([...pitches].sort()).toEqual([28.5, 29.25]);
    // The type area: 225 mm (what LibreOffice leaves between the top margin and the footer; see notice.ts).
    const area = ((297 - 37 - 35) / 25.4) * 72;
    const rows = Object.keys(s.rowHeights ?? {}).map(Number).filter((r) => r > 20);
    for (const r of rows.slice(0, rows.length - 22)) {
      const heights = Array.from({ length: 22 }, (_, k) => s.rowHeights?.[r + k] ?? 0);
      const span = heights.reduce((a, b) => a + b, 0);
      expect(span).toBeLessThanOrEqual(area);
      expect(span / 72 * 25.4).toBeGreaterThan(224);
      expect(span + (s.rowHeights?.[r + 22] ?? 28.5)).toBeGreaterThan(area);
    }
    expect(s.page).toMatchObject({ margins: { top: 37, bottom: 33, left: 27.7, right: 26 }, scale: 100, outerFooter: expect.stringContaining('— &P —') });
    expect(s.page?.fitToWidth).toBeUndefined();
    // 成文日期 右空四字, with blank lines for the seal above the issuer.
    const date = s.cells.find((c) => String(c.value).startsWith('2024年12月20日'));
    expect(date?.value).toBe('2024年12月20日\u3000\u3000\u3000\u3000');
    const issuer = Number(date?.cell.slice(1)) - 1;
    expect([1, 2, 3].map((k) => at(s, `A${issuer - k}`)?.value)).toEqual(['', '', '']);
  });

  test('the township from the settings: a 乡 or a 街道 is named as one, with its own bodies, on the notice and the signed sheets', () => {
    const township = (name: string) => ({ output: { ...DEFAULT_WORKBOOK_SETTINGS.output, township: name } });
    const xiang = noticeText(township('石桥乡')).text;
    expect(xiang).toContain('石桥乡综治及信访工作领导小组');
    expect(xiang).toContain('各村（居）、乡直各单位：');
    expect(xiang).toContain('须在一个月内向乡综治及信访工作领导小组提交书面整改报告');
    expect(xiang).toContain('向乡党委、政府递交书面检查，并在全乡大会上作表态发言');
    expect(xiang).not.toMatch(/镇/);
    const street = noticeText(township('城关街道')).text;
    expect(street).toContain('向街道党工委、办事处递交书面检查，并在全街道大会上作表态发言');
    expect(street).toContain('各村（居）、街道直属各单位：');
    const { plan, signed } = outputs(township('石桥乡'));
    expect(String(sheet(plan, signed.get('李家村') as string).cells[0].value)).toBe('石桥乡2024年度综治及信访工作考核评分表');
    // Without the setting: the township of the table's title, and the seeds' 镇 wording.
    expect(noticeText().text).toContain('向镇党委、政府递交书面检查，并在全镇大会上作表态发言');
  });

  test('the older date form with 〇, a title, 主送机关, 发文字号 and 版记 from the settings', () => {
    const { s, text } = noticeText({
      output: { ...DEFAULT_WORKBOOK_SETTINGS.output, dateStyle: 'chinese', date: '2024-12-28', title: '关于表彰的通报', recipients: '各村（社区）', documentNumber: 'xx综信发〔2024〕5号', copyTo: '区信访局', printedBy: 'xx镇党政办公室' },
    });
    expect(text).toContain('二〇二四年十二月二十八日');
    expect(text).toContain('关于表彰的通报');
    expect(text).toContain('各村（社区）：');
    expect(s.cells.find((c) => c.value === 'xx综信发〔2024〕5号')).toBeDefined();
    expect(text).toContain('抄送：区信访局。');
    expect(text).toMatch(/xx镇党政办公室\u3000+二〇二四年十二月二十八日印发/);
  });

  test('零上访 units and their awards, from the ledger: a unit without a counted petition is named, none when every unit had one', () => {
    expect(noticeText().text).not.toContain('零上访');
    const ledger = grids.find((g) => g.name === '信访台账') as Grid;
    const without = { ...ledger, rows: ledger.rows.filter((r) => !r.includes('张庄村')) };
    const all = grids.map((g) => (g === ledger ? without : g));
    const result = scoreAssessment(all, DEFAULT_WORKBOOK_SETTINGS.score);
    expect(result.records.zeroPetition).toEqual(['张庄村']);
    const { plan, notice } = outputsPlan(result, all, DEFAULT_WORKBOOK_SETTINGS, { today: '2024-12-25' });
    const text = sheet(plan, notice).cells.map((c) => String(c.value)).join('');
    expect(text).toContain('张庄村全年未发生计入考核的上访（信访台账无计入记录），为“零上访”单位，每单位奖励10000元（壹万元整），村书记、主任、治保主任每人奖励1000元');
  });

  test('no line of any generated text starts with 、，。；：？！）》」』 or ends with （《「『', () => {
    const { plan } = outputs();
    // The letters filled from the sample's 目标责任书模板 too: their long texts are broken in the copy.
    expect(plan.sheets?.filter((s) => s.copyOf).length).toBe(10);
    for (const s of plan.sheets ?? []) {
      for (const c of s.cells) {
        for (const line of String(c.value ?? '').split('\n')) {
          expect(`${s.name}!${c.cell}:${line}`).not.toMatch(/:[、，。；：？！）》」』]/);
          expect(`${s.name}!${c.cell}:${line}`).not.toMatch(/[（《「『]$/);
        }
      }
    }
  });
});

describe('the add-in’s own sheets', () => {
  test('a user sheet named 汇总排名 is never replaced: the generated one takes another name and the user is told', () => {
    const mine = grid([['我的汇总']], { name: '汇总排名' });
    const { plan, summary, notes } = outputs({}, [mine]);
    expect(summary).toBe('汇总排名(考核助手)');
    expect(plan.sheets?.map((s) => s.name)).not.toContain('汇总排名');
    expect(notes[0]).toContain('已有您自己的工作表“汇总排名”');
  });

  test('sheets generated before are replaced, the settings list them, and one no longer produced is removed', () => {
    const before = outputs();
    const settingsPlan = sheet(before.plan, '考核助手设置');
    const row = settingsPlan.cells.find((c) => c.value === '生成的工作表')?.cell.slice(1);
    expect(at(settingsPlan, `B${row}`)?.value).toBe(['汇总排名', ...before.signed.values(), '考核结果通报', ...before.filled, '办理情况'].join('、'));
    const again = outputs({ ownedSheets: ['汇总排名', '旧单位签字表'] }, [grid([['x']], { name: '汇总排名' }), grid([['x']], { name: '旧单位签字表' })]);
    expect(again.summary).toBe('汇总排名');
    expect(again.plan.removeSheets).toEqual(['旧单位签字表']);
  });

  test('the subject of the assessment comes from the table’s title', () => {
    expect(subjectOf('xx镇综治及信访工作考核评分表')).toBe('综治及信访工作');
    expect(subjectOf('东乡镇2024年度平安建设考核评分表')).toBe('平安建设');
    expect(subjectOf('xx镇2024年度各村综治及信访工作考核评分汇总表')).toBe('综治及信访工作');
    expect(subjectOf(null)).toBe('综治及信访工作');
  });
});

test('the deposits and awards of the settings sheet shape the summary’s 备注 and the notice', () => {
  const rewards = { ...DEFAULT_WORKBOOK_SETTINGS.rewards, deposits: [{ role: '村(居)书记', amount: 1000, people: 3 }], awards: { minTotal: 85, amounts: [8000, 5000] } };
  const { plan, summary, notice } = outputs({ rewards });
  expect(at(sheet(plan, summary), 'L4')?.value).toBe('责任金双倍返还（6000元）；奖补资金8000元');
  expect(at(sheet(plan, summary), 'L5')?.value).toBe('责任金双倍返还（6000元）；奖补资金5000元');
  expect(sheet(plan, notice).cells.map((c) => String(c.value)).join('')).toContain('综合考核分值在85分以上的');
});
