import { remindStaffOfDeadlines } from '../_notifications/remind-staff-of-deadlines';
import { SCAN_EVERY_MS } from './job-turn';
import type { Job } from './job';

/**
 * Staff hear in 消息 of deadlines nearly due or passed: disclosure requests'
 * answers and 差评 follow-ups (the sources are listed in
 * _notifications/remind-staff-of-deadlines.ts).
 */
export const remindStaffOfDeadlinesJob: Job = {
  name: 'remind-staff-of-deadlines',
  everyMs: SCAN_EVERY_MS,
  async run({ store, now }) {
    const reminded = await remindStaffOfDeadlines(store, now());
    return { moreWork: reminded > 0, counts: { reminded } };
  },
};
