import { remindOfWaitingApplications } from '../requests/registration-reminders';
import { SCAN_EVERY_MS } from './job-turn';
import type { Job } from './job';

/**
 * Online applications nobody has registered after the bureau's number of
 * working days (default 1; 条例 Art. 31(3)): the handlers hear in 消息, once
 * per application (requests/registration-reminders.ts).
 */
export const remindWaitingApplicationsJob: Job = {
  name: 'remind-waiting-applications',
  everyMs: SCAN_EVERY_MS,
  async run({ store, now }) {
    const reminded = await remindOfWaitingApplications(store, now());
    return { moreWork: reminded > 0, counts: { reminded } };
  },
};
