import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { JOBS } from '../../cloudfunctions/_jobs/registry';
import { startLocalCloud, type LocalCloud } from '../../server/local-cloud';
import { startLocalDispatcher } from '../../server/local-dispatcher';
import type { Store } from '../../cloudfunctions/_runtime/store/port';

/** /healthz: the jobs' last run and the outbox backlog; degraded (503) when background work is failing or stuck. */
let dataDir: string;
let cloud: LocalCloud;
let base: string;

async function start(options: { dispatchIntervalMs: number | false }): Promise<void> {
  cloud = await startLocalCloud({ dataDir, log: silentLogger, ...options });
  await new Promise<void>((resolve) => cloud.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(cloud.server.address() as AddressInfo).port}`;
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sg-healthz-'));
});

afterEach(async () => {
  await cloud.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const health = async () => {
  const res = await fetch(`${base}/healthz`);
  return { status: res.status, body: (await res.json()) as { ok: boolean; data: any } };
};

test('a running local cloud says when each job last ran and how much waits in the outbox', async () => {
  await start({ dispatchIntervalMs: 20 });
  // The every-step job has run once the runner has stepped (throttled ones may wait for their turn).
  const deliveriesRan = (a: { body: { data: any } }) => a.body.data.jobs.find((job: { name: string }) => job.name === 'deliveries')?.lastRunAt;
  // The demo data's due-date reminders land in the outbox on the first step, after deliveries ran,
  // so wait until a later step has sent them (the test's own timeout fails an outbox that never drains).
  const drained = (a: { body: { data: any } }) => deliveriesRan(a) && a.body.data.outbox.pending === 0;
  let answer = await health();
  while (!drained(answer)) answer = await health();
  expect(answer.status).toBe(200);
  expect(answer.body.data).toMatchObject({ status: 'ok', problems: [], outbox: { pending: 0, oldestPendingAt: null }, deliveries: { pending: 0, sending: 0 } });
  expect(answer.body.data.jobs.map((job: { name: string }) => job.name)).toEqual(JOBS.map((job) => job.name));
  expect(answer.body.data.jobs.find((job: { name: string }) => job.name === 'deliveries')).toMatchObject({ lastRunOk: true, lastFailureAt: null, lastError: null });
  expect(answer.body.data.runner.lastStepAt).toEqual(expect.any(String));
});

test('a notification stuck in the outbox for more than ten minutes makes it degraded (503)', async () => {
  await start({ dispatchIntervalMs: false });
  const long = new Date(Date.now() - 11 * 60_000).toISOString();
  await cloud.store.collection('outbox').insert({
    cause: 'requestReplied',
    subjectId: 'r-1',
    audience: { type: 'person', openid: 'resident-a' },
    purpose: null,
    message: { title: '答复', body: '已答复', link: { kind: 'request', id: 'r-1' }, page: 'pages/index/index', values: {} },
    status: 'pending',
    progress: { topicIndex: 0, lastId: null, recipients: 0 },
    createdAt: long,
    updatedAt: long,
  } as never);
  const answer = await health();
  expect(answer.status).toBe(503);
  expect(answer.body.data).toMatchObject({ status: 'degraded', runner: null, outbox: { pending: 1, oldestPendingAt: long } });
  expect(answer.body.data.problems).toEqual([`a notification has waited in the outbox since ${long}`]);
});

test('the runner records a job that throws, and keeps running the others', async () => {
  cloud = { close: async () => undefined } as LocalCloud;
  // A database that has gone away: every job that touches it throws.
  const gone = () => {
    throw new Error('simulated crash: the database is gone');
  };
  const broken = { collection: gone, transaction: async () => gone() } as unknown as Store;
  const runner = startLocalDispatcher(broken, () => new Date(), silentLogger, 10);
  while (!runner.status().jobs.find((job) => job.name === 'deliveries')?.lastRunAt) await new Promise((r) => setTimeout(r, 10));
  await runner.stop();
  const deliveries = runner.status().jobs.find((job) => job.name === 'deliveries');
  expect(deliveries).toMatchObject({ lastRunOk: false, lastFailureAt: expect.any(String), lastError: expect.stringContaining('simulated crash') });
  // The job after it still ran in the same step.
  expect(runner.status().jobs.find((job) => job.name === 'publish-due-notices')).toMatchObject({ lastRunAt: deliveries!.lastRunAt, lastRunOk: false });
});
