import type { UploadStorage } from '../cloudfunctions/_runtime/upload-storage';
import type { Logger } from '../cloudfunctions/_runtime/handler-context';
import type { Store } from '../cloudfunctions/_runtime/store/port';
import { chooseSender } from '../cloudfunctions/_notifications/choose-sender';
import { runJobsOnce } from '../cloudfunctions/_jobs/run-jobs';
import { JOBS } from '../cloudfunctions/_jobs/registry';

/**
 * The local cloud's runner of the periodic jobs (cloudfunctions/_jobs/registry.ts:
 * the notification dispatcher first), in the server process, one step at a
 * time. While a step finds more work (a bulletin still fanning out) the next
 * step follows at once — after pending HTTP requests get their turn at the
 * database — otherwise it waits `intervalMs`. WeChat cannot be reached from
 * here, so messages go to the recorder.
 */
export interface LocalDispatcher {
  /** Stops scheduling and waits for a running step to finish (so the database can close). */
  stop(): Promise<void>;
  /** A function just enqueued a message: step now (or right after the running step) instead of at the next interval. */
  wake(): void;
  /** What /healthz shows: when the runner last stepped, and each job's last run and last failure. */
  status(): DispatcherStatus;
}

export interface JobStatus {
  name: string;
  /** When it last ran (a throttled job runs only when its turn comes); null: not yet since the start. */
  lastRunAt: string | null;
  /** Whether that run ended without throwing. */
  lastRunOk: boolean | null;
  lastFailureAt: string | null;
  lastError: string | null;
}

export interface DispatcherStatus {
  lastStepAt: string | null;
  jobs: JobStatus[];
}

export function startLocalDispatcher(store: Store, now: () => Date, log: Logger, intervalMs: number, uploads?: UploadStorage): LocalDispatcher {
  const sender = chooseSender({ platform: 'local', store, now });
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let lastStepAt: string | null = null;
  let stepping = false;
  let wokenMeanwhile = false;
  const jobs = new Map<string, JobStatus>(
    JOBS.map((job) => [job.name, { name: job.name, lastRunAt: null, lastRunOk: null, lastFailureAt: null, lastError: null }]),
  );

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = step();
    }, delay);
  };

  async function step(): Promise<void> {
    stepping = true;
    wokenMeanwhile = false;
    let more = false;
    try {
      const run = await runJobsOnce({ store, sender, now, log, uploads }, JOBS);
      more = run.moreWork;
      const at = now().toISOString();
      lastStepAt = at;
      for (const { name, error } of run.ran ?? []) {
        const job = jobs.get(name);
        if (!job) continue;
        Object.assign(job, { lastRunAt: at, lastRunOk: error === null }, error === null ? {} : { lastFailureAt: at, lastError: error });
      }
    } catch (error) {
      log.error('dispatcher step failed', { error: String(error) });
    }
    stepping = false;
    schedule(more || wokenMeanwhile ? 0 : intervalMs);
  }

  schedule(intervalMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    wake() {
      if (stopped) return;
      if (stepping) {
        wokenMeanwhile = true;
        return;
      }
      if (timer) clearTimeout(timer);
      schedule(0);
    },
    status: () => ({ lastStepAt, jobs: [...jobs.values()].map((job) => ({ ...job })) }),
  };
}
