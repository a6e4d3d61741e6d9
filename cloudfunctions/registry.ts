import type { FunctionName } from '../shared/api/contract';
import type { CloudFunction } from './_runtime/define-function';
import { directoryFunction } from './directory/directory-function';
import { noticesFunction } from './notices/notices-function';
import { sessionFunction } from './session/session-function';

// requests, calendar
import { requestsFunction } from './requests/requests-function';
import { calendarFunction } from './calendar/calendar-function';
import { letterTemplatesFunction } from './letterTemplates/letter-templates-function';

// subscriptions, inbox, deliveries
import { subscriptionsFunction } from './subscriptions/subscriptions-function';
import { inboxFunction } from './inbox/inbox-function';
import { deliveriesFunction } from './deliveries/deliveries-function';

// windows, ratings
import { ratingsFunction } from './ratings/ratings-function';
import { windowsFunction } from './windows/windows-function';

// staff administration
import { staffFunction } from './staff/staff-function';
import { auditFunction } from './audit/audit-function';

// inquiries, complaints, FAQ, the disclosure guide
import { inquiriesFunction } from './inquiries/inquiries-function';
import { faqFunction } from './faq/faq-function';
import { guideFunction } from './guide/guide-function';
// residents' own data
import { meFunction } from './me/me-function';
import { retentionFunction } from './retention/retention-function';
// annual report, statistics
import { reviewsFunction } from './reviews/reviews-function';
import { reportsFunction } from './reports/reports-function';
// 我的待办
import { workbenchFunction } from './workbench/workbench-function';
// uploaded attachments
import { filesFunction } from './files/files-function';


/** Every cloud function, by name: what the local cloud hosts and what gets bundled for CloudBase. */
export const FUNCTIONS: { [F in FunctionName]: CloudFunction<F> } = {
  session: sessionFunction,
  directory: directoryFunction,
  notices: noticesFunction,

  // requests, calendar
  requests: requestsFunction,
  calendar: calendarFunction,
  letterTemplates: letterTemplatesFunction,

  // subscriptions, inbox, deliveries
  subscriptions: subscriptionsFunction,
  inbox: inboxFunction,
  deliveries: deliveriesFunction,

  // windows, ratings
  windows: windowsFunction,
  ratings: ratingsFunction,

  // staff administration
  staff: staffFunction,
  audit: auditFunction,

  // inquiries, complaints, FAQ, the disclosure guide
  inquiries: inquiriesFunction,
  faq: faqFunction,
  guide: guideFunction,
  // residents' own data
  me: meFunction,
  retention: retentionFunction,
  // annual report, statistics
  reports: reportsFunction,
  // 公开审查
  reviews: reviewsFunction,
  // 我的待办
  workbench: workbenchFunction,
  // uploaded attachments
  files: filesFunction,

};

/**
 * Functions reached through CloudBase's HTTP access (HTTP 访问服务) instead of `callFunction`: no action,
 * no caller, an HTTP reply. They are bundled and deployed like the others but never go through `invoke`,
 * so they have no contract: `feeds` serves the open feeds (cloudfunctions/feeds/feeds-http.ts).
 */
export const HTTP_FUNCTIONS = ['feeds'] as const;

export function findFunction(name: string): CloudFunction | null {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? (FUNCTIONS[name as FunctionName] as CloudFunction) : null;
}
