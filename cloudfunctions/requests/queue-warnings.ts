import type { WorkingCalendar } from '../../shared/calendar/working-calendar';
import { provisionalDueDates, uncoveredYearsAhead } from '../../shared/requests/request-queries';
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
