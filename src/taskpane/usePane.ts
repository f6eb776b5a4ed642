/**
 * The pane's state: the workbook as read and scored, what is being done (for the progress
 * shown), and the last message. Every action reads, plans and writes through the host, then
 * reads the workbook again, so what the pane shows is what the workbook holds.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { scoreAssessment, type AssessmentResult } from '../app/scoreAssessment';
import { readSettings, type WorkbookSettings } from '../app/settings';
import type { WorkbookHost, WritePlan } from '../host/host';
import type { Grid } from '../sheet/grid';

/** The host as the pane uses it: optionally it can select a cell and say what it cannot do. */
export interface PaneHost extends WorkbookHost {
  select?(sheet: string, cell: string): Promise<void>;
  readonly limitations?: string[];
}

export interface Loaded {
  grids: Grid[];
  result: AssessmentResult;
  settings: WorkbookSettings;
}

export type Notice = { intent: 'success' | 'warning' | 'error' | 'info'; title: string; text?: string };

export function usePane(host: PaneHost) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [busy, setBusy] = useState<string | null>('正在读取工作簿…');
  const [notice, setNotice] = useState<Notice | null>(null);
  const alive = useRef(true);

  const read = useCallback(async (): Promise<Loaded> => {
    const grids = await host.readGrids();
    const settings = readSettings(grids).settings;
    return { grids, settings, result: scoreAssessment(grids, settings.score) };
  }, [host]);

  /** Runs an action with progress shown; errors become a Chinese message, never a blank pane. */
  const act = useCallback(
    async <T,>(label: string, action: () => Promise<T>): Promise<T | undefined> => {
      setBusy(label);
      try {
        const value = await action();
        if (alive.current) setLoaded(await read());
        return value;
      } catch (e) {
        if (alive.current) setNotice({ intent: 'error', title: '操作未完成', text: messageOf(e) });
        return undefined;
      } finally {
        if (alive.current) setBusy(null);
      }
    },
    [read],
  );

  const refresh = useCallback(() => act('正在重新检查…', async () => undefined), [act]);

  /** Writes a plan, then tells the user what happened (and what the host could not do). */
  const write = useCallback(
    async (label: string, plan: WritePlan, done: string) => {
      const outcome = await act(label, () => host.apply(plan));
      if (outcome) {
        setNotice({ intent: outcome.skipped.length ? 'warning' : 'success', title: done, text: outcome.skipped.join('；') || undefined });
      }
      return outcome;
    },
    [act, host],
  );

  useEffect(() => {
    alive.current = true;
    void refresh();
    return () => {
      alive.current = false;
    };
  }, [refresh]);

  return { loaded, busy, notice, setNotice, refresh, write };
}

function messageOf(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  if (/ItemNotFound|InvalidArgument|GeneralException/i.test(m)) return `Excel 拒绝了这次操作（${m}）。请确认工作簿未处于单元格编辑状态后重试。`;
  return m;
}
