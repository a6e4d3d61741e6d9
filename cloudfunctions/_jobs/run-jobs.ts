import type { Job, JobDeps } from './job';
import { takeTurn } from './job-turn';

/** One step's (or one run's) outcome: whether work is left, and every job's counts added up by name. */
export interface JobsRun {
  moreWork: boolean;
  counts: Record<string, number>;
  /** Each job that ran in this step (a throttled job whose turn had not come did not), and whether it threw. */
  ran?: Array<{ name: string; error: string | null }>;
}

/**
 * One step of the runner, the same on both platforms: every job of the list
 * it is given (the runners give registry.ts's JOBS; the list is not imported
 * here, so the deliveries function can start without loading every job) in order, each whose turn has come (`everyMs`). A job that throws is logged
 * and the others still run. Answers whether work is left, so the caller can
 * go again at once instead of waiting for the next tick.
 */
export async function runJobsOnce(deps: JobDeps, jobs: readonly Job[]): Promise<JobsRun> {
  const total: JobsRun = { moreWork: false, counts: {}, ran: [] };
  for (const job of jobs) {
    try {
      const result = await runJob(job, deps);
      if (!result) continue;
      total.ran!.push({ name: job.name, error: null });
      if (result.moreWork) total.moreWork = true;
      addCounts(total.counts, result.counts);
    } catch (error) {
      total.ran!.push({ name: job.name, error: String(error) });
      deps.log.error('job failed', { job: job.name, error: String(error) });
    }
  }
  return total;
}

/** Runs steps until no work is left or `budgetMs` has passed (a CloudBase timer run, a test draining the outbox). */
export async function runJobsUntilIdle(deps: JobDeps, budgetMs: number, jobs: readonly Job[]): Promise<JobsRun> {
  const started = Date.now();
  const total: JobsRun = { moreWork: true, counts: {} };
  while (total.moreWork && Date.now() - started < budgetMs) {
    const step = await runJobsOnce(deps, jobs);
    addCounts(total.counts, step.counts);
    total.moreWork = step.moreWork;
  }
  return total;
}

/** A throttled job runs only when it takes its turn, and then sees the instant of its turn as "now". */
async function runJob(job: Job, deps: JobDeps) {
  if (job.everyMs === undefined) return job.run(deps);
  const at = deps.now();
  if (!(await takeTurn(deps.store, at, turnMark(job), job.everyMs))) return null;
  return job.run({ ...deps, now: () => at });
}

/** The `meta` record holding when `job` last took its turn. */
export function turnMark(job: Pick<Job, 'name'>): string {
  return `job-turn-${job.name}`;
}

function addCounts(into: Record<string, number>, counts: Record<string, number>): void {
  for (const [name, n] of Object.entries(counts)) into[name] = (into[name] ?? 0) + n;
}
