import type { Caller } from '../staff/roles';
import { departmentsToList, type RequestScope } from '../requests/department-scope';

/**
 * Which windows and 差评 follow-ups a rating officer may see and act on
 * ("谁办理、谁负责", domain.md §4: the unit that served answers for it). A
 * window belongs to one department, and a rating and its follow-up to the
 * window's (or, for a request's handling, the request's) department. The rule:
 *
 * - an admin sees every one (they decide appeals for the whole bureau);
 * - an officer with departments on their staff record sees those
 *   departments' windows and follow-ups only: the rater's name and phone,
 *   shown unmasked on a follow-up for the call back, stay within the unit;
 * - an officer with no department is the bureau's own 好差评 desk (a
 *   政务服务 office that answers for every window) and sees all. This differs
 *   from handlers on purpose: a handler with no department sees no request,
 *   but many bureaus run 好差评 from one central desk, and a 差评 must never
 *   fall between units (回访率 100%).
 *
 * Outside the scope a follow-up or window is answered exactly like one that
 * does not exist (FOLLOW_UP_NOT_FOUND, WINDOW_NOT_FOUND), as requests are.
 * The satisfaction figures and the window ranking are not narrowed: the
 * figures are published to everyone (`ratings.stats`), and a ranking is a
 * comparison across the whole bureau, holding no one's personal data.
 * Pure: the caller comes in.
 */
export type RatingScope = RequestScope;

export function ratingScopeOf(caller: Caller): RatingScope {
  const staff = caller.staff;
  // Not staff at all (the contract lets no such caller this far): nothing.
  if (!staff) return { kind: 'departments', departmentIds: [] };
  if (staff.roles.includes('admin') || staff.departmentIds.length === 0) return { kind: 'all' };
  return { kind: 'departments', departmentIds: staff.departmentIds };
}

export function ratingInScope(scope: RatingScope, departmentId: string | null | undefined): boolean {
  if (scope.kind === 'all') return true;
  return !!departmentId && scope.departmentIds.includes(departmentId);
}

/** The departments a list filters on (`in`), or null for no filter; an empty list lists nothing (the store is not asked). */
export function ratingDepartmentsToList(scope: RatingScope): string[] | null {
  return departmentsToList(scope);
}
