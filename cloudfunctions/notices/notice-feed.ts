import { createHash } from 'node:crypto';
import { toPublicNotice } from '../../shared/notices/notice-lifecycle';
import {
  FEED_CACHE_CONTROL,
  FEED_CONTENT_TYPES,
  FEED_SIZE,
  feedPath,
  parseFeedQuery,
  renderAtomFeed,
  renderJsonFeed,
  type FeedFormat,
} from '../../shared/notices/notice-feeds';
import type { Page, Store, Stored } from '../_runtime/store/port';
import type { Notice } from '../../shared/notices/notice-schema';
import { publishedNoticesWhere } from './published-notices';
import { InvalidCursorError } from '../_runtime/store/cursor';

function badRequest(message: string): FeedAnswer {
  return {
    status: 400,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify({ ok: false, code: 'BAD_REQUEST', message }),
  };
}

/** One HTTP answer for a feed, whatever serves it (the local cloud, CloudBase's HTTP access). */
export interface FeedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface FeedRequest {
  format: FeedFormat;
  params: URLSearchParams;
  store: Store;
  siteUrl: string;
  /** Where the feeds themselves are served (for their self links), when not on the site itself. */
  feedOrigin?: string;
  attachmentUrl: (url: string) => string | null;
  now: Date;
  /** The reader's If-None-Match: an unchanged feed answers 304 without a body. */
  ifNoneMatch?: string;
}

/**
 * Reads the newest published notices the way `notices.list` does (same filter, same order),
 * but whole, turned into the resident's view (`toPublicNotice`) before anything renders them.
 * Withdrawn and draft notices are not `published`, so they are never read.
 */
export async function answerFeed(request: FeedRequest): Promise<FeedAnswer> {
  const departments = (await request.store.collection('departments').find({ orderBy: [['order', 'asc']], limit: 100 })).items;
  const parsed = parseFeedQuery(request.params, departments);
  if (!parsed.ok) return badRequest(parsed.message);
  const { query } = parsed;
  let page: Page<Stored<Notice>>;
  try {
    page = await request.store.collection('notices').find({
      where: publishedNoticesWhere(query.kind, query.departmentId),
      orderBy: [['publishedAt', 'desc']],
      limit: FEED_SIZE,
      cursor: query.page ?? null,
    });
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    return badRequest('翻页参数 page 无效或已过期，请从订阅地址的第一页读起');
  }
  const origin = request.feedOrigin ?? request.siteUrl;
  const { page: _page, ...first } = query;
  const input = {
    siteUrl: request.siteUrl,
    query,
    departments,
    notices: page.items.map(toPublicNotice),
    attachmentUrl: request.attachmentUrl,
    now: request.now,
    nextUrl: page.nextCursor ? `${origin}${feedPath(request.format, { ...first, page: page.nextCursor })}` : null,
    firstUrl: query.page ? `${origin}${feedPath(request.format, first)}` : null,
  };
  const self = `${origin}${feedPath(request.format, query)}`;
  const body = request.format === 'atom' ? renderAtomFeed(input, self) : renderJsonFeed(input, self);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers: Record<string, string> = { 'content-type': FEED_CONTENT_TYPES[request.format], 'cache-control': FEED_CACHE_CONTROL, etag };
  const newest = page.items[0]?.publishedAt;
  if (newest) headers['last-modified'] = new Date(newest).toUTCString();
  if (request.ifNoneMatch && request.ifNoneMatch.split(',').some((tag) => tag.trim() === etag)) return { status: 304, headers, body: '' };
  return { status: 200, headers, body };
}
