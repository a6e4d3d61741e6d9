// `npm run bench:requests`: the disclosure-request workload through the local cloud on 127.0.0.1.
// Stores 100,000 requests (BENCH_ROWS; bench/bench-data.ts: paper requests in the clerk's own
// department, so all of them are in her queue), starts the local cloud as its own process, then with
// autocannon at 50 clients (BENCH_CLIENTS) for BENCH_SECONDS each measures, in one run:
// notices.list (the baseline), requests.queue as the clerk, and requests.submit throughput. Before the
// reads, BENCH_WAITING (30) residents submit online, so the queue's first page carries its head of
// applications waiting for registration.
// Goal: the queue's p99 within 2× the list's. (`npm run bench:load` measures the same in its run.)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { COLLECTIONS } from '../cloudfunctions/_runtime/collections';
import { SqliteStore } from '../cloudfunctions/_runtime/store/sqlite-store';
import { beijingToday } from '../shared/time/beijing-time';
import { seedDemoData } from '../server/seed';
import { benchApplication, fillRequests } from './bench-data';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 18_766);
/** Online applications waiting for registration when the queue is measured: they head its first page, as on a busy morning. */
const WAITING = Number(process.env.BENCH_WAITING ?? 30);
const BASE = `http://127.0.0.1:${PORT}`;

async function fill(dataDir: string): Promise<void> {
  const store = new SqliteStore(join(dataDir, 'sunshine.sqlite'), COLLECTIONS);
  const now = new Date();
  await seedDemoData(store, now);
  const today = beijingToday(now);
  const started = Date.now();
  const year = Number(today.slice(0, 4));
  const counter = (await store.collection('counters').get(`requests-${year}`))?.value ?? 0;
  await fillRequests(store, ROWS, now);
  await store.transaction(async (tx) => {
    const counters = tx.collection('counters');
    const current = await counters.get(`requests-${year}`);
    if (!current) await counters.insert({ id: `requests-${year}`, value: counter });
  });
  store.close();
  console.log(`stored ${ROWS.toLocaleString()} requests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function startServer(dataDir: string): Promise<ChildProcess> {
  // BENCH_PROFILE=1 writes a CPU profile of the local cloud to bench/profiles (as bench:notices does).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', resolve('bench/profiles')] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'server/main.ts'], {
    // No demo report year: the bench reads the queue, and the report's year of requests is not in it.
    env: { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, H5_DIR: join(dataDir, 'no-h5'), RATE_LIMITS: 'off', DEMO_YEAR: 'off' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    // On start the local cloud writes the report records the loaded requests lack (derived-records.ts): minutes on a busy machine.
    const deadline = Date.now() + 600_000;
    const poll = async () => {
      try {
        if ((await fetch(`${BASE}/healthz`)).ok) return resolve(child);
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline || child.exitCode !== null) {
        child.kill('SIGTERM');
        return reject(new Error('local cloud did not start'));
      }
      setTimeout(poll, 250);
    };
    void poll();
  });
}

async function signIn(openid: string): Promise<string> {
  const res = await fetch(`${BASE}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
  return ((await res.json()) as { data: { token: string } }).data.token;
}

interface Figures {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(label: string, path: string, body: () => string, token: string | null): Promise<Figures> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers['x-dev-session'] = token;
  const result = await autocannon({
    url: BASE,
    connections: CLIENTS,
    duration: SECONDS,
    requests: [{ method: 'POST', path, headers, setupRequest: (req) => ({ ...req, body: body() }) }],
  });
  const errors = result.errors + result.non2xx + result.timeouts;
  return { label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-requests-'));
  let server: ChildProcess | null = null;
  try {
    await fill(dataDir);
    server = await startServer(dataDir);
    const clerk = await signIn('demo-clerk');
    const resident = await signIn('bench-resident');
    const list = JSON.stringify({ action: 'list', data: { limit: 20 } });
    const queue = JSON.stringify({ action: 'queue', data: { limit: 20 } });
    // Residents' online applications waiting for registration head the clerk's first page (as in `bench:load`).
    for (let i = 0; i < WAITING; i++) {
      const token = await signIn(`bench-waiting-${i}`);
      const res = await fetch(`${BASE}/api/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dev-session': token },
        body: JSON.stringify({ action: 'submit', data: { ...benchApplication(ROWS + 1_000_000 + i), idempotencyKey: `bench-waiting-${i}` } }),
      });
      if (!res.ok) throw new Error(`waiting application ${i}: ${res.status}`);
    }
    const head = (await (await fetch(`${BASE}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-session': clerk }, body: queue })).text());
    const list1 = await (await fetch(`${BASE}/api/notices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: list })).text();
    console.log(`queue first page ${Buffer.byteLength(head).toLocaleString()} bytes (${WAITING} applications waiting), notice list page ${Buffer.byteLength(list1).toLocaleString()} bytes`);
    // Warm-up, then the two reads back to back, then the writes.
    await load('warm-up', '/api/requests', () => queue, clerk);
    // Two rounds, list and queue back to back in each, so that a neighbour's load on the machine
    // shows as a difference between rounds rather than as a false ratio.
    const figures: Figures[] = [];
    const ratios: number[] = [];
    for (let round = 1; round <= 2; round += 1) {
      const listFig = await load(`notices.list #${round}`, '/api/notices', () => list, null);
      const queueFig = await load(`requests.queue #${round}`, '/api/requests', () => queue, clerk);
      figures.push(listFig, queueFig);
      ratios.push(queueFig.p99 / Math.max(listFig.p99, 1));
    }
    let n = 0;
    const submit = () => JSON.stringify({ action: 'submit', data: { ...benchApplication(ROWS + ++n), idempotencyKey: `bench-submit-${n}` } });
    figures.push(await load('requests.submit', '/api/requests', submit, resident));
    // The rounds above repeat one query that nothing changes, so after the first call the store's read
    // cache answers it. Here residents submit at the same time: every submit changes the requests
    // collection, so the clerk's queue is mostly read from SQLite afresh, as on a busy morning.
    const [busyQueue, busySubmit] = await Promise.all([
      load('queue, with submits', '/api/requests', () => queue, clerk),
      load('submit, with queue', '/api/requests', submit, resident),
    ]);
    figures.push(busyQueue, busySubmit);
    console.log(`\n${ROWS.toLocaleString()} requests stored, ${CLIENTS} clients, ${SECONDS} s each, local cloud on 127.0.0.1`);
    console.log(`machine load average (1 min) at the end: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
    console.log('action               req/s    p50 ms   p99 ms   errors');
    for (const f of figures) {
      console.log(`${f.label.padEnd(19)} ${f.rps.toFixed(0).padStart(6)}   ${String(f.p50).padStart(6)}   ${String(f.p99).padStart(6)}   ${f.errors}`);
    }
    console.log(`queue p99 / list p99 = ${ratios.map((r) => r.toFixed(2)).join(', ')} (rounds 1, 2; goal ≤ 2)`);
  } finally {
    server?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
