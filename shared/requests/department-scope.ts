import type { Caller } from '../staff/roles';
import type { RequestStatus } from './request-schema';

/**
 * Which requests a member of staff may see and act on (domain §6: full
 * personal data only to the request's handlers). A request belongs to one
 * department, chosen when it is registered and reassignable later; a handler
 * works on the requests of their departments. The rule, in full:
 *
 * - an admin sees every request (they answer for the whole bureau);
 * - a handler sees the requests of the departments on their staff record;
 *   a handler with no department sees none of those — an admin must give
 *   them one — so a forgotten tick never opens the whole bureau to someone;
 * - every handler sees online applications nobody has registered yet
 *   (status `submitted`, no department): Art. 31 makes their receipt day wait
 *   on the bureau, so whoever is at the desk must be able to register them.
 *
 * Outside their scope a request is answered exactly like one that does not
 * exist (REQUEST_NOT_FOUND), so a clerk learns nothing of other departments'
 * requests, not even that an id is taken. Pure: the caller comes in.
 */
export type RequestScope = { kind: 'all' } | { kind: 'departments'; departmentIds: readonly string[] };

export function requestScopeOf(caller: Caller): RequestScope {
  const staff = caller.staff;
  if (staff?.roles.includes('admin')) return { kind: 'all' };
  return { kind: 'departments', departmentIds: staff?.departmentIds ?? [] };
}

/** What the rule reads of a request: records from before departments have none. */
export interface ScopedRequest {
  status: RequestStatus;
  departmentId?: string | null;
}

export function requestInScope(scope: RequestScope, r: ScopedRequest): boolean {
  if (scope.kind === 'all' || r.status === 'submitted') return true;
  return !!r.departmentId && scope.departmentIds.includes(r.departmentId);
}

/**
 * The store's half of the rule for a list of registered requests: the
 * departments to filter on (`in`), `null` for no filter (an admin), or an
 * empty list when the caller may see none, which the caller answers without
 * asking the store. `only` narrows it to one department (the queue's filter);
 * a department outside the scope narrows it to nothing.
 */
export function departmentsToList(scope: RequestScope, only?: string): string[] | null {
  if (scope.kind === 'all') return only ? [only] : null;
  if (only) return scope.departmentIds.includes(only) ? [only] : [];
  return [...scope.departmentIds];
}

/**
 * The department a request is registered into when the clerk picks none: the
 * clerk's own first department, else the bureau's setting (`meta` document
 * `request-settings`, `defaultDepartmentId`), else the bureau's first
 * department in order. Null only for a bureau with no departments at all.
 */
export function defaultDepartmentFor(caller: Caller, bureauDefault: string | null, firstDepartment: string | null): string | null {
  return caller.staff?.departmentIds[0] ?? bureauDefault ?? firstDepartment;
}
