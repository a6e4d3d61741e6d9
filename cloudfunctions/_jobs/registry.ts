import { applyRetentionJob } from './apply-retention';
import { closeLapsedSupplementsJob } from './close-lapsed-supplements';
import { closeUnpaidFeesJob } from './close-unpaid-fees';
import { consultationPeriodsJob } from './consultation-periods';
import { deliveriesJob } from './deliveries';
import { fillRequestFactsJob } from './fill-request-facts';
import type { Job } from './job';
import { publishDueNoticesJob } from './publish-due-notices';
import { remindStaffOfDeadlinesJob } from './remind-staff-of-deadlines';
import { remindWaitingApplicationsJob } from './remind-waiting-applications';
import { removeUnattachedUploadsJob } from './remove-unattached-uploads';

/**
 * Every periodic job, in the order one step runs them. Both runners run this
 * list: the local cloud's interval (server/local-dispatcher.ts) and the
 * CloudBase timer (cloudfunctions/deliveries/dispatch-timer.ts). A new job is
 * one file in this folder and one line here.
 *
 * Deliveries come first; what the others write lands in the outbox, and the
 * step answers "more work", so the runner's next step delivers it at once.
 */
export const JOBS: readonly Job[] = [deliveriesJob, closeLapsedSupplementsJob, closeUnpaidFeesJob, consultationPeriodsJob, remindStaffOfDeadlinesJob, remindWaitingApplicationsJob, publishDueNoticesJob, applyRetentionJob, removeUnattachedUploadsJob, fillRequestFactsJob];
