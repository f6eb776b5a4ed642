/**
 * The pane itself, over any host: in Excel (the Office.js host) or in the browser preview (the
 * ExcelJS host on a file the user opened). Sections: 评分表, 现场评分, 计算排名, 办理台账, and 帮助 (自检).
 * What is typed in 现场评分 and not yet saved is kept here, per unit, so switching section or
 * unit, or any write, never loses it.
 */
import * as React from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { onSiteChanges, onSiteRebase, onSiteStart, type OnSiteDraft } from '../app/onSite';
import { CasesTab } from './CasesTab';
import { EntryTab } from './EntryTab';
import { HelpTab } from './HelpTab';
import { MergeTab } from './merge/MergeTab';
import type { PaneHost } from './paneHost';
import { RankTab } from './RankTab';
import { ReviewTab } from './ReviewTab';
import { gridOf, tableKey } from './units';
import { usePane, type Loaded } from './usePane';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  busy: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  tab: { minHeight: '44px' },
});

type Section = 'review' | 'entry' | 'rank' | 'cases' | 'merge' | 'help';

export interface PaneProps {
  host: PaneHost;
  /** YYYY-MM-DD, for records and the notice. */
  today: string;
  /** Told how many 现场评分 fields are typed and not saved (the preview warns before a download). */
  onUnsaved?: (count: number) => void;
}

export function Pane({ host, today, onUnsaved }: PaneProps): React.JSX.Element {
  const styles = useStyles();
  const pane = usePane(host);
  const [section, setSection] = React.useState<Section>('review');
  const [unit, setUnit] = React.useState<string | null>(null);
  const [focusCell, setFocusCell] = React.useState<string | null>(null);
  const [drafts, setDrafts] = React.useState<ReadonlyMap<string, OnSiteDraft>>(new Map());

  // Each new reading of the workbook carries the drafts onto it (see onSiteRebase).
  React.useEffect(() => {
    if (pane.loaded) setDrafts((old) => rebaseDrafts(old, pane.loaded as Loaded));
  }, [pane.loaded]);
  const unsaved = [...drafts.values()].reduce((n, d) => n + onSiteChanges(d), 0);
  React.useEffect(() => onUnsaved?.(unsaved), [onUnsaved, unsaved]);

  const setDraft = React.useCallback((key: string, draft: OnSiteDraft | null) => {
    setDrafts((old) => {
      const next = new Map(old);
      if (draft && onSiteChanges(draft) > 0) next.set(key, draft);
      else next.delete(key);
      return next;
    });
  }, []);
  const openUnit = (key: string, cell?: string) => {
    setUnit(key);
    setFocusCell(cell ?? null);
    setSection('entry');
  };

  return (
    <div className={styles.root}>
      <TabList selectedValue={section} onTabSelect={(_e, d) => setSection(d.value as Section)} aria-label="考核助手功能">
        <Tab className={styles.tab} value="review">
          评分表
        </Tab>
        <Tab className={styles.tab} value="entry">
          现场评分{unsaved > 0 ? '（未保存）' : ''}
        </Tab>
        <Tab className={styles.tab} value="rank">
          计算排名
        </Tab>
        <Tab className={styles.tab} value="cases">
          办理台账
        </Tab>
        <Tab className={styles.tab} value="merge">
          合并评分
        </Tab>
        <Tab className={styles.tab} value="help">
          帮助
        </Tab>
      </TabList>
      {pane.busy && (
        <div className={styles.busy} role="status" aria-live="polite">
          <Text size={200}>{pane.busy}</Text>
          <ProgressBar aria-label={pane.busy} />
        </div>
      )}
      {pane.notice && (
        <MessageBar intent={pane.notice.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{pane.notice.title}</MessageBarTitle>
            {pane.notice.text}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => pane.setNotice(null)}>
              知道了
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {(host.limitations ?? []).map((l) => (
        <MessageBar key={l} intent="info" layout="multiline">
          <MessageBarBody>{l}</MessageBarBody>
        </MessageBar>
      ))}
      {!pane.loaded && !pane.busy && (
        <div className={styles.busy}>
          <Text>工作簿未能读取，原因见上方提示。请确认工作簿已打开且没有单元格处于编辑状态，然后重试。</Text>
          <Button appearance="primary" onClick={pane.refresh}>
            重新读取
          </Button>
        </div>
      )}
      {pane.loaded && section === 'review' && (
        <ReviewTab
          loaded={pane.loaded}
          busy={pane.busy !== null}
          onRecheck={pane.refresh}
          onSelect={host.selectCell ? (sheet, cell) => void pane.select(sheet, cell) : undefined}
          onEnter={openUnit}
        />
      )}
      {pane.loaded && section === 'entry' && (
        <EntryTab
          loaded={pane.loaded}
          busy={pane.busy !== null}
          unitKey={unit}
          onUnit={(key) => openUnit(key)}
          drafts={drafts}
          onDraft={setDraft}
          focusCell={focusCell}
          onFocused={() => setFocusCell(null)}
          today={today}
          write={pane.write}
        />
      )}
      {pane.loaded && section === 'cases' && (
        <CasesTab
          loaded={pane.loaded}
          today={today}
          busy={pane.busy !== null}
          write={pane.write}
          onSelect={host.selectCell ? (sheet, range) => void pane.select(sheet, range) : undefined}
        />
      )}
      {section === 'help' && <HelpTab selfCheck={host.selfCheck?.bind(host)} />}
      {pane.loaded && section === 'rank' && <RankTab loaded={pane.loaded} busy={pane.busy !== null} today={today} write={pane.write} />}
      {/* Kept mounted, so the copies chosen and the choices made survive switching section. */}
      {pane.loaded && (
        <div hidden={section !== 'merge'}>
          <MergeTab loaded={pane.loaded} busy={pane.busy !== null} write={pane.write} />
        </div>
      )}
    </div>
  );
}

/** The drafts on a new reading: each follows its table, and one with nothing left unsaved is dropped. */
function rebaseDrafts(drafts: ReadonlyMap<string, OnSiteDraft>, loaded: Loaded): ReadonlyMap<string, OnSiteDraft> {
  if (drafts.size === 0) return drafts;
  const next = new Map<string, OnSiteDraft>();
  for (const [key, draft] of drafts) {
    const table = loaded.result.assessment.tables.find((t) => tableKey(t) === key);
    if (!table) continue;
    const rebased = onSiteRebase(draft, onSiteStart(table, gridOf(loaded.grids, table)));
    if (onSiteChanges(rebased) > 0) next.set(key, rebased);
  }
  return next;
}
