/**
 * The web version's worker (src/preview/worker.ts), driven through its messages as the page sends
 * them: a plan's sheets come one `stage` message each, then `apply` with their count. A plan that
 * arrives incomplete is refused with a Chinese message, not applied in part.
 */
import fs from 'fs';
import path from 'path';
import type { WorkerReply, WorkerRequest, WorkerStage } from '../../src/preview/protocol';
import { XlsxHost } from '../../src/host/xlsxHost';
import type { SheetPlan } from '../../src/sheet/sheetPlan';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'sample-2024.xlsx');

/** A request without its id (given when sent). */
type Body = { [K in WorkerRequest['op']]: Omit<Extract<WorkerRequest, { op: K }>, 'id'> }[WorkerRequest['op']];

type Scope = { onmessage: ((e: { data: WorkerRequest | WorkerStage }) => Promise<void> | void) | null; postMessage: (m: WorkerReply) => void };

/**
 * The worker module on a fake `self` (its libraries are loaded before, by the imports above: the
 * browser-only paths of their polyfills look for `self`); send() resolves with a request's reply.
 */
async function startWorker() {
  const replies: WorkerReply[] = [];
  const scope: Scope = { onmessage: null, postMessage: (m) => replies.push(m) };
  (globalThis as unknown as { self: Scope }).self = scope;
  await import('../../src/preview/worker');
  delete (globalThis as unknown as { self?: Scope }).self;
  let id = 0;
  const send = async (message: Body | WorkerStage): Promise<WorkerReply | undefined> => {
    const request = message.op === 'stage' ? message : ({ ...message, id: ++id } as WorkerRequest);
    await scope.onmessage?.({ data: request });
    return message.op === 'stage' ? undefined : replies.find((r) => r.id === id);
  };
  return { send };
}

const sheet = (name: string, text: string): SheetPlan => ({ name, cells: [{ cell: 'A1', value: text }], merges: [], columnWidths: [] });

let send: Awaited<ReturnType<typeof startWorker>>['send'];
beforeAll(async () => {
  ({ send } = await startWorker());
});

test('a plan handed over a sheet at a time is applied whole, and the download holds every sheet', async () => {
  const bytes = fs.readFileSync(SAMPLE);
  expect(await send({ op: 'open', bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), name: 'sample-2024.xlsx' })).toMatchObject({ ok: true });
  await send({ op: 'stage', sheet: sheet('第一张', '一') });
  await send({ op: 'stage', sheet: sheet('第二张', '二') });
  expect(await send({ op: 'apply', plan: { cells: [], sheets: [sheet('第三张', '三')] }, staged: 2 })).toMatchObject({ ok: true });
  const reply = await send({ op: 'bytes' });
  expect(reply).toMatchObject({ ok: true });
  const grids = await (await XlsxHost.fromBuffer((reply as { value: Uint8Array }).value)).readGrids();
  const a1 = (name: string) => grids.find((g) => g.name === name)?.rows[0]?.[0];
  expect([a1('第一张'), a1('第二张'), a1('第三张')]).toEqual(['一', '二', '三']);
});

test('a plan missing a sheet is refused with a Chinese message, and the next plan starts afresh', async () => {
  const bytes = fs.readFileSync(SAMPLE);
  await send({ op: 'open', bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), name: 'sample-2024.xlsx' });
  await send({ op: 'stage', sheet: sheet('第一张', '一') });
  expect(await send({ op: 'apply', plan: { cells: [] }, staged: 2 })).toEqual({ id: expect.any(Number), ok: false, message: '写入计划不完整：收到 1 张表，应为 2 张', unusable: false });
  // The sheet staged for the refused plan is not carried into the next one.
  expect(await send({ op: 'apply', plan: { cells: [] }, staged: 0 })).toMatchObject({ ok: true });
  const grids = await (await XlsxHost.fromBuffer(((await send({ op: 'bytes' })) as { value: Uint8Array }).value)).readGrids();
  expect(grids.map((g) => g.name)).not.toContain('第一张');
});
