import { consultationDeadlines } from '../_notifications/request-deadlines';
import { remindStaffOfDeadlines } from '../_notifications/remind-staff-of-deadlines';
import { endLapsedConsultations } from '../requests/end-lapsed-consultations';
import { SCAN_EVERY_MS } from './job-turn';
import type { Job } from './job';

/**
 * Consultations' 15 working days (条例 Arts. 32, 34): the clerk hears when one
 * is nearly up and when it has run out (reminders first, while the request is
 * still 征求意见中), then agency consultations that ran out unanswered are
 * ended by the system, silence being consent (requests/end-lapsed-consultations.ts).
 */
export const consultationPeriodsJob: Job = {
  name: 'consultation-periods',
  everyMs: SCAN_EVERY_MS,
  async run({ store, now, log }) {
    const reminded = await remindStaffOfDeadlines(store, now(), [consultationDeadlines]);
    const ended = await endLapsedConsultations(store, now(), log);
    return { moreWork: reminded > 0, counts: { reminded, ended } };
  },
};
