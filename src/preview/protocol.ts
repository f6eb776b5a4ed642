/** The messages between the web page and its workbook worker (worker.ts). Plain data only. */
import type { WritePlan } from '../host/host';
import type { SheetPlan } from '../sheet/sheetPlan';

export type WorkerRequest =
  | { id: number; op: 'open'; bytes: ArrayBuffer; name: string }
  | { id: number; op: 'read' }
  /** The plan's sheets come before it, a `stage` message each (`staged` counts them). */
  | { id: number; op: 'apply'; plan: WritePlan; staged: number }
  | { id: number; op: 'bytes' };

/** One sheet of the next plan, handed over on its own: no reply. */
export type WorkerStage = { op: 'stage'; sheet: SheetPlan };

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string; unusable: boolean };
