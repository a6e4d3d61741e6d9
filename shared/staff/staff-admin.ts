import * as z from 'zod/mini';
import { refuseBidiControls } from '../api/bidi-controls';
import '../api/zod-messages';
import { IdSchema, VersionSchema } from '../api/common';
import { AppError } from '../api/errors';
import { STAFF_ROLES, type StaffRole } from './roles';
import { spokenCodeFrom, spokenCodePattern } from '../spoken-codes';

/**
 * Staff administration, the pure part: invitation codes, their expiry, the
 * inputs of the `staff` function, and the one rule that keeps a bureau from
 * locking itself out (there is always an active admin).
 */

/** A code is read aloud or typed from a screen (spoken-codes.ts). 12 of 31 letters ≈ 7·10^17 codes. */
export const INVITE_CODE_LENGTH = 12;
export const INVITE_CODE_PATTERN = spokenCodePattern(INVITE_CODE_LENGTH);
/** How long an invitation stays open unless the bureau sets otherwise (`meta` document `staff-settings`, `inviteHours`). */
export const DEFAULT_INVITE_HOURS = 72;

/** `randomBytes` comes from the caller (crypto on the server) so this stays pure. */
export function inviteCodeFrom(randomBytes: Uint8Array): string {
  return spokenCodeFrom(randomBytes, INVITE_CODE_LENGTH);
}

export function inviteExpiry(issuedAt: Date, hours: number = DEFAULT_INVITE_HOURS): Date {
  return new Date(issuedAt.getTime() + hours * 3_600_000);
}

/** A code as typed: spaces and dashes a person may add are ignored, letters are upper-cased. */
export function normaliseInviteCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

export interface InviteState {
  expiresAt: string;
  usedBy: string | null;
}

/** Unknown, used and expired codes are one answer (INVITE_INVALID): the caller learns nothing about codes they do not hold. */
export function inviteUsable(invite: InviteState | null, now: Date): boolean {
  return !!invite && !invite.usedBy && now.getTime() < Date.parse(invite.expiresAt);
}

const RolesSchema = z.pipe(z.array(z.enum(STAFF_ROLES)).check(z.minLength(1, '请至少选择一个角色'), z.maxLength(STAFF_ROLES.length)), z.transform((roles) => [...new Set(roles)]));
const DepartmentIdsSchema = z.pipe(z.array(IdSchema).check(z.maxLength(20, '最多选择 20 个部门')), z.transform((ids) => [...new Set(ids)]));
const NameSchema = refuseBidiControls(z.string().check(z.trim(), z.minLength(1, '请填写姓名'), z.maxLength(60, '姓名不能超过 60 个字')));
const OpenidSchema = IdSchema;

/** Where the H5 app is served, for the local cloud's QR link (the page passes its own origin). */
const OriginSchema = z.string().check(z.trim(), z.maxLength(200), z.regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, '地址格式不正确'));

export const InviteStaffSchema = z.strictObject({ roles: RolesSchema, departmentIds: DepartmentIdsSchema, name: NameSchema, origin: z.optional(OriginSchema) });
export const AcceptInviteSchema = z.strictObject({
  code: z.pipe(z.pipe(z.string().check(z.maxLength(40)), z.transform(normaliseInviteCode)), z.string().check(z.regex(INVITE_CODE_PATTERN, '邀请码是 12 位字母和数字'))),
});
export const SetStaffRolesSchema = z.strictObject({ openid: OpenidSchema, roles: RolesSchema, departmentIds: DepartmentIdsSchema, version: VersionSchema });
export const RemoveStaffSchema = z.strictObject({ openid: OpenidSchema, version: VersionSchema });

export type InviteStaffInput = z.input<typeof InviteStaffSchema>;
export type SetStaffRolesInput = z.input<typeof SetStaffRolesSchema>;

/** One person on 人员管理. */
export interface StaffMemberView {
  /**
   * The person's OPENID: the key `setRoles` and `remove` take, so an admin's
   * page must hold it. Pages show `maskedOpenid` only; the list is admin-only.
   */
  openid: string;
  maskedOpenid: string;
  name: string;
  roles: StaffRole[];
  departmentIds: string[];
  active: boolean;
  version: number;
  /** The caller's own record (an admin demoting or removing themself is warned on the page). */
  self: boolean;
}

export interface IssuedInvite {
  code: string;
  expiresAt: string;
  /** Where the code leads: the join page with the code filled in. */
  link: string;
  /** A PNG data: URL to scan (a mini-program code on CloudBase), or null when it could not be made. */
  qr: string | null;
}

export interface AcceptedInvite {
  name: string;
  roles: StaffRole[];
  departmentIds: string[];
}

export interface StaffStanding {
  roles: readonly StaffRole[];
  active: boolean;
}

/**
 * Refuses a change that would leave the bureau without an active admin:
 * `before` and `after` are the person changed, `otherActiveAdmins` counts the
 * others. Without an admin nobody could invite, change roles or fix the
 * calendar, and only the command line could bring one back.
 */
export function assertAdminRemains(before: StaffStanding, after: StaffStanding, otherActiveAdmins: number): void {
  const wasAdmin = before.active && before.roles.includes('admin');
  const staysAdmin = after.active && after.roles.includes('admin');
  if (wasAdmin && !staysAdmin && otherActiveAdmins === 0) throw new AppError('LAST_ADMIN');
}
