import type { InquiryRecord } from './inquiry-types';

/**
 * Which staff see a case (in lists and when opening it), written once so that
 * every list, page and export asks the same question.
 *
 * - An inquiry is the business of its department's answerers; one not yet
 *   assigned to a department is everyone's (the inquiry line picks it up).
 * - A complaint is confidential (投诉举报: who complained is protected): only
 *   admins and the one answerer it is assigned to see it at all, and so only
 *   they ever see who complained. It is absent from every other list.
 *
 * A case stores the answer as `scope`, so a list asks the store for
 * `scope in scopesOf(viewer)` and never filters a page after reading it.
 */
export function scopeOf(c: Pick<InquiryRecord, 'kind' | 'departmentId' | 'assignedTo'>): string {
  if (c.kind === 'complaint') return c.assignedTo ? `person:${c.assignedTo.openid}` : 'admins';
  if (c.departmentId) return `dept:${c.departmentId}`;
  return c.assignedTo ? `person:${c.assignedTo.openid}` : 'all';
}

export interface CaseViewer {
  openid: string;
  isAdmin: boolean;
  departmentIds: readonly string[];
}

/** The scopes a non-admin answerer sees; admins see every scope (null: no filter). */
export function scopesOf(viewer: CaseViewer): string[] | null {
  if (viewer.isAdmin) return null;
  return ['all', ...viewer.departmentIds.map((d) => `dept:${d}`), `person:${viewer.openid}`];
}

export function staffMaySee(c: Pick<InquiryRecord, 'scope'>, viewer: CaseViewer): boolean {
  const scopes = scopesOf(viewer);
  return scopes === null || scopes.includes(c.scope);
}
