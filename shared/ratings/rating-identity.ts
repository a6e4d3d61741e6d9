import { beijingToday } from '../time/beijing-time';

/**
 * "One visit, one rating" as keys the store enforces. A rating's public id is
 * random and says nothing of who rated or what; the key it claims (in the
 * server-side `uniqueKeys` collection, inserted in the same transaction as the
 * rating) is what makes a second rating fail, so two taps racing each other
 * cannot both count:
 *
 * - by visit code: one rating per code;
 * - 一事一评: the handling of one disclosure request, rated once by its applicant;
 * - by bare window QR: one rating per resident per window per Beijing day.
 *
 * The keys name the request and a hash of the rater, so they never leave the
 * server: no action returns them.
 */
export function ratingKeyForVisit(visitCode: string): string {
  return `rating:visit:${visitCode}`;
}

export function ratingKeyForRequest(requestId: string): string {
  return `rating:request:${requestId}`;
}

/** `raterKey`: a one-way hash of the rater's OPENID, made by the caller (the domain has no crypto). */
export function ratingKeyForWindowDay(windowId: string, raterKey: string, now: Date): string {
  return `rating:window:${windowId}:${raterKey}:${beijingToday(now).replace(/-/g, '')}`;
}

/** Request handling counts bureau-wide as a service of its own. */
export const REQUEST_HANDLING_SERVICE = 'request-handling';
export const REQUEST_HANDLING_SERVICE_NAME = '依申请公开办理';

/** The Beijing calendar month a rating counts in: "2026-11". */
export function ratingMonth(at: Date): string {
  return beijingToday(at).slice(0, 7);
}
