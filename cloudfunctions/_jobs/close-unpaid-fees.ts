import { closeUnpaidFees } from '../requests/close-unpaid-fees';
import { SCAN_EVERY_MS } from './job-turn';
import type { Job } from './job';

/** Art. 42: requests whose fee notice went unpaid for 20 working days close as other.noFee (requests/close-unpaid-fees.ts). */
export const closeUnpaidFeesJob: Job = {
  name: 'close-unpaid-fees',
  everyMs: SCAN_EVERY_MS,
  async run({ store, now, log }) {
    const closed = await closeUnpaidFees(store, now(), log);
    // Each closure wrote an outbox row for the applicant: the dispatcher has work.
    return { moreWork: closed > 0, counts: { closed } };
  },
};
