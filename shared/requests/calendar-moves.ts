import type { WorkingCalendar } from '../calendar/working-calendar';
import { feeDeadline } from './fee-notice';
import type { RequestRecord } from './request-record';
import { supplementDeadline } from './supplement-lapse';

/** One date the applicant was told that a calendar change moved. */
export interface DateMove {
  label: string;
  before: string;
  after: string;
}

/**
 * The applicant's own deadlines besides the reply's, as a calendar change
 * moves them: the last day to supplement (Art. 30) while a supplement is
 * awaited, the last day to pay (Art. 42) while a fee notice is unpaid. Both
 * are counted afresh on the calendar in force wherever they are used, so a
 * move needs no stored field — only telling. Pure.
 */
export function applicantDeadlineMoves(r: Pick<RequestRecord, 'status' | 'supplement' | 'fee'>, previous: WorkingCalendar, calendar: WorkingCalendar): DateMove[] {
  const moves: DateMove[] = [];
  const compare = (label: string, deadline: (c: WorkingCalendar) => string) => {
    const before = deadline(previous);
    const after = deadline(calendar);
    if (before !== after) moves.push({ label, before, after });
  };
  if (r.status === 'supplementRequested' && r.supplement && !r.supplement.answer) compare('补正期限', (c) => supplementDeadline(r, c));
  if (r.status === 'feeRequested' && r.fee && !r.fee.paidOn && !r.fee.waived) compare('缴费期限', (c) => feeDeadline(r, c));
  return moves;
}
