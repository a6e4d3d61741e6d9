import type { Logger } from '../cloudfunctions/_runtime/handler-context';
import type { Store } from '../cloudfunctions/_runtime/store/port';
import { chooseSender } from '../cloudfunctions/_notifications/choose-sender';
import { runJobsOnce } from '../cloudfunctions/_jobs/run-jobs';

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
}

export function startLocalDispatcher(store: Store, now: () => Date, log: Logger, intervalMs: number): LocalDispatcher {
  const sender = chooseSender({ platform: 'local', store, now });
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = step();
    }, delay);
  };

  async function step(): Promise<void> {
    let more = false;
    try {
      more = (await runJobsOnce({ store, sender, now, log })).moreWork;
    } catch (error) {
      log.error('dispatcher step failed', { error: String(error) });
    }
    schedule(more ? 0 : intervalMs);
  }

  schedule(intervalMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
