import type { WechatSender } from '../_notifications/wechat-sender';
import type { Logger } from '../_runtime/handler-context';
import type { Store } from '../_runtime/store/port';
import type { UploadStorage } from '../_runtime/upload-storage';

/**
 * A periodic job: one file in this folder, listed once in registry.ts, run by
 * both runners (the local cloud's interval, the CloudBase timer) through
 * run-jobs.ts. The job file is thin: it names the job, says how often it may
 * run, and calls the domain code where that code lives.
 */
export interface Job {
  /** Stable: it also names the job's turn record in `meta` (job-turn.ts). */
  name: string;
  /**
   * At most once per this many ms across every runner (a turn taken in `meta`);
   * omitted: at every step of the runner (work that is due to the minute).
   */
  everyMs?: number;
  run(deps: JobDeps): Promise<JobResult>;
}

/** What every job may use; the runner wires it (the sender differs by platform). */
export interface JobDeps {
  store: Store;
  sender: WechatSender;
  now: () => Date;
  log: Logger;
  /** Where uploads' bytes live (the local data folder, CloudBase storage); absent, the upload jobs do nothing. */
  uploads?: UploadStorage;
}

export interface JobResult {
  /** True when the job left work for the next step, so the runner goes again at once. */
  moreWork: boolean;
  /** What it did, by name (`sent`, `closed`, …), for the runner's log and the timer's answer. */
  counts: Record<string, number>;
}
