import { closeLapsedSupplements } from '../requests/close-lapsed-supplements';
import { SCAN_EVERY_MS } from './job-turn';
import type { Job } from './job';

/** Art. 30: requests whose supplement period ran out close as withdrawn (requests/close-lapsed-supplements.ts). */
export const closeLapsedSupplementsJob: Job = {
  name: 'close-lapsed-supplements',
  everyMs: SCAN_EVERY_MS,
  async run({ store, now, log }) {
    const closed = await closeLapsedSupplements(store, now(), log);
    // Each closure wrote an outbox row for the applicant: the dispatcher has work.
    return { moreWork: closed > 0, counts: { closed } };
  },
};
