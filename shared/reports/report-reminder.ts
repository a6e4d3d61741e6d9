import { reportDeadline } from './report-checks';

/**
 * Which year's report is being prepared on a given Beijing day: in December
 * the year about to end (its report falls due on 31 January), until that
 * deadline the year just ended, and otherwise the last year (for reading).
 */
export function reportingYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return today.slice(5, 7) === '12' ? year : year - 1;
}

/** From 1 December until the deadline, the staff home reminds of the coming report; null outside that window. */
export function reportReminder(today: string): { year: number; deadline: string } | null {
  const year = reportingYear(today);
  const deadline = reportDeadline(year);
  const season = today.slice(5, 7) === '12' || today <= deadline;
  return season && today >= `${year}-12-01` ? { year, deadline } : null;
}
