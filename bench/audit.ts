// Stores COUNT audit entries (操作记录: 40 clerks, 60 actions, 2 years) in the local cloud's SQLite store
// and prints, for each search the admin audit page makes (everything; by person; by record; by action;
// by dates; a person within dates), SQLite's query plan and the latency of `audit.search` through the
// real function (invoke: access check, zod, handler, store), first page and the tenth (cursor).
// Usage: npm run bench:audit [-- COUNT]
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
import { findFunction } from '../cloudfunctions/registry';
import type { AuditRecord } from '../shared/audit/audit-record';

const COUNT = Number(process.argv[2] ?? 500_000);
const NOW = new Date('2026-12-20T02:00:00Z');
const CLERKS = 40;
const ACTIONS = ['requests.manageGet', 'requests.reply', 'requests.register', 'notices.save', 'ratings.respond', 'inquiries.answer'];

const dir = mkdtempSync(join(tmpdir(), 'sg-bench-audit-'));
const file = join(dir, 'bench.sqlite');
const store = new SqliteStore(file, COLLECTIONS);

async function call(event: { action: string; data: unknown }) {
  const caller = await identifyCaller('bench-admin', store);
  const result = await invoke(findFunction('audit')!, event, { caller, store, now: () => NOW, log: silentLogger, platform: 'local' } as never);
  if (!result.ok) throw new Error(`audit.${event.action}: ${result.code} ${result.message}`);
  return result.data as { items: unknown[]; nextCursor: string | null };
}

async function main() {
  await store.collection('staff').insert({ id: 'bench-admin', name: '基准管理员', roles: ['admin'], departmentIds: [], departmentId: null, active: true });
  // The clerks are on the staff list, so a search by OPENID filters on `actor`, by name on `actorName`.
  for (let clerk = 0; clerk < CLERKS; clerk++) {
    await store.collection('staff').insert({ id: `clerk-${clerk}`, name: `办理人员${clerk}`, roles: ['handler'], departmentIds: ['office'], departmentId: 'office', active: true });
  }
  await store.collection('audit').count();
  const started = performance.now();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insert = db.prepare('INSERT INTO audit (id, version, doc) VALUES (?, 1, ?)');
  const span = 2 * 365 * 24 * 3600 * 1000;
  const start = NOW.getTime() - span;
  const BATCH = 50_000;
  for (let done = 0; done < COUNT; done += BATCH) {
    db.transaction(() => {
      for (let i = done; i < Math.min(COUNT, done + BATCH); i++) {
        const clerk = i % CLERKS;
        const entry: AuditRecord & { id: string; version: number } = {
          id: `a${String(i).padStart(9, '0')}`, version: 1,
          at: new Date(start + Math.floor((i / COUNT) * span)).toISOString(),
          actor: `clerk-${clerk}`, actorName: `办理人员${clerk}`,
          action: ACTIONS[(i * 7) % ACTIONS.length], kind: 'write',
          recordId: `rec-${i % 20_000}`, recordIds: [`rec-${i % 20_000}`], fields: ['text'],
        };
        insert.run(entry.id, JSON.stringify(entry));
      }
    })();
    process.stdout.write(`\rstored ${Math.min(COUNT, done + BATCH).toLocaleString()} audit entries`);
  }
  console.log(`\nloaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  db.close();

  const searches: Array<[string, Record<string, string>]> = [
    ['everything', {}],
    ['by person (OPENID)', { actor: 'clerk-7' }],
    ['by person (recorded name)', { actor: '办理人员7' }],
    ['by record', { recordId: 'rec-123' }],
    ['by action', { action: 'requests.reply' }],
    ['by dates (one month)', { from: '2026-06-01', to: '2026-06-30' }],
    ['a person within one month', { actor: 'clerk-7', from: '2026-06-01', to: '2026-06-30' }],
  ];
  for (const [label, filters] of searches) {
    const firstMs: number[] = [];
    const tenthMs: number[] = [];
    for (let run = 0; run < 5; run++) {
      // A write to the trail, as every staff write makes: the store forgets its remembered reads, so each run reads SQLite.
      await store.collection('audit').insert({ at: '2000-01-01T00:00:00.000Z', actor: 'bench', actorName: 'bench', action: 'bench.run', kind: 'write', recordId: null, recordIds: [], fields: [] });
      let t = performance.now();
      let page = await call({ action: 'search', data: filters });
      firstMs.push(performance.now() - t);
      t = performance.now();
      let pages = 0;
      for (; pages < 9 && page.nextCursor; pages++) page = await call({ action: 'search', data: { ...filters, cursor: page.nextCursor } });
      if (pages) tenthMs.push((performance.now() - t) / pages);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)].toFixed(2);
    console.log(`${label}: first page ${median(firstMs)} ms${tenthMs.length ? `, each next page ${median(tenthMs)} ms` : ' (one page)'}`);
  }
  // The plans themselves (the same queries: the store's SQL with the filters as parameters).
  const plan = new Database(file, { readonly: true });
  const explain = (where: string) =>
    (plan.prepare(`EXPLAIN QUERY PLAN SELECT doc FROM audit ${where} ORDER BY json_extract(doc, '$.at') DESC, id DESC LIMIT 21`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' · ');
  console.log(`plan, by person: ${explain(`WHERE json_extract(doc, '$.actor') = 'clerk-7'`)}`);
  console.log(`plan, by person within dates: ${explain(`WHERE json_extract(doc, '$.actor') = 'clerk-7' AND json_extract(doc, '$.at') >= '2026-06-01' AND json_extract(doc, '$.at') < '2026-07-01'`)}`);
  plan.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
