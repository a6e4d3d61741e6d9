// Stores a year of requests (default 100,000) in the local cloud's SQLite store and prints how long
// `reports.annual` takes to compute that year's report through the real function (access check,
// zod, handler, paged reads of the compact per-request records, the tables, the checks); goal ≤ 1 s.
// Each call runs on a store opened for it, so no cached read answers it. Also where the time goes:
// reading the year from the compact records and from the whole requests, the counting alone, and
// the whole report computed from the whole requests (which must give the same tables).
// Usage: npm run bench:report [-- COUNT]
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
import { findFunction } from '../cloudfunctions/registry';
import { seedDemoData } from '../server/seed';
import { REPLY_CATEGORIES, REPLY_CATEGORY_INFO } from '../shared/requests/reply-categories';
import { ORG_KINDS } from '../shared/requests/request-schema';
import { tallyFacts, tallyRequests, type ReportedRequest } from '../shared/reports/requests-table';
import { requestFactsOf } from '../shared/reports/request-facts';
import type { RequestRecord } from '../shared/requests/request-record';
import { computeFresh, loadReportRecord } from '../cloudfunctions/reports/annual-report';
import { readRequestFacts } from '../cloudfunctions/reports/report-sources';

const COUNT = Number(process.argv[2] ?? 100_000);
const YEAR = 2025;
const NOW = new Date('2026-01-10T02:00:00Z');

const dir = mkdtempSync(join(tmpdir(), 'sg-bench-report-'));
const file = join(dir, 'bench.sqlite');
const store = new SqliteStore(file, COLLECTIONS);

async function call(store: SqliteStore, search: SqliteNoticeSearch, openid: string, fn: string, event: unknown) {
  const caller = await identifyCaller(openid, store);
  const result = await invoke(findFunction(fn)!, event, { caller, store, now: () => NOW, log: silentLogger, platform: 'local', search });
  if (!result.ok) throw new Error(`${fn}: ${result.code} ${result.message}`);
  return result.data as any;
}

const day = (n: number) => new Date(Date.UTC(YEAR, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** The day request `i` is received: the year's requests spread over its days. */
const receivedDay = (i: number) => (i * 7) % 365;

/**
 * A request as stored, with the texts a real one carries (the report reads only a few fields of it).
 * `id` is its place in the order of arrival: a real store's ids are time-prefixed (new-id.ts) and its
 * rows written as requests arrive, so id order and the table's own order are both arrival order.
 */
function record(i: number, id: string) {
  const received = day(receivedDay(i));
  const category = REPLY_CATEGORIES[i % REPLY_CATEGORIES.length];
  const open = i % 23 === 0;
  const on = day(Math.min(((i * 7) % 365) + 15, 380));
  const applicant = i % 3 === 0 ? { type: 'organization', orgKind: ORG_KINDS[i % ORG_KINDS.length], name: '某某有限公司', creditCode: '91350100M000100Y43', phone: '13900001111' } : { type: 'person', name: '陈晓明', idType: 'residentId', idNumber: '330106199003071236', phone: '13812345678' };
  const closes = REPLY_CATEGORY_INFO[category].group === 'other';
  return {
    id, version: 3, trackingNumber: `依申〔${YEAR}〕${String(i).padStart(6, '0')}号`,
    status: open ? 'registered' : closes ? 'closed' : 'replied', channel: 'online', applicant,
    information: { description: '请公开本小区 2025 年度老旧小区改造项目的招标文件和中标结果，以及施工单位的资质证明材料。'.repeat(3), title: '老旧小区改造项目招标文件' },
    purpose: null, form: 'electronic', delivery: 'inApp', submittedAt: `${received}T01:00:00.000Z`, receivedOn: received,
    extension: null, supplement: null, consultations: [],
    reply: open || closes ? null : { category, group: REPLY_CATEGORY_INFO[category].group, categoryLabel: '', replyType: REPLY_CATEGORY_INFO[category].replyType, text: '经查，现予以答复。'.repeat(20), attachments: [], legalBasis: REPLY_CATEGORY_INFO[category].legalBasis, remedies: '如对本答复不服……'.repeat(5), on, at: `${on}T02:00:00.000Z` },
    ending: !open && closes ? { category, reason: '逾期', on } : null,
    history: [{ at: `${received}T01:00:00.000Z`, kind: 'submitted', actor: 'applicant', actorOpenid: 'r', actorName: null, detail: null }],
    ownerOpenid: `bench-resident-${i % 5000}`, enteredBy: null, updatedAt: `${on}T02:00:00.000Z`,
    dueOn: open ? day(((i * 7) % 365) + 28) : null, dueProvisional: false, dueSort: open ? day(((i * 7) % 365) + 28) : '9999-12-31', open,
  };
}

/** One timed call on a store opened just for it, so no read the previous call cached answers it (a cold function instance). */
async function timed<R>(work: (store: SqliteStore, search: SqliteNoticeSearch) => Promise<R>): Promise<{ ms: number; cpuMs: number; result: R }> {
  const fresh = new SqliteStore(file, COLLECTIONS);
  const cpu = process.cpuUsage();
  const t = performance.now();
  const result = await work(fresh, new SqliteNoticeSearch(fresh));
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  fresh.close?.();
  return { ms, cpuMs: (used.user + used.system) / 1000, result };
}

const show = (runs: Array<{ ms: number; cpuMs: number }>) => runs.map((r) => `${Math.round(r.ms)} ms (cpu ${Math.round(r.cpuMs)})`).join(', ');

async function main() {
  await seedDemoData(store, new Date('2025-01-02T02:00:00Z'));
  store.collection('requests');
  store.collection('requestFacts');
  const started = performance.now();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insert = db.prepare('INSERT INTO requests (id, version, doc) VALUES (?, ?, ?)');
  // The compact record every change to a request writes beside it (derived-records.ts), as the change road would have.
  const insertFacts = db.prepare('INSERT INTO requestFacts (id, version, doc) VALUES (?, 1, ?)');
  const records: ReportedRequest[] = [];
  db.transaction(() => {
    // Stored in the order they arrive (by received day), as the product writes them.
    const arrival = Array.from({ length: COUNT }, (_, i) => i).sort((a, b) => receivedDay(a) - receivedDay(b) || a - b);
    for (const [place, i] of arrival.entries()) {
      const r = record(i, `bench-${String(place).padStart(6, '0')}`);
      records.push(r as unknown as ReportedRequest);
      insert.run(r.id, r.version, JSON.stringify(r));
      insertFacts.run(r.id, JSON.stringify({ ...requestFactsOf(r as unknown as RequestRecord), id: r.id, version: 1 }));
    }
  })();
  db.close();
  console.log(`stored ${COUNT.toLocaleString()} requests in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const probes: string[] = [];
  for (const source of ['facts', 'records'] as const) {
    const read = await timed((s) => readRequestFacts(s, { receivedBy: `${YEAR}-12-31`, concludedFrom: `${YEAR}-01-01` }, source));
    const t = performance.now();
    tallyFacts(read.result.facts, YEAR);
    probes.push(`${source}: read ${Math.round(read.ms)} ms (cpu ${Math.round(read.cpuMs)}), tally ${Math.round(performance.now() - t)} ms`);
  }
  console.log(`reading a year's requests: ${probes.join('; ')}`);

  const fast: Array<{ ms: number; cpuMs: number }> = [];
  let report: any;
  for (let run = 0; run < 3; run++) {
    const r = await timed((s, search) => call(s, search, 'demo-admin', 'reports', { action: 'annual', data: { year: YEAR } }));
    fast.push(r);
    report = r.result;
  }
  const rows = report.requests.rows;
  console.log(`reports.annual ${YEAR}: ${show(fast)} (goal ≤ 1000 ms)`);
  console.log(`  新收 ${rows.received.total}, 上年结转 ${rows.carriedIn.total}, 办结 ${rows.concluded.total}, 结转下年度 ${rows.carriedOut.total}; failing checks: ${report.checks.filter((c: any) => !c.ok).map((c: any) => c.code).join(', ') || 'none'}`);

  // The same report from the whole request records (the road a store without the compact records takes), for comparison.
  const slow = await timed(async (s) => computeFresh(s, await loadReportRecord(s, YEAR), NOW, 'records'));
  const same = JSON.stringify(slow.result.requests) === JSON.stringify(report.requests);
  console.log(`the same year from the whole request records: ${show([slow])}; same tables: ${same ? 'yes' : 'NO'}`);

  const t = performance.now();
  tallyRequests(records, YEAR);
  console.log(`counting alone (in memory): ${Math.round(performance.now() - t)} ms`);
  store.close?.();
  if (process.env.BENCH_KEEP) console.log(`kept ${file}`);
  else rmSync(dir, { recursive: true, force: true });
  if (!same) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
