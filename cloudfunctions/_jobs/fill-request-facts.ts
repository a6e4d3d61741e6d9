import { fillMissingRequestFacts } from '../_runtime/derived-records';
import type { Job, JobResult } from './job';

/** Requests a step may fill: each is one small transaction, well inside a timer function's time. */
const PER_STEP = 200;

/**
 * The annual report's per-request records (requestFacts) for requests that have none: a store from
 * before they existed, or restored from such a backup. The local cloud fills them at start; on
 * CloudBase nothing starts, so this job does it, a batch per step until none is missing (two counts
 * an hour after that). The report is right meanwhile, only slower (report-sources.ts).
 */
export const fillRequestFactsJob: Job = {
  name: 'fill-request-facts',
  everyMs: 60 * 60 * 1000,
  async run({ store }): Promise<JobResult> {
    const { written, more } = await fillMissingRequestFacts(store, PER_STEP);
    return { moreWork: more, counts: { requestFactsWritten: written } };
  },
};
