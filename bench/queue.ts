// `npm run bench:queue`: where a staff queue call's time goes, in process (no HTTP, no other clients),
// beside the floor of the same run: the notice list, the read the queue's goal is measured against.
// Loads the demo data and QUEUE_REQUESTS paper requests (bench/bench-data.ts: all in the clerk's
// department) into a temporary SQLite file, has QUEUE_WAITING (60) residents apply online (waiting for
// registration, they head the queue's first page), then, after a warm-up, takes the CPU time of QUEUE_CALLS
// calls of each, answered and written as the local cloud writes them (JSON of the envelope):
// - notices.list (limit 20): the floor;
// - requests.queue as the clerk (limit 20) worked out on every call (its reads, its head, counts and
//   warnings; rows kept by version, cloudfunctions/requests/queue-rows.ts), as before whole answers
//   were remembered;
// - requests.queue as it runs now (the answer remembered until the records change, remembered-answer.ts,
//   and its bytes kept with it, server/envelope-body.ts).
// Both reads are written as the local cloud writes them (server/envelope-body.ts).
// For a profile: `node --cpu-prof --cpu-prof-dir bench/profiles --import tsx bench/queue.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../cloudfunctions/_runtime/collections';
import { silentLogger } from '../cloudfunctions/_runtime/handler-context';
import { identifyCaller } from '../cloudfunctions/_runtime/identify-caller';
import { invoke } from '../cloudfunctions/_runtime/invoke';
import { findFunction } from '../cloudfunctions/registry';
import { SqliteStore } from '../cloudfunctions/_runtime/store/sqlite-store';
import { SqliteNoticeSearch } from '../cloudfunctions/_runtime/store/sqlite-search';
import { seedDemoData } from '../server/seed';
import { envelopeBody } from '../server/envelope-body';
import type { Store } from '../cloudfunctions/_runtime/store/port';
import { benchApplication, fillNotices, fillRequests } from './bench-data';

const REQUESTS = Number(process.env.QUEUE_REQUESTS ?? 30_000);
const NOTICES = Number(process.env.QUEUE_NOTICES ?? 2_000);
const CALLS = Number(process.env.QUEUE_CALLS ?? 2_000);
/** Online applications waiting for registration: they head the queue's first page, as on a busy morning (`bench:load` has about a hundred after its warm-up). */
const WAITING = Number(process.env.QUEUE_WAITING ?? 60);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-queue-'));
  try {
    const now = new Date();
    const store = new SqliteStore(join(dir, 'sunshine.sqlite'), COLLECTIONS);
    await seedDemoData(store, now);
    await fillNotices(store, NOTICES);
    await fillRequests(store, REQUESTS, now);
    const search = new SqliteNoticeSearch(store);
    const clerk = await identifyCaller('demo-clerk', store, silentLogger);
    const anonymous = await identifyCaller(null, store, silentLogger);
    const ctx = (caller: typeof clerk) => ({ caller, store, now: () => now, log: silentLogger, platform: 'local' as const, search, rateLimits: false });
    const notices = findFunction('notices')!;
    const requests = findFunction('requests')!;

    for (let i = 0; i < WAITING; i++) {
      const resident = await identifyCaller(`bench-waiting-${i}`, store, silentLogger);
      const submitted = await invoke(requests, { action: 'submit', data: { ...benchApplication(REQUESTS + i), idempotencyKey: `bench-waiting-${i}` } }, ctx(resident));
      if (!submitted.ok) throw new Error(`waiting application: ${JSON.stringify(submitted)}`);
    }

    const list = () => invoke(notices, { action: 'list', data: { limit: 20 } }, ctx(anonymous));
    const queue = () => invoke(requests, { action: 'queue', data: { limit: 20 } }, ctx(clerk));
    // Before answers were remembered: the same store without `remember`, so every call works its answer out.
    const forgetful: Store = { collection: (name) => store.collection(name), transaction: (work) => store.transaction(work) };
    const queueBefore = () => invoke(requests, { action: 'queue', data: { limit: 20 } }, { ...ctx(clerk), store: forgetful });
    const answer = (await queue()) as { ok: boolean; data: { items: unknown[]; awaitingRegistration: unknown[]; warnings: string[] } };
    if (!answer.ok) throw new Error(`queue answered ${JSON.stringify(answer)}`);

    /** CPU ms per call (user + system: steadier than the clock on a shared machine), the answer written as the local cloud writes it. */
    const cpuPerCall = async (call: () => Promise<unknown>, calls: number): Promise<number> => {
      const before = process.cpuUsage();
      for (let i = 0; i < calls; i++) envelopeBody((await call()) as Parameters<typeof envelopeBody>[0]);
      const used = process.cpuUsage(before);
      return (used.user + used.system) / 1000 / calls;
    };
    const kinds = { list, queueBefore, queue };
    for (const call of Object.values(kinds)) await cpuPerCall(call, 200); // warm-up: code compiled, read cache filled
    // Short batches taken in turns, ROUNDS times; the median of each kind's batches counts.
    const ROUNDS = 9;
    const runs: Record<keyof typeof kinds, number[]> = { list: [], queueBefore: [], queue: [] };
    for (let r = 0; r < ROUNDS; r++) for (const [name, call] of Object.entries(kinds)) runs[name as keyof typeof kinds].push(await cpuPerCall(call, Math.ceil(CALLS / ROUNDS)));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const json = JSON.stringify(answer);
    const jsonMs = (() => {
      const t = process.cpuUsage();
      for (let i = 0; i < 2000; i++) JSON.stringify(answer);
      const u = process.cpuUsage(t);
      return (u.user + u.system) / 1000 / 2000;
    })();
    const floor = median(runs.list);
    console.log(`${REQUESTS.toLocaleString()} requests, ${NOTICES.toLocaleString()} notices; ${CALLS} calls of each kind in ${ROUNDS} turns, in process (CPU time, medians)`);
    const listJson = JSON.stringify(await list());
    console.log(`queue page: ${answer.data.items.length} rows, ${answer.data.awaitingRegistration.length} waiting at the head, ${answer.data.warnings.length} warnings; ${Buffer.byteLength(json).toLocaleString()} bytes of JSON (the list page ${Buffer.byteLength(listJson).toLocaleString()}), written in ${jsonMs.toFixed(3)} ms`);
    console.log(`notices.list                      ${floor.toFixed(3)} ms a call (the floor)`);
    console.log(`requests.queue, worked out        ${median(runs.queueBefore).toFixed(3)} ms a call — ${(median(runs.queueBefore) / floor).toFixed(2)}× the list (before)`);
    console.log(`requests.queue, remembered        ${median(runs.queue).toFixed(3)} ms a call — ${(median(runs.queue) / floor).toFixed(2)}× the list (now)`);
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
