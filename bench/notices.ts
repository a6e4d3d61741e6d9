// `npm run bench:notices`: notices.list and notices.search in the local cloud against the bare floor
// server (bench/floor-server.mjs: node:http + better-sqlite3 over the same database file, the same
// page query, nothing else), in one run, at 200 connections, on 127.0.0.1.
//
// 1. Loads 100,000 published notices with bodies of about 2,000 characters (sentences drawn from a
//    bureau's vocabulary, so words match subsets as in real records) into a fresh data folder.
// 2. Starts the local cloud (`server/main.ts`) and the floor server as child processes, so the load
//    generator does not share their event loop. BENCH_PROFILE=1 runs the local cloud with --cpu-prof.
// 3. Drives each with autocannon and prints throughput, p50/p99 latency and errors, then the goals:
//    list ≥ 1.0× the floor's throughput and p99 ≤ 1.0× the floor's (the read cache should beat a
//    server that has none), search p99 ≤ 3× list p99, 0 errors.
// Settings: BENCH_ROWS (100000), BENCH_SECONDS (10), BENCH_CONNECTIONS (200),
// BENCH_DATA (a folder kept between runs: loaded once, reused after; the load takes minutes).
// Beside req/s each server's CPU time per answered request is printed (from /proc): on a machine
// other work shares, throughput swings with the neighbours, CPU per request much less.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { COLLECTIONS } from '../cloudfunctions/_runtime/collections';
import { SqliteStore } from '../cloudfunctions/_runtime/store/sqlite-store';
import { seedDemoData } from '../server/seed';
import { fillNotices, SEARCHES } from './bench-data';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const FLOOR = resolve('bench/floor-server.mjs');
const LOCAL_PORT = 18_980;
const FLOOR_PORT = 18_999;
async function load(dataDir: string): Promise<void> {
  const store = new SqliteStore(join(dataDir, 'sunshine.sqlite'), COLLECTIONS);
  await seedDemoData(store, new Date());
  const started = Date.now();
  await fillNotices(store, ROWS, (done) => process.stdout.write(`\rloaded ${done} notices in ${((Date.now() - started) / 1000).toFixed(0)} s`));
  console.log(`\rloaded ${ROWS} notices (about 2,000 characters each) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  store.close();
}

function start(command: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.on('data', (chunk: Buffer) => {
      if (ready.test(chunk.toString())) done(child);
    });
    child.on('exit', (code) => fail(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

interface Figures { label: string; rps: number; p50: number; p99: number; errors: number; cpuMsPerRequest: number }

/** user + system CPU time of a process so far, in ms (Linux /proc; fields 14 and 15 are in clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function drive(label: string, port: number, bodies: string[], pid: number): Promise<Figures> {
  let n = 0;
  const cpuBefore = cpuMsOf(pid);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/notices`,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: bodies[n++ % bodies.length] }) }],
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  const cpuMsPerRequest = (cpuMsOf(pid) - cpuBefore) / Math.max(result.requests.total, 1);
  const figures = { label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors, cpuMsPerRequest };
  console.log(
    `${label.padEnd(22)} ${figures.rps.toFixed(0).padStart(7)} req/s   p50 ${String(figures.p50).padStart(5)} ms   p99 ${String(figures.p99).padStart(5)} ms   ` +
      `CPU ${cpuMsPerRequest.toFixed(2)} ms/request   errors ${errors}`,
  );
  return figures;
}

async function main(): Promise<void> {
  const kept = process.env.BENCH_DATA ? resolve(process.env.BENCH_DATA) : null;
  const dataDir = kept ?? mkdtempSync(join(tmpdir(), 'sg-bench-'));
  const children: ChildProcess[] = [];
  try {
    if (kept) mkdirSync(kept, { recursive: true });
    if (!kept || !existsSync(join(kept, 'sunshine.sqlite'))) await load(dataDir);
    else console.log(`reusing the notices loaded in ${kept}`);
    const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', resolve('bench/profiles')] : [];
    children.push(await start(process.execPath, [...profile, '--import', 'tsx', 'server/main.ts'], { PORT: String(LOCAL_PORT), DATA_DIR: dataDir, H5_DIR: join(dataDir, 'no-h5'), RATE_LIMITS: 'off', DEMO_YEAR: 'off' }, /local cloud/));
    children.push(await start(process.execPath, [FLOOR, String(FLOOR_PORT), join(dataDir, 'sunshine.sqlite')], {}, /floor server/));

    console.log(`\n${CONNECTIONS} connections, ${SECONDS} s each, ${ROWS} notices`);
    const [local, bare] = children.map((c) => c.pid!);
    const listBody = [JSON.stringify({ action: 'list', data: { kind: 'announcement', limit: 20 } })];
    const floor = await drive('floor list', FLOOR_PORT, listBody, bare);
    const list = await drive('local cloud list', LOCAL_PORT, listBody, local);
    const search = await drive('local cloud search', LOCAL_PORT, SEARCHES.map((q) => JSON.stringify({ action: 'search', data: { q, limit: 20 } })), local);
    // The eight searches above repeat, so after the first round the store's read cache answers them
    // (as it would a bureau's popular searches). Every search here is new: what a cold one costs.
    const cold = Array.from({ length: 50_000 }, (_, i) => JSON.stringify({ action: 'search', data: { q: `第${(i * 7919) % ROWS}号 ${SEARCHES[i % SEARCHES.length]}`, limit: 20 } }));
    await drive('  (cold searches)', LOCAL_PORT, cold, local);
    console.log(`CPU per list request: ${(list.cpuMsPerRequest / Math.max(floor.cpuMsPerRequest, 0.001)).toFixed(2)}× the floor's`);

    const goals = [
      [`list throughput ${(list.rps / floor.rps).toFixed(2)}× the floor's`, list.rps >= floor.rps, '≥ 1.0×'],
      [`list p99 ${(list.p99 / Math.max(floor.p99, 1)).toFixed(2)}× the floor's`, list.p99 <= Math.max(floor.p99, 1), '≤ 1.0×'],
      [`search p99 ${(search.p99 / Math.max(list.p99, 1)).toFixed(2)}× list p99`, search.p99 <= 3 * Math.max(list.p99, 1), '≤ 3×'],
      [`errors ${floor.errors + list.errors + search.errors}`, floor.errors + list.errors + search.errors === 0, '0'],
    ] as const;
    console.log('');
    for (const [what, met, goal] of goals) console.log(`${met ? 'met    ' : 'NOT MET'}  ${what} (goal ${goal})`);
  } finally {
    for (const child of children) child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 500));
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
