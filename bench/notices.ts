// `npm run bench:notices`: notices.list and notices.search in the local cloud against the bare floor
// server (bench/floor-server.mjs: node:http + better-sqlite3 over the same database file, the same
// page query, nothing else), in one run, at 200 connections, on 127.0.0.1.
//
// 1. Loads 100,000 published notices with bodies of about 2,000 characters (sentences drawn from a
//    bureau's vocabulary, so words match subsets as in real records) into a fresh data folder.
// 2. Starts the local cloud (`server/main.ts`) and the floor server as child processes, so the load
//    generator does not share their event loop. BENCH_PROFILE=1 runs the local cloud with --cpu-prof.
// 3. Drives each with autocannon and prints throughput, p50/p99 latency and errors, then the goals:
//    list ≥ 0.67× the floor's throughput, list p99 ≤ 1.5× the floor's, search p99 ≤ 3× list p99, 0 errors.
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
import { SqliteNoticeSearch } from '../cloudfunctions/_runtime/store/sqlite-search';
import { newNotice, publishNotice } from '../shared/notices/notice-lifecycle';
import type { Notice, NoticeContent } from '../shared/notices/notice-schema';
import { NOTICE_KINDS } from '../shared/notices/notice-kinds';
import { seedDemoData } from '../server/seed';
import { DEMO_DEPARTMENTS } from '../server/demo-data';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const FLOOR = resolve('bench/floor-server.mjs');
const LOCAL_PORT = 18_980;
const FLOOR_PORT = 18_999;
const SEARCHES = ['加装电梯', '物业服务', '保障性租赁住房', '云建发', '消防', '公示', '燃气管道改造', '施工许可'];

const SENTENCES = [
  '为进一步推进政务公开工作，现将有关事项公告如下。', '根据《中华人民共和国政府信息公开条例》的规定，结合本区实际，制定本办法。',
  '既有住宅加装电梯应当经本单元业主依法表决同意。', '物业服务企业应当按照合同约定提供服务，不得擅自提高收费标准。',
  '保障性租赁住房项目认定结果予以公示，公示期为七日。', '建筑施工企业应当落实安全生产主体责任，加强施工现场管理。',
  '老旧小区改造优先解决供排水、供电、燃气管网老化等问题。', '申请人对公示内容有异议的，可在公示期内实名反映。',
  '消防通道是生命通道，任何单位和个人不得占用、堵塞。', '燃气管道改造工程将分批实施，请居民配合入户安全检查。',
  '住房公积金缴存职工可按规定申请提取用于支付房租。', '建设单位应当在开工前依法申领建筑工程施工许可证。',
  '商品房预售资金应当全部存入监管账户，专款专用。', '农民工工资支付保障制度应当在项目开工前落实到位。',
  '本通知自发布之日起施行，此前规定与本通知不一致的，以本通知为准。', '各街道、各有关单位要高度重视，确保各项工作落到实处。',
  '公共租赁住房实行轮候制度，按照申请顺序配租。', '房屋租赁合同订立后三十日内应当办理登记备案。',
  '城市更新项目应当坚持留改拆并举，保护历史文化风貌。', '冬季施工期间应当采取防冻、防滑等安全措施。',
  '电动自行车集中充电设施应当与住宅楼保持安全距离。', '住宅专项维修资金的使用应当经业主依法表决。',
  '本区将开展住宅小区消防安全专项整治行动。', '对检查中发现的问题，责令限期整改，逾期未改的依法处理。',
];

async function load(dataDir: string): Promise<void> {
  const store = new SqliteStore(join(dataDir, 'sunshine.sqlite'), COLLECTIONS);
  const now = new Date();
  await seedDemoData(store, now);
  // The search index exists before the load, so its triggers index every row as it is written.
  await new SqliteNoticeSearch(store).search({ terms: ['预热'], order: 'newest', limit: 1 });
  const names = new Map(DEMO_DEPARTMENTS.map((d) => [d.id, d.name]));
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const started = Date.now();
  const BATCH = 2_000;
  for (let done = 0; done < ROWS; done += BATCH) {
    await store.transaction(async (tx) => {
      for (let i = done; i < Math.min(ROWS, done + BATCH); i++) {
        let body = '';
        while (body.length < 2_000) body += SENTENCES[Math.floor(random() * SENTENCES.length)];
        const department = DEMO_DEPARTMENTS[i % DEMO_DEPARTMENTS.length];
        const kind = NOTICE_KINDS[i % 5]; // the five reading kinds; guides need their nine items
        const content = {
          kind: kind === 'policy' || kind === 'consultation' || kind === 'publicity' ? 'announcement' : kind,
          title: `关于第${i}号事项的${['公告', '通知', '通报', '公示', '说明'][i % 5]}`,
          summary: '为进一步推进政务公开工作，现将有关事项公示如下。',
          body,
          departmentId: department.id,
          attachments: [],
        } as NoticeContent;
        const at = new Date(Date.parse('2016-01-01T00:00:00Z') + i * 3_000_000);
        const draft = { ...newNotice(content, names.get(department.id) ?? '', 'bench', at), id: `bench-${i}`, version: 1 } as Notice;
        await tx.collection('notices').insert({ ...draft, ...publishNotice(draft, 'bench', at) } as Notice);
      }
    });
    if ((done / BATCH) % 10 === 0) process.stdout.write(`\rloaded ${done + BATCH} notices in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
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
    children.push(await start(process.execPath, [...profile, '--import', 'tsx', 'server/main.ts'], { PORT: String(LOCAL_PORT), DATA_DIR: dataDir, H5_DIR: join(dataDir, 'no-h5'), RATE_LIMITS: 'off' }, /local cloud/));
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
      [`list throughput ${(list.rps / floor.rps).toFixed(2)}× the floor's`, list.rps / floor.rps >= 0.67, '≥ 0.67×'],
      [`list p99 ${(list.p99 / Math.max(floor.p99, 1)).toFixed(2)}× the floor's`, list.p99 <= 1.5 * Math.max(floor.p99, 1), '≤ 1.5×'],
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
