// `npm run bench:load`: the local cloud under a realistic mix at rising concurrency, on 127.0.0.1 only,
// with the load goals of the reliability work checked in the same run.
//
// 1. Loads the demo data, LOAD_NOTICES published notices (~2,000 characters each) and LOAD_REQUESTS
//    paper requests (bench/bench-data.ts) into a fresh data folder; starts the local cloud
//    (`server/main.ts`, abuse limits on as in production; LOAD_LIMITS=off turns them off) and the floor
//    server (bench/floor-server.mjs: bare node:http + better-sqlite3, the list's query, nothing else)
//    as child processes; signs in LOAD_RESIDENTS residents and the clerk 李华 (also an answerer).
// 2. Waits for background work to settle (every job run once, the outbox drained) before each step,
//    so a fan-out is not charged to the step beside it. Steps, each LOAD_SECONDS, from closed-loop
//    clients (bench/load-driver.ts):
//    - the notice list alone at 200 clients against the floor, then against the local cloud;
//    - the list alone, then the clerk's queue alone, at 50 clients, two rounds;
//    - the read part of the mix alone at 200 clients (the read-only baseline);
//    - the mix (bench/load-mix.ts) at 50, 100, 200 and 400 clients: 85 % reads, 10 % resident
//      writes, 5 % staff work.
// 3. Prints throughput, the local cloud's CPU time per call, p50/p99 per action kind and per group,
//    and errors, per step; then the goals:
//    at 200 clients 0 errors, write p99 ≤ 1 s, read p99 ≤ 2× the read-only p99; the queue's p99
//    ≤ 2× the list's; the list ≥ 1.0× the floor's throughput with p99 ≤ 1.0× the floor's.
// BENCH_PROFILE=1 writes a CPU profile of the local cloud to bench/profiles.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { COLLECTIONS } from '../cloudfunctions/_runtime/collections';
import { SqliteStore } from '../cloudfunctions/_runtime/store/sqlite-store';
import { seedDemoData } from '../server/seed';
import { fillNotices, fillRequests } from './bench-data';
import { drive, type Kind, type StepFigures } from './load-driver';
import { listOnly, mixOf, prepare, queueOnly, reads } from './load-mix';

const NOTICES = Number(process.env.LOAD_NOTICES ?? 20_000);
const REQUESTS = Number(process.env.LOAD_REQUESTS ?? 30_000);
const RESIDENTS = Number(process.env.LOAD_RESIDENTS ?? 2_000);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const STEPS = (process.env.LOAD_STEPS ?? '50,100,200,400').split(',').map(Number);
const LIMITS = process.env.LOAD_LIMITS !== 'off';
const PORT = 18_790;
const FLOOR_PORT = 18_791;

function start(args: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.on('data', (chunk: Buffer) => {
      if (ready.test(chunk.toString())) done(child);
    });
    child.on('exit', (code) => fail(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

/** user + system CPU time of a process so far, in ms (Linux /proc; fields 14 and 15, in ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Waits until background work has run out: every job of the registry has run at least once since the
 * start (the staff reminders for thousands of requests due soon come from the first run) and the
 * messages they and the last step's calls made are delivered. Measuring meanwhile would charge that
 * fan-out to whichever step happened to run beside it.
 */
async function settled(): Promise<number> {
  const started = Date.now();
  for (;;) {
    const health = (await (await fetch(`http://127.0.0.1:${PORT}/healthz`)).json()) as {
      data: { jobs: Array<{ lastRunAt: string | null }>; outbox: { pending: number }; deliveries: { pending: number } };
    };
    const { jobs, outbox, deliveries } = health.data;
    if (jobs.every((j) => j.lastRunAt) && outbox.pending === 0 && deliveries.pending === 0) return (Date.now() - started) / 1000;
    if (Date.now() - started > 300_000) throw new Error('background work did not settle in 5 minutes');
    await new Promise((r) => setTimeout(r, 500));
  }
}

function print(label: string, step: StepFigures & { cpuMsPerCall: number }): void {
  console.log(`\n${label}: ${step.clients} clients, ${step.rps.toFixed(0)} req/s, ${step.cpuMsPerCall.toFixed(2)} ms CPU a call, ${step.errors} errors`);
  console.log('  action                  calls    p50 ms    p99 ms  errors');
  for (const k of step.kinds) {
    if (k.count === 0) continue;
    console.log(`  ${k.name.padEnd(22)} ${String(k.count).padStart(6)}  ${k.p50.toFixed(1).padStart(8)}  ${k.p99.toFixed(1).padStart(8)}  ${String(k.errors).padStart(6)}${k.samples.length ? `  (${k.samples.join('; ')})` : ''}`);
  }
  for (const [g, f] of Object.entries(step.groups)) {
    if (f.count) console.log(`  = ${g.padEnd(20)} ${String(f.count).padStart(6)}  ${f.p50.toFixed(1).padStart(8)}  ${f.p99.toFixed(1).padStart(8)}  ${String(f.errors).padStart(6)}`);
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-load-'));
  const children: ChildProcess[] = [];
  try {
    const store = new SqliteStore(join(dataDir, 'sunshine.sqlite'), COLLECTIONS);
    const started = Date.now();
    await seedDemoData(store, new Date());
    await fillNotices(store, NOTICES);
    await fillRequests(store, REQUESTS, new Date());
    store.close();
    console.log(`loaded the demo data, ${NOTICES.toLocaleString()} notices and ${REQUESTS.toLocaleString()} requests in ${((Date.now() - started) / 1000).toFixed(0)} s`);

    const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', resolve('bench/profiles')] : [];
    children.push(await start([...profile, '--import', 'tsx', 'server/main.ts'], { PORT: String(PORT), DATA_DIR: dataDir, H5_DIR: join(dataDir, 'no-h5'), RATE_LIMITS: LIMITS ? 'on' : 'off', DEMO_YEAR: 'off' }, /local cloud/));
    children.push(await start([resolve('bench/floor-server.mjs'), String(FLOOR_PORT), join(dataDir, 'sunshine.sqlite')], {}, /floor server/));
    console.log(`background work after the load (staff reminders and their messages) done in ${(await settled()).toFixed(0)} s`);
    const world = await prepare(`http://127.0.0.1:${PORT}`, { notices: NOTICES, requests: REQUESTS, residents: RESIDENTS });
    console.log(`${RESIDENTS} residents signed in; abuse limits ${LIMITS ? 'on' : 'off'}; ${SECONDS} s a step on 127.0.0.1`);
    const pids = { local: children[0].pid!, floor: children[1].pid! };
    /** Drives a step and adds the serving process's CPU time per answered call: steadier than req/s on a shared machine. */
    const step = async (port: number, kinds: Kind[], clients: number) => {
      const pid = port === PORT ? pids.local : pids.floor;
      await settled();
      const before = cpuMsOf(pid);
      const figures = await drive(port, kinds, clients, SECONDS);
      return { ...figures, cpuMsPerCall: (cpuMsOf(pid) - before) / Math.max(1, figures.kinds.reduce((s, k) => s + k.count, 0)) };
    };

    const mix = mixOf(world);
    await drive(PORT, mix, 50, Math.min(5, SECONDS)); // warm-up: code paths compiled, caches filled

    const floor = await step(FLOOR_PORT, listOnly, 200);
    print('floor server, notice list', floor);
    const list = await step(PORT, listOnly, 200);
    print('local cloud, notice list', list);

    const queueRatios: number[] = [];
    for (let round = 1; round <= 2; round++) {
      const l = await step(PORT, listOnly, 50);
      const q = await step(PORT, queueOnly(world), 50);
      print(`round ${round}, notice list`, l);
      print(`round ${round}, staff queue`, q);
      queueRatios.push(q.kinds[0].p99 / Math.max(l.kinds[0].p99, 0.1));
    }

    const readOnly = await step(PORT, reads(world), 200);
    print('read-only mix', readOnly);
    const steps = new Map<number, StepFigures & { cpuMsPerCall: number }>();
    for (const clients of STEPS) {
      const figures = await step(PORT, mix, clients);
      steps.set(clients, figures);
      print('mix', figures);
    }

    console.log(`\nmachine load average (1 min) at the end: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
    const at200 = steps.get(200);
    const listP99 = list.kinds[0].p99;
    const floorP99 = Math.max(floor.kinds[0].p99, 0.1);
    const goals: Array<[string, boolean, string]> = [
      [`list throughput ${(list.rps / floor.rps).toFixed(2)}× the floor's`, list.rps >= floor.rps, '≥ 1.0×'],
      [`list p99 ${(listP99 / floorP99).toFixed(2)}× the floor's (${listP99} vs ${floor.kinds[0].p99} ms)`, listP99 <= floorP99, '≤ 1.0×'],
      [`queue p99 ${queueRatios.map((r) => r.toFixed(2)).join(', ')}× the list's (rounds 1, 2)`, queueRatios.every((r) => r <= 2), '≤ 2×'],
    ];
    if (at200) {
      goals.push(
        [`errors at 200 clients: ${at200.errors}`, at200.errors === 0, '0'],
        [`write p99 at 200 clients: ${at200.groups.write.p99} ms`, at200.groups.write.p99 <= 1000, '≤ 1,000 ms'],
        [
          `read p99 at 200 clients ${(at200.groups.read.p99 / Math.max(readOnly.groups.read.p99, 0.1)).toFixed(2)}× the read-only p99 (${at200.groups.read.p99} vs ${readOnly.groups.read.p99} ms)`,
          at200.groups.read.p99 <= 2 * readOnly.groups.read.p99,
          '≤ 2×',
        ],
      );
    }
    console.log('');
    for (const [what, met, goal] of goals) console.log(`${met ? 'met    ' : 'NOT MET'}  ${what} (goal ${goal})`);
  } finally {
    for (const child of children) child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
