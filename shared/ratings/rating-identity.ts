import { beijingToday } from '../time/beijing-time';

/**
 * Record ids that make "one visit, one rating" a property of the store: a
 * second insert with the same id fails inside the transaction, so two taps
 * racing each other cannot both count.
 *
 * - by visit code: one rating per code;
 * - by bare window QR: one rating per resident per window per Beijing day.
 */
export function ratingIdForVisit(visitCode: string): string {
  return `v-${visitCode}`;
}

/** 一事一评: the handling of one disclosure request, rated once by its applicant. */
export function ratingIdForRequest(requestId: string): string {
  return `r-${requestId}`;
}

/** Request handling counts bureau-wide as a service of its own. */
export const REQUEST_HANDLING_SERVICE = 'request-handling';
export const REQUEST_HANDLING_SERVICE_NAME = '依申请公开办理';

export function ratingIdForWindowDay(windowId: string, raterKey: string, now: Date): string {
  return `w-${windowId}-${raterKey}-${beijingToday(now).replace(/-/g, '')}`;
}

/** The Beijing calendar month a rating counts in: "2026-11". */
export function ratingMonth(at: Date): string {
  return beijingToday(at).slice(0, 7);
}
