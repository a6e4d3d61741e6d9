import type { DeadlineReminder } from '../../shared/notifications/deadline-reminders';
import type { InboxLink } from '../../shared/notifications/notification-types';
import type { Caller } from '../../shared/staff/roles';
import type { StaffRecord } from '../_runtime/identify-caller';
import type { Page, Store } from '../_runtime/store/port';

/** Something with deadlines its handlers are reminded of (remind-staff-of-deadlines.ts walks every source). */
export interface DeadlineSource<T extends { id: string }> {
  /** Starts every outbox id of this source's reminders, so two sources never share one. */
  idPrefix: string;
  /** Open subjects whose due date is on or before `horizon` (Beijing date), a page at a time. */
  dueBy(store: Store, horizon: string, cursor: string | null, limit: number): Promise<Page<T>>;
  dueOn(subject: T): string | null;
  /** Who is reminded: the subject's handlers among the active staff. */
  handlers(subject: T, staff: ActiveStaff[]): string[];
  wording(kind: DeadlineReminder, subject: T): { title: string; body: string };
  link(subject: T): InboxLink;
  /** The staff page the WeChat side would open. */
  page(subject: T): string;
}

export type ActiveStaff = StaffRecord & { id: string };

/** An active staff member as a Caller, for the rules that decide what a caller may see (both department shapes read). */
export function callerOfStaff(s: ActiveStaff): Caller {
  const departmentIds = s.departmentIds ?? (s.departmentId ? [s.departmentId] : []);
  return { openid: s.id, staff: { name: s.name, roles: s.roles, departmentIds, departmentId: departmentIds[0] ?? null } };
}

/** Active staff holding `role` (admins hold every role). */
export function withRole(staff: ActiveStaff[], role: StaffRecord['roles'][number]): ActiveStaff[] {
  return staff.filter((s) => s.roles.includes(role) || s.roles.includes('admin'));
}
