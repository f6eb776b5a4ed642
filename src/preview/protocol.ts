/** The messages between the web page and its workbook worker (worker.ts). Plain data only. */
import type { WritePlan } from '../host/host';

export type WorkerRequest =
  | { id: number; op: 'open'; bytes: ArrayBuffer; name: string }
  | { id: number; op: 'read' }
  | { id: number; op: 'apply'; plan: WritePlan }
  | { id: number; op: 'bytes' };

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string; unusable: boolean };
