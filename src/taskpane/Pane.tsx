/**
 * The pane itself, over any host: in Excel (the Office.js host) or in the browser (the ExcelJS
 * host on a file the user opened). Sections: 评分表, 现场评分, 计算排名, 办理台账, 合并评分, 帮助 (自检) — listed
 * in SECTIONS, so a section is added in one place (`always`: shown even when no workbook could be read). What is typed in 现场评分 and not yet saved is kept here, per
 * unit, so switching section or unit, or any write, never loses it. An action's progress and
 * result show beside it (ActionStatus); only what concerns the whole pane shows at the top.
 */
import * as React from 'react';
import { Button, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { onSiteChanges, onSiteRebase, type OnSiteDraft } from '../app/onSite';
import { ActionStatus, PaneStatusContext } from './ActionStatus';
import { CasesTab } from './CasesTab';
import { EntryTab } from './EntryTab';
import { HelpTab } from './HelpTab';
import { MergeTab } from './merge/MergeTab';
import type { PaneHost } from './paneHost';
import { RankTab } from './RankTab';
import { ReviewTab } from './ReviewTab';
import { formStart, tableKey, tableLabel } from './units';
import { usePane, type Loaded } from './usePane';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0, outlineStyle: 'none' },
  busy: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  // Six tabs wrap to two rows of 32 px at 350 px: with the page's own row, everything above a section stays under 120 px.
  tabs: { flexWrap: 'wrap' },
  tab: { minHeight: '32px', paddingInline: tokens.spacingHorizontalS },
});

export type Section = 'review' | 'entry' | 'rank' | 'cases' | 'merge' | 'help';

export interface PaneProps {
  host: PaneHost;
  /** YYYY-MM-DD, for records and the notice. */
  today: string;
  /** Told how many 现场评分 fields are typed and not saved (the web version asks before a download or another file). */
  onUnsaved?: (count: number) => void;
  /** What to do with the outputs once written, said in the result (e.g. 下载工作簿 in the browser). */
  afterWrite?: string;
}

export function Pane({ host, today, onUnsaved, afterWrite }: PaneProps): React.JSX.Element {
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
  const { setNotice } = pane;
  const go = React.useCallback(
    (next: Section) => {
      // A section's message belongs to it: it does not follow the user to another section.
      setNotice(null);
      setSection(next);
    },
    [setNotice],
  );
  const openUnit = (key: string, cell?: string) => {
    setUnit(key);
    setFocusCell(cell ?? null);
    go('entry');
  };
  const onFocused = React.useCallback(() => setFocusCell(null), []);
  const busy = pane.busy !== null;

  const SECTIONS: { value: Section; label: string; always?: boolean; render: (loaded: Loaded) => React.ReactNode }[] = [
    {
      value: 'review',
      label: '评分表',
      render: (loaded) => (
        <ReviewTab
          loaded={loaded}
          busy={busy}
          onRecheck={pane.refresh}
          onSelect={host.selectCell ? (sheet, cell) => void pane.select(sheet, cell) : undefined}
          onEnter={openUnit}
        />
      ),
    },
    {
      value: 'entry',
      label: `现场评分${unsaved > 0 ? '（未保存）' : ''}`,
      render: (loaded) => (
        <EntryTab
          loaded={loaded}
          busy={busy}
          unitKey={unit}
          onUnit={openUnit}
          drafts={drafts}
          onDraft={setDraft}
          focusCell={focusCell}
          onFocused={onFocused}
          today={today}
          write={pane.write}
        />
      ),
    },
    {
      value: 'rank',
      label: '计算排名',
      render: (loaded) => (
        <RankTab
          loaded={loaded}
          busy={busy}
          today={today}
          write={pane.write}
          afterWrite={afterWrite}
          unsaved={unsavedUnits(drafts, loaded)}
          onSaveFirst={() => openUnit([...drafts.keys()][0])}
        />
      ),
    },
    {
      value: 'cases',
      label: '办理台账',
      render: (loaded) => (
        <CasesTab
          loaded={loaded}
          today={today}
          busy={busy}
          write={pane.write}
          onSelect={host.selectCell ? (sheet, range) => void pane.select(sheet, range) : undefined}
        />
      ),
    },
    // Rendered below, kept mounted: the copies chosen and the choices made survive switching section.
    { value: 'merge', label: '合并评分', render: () => null },
    { value: 'help', label: '帮助', always: true, render: () => <HelpTab selfCheck={host.selfCheck?.bind(host)} /> },
  ];
  const current = SECTIONS.find((s) => s.value === section) ?? SECTIONS[0];

  return (
    <PaneStatusContext.Provider value={{ busy: pane.busy, notice: pane.notice, setNotice: pane.setNotice }}>
      <div className={styles.root} tabIndex={-1} data-kaohe-root="">
        <TabList className={styles.tabs} size="small" selectedValue={section} onTabSelect={(_e, d) => go(d.value as Section)} aria-label="考核助手功能">
          {SECTIONS.map((s) => (
            <Tab key={s.value} className={styles.tab} value={s.value}>
              {s.label}
            </Tab>
          ))}
        </TabList>
        {/* The pane as a whole: its first reading, and messages that belong to no action. */}
        <ActionStatus at={(at) => at === undefined || (!pane.loaded && at === 'recheck')} />
        {(host.limitations ?? []).map((l) => (
          <Text key={l} size={200}>
            {l}
          </Text>
        ))}
        {!pane.loaded && !pane.busy && (
          <div className={styles.busy}>
            <Text>工作簿未能读取，原因见上方提示。请确认工作簿已打开且没有单元格处于编辑状态，然后重试。</Text>
            <Button appearance="primary" onClick={pane.refresh}>
              重新读取
            </Button>
          </div>
        )}
        {current.always ? current.render(pane.loaded as Loaded) : pane.loaded && current.render(pane.loaded)}
        {pane.loaded && (
          <div hidden={section !== 'merge'}>
            <MergeTab loaded={pane.loaded} busy={busy} write={pane.write} />
          </div>
        )}
      </div>
    </PaneStatusContext.Provider>
  );
}

/** The units with scores typed and not saved, by name (with their sheet where two share a name). */
function unsavedUnits(drafts: ReadonlyMap<string, OnSiteDraft>, loaded: Loaded): string[] {
  const tables = loaded.result.assessment.tables;
  return [...drafts.keys()].map((key) => {
    const table = tables.find((t) => tableKey(t) === key);
    return table ? tableLabel(table, tables) : key;
  });
}

/** The drafts on a new reading: each follows its table, and one with nothing left unsaved is dropped. */
function rebaseDrafts(drafts: ReadonlyMap<string, OnSiteDraft>, loaded: Loaded): ReadonlyMap<string, OnSiteDraft> {
  if (drafts.size === 0) return drafts;
  const next = new Map<string, OnSiteDraft>();
  for (const [key, draft] of drafts) {
    const table = loaded.result.assessment.tables.find((t) => tableKey(t) === key);
    if (!table) continue;
    const rebased = onSiteRebase(draft, formStart(loaded, table));
    if (onSiteChanges(rebased) > 0) next.set(key, rebased);
  }
  return next;
}
