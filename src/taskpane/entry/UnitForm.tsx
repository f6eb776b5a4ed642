/**
 * One unit's form in 现场评分: its cards, the veto switch and the save bar, and the keyboard model:
 * Enter goes score → its reason (when points were lost) → next score → veto → save — in a reason,
 * a suggestion shown by ↓ is taken and Enter moves on (entry/ReasonInput); Alt+J opens
 * 记录扣分 for the item being typed in; Ctrl+Enter saves. A field taking focus is never left under
 * the sticky save bar.
 */
import * as React from 'react';
import { Caption1, Switch } from '@fluentui/react-components';
import { missingReasons, onSiteChanges, onSitePlan, onSiteProblems, onSiteRebase, type OnSiteDraft, type OnSiteInput } from '../../app/onSite';
import { compileScheme, ruleName } from '../../engine/deductions';
import { a1 } from '../../sheet/grid';
import type { ScoreTable } from '../../sheet/readScoreTable';
import { formStart, fromRecordsOf, gridOf, tableKey, tableLabel } from '../units';
import type { Loaded, Write } from '../usePane';
import { AdjustmentsCard } from './AdjustmentsCard';
import { CategoryCard } from './CategoryCard';
import { RECORD_SHORTCUT, type FormApi } from './formApi';
import { formItemKey, reasonSuggestions, type UsedReasons } from './reasons';
import { SaveBar } from './SaveBar';
import { useEntryStyles } from './styles';

export interface UnitFormProps {
  table: ScoreTable;
  loaded: Loaded;
  busy: boolean;
  drafts: ReadonlyMap<string, OnSiteDraft>;
  onDraft: (key: string, draft: OnSiteDraft | null) => void;
  /** An entry cell to put the cursor in, once. */
  focusCell: string | null;
  onFocused: () => void;
  today: string;
  write: Write;
  who: string;
  onWho: (who: string) => void;
  /** Reasons used in the workbook, for the reason picker's suggestions. */
  used: UsedReasons;
}

/** The field after `from` in the form's Enter order (reasons only where points were lost). */
function nextStep(form: HTMLElement, from: HTMLElement): HTMLElement | undefined {
  const steps = [...form.querySelectorAll<HTMLElement>('[data-kaohe-step]')].filter(
    (el) => el === from || el.dataset.kaoheStep !== 'reason' || el.dataset.kaoheLost === 'true',
  );
  return steps[steps.indexOf(from) + 1];
}

/** A field's key in the form: '0.3' is item 3 of category 0, 'a.2' is 加减分 line 2. */
function fieldOf(key: string): { adjustment: number; category?: undefined; item?: undefined } | { adjustment?: undefined; category: number; item: number } {
  if (key.startsWith('a.')) return { adjustment: Number(key.slice(2)) };
  const [category, item] = key.split('.').map(Number);
  return { category, item };
}

export function UnitForm(props: UnitFormProps): React.JSX.Element {
  const styles = useEntryStyles();
  const { table, loaded } = props;
  const key = tableKey(table);
  const grid = gridOf(loaded.grids, table);
  const form = React.useRef<HTMLFormElement>(null);
  const bar = React.useRef<HTMLDivElement>(null);
  const fromRecords = React.useMemo(() => fromRecordsOf(loaded.result, table), [loaded.result, table]);
  const start = React.useMemo(() => formStart(loaded, table), [loaded, table]);
  const ruleTexts = React.useMemo(() => new Map(compileScheme(table.scheme).map((it) => [formItemKey(it.key), it.parsed.rules.map(ruleName)])), [table.scheme]);
  const stored = props.drafts.get(key);
  const draft = React.useMemo<OnSiteDraft>(() => (stored ? onSiteRebase(stored, start) : { base: start, input: start }), [stored, start]);
  const latest = React.useRef(draft);
  latest.current = draft;
  const input = draft.input;
  const scored = loaded.result.units.find((u) => u.table === table);
  const problems = onSiteProblems(table, input);
  const missing = new Set(missingReasons(table, input, draft.base));
  const changes = onSiteChanges(draft);
  const reasonCol = table.columns.reason;
  const label = tableLabel(table, loaded.result.assessment.tables);
  const [recording, setRecordingState] = React.useState<string | null>(null);
  const [focusAfter, setFocusAfter] = React.useState<string | null>(null);

  const { focusCell, onFocused } = props;
  React.useEffect(() => {
    if (!focusCell) return;
    const field = form.current?.querySelector<HTMLInputElement>(`[data-kaohe-cell="${focusCell}"]`);
    if (field) {
      field.focus();
      field.scrollIntoView?.({ block: 'center' });
    }
    onFocused();
  }, [focusCell, onFocused]);
  // After 记录扣分 closes, the cursor goes back to the item's score (never to <body>).
  React.useEffect(() => {
    if (!focusAfter || recording) return;
    form.current?.querySelector<HTMLElement>(`[data-kaohe-step="score"][data-kaohe-item="${focusAfter}"]`)?.focus();
    setFocusAfter(null);
  }, [focusAfter, recording]);

  const edit = (change: (next: OnSiteInput) => void) => {
    const now = latest.current;
    const next: OnSiteInput = {
      items: now.input.items.map((row) => [...row]),
      reasons: now.input.reasons.map((row) => [...row]),
      adjustments: [...now.input.adjustments],
      adjustmentReasons: [...now.input.adjustmentReasons],
      veto: now.input.veto,
    };
    change(next);
    props.onDraft(key, { base: now.base, input: next });
  };
  const canSave = !props.busy && problems.size === 0 && changes > 0;
  // The invalid entries' cells, in the form's order: named by the save bar, the first focused by Ctrl+Enter.
  const problemCells = [...problems.keys()].map((k) => {
    const f = fieldOf(k);
    return (f.adjustment !== undefined ? table.entries.adjustments[f.adjustment] : table.entries.items[f.category]?.[f.item])?.cell ?? k;
  });
  const showProblem = () => {
    const first = [...problems.keys()][0];
    form.current?.querySelector<HTMLElement>(`[data-kaohe-item="${first}"]`)?.focus();
  };
  const save = () => {
    if (problems.size > 0) {
      showProblem();
      return;
    }
    if (!canSave) return;
    const saving = draft.input;
    const stale = table.totalCell && !table.totalBlank && !table.totalIsFormula;
    const next = '下一步：在上方选择下一个单位，或到“计算排名”写入总分。';
    void props
      .write(
        `正在保存 ${label} 的得分…`,
        () => onSitePlan(table, saving, grid, fromRecords),
        `已保存 ${label} 的得分`,
        stale ? `总分单元格 ${table.totalCell} 已填有数值，考核助手不会改动它；如得分有变，请核对“评分表”中的提示后自行修改或清空。${next}` : next,
        'save',
      )
      .then((outcome) => {
        // Everything typed was written; a host that cannot read notes back (Excel) would otherwise keep the reasons "unsaved".
        if (outcome && latest.current.input === saving) props.onDraft(key, null);
      });
  };
  /** The item key a field belongs to: '0.3' → 'c0.i3', 'a.2' → 'a2'. */
  const itemKeyOf = (el: HTMLElement) => {
    const k = el.dataset.kaoheItem;
    if (!k) return null;
    const f = fieldOf(k);
    return f.adjustment !== undefined ? `a${f.adjustment}` : `c${f.category}.i${f.item}`;
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLFormElement>) => {
    const target = e.target as HTMLElement;
    // Enter while an input method composes commits the composition (e.g. pinyin): not the form's.
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.altKey && (e.code === 'KeyJ' || e.key.toLowerCase() === 'j')) {
      const itemKey = itemKeyOf(target);
      const item = target.dataset.kaoheItem;
      if (itemKey && item && form.current?.querySelector(`[data-kaohe-record="${item}"]`)) {
        e.preventDefault();
        setRecording(itemKey);
      }
      return;
    }
    if (e.key !== 'Enter') return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      save();
      return;
    }
    const step = target.dataset.kaoheStep;
    if (!step || step === 'save' || !form.current) return;
    e.preventDefault();
    const next = nextStep(form.current, target);
    next?.focus();
  };
  const setRecording = (itemKey: string | null) => {
    if (itemKey === null && recording) setFocusAfter(recording.startsWith('a') ? `a.${recording.slice(1)}` : recording.slice(1).replace('.i', '.'));
    setRecordingState(itemKey);
  };
  /** Keeps the focused field clear of the sticky save bar (and of the top of the window). */
  const onFocus = (e: React.FocusEvent<HTMLFormElement>) => {
    const target = e.target as HTMLElement;
    if (!bar.current || bar.current.contains(target)) return;
    const r = target.getBoundingClientRect();
    const top = bar.current.getBoundingClientRect().top;
    const scroller = document.scrollingElement ?? document.documentElement;
    if (r.bottom > top - 8) scroller.scrollTop += r.bottom - top + 16;
    else if (r.top < 0) scroller.scrollTop += r.top - 16;
  };
  const reasonHint = (row: number, cell: string) =>
    reasonCol !== undefined ? `写入扣分原因列 ${a1(row, reasonCol)}` : `作为批注写在 ${cell}（此表没有“扣分原因”列）`;

  const api: FormApi = {
    table,
    loaded,
    busy: props.busy,
    today: props.today,
    write: props.write,
    input,
    base: draft.base,
    problems,
    missing,
    scored,
    fromRecords,
    edit,
    reasonHint,
    suggestions: (item) => reasonSuggestions(ruleTexts.get(item) ?? [], props.used, item),
    recording,
    setRecording,
    who: props.who,
    onWho: props.onWho,
  };

  return (
    <form ref={form} className={styles.root} aria-label={`现场评分：${label}`} onSubmit={(e) => e.preventDefault()} onKeyDown={onKeyDown} onFocus={onFocus}>
      <Caption1 className={styles.muted}>
        工作表“{table.sheet}”。Enter 到下一项（丢分时先到扣分原因，原因中按 ↓ 选常用原因）；得分 ↑/↓ 加减 1 分，空着时按 ↑ 或 ↓ 为满分；{RECORD_SHORTCUT} 记录扣分；Ctrl+Enter 保存。
      </Caption1>
      {table.scheme.categories.map((c, ci) => (
        <CategoryCard key={`${ci}-${c.title}`} api={api} category={c} ci={ci} />
      ))}
      <AdjustmentsCard api={api} />
      {table.entries.veto ? (
        <div className={styles.column}>
          <Switch
            className={styles.touch}
            label={`一票否决（${table.entries.veto.cell}）：${input.veto ? '是' : '否'}`}
            checked={input.veto === true}
            data-kaohe-step="veto"
            onChange={(_e, d) => edit((n) => void (n.veto = d.checked))}
          />
          <Caption1 className={styles.muted}>打开即记为“是”：该单位按设置记 0 分或排在最后，不评等次、不得奖励。</Caption1>
        </div>
      ) : (
        <Caption1 className={styles.muted}>此表没有“一票否决”栏，无法在此记录一票否决；如需要，请在评分表中加一行“一票否决”。</Caption1>
      )}
      <SaveBar
        barRef={bar}
        label={label}
        busy={props.busy}
        changes={changes}
        problems={problemCells}
        onShowProblem={showProblem}
        missing={missing.size}
        onSave={save}
        onDiscard={() => props.onDraft(key, null)}
      />
    </form>
  );
}
