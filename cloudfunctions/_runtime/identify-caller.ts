import type { Caller, StaffRole } from '../../shared/staff/roles';
import type { Store } from './store/port';

export interface StaffRecord {
  name: string;
  roles: StaffRole[];
  departmentId: string | null;
  active: boolean;
}

/**
 * Turns the platform's OPENID into a Caller. Roles come only from the staff
 * collection (keyed by OPENID): whatever the client claims is never read.
 */
export async function identifyCaller(openid: string | null, store: Store): Promise<Caller> {
  if (!openid) return { openid: null, staff: null };
  const record = await store.collection<StaffRecord>('staff').get(openid);
  if (!record || !record.active || record.roles.length === 0) return { openid, staff: null };
  return { openid, staff: { name: record.name, roles: record.roles, departmentId: record.departmentId } };
}
