import { AppError } from '../../shared/api/errors';
import { answerFeed } from '../notices/notice-feed';
import type { FeedFormat } from '../../shared/notices/notice-feeds';
import type { Store } from '../_runtime/store/port';

/**
 * The open feeds on CloudBase: a function reached through HTTP access (HTTP 访问服务), not through
 * `wx.cloud.callFunction`, so it has no action and no caller and is not in the registry of
 * `cloudfunctions/registry.ts`. It answers what the local cloud answers at the same paths
 * (`answerFeed`); this module only translates the platform's event and reply.
 */
export interface HttpEvent {
  path?: string;
  httpMethod?: string;
  headers?: Record<string, string | undefined>;
  queryStringParameters?: Record<string, string | undefined> | null;
}

export interface HttpReply {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}

/** The end of the path decides, so the feeds work whatever path prefix the console binds to the function. */
const FEED_PATH = /\/notices\.(atom|json)$/;

/** `store` is asked for only once the request is for a feed, so a stray request opens no database connection. */
export async function answerFeedEvent(event: HttpEvent, services: { store: () => Store; siteUrl: string | undefined; now: Date }): Promise<HttpReply> {
  const match = FEED_PATH.exec(typeof event?.path === 'string' ? event.path : '');
  const method = (event?.httpMethod ?? 'GET').toUpperCase();
  if (!match || (method !== 'GET' && method !== 'HEAD')) {
    return reply(404, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, JSON.stringify(new AppError('NOT_FOUND').toEnvelope()));
  }
  const headers = lowerCased(event.headers ?? {});
  // Links must point at the H5 site residents use (FEEDS_SITE_URL); without it, at the host the reader asked.
  const origin = `https://${headers.host ?? 'localhost'}`;
  const siteUrl = (services.siteUrl || origin).replace(/\/+$/, '');
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(event.queryStringParameters ?? {})) if (typeof value === 'string') params.append(key, value);
  const answer = await answerFeed({
    format: match[1] as FeedFormat,
    params,
    store: services.store(),
    siteUrl,
    feedOrigin: origin,
    // cloud:// fileIDs are not public addresses (a temporary URL would expire inside readers' caches): only https is linked.
    attachmentUrl: (url) => (url.startsWith('https://') ? url : null),
    now: services.now,
    ifNoneMatch: headers['if-none-match'],
  });
  return reply(answer.status, answer.headers, method === 'HEAD' ? '' : answer.body);
}

function reply(statusCode: number, headers: Record<string, string>, body: string): HttpReply {
  return { statusCode, headers, body, isBase64Encoded: false };
}

function lowerCased(headers: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
