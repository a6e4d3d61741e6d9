import { createHash } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import { STAFF_ROLE_LABELS, type StaffRole } from '../../shared/staff/roles';
import { maskOpenid } from '../../shared/privacy/masking';
import { assertAdminRemains, type StaffMemberView, type StaffStanding } from '../../shared/staff/staff-admin';
import { changeRecord } from '../_runtime/change-record';
import { StaffRecordSchema, type StaffRecord } from '../_runtime/identify-caller';
import type { Store, Stored, Transaction } from '../_runtime/store/port';
import type { StaffEvent } from './staff-records';

/**
 * The staff collection as the `staff` function and `npm run staff` see it:
 * people as views, the last-admin rule's count, and the one write road for a
 * person's roles and standing (changeRecord, an event with each change).
 */

/** The id of an invitation: a hash of its code, so the stored record cannot be used as the code. */
export const inviteIdOf = (code: string) => createHash('sha256').update(`staff-invite:${code}`).digest('hex');

export const rolesText = (roles: readonly StaffRole[]) => roles.map((r) => STAFF_ROLE_LABELS[r]).join('、');

/** A stored record as the bureau means it (both department shapes read); a malformed one stands for nobody. */
export function standingOf(record: Stored<StaffRecord>): { name: string; roles: StaffRole[]; departmentIds: string[]; active: boolean } {
  const parsed = StaffRecordSchema.safeParse(record);
  if (parsed.success) return parsed.data;
  return { name: typeof record.name === 'string' && record.name ? record.name : '（记录有误）', roles: [], departmentIds: [], active: false };
}

export function memberView(record: Stored<StaffRecord>, callerOpenid: string | null): StaffMemberView {
  const { name, roles, departmentIds, active } = standingOf(record);
  return { openid: record.id, maskedOpenid: maskOpenid(record.id), name, roles, departmentIds, active, version: record.version, self: record.id === callerOpenid };
}

/** Staff are a few dozen people in a bureau; 500 is far beyond any and keeps one read (CloudBase reads at most 1,000 at once). */
const ROSTER_LIMIT = 500;

export async function allStaff(store: Store): Promise<Array<Stored<StaffRecord>>> {
  return (await store.collection('staff').find({ orderBy: [['name', 'asc']], limit: ROSTER_LIMIT })).items;
}

/**
 * The last-admin rule, decided inside the transaction that changes the person (`tx`): the other
 * admins are read there, by id (a transaction reads by id only), from `candidates` — everyone who
 * held the admin role when the roster was read just before — and a change that takes an admin away
 * also rewrites one guard document (`meta/admin-guard`) against the version it read. Two admins
 * removing or demoting each other at the same moment therefore cannot both pass: where transactions
 * run one after another (SQLite) the second counts no other admin left and is LAST_ADMIN; where they
 * overlap (CloudBase) both write the guard and the second's write conflicts (VERSION_CONFLICT), so
 * at least one admin remains either way. Someone made admin meanwhile is not among the candidates:
 * the count can only be low, which refuses, never wrongly allows.
 */
export async function adminCandidates(store: Store, openid: string): Promise<string[]> {
  return (await allStaff(store)).filter((r) => r.id !== openid && standingOf(r).roles.includes('admin')).map((r) => r.id);
}

export const ADMIN_GUARD_ID = 'admin-guard';

export async function assertAdminRemainsIn(tx: Transaction, before: StaffStanding, after: StaffStanding, candidates: readonly string[], at: string): Promise<void> {
  const losesAdmin = before.active && before.roles.includes('admin') && !(after.active && after.roles.includes('admin'));
  if (!losesAdmin) return;
  let others = 0;
  for (const id of candidates) {
    const record = await tx.collection('staff').get(id);
    const standing = record ? standingOf(record) : null;
    if (standing?.active && standing.roles.includes('admin')) others += 1;
  }
  assertAdminRemains(before, after, others);
  const meta = tx.collection('meta');
  const guard = await meta.get(ADMIN_GUARD_ID);
  if (guard) await meta.update(ADMIN_GUARD_ID, guard.version, { at });
  else await meta.insert({ id: ADMIN_GUARD_ID, at });
}

/** Every department named exists: a typo would otherwise scope a person to nothing. */
export async function assertDepartmentsExist(store: Store, departmentIds: readonly string[]): Promise<void> {
  for (const id of departmentIds) {
    if (!(await store.collection('departments').get(id))) throw new AppError('VALIDATION_FAILED', undefined, { departmentIds: `没有编号为 ${id} 的部门` });
  }
}

export interface StandingChange {
  store: Store;
  openid: string;
  version: number;
  actor: string;
  at: Date;
  /** The person's new roles and departments, or `null` to remove them (inactive; the record stays). */
  next: { roles: StaffRole[]; departmentIds: string[] } | null;
}

/**
 * Changes a person's roles or removes them, against the version the admin saw; the last-admin rule
 * is decided in the same transaction (assertAdminRemainsIn).
 */
export async function changeStanding({ store, openid, version, actor, at, next }: StandingChange): Promise<Stored<StaffRecord>> {
  const candidates = await adminCandidates(store, openid);
  const when = at.toISOString();
  const { record } = await changeRecord(store, {
    collection: 'staff',
    id: openid,
    expectedVersion: version,
    notFound: 'STAFF_NOT_FOUND',
    decide: async (current, tx) => {
      const before = standingOf(current);
      if (!before.active) throw new AppError('INVALID_STATE', '该人员已移除；如需恢复，请重新邀请');
      const after: StaffStanding = next ? { roles: next.roles, active: true } : { roles: before.roles, active: false };
      await assertAdminRemainsIn(tx, before, after, candidates, when);
      const event: StaffEvent = next
        ? { subjectType: 'staff', subjectId: openid, action: 'staffRolesChanged', actor, at: when, detail: `角色：${rolesText(before.roles)} → ${rolesText(next.roles)}；部门：${before.departmentIds.join('、') || '无'} → ${next.departmentIds.join('、') || '无'}` }
        : { subjectType: 'staff', subjectId: openid, action: 'staffRemoved', actor, at: when, detail: `移除${before.name}（${rolesText(before.roles)}）` };
      const patch = next
        ? { roles: next.roles, departmentIds: next.departmentIds, departmentId: next.departmentIds[0] ?? null, updatedAt: when, updatedBy: actor }
        : { active: false, updatedAt: when, updatedBy: actor };
      return { patch, events: [event] };
    },
  });
  return record;
}
