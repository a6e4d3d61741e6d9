import { writeFileSync } from 'node:fs';
import { identifyCaller } from '../../cloudfunctions/_runtime/identify-caller';
import { invoke } from '../../cloudfunctions/_runtime/invoke';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { COLLECTIONS } from '../../cloudfunctions/_runtime/collections';
import { SqliteStore } from '../../cloudfunctions/_runtime/store/sqlite-store';
import { SqliteNoticeSearch } from '../../cloudfunctions/_runtime/store/sqlite-search';
import { findFunction } from '../../cloudfunctions/registry';
import type { Envelope } from '../../shared/api/errors';
import { seedDemoData } from '../../server/seed';
import { publishWithoutReview } from './review-off';
import type { Transport } from '../../miniprogram/api/transport';

/**
 * The cloud functions over a real SQLite database (in memory), called the
 * way the local cloud calls them: raw event in, envelope out, caller derived
 * from an OPENID through the staff table. The clock is settable.
 */
export interface CloudHarness {
  store: SqliteStore;
  /** The notice search the functions are given, as in the local cloud (SQLite FTS5 over `store`). */
  search: SqliteNoticeSearch;
  clock: { now: Date };
  /** `from.clientIp`: the caller's IP address, which keys an anonymous caller's abuse limits. */
  call(openid: string | null, fn: string, event: unknown, from?: { clientIp?: string }): Promise<Envelope<any>>;
  /** The app's transport, answered in-process as `openid`. */
  transportAs(openid: string | null): Transport;
  close(): void;
}

export const SEED_TIME = new Date('2026-11-24T02:00:00Z');

/**
 * `image`: start from a copy of a database prepared once (see `harnessImage`), instead of seeding:
 * suites that need a fresh database per test (the authorisation matrix) copy it in milliseconds.
 */
/**
 * `rateLimits`: count callers against the abuse limits, as the local cloud and CloudBase do (off by default: suites call freely).
 * `file`: keep the database in this file (with its `-wal` beside it) instead of memory, for tests that
 * read the bytes a deployment would leave on disk (a resident's erasure).
 */
/**
 * `review`: keep the bureau's default 公开审查 (publishing a notice waits for a reviewer). Off by
 * default: most suites test what publishing does, and switch review off the way an admin would
 * (`reviews.saveSettings`); the review suite turns it on.
 */
export async function createCloudHarness(options: { seed?: boolean; now?: Date; image?: HarnessImage; rateLimits?: boolean; file?: string; review?: boolean } = {}): Promise<CloudHarness> {
  if (options.file && options.image) writeFileSync(options.file, options.image.bytes);
  const store = new SqliteStore(options.file ?? options.image?.bytes ?? ':memory:', COLLECTIONS);
  const clock = { now: options.now ?? options.image?.now ?? SEED_TIME };
  if (options.seed !== false && !options.image) await seedDemoData(store, clock.now);
  if (!options.image && !options.review) await publishWithoutReview(store, clock.now);
  const search = new SqliteNoticeSearch(store);
  const call = async (openid: string | null, fnName: string, event: unknown, from: { clientIp?: string } = {}): Promise<Envelope<any>> => {
    const fn = findFunction(fnName);
    if (!fn) return { ok: false, code: 'UNKNOWN_FUNCTION', message: '所请求的服务不存在' };
    const caller = await identifyCaller(openid, store);
    const envelope = await invoke(fn, event, { caller, store, now: () => clock.now, log: silentLogger, platform: 'local', search, rateLimits: options.rateLimits, clientIp: from.clientIp });
    // A remembered answer is frozen and shared (remembered-answer.ts); over HTTP or callFunction every
    // caller gets its own copy, and so does a test, which may then change it as it likes. The copy goes
    // through JSON as the wire does (and jsdom's page tests have no structuredClone).
    return envelope.ok && envelope.data !== null && typeof envelope.data === 'object' && Object.isFrozen(envelope.data) ? { ok: true, data: JSON.parse(JSON.stringify(envelope.data)) } : envelope;
  };
  return {
    store,
    search,
    clock,
    call,
    transportAs: (openid) => (fn, event) => call(openid, fn, event),
    close: () => store.close(),
  };
}

export interface HarnessImage {
  bytes: Buffer;
  now: Date;
}

/** The harness's database as it stands, with its clock, for `createCloudHarness({ image })`. */
export async function harnessImage(cloud: CloudHarness): Promise<HarnessImage> {
  return { bytes: await cloud.store.withConnection((db) => db.serialize()), now: new Date(cloud.clock.now) };
}

/** Unwraps a successful envelope or fails the test with the error it carried. */
export function ok<T = any>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`expected success, got ${envelope.code}: ${envelope.message} ${JSON.stringify(envelope.fields ?? {})}`);
  return envelope.data;
}
