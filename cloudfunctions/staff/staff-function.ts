import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import { DEFAULT_INVITE_HOURS, INVITE_CODE_LENGTH, inviteCodeFrom, inviteExpiry, inviteUsable } from '../../shared/staff/staff-admin';
import { changeRecord } from '../_runtime/change-record';
import { defineFunction } from '../_runtime/define-function';
import { staffContract } from '../../shared/staff/staff-contract';
import type { HandlerContext } from '../_runtime/handler-context';
import type { Store } from '../_runtime/store/port';
import { allStaff, assertDepartmentsExist, changeStanding, inviteIdOf, memberView, rolesText, standingOf } from './staff-roster';
import { STAFF_SETTINGS_ID, type StaffEvent } from './staff-records';
import { inviteQr } from './invite-qr';

/**
 * Function `staff` (人员管理). Roles live only in the staff collection, read
 * on every call, so whatever is changed here reaches the person on their next
 * call. Nobody becomes staff by signing in: only an admin's invitation (or the
 * command line, for the first admin) makes someone staff.
 */
export const staffFunction = defineFunction('staff', staffContract, {
  async list(_input, { store, caller }) {
    return (await allStaff(store)).map((record) => memberView(record, caller.openid));
  },

  async invite({ roles, departmentIds, name, origin }, ctx) {
    await assertDepartmentsExist(ctx.store, departmentIds);
    const at = ctx.now();
    const expiresAt = inviteExpiry(at, await inviteHours(ctx.store)).toISOString();
    const actor = ctx.caller.openid as string;
    const code = inviteCodeFrom(randomBytes(INVITE_CODE_LENGTH));
    const id = inviteIdOf(code);
    await ctx.store.transaction(async (tx) => {
      await tx.collection('staffInvites').insert({ id, name, roles, departmentIds, invitedBy: actor, createdAt: at.toISOString(), expiresAt, usedBy: null, usedAt: null });
      const event: StaffEvent = { subjectType: 'staffInvite', subjectId: id, action: 'staffInvited', actor, at: at.toISOString(), detail: `邀请${name}担任${rolesText(roles)}，${expiresAt} 前有效` };
      await tx.collection('events').insert(event);
    });
    return { code, expiresAt, ...(await inviteQr(code, ctx, origin)) };
  },

  async accept({ code }, ctx) {
    const openid = ctx.caller.openid as string;
    const at = ctx.now().toISOString();
    const inviteId = inviteIdOf(code);
    const { record } = await changeRecord(ctx.store, {
      collection: 'staff',
      id: openid,
      // A former member (inactive) rejoins on the record they had; anyone else gets a new one.
      expectedVersion: 'current',
      notFound: 'STAFF_NOT_FOUND',
      initial: { name: '—', roles: ['viewer'], departmentIds: [], departmentId: null, active: false },
      decide: async (current, tx) => {
        const invite = await tx.collection('staffInvites').get(inviteId);
        if (!invite || !inviteUsable(invite, ctx.now())) throw new AppError('INVITE_INVALID');
        // An active member keeps their roles: an invitation never quietly replaces them (nor demotes the last admin).
        if (current.version > 0 && standingOf(current).active) throw new AppError('INVALID_STATE', '您已是工作人员，角色请联系管理员调整');
        const event: StaffEvent = { subjectType: 'staff', subjectId: openid, action: 'staffJoined', actor: openid, at, detail: `凭邀请加入：${rolesText(invite.roles)}（邀请人 ${invite.invitedBy}）` };
        return {
          patch: { name: invite.name, roles: invite.roles, departmentIds: invite.departmentIds, departmentId: invite.departmentIds[0] ?? null, active: true, updatedAt: at, updatedBy: invite.invitedBy },
          events: [event],
          alongside: async (inner) => {
            await inner.collection('staffInvites').update(invite.id, invite.version, { usedBy: openid, usedAt: at });
          },
        };
      },
    });
    const { name, roles, departmentIds } = standingOf(record);
    return { name, roles, departmentIds };
  },

  async setRoles({ openid, roles, departmentIds, version }, ctx) {
    await assertDepartmentsExist(ctx.store, departmentIds);
    const record = await changeStanding({ ...standingContext(ctx), openid, version, next: { roles, departmentIds } });
    return memberView(record, ctx.caller.openid);
  },

  async remove({ openid, version }, ctx) {
    const record = await changeStanding({ ...standingContext(ctx), openid, version, next: null });
    return memberView(record, ctx.caller.openid);
  },
});

const standingContext = (ctx: HandlerContext) => ({ store: ctx.store, actor: ctx.caller.openid as string, at: ctx.now() });

/** The bureau's setting when it is a sensible number of hours (1 hour to 30 days), else the default. */
async function inviteHours(store: Store): Promise<number> {
  const hours = (await store.collection('meta').get(STAFF_SETTINGS_ID))?.inviteHours;
  return typeof hours === 'number' && Number.isFinite(hours) && hours >= 1 && hours <= 720 ? hours : DEFAULT_INVITE_HOURS;
}
