import { addWorkingDays, countsOverUncovered, type WorkingCalendar } from '../calendar/working-calendar';
import { computeFee, describeFee, FEE_METHOD_LABELS, FEE_PAYMENT_WORKING_DAYS } from './processing-fee';
import type { RequestCommand } from './request-commands';
import { NO_DUE_DATE, SYSTEM_ACTOR, type FeeRecord, type RequestRecord } from './request-record';
import type { FeeView } from './request-types';

/**
 * A fee notice's life after it is issued (条例 Art. 42; 国办函〔2020〕109号): the applicant has
 * 20 working days from the notice to pay; meanwhile the reply clock stands still (request-clock.ts
 * pauses it from the notice to the payment); an applicant who does not pay in time is taken to have
 * given up, and the request closes as 其他处理 2 (`other.noFee`). Pure.
 */

/** The last day to pay (itself still in time); 9999-12-31 when no notice awaits payment. */
export function feeDeadline(r: Pick<RequestRecord, 'fee'>, calendar: WorkingCalendar): string {
  if (!r.fee || r.fee.waived) return NO_DUE_DATE;
  return addWorkingDays(calendar, r.fee.noticeOn, FEE_PAYMENT_WORKING_DAYS);
}

/**
 * Working days the system waits after the last day to pay before closing by itself: a payment made
 * on the last day (a bank transfer, a counter receipt) reaches the clerk who records it a day or two
 * later, and a closed request is never reopened. A clerk may close by hand as soon as the day has
 * passed. The same grace as a lapsed supplement's.
 */
export const PAYMENT_ENTRY_GRACE_WORKING_DAYS = 3;

/** Whether the last day to pay has passed with no payment recorded (a clerk may now close as other.noFee). */
export function feeOverdue(r: Pick<RequestRecord, 'status' | 'fee'>, today: string, calendar: WorkingCalendar): boolean {
  return r.status === 'feeRequested' && !r.fee?.paidOn && today > feeDeadline(r, calendar);
}

/** An unpaid fee notice past its last day and the entry grace: the system may now close the request. */
export function feeLapsed(r: Pick<RequestRecord, 'status' | 'fee'>, today: string, calendar: WorkingCalendar): boolean {
  if (!feeOverdue(r, today, calendar)) return false;
  return today > addWorkingDays(calendar, feeDeadline(r, calendar), PAYMENT_ENTRY_GRACE_WORKING_DAYS);
}

/** The system's closing of a request whose fee was not paid in time, with the reason the applicant reads. */
export function unpaidFeeClosure(r: Pick<RequestRecord, 'fee'>, calendar: WorkingCalendar): RequestCommand {
  return {
    type: 'close',
    actor: SYSTEM_ACTOR,
    category: 'other.noFee',
    reason: `您未在收费通知规定的期限（${feeDeadline(r, calendar)}）内缴纳信息处理费，根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》的规定，视为放弃申请，本机关不再处理该政府信息公开申请。`,
  };
}

/** The fee as both the applicant and staff read it. */
export function feeView(r: Pick<RequestRecord, 'fee' | 'status' | 'ending'>, calendar: WorkingCalendar): FeeView | null {
  const fee: FeeRecord | null | undefined = r.fee;
  if (!fee) return null;
  const deadlineOn = addWorkingDays(calendar, fee.noticeOn, FEE_PAYMENT_WORKING_DAYS);
  const computation = describeFee(computeFee(fee.method, fee.unitsBefore, fee.units));
  if (fee.waived) computation.push(`经本机关决定免收：${fee.reason ?? ''}`);
  else if (fee.amount < fee.computedAmount) computation.push(`经本机关决定减收为 ${fee.amount} 元：${fee.reason ?? ''}`);
  const lapsed = r.status === 'closed' && r.ending?.category === 'other.noFee';
  return {
    method: fee.method,
    methodLabel: FEE_METHOD_LABELS[fee.method],
    units: fee.units,
    unitsBefore: fee.unitsBefore,
    month: fee.month,
    computedAmount: fee.computedAmount,
    amount: fee.amount,
    waived: fee.waived,
    reason: fee.reason,
    noticeOn: fee.noticeOn,
    deadlineOn: fee.waived ? fee.noticeOn : deadlineOn,
    deadlineProvisional: !fee.waived && countsOverUncovered(calendar, fee.noticeOn, deadlineOn),
    paidOn: fee.paidOn,
    state: fee.waived ? 'waived' : fee.paidOn ? 'paid' : lapsed ? 'lapsed' : 'awaiting',
    computation,
  };
}
