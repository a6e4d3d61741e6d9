// `npm run bench:requests`: the disclosure-request workload through the local cloud on 127.0.0.1.
// Stores 100,000 requests (BENCH_ROWS), starts the local cloud as its own process, then with
// autocannon at 50 clients (BENCH_CLIENTS) for BENCH_SECONDS each measures, in one run:
// notices.list (the baseline), requests.queue as the clerk, and requests.submit throughput.
// Goal: the queue's p99 within 2× the list's.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { COLLECTIONS } from '../cloudfunctions/_runtime/collections';
import { SqliteStore } from '../cloudfunctions/_runtime/store/sqlite-store';
import { builtinArrangement } from '../shared/calendar/builtin-arrangements';
import { addDays } from '../shared/calendar/dates';
import { buildCalendar } from '../shared/calendar/working-calendar';
import { newRequest, transition } from '../shared/requests/request-machine';
import { formatTrackingNumber, type RequestRecord } from '../shared/requests/request-record';
import { SubmitSchema } from '../shared/requests/request-schema';
import { beijingToday } from '../shared/time/beijing-time';
import { seedDemoData } from '../server/seed';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 18_766);
const BASE = `http://127.0.0.1:${PORT}`;

const application = (i: number) =>
  SubmitSchema.parse({
    idempotencyKey: `bench-${i.toString(36).padStart(8, '0')}`,
    applicant: { type: 'person', name: `申请人${i}`, idType: 'residentId', idNumber: '330106199003071236', phone: '13812345678' },
    information: { description: `请公开第 ${i} 号小区老旧小区改造项目的招标文件、中标结果及资金拨付情况。`.repeat(3), title: `第 ${i} 号小区改造项目招标文件` },
    form: 'electronic',
    delivery: 'inApp',
  });

async function fill(dataDir: string): Promise<void> {
  const store = new SqliteStore(join(dataDir, 'sunshine.sqlite'), COLLECTIONS);
  const now = new Date();
  await seedDemoData(store, now);
  const calendar = buildCalendar([], builtinArrangement);
  const today = beijingToday(now);
  const clerk = { role: 'staff' as const, openid: 'demo-clerk', name: '李华' };
  const started = Date.now();
  const year = Number(today.slice(0, 4));
  const counter = (await store.collection('counters').get(`requests-${year}`))?.value ?? 0;
  const BATCH = 5_000;
  for (let from = 0; from < ROWS; from += BATCH) {
    await store.transaction(async (tx) => {
      for (let i = from; i < Math.min(ROWS, from + BATCH); i += 1) {
        // Paper requests received over the last 60 days: a third answered at once, and every one
        // received more than 25 days ago answered too, as a bureau keeping its deadlines would. (With
        // 30,000 overdue requests the staff reminder scan, not the queue, is what the figures show.)
        const receivedOn = addDays(today, -(i % 60));
        const { record } = newRequest(application(i), { channel: 'letter', receivedOn, enteredBy: clerk }, formatTrackingNumber(year - 1, i + 1), now, calendar);
        let stored = record as RequestRecord;
        if (i % 3 === 0 || i % 60 > 25) {
          const result = transition({ ...stored, id: `bench-${i}`, version: 1 }, { type: 'reply', actor: clerk, category: 'disclosed', text: '予以公开。', attachments: [], government: '云溪区人民政府' }, now, calendar);
          stored = { ...stored, ...result.request };
        }
        await tx.collection('requests').insert(stored);
      }
    });
  }
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
    env: { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, H5_DIR: join(dataDir, 'no-h5'), RATE_LIMITS: 'off' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      try {
        if ((await fetch(`${BASE}/healthz`)).ok) return resolve(child);
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline) return reject(new Error('local cloud did not start'));
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
    const submit = () => JSON.stringify({ action: 'submit', data: { ...application(ROWS + ++n), idempotencyKey: `bench-submit-${n}` } });
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
