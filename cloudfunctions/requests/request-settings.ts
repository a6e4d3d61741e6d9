import { AppError } from '../../shared/api/errors';
import type { Department } from '../../shared/api/common';
import { registrationReminderDays } from '../../shared/requests/registration-wait';
import type { Store } from '../_runtime/store/port';

/**
 * The bureau's settings for requests, in the `meta` document `request-settings`:
 * - `registrationReminderWorkingDays`: after how many working days an online application still
 *   waiting for registration is brought to the clerks' attention (default 1; registration-wait.ts);
 * - `defaultDepartmentId`: the department a request is registered into when the clerk has none
 *   of their own and picks none (default: the bureau's first department; department-scope.ts).
 */
export interface RequestSettings {
  registrationReminderWorkingDays?: number;
  defaultDepartmentId?: string;
}

export const REQUEST_SETTINGS_ID = 'request-settings';

export async function loadRequestSettings(store: Store): Promise<{ registrationReminderWorkingDays: number; defaultDepartmentId: string | null }> {
  const doc = await store.collection('meta').get(REQUEST_SETTINGS_ID);
  return {
    registrationReminderWorkingDays: registrationReminderDays(doc?.registrationReminderWorkingDays),
    defaultDepartmentId: typeof doc?.defaultDepartmentId === 'string' ? doc.defaultDepartmentId : null,
  };
}

/** The bureau's departments in their order (tens, never thousands: one page). */
export async function loadDepartments(store: Store): Promise<Department[]> {
  return (await store.collection('departments').find({ orderBy: [['order', 'asc']], limit: 200 })).items;
}

/** A department named in an input, which must exist: a typo would hide the request from every handler. */
export async function departmentNamed(store: Store, id: string): Promise<{ id: string; name: string }> {
  const department = await store.collection('departments').get(id);
  if (!department) throw new AppError('VALIDATION_FAILED', undefined, { departmentId: `没有编号为 ${id} 的部门` });
  return { id: department.id, name: department.name };
}
