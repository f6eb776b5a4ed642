/**
 * The pane's state: the workbook as read and scored, what is being done (for the progress
 * shown), and the last message. Every action reads, plans and writes through the host, then
 * reads the workbook again, so what the pane shows is what the workbook holds.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { scoreAssessmentSteps, type AssessmentResult } from '../app/scoreAssessment';
import { readSettings, type WorkbookSettings } from '../app/settings';
import type { ApplyOutcome, WritePlan } from '../host/host';
import { errorCode, explain, OfficeHostError } from '../host/officeErrors';
import type { Grid } from '../sheet/grid';
import { failureNotice } from './failure';
import type { PaneHost } from './paneHost';
import { runSliced } from './slices';

export interface Loaded {
  grids: Grid[];
  result: AssessmentResult;
  settings: WorkbookSettings;
}

/**
 * write(progress label, plan, message when done, more detail, where): what a section calls to change
 * the workbook. `at` names the action (e.g. 'save', 'rank', 'record:c0.i3'): its progress and its
 * result are shown next to it (see ActionStatus), not at the top of the pane.
 */
export type Write = (
  label: string,
  /** A function when making the plan takes a while (it is made after the progress shows). */
  plan: WritePlan | (() => WritePlan | Promise<WritePlan>),
  /** The message when done; a function when it depends on what the plan made. */
  done: string | (() => string),
  detail?: string | (() => string),
  at?: string,
) => Promise<ApplyOutcome | undefined>;

/** A message for the user; `at` is the action it belongs to (none: the pane as a whole, e.g. a failed reading). */
export type Notice = { intent: 'success' | 'warning' | 'error' | 'info'; title: string; text?: string; at?: string };

/** What is being done, and for which action. */
export type Busy = { label: string; at?: string };

export function usePane(host: PaneHost) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [busy, setBusy] = useState<Busy | null>({ label: '正在读取工作簿…' });
  const [notice, setNotice] = useState<Notice | null>(null);
  const alive = useRef(true);

  /**
   * Shows a new reading. Rendering 300 units' rows at once froze the page for about 200 ms, so it is
   * a transition (React renders it in slices between frames); the promise resolves once it is on
   * screen, so that what the caller does next (a message, clearing what was saved) never shows
   * beside the old reading.
   */
  const shown = useRef<(() => void)[]>([]);
  useEffect(() => {
    for (const resolve of shown.current.splice(0)) resolve();
  }, [loaded]);
  const show = useCallback(
    (next: Loaded) =>
      new Promise<void>((resolve) => {
        shown.current.push(resolve);
        startTransition(() => setLoaded(next));
      }),
    [],
  );

  const read = useCallback(async (): Promise<Loaded> => {
    const grids = await host.readGrids();
    const settings = readSettings(grids).settings;
    // In slices: scoring 300 units at once would freeze the page for a moment.
    return { grids, settings, result: await runSliced(scoreAssessmentSteps(grids, settings.score)) };
  }, [host]);

  /** Runs an action with progress shown; errors become a Chinese message with the next step (failure.ts), never a blank pane. */
  const act = useCallback(
    async <T,>(label: string, action: () => Promise<T>, at?: string): Promise<T | undefined> => {
      setBusy({ label, at });
      setNotice((old) => (old && old.at === at ? null : old));
      try {
        // The progress is painted before the work starts (making a plan may take a while on 300 units).
        await nextPaint();
        const value = await action();
        if (alive.current) await show(await read());
        return value;
      } catch (e) {
        if (alive.current) setNotice(failureNotice(at, messageOf(e)));
        return undefined;
      } finally {
        if (alive.current) setBusy(null);
      }
    },
    [read, show],
  );

  const first = useRef(true);
  const refresh = useCallback(() => {
    const label = first.current ? '正在读取工作簿…' : '正在重新检查…';
    first.current = false;
    return act(label, async () => undefined, 'recheck');
  }, [act]);

  /**
   * Writes a plan, then tells the user what happened (and what the host could not do). The plan
   * may be given as a function, so that a plan that cannot be made is reported like a failed write.
   */
  const write: Write = useCallback(
    async (label, plan, done, detail, at) => {
      const outcome = await act(label, async () => host.apply(typeof plan === 'function' ? await plan() : plan), at);
      if (outcome) {
        const text = [typeof detail === 'function' ? detail() : detail, ...outcome.skipped].filter(Boolean).join('；');
        setNotice({ intent: outcome.skipped.length ? 'warning' : 'success', title: typeof done === 'function' ? done() : done, text: text || undefined, at });
      }
      return outcome;
    },
    [act, host],
  );

  /** Selects a diagnostic's cell in Excel; a failure (the sheet was renamed since) is said, not thrown. */
  const select = useCallback(
    async (sheet: string, cell: string) => {
      try {
        await host.selectCell?.(sheet, cell);
      } catch (e) {
        if (alive.current) setNotice({ intent: 'error', title: `无法选中 ${sheet} ${cell}`, text: `${messageOf(e)}。工作表可能已改名或删除，请点击“重新检查”。`, at: 'select' });
      }
    },
    [host],
  );

  useEffect(() => {
    alive.current = true;
    void refresh();
    return () => {
      alive.current = false;
    };
  }, [refresh]);

  return { loaded, busy, notice, setNotice, refresh, write, select };
}

/** Resolves once the browser has had a frame to paint (or soon, where frames do not come: a hidden tab, jsdom). */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    const timer = setTimeout(done, 50);
    if (typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(() => {
        clearTimeout(timer);
        setTimeout(done, 0);
      });
    }
  });
}

function messageOf(e: unknown): string {
  // Office.js puts its code in e.code (InvalidOperationInCellEditMode …), never in the message.
  if (e instanceof OfficeHostError || errorCode(e)) return explain(e).message;
  return e instanceof Error ? e.message : String(e);
}
