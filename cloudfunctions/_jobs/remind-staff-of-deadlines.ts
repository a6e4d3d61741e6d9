import { remindStaffOfDeadlines } from '../_notifications/remind-staff-of-deadlines';
import { requestDeadlines } from '../_notifications/request-deadlines';
import { followUpDeadlines, rectificationDeadlines } from '../ratings/follow-up-deadlines';
import { caseDeadlines } from '../inquiries/case-deadlines';
import { faqReviewDeadlines } from '../faq/faq-review-deadlines';
import { SCAN_EVERY_MS } from './job-turn';
import type { Job } from './job';

/**
 * Staff hear in 消息 of deadlines nearly due or passed, from each source of
 * deadlines: disclosure requests' answers, 差评 follow-ups and their 限期整改 dates, inquiries' answers and the FAQ's yearly review.
 */
export const DEADLINE_SOURCES = [requestDeadlines, followUpDeadlines, rectificationDeadlines, caseDeadlines, faqReviewDeadlines];

export const remindStaffOfDeadlinesJob: Job = {
  name: 'remind-staff-of-deadlines',
  everyMs: SCAN_EVERY_MS,
  async run({ store, now }) {
    const reminded = await remindStaffOfDeadlines(store, now(), DEADLINE_SOURCES);
    return { moreWork: reminded > 0, counts: { reminded } };
  },
};
