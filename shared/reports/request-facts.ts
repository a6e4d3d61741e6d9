import type { ReplyCategory } from '../requests/reply-categories';
import type { RequestRecord } from '../requests/request-record';
import type { RequestStatus } from '../requests/request-schema';
import type { ApplicantColumn } from './report-layout';

/**
 * What the annual report and the statistics count of one request, kept as a
 * small flat record of its own beside it (collection `requestFacts`, same id)
 * and rewritten in the same transaction as every change to the request
 * (cloudfunctions/_runtime/derived-records.ts).
 *
 * Measured on 100,000 requests: reading whole request records, or a
 * projection of them (which SQLite still cuts out of each whole document),
 * was 2.5 s of the report's 3 s. These records hold no texts, letters or
 * history that grow with the case, no personal data, and no nested objects
 * to decode; the few decisions the tables need (which column, which row, the
 * day it ended) are taken once, when the request changes. Nor the tracking
 * number: its Chinese characters made every record's text two-byte, and
 * reading 100,000 of them cost a third more (measured); the few a check names
 * are looked up from the requests (report-sources.ts). A record written with
 * it still carries it, unread.
 */
export interface RequestFacts {
  status: RequestStatus;
  /** 受理之日 (Art. 31), a Beijing day; null before registration: such an application counts nowhere. */
  receivedOn: string | null;
  /** The day it was answered, closed or withdrawn; null while the bureau still owes an answer. */
  concludedOn: string | null;
  /** `concludedOn`, or OPEN_SORT while open: lets a read skip what was concluded before a period. */
  concludedSort: string;
  column: ApplicantColumn;
  /** The result row it is counted in once concluded; null while open, or concluded with no category (a check names it). */
  row: ReplyCategory | null;
  /** Whether the bureau still owes an answer (overdue figures). */
  open: boolean;
  /**
   * The due date as the clock gave it: while open, the day the answer is due; once answered, the
   * due date it was answered against (pauses, extension and any 延迟答复 included). Null when no
   * clock ran.
   */
  dueOn: string | null;
}

/** What `concludedSort` holds while a request is open: after every real day. */
export const OPEN_SORT = '9999-12-31';

/** What the facts are derived from: the fields of a request they read (also the projection when derived from the records). */
export type FactSource = Pick<RequestRecord, 'status' | 'receivedOn'> & {
  applicant: Pick<RequestRecord['applicant'], 'type' | 'orgKind'>;
  reply: Pick<NonNullable<RequestRecord['reply']>, 'category' | 'on'> | null;
  ending: Pick<NonNullable<RequestRecord['ending']>, 'category' | 'on'> | null;
  /** Absent from a bare test record: then open means not concluded, and no due date is known. */
  open?: boolean;
  dueOn?: string | null;
};
export const FACT_SOURCE_FIELDS = ['status', 'receivedOn', 'applicant', 'reply', 'ending', 'open', 'dueOn'] as const;

/** The day a request was concluded (answered, closed or withdrawn), or null while the bureau still owes an answer. */
export function concludedOn(r: Pick<FactSource, 'status' | 'reply' | 'ending'>): string | null {
  if (r.status === 'replied') return r.reply?.on ?? null;
  if (r.status === 'closed' || r.status === 'withdrawn') return r.ending?.on ?? r.reply?.on ?? null;
  return null;
}

/** The result row a concluded request is counted in; null when the record carries no category. A withdrawal after receipt is (六)3 其他. */
export function resultRowOf(r: Pick<FactSource, 'status' | 'reply' | 'ending'>): ReplyCategory | null {
  if (r.status === 'replied') return r.reply?.category ?? null;
  if (r.status === 'withdrawn') return r.ending?.category ?? 'other.other';
  if (r.status === 'closed') return r.ending?.category ?? null;
  return null;
}

/** The column of an applicant: an organisation without a recorded kind counts as 其他. */
export function columnOf(applicant: { type: string; orgKind?: ApplicantColumn | null }): ApplicantColumn {
  if (applicant.type === 'person') return 'person';
  return applicant.orgKind ?? 'other';
}

/** The facts of a request as its record holds them now. */
export function requestFactsOf(r: FactSource): RequestFacts {
  const ended = concludedOn(r);
  return {
    status: r.status,
    receivedOn: r.receivedOn ?? null,
    concludedOn: ended,
    concludedSort: ended ?? OPEN_SORT,
    column: columnOf(r.applicant),
    row: ended ? resultRowOf(r) : null,
    open: r.open ?? ended === null,
    dueOn: r.dueOn ?? null,
  };
}

/** Whether a stored facts record already says what `next` says (most changes to a request, a note or an assignment, leave them as they were). */
export function sameFacts(stored: RequestFacts, next: RequestFacts): boolean {
  return (Object.keys(next) as Array<keyof RequestFacts>).every((key) => stored[key] === next[key]);
}
