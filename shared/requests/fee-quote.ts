import { computeFee, describeFee, FEE_METHOD_LABELS, unitsBeforeOf, type FeeMethod, type FeeMonth } from './processing-fee';
import type { RequestRecord } from './request-record';
import type { FeeQuote } from './request-types';

/** What a notice by `method` for `units` would charge the applicant of `r`, with the month's facts read by the caller. Pure. */
export function quoteFee(r: Pick<RequestRecord, 'applicant'>, method: FeeMethod, units: number, month: FeeMonth): FeeQuote {
  const computed = computeFee(method, unitsBeforeOf(method, month), units);
  return {
    method,
    methodLabel: FEE_METHOD_LABELS[method],
    units,
    unitsBefore: computed.unitsBefore,
    month: month.month,
    amount: computed.amount,
    computation: describeFee(computed),
    applicantName: r.applicant.name,
    conflict: month.otherMethod && month.otherMethod !== method ? month.otherMethod : null,
  };
}
