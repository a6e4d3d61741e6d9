import { toSummary } from '../../../shared/notices/notice-lifecycle';
import type { Notice } from '../../../shared/notices/notice-schema';
import { decodeCursor, keysetAlternatives, pageOf, sortOrder } from './cursor';
import type { CloudbaseCommand } from './cloudbase-store';
import type { FindOptions, Page, Scalar } from './port';
import type { FaqSearchRequest, NoticeSearch, NoticeSearchHit, NoticeSearchRequest } from './search-port';
import type { FaqRecord } from '../../../shared/inquiries/faq-types';
import type { Stored } from './port';

/**
 * Notice search on CloudBase. Its document database has no full-text index,
 * so this is what it does offer: a case-insensitive regular expression per
 * term (`db.RegExp`) over title, summary and 文号, every term required, on
 * published notices, newest first with the same keyset cursor as lists, and
 * only the fields a result card needs (`field()`), never the bodies.
 *
 * What degrades against the local cloud (stated in the README): bodies and
 * guide fields are not searched (a regular expression over 2,000-character
 * bodies is a scan of the whole collection on every call); "by relevance"
 * falls back to newest first; highlights cover title, summary and 文号 only.
 */
export interface CloudbaseSearchDb {
  command: Pick<CloudbaseCommand, 'and' | 'or' | 'eq' | 'lt' | 'gt'>;
  RegExp(options: { regexp: string; options?: string }): unknown;
  collection(name: string): CbSearchQuery;
}

export interface CbSearchQuery {
  where(condition: unknown): CbSearchQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): CbSearchQuery;
  limit(n: number): CbSearchQuery;
  field(projection: Record<string, boolean>): CbSearchQuery;
  get(): Promise<{ data: unknown[] }>;
}

const SEARCHED = ['title', 'summary', 'docNumber'] as const;
const PROJECTION = {
  _id: true, kind: true, title: true, summary: true, departmentId: true, departmentName: true, publishedAt: true,
  period: true, docNumber: true, issuingBody: true, validity: true, replacedById: true, correctedAt: true,
};

export class CloudbaseNoticeSearch implements NoticeSearch {
  constructor(private readonly db: CloudbaseSearchDb) {}

  searchFaq(request: FaqSearchRequest): Promise<Array<Stored<FaqRecord>>> {
    return searchFaqOnCloudbase(this.db, request);
  }

  async search(request: NoticeSearchRequest): Promise<Page<NoticeSearchHit>> {
    const _ = this.db.command;
    const options: FindOptions = { orderBy: [['publishedAt', 'desc']], limit: request.limit, cursor: request.cursor };
    const conditions: unknown[] = [{ status: _.eq('published') }];
    if (request.kind) conditions.push({ kind: _.eq(request.kind) });
    if (request.departmentId) conditions.push({ departmentId: _.eq(request.departmentId) });
    for (const term of request.terms) {
      const pattern = this.db.RegExp({ regexp: escapeRegExp(term), options: 'i' });
      conditions.push(_.or(SEARCHED.map((field) => ({ [field]: pattern }))));
    }
    const order = sortOrder(options);
    if (request.cursor) {
      const values = decodeCursor(request.cursor, options);
      conditions.push(_.or(keysetAlternatives(order, values).map((terms) =>
        _.and(terms.map(({ field, op, value }) => ({ [field === 'id' ? '_id' : field]: _[op](value as Scalar) }))))));
    }
    let query = this.db.collection('notices').where(_.and(conditions));
    for (const [field, direction] of order) query = query.orderBy(field === 'id' ? '_id' : field, direction);
    const res = await query.limit(request.limit + 1).field(PROJECTION).get();
    const rows = (res.data as Array<Record<string, unknown>>).map(({ _id, ...rest }) => ({ ...rest, id: _id as string }) as unknown as Notice);
    const page = pageOf(rows, options);
    return {
      items: page.items.map((notice) => ({
        summary: toSummary(notice),
        texts: { title: notice.title, summary: notice.summary, docNumber: [notice.kind === 'policy' ? notice.docNumber : '', notice.kind === 'policy' ? notice.issuingBody : ''].filter(Boolean).join(' ') },
      })),
      nextCursor: page.nextCursor,
    };
  }
}

const FAQ_SEARCHED = ['question', 'answer', 'topic'] as const;

/**
 * The FAQ on CloudBase: the same regular expressions over question, answer and topic (a bureau's
 * FAQ is small, so answers are searched too), active entries, in the port's order — those whose
 * question holds the first term first, then the most recently checked — as the local cloud's index
 * answers. CloudBase cannot sort by "matches", so it asks twice: the question matches (newest
 * checked first), then all matches; the first `limit` of the second holds every other entry the page
 * needs, since at most `limit` of them are question matches.
 */
export async function searchFaqOnCloudbase(db: CloudbaseSearchDb, request: FaqSearchRequest): Promise<Array<Stored<FaqRecord>>> {
  if (request.terms.length === 0) return [];
  const _ = db.command;
  const conditions: unknown[] = [{ status: _.eq('active') }];
  if (request.departmentId) conditions.push({ departmentId: _.eq(request.departmentId) });
  if (request.topic) conditions.push({ topic: _.eq(request.topic) });
  const pattern = (term: string) => db.RegExp({ regexp: escapeRegExp(term), options: 'i' });
  for (const term of request.terms) conditions.push(_.or(FAQ_SEARCHED.map((field) => ({ [field]: pattern(term) }))));
  const read = async (where: unknown[]) =>
    ((await db.collection('faq').where(_.and(where)).orderBy('checkedAt', 'desc').limit(request.limit).get()).data as Array<Record<string, unknown>>)
      .map(({ _id, ...rest }) => ({ ...rest, id: _id as string }) as unknown as Stored<FaqRecord>);
  const inQuestion = await read([...conditions, { question: pattern(request.terms[0]) }]);
  if (inQuestion.length >= request.limit) return inQuestion;
  const first = new Set(inQuestion.map((entry) => entry.id));
  const rest = (await read(conditions)).filter((entry) => !first.has(entry.id));
  return [...inQuestion, ...rest].slice(0, request.limit);
}

/** A term is matched literally: every character a regular expression would read as syntax is escaped. */
export function escapeRegExp(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&');
}
