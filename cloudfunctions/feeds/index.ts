import { AppError } from '../../shared/api/errors';
import { cloudbaseServices } from '../_runtime/cloudbase-main';
import { consoleLogger } from '../_runtime/handler-context';
import { answerFeedEvent, type HttpEvent, type HttpReply } from './feeds-http';

/** CloudBase HTTP access → the open feeds (see feeds-http.ts); a failure answers 500 with a Chinese message, never a stack. */
export async function main(event: unknown): Promise<HttpReply> {
  try {
    return await answerFeedEvent((event ?? {}) as HttpEvent, { store: () => cloudbaseServices().store, siteUrl: process.env.FEEDS_SITE_URL, now: new Date() });
  } catch (error) {
    consoleLogger.error('feed failed', { error: String(error) });
    return {
      statusCode: 500,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      body: JSON.stringify(new AppError('INTERNAL').toEnvelope()),
      isBase64Encoded: false,
    };
  }
}
