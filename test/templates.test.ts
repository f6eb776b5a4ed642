/**
 * Templates with placeholders: a sheet of the office's own filled once per unit or once, its
 * long texts broken by the Chinese rules in the copy, a draft copy marked 草稿.
 */
import type { Grid } from '../src/sheet/grid';
import { grid } from '../src/sheet/grid';
import type { WorkbookSettings } from '../src/app/settings';
import { printWidth } from '../src/sheet/outputs/common';
import { at, content, sampleGrids, sampleOutputs, sheet } from './support/sampleOutputs';

let grids: Grid[];
beforeAll(async () => {
  grids = await sampleGrids();
});
const outputs = (settings: Partial<WorkbookSettings> = {}, extra: Grid[] = []) => sampleOutputs(grids, settings, extra);

describe('templates with placeholders', () => {
  const signedTemplate = grid(
    [
      ['{{考核名称}}考核签字表', null, null],
      ['单位：{{单位}}', null, '{{日期}}'],
      ['总分', '{{总分}}', null],
      ['名次', '{{排名}}', '{{等次}}'],
      ['考核组长（签字）：', null, '被考核单位负责人（签字）：'],
    ],
    { name: '签字表模板' },
  );

  test('a unit template named 签字… replaces the built-in signed sheet: one copy per unit, numbers kept as numbers', () => {
    const { plan, signed } = outputs({}, [signedTemplate]);
    expect(signed.get('张庄村')).toBe('张庄村签字表');
    const s = sheet(plan, '张庄村签字表');
    expect(s.copyOf).toBe('签字表模板');
    expect(content(s)).toEqual([
      { cell: 'A1', value: '2024年度综治及信访工作考核签字表' },
      { cell: 'A2', value: '单位：张庄村' },
      { cell: 'C2', value: '2024年12月20日' },
      { cell: 'B3', value: 99 },
      { cell: 'B4', value: 1 },
      { cell: 'C4', value: '85分以上' },
    ]);
  });

  test('never an unmarked draft: a copy showing scores says 草稿 at the top of every page while its unit is incomplete, or in its {{草稿}} cell', () => {
    const { plan } = outputs({}, [signedTemplate]);
    expect(sheet(plan, '孙庄村签字表').draftHeader).toBe('草稿：本单位未评分1项，本表不能作为正式结果');
    expect(sheet(plan, '刘湾村签字表').draftHeader).toMatch(/^草稿：本单位.*填写错误/);
    expect(sheet(plan, '张庄村签字表').draftHeader).toBeUndefined();
    // The 目标责任书 shows no score (单位, 责任金, 考核年度): nothing to mark.
    expect(sheet(plan, '孙庄村目标责任书').draftHeader).toBeUndefined();
    // An office that places the line itself gets it there, and no header.
    const placed = grid([['{{草稿}}'], ['{{单位}} {{总分}}分']], { name: '得分单模板' });
    const own = outputs({}, [placed]).plan;
    expect(content(sheet(own, '孙庄村得分单'))).toEqual([
      { cell: 'A1', value: '草稿：本单位未评分1项，本表不能作为正式结果' },
      { cell: 'A2', value: '孙庄村 65分' },
    ]);
    expect(sheet(own, '孙庄村得分单').draftHeader).toBeUndefined();
    expect(content(sheet(own, '张庄村得分单'))[0]).toEqual({ cell: 'A1', value: '' });
    // A template filled once from the ranking is a draft while any unit is.
    const ranking = grid([['{{排名列表}}']], { name: '排名模板' });
    expect(sheet(outputs({}, [ranking]).plan, '排名').draftHeader).toMatch(/^草稿：刘湾村有 1 项填写错误（E4）；孙庄村有 1 项未评分（E26）/);
  });

  test('a workbook template named …通报 replaces the built-in notice', () => {
    const noticeTemplate = grid([['{{通报标题}}'], ['表扬：{{表扬单位}}；批评：{{批评单位}}；否决：{{否决单位}}'], ['{{发文机关}}'], ['{{日期}}']], { name: '通报模板' });
    const { plan, notice } = outputs({}, [noticeTemplate]);
    expect(notice).toBe('通报');
    expect(content(sheet(plan, '通报')).map((c) => c.value)).toEqual([
      '关于2024年度综治及信访工作考核结果的通报',
      '表扬：张庄村、周口居委会、前营村；批评：杨店社区、孙庄村；否决：赵集村',
      'xx镇综治及信访工作领导小组',
      '2024年12月20日',
    ]);
  });

  test('the sample’s 目标责任书模板 becomes one letter per unit, and is never read as a score table', () => {
    const { result, plan, filled } = outputs();
    expect(filled).toHaveLength(10);
    const letter = sheet(plan, '张庄村目标责任书');
    expect(letter.copyOf).toBe('目标责任书模板');
    const text = letter.cells.map((c) => String(c.value)).join('\n');
    expect(text).toContain('xx镇人民政府与张庄村签订本责任书');
    expect(text).toContain('共缴纳责任金6000元');
    expect(text).toContain('乙方：张庄村（盖章）');
    expect(text).not.toContain('{{');
    expect(result.diagnostics.filter((d) => d.sheet === '目标责任书模板')).toEqual([]);
  });

  test('the letters’ long texts are broken by the Chinese rules to their merged area, in the copy only; texts that fit are as filled', () => {
    const { plan } = outputs();
    const template = grids.find((g) => g.name === '目标责任书模板')!;
    expect(template.layout?.overflowing).toEqual(expect.objectContaining({ A3: 14, A4: 14, A5: 14 }));
    expect(plan.sheets?.some((s) => s.name === '目标责任书模板')).toBe(false);
    const letter = sheet(plan, '张庄村目标责任书');
    // A4 holds no placeholder, but is wider than A4:D4 at 14 pt: broken in the letter all the same.
    for (const address of ['A3', 'A4', 'A5']) {
      const lines = String(at(letter, address)?.value).split('\n');
      expect(lines.length).toBeGreaterThan(1);
      // The merged A:D is 4 × 22 characters, 477 pt: 33 characters of 14 pt after the cell's padding.
      for (const l of lines) expect(printWidth(l)).toBeLessThanOrEqual(66);
      for (const l of lines) expect(l).not.toMatch(/^[、，。；：？！）》」』]|[（《「『]$/);
    }
    expect(String(at(letter, 'A4')?.value).replace(/\n/g, '')).toBe(template.rows[3][0]);
    expect(String(at(letter, 'A3')?.value).replace(/\n/g, '')).toBe(String(template.rows[2][0]).replace('{{单位}}', '张庄村'));
    // Short texts are written as filled, and texts without placeholders that fit are not written at all.
    expect(at(letter, 'C8')?.value).toBe('乙方：张庄村（盖章）');
    expect(at(letter, 'A8')).toBeUndefined();
    expect(at(letter, 'A1')?.value).toBe('2024年度综治及信访工作目标责任书');
  });

  test('a host that tells nothing of how the sheet prints (Excel’s pane): the filled text is left for the office program to wrap', () => {
    const long = '为全面落实信访工作责任制，把矛盾纠纷化解在基层、解决在萌芽状态，确保社会稳定，xx镇人民政府与{{单位}}签订本责任书。';
    const t = grid([[long]], { name: '责任书模板' });
    expect(content(sheet(outputs({}, [t]).plan, '张庄村责任书'))).toEqual([{ cell: 'A1', value: long.replace('{{单位}}', '张庄村') }]);
    const narrow: Grid = { ...t, layout: { columnPoints: [100], defaultColumnPoints: 48, overflowing: { A1: 12 } } };
    const lines = String(content(sheet(outputs({}, [narrow]).plan, '张庄村责任书'))[0].value).split('\n');
    // 100 pt less the padding at 12 pt: 8 characters a line, the ；，、 carried down with the character before.
    expect(lines.map(printWidth).every((w) => w <= 16)).toBe(true);
    expect(lines.join('')).toBe(long.replace('{{单位}}', '张庄村'));
    expect(lines.filter((l) => /^[、，。；：？！）》」』]/.test(l))).toEqual([]);
  });

  test('an unknown placeholder is reported at its cell and left as written', () => {
    const t = grid([['{{单位}}的{{村长姓名}}']], { name: '通知模板' });
    const { result, plan } = outputs({}, [t]);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'TEMPLATE_UNKNOWN_PLACEHOLDER', sheet: '通知模板', cell: 'A1' }));
    expect(content(sheet(plan, '张庄村通知'))).toEqual([{ cell: 'A1', value: '张庄村的{{村长姓名}}' }]);
  });
});

