import './zod-messages';
import { directoryContract, sessionContract } from './session-contract';
import { calendarContract } from '../calendar/calendar-contract';
import { noticesContract } from '../notices/notices-contract';
import { deliveriesContract, inboxContract, subscriptionsContract } from '../notifications/notifications-contract';
import { ratingsContract, windowsContract } from '../ratings/ratings-contract';
import { letterTemplatesContract } from '../requests/letter-templates-contract';
import { requestsContract } from '../requests/requests-contract';
import { staffContract } from '../staff/staff-contract';
import { auditContract } from '../audit/audit-contract';
import { inquiriesContract } from '../inquiries/inquiries-contract';
import { faqContract } from '../inquiries/faq-contract';
import { guideContract } from '../inquiries/guide-contract';
import { meContract } from '../privacy/me-contract';
import { retentionContract } from '../privacy/retention-contract';
import { reviewsContract } from '../reviews/reviews-contract';
import { workbenchContract } from '../workbench/workbench-contract';
import { reportsContract } from '../reports/reports-contract';
import { filesContract } from '../files/files-contract';

export type { Whoami } from './session-contract';

/**
 * The contract between the app and the cloud: every function, every action,
 * gathered from the features' own contract modules. The app's typed client,
 * the cloud functions' router, the local cloud and the tests all read this one
 * object; nothing restates a shape by hand. Shapes shared by every feature
 * (pages, ids, cursors) are in common.ts.
 */
export const contract = {
  session: sessionContract,
  directory: directoryContract,
  notices: noticesContract,
  requests: requestsContract,
  calendar: calendarContract,
  letterTemplates: letterTemplatesContract,
  subscriptions: subscriptionsContract,
  inbox: inboxContract,
  deliveries: deliveriesContract,
  windows: windowsContract,
  ratings: ratingsContract,
  staff: staffContract,
  audit: auditContract,
  inquiries: inquiriesContract,
  faq: faqContract,
  guide: guideContract,
  me: meContract,
  retention: retentionContract,
  reports: reportsContract,
  reviews: reviewsContract,
  workbench: workbenchContract,
  files: filesContract,
} as const;

export type Contract = typeof contract;
export type FunctionName = keyof Contract;
export type ActionName<F extends FunctionName> = keyof Contract[F] & string;
