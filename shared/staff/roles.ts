/**
 * Staff roles. A role is looked up on the server from the staff table by the
 * caller's OPENID; the client is never asked what it is.
 *
 * - admin: the bureau's 政务公开 office head — everything, including the
 *   calendar, staff and approvals (e.g. a deadline extension, Art. 33).
 * - handler: registers and answers 依申请公开 requests.
 * - publisher: writes and publishes notices and service guides.
 * - ratingOfficer: follows up 差评 (好差评 整改与回访).
 * - answerer: answers inquiries and complaints (政务咨询、投诉举报) and keeps the FAQ.
 * - reviewer: 公开审查 (Art. 17): approves or sends back what others submit for review.
 * - viewer: reads statistics and reports only (a leader, an inspector); changes nothing.
 *
 * A person may hold several roles; what they may do is the union.
 */
export const STAFF_ROLES = ['admin', 'handler', 'publisher', 'ratingOfficer', 'answerer', 'reviewer', 'viewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  admin: '管理员',
  handler: '申请办理人员',
  publisher: '信息发布人员',
  ratingOfficer: '好差评整改人员',
  answerer: '咨询答复人员',
  reviewer: '公开审查人员',
  viewer: '统计查看人员',
};

/** Who may call an action. `anyone` includes callers with no identity (a shared link opened in a browser). */
export type Access =
  | { kind: 'anyone' }
  | { kind: 'resident' }
  | { kind: 'staff'; roles: readonly StaffRole[] };

export const anyone: Access = { kind: 'anyone' };
export const resident: Access = { kind: 'resident' };
/** Staff holding any of `roles`; admin may always act. */
export const staff = (...roles: StaffRole[]): Access => ({ kind: 'staff', roles });

/** Who is calling, as established by the server. */
export interface Caller {
  openid: string | null;
  /**
   * `departmentIds`: the departments the person works for (several possible).
   * `departmentId` is the first of them, kept for code written when a person
   * had exactly one.
   */
  staff: { name: string; roles: StaffRole[]; departmentIds: string[]; departmentId: string | null } | null;
}

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden';

export function decideAccess(access: Access, caller: Caller): AccessDecision {
  if (access.kind === 'anyone') return 'allow';
  if (!caller.openid) return 'unauthenticated';
  if (access.kind === 'resident') return 'allow';
  const roles = caller.staff?.roles ?? [];
  if (roles.includes('admin')) return 'allow';
  return access.roles.some((role) => roles.includes(role)) ? 'allow' : 'forbidden';
}

export function isStaff(caller: Caller): boolean {
  return !!caller.staff && caller.staff.roles.length > 0;
}
