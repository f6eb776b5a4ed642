/**
 * 合并评分: the 考核组 copies chosen here (read in the pane; nothing is uploaded) are merged into
 * the open workbook — per unit what will be written, the conflicts to decide, the coverage — and
 * written in one batch that touches only entry cells, reasons and notes, the 扣分明细 log and the
 * add-in's settings sheet (评分来源). The same use case as `kaohe merge`.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { MasterUnusable, mergeCopies, type MergeFile, type MergeOutcome } from '../../app/merge';
import { ActionStatus } from '../ActionStatus';
import type { Loaded, Write } from '../usePane';
import { ConflictList, UNDECIDED } from './ConflictList';
import { CoverageTable } from './CoverageTable';
import { readCopy } from './readCopy';

/** The open workbook, as conflicts and choices name it. */
export const MASTER_NAME = '当前工作簿';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  bar: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'center' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  button: { minHeight: '40px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * The section stays mounted while hidden (so the copies and choices survive switching section):
 * memoised, so typing elsewhere in the pane does not render it again.
 */
export const MergeTab = React.memo(function MergeTab(props: { loaded: Loaded; busy: boolean; write: Write }): React.JSX.Element {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const writeButton = React.useRef<HTMLButtonElement>(null);
  const [copies, setCopies] = React.useState<MergeFile[]>([]);
  const [unreadable, setUnreadable] = React.useState<string[]>([]);
  const [reading, setReading] = React.useState(false);
  const [choices, setChoices] = React.useState<ReadonlyMap<string, string>>(new Map());

  const add = async (files: File[]) => {
    setReading(true);
    const read: MergeFile[] = [];
    const failed: string[] = [];
    for (const f of files) {
      if (copies.some((c) => c.name === f.name) || read.some((c) => c.name === f.name)) {
        failed.push(`“${f.name}”已经选过了`);
        continue;
      }
      try {
        read.push(await readCopy(f));
      } catch (e) {
        failed.push(e instanceof Error ? e.message : String(e));
      }
    }
    setCopies((old) => [...old, ...read]);
    setUnreadable(failed);
    setReading(false);
  };

  const merged = React.useMemo((): { outcome: MergeOutcome } | { error: string } | null => {
    if (copies.length === 0) return null;
    try {
      return { outcome: mergeCopies({ name: MASTER_NAME, grids: props.loaded.grids }, copies, { choices }) };
    } catch (e) {
      if (e instanceof MasterUnusable) return { error: `当前工作簿中没有可合并的评分表。` };
      throw e;
    }
  }, [copies, choices, props.loaded.grids]);
  const outcome = merged && 'outcome' in merged ? merged.outcome : null;
  const open = outcome ? outcome.conflicts.filter((c) => c.resolvedBy === null).length : 0;
  const logRows = outcome?.log.appended.length ?? 0;
  const nothing = outcome !== null && outcome.plan.cells.length === 0 && (outcome.plan.sheets ?? []).length === 0;

  const choose = (id: string, file: string) =>
    setChoices((old) => {
      const next = new Map(old);
      if (file === UNDECIDED) next.delete(id);
      else next.set(id, file);
      return next;
    });

  const writeAll = () => {
    if (!outcome) return;
    const detail = [`写入 ${outcome.writes.length} 个单元格`, logRows ? `扣分明细 ${logRows} 行` : '', open ? `${open} 处冲突未决定，未写入` : ''].filter(Boolean).join('，');
    void props.write('正在合并评分…', outcome.plan, `已合并 ${outcome.merged.length} 个副本`, detail, 'merge');
  };

  return (
    <div className={styles.root}>
      <Text>选择各考核组交回的工作簿副本（.xlsx，可多选）。副本在本机读取，不会上传；当前工作簿在您点击“写入”之前不会改动。</Text>
      <div className={styles.bar}>
        <input
          ref={input}
          type="file"
          multiple
          accept={`.xlsx,${XLSX_TYPE}`}
          aria-label="选择考核组副本"
          style={{ display: 'none' }}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) void add(files);
          }}
        />
        <Button className={styles.button} appearance={copies.length ? 'secondary' : 'primary'} onClick={() => input.current?.click()} disabled={props.busy || reading}>
          选择副本…
        </Button>
        {copies.length > 0 && (
          <Button
            className={styles.button}
            onClick={() => {
              setCopies([]);
              setChoices(new Map());
              setUnreadable([]);
            }}
            disabled={props.busy}
          >
            清空
          </Button>
        )}
        {reading && <Text role="status">正在读取副本…</Text>}
      </div>
      {unreadable.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>有文件未能读取</MessageBarTitle>
            {unreadable.join('；')}
          </MessageBarBody>
        </MessageBar>
      )}
      {merged && 'error' in merged && (
        <MessageBar intent="error">
          <MessageBarBody>{merged.error}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && (
        <>
          <ul className={styles.list} aria-label="副本">
            {outcome.merged.map((f) => (
              <li key={f}>{f}：可以合并</li>
            ))}
            {outcome.refused.map((r) => (
              <li key={r.file}>
                {r.file}：未合并，{r.reason}
                {r.differences.length > 0 && `（${r.differences.join('；')}）`}
              </li>
            ))}
          </ul>
          {outcome.refused.length > 0 && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>有副本的评分表与当前工作簿不同</MessageBarTitle>
                请核对后重新分发，或点击“清空”后不选这个副本。
              </MessageBarBody>
            </MessageBar>
          )}
          <Subtitle2 as="h2">覆盖情况</Subtitle2>
          <CoverageTable outcome={outcome} />
          {outcome.conflicts.length > 0 && (
            <>
              <Subtitle2 as="h2">冲突（{open ? `${open} 处未决定` : '已全部决定'}）</Subtitle2>
              <ConflictList conflicts={outcome.conflicts} master={MASTER_NAME} onChoose={choose} disabled={props.busy} />
            </>
          )}
          {(outcome.unknownUnits.length > 0 || outcome.problems.length > 0) && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>未能合并的内容</MessageBarTitle>
                <ul className={styles.list}>
                  {outcome.unknownUnits.map((u) => (
                    <li key={`${u.file}/${u.sheet}/${u.cell}`}>
                      {u.file}“{u.sheet}”{u.cell ?? ''}：单位“{u.unit}”当前工作簿中没有{u.nearest ? `，是否为“${u.nearest}”？` : ''}
                    </li>
                  ))}
                  {outcome.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <WritesByUnit outcome={outcome} />
          <Text>
            {nothing
              ? '没有需要写入的内容：副本中的评分都已在当前工作簿中。'
              : `将写入 ${outcome.writes.length} 个单元格${logRows ? `，扣分明细新增 ${logRows} 行` : ''}${outcome.log.duplicates ? `（${outcome.log.duplicates} 行已有，不重复添加）` : ''}${open ? `；${open} 处冲突未决定，不写入` : ''}。`}
          </Text>
          <Button ref={writeButton} className={styles.button} appearance="primary" onClick={writeAll} disabled={props.busy || nothing || outcome.refused.length > 0}>
            写入当前工作簿
          </Button>
        </>
      )}
      <ActionStatus at="merge" returnFocus={() => writeButton.current} />
    </div>
  );
});

/** What will be written, unit by unit: cell, what it is, old → new value, and the copies it comes from. */
function WritesByUnit({ outcome }: { outcome: MergeOutcome }): React.JSX.Element | null {
  const styles = useStyles();
  const units = outcome.coverage.map((c) => c.unit).filter((u) => outcome.writes.some((w) => w.unit === u));
  if (units.length === 0) return null;
  return (
    <Accordion multiple collapsible aria-label="将写入的单元格">
      {units.map((u) => (
        <AccordionItem key={u} value={u}>
          <AccordionHeader>
            {u}：将写入 {outcome.writes.filter((w) => w.unit === u).length} 个单元格
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {outcome.writes
                .filter((w) => w.unit === u)
                .map((w) => (
                  <li key={w.cell}>
                    {w.cell} {w.field}：{w.before === '' ? '' : `${w.before} → `}
                    <strong>{w.value}</strong> <span className={styles.muted}>（{w.from.join('、')}）</span>
                  </li>
                ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
