import { feePaymentDeadlines } from '../_notifications/request-deadlines';
import { remindStaffOfDeadlines } from '../_notifications/remind-staff-of-deadlines';
import { closeUnpaidFees } from '../requests/close-unpaid-fees';
import { SCAN_EVERY_MS } from './job-turn';
import type { Job } from './job';

/**
 * Art. 42: a fee notice's 20 working days to pay. The clerk hears when the last day to pay is near and
 * when it has passed unpaid (reminders first, while the request still awaits payment); then requests
 * whose notice went unpaid past the last day and the entry grace close as other.noFee
 * (requests/close-unpaid-fees.ts).
 */
export const closeUnpaidFeesJob: Job = {
  name: 'close-unpaid-fees',
  everyMs: SCAN_EVERY_MS,
  async run({ store, now, log }) {
    const reminded = await remindStaffOfDeadlines(store, now(), [feePaymentDeadlines]);
    const closed = await closeUnpaidFees(store, now(), log);
    // Each reminder and each closure wrote an outbox row: the dispatcher has work.
    return { moreWork: reminded + closed > 0, counts: { reminded, closed } };
  },
};
