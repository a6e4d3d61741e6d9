import type { ReplyCategory } from '../requests/reply-categories';
import { REPLY_CATEGORY_INFO } from '../requests/reply-categories';
import { columnOf, concludedOn, requestFactsOf, resultRowOf, type RequestFacts } from './request-facts';
import type { RequestCore } from '../requests/request-types';
import {
  APPLICANT_COLUMNS,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  SUBDIVIDED_GROUPS,
  subRowsOf,
  type RequestColumn,
  type RequestRow,
} from './report-layout';

/**
 * Part 3 of the annual report (三、收到和处理政府信息公开申请情况), computed
 * from the request records, never typed in (domain.md §3).
 *
 * A request is counted by three dates, all Beijing days:
 * - 新收 (`received`) in the year its 受理之日 (`receivedOn`, Art. 31) falls;
 * - 办结 (a result row, and `concluded`) in the year it was answered, closed or
 *   withdrawn — so one received in December and answered in January is new in
 *   the first year, carried into the second and concluded there;
 * - 上年结转 (`carriedIn`): received before 1 January and still open at the
 *   end of 31 December of the year before; 结转下年度 (`carriedOut`) the same
 *   on 31 December of the report's year.
 * An application never registered has no received date: it was never a
 * request of the bureau's, and counts nowhere (a withdrawal before 受理 too).
 * A withdrawal after receipt is (六)3 其他, as the template has no row of its own.
 */

/** What the report reads of a request: the record, or the few fields it needs. */
export type ReportedRequest = Pick<RequestCore, 'id' | 'trackingNumber' | 'status' | 'receivedOn'> & {
  applicant: Pick<RequestCore['applicant'], 'type' | 'orgKind'>;
  reply: Pick<NonNullable<RequestCore['reply']>, 'category' | 'on'> | null;
  ending: Pick<NonNullable<RequestCore['ending']>, 'category' | 'on'> | null;
};

/**
 * A request's facts (request-facts.ts) with its id: what the counting below reads. The tracking number
 * only when the facts were derived from the request itself; read from the compact records, the few a
 * check names are looked up afterwards (report-sources.ts nameRequests).
 */
export type CountedRequest = RequestFacts & { id: string; trackingNumber?: string };

export type RequestsTableRows = Record<RequestRow, Record<RequestColumn, number>>;

export interface RequestsTable {
  rows: RequestsTableRows;
  columns: RequestColumn[];
}

/** What the checks need besides the table: which records fell where. */
export interface RequestsTally extends RequestsTable {
  /** Concluded in the year but with no category to count them under. */
  uncategorised: RecordRef[];
  /** Ids seen more than once in the input (a paging fault would count a request twice). */
  duplicates: RecordRef[];
  /** Requests concluded in the year, and how many of them were counted in a result row (the rest are `uncategorised`). */
  concludedCount: number;
  countedCount: number;
}

export interface RecordRef {
  id: string;
  /** What the preview shows for the link: a request's tracking number, a notice's 文号 or title. */
  trackingNumber: string;
  /** A notice (a check of Part 2); absent for a request. */
  kind?: 'notice';
}

export { columnOf, concludedOn, resultRowOf };

export function emptyRows(): RequestsTableRows {
  const rows = {} as RequestsTableRows;
  for (const row of REQUEST_ROWS) {
    rows[row] = {} as Record<RequestColumn, number>;
    for (const column of REQUEST_COLUMNS) rows[row][column] = 0;
  }
  return rows;
}

/** Counts whole request records (or their few fields) into the year's table: their facts, counted. */
export function tallyRequests(records: Iterable<ReportedRequest>, year: number): RequestsTally {
  return tallyFacts(factsOfAll(records), year);
}

function* factsOfAll(records: Iterable<ReportedRequest>): Iterable<CountedRequest> {
  for (const r of records) yield { ...requestFactsOf(r), id: r.id, trackingNumber: r.trackingNumber };
}

/** What the counting reads of a request's facts. */
export type TalliedFacts = Pick<CountedRequest, 'id' | 'trackingNumber' | 'receivedOn' | 'concludedOn' | 'column' | 'row'>;

/** A request a check names; its tracking number is '' until looked up (the compact records do not hold it). */
function refOf(r: TalliedFacts): RecordRef {
  return { id: r.id, trackingNumber: r.trackingNumber ?? '' };
}

/**
 * Counts every request's facts into the year's table: one pass, so a year of 100,000 stays fast.
 * The one counting there is, whether the facts come from the compact records or from the requests.
 */
export function tallyFacts(records: Iterable<TalliedFacts>, year: number): RequestsTally {
  const counter = new RequestsCounter(year);
  for (const r of records) counter.add(r);
  return counter.result();
}

/**
 * The counting of `tallyFacts`, fed one request at a time: a reader hands it each page as it
 * arrives and keeps none, so a year's records never all live at once.
 */
export class RequestsCounter {
  private readonly first: string;
  private readonly last: string;
  private readonly rows = emptyRows();
  private readonly seen = new Set<string>();
  private readonly uncategorised: RecordRef[] = [];
  private readonly duplicates: RecordRef[] = [];
  private concludedCount = 0;
  private countedCount = 0;

  constructor(year: number) {
    this.first = `${year}-01-01`;
    this.last = `${year}-12-31`;
  }

  add(r: TalliedFacts): void {
    const { rows, first, last, seen } = this;
    // One lookup, not has-then-add: a year is 100,000 of them.
    const known = seen.size;
    if (seen.add(r.id).size === known) {
      this.duplicates.push(refOf(r));
      return;
    }
    const received = r.receivedOn;
    if (!received || received > last) return;
    const column = r.column;
    const endedOn = r.concludedOn;

    if (received >= first) rows.received[column] += 1;
    else if (!endedOn || endedOn >= first) rows.carriedIn[column] += 1;

    if (endedOn && endedOn >= first && endedOn <= last) {
      this.concludedCount += 1;
      if (r.row) {
        rows[r.row][column] += 1;
        this.countedCount += 1;
      } else this.uncategorised.push(refOf(r));
    }
    if (!endedOn || endedOn > last) rows.carriedOut[column] += 1;
  }

  /** The table, its sums filled in, and what the checks need. */
  result(): RequestsTally {
    const rows = this.rows;
    for (const group of SUBDIVIDED_GROUPS) {
      for (const column of APPLICANT_COLUMNS) rows[group][column] = subRowsOf(group).reduce((sum, c) => sum + rows[c][column], 0);
    }
    for (const column of APPLICANT_COLUMNS) {
      rows.concluded[column] = rows.disclosed[column] + rows.partial[column] + SUBDIVIDED_GROUPS.reduce((sum, g) => sum + rows[g][column], 0);
    }
    for (const row of REQUEST_ROWS) rows[row].total = APPLICANT_COLUMNS.reduce((sum, c) => sum + rows[row][c], 0);
    return {
      rows,
      columns: [...REQUEST_COLUMNS],
      uncategorised: this.uncategorised,
      duplicates: this.duplicates,
      concludedCount: this.concludedCount,
      countedCount: this.countedCount,
    };
  }
}

/** Part 3 alone, as the wire carries it. */
export function computeRequestsTable(records: Iterable<ReportedRequest>, year: number): RequestsTable {
  const { rows, columns } = tallyRequests(records, year);
  return { rows, columns };
}

/** The group a category is summed into (for the checks' messages). */
export function groupOf(category: ReplyCategory) {
  return REPLY_CATEGORY_INFO[category].group;
}
