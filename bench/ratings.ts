// Stores 1,000,000 ratings in the local cloud's SQLite store and prints the latency of `ratings.stats`
// for one window-month and for the whole bureau-year (goal ≤ 200 ms each), through the real function
// (invoke: access check, zod, handler, store). Also: the write path (`ratings.submit` over the full
// store) and, for contrast and as a check that the pre-aggregated figures are exact, the same
// bureau-year figures counted from the ratings themselves.
// Usage: npm run bench:ratings [-- COUNT]
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { COLLECTIONS } from '../cloudfunctions/_runtime/collections';
import { silentLogger } from '../cloudfunctions/_runtime/handler-context';
import { identifyCaller } from '../cloudfunctions/_runtime/identify-caller';
import { invoke } from '../cloudfunctions/_runtime/invoke';
import { SqliteStore } from '../cloudfunctions/_runtime/store/sqlite-store';
import { SqliteNoticeSearch } from '../cloudfunctions/_runtime/store/sqlite-search';
import { TALLIES } from '../cloudfunctions/ratings/tallies';
import { findFunction } from '../cloudfunctions/registry';
import { seedDemoData } from '../server/seed';
import { DEMO_WINDOWS } from '../server/seed-ratings';
import { RATING_LEVELS, type RatingLevel } from '../shared/ratings/rating-levels';
import type { RatingRecord, TallyRecord } from '../shared/ratings/ratings-types';
import { applyDelta, emptyTally, tallyId, tallyKeysOf } from '../shared/ratings/satisfaction';

const COUNT = Number(process.argv[2] ?? 1_000_000);
const YEAR = 2026;
const NOW = new Date('2026-12-20T02:00:00Z');

const dir = mkdtempSync(join(tmpdir(), 'sg-bench-ratings-'));
const file = join(dir, 'bench.sqlite');
const store = new SqliteStore(file, COLLECTIONS);
const search = new SqliteNoticeSearch(store);

async function call(openid: string | null, fn: string, event: unknown) {
  const caller = await identifyCaller(openid, store);
  const result = await invoke(findFunction(fn)!, event, { caller, store, now: () => NOW, log: silentLogger, platform: 'local', search });
  if (!result.ok) throw new Error(`${fn}.${(event as { action: string }).action}: ${result.code} ${result.message}`);
  return result.data as any;
}

function percentiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `p50 ${at(0.5).toFixed(2)} ms · p95 ${at(0.95).toFixed(2)} ms · max ${s[s.length - 1].toFixed(2)} ms (n=${s.length})`;
}

async function time(runs: number, op: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await op();
    samples.push(performance.now() - t);
  }
  return samples;
}

async function main() {
  await seedDemoData(store, new Date('2026-11-24T02:00:00Z'));
  // Make the tables (and their indexes) exist, then bulk-load through a second connection:
  // going through the port one record at a time would measure the loader, not the reads.
  store.collection('ratings');
  store.collection(TALLIES);

  const started = performance.now();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insert = db.prepare('INSERT INTO ratings (id, version, doc) VALUES (?, 1, ?)');
  const tallies = new Map<string, TallyRecord>();
  const current = db.prepare(`SELECT doc FROM "${TALLIES}"`).all() as Array<{ doc: string }>;
  for (const row of current) {
    const t = JSON.parse(row.doc) as TallyRecord & { id: string; version: number };
    tallies.set(t.id, t);
  }
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = (r: number): RatingLevel => (r < 0.004 ? 'veryDissatisfied' : r < 0.01 ? 'dissatisfied' : r < 0.05 ? 'basic' : r < 0.3 ? 'satisfied' : 'verySatisfied');
  const BATCH = 50_000;
  for (let done = 0; done < COUNT; done += BATCH) {
    db.transaction(() => {
      for (let i = done; i < Math.min(COUNT, done + BATCH); i++) {
        const w = DEMO_WINDOWS[i % DEMO_WINDOWS.length];
        const service = w.services[i % w.services.length];
        const month = `${YEAR}-${String((i % 12) + 1).padStart(2, '0')}`;
        const level = pick(rand());
        const rating: RatingRecord & { id: string; version: number } = {
          id: `bench-${i}`, version: 1, source: 'window', visitCode: null,
          windowId: w.id, windowName: w.name, serviceId: service.id, serviceName: service.name,
          departmentId: w.departmentId, departmentName: w.departmentName, month, level, tags: [], comment: '',
          commentStatus: 'none', commentReason: null, anonymous: false, raterOpenid: `bench-resident-${i % 50_000}`,
          contactName: '', contactPhone: '', createdAt: `${month}-15T02:00:00.000Z`, excluded: false,
        };
        insert.run(rating.id, JSON.stringify(rating));
        for (const [scope, key] of tallyKeysOf(rating)) {
          const id = tallyId(scope, key, month);
          const t = tallies.get(id) ?? { scope, key, month, ...emptyTally() };
          tallies.set(id, { ...t, ...applyDelta(t, { level: { level, by: 1 } }) });
        }
      }
    })();
    process.stdout.write(`\rstored ${Math.min(COUNT, done + BATCH).toLocaleString()} ratings`);
  }
  const upsert = db.prepare(`INSERT INTO "${TALLIES}" (id, version, doc) VALUES (?, 1, ?) ON CONFLICT(id) DO UPDATE SET version = version + 1, doc = excluded.doc`);
  db.transaction(() => {
    for (const [id, t] of tallies) upsert.run(id, JSON.stringify({ ...t, id, version: 1 }));
  })();
  db.close();
  console.log(`\nloaded in ${((performance.now() - started) / 1000).toFixed(1)} s (${tallies.size} tally records)`);

  // The write path over the full store: a rating, its visit, its tallies and its event in one transaction.
  const window = DEMO_WINDOWS[2];
  const submits = await time(200, async () => {
    const visit = await call('demo-rater', 'windows', { action: 'issueVisit', data: { windowId: window.id } });
    await call(`bench-writer-${visit.visitCode}`, 'ratings', { action: 'submit', data: { visitCode: visit.visitCode, level: 'satisfied' } });
  });
  console.log(`windows.issueVisit + ratings.submit: ${percentiles(submits)}`);

  const windowMonth = { action: 'stats', data: { windowId: window.id, month: '2026-06' } };
  const bureauYear = { action: 'stats', data: { year: YEAR } };
  await call(null, 'ratings', windowMonth); // warm up
  const wm = await time(200, () => call(null, 'ratings', windowMonth));
  const by = await time(200, () => call(null, 'ratings', bureauYear));
  const rank = await time(100, () => call('demo-rater', 'ratings', { action: 'ranking', data: { month: '2026-06' } }));
  console.log(`ratings.stats window-month:  ${percentiles(wm)}`);
  console.log(`ratings.stats bureau-year:   ${percentiles(by)}`);
  console.log(`ratings.ranking month:       ${percentiles(rank)}`);

  // Exactness and contrast: the same year counted from the ratings themselves.
  const figures = await call(null, 'ratings', bureauYear);
  const raw = new Database(file, { readonly: true });
  const t = performance.now();
  const rows = raw
    .prepare(`SELECT json_extract(doc, '$.level') AS level, COUNT(*) AS n FROM ratings WHERE json_extract(doc, '$.month') LIKE ? AND json_extract(doc, '$.excluded') = 0 GROUP BY level`)
    .all(`${YEAR}-%`) as Array<{ level: RatingLevel; n: number }>;
  const countMs = performance.now() - t;
  raw.close();
  const counted = Object.fromEntries(RATING_LEVELS.map((l) => [l, rows.find((r) => r.level === l)?.n ?? 0]));
  const exact = RATING_LEVELS.every((l) => counted[l] === figures.counts[l]);
  console.log(`bureau-year ${figures.total.toLocaleString()} ratings, satisfaction ${(figures.satisfactionRate * 100).toFixed(2)}%; counting them from the ratings instead takes ${countMs.toFixed(0)} ms; tallies ${exact ? 'EXACT' : 'DIFFER'}: ${JSON.stringify(figures.counts)}`);
  const worst = Math.max(...[wm, by].map((s) => [...s].sort((a, b) => a - b)[Math.floor(0.95 * s.length)]));
  console.log(worst <= 200 && exact ? 'PASS: both stats reads within 200 ms (p95) and exact' : 'FAIL');
  store.close();
  rmSync(dir, { recursive: true, force: true });
  if (!(worst <= 200 && exact)) process.exitCode = 1;
}

void main();
