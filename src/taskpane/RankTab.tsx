/**
 * 计算排名: the ranking and veto settings (kept in the workbook for the next person), the run,
 * and the ranking table; it writes the 总分 cells and, when asked, the printed outputs
 * (汇总排名 with its chart, 签字评分表, 通报).
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Checkbox,
  Field,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { blockerLines, draftState } from '../app/draft';
import { outputsPlanSteps, type Outputs } from '../app/outputs';
import { rerank, totalsPlan, toReport } from '../app/scoreAssessment';
import { settingsSheetPlan, type OutputSettings } from '../app/settings';
import type { RewardSettings } from '../engine/rewards';
import type { ScoreSettings } from '../engine/model';
import type { WritePlan } from '../host/host';
import { ActionStatus, PaneStatusContext } from './ActionStatus';
import { Finality } from './Finality';
import { ConfirmDialog } from './ConfirmDialog';
import { runSliced } from './slices';
import { useInvalidFields } from './rank/fields';
import { NoticeSettings } from './rank/NoticeSettings';
import { DeductionsList, RankingTable } from './rank/RankingTable';
import { RewardSettingsEditor } from './rank/RewardSettings';
import type { Loaded, Write } from './usePane';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export function RankTab(props: {
  loaded: Loaded;
  busy: boolean;
  today: string;
  write: Write;
  /** The next step once written, where the host needs one (the browser: 下载工作簿). */
  afterWrite?: string;
  /** The units whose scores are typed in 现场评分 and not saved: not in the workbook, so not in what is written. */
  unsaved?: readonly string[];
  /** Opens 现场评分 at the first of them, to save. */
  onSaveFirst?: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const stored = props.loaded.settings;
  const [ranking, setRanking] = React.useState<ScoreSettings['ranking']>(stored.score.ranking);
  const [veto, setVeto] = React.useState<ScoreSettings['veto']>(stored.score.veto);
  const [outputs, setOutputs] = React.useState(true);
  const [output, setOutput] = React.useState<OutputSettings>(stored.output);
  const [rewards, setRewards] = React.useState<RewardSettings>(stored.rewards);
  const { invalid, track } = useInvalidFields();
  const [asking, setAsking] = React.useState(false);
  const runButton = React.useRef<HTMLButtonElement>(null);
  const settings: ScoreSettings = React.useMemo(() => ({ ...stored.score, ranking, veto }), [stored.score, ranking, veto]);
  // The ranking as these settings give it, shown before anything is written: placed again from the
  // reading's result (reading 300 sheets again at each click would freeze the pane).
  const { loaded } = props;
  const result = React.useMemo(() => rerank(loaded.result, { ranking, veto }), [loaded, ranking, veto]);
  const report = React.useMemo(() => toReport(result), [result]);

  // What keeps the results from being final (blank or invalid entries, records not counted): the
  // outputs written meanwhile say 草稿 on every page; 正式结果 refuses to write them.
  const draft = React.useMemo(() => draftState(result), [result]);
  const [final, setFinal] = React.useState(false);
  const { setNotice } = React.useContext(PaneStatusContext);
  const run = () => {
    setAsking(false);
    const workbook = { ...stored, score: settings, output, rewards };
    if (final && !draft.final) {
      setNotice({
        intent: 'error',
        title: `不能写入正式结果：还有 ${draft.problems.length} 个问题`,
        text: `${blockerLines(draft).join('；')}。改正后再写入；也可以取消“正式结果”，先写入草稿。`,
        at: 'rank',
      });
      return;
    }
    // Made inside the write (after its progress shows), in slices: the outputs of 300 units take a moment.
    let generated: Outputs | null = null;
    const plan = async (): Promise<WritePlan> => {
      const cells = totalsPlan(result).cells;
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
  const unsaved = props.unsaved ?? [];
  const ask = () => (unsaved.length > 0 || (!draft.final && !final) ? setAsking(true) : run());
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
      <Accordion multiple collapsible>
        {outputs && (
          <AccordionItem value="notice">
            <AccordionHeader>通报设置（保存在工作簿中）</AccordionHeader>
            <AccordionPanel>
              <NoticeSettings output={output} onChange={setOutput} track={track} register={result.cases !== null && result.cases.outcomes.length > 0} />
            </AccordionPanel>
          </AccordionItem>
        )}
        <AccordionItem value="rewards">
          <AccordionHeader>责任金与奖励（保存在工作簿中）</AccordionHeader>
          <AccordionPanel>
            <RewardSettingsEditor rewards={rewards} onChange={setRewards} track={track} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <Finality loaded={props.loaded} />
      <Checkbox checked={final} onChange={(_e, d) => setFinal(d.checked === true)} label="正式结果（仍有问题时不写入）" />
      {invalid > 0 && (
        <Text className={styles.warning} role="note">
          设置中有 {invalid} 处填写不正确（见上方红字），改正后才能写入。
        </Text>
      )}
      <Button ref={runButton} appearance="primary" size="large" onClick={ask} disabledFocusable={props.busy || result.units.length === 0 || invalid > 0}>
        计算排名并写入工作簿
      </Button>
      <ActionStatus at="rank" returnFocus={() => runButton.current} />
      <ConfirmDialog
        open={asking}
        title={unsaved.length > 0 ? `${unsaved.length} 个单位的得分未保存，仍然写入？` : `还有 ${draft.problems.length} 个问题，写入草稿？`}
        confirm={draft.final ? '仍然写入' : '写入草稿'}
        other={unsaved.length > 0 && props.onSaveFirst ? { label: '先去保存', run: () => (setAsking(false), props.onSaveFirst?.()) } : undefined}
        onConfirm={run}
        onCancel={() => setAsking(false)}
      >
        {unsaved.length > 0 && (
          <p>
            “现场评分”中 {unsaved.join('、')} 的得分已填写但未保存，不在工作簿中：排名和生成的表按工作簿中原有的得分计算。请先保存（Ctrl+Enter）再写入。
          </p>
        )}
        {!draft.final && (
          <p>
            还有 {draft.problems.length} 个问题：未评分的项目按 0 分计，填写错误的不计分，排名可能不准。写入的汇总排名表、签字评分表和通报每页标有“草稿”；改正后标记随公式消失，通报需重新写入。
          </p>
        )}
      </ConfirmDialog>
      <Text size={200}>只写入空着的“总分”单元格和考核助手自己的工作表；您填写的内容不会被改动。设置保存在工作簿中。</Text>
      <RankingTable report={report} />
      <Caption1 className={styles.muted}>
        {ranking === 'dense' ? '中国式排名：并列不占名次。' : '竞赛排名：并列占用名次。'}
        {veto === 'zero' ? '一票否决的单位总分记 0 分。' : '一票否决的单位保留得分，排在最后。'}
        {result.units.some((u) => u.score.blank > 0) ? '有得分未填写的单位，未填的项目按 0 分计，请先在“现场评分”中补齐。' : ''}
      </Caption1>

      <DeductionsList result={result} report={report} />
    </div>
  );
}
