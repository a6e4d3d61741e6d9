import { workingDaysBetween, type WorkingCalendar } from '../calendar/working-calendar';
import { beijingToday } from '../time/beijing-time';
import type { RequestStatus } from './request-schema';

/**
 * Online applications waiting for registration (条例 Art. 31(3)): an online
 * application is received on the day both sides confirm it, which in practice
 * is the day the bureau registers it (受理). Until then no reply clock runs,
 * so a waiting application is a risk only the queue can show: it heads the
 * queue with how long it has waited, and the clerks are reminded once it has
 * waited the bureau's number of working days (`meta` document
 * `request-settings`, `registrationReminderWorkingDays`, default 1).
 */
export const DEFAULT_REGISTRATION_REMINDER_WORKING_DAYS = 1;

/** The bureau's setting when it is a sensible number of working days (1–20), else the default. */
export function registrationReminderDays(setting: unknown): number {
  return typeof setting === 'number' && Number.isInteger(setting) && setting >= 1 && setting <= 20 ? setting : DEFAULT_REGISTRATION_REMINDER_WORKING_DAYS;
}

export interface RegistrationWait {
  /** Its submission (UTC). */
  since: string;
  /** Whole working days from the Beijing day it was submitted to today: 0 on that day, 1 the next working day. */
  workingDays: number;
  /** It has waited at least the bureau's reminder period. */
  late: boolean;
}

/** How long an application has waited for registration; null unless it is waiting (status `submitted`). */
export function registrationWait(
  r: { status: RequestStatus; submittedAt: string },
  today: string,
  calendar: WorkingCalendar,
  reminderDays: number = DEFAULT_REGISTRATION_REMINDER_WORKING_DAYS,
): RegistrationWait | null {
  if (r.status !== 'submitted') return null;
  const workingDays = Math.max(0, workingDaysBetween(calendar, beijingToday(new Date(r.submittedAt)), today));
  return { since: r.submittedAt, workingDays, late: workingDays >= reminderDays };
}
