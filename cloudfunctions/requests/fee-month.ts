import { feeMonthOf, type FeeMethod, type FeeMonth, type MonthApplication } from '../../shared/requests/processing-fee';
import type { RequestRecord } from '../../shared/requests/request-record';
import type { Store, Where } from '../_runtime/store/port';
import { REQUESTS } from './request-collections';

const PAGE = 100;

/**
 * The applicant's applications in the natural month `record` was received in, as the fee tables
 * need them (processing-fee.ts decides what they mean): the store finds those received that month
 * by the same document number, and feeMonthOf keeps the applicant's own. A request not yet received
 * has no month: no others are read.
 */
export async function loadFeeMonth(store: Store, record: RequestRecord, method: FeeMethod): Promise<FeeMonth> {
  const month = record.receivedOn?.slice(0, 7);
  const identity = record.applicant.type === 'organization' ? record.applicant.creditCode : record.applicant.idNumber;
  if (!month || !identity) return feeMonthOf(record, method, []);
  const where: Where = {
    [record.applicant.type === 'organization' ? 'applicant.creditCode' : 'applicant.idNumber']: identity,
    receivedOn: { gte: `${month}-01`, lte: `${month}-31` },
  };
  const found: MonthApplication[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.collection(REQUESTS).find({
      where,
      orderBy: [['submittedAt', 'asc']],
      limit: PAGE,
      cursor,
      fields: ['applicant', 'receivedOn', 'submittedAt', 'fee'],
    });
    found.push(...page.items.map((r) => r as RequestRecord));
    cursor = page.nextCursor;
  } while (cursor);
  return feeMonthOf(record, method, found);
}
