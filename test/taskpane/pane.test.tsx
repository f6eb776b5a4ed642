/**
 * @jest-environment jsdom
 */
/**
 * The pane's three sections with React Testing Library, by role and label, over the ExcelJS host
 * on the bundled sample (the same host the browser preview uses). Every action is followed by a
 * diff of the workbook: no cell the user typed changes except the entry cells being edited.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { promises as fs } from 'fs';
import path from 'path';
import { XlsxHost } from '../../src/host/xlsxHost';
import type { WritePlan } from '../../src/host/host';
import type { Grid } from '../../src/sheet/grid';
import { Pane } from '../../src/taskpane/Pane';
import type { PaneHost } from '../../src/taskpane/paneHost';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'sample-2024.xlsx');

/** The sample behind a pane host that records each plan and, optionally, each cell selected. */
async function setup(options: { canSelect?: boolean } = {}) {
  const xlsx = await XlsxHost.fromBuffer(new Uint8Array(await fs.readFile(SAMPLE)), 'sample-2024.xlsx');
  const plans: WritePlan[] = [];
  const selected: string[] = [];
  const host: PaneHost = {
    readGrids: () => xlsx.readGrids(),
    apply: async (plan) => {
      plans.push(plan);
      return xlsx.apply(plan);
    },
    ...(options.canSelect === false ? {} : { selectCell: async (sheet: string, cell: string) => void selected.push(`${sheet}!${cell}`) }),
  };
  const original = await xlsx.readGrids();
  render(<Pane host={host} today="2024-12-25" />);
  await screen.findByText('找到 10 个单位的评分表');
  /** Cells of the original sheets that now differ: 'sheet!A1 before → after'. */
  const changed = async () => changedCells(original, await xlsx.readGrids());
  return { plans, selected, changed, xlsx };
}

/** Every cell of `before`'s sheets whose value differs in `after`, as 'sheet!A1'. Cells that were empty count too. */
function changedCells(before: Grid[], after: Grid[]): string[] {
  const out: string[] = [];
  for (const g of before) {
    const h = after.find((x) => x.name === g.name);
    if (!h) {
      out.push(`${g.name} (removed)`);
      continue;
    }
    const rows = Math.max(g.rows.length, h.rows.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(g.rows[r]?.length ?? 0, h.rows[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        const [a, b] = [g.rows[r]?.[c] ?? null, h.rows[r]?.[c] ?? null];
        if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${g.name}!${String.fromCharCode(65 + c)}${r + 1}${a === null ? ' (empty)' : ''}`);
      }
    }
  }
  return out;
}

const openUnit = async (name: string) => {
  fireEvent.click(screen.getByRole('button', { name: `现场评分：${name}` }));
  return screen.findByRole('form', { name: `现场评分：${name}` });
};
const field = (cell: string) => screen.getByLabelText(new RegExp(`单元格 ${cell}$`)) as HTMLInputElement;
const saveButton = (name: string) => screen.getByRole('button', { name: `保存 ${name} 的得分` }) as HTMLButtonElement;
/** Disabled buttons stay focusable (aria-disabled), so the focus never drops to <body> while the pane works. */
const disabled = (b: HTMLButtonElement) => b.disabled || b.getAttribute('aria-disabled') === 'true';
/** The sample has an open error: writing the ranking asks first, and the outputs are drafts. */
// (hidden: jsdom has no layout, so Fluent's dialog may still count as mid-animation and aria-hidden.)
const confirmDraft = async () =>
  fireEvent.click(within(await screen.findByRole('alertdialog', { hidden: true })).getByRole('button', { name: '写入草稿', hidden: true }));

describe('评分表', () => {
  test('lists the units and every diagnostic; a diagnostic selects its cell in Excel', async () => {
    const { selected, changed } = await setup();
    expect(within(screen.getByRole('table', { name: '被考核单位' })).getAllByRole('row')).toHaveLength(11);
    const diagnostic = screen.getByText('得分 6 超过分值 5', { exact: false }).closest('button') as HTMLButtonElement;
    expect(diagnostic.textContent).toContain('错误');
    expect(diagnostic.textContent).toContain('刘湾村 E4');
    fireEvent.click(diagnostic);
    await waitFor(() => expect(selected).toEqual(['刘湾村!E4']));
    expect(await changed()).toEqual([]);
  });

  test('where the host cannot select (the preview), an entry diagnostic opens 现场评分 at its cell', async () => {
    await setup({ canSelect: false });
    fireEvent.click(screen.getByRole('button', { name: /刘湾村 E4 得分 6 超过分值 5/ }));
    await screen.findByRole('form', { name: '现场评分：刘湾村' });
    await waitFor(() => expect(document.activeElement).toBe(field('E4')));
    expect(screen.getByText('不能超过分值 5')).toBeTruthy();
  });

  test('the diagnostics can be narrowed to errors, and the scheme shows categories, items and points', async () => {
    await setup();
    fireEvent.click(screen.getByRole('radio', { name: /^错误/ }));
    expect(within(screen.getByRole('list', { name: '检查结果列表' })).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByText('二、包保网络建设和责任追究（30分）', { exact: false })).toBeTruthy();
    expect(screen.getByText('确保无人到京、省、市、区、镇上访落实情况（30分）')).toBeTruthy();
    expect(screen.getByText(/满分 100 分；有一票否决栏/)).toBeTruthy();
  });

  test('重新检查 reads the workbook again and changes nothing', async () => {
    const { plans, changed } = await setup();
    fireEvent.click(screen.getByRole('button', { name: '重新检查' }));
    await waitFor(() => expect(screen.getByRole('button', { name: '重新检查' }).getAttribute('aria-disabled')).not.toBe('true'), { timeout: 10000 });
    expect(plans).toEqual([]);
    expect(await changed()).toEqual([]);
  });
});

describe('现场评分', () => {
  test('refuses 6 for a 5-point item as typed, and saving 5 writes that cell only', async () => {
    const { plans, changed } = await setup();
    await openUnit('刘湾村');
    const e4 = field('E4');
    expect(e4.value).toBe('6');
    expect(screen.getByText('不能超过分值 5')).toBeTruthy();
    // The save bar names the cell; Ctrl+Enter (or the cell's link) takes the focus to it, wherever it is.
    expect(screen.getAllByRole('alert').some((a) => a.textContent === '有 1 处得分无效（E4），改正后才能保存')).toBe(true);
    expect(disabled(saveButton('刘湾村'))).toBe(true);
    field('E26').focus();
    fireEvent.keyDown(field('E26'), { key: 'Enter', ctrlKey: true });
    expect(document.activeElement).toBe(e4);
    field('E26').focus();
    fireEvent.click(screen.getByRole('button', { name: 'E4' }));
    expect(document.activeElement).toBe(e4);
    expect(plans).toEqual([]);
    fireEvent.change(e4, { target: { value: '5' } });
    await waitFor(() => expect(disabled(saveButton('刘湾村'))).toBe(false));
    expect(screen.getByText('有 1 处修改未保存')).toBeTruthy();
    fireEvent.click(saveButton('刘湾村'));
    await screen.findByText('已保存 刘湾村 的得分');
    expect(plans).toEqual([{ cells: [{ sheet: '刘湾村', cell: 'E4', value: 5 }] }]);
    expect(await changed()).toEqual(['刘湾村!E4']);
    expect(screen.getByText('没有未保存的修改')).toBeTruthy();
  });

  test('refuses text, negatives and a wrong sign on 加减分, each with its reason', async () => {
    await setup();
    await openUnit('张庄村');
    fireEvent.change(field('E5'), { target: { value: '好' } });
    expect(screen.getByText('请输入数字')).toBeTruthy();
    fireEvent.change(field('E5'), { target: { value: '-1' } });
    expect(screen.getByText('得分不能为负数')).toBeTruthy();
    const absent = screen.getByLabelText(/^6、不按时或缺席综治工作会议。 加减分/) as HTMLInputElement;
    fireEvent.change(absent, { target: { value: '2' } });
    expect(screen.getByText('这是扣分项，应为负数（如 -1）')).toBeTruthy();
    expect(disabled(saveButton('张庄村'))).toBe(true);
  });

  test('works from the keyboard: Enter goes to the next score, arrows step within the points, Ctrl+Enter saves', async () => {
    const { plans } = await setup();
    const form = await openUnit('刘湾村');
    const e4 = field('E4');
    e4.focus();
    fireEvent.keyDown(e4, { key: 'ArrowDown' });
    expect(e4.value).toBe('5'); // 6 is above the points: ↓ brings it back to them…
    fireEvent.keyDown(e4, { key: 'ArrowUp' });
    expect(e4.value).toBe('5'); // …and ↑ stops at them
    expect(e4.getAttribute('role')).toBe('spinbutton');
    expect(e4.getAttribute('aria-valuemax')).toBe('5');
    fireEvent.keyDown(e4, { key: 'Enter' });
    expect(document.activeElement).toBe(field('E5'));
    fireEvent.keyDown(field('E5'), { key: 'ArrowDown' });
    expect(field('E5').value).toBe('4');
    fireEvent.keyDown(form, { key: 'Enter', ctrlKey: true });
    await screen.findByText('已保存 刘湾村 的得分');
    expect(plans[0].cells.map((c) => `${c.cell}=${c.value}`)).toEqual(['E4=5', 'E5=4']);
  });

  test('a deduction asks for its reason; without a 扣分原因 column the reason becomes a note on the entry', async () => {
    const { plans, xlsx, changed } = await setup();
    await openUnit('张庄村');
    fireEvent.change(field('E6'), { target: { value: '3' } });
    const reason = screen.getByLabelText('信访件办理 扣分原因');
    const reasonField = reason.closest('.fui-Field') as HTMLElement;
    expect(within(reasonField).getByText('请填写扣分原因')).toBeTruthy();
    expect(within(reasonField).getByText('作为批注写在 E6（此表没有“扣分原因”列）')).toBeTruthy();
    expect(screen.getByText(/^，\d+ 处扣分未填原因（仍可保存）$/)).toBeTruthy();
    fireEvent.change(reason, { target: { value: '2件未及时上报结果' } });
    fireEvent.click(saveButton('张庄村'));
    await screen.findByText('已保存 张庄村 的得分');
    expect(plans[0].cells).toEqual([{ sheet: '张庄村', cell: 'E6', value: 3, note: '扣分原因：2件未及时上报结果' }]);
    expect(await changed()).toEqual(['张庄村!E6']);
    const bytes = await xlsx.toBytes();
    const reopened = await XlsxHost.fromBuffer(bytes, 'x.xlsx');
    expect((await reopened.readGrids()).find((g) => g.name === '张庄村')!.rows[5][4]).toBe(3);
  });

  test('the veto switch writes the veto cell only', async () => {
    const { plans, changed } = await setup();
    await openUnit('张庄村');
    const veto = screen.getByRole('switch', { name: /一票否决（E35）：否/ });
    fireEvent.click(veto);
    expect(screen.getByRole('switch', { name: /一票否决（E35）：是/ })).toBeTruthy();
    fireEvent.click(saveButton('张庄村'));
    await screen.findByText('已保存 张庄村 的得分');
    expect(plans[0].cells).toEqual([{ sheet: '张庄村', cell: 'E35', value: '是' }]);
    expect(await changed()).toEqual(['张庄村!E35']);
  });

  test('what is typed and not saved survives switching section and unit, and a write elsewhere', async () => {
    await setup();
    await openUnit('刘湾村');
    fireEvent.change(field('E4'), { target: { value: '4.5' } });
    fireEvent.click(screen.getByRole('tab', { name: '计算排名' }));
    expect(screen.getByRole('tab', { name: '现场评分（未保存）' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '评分表' }));
    await openUnit('李家村');
    // Recording an occurrence writes and reads the workbook again; 刘湾村's draft stays.
    fireEvent.click(screen.getByRole('button', { name: '开展矛盾纠纷排查情况 记录扣分（Alt+J）' }));
    fireEvent.click(within(screen.getByRole('group', { name: '开展矛盾纠纷排查情况 记录扣分' })).getByRole('button', { name: '添加记录' }));
    await screen.findByText('已记入扣分明细：李家村 开展矛盾纠纷排查情况');
    fireEvent.click(screen.getByRole('tab', { name: /现场评分/ }));
    fireEvent.click(screen.getByRole('tab', { name: '评分表' }));
    await openUnit('刘湾村');
    expect(field('E4').value).toBe('4.5');
    fireEvent.click(screen.getByRole('button', { name: '放弃修改' }));
    fireEvent.click(within(await screen.findByRole('alertdialog', { hidden: true })).getByRole('button', { name: '放弃修改', hidden: true }));
    await waitFor(() => expect(field('E4').value).toBe('6'));
    expect(screen.getByRole('tab', { name: '现场评分' })).toBeTruthy();
  });

  test('records an occurrence against a rule: a 扣分明细 row and the item’s new score, nothing typed changed', async () => {
    const { plans, changed } = await setup();
    await openUnit('李家村');
    fireEvent.click(screen.getByRole('button', { name: '开展矛盾纠纷排查情况 记录扣分（Alt+J）' }));
    const form = screen.getByRole('group', { name: '开展矛盾纠纷排查情况 记录扣分' });
    fireEvent.change(within(form).getByLabelText('本条记录的原因（写入扣分明细）'), { target: { value: '11月未排查' } });
    fireEvent.change(within(form).getByLabelText('记录人'), { target: { value: '李组员' } });
    fireEvent.click(within(form).getByRole('button', { name: '添加记录' }));
    await screen.findByText('已记入扣分明细：李家村 开展矛盾纠纷排查情况');
    expect(plans[0].cells[0]).toEqual({ sheet: '李家村', cell: 'E7', value: 3 });
    expect(plans[0].cells).toContainEqual({ sheet: '扣分明细', cell: 'F11', value: '11月未排查' });
    expect(field('E7').value).toBe('3');
    // E7 was blank (computed from the records) and the log's new row was empty: nothing typed changed.
    expect(await changed()).toEqual(['李家村!E7 (empty)', ...['A', 'B', 'C', 'D', 'F', 'G', 'H'].map((c) => `扣分明细!${c}11 (empty)`)]);
  });
});

describe('计算排名', () => {
  test('after the notice is written, a changed score makes the pane say 通报已过期 (评分表 and 计算排名), as the command line does; deductions without a reason are pointed out', async () => {
    await setup();
    // The sample has deductions typed without a reason: the clerk is told where, before printing.
    expect(screen.getByRole('note').textContent).toMatch(/\d+ 个单位有扣分没有填写扣分原因（签字评分表上写“未填写扣分原因”）/);
    expect(screen.queryByText(/通报已过期/)).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: '计算排名' }));
    fireEvent.click(screen.getByRole('button', { name: '计算排名并写入工作簿' }));
    await confirmDraft();
    await screen.findByText(/已写入总分/);
    expect(screen.queryByText(/通报已过期/)).toBeNull();
    // A score changed on site after the notice was made.
    fireEvent.click(screen.getByRole('tab', { name: '评分表' }));
    await openUnit('刘湾村');
    fireEvent.change(field('E4'), { target: { value: '5' } });
    fireEvent.click(saveButton('刘湾村'));
    await screen.findByText('已保存 刘湾村 的得分');
    fireEvent.click(screen.getByRole('tab', { name: '评分表' }));
    expect(await screen.findByText(/通报已过期，请重新生成：工作表“考核结果通报”是按之前的成绩或设置生成的/)).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '计算排名' }));
    expect(screen.getByText(/通报已过期，请重新生成/)).toBeTruthy();
  });

  test('正式结果 (like --final) refuses while problems remain, naming them, and writes nothing; the problems are listed before writing', async () => {
    const { plans, changed } = await setup();
    fireEvent.click(screen.getByRole('tab', { name: '计算排名' }));
    const note = screen.getByText(/结果尚不能作为正式结果（\d+ 个问题）/).closest('.fui-MessageBar') as HTMLElement;
    expect(note.textContent).toContain('刘湾村有 1 项填写错误');
    fireEvent.click(screen.getByRole('checkbox', { name: /正式结果/ }));
    fireEvent.click(screen.getByRole('button', { name: '计算排名并写入工作簿' }));
    const refused = await screen.findByText(/不能写入正式结果：还有 \d+ 个问题/);
    expect(refused.closest('[role=alert]')?.textContent).toMatch(/刘湾村有 1 项填写错误.*孙庄村有 1 项未评分/);
    expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull();
    expect(plans).toEqual([]);
    expect(await changed()).toEqual([]);
  });

  test('scores typed and not saved are named before writing: 先去保存 opens the unit, nothing is written', async () => {
    const { plans } = await setup();
    await openUnit('张庄村');
    fireEvent.change(field('E4'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('tab', { name: /计算排名/ }));
    fireEvent.click(screen.getByRole('button', { name: '计算排名并写入工作簿' }));
    const dialog = await screen.findByRole('alertdialog', { hidden: true });
    expect(within(dialog).getByText('1 个单位的得分未保存，仍然写入？')).toBeTruthy();
    expect(dialog.textContent).toContain('“现场评分”中 张庄村 的得分已填写但未保存');
    // The sample's open problems are said in the same dialog.
    expect(dialog.textContent).toMatch(/还有 \d+ 个问题/);
    fireEvent.click(within(dialog).getByRole('button', { name: '先去保存', hidden: true }));
    await screen.findByRole('form', { name: '现场评分：张庄村' });
    expect(field('E4').value).toBe('3');
    expect(plans).toEqual([]);
  });

  test('follows the ranking setting before anything is written, then writes totals, outputs and settings', async () => {
    const { plans, changed } = await setup();
    fireEvent.click(screen.getByRole('tab', { name: '计算排名' }));
    const ranks = () =>
      within(screen.getByRole('table', { name: '排名结果' }))
        .getAllByRole('row')
        .slice(1, 7)
        .map((r) => r.textContent?.match(/^\d+/)?.[0]);
    // 李家村 and 王庄村 tie for 4th place.
    expect(ranks()).toEqual(['1', '2', '3', '4', '4', '5']);
    fireEvent.click(screen.getByRole('radio', { name: /竞赛排名/ }));
    expect(ranks()).toEqual(['1', '2', '3', '4', '4', '6']);
    fireEvent.click(screen.getByRole('radio', { name: /保留得分/ }));
    const last = within(screen.getByRole('table', { name: '排名结果' })).getAllByRole('row').at(-1)!;
    expect(last.textContent).toMatch(/^10赵集村[\d.]+一票否决是$/);
    fireEvent.click(screen.getByRole('button', { name: '计算排名并写入工作簿' }));
    await confirmDraft();
    await screen.findByText(/已写入总分，并生成汇总排名、10 张签字评分表和考核结果通报/);
    const plan = plans[0];
    // 10 总分 cells, 19 entries computed from the ledger and the log, 10 from the case register (E18), 9 log cells.
    expect(plan.cells).toHaveLength(10 + 19 + 10 + 9);
    expect(plan.sheets?.map((s) => s.name)).toEqual(expect.arrayContaining(['汇总排名', '考核结果通报', '考核助手设置']));
    const settings = plan.sheets?.find((s) => s.name === '考核助手设置');
    expect(settings?.cells).toContainEqual({ cell: 'B2', value: '竞赛排名' });
    expect(settings?.cells).toContainEqual({ cell: 'B3', value: '排在最后' });
    // Only cells that were empty: the 总分 cells, entries computed from the records, the log's 扣分 column.
    expect((await changed()).filter((c) => !c.endsWith('(empty)'))).toEqual([]);
    expect(await changed()).toContain('张庄村!E36 (empty)');
  });

  test('shows the deductions per unit from the records, with rule, count, points and reason', async () => {
    await setup();
    fireEvent.click(screen.getByRole('tab', { name: '计算排名' }));
    const header = screen.getByRole('button', { name: /^李家村：\d+ 条/ });
    fireEvent.click(header);
    expect(await screen.findByText(/开展矛盾纠纷排查情况 · .*（6月下旬排查未开展）/)).toBeTruthy();
  });

  test('通报设置 edited in the pane are written with the settings and shape the notice', async () => {
    const { plans } = await setup();
    fireEvent.click(screen.getByRole('tab', { name: '计算排名' }));
    fireEvent.click(screen.getByRole('button', { name: /通报设置/ }));
    fireEvent.change(await screen.findByLabelText('发文机关'), { target: { value: '东乡镇综治委' } });
    fireEvent.click(screen.getByRole('radio', { name: '二〇二四年十二月二十日' }));
    fireEvent.change(screen.getByLabelText(/成文日期/), { target: { value: '2024-12-20' } });
    fireEvent.click(screen.getByRole('button', { name: '计算排名并写入工作簿' }));
    await confirmDraft();
    await screen.findByText(/已写入总分/);
    const sheets = plans[0].sheets ?? [];
    // The notice sets 署名 and 成文日期 in from the right with ideographic spaces (GB/T 9704).
    const notice = sheets.find((s) => s.name === '考核结果通报')!.cells.map((c) => String(c.value).replace(/\u3000+$/, ''));
    expect(notice).toEqual(expect.arrayContaining(['东乡镇综治委', '二〇二四年十二月二十日']));
    const settings = sheets.find((s) => s.name === '考核助手设置')!.cells;
    // The value beside its label (rows are read by label, wherever they are).
    const row = settings.find((c) => c.value === '发文机关')!.cell.slice(1);
    expect(settings).toContainEqual({ cell: `B${row}`, value: '东乡镇综治委' });
  });

  test('主送机关, 发文字号, 版记, 责任金 and the awards are edited in the pane, refused while wrong, and written with the settings and into the notice', async () => {
    const { plans, xlsx } = await setup();
    fireEvent.click(screen.getByRole('tab', { name: '计算排名' }));
    fireEvent.click(screen.getByRole('button', { name: /通报设置/ }));
    fireEvent.change(await screen.findByLabelText('发文字号'), { target: { value: '东信发〔2024〕5号' } });
    fireEvent.change(screen.getByLabelText('主送机关'), { target: { value: '各村（居）委会' } });
    fireEvent.change(screen.getByLabelText('抄送'), { target: { value: '区信访局' } });
    fireEvent.change(screen.getByLabelText('印发机关'), { target: { value: '东乡镇党政办公室' } });
    fireEvent.change(screen.getByLabelText(/印发日期/), { target: { value: '2024-12-26' } });
    fireEvent.change(screen.getByLabelText('乡镇名称'), { target: { value: '东乡' } });
    fireEvent.change(screen.getByLabelText(/考核日期/), { target: { value: '2024-12-18' } });
    fireEvent.click(screen.getByRole('button', { name: /责任金与奖励/ }));
    const first = within(await screen.findByRole('group', { name: '责任金第 1 行' }));
    // A wrong amount says so under the field and holds the write back.
    fireEvent.change(first.getByLabelText('金额（元）'), { target: { value: '两千' } });
    expect(screen.getByText('请填写金额（元），如 1000')).toBeTruthy();
    expect(screen.getByText(/设置中有 1 处填写不正确/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '计算排名并写入工作簿' }).getAttribute('aria-disabled')).toBe('true');
    fireEvent.change(first.getByLabelText('金额（元）'), { target: { value: '3000' } });
    expect(screen.queryByText(/设置中有 \d+ 处填写不正确/)).toBeNull();
    expect(screen.getByText(/每个单位共缴纳 7000 元/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /删除岗位“综治中心包村人员”/ }));
    expect(screen.getByText(/每个单位共缴纳 6000 元/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('第一、二、三名奖励（元）'), { target: { value: '20000、10000、5000' } });
    fireEvent.change(screen.getByLabelText('零上访单位奖励（元）'), { target: { value: '8000' } });
    fireEvent.click(screen.getByRole('button', { name: '计算排名并写入工作簿' }));
    await confirmDraft();
    await screen.findByText(/已写入总分/);
    const sheets = plans[0].sheets ?? [];
    const settings = sheets.find((s) => s.name === '考核助手设置')!.cells.map((c) => String(c.value));
    expect(settings).toEqual(expect.arrayContaining(['东信发〔2024〕5号', '各村（居）委会', '区信访局', '镇班子成员3000×1、驻村点长1000×1、村(居)书记1000×1、治保主任1000×1', '98:20000、10000、5000']));
    const notice = sheets.find((s) => s.name === '考核结果通报')!.cells.map((c) => String(c.value)).join('\n');
    expect(notice).toContain('东信发〔2024〕5号');
    expect(notice).toContain('各村（居）委会');
    expect(notice).toContain('区信访局');
    expect(notice).toMatch(/东乡镇党政办公室.*2024年12月26日印发/);
    expect(notice).toContain('按期办结率');
    expect(notice).toContain('在全乡大会上作表态发言');
    const signed = sheets.find((s) => s.name === '张庄村签字表')!.cells.map((c) => String(c.value));
    expect(signed).toEqual(expect.arrayContaining(['东乡2024年度综治及信访工作考核评分表', '考核日期：2024年12月18日']));
    // Read back as the command line reads it: the next reading of the workbook has the edited settings.
    const { readSettings } = await import('../../src/app/settings');
    const stored = readSettings(await xlsx.readGrids()).settings;
    expect(stored.rewards.deposits.map((d) => d.amount)).toEqual([3000, 1000, 1000, 1000]);
    expect(stored.rewards.zeroPetition.unit).toBe(8000);
    expect(stored.output.copyTo).toBe('区信访局');
    expect(stored.output.printDate).toBe('2024-12-26');
    expect(stored.output.township).toBe('东乡');
    expect(stored.output.assessmentDate).toBe('2024-12-18');
  });

  test('the notice states the register rates unless 通报写办结率 is unticked in the pane', async () => {
    const { plans, xlsx } = await setup();
    fireEvent.click(screen.getByRole('tab', { name: '计算排名' }));
    fireEvent.click(screen.getByRole('button', { name: /通报设置/ }));
    fireEvent.click(await screen.findByRole('checkbox', { name: '通报中写明信访事项按期办结率和结案率' }));
    fireEvent.click(screen.getByRole('button', { name: '计算排名并写入工作簿' }));
    await confirmDraft();
    await screen.findByText(/已写入总分/);
    const notice = (plans[0].sheets ?? []).find((s) => s.name === '考核结果通报')!.cells.map((c) => String(c.value)).join('\n');
    expect(notice).not.toContain('按期办结率');
    const { readSettings } = await import('../../src/app/settings');
    expect(readSettings(await xlsx.readGrids()).settings.output.caseRates).toBe(false);
  });
});

describe('failures are said in Chinese, never a blank pane', () => {
  test('a write Excel refuses shows a message bar and the pane stays usable', async () => {
    const xlsx = await XlsxHost.fromBuffer(new Uint8Array(await fs.readFile(SAMPLE)), 'sample-2024.xlsx');
    // As Office.js rejects: the code in .code, English prose in .message.
    const refused = Object.assign(new Error('Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB.'), { code: 'InvalidOperationInCellEditMode' });
    const host: PaneHost = { readGrids: () => xlsx.readGrids(), apply: async () => Promise.reject(refused) };
    render(<Pane host={host} today="2024-12-25" />);
    await screen.findByText('找到 10 个单位的评分表');
    fireEvent.click(screen.getByRole('tab', { name: '计算排名' }));
    fireEvent.click(screen.getByRole('button', { name: '计算排名并写入工作簿' }));
    await confirmDraft();
    // What failed, why, and the next step, beside the button.
    expect(await screen.findByText('未能计算排名并写入')).toBeTruthy();
    expect(screen.getByText(/Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑.*下一步：按上面的说明处理后，再点“计算排名并写入工作簿”。$/)).toBeTruthy();
    expect(screen.queryByText(/cell-editing mode/)).toBeNull();
    expect(screen.getByRole('table', { name: '排名结果' })).toBeTruthy();
  });

  test('a workbook that cannot be read says so and offers to read it again', async () => {
    let calls = 0;
    const host: PaneHost = {
      readGrids: async () => {
        calls++;
        throw new Error('GeneralException');
      },
      apply: async () => ({ skipped: [] }),
    };
    render(<Pane host={host} today="2024-12-25" />);
    expect(await screen.findByText('未能读取工作簿')).toBeTruthy();
    expect(screen.getByText(/GeneralException。下一步：.*“重新读取”/)).toBeTruthy();
    const again = screen.getByRole('button', { name: '重新读取' });
    await act(async () => fireEvent.click(again));
    // The reading starts once the progress has had a frame to show.
    await waitFor(() => expect(calls).toBe(2));
  });

  test('selecting a cell that is gone says so', async () => {
    const xlsx = await XlsxHost.fromBuffer(new Uint8Array(await fs.readFile(SAMPLE)), 'sample-2024.xlsx');
    const host: PaneHost = {
      readGrids: () => xlsx.readGrids(),
      apply: (p) => xlsx.apply(p),
      selectCell: async () => Promise.reject(new Error('ItemNotFound')),
    };
    render(<Pane host={host} today="2024-12-25" />);
    fireEvent.click((await screen.findByText('得分 6 超过分值 5', { exact: false })).closest('button')!);
    expect(await screen.findByText('无法选中 刘湾村 E4')).toBeTruthy();
  });

  test('the host’s limitations are shown', async () => {
    const host: PaneHost = { readGrids: async () => [], apply: async () => ({ skipped: [] }), limitations: ['此版本 Excel 不支持读取合并单元格'] };
    render(<Pane host={host} today="2024-12-25" />);
    expect(await screen.findByText('此版本 Excel 不支持读取合并单元格')).toBeTruthy();
    expect(await screen.findByText('没有找到评分表')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '计算排名' }));
    expect(screen.getByText(/没有找到评分表，无法计算排名/)).toBeTruthy();
  });
});
