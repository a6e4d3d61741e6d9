import { feeMonthOf, type FeeMethod, type FeeMonth, type MonthApplication } from '../../shared/requests/processing-fee';
import type { RequestRecord } from '../../shared/requests/request-record';
import type { Store, Transaction, Where } from '../_runtime/store/port';
import { REQUESTS } from './request-collections';

const PAGE = 100;

/**
 * The applicant's applications received in the natural month `record` was received in: the store
 * finds those received that month by the same document number (feeMonthOf keeps the applicant's
 * own). A request not yet received has no month: none are read. Which applications these are does
 * not change when a fee is asked (a notice changes an application's fee, never its receipt), so the
 * find may run before a transaction; their fees are read again inside it (feeMonthIn).
 */
export async function findMonthApplications(store: Store, record: RequestRecord): Promise<MonthApplication[]> {
  const month = record.receivedOn?.slice(0, 7);
  const identity = record.applicant.type === 'organization' ? record.applicant.creditCode : record.applicant.idNumber;
  if (!month || !identity) return [];
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
  return found;
}

/** The month's fee facts as read now, outside any transaction: enough for a quote, which decides nothing. */
export async function loadFeeMonth(store: Store, record: RequestRecord, method: FeeMethod): Promise<FeeMonth> {
  return feeMonthOf(record, method, await findMonthApplications(store, record));
}

/**
 * The month's fee facts inside the fee notice's own transaction, so that the one-method rule (办法
 * Art. 3: never 按件 and 按量 for one applicant) holds when two clerks issue notices at once: each
 * application's fee is read again by id within the transaction, and a notice that charges also
 * rewrites the month's claim in `uniqueKeys` (keyed by the applicant's first application of the
 * month, so no personal data is in the key). On SQLite transactions run one after another, so the
 * second notice reads the first's fee; on CloudBase, whose transactions read a snapshot, two notices
 * of one month both write the claim and the later one is refused as a conflict and decided again.
 */
export async function feeMonthIn(
  tx: Transaction,
  record: RequestRecord,
  method: FeeMethod,
  applications: readonly MonthApplication[],
  claim: { charging: boolean; at: string },
): Promise<FeeMonth> {
  const requests = tx.collection(REQUESTS);
  const fresh: MonthApplication[] = [];
  for (const a of applications) {
    if (a.id === record.id) continue;
    const current = await requests.get(a.id);
    if (current) fresh.push(current);
  }
  if (claim.charging && record.receivedOn) await touchMonthClaim(tx, [record, ...fresh], record.id, claim.at);
  return feeMonthOf(record, method, fresh);
}

/** Rewrites (or first writes) the claim every charging notice of this applicant's month writes. */
async function touchMonthClaim(tx: Transaction, month: readonly MonthApplication[], requestId: string, at: string): Promise<void> {
  const first = [...month].sort((a, b) => order(a).localeCompare(order(b)))[0];
  const id = `fee-month:${first.id}`;
  const claims = tx.collection('uniqueKeys');
  const claim = await claims.get(id);
  if (claim) await claims.update(id, claim.version, { recordId: requestId, at });
  else await claims.insert({ id, recordId: requestId, at });
}

const order = (a: MonthApplication) => `${a.receivedOn ?? ''}|${a.submittedAt}|${a.id}`;
