import type { Caller } from '../staff/roles';

/**
 * Which review items (公开审查) a reviewer sees and decides, following the requests' department
 * scope (requests/department-scope.ts) with one difference. An item belongs to the department of its
 * subject when it was submitted: the request's 承办部门, or the notice's 发布部门 as it will go out.
 *
 * - an admin sees every item (they answer for the whole bureau);
 * - a reviewer with departments on their staff record sees the items of those departments only;
 * - a reviewer with no department reviews for the whole bureau — unlike a handler with none, who
 *   sees no request: a bureau with one reviewer need not tick every department, and a review opens
 *   no applicant's file (the item holds the letter, never the request's personal data).
 *
 * Outside the scope an item is answered exactly like a missing one (REVIEW_NOT_FOUND). The author of
 * an item always sees their own. Pure: the caller comes in.
 */
export type ReviewScope = { kind: 'all' } | { kind: 'departments'; departmentIds: readonly string[] };

export function reviewScopeOf(caller: Caller): ReviewScope {
  const staff = caller.staff;
  if (!staff || staff.roles.includes('admin') || staff.departmentIds.length === 0) return { kind: 'all' };
  return { kind: 'departments', departmentIds: staff.departmentIds };
}

export function reviewInScope(scope: ReviewScope, item: { departmentId?: string | null }): boolean {
  if (scope.kind === 'all') return true;
  return !!item.departmentId && scope.departmentIds.includes(item.departmentId);
}

/** The store's half of the rule: the departments to filter a list on (`in`), or null for none. */
export function reviewDepartmentsToList(scope: ReviewScope): string[] | null {
  return scope.kind === 'all' ? null : [...scope.departmentIds];
}
