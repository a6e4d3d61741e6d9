import type { WorkingCalendar } from '../../shared/calendar/working-calendar';
import { anyWithoutDepartment, provisionalDueDates, uncoveredYearsAhead } from '../../shared/requests/request-queries';
import type { Store } from '../_runtime/store/port';
import { REQUESTS } from './request-collections';

/**
 * Warnings for the staff queue: when open requests have provisional due dates
 * because a year's holiday arrangement is missing, say which year and what to do.
 * `departments`: the caller's (null: every department).
 */
export async function queueWarnings(store: Store, calendar: WorkingCalendar, today: string, departments: readonly string[] | null = null): Promise<string[]> {
  const missing = uncoveredYearsAhead(today, calendar);
  if (missing.length === 0) return [];
  // Counted in the caller's departments (department-scope.ts): a count is also something a clerk learns.
  if (departments?.length === 0) return [];
  const where = departments ? { ...provisionalDueDates.where, departmentId: { in: [...departments] } } : provisionalDueDates.where;
  const provisional = await store.collection(REQUESTS).count(where);
  if (provisional === 0) return [];
  return [
    `${missing.join('、')}年的节假日安排尚未录入，${provisional} 件申请的答复期限为暂定（按《全国年节及纪念日放假办法》规定的法定节假日和周末计算，调休未计）。请管理员在“工作日历”中录入，录入后期限自动重算。`,
  ];
}

/**
 * For admins: how many registered requests have no department (stored before departments). Nobody but
 * an admin sees them, so until they are handed on no handler is reminded of their deadlines.
 */
export async function unassignedWarning(store: Store): Promise<string[]> {
  const n = await store.collection(REQUESTS).count(anyWithoutDepartment.where);
  return n === 0 ? [] : [`有 ${n} 件已受理的申请未分配承办部门（部门功能启用前登记的），只有管理员能看到，办理人员收不到其期限提醒。请在“未分配部门”中查看并转交承办部门。`];
}
