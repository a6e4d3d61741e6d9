import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Job, JobDeps } from '../../cloudfunctions/_jobs/job';
import { JOBS } from '../../cloudfunctions/_jobs/registry';
import { runJobsOnce, turnMark } from '../../cloudfunctions/_jobs/run-jobs';
import { recordingSender } from '../../cloudfunctions/_notifications/recording-sender';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import type { WxOpenApi } from '../../cloudfunctions/_runtime/wx-open-api';
import { runTimerDispatch } from '../../cloudfunctions/deliveries/dispatch-timer';
import { startLocalDispatcher } from '../../server/local-dispatcher';
import { createCloudHarness, type CloudHarness } from '../support/cloud-harness';

/** Every periodic job is one file in cloudfunctions/_jobs, listed once in the registry, and both runners run that list. */
const JOBS_DIR = join(__dirname, '../../cloudfunctions/_jobs');
/** The folder's machinery, not jobs. */
const MACHINERY = ['job.ts', 'job-turn.ts', 'registry.ts', 'run-jobs.ts'];

const isJob = (value: unknown): value is Job =>
  typeof value === 'object' && value !== null && typeof (value as Job).name === 'string' && typeof (value as Job).run === 'function';

test('the registry lists every job file of the folder, once each, in the order a step runs them', () => {
  const files = readdirSync(JOBS_DIR).filter((f) => f.endsWith('.ts') && !MACHINERY.includes(f));
  const defined: Job[] = [];
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jobs = Object.values(require(join(JOBS_DIR, file))).filter(isJob);
    expect({ file, jobs: jobs.length }).toEqual({ file, jobs: 1 });
    defined.push(...jobs);
  }
  expect(new Set(JOBS)).toEqual(new Set(defined));
  expect(JOBS.map((j) => j.name)).toEqual(['deliveries', 'close-lapsed-supplements', 'close-unpaid-fees', 'consultation-periods', 'remind-staff-of-deadlines', 'remind-waiting-applications', 'publish-due-notices', 'apply-retention', 'remove-unattached-uploads', 'fill-request-facts']);
  expect(new Set(JOBS.map((j) => j.name)).size).toBe(JOBS.length);
  // The scans are throttled by their job; deliveries and scheduled notices are due to the minute.
  expect(Object.fromEntries(JOBS.map((j) => [j.name, j.everyMs ?? null]))).toEqual({
    deliveries: null,
    'close-lapsed-supplements': 10 * 60 * 1000,
    'close-unpaid-fees': 10 * 60 * 1000,
    'consultation-periods': 10 * 60 * 1000,
    'remind-staff-of-deadlines': 10 * 60 * 1000,
    'remind-waiting-applications': 10 * 60 * 1000,
    'publish-due-notices': null,
    // Retention periods are days and years long.
    'apply-retention': 60 * 60 * 1000,
    // A day's grace for a picked upload is counted in hours.
    'remove-unattached-uploads': 60 * 60 * 1000,
    // Only a store from before the report's per-request records has anything to fill.
    'fill-request-facts': 60 * 60 * 1000,
  });
});

describe('both runners run the registry', () => {
  let cloud: CloudHarness;
  let ran: string[];
  beforeEach(async () => {
    cloud = await createCloudHarness();
    ran = [];
    for (const job of JOBS) {
      const run = job.run.bind(job);
      jest.spyOn(job, 'run').mockImplementation((deps: JobDeps) => {
        ran.push(job.name);
        return run(deps);
      });
    }
  });
  afterEach(() => {
    jest.restoreAllMocks();
    cloud.close();
  });

  test('the CloudBase timer runs every job of the list, in order', async () => {
    const wxOpenApi: WxOpenApi = { call: async () => ({ errcode: 0, errmsg: 'ok' }) };
    const result = await runTimerDispatch({ store: cloud.store, wxOpenApi, now: () => cloud.clock.now, log: silentLogger }, 5000);
    expect(result.data.moreWork).toBe(false);
    expect(ran.slice(0, JOBS.length)).toEqual(JOBS.map((j) => j.name));
  });

  test("the local cloud's interval runs every job of the list, in order", async () => {
    const dispatcher = startLocalDispatcher(cloud.store, () => cloud.clock.now, silentLogger, 1);
    try {
      for (let i = 0; i < 500 && ran.length < JOBS.length; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      await dispatcher.stop();
    }
    expect(ran.slice(0, JOBS.length)).toEqual(JOBS.map((j) => j.name));
  });
});

describe('a job runs when its turn comes', () => {
  let cloud: CloudHarness;
  beforeEach(async () => {
    cloud = await createCloudHarness({ seed: false });
  });
  afterEach(() => cloud.close());

  const probe = (runs: Date[], everyMs?: number, fails = false): Job => ({
    name: 'probe',
    everyMs,
    async run({ now }) {
      runs.push(now());
      if (fails) throw new Error('probe failed');
      return { moreWork: false, counts: { probed: 1 } };
    },
  });
  const deps = (): JobDeps => ({ store: cloud.store, sender: recordingSender(cloud.store, () => cloud.clock.now), now: () => cloud.clock.now, log: silentLogger });

  test('a throttled job runs at most once per `everyMs`, across runners, and its turn is remembered in meta', async () => {
    const runs: Date[] = [];
    const jobs = [probe(runs, 1000)];
    const start = cloud.clock.now;
    const [a, b] = await Promise.all([runJobsOnce(deps(), jobs), runJobsOnce(deps(), jobs)]);
    expect([a.counts.probed ?? 0, b.counts.probed ?? 0].sort()).toEqual([0, 1]);
    expect((await cloud.store.collection('meta').get(turnMark({ name: 'probe' })))?.at).toBe(start.toISOString());
    cloud.clock.now = new Date(start.getTime() + 999);
    expect((await runJobsOnce(deps(), jobs)).counts).toEqual({});
    cloud.clock.now = new Date(start.getTime() + 1000);
    expect((await runJobsOnce(deps(), jobs)).counts).toEqual({ probed: 1 });
    expect(runs).toEqual([start, cloud.clock.now]);
  });

  test('an unthrottled job runs at every step; a job that throws is logged and the next still runs', async () => {
    const failed: string[] = [];
    const log = { ...silentLogger, error: (_message: string, fields?: Record<string, unknown>) => void failed.push(String(fields?.job)) };
    const runs: Date[] = [];
    const jobs = [{ ...probe([], undefined, true), name: 'broken' }, probe(runs)];
    await runJobsOnce({ ...deps(), log }, jobs);
    await runJobsOnce({ ...deps(), log }, jobs);
    expect(runs).toHaveLength(2);
    expect(failed).toEqual(['broken', 'broken']);
  });
});
