import type { Store } from '../cloudfunctions/_runtime/store/port';
import type { DispatcherStatus, JobStatus } from './local-dispatcher';

/**
 * What `GET /healthz` answers: whether the local cloud is doing its background work, for a monitor
 * (or a person) to see at a glance. `status` is `ok`, or `degraded` with the reasons in `problems`
 * (HTTP 503 then, so a plain uptime check notices): a job whose last run threw, a runner that has not
 * stepped for two minutes, or a notification waiting in the outbox for more than ten.
 */
export interface Health {
  status: 'ok' | 'degraded';
  problems: string[];
  checkedAt: string;
  /** Null when this server runs no job runner (tests that drive the jobs themselves). */
  runner: { lastStepAt: string | null } | null;
  jobs: JobStatus[];
  outbox: { pending: number; oldestPendingAt: string | null };
  /** WeChat sends waiting for their turn, and sends cut off mid-way (never resent; see 通知送达情况). */
  deliveries: { pending: number; sending: number };
}

const STALE_RUNNER_MS = 2 * 60_000;
const STALE_OUTBOX_MS = 10 * 60_000;

export async function healthOf(store: Store, runner: DispatcherStatus | null, now: Date, startedAt: Date): Promise<Health> {
  const oldest = await store.collection('outbox').find({ where: { status: 'pending' }, orderBy: [['createdAt', 'asc']], limit: 1, fields: ['createdAt'] });
  const outbox = { pending: await store.collection('outbox').count({ status: 'pending' }), oldestPendingAt: oldest.items[0]?.createdAt ?? null };
  const deliveries = { pending: await store.collection('deliveries').count({ status: 'pending' }), sending: await store.collection('deliveries').count({ status: 'sending' }) };
  const problems: string[] = [];
  if (runner) {
    for (const job of runner.jobs) if (job.lastRunOk === false) problems.push(`job ${job.name} failed at ${job.lastFailureAt}: ${job.lastError}`);
    const lastStep = runner.lastStepAt ? new Date(runner.lastStepAt) : startedAt;
    if (now.getTime() - lastStep.getTime() > STALE_RUNNER_MS) problems.push(`the job runner has not run since ${lastStep.toISOString()}`);
  }
  if (outbox.oldestPendingAt && now.getTime() - new Date(outbox.oldestPendingAt).getTime() > STALE_OUTBOX_MS) {
    problems.push(`a notification has waited in the outbox since ${outbox.oldestPendingAt}`);
  }
  return {
    status: problems.length ? 'degraded' : 'ok',
    problems,
    checkedAt: now.toISOString(),
    runner: runner ? { lastStepAt: runner.lastStepAt } : null,
    jobs: runner?.jobs ?? [],
    outbox,
    deliveries,
  };
}
