import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { COLLECTIONS } from '../../cloudfunctions/_runtime/collections';
import { SqliteStore } from '../../cloudfunctions/_runtime/store/sqlite-store';
import { GRANTS, grantIdFor, SUBSCRIPTIONS, subscriptionIdFor } from '../../cloudfunctions/_notifications/records';
import { templateFor } from '../../shared/notifications/subscribe-templates';
import { topicKey } from '../../shared/notifications/topics';
import { RATING_LEVELS } from '../../shared/ratings/rating-levels';
import { ratingBasis, tallyId, tallyKeysOf } from '../../shared/ratings/satisfaction';
import { seedDemoData } from '../../server/seed';
import { publishWithoutReview } from './review-off';
import { application } from './request-factories';

/**
 * The crash drill: the local cloud as a child process on a data folder of its own, driven by many
 * callers at once (residents submitting requests, rating windows and reading notices; a clerk
 * registering and replying; an editor publishing a bulletin to thousands of subscribers), killed with
 * SIGKILL at random moments mid-write and restarted on the same folder, several times. Then it checks
 * what a government service owes its residents after a power cut:
 * - every acknowledged submit is there exactly once, with the tracking number it was given (a submit
 *   that got no answer is retried with the same submission key, as the app does);
 * - tracking numbers of the year run 1…n with no gap and no repeat, and the sequence counter says n;
 * - the rating tallies and the notice view counters equal the rows they count;
 * - the bulletin reaches every subscriber's 消息 exactly once (its rows, one per topic, committed
 *   with the publication; 消息 reads them for each subscriber), every grant holder gets exactly one
 *   WeChat delivery of it, and no WeChat message is sent twice (no delivery claimed a second time);
 * - `PRAGMA integrity_check` is ok after every kill.
 * The suite runs it small (test/server/crash-drill.test.ts); `npm run bench:crash` runs it big.
 */
export interface DrillOptions {
  kills: number;
  /** Concurrent callers while the server is up. */
  clients: number;
  /** Subscribers of 通知公告 (1 in 10 with a WeChat grant) who receive the bulletins. */
  subscribers: number;
  /** A kill comes this many ms (uniformly random) after the server is up and driven. */
  killAfterMs: [number, number];
  log?: (line: string) => void;
}

export interface DrillReport {
  kills: number;
  acknowledged: number;
  found: number;
  duplicated: number;
  lost: number;
  wrongNumber: number;
  trackingNumbers: number;
  trackingGaps: number;
  trackingRepeats: number;
  counterAgrees: boolean;
  ratings: number;
  tallyMismatches: string[];
  views: number;
  viewCountMismatches: string[];
  bulletins: number;
  inboxExpected: number;
  inboxFound: number;
  bulletinRows: number;
  grantDeliveriesExpected: number;
  grantDeliveries: number;
  duplicateDeliveries: number;
  outboxPending: number;
  sends: number;
  secondSends: number;
  interruptedSends: number;
  integrity: string[];
}

interface Ack {
  openid: string;
  id: string;
  trackingNumber: string;
}

interface Pending {
  openid: string;
  input: ReturnType<typeof application>;
}

const ROOT = resolve(__dirname, '..', '..');

export async function runCrashDrill(options: DrillOptions): Promise<DrillReport> {
  const log = options.log ?? (() => undefined);
  const dataDir = mkdtempSync(join(tmpdir(), 'sg-crash-'));
  const dbFile = join(dataDir, 'sunshine.sqlite');
  try {
    await prepare(dbFile, options.subscribers);
    const acks: Ack[] = [];
    const pending: Pending[] = [];
    const replyQueue: Array<{ id: string; version: number }> = [];
    const integrity: string[] = [];
    let residentSeq = 0;
    let kills = 0;

    for (let round = 0; round <= options.kills; round++) {
      const final = round === options.kills;
      const server = await startServer(dataDir);
      const api = caller(server.base);
      const tokens = {
        clerk: await api.signIn('demo-clerk'),
        editor: await api.signIn('demo-editor'),
      };
      // Submits that got no answer before the last kill: the app retries them with the same key.
      for (const p of pending.splice(0)) {
        const answer = await api.call(await api.signIn(p.openid), 'requests', 'submit', p.input);
        if (!answer?.ok) throw new Error(`retry of an unanswered submit failed: ${JSON.stringify(answer)}`);
        acks.push({ openid: p.openid, id: answer.data.id, trackingNumber: answer.data.trackingNumber });
        replyQueue.push({ id: answer.data.id, version: answer.data.version });
      }
      const windows = ((await api.call(null, 'windows', 'list', {}))?.data ?? []) as Array<{ id: string }>;
      const notices = (((await api.call(null, 'notices', 'list', { limit: 10 }))?.data?.items ?? []) as Array<{ id: string }>).map((n) => n.id);

      let alive = true;
      server.child.once('exit', () => (alive = false));
      // A bulletin each round, so the fan-out is under way when the kill comes.
      const bulletin = async () => {
        const draft = await api.call(tokens.editor, 'notices', 'save', { notice: { kind: 'announcement', title: `停水通知第${round + 1}号`, body: '因管网检修，部分小区暂停供水。', departmentId: 'office' } });
        if (!draft?.ok) return;
        await api.call(tokens.editor, 'notices', 'publish', { id: draft.data.id, version: draft.data.version });
      };

      const worker = async () => {
        while (alive) {
          const dice = Math.random();
          if (dice < 0.55) {
            const openid = `crash-resident-${++residentSeq}`;
            const input = application();
            const token = await api.signIn(openid).catch(() => null);
            if (!token) {
              pending.push({ openid, input });
              continue;
            }
            const answer = await api.call(token, 'requests', 'submit', input);
            if (answer?.ok) {
              acks.push({ openid, id: answer.data.id, trackingNumber: answer.data.trackingNumber });
              replyQueue.push({ id: answer.data.id, version: answer.data.version });
            } else if (answer === null) pending.push({ openid, input });
            else throw new Error(`submit refused: ${JSON.stringify(answer)}`);
          } else if (dice < 0.7 && windows.length > 0) {
            const token = await api.signIn(`crash-rater-${++residentSeq}`).catch(() => null);
            if (token) {
              const level = Math.random() < 0.7 ? 'verySatisfied' : 'basic';
              await api.call(token, 'ratings', 'submit', { windowId: windows[residentSeq % windows.length].id, level, tags: [level === 'basic' ? '基本顺利' : '服务态度好'] });
            }
          } else if (dice < 0.85 && notices.length > 0) {
            const token = await api.signIn(`crash-reader-${residentSeq % 50}`).catch(() => null);
            if (token) await api.call(token, 'notices', 'view', { id: notices[residentSeq % notices.length] });
          } else {
            const next = replyQueue.shift();
            if (!next) continue;
            const registered = await api.call(tokens.clerk, 'requests', 'register', { id: next.id, version: next.version });
            if (!registered?.ok) continue;
            await api.call(tokens.clerk, 'requests', 'reply', { id: next.id, version: registered.data.version, category: 'disclosed', text: '经查，所申请信息予以公开。' });
          }
        }
      };

      const driving = [bulletin(), ...Array.from({ length: options.clients }, worker)];
      if (final) {
        // The last round is not killed: drive a moment, stop the callers, let the outbox finish.
        await sleep(options.killAfterMs[0]);
        alive = false;
        await Promise.all(driving);
        await waitForOutbox(dbFile, Number(process.env.CRASH_OUTBOX_WAIT_MS ?? 60_000));
        await server.stop();
      } else {
        await sleep(options.killAfterMs[0] + Math.random() * (options.killAfterMs[1] - options.killAfterMs[0]));
        server.child.kill('SIGKILL');
        await server.exited;
        kills += 1;
        await Promise.all(driving);
        log(`kill ${kills}: ${acks.length} submits acknowledged so far, ${pending.length} unanswered`);
      }
      integrity.push(integrityOf(dbFile));
    }
    const report = verify(dbFile, acks);
    return {
      ...report,
      kills,
      integrity,
      inboxExpected: report.bulletins * options.subscribers,
      grantDeliveriesExpected: report.bulletins * Math.ceil(options.subscribers / 10),
    };
  } finally {
    // CRASH_KEEP=1 leaves the data folder for a look at what went wrong.
    if (process.env.CRASH_KEEP) log(`data kept in ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The demo bureau and the bulletin's subscribers, written before the first start (the server then finds it seeded). */
async function prepare(dbFile: string, subscribers: number): Promise<void> {
  const store = new SqliteStore(dbFile, COLLECTIONS);
  await seedDemoData(store, new Date());
  await publishWithoutReview(store, new Date()); // the editor's bulletins go out directly
  const topic = topicKey({ kind: 'announcement' });
  const bulletin = templateFor('bulletin')!.templateId;
  const at = new Date().toISOString();
  await store.transaction(async (tx) => {
    for (let i = 0; i < subscribers; i++) {
      const openid = `crash-subscriber-${i}`;
      await tx.collection(SUBSCRIPTIONS).insert({ id: subscriptionIdFor(openid, topic), openid, topic, kind: 'announcement', departmentId: null, createdAt: at });
      if (i % 10 === 0) {
        await tx.collection(GRANTS).insert({ id: grantIdFor(openid, bulletin), openid, templateId: bulletin, kind: 'longTerm', remaining: 1, banned: false, updatedAt: at });
      }
    }
  });
  store.close();
  // The demo seed may leave announcements of its own notices in the outbox; the drill's subscribers
  // are there for the drill's bulletins, so those are set aside as already handled.
  const db = new Database(dbFile);
  db.prepare(`UPDATE outbox SET doc = json_set(doc, '$.status', 'done') WHERE doc ->> '$.status' <> 'done'`).run();
  db.close();
}

interface RunningServer {
  child: ChildProcess;
  base: string;
  exited: Promise<void>;
  stop(): Promise<void>;
}

async function startServer(dataDir: string): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    // DEMO_YEAR=off: the demo report year's hundreds of past publications are not what the drill sends.
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, H5_DIR: join(dataDir, 'no-h5'), DEMO_YEAR: 'off' },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('the local cloud exited while starting');
    try {
      // Any answer means it is up (a 503 says it is degraded, which the checks at the end would show).
      await fetch(`${base}/healthz`);
      break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('the local cloud did not start in 30 s');
    await sleep(50);
  }
  return {
    child,
    base,
    exited,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function caller(base: string) {
  const headers = (token: string | null) => ({ 'content-type': 'application/json', ...(token ? { 'x-dev-session': token } : {}) });
  return {
    async signIn(openid: string): Promise<string> {
      const res = await fetch(`${base}/dev/sign-in`, { method: 'POST', headers: headers(null), body: JSON.stringify({ openid }) });
      return ((await res.json()) as { data: { token: string } }).data.token;
    },
    /** The envelope, or null when no answer came (the server died under the call). */
    async call(token: string | null, fn: string, action: string, data: unknown): Promise<any | null> {
      try {
        const res = await fetch(`${base}/api/${fn}`, { method: 'POST', headers: headers(token), body: JSON.stringify({ action, data }) });
        return await res.json();
      } catch {
        return null;
      }
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** Waits until every outbox row is done (the fan-outs finished), reading the database beside the server. */
async function waitForOutbox(dbFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    // The drill's own bulletins, and sends already due (other jobs may schedule theirs for later).
    const left = (db.prepare(`SELECT count(*) AS n FROM outbox WHERE doc ->> '$.status' <> 'done' AND ${BULLETIN_ROW}`).get() as { n: number }).n;
    const sendable = (db.prepare(`SELECT count(*) AS n FROM deliveries WHERE doc ->> '$.status' = 'pending' AND doc ->> '$.nextAttemptAt' <= ?`).get(new Date().toISOString()) as { n: number }).n;
    db.close();
    if (left === 0 && sendable === 0) return;
    if (Date.now() > deadline) throw new Error(`the outbox did not finish: ${left} rows, ${sendable} sends pending`);
    await sleep(200);
  }
}

/** An outbox row of one of the drill's bulletins (their titles say 停水通知第…号). */
const BULLETIN_ROW = `doc ->> '$.subjectId' IN (SELECT id FROM notices WHERE doc ->> '$.title' LIKE '停水通知第%')`;

function integrityOf(dbFile: string): string {
  const db = new Database(dbFile, { fileMustExist: true });
  const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  db.close();
  return rows.map((r) => r.integrity_check).join('; ');
}

function verify(dbFile: string, acks: Ack[]): Omit<DrillReport, 'kills' | 'integrity' | 'inboxExpected' | 'grantDeliveriesExpected'> {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
  try {
    // Every acknowledged submit exactly once, with its tracking number.
    const byOwner = new Map<string, Array<{ id: string; trackingNumber: string }>>();
    for (const r of all<{ id: string; owner: string; trackingNumber: string }>(
      `SELECT id, doc ->> '$.ownerOpenid' AS owner, doc ->> '$.trackingNumber' AS trackingNumber FROM requests WHERE doc ->> '$.ownerOpenid' LIKE 'crash-resident-%'`,
    )) {
      byOwner.set(r.owner, [...(byOwner.get(r.owner) ?? []), r]);
    }
    let found = 0;
    let duplicated = 0;
    let lost = 0;
    let wrongNumber = 0;
    for (const ack of acks) {
      const rows = byOwner.get(ack.openid) ?? [];
      if (rows.length === 0) lost += 1;
      else found += 1;
      if (rows.length > 1) duplicated += 1;
      if (rows.length >= 1 && !rows.some((r) => r.id === ack.id && r.trackingNumber === ack.trackingNumber)) wrongNumber += 1;
    }

    // Tracking numbers of each year: 1…n, no gap, no repeat, and the counter at n.
    let trackingGaps = 0;
    let trackingRepeats = 0;
    let counterAgrees = true;
    const numbers = all<{ t: string }>(`SELECT doc ->> '$.trackingNumber' AS t FROM requests`).map((r) => r.t);
    const byYear = new Map<number, number[]>();
    for (const t of numbers) {
      const m = /^依申〔(\d{4})〕(\d{6})号$/.exec(t);
      if (!m) continue;
      byYear.set(Number(m[1]), [...(byYear.get(Number(m[1])) ?? []), Number(m[2])]);
    }
    for (const [year, seqs] of byYear) {
      const distinct = new Set(seqs);
      trackingRepeats += seqs.length - distinct.size;
      const max = Math.max(...seqs);
      trackingGaps += max - distinct.size;
      const counter = all<{ value: number }>(`SELECT doc ->> '$.value' AS value FROM counters WHERE id = ?`, `requests-${year}`)[0];
      if (!counter || counter.value !== max) counterAgrees = false;
    }

    // Rating tallies equal to the ratings they count.
    const expected = new Map<string, Record<string, number>>();
    const ratings = all<{ doc: string }>(`SELECT doc FROM ratings`).map((r) => JSON.parse(r.doc));
    for (const rating of ratings) {
      if (rating.excluded) continue;
      for (const [scope, key] of tallyKeysOf(rating)) {
        const id = tallyId(scope, key, rating.month, ratingBasis(rating));
        const counts = expected.get(id) ?? {};
        counts[rating.level] = (counts[rating.level] ?? 0) + 1;
        expected.set(id, counts);
      }
    }
    const tallyMismatches: string[] = [];
    const stored = new Map(all<{ id: string; doc: string }>(`SELECT id, doc FROM ratingTallies`).map((r) => [r.id, JSON.parse(r.doc).counts as Record<string, number>]));
    for (const id of new Set([...expected.keys(), ...stored.keys()])) {
      for (const level of RATING_LEVELS) {
        const want = expected.get(id)?.[level] ?? 0;
        const have = stored.get(id)?.[level] ?? 0;
        if (want !== have) tallyMismatches.push(`${id} ${level}: counted ${have}, rows ${want}`);
      }
    }

    // View counters equal to the views they count.
    const viewCountMismatches: string[] = [];
    const viewRows = new Map(all<{ id: string; n: number }>(`SELECT doc ->> '$.noticeId' AS id, count(*) AS n FROM noticeViews GROUP BY 1`).map((r) => [r.id, r.n]));
    const viewCounts = new Map(all<{ id: string; n: number }>(`SELECT id, doc ->> '$.count' AS n FROM noticeViewCounts`).map((r) => [r.id, r.n]));
    for (const id of new Set([...viewRows.keys(), ...viewCounts.keys()])) {
      if ((viewRows.get(id) ?? 0) !== (viewCounts.get(id) ?? 0)) viewCountMismatches.push(`${id}: counted ${viewCounts.get(id) ?? 0}, rows ${viewRows.get(id) ?? 0}`);
    }

    // The bulletins' fan-out and sends.
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      acknowledged: acks.length,
      found,
      duplicated,
      lost,
      wrongNumber,
      trackingNumbers: numbers.length,
      trackingGaps,
      trackingRepeats,
      counterAgrees,
      ratings: ratings.length,
      tallyMismatches,
      views: [...viewRows.values()].reduce((a, b) => a + b, 0),
      viewCountMismatches,
      // Bulletins whose publish committed, answered or not: each owes every subscriber one message.
      bulletins: one(`SELECT count(*) AS n FROM outbox o JOIN notices n ON n.id = o.doc ->> '$.subjectId' WHERE n.doc ->> '$.title' LIKE '停水通知第%'`),
      // What 消息 shows each subscriber (inbox-function.ts): the bulletins of their topics published since they subscribed, once each.
      inboxFound: one(
        `SELECT count(*) AS n FROM (SELECT DISTINCT b.doc ->> '$.bulletinId', s.doc ->> '$.openid' FROM bulletins b JOIN subscriptions s ` +
          `ON s.doc ->> '$.topic' = b.doc ->> '$.topic' AND s.doc ->> '$.createdAt' <= b.doc ->> '$.publishedAt' ` +
          `WHERE s.doc ->> '$.openid' LIKE 'crash-subscriber-%' AND ${BULLETIN_ROW.replaceAll('doc ->>', 'b.doc ->>')})`,
      ),
      bulletinRows: one(`SELECT count(*) AS n FROM bulletins WHERE ${BULLETIN_ROW}`),
      grantDeliveries: one(`SELECT count(*) AS n FROM deliveries WHERE doc ->> '$.openid' LIKE 'crash-subscriber-%' AND ${BULLETIN_ROW}`),
      duplicateDeliveries: one(
        `SELECT count(*) AS n FROM (SELECT doc ->> '$.subjectId', doc ->> '$.openid' FROM deliveries WHERE ${BULLETIN_ROW} GROUP BY 1, 2 HAVING count(*) > 1)`,
      ),
      outboxPending: one(`SELECT count(*) AS n FROM outbox WHERE doc ->> '$.status' <> 'done' AND ${BULLETIN_ROW}`),
      sends: one(`SELECT count(*) AS n FROM wechatRecorded`),
      // The recorder keeps one row per delivery, so a second send shows as a second claim.
      secondSends: one(`SELECT count(*) AS n FROM deliveries WHERE doc ->> '$.attempts' > 1`),
      interruptedSends: one(`SELECT count(*) AS n FROM deliveries WHERE doc ->> '$.status' = 'sending'`),
    };
  } finally {
    db.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
