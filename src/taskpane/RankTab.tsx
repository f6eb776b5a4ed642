/**
 * 计算排名: the ranking and veto settings (kept in the workbook for the next person), the run,
 * and the ranking table; it writes the 总分 cells and, when asked, the printed outputs
 * (汇总排名 with its chart, 签字评分表, 通报).
 */
import * as React from 'react';
import {
  Accordion,
  Caption1,
  Subtitle2,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { draftState } from '../app/draft';
import { outputsPlanSteps, type Outputs } from '../app/outputs';
import { scoreAssessment, totalsPlan, toReport } from '../app/scoreAssessment';
import { settingsSheetPlan, type OutputSettings } from '../app/settings';
import { sum, toNumber } from '../engine/decimal';
import type { ScoreSettings } from '../engine/model';
import type { WritePlan } from '../host/host';
import { ActionStatus, PaneStatusContext } from './ActionStatus';
import { ConfirmDialog } from './ConfirmDialog';
import { runSliced } from './slices';
import type { Loaded, Write } from './usePane';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  // Auto layout, every column on one line: the unit's name takes what the numbers leave.
  table: { width: '100%', '& th, & td': { paddingInline: tokens.spacingHorizontalXS } },
  rank: { width: '2.5em', textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  unit: { maxWidth: '9em', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  total: { width: '3em', textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  band: { whiteSpace: 'nowrap' },
  veto: { width: '2.5em', whiteSpace: 'nowrap', textAlign: 'center' },
  number: { width: '6em' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

const SOURCE = { ledger: '信访台账', log: '扣分明细', register: '办理台账' } as const;

export function RankTab(props: {
  loaded: Loaded;
  busy: boolean;
  today: string;
  write: Write;
  /** The next step once written, where the host needs one (the browser: 下载工作簿). */
  afterWrite?: string;
}): React.JSX.Element {
  const styles = useStyles();
  const stored = props.loaded.settings;
  const [ranking, setRanking] = React.useState<ScoreSettings['ranking']>(stored.score.ranking);
  const [veto, setVeto] = React.useState<ScoreSettings['veto']>(stored.score.veto);
  const [outputs, setOutputs] = React.useState(true);
  const [output, setOutput] = React.useState<OutputSettings>(stored.output);
  const [asking, setAsking] = React.useState(false);
  const runButton = React.useRef<HTMLButtonElement>(null);
  const settings: ScoreSettings = React.useMemo(() => ({ ...stored.score, ranking, veto }), [stored.score, ranking, veto]);
  // The ranking as these settings give it, shown before anything is written.
  // With the workbook's own settings that is the reading's result (scoring 300 units again would cost a frame).
  const { loaded } = props;
  const result = React.useMemo(
    () => (ranking === stored.score.ranking && veto === stored.score.veto ? loaded.result : scoreAssessment(loaded.grids, settings)),
    [loaded, stored.score, ranking, veto, settings],
  );
  const report = toReport(result);

  // What keeps the results from being final (blank or invalid entries, records not counted): the
  // outputs written meanwhile say 草稿 on every page; 正式结果 refuses to write them.
  const draft = React.useMemo(() => draftState(result), [result]);
  const [final, setFinal] = React.useState(false);
  const { setNotice } = React.useContext(PaneStatusContext);
  const run = () => {
    setAsking(false);
    const workbook = { ...stored, score: settings, output };
    const cells = totalsPlan(result).cells;
    if (final && !draft.final) {
      setNotice({
        intent: 'error',
        title: `不能写入正式结果：还有 ${draft.problems.length} 个问题`,
        text: `${draft.problems.map((p) => `${p.where}${p.text}`).join('；')}。改正后再写入；也可以取消“正式结果”，先写入草稿。`,
        at: 'rank',
      });
      return;
    }
    // Made inside the write (after its progress shows), in slices: the outputs of 300 units take a moment.
    let generated: Outputs | null = null;
    const plan = async (): Promise<WritePlan> => {
      generated = outputs && result.units.length > 0 ? await runSliced(outputsPlanSteps(result, props.loaded.grids, workbook, { today: props.today })) : null;
      if (!generated) return { cells, sheets: [settingsSheetPlan(workbook, props.loaded.grids)] };
      return { cells, sheets: generated.plan.sheets ?? [], removeSheets: generated.plan.removeSheets };
    };
    const what = () => {
      const g = generated as Outputs | null;
      const kind = draft.final ? '' : '（草稿）';
      return g ? `已写入总分，并生成${g.summary}、${g.signed.size} 张签字评分表和${g.notice}${kind}` : '已写入总分';
    };
    const detail = () => {
      const g = generated as Outputs | null;
      return [
        ...(g?.notes ?? []),
        !draft.final && g ? `生成的表每页标有“草稿”（${draft.problems.length} 个问题未解决）：在“现场评分”或工作表中改正后，标记随公式自动消失；通报需重新写入` : '',
        props.afterWrite ?? (g ? '下一步：打印汇总排名表、签字评分表和通报，签字后存档' : ''),
      ]
        .filter(Boolean)
        .join('。');
    };
    void props.write('正在计算并写入…', plan, what, detail, 'rank');
  };
  const ask = () => (!draft.final && !final ? setAsking(true) : run());
  const withDeductions = result.units.filter((u) => u.deductions.length > 0);
  if (result.units.length === 0) {
    return <Text>没有找到评分表，无法计算排名。请先在“评分表”中查看各工作表为何未被识别。</Text>;
  }

  return (
    <div className={styles.root}>
      <Field label="排名方式">
        <RadioGroup value={ranking} onChange={(_e, d) => setRanking(d.value as ScoreSettings['ranking'])}>
          <Radio value="dense" label="中国式排名（并列不占名次：1, 2, 2, 3）" />
          <Radio value="competition" label="竞赛排名（1, 2, 2, 4）" />
        </RadioGroup>
      </Field>
      <Field label="一票否决">
        <RadioGroup value={veto} onChange={(_e, d) => setVeto(d.value as ScoreSettings['veto'])}>
          <Radio value="zero" label="总分以 0 分计算，排在最后" />
          <Radio value="last" label="保留得分，排在所有未否决单位之后" />
        </RadioGroup>
      </Field>
      <Checkbox checked={outputs} onChange={(_e, d) => setOutputs(d.checked === true)} label="同时生成汇总排名表、签字评分表和考核结果通报" />
      {outputs && (
        <Accordion collapsible>
          <AccordionItem value="notice">
            <AccordionHeader>通报设置（保存在工作簿中）</AccordionHeader>
            <AccordionPanel className={styles.root}>
              <Field label="通报标题" hint="留空则按考核年度生成">
                <Input value={output.title ?? ''} onChange={(_e, d) => setOutput({ ...output, title: d.value.trim() === '' ? null : d.value })} />
              </Field>
              <Field label="发文机关">
                <Input value={output.authority} onChange={(_e, d) => setOutput({ ...output, authority: d.value })} />
              </Field>
              <DateField value={output.date} onChange={(date) => setOutput({ ...output, date })} />
              <Field label="日期写法">
                <RadioGroup value={output.dateStyle} onChange={(_e, d) => setOutput({ ...output, dateStyle: d.value as OutputSettings['dateStyle'] })}>
                  <Radio value="arabic" label="2024年12月20日（GB/T 9704-2012）" />
                  <Radio value="chinese" label="二〇二四年十二月二十日" />
                </RadioGroup>
              </Field>
              <CountField label="通报表扬前几名" value={output.commended} onChange={(commended) => setOutput({ ...output, commended })} />
              <CountField label="通报批评后几名" value={output.criticised} onChange={(criticised) => setOutput({ ...output, criticised })} />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
      {!draft.final && (
        <div role="note" className={styles.warning}>
          <Text>结果尚不能作为正式结果（{draft.problems.length} 个问题）：</Text>
          <ul className={styles.list}>
            {draft.problems.slice(0, 5).map((p) => (
              <li key={`${p.where}${p.text}`}>
                <Caption1>
                  {p.where}
                  {p.text}
                </Caption1>
              </li>
            ))}
            {draft.problems.length > 5 && (
              <li>
                <Caption1>另有 {draft.problems.length - 5} 个，见“评分表”</Caption1>
              </li>
            )}
          </ul>
        </div>
      )}
      <Checkbox checked={final} onChange={(_e, d) => setFinal(d.checked === true)} label="正式结果（仍有问题时不写入，与命令行 --final 相同）" />
      <Button ref={runButton} appearance="primary" size="large" onClick={ask} disabledFocusable={props.busy || result.units.length === 0}>
        计算排名并写入工作簿
      </Button>
      <ActionStatus at="rank" returnFocus={() => runButton.current} />
      <ConfirmDialog open={asking} title={`还有 ${draft.problems.length} 个问题，写入草稿？`} confirm="写入草稿" onConfirm={run} onCancel={() => setAsking(false)}>
        未评分的项目按 0 分计，填写错误的不计分，排名可能不准。写入的汇总排名表、签字评分表和通报每页标有“草稿”；改正后标记随公式消失，通报需重新写入。
      </ConfirmDialog>
      <Text size={200}>只写入空着的“总分”单元格和考核助手自己的工作表；您填写的内容不会被改动。设置保存在工作簿中。</Text>
      <Table aria-label="排名结果" size="small" className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.rank}>名次</TableHeaderCell>
            <TableHeaderCell>单位</TableHeaderCell>
            <TableHeaderCell className={styles.total}>总分</TableHeaderCell>
            <TableHeaderCell className={styles.band}>等次</TableHeaderCell>
            {report.units.some((u) => u.veto) && (
              <TableHeaderCell className={styles.veto} aria-label="一票否决">
                否决
              </TableHeaderCell>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {report.units.map((u, i) => (
            <TableRow key={`${u.sheet}-${i}`}>
              <TableCell className={styles.rank}>{u.rank}</TableCell>
              <TableCell className={styles.unit} title={u.name}>
                {u.name}
              </TableCell>
              <TableCell className={styles.total}>{u.total}</TableCell>
              <TableCell className={styles.band}>{bandLabel(u.band)}</TableCell>
              {report.units.some((x) => x.veto) && <TableCell className={styles.veto}>{u.veto ? '是' : ''}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Caption1 className={styles.muted}>
        {ranking === 'dense' ? '中国式排名：并列不占名次。' : '竞赛排名：并列占用名次。'}
        {veto === 'zero' ? '一票否决的单位总分记 0 分。' : '一票否决的单位保留得分，排在最后。'}
        {result.units.some((u) => u.score.blank > 0) ? '有得分未填写的单位，未填的项目按 0 分计，请先在“现场评分”中补齐。' : ''}
      </Caption1>

      <Subtitle2 as="h2">扣分情况（按信访台账、扣分明细计算）</Subtitle2>
      {withDeductions.length === 0 ? (
        <Caption1>没有按扣分记录计算的扣分：各项得分均按评分表中填写的计。</Caption1>
      ) : (
        <Accordion multiple collapsible aria-label="各单位扣分情况">
          {withDeductions.map((u) => {
            const lines = report.units.find((r) => r.sheet === u.table.sheet && r.name === u.table.unit)?.deductions ?? [];
            const net = toNumber(sum(u.deductions.map((d) => d.points)));
            return (
              <AccordionItem key={`${u.table.sheet}-${u.table.unit}`} value={`${u.table.sheet}-${u.table.unit}`}>
                <AccordionHeader>
                  {u.table.unit}：{lines.length} 条，{net > 0 ? '+' : ''}
                  {net} 分
                </AccordionHeader>
                <AccordionPanel>
                  <ul className={styles.list}>
                    {lines.map((d, k) => (
                      <li key={k}>
                        <Caption1>
                          {d.item} · {d.rule}
                          {d.count > 1 ? ` ×${d.count}` : ''}：{d.points > 0 ? '+' : ''}
                          {d.points} 分{d.reason ? `（${d.reason}）` : ''} — {SOURCE[d.source]} {d.cell}
                        </Caption1>
                      </li>
                    ))}
                  </ul>
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      )}
      <Caption1 className={styles.muted}>扣分按扣分因素逐条计算；一项扣完为止，不低于 0 分。</Caption1>
    </div>
  );
}

/** A band as the table shows it ('85分以上'), a dash for none. */
function bandLabel(band: string | null): string {
  return band ?? '—';
}

/** A count typed as text: Backspace leaves it empty while typing (not 0 at once); blank is saved as 0. */
function CountField({ label, value, onChange }: { label: string; value: number; onChange: (n: number) => void }) {
  const styles = useStyles();
  const [text, setText] = React.useState(String(value));
  const ok = /^\d{0,2}$/.test(text.trim());
  return (
    <Field label={label} validationState={ok ? 'none' : 'error'} validationMessage={ok ? undefined : '请填写 0 到 99 的整数'}>
      <Input
        className={styles.number}
        value={text}
        inputMode="numeric"
        onChange={(_e, d) => {
          setText(d.value);
          if (/^\d{0,2}$/.test(d.value.trim())) onChange(Number(d.value.trim() || 0));
        }}
      />
    </Field>
  );
}

/** 成文日期 as YYYY-MM-DD text (a date picker would show the browser's own format, e.g. 12/25/2024). */
function DateField({ value, onChange }: { value: string | null; onChange: (date: string | null) => void }) {
  const [text, setText] = React.useState(value ?? '');
  const t = text.trim();
  const ok = t === '' || (/^\d{4}-\d{2}-\d{2}$/.test(t) && !Number.isNaN(Date.parse(t)));
  return (
    <Field label="成文日期" hint="如 2024-12-20；留空则为当天" validationState={ok ? 'none' : 'error'} validationMessage={ok ? undefined : '请按 2024-12-20 的格式填写'}>
      <Input
        value={text}
        placeholder="2024-12-20"
        inputMode="numeric"
        onChange={(_e, d) => {
          setText(d.value);
          const v = d.value.trim();
          if (v === '') onChange(null);
          else if (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))) onChange(v);
        }}
      />
    </Field>
  );
}
