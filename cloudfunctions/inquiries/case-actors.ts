import { AppError } from '../../shared/api/errors';
import type { CaseViewer } from '../../shared/inquiries/case-access';
import type { CaseActor } from '../../shared/inquiries/inquiry-types';
import type { HandlerContext } from '../_runtime/handler-context';
import type { StaffRecord } from '../_runtime/identify-caller';

/** Who is acting on a case, from the caller the server established (never from the input). */
export function residentActor(ctx: HandlerContext): CaseActor {
  return { role: 'resident', openid: ctx.caller.openid, name: null };
}

export function staffActor(ctx: HandlerContext): CaseActor {
  return { role: 'staff', openid: ctx.caller.openid, name: ctx.caller.staff?.name ?? null };
}

export function viewerOf(ctx: HandlerContext): CaseViewer {
  return {
    openid: ctx.caller.openid as string,
    isAdmin: ctx.caller.staff?.roles.includes('admin') ?? false,
    departmentIds: ctx.caller.staff?.departmentIds ?? [],
  };
}

/** A department named in the input, or a clean refusal beside the field. */
export async function departmentNamed(ctx: HandlerContext, id: string | undefined, field = 'departmentId'): Promise<{ id: string; name: string } | null> {
  if (id === undefined) return null;
  const department = await ctx.store.collection('departments').get(id);
  if (!department) throw new AppError('VALIDATION_FAILED', undefined, { [field]: '没有这个部门，请重新选择' });
  return { id: department.id, name: department.name };
}

/**
 * Who a case of a department may be assigned to by name: an active answerer
 * of that department, or an admin (who sees every case). One rule for the
 * list the page offers and the check `assign` makes.
 */
export function answersFor(member: Pick<StaffRecord, 'active' | 'roles' | 'departmentId' | 'departmentIds'>, departmentId: string): boolean {
  if (!member.active) return false;
  const departments = member.departmentIds ?? (member.departmentId ? [member.departmentId] : []);
  return member.roles.includes('admin') || (member.roles.includes('answerer') && departments.includes(departmentId));
}
