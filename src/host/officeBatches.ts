/**
 * Write batches sized by what Office.js really sends. Each proxy object the host makes
 * (worksheets.getItem, getRange, range.format, format.font, borders.getItem …) costs an object
 * path and an instantiate action in the request; inside Excel.run every Range also gets a
 * _KeepReference (and a _RemoveReference when the run ends) unless it is untracked; every
 * property set or method call is an action that lists the ids of the paths it hangs from. The
 * byte figures below were measured with Office.js's own request builder (the Excel on the web
 * library of @microsoft/office-js, test/host/officeJsBridge.ts) and rounded up; the test
 * test/host/requestSize.test.ts runs whole plans through that builder and checks every request.
 */
import { syncWithin } from './officeErrors';

/** What one request or response may carry. Excel on the web refuses more than 5 MB; this leaves room for the envelope. */
export const REQUEST_LIMIT = 4_000_000;
/** Where a write batch stops: below REQUEST_LIMIT by the margin the byte model may be off. */
const BATCH_TARGET = 3_600_000;

/** Measured request bytes (rounded up) of Office.js's pieces. */
export const WIRE = {
  /** An object path and its instantiate action. */
  proxy: 190,
  /** A property set or method call, besides its arguments' JSON. */
  action: 120,
  /** A _KeepReference, for a range that is not untracked. */
  kept: 80,
};

/** Request bytes of queuing `proxies` objects and `actions` sets or calls carrying `payload` (JSON of their arguments). */
export function wireBytes(proxies: number, actions: number, payload = 0): number {
  return proxies * WIRE.proxy + actions * WIRE.action + payload;
}

/** The bytes a value takes in a request: its JSON, in UTF-8. */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? '';
  let bytes = s.length;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    // UTF-8: 2 bytes up to U+07FF, 3 for the rest of the BMP (CJK); a surrogate pair is 4 for its 2 units.
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/** context.sync with the host's timeout (see officeErrors.syncWithin), as a function to call. */
export type Sync = () => Promise<void>;

export function syncOf(context: { sync(): Promise<unknown> }, timeoutMs?: number): Sync {
  return () => syncWithin(context, timeoutMs);
}

/**
 * Syncs when the next write would take the queued request past the batch target; calculation is
 * suspended for each batch. What a batch completes is `mark`ed, and counts as written once that
 * batch has been synced: after a failure, `written` says what is in the workbook.
 */
export class Batches {
  private bytes = 0;
  private pending: string[] = [];
  /** What is in the workbook: the marks of the batches synced so far. */
  readonly written: string[] = [];
  /** Bumped at each sync: proxies made by methods (worksheets.add …) are not valid across syncs. */
  generation = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly sync: Sync,
  ) {}

  /** Makes room for a write of about `bytes`, syncing what is queued first if needed. Call before queueing it. */
  async room(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > BATCH_TARGET) await this.flush();
    if (this.bytes === 0) {
      this.context.application.suspendApiCalculationUntilNextSync();
      this.bytes = wireBytes(2, 1);
    }
    this.bytes += bytes;
  }

  /** Says what the writes queued so far complete ('汇总排名', '总分 10 格'), for `written`. */
  mark(what: string): void {
    this.pending.push(what);
  }

  async flush(): Promise<void> {
    if (this.bytes === 0 && this.pending.length === 0) return;
    await this.sync();
    this.bytes = 0;
    this.generation++;
    this.written.push(...this.pending);
    this.pending = [];
  }
}
