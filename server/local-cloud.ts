import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { AppError, httpStatusOf, type Envelope } from '../shared/api/errors';
import { consoleLogger, type Logger } from '../cloudfunctions/_runtime/handler-context';
import { identifyCaller } from '../cloudfunctions/_runtime/identify-caller';
import { invoke, MAX_PAYLOAD_BYTES } from '../cloudfunctions/_runtime/invoke';
import { enforceRateLimit, refundRateLimit, type CountedCall } from '../cloudfunctions/_runtime/rate-limiter';
import { COLLECTIONS } from '../cloudfunctions/_runtime/collections';
import { SqliteStore } from '../cloudfunctions/_runtime/store/sqlite-store';
import { SqliteNoticeSearch } from '../cloudfunctions/_runtime/store/sqlite-search';
import type { Store } from '../cloudfunctions/_runtime/store/port';
import { findFunction } from '../cloudfunctions/registry';
import { DevSessions, readCookie, SESSION_COOKIE, SESSION_HEADER } from './dev-session';
import { serveStatic } from './static-files';
import { envelopeBody } from './envelope-body';
import { seedDemoFiles } from './demo-files';
import { seedDemoData } from './seed';
import { seedDemoInquiries } from './seed-inquiries';
import { fillMissingRequestFacts } from '../cloudfunctions/_runtime/derived-records';
import { DEMO_REPORT_YEAR, seedDemoReportYear } from './seed-report-year';
import { startLocalDispatcher } from './local-dispatcher';
import { healthOf } from './health';
import { DATABASE_FILE, markRunning } from './backups';
import { AttachmentUploads } from './attachment-uploads';
import { AttachmentAccess } from './attachment-access';
import { LOCAL_FILE_PATH } from '../shared/files/attachment-files';
import { answerFeed } from '../cloudfunctions/notices/notice-feed';
import type { FeedFormat } from '../shared/notices/notice-feeds';
import * as z from 'zod/mini';
import '../shared/api/zod-messages';

/**
 * The local cloud: every cloud function over HTTP on 127.0.0.1, data in
 * SQLite, the H5 app as static files, and a dev sign-in that stands in for
 * WeChat's OPENID. The functions run through the same `invoke` as on CloudBase.
 */
export interface LocalCloudOptions {
  dataDir: string;
  /** Folder of the H5 build; omitted in API-only tests. */
  staticDir?: string;
  seed?: boolean;
  now?: () => Date;
  log?: Logger;
  /** How often the notification dispatcher looks for work (ms); false: no dispatcher (tests drive it). */
  dispatchIntervalMs?: number | false;
  /** Count callers against the abuse limits (default true); benches that flood one caller on purpose turn them off. */
  rateLimits?: boolean;
  /** Also make a whole past year through the functions, for a full annual report (`npm start` does; tests that need it ask). */
  demoYear?: boolean;
  /** Also give the demo bureau its disclosure guide, 常见问题 and a few 咨询 cases (`npm start` does; suites that number cases from 1 do not). */
  demoInquiries?: boolean;
}

export interface LocalCloud {
  server: Server;
  store: Store;
  sessions: DevSessions;
  close(): Promise<void>;
}

/** The HTTP body may carry the envelope around `data`; `invoke` enforces the limit on `data` itself. */
const MAX_BODY_BYTES = MAX_PAYLOAD_BYTES + 1024;
const SignInSchema = z.strictObject({
  openid: z.string().check(z.trim(), z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, '只能包含字母、数字、下划线和连字符')),
});

export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? consoleLogger;
  const rateLimits = options.rateLimits !== false;
  const sessions = DevSessions.fromDataDir(options.dataDir, { now }); // creates the data folder
  const store = new SqliteStore(join(options.dataDir, DATABASE_FILE), COLLECTIONS);
  // `npm run restore` refuses while this mark names a live process.
  const unmark = markRunning(options.dataDir);
  if (options.seed !== false && (await seedDemoData(store, now()))) log.info('seeded demo data', { dataDir: options.dataDir });
  // The demo guides' 示范文本 files behind their attachment links (written where missing).
  if (options.seed !== false) await seedDemoFiles(options.dataDir, store, now());
  // FTS5 over the same database; the index is made on the first search.
  const search = new SqliteNoticeSearch(store);
  if (options.seed !== false && options.demoYear && (await seedDemoReportYear(store, search))) log.info('made the demo report year', { year: DEMO_REPORT_YEAR });
  if (options.seed !== false && options.demoInquiries && (await seedDemoInquiries(store, search, now()))) log.info('seeded the demo inquiries, FAQ and guide');
  // A data folder from before the report's per-request records: write the missing ones once.
  const { written: filled } = await fillMissingRequestFacts(store);
  if (filled) log.info('wrote the report records of older requests', { requests: filled });

  const uploads = new AttachmentUploads(options.dataDir, store, now);
  const fileAccess = await AttachmentAccess.install(store);
  const startedAt = now();
  const dispatcher = options.dispatchIntervalMs === false ? null : startLocalDispatcher(store, now, log, options.dispatchIntervalMs ?? 1000, uploads);

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      log.error('request failed', { url: req.url, error: String(error) });
      if (!res.headersSent) send(res, new AppError('INTERNAL').toEnvelope());
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    const refused = refuseForeignRequest(req, path);
    if (refused) {
      // An upload's body is never read to be thrown away: the connection closes instead.
      if (path === FILES_PATH) return send(res, refused, { connection: 'close' });
      req.resume();
      return send(res, refused);
    }
    if (req.method === 'GET' && path === '/healthz') {
      const health = await healthOf(store, dispatcher?.status() ?? null, now(), startedAt);
      return sendJson(res, health.status === 'ok' ? 200 : 503, { ok: health.status === 'ok', data: health });
    }
    const feed = FEED_PATH.exec(path);
    if (feed && (req.method === 'GET' || req.method === 'HEAD')) return serveFeed(feed[1] as FeedFormat, req, res);
    const api = /^\/api\/([^/]+)$/.exec(path);
    if (api) return callFunction(api[1], req, res);
    if (path === '/dev/sign-in' && req.method === 'POST') return signIn(req, res);
    if (path === '/dev/sign-out' && req.method === 'POST') return signOut(req, res);
    if (path === FILES_PATH && req.method === 'POST') return upload(req, res);
    const file = LOCAL_FILE_PATH.exec(path);
    if (file && (req.method === 'GET' || req.method === 'HEAD')) return uploads.serve(file[1], req, res, send, await fileAccess.decide(file[1], await callerOf(req)));
    if ((req.method === 'GET' || req.method === 'HEAD') && options.staticDir && serveStatic(options.staticDir, path, res)) return;
    send(res, new AppError('NOT_FOUND').toEnvelope());
  }

  async function callFunction(name: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return send(res, new AppError('BAD_REQUEST', '请使用 POST 调用云函数').toEnvelope());
    const fn = findFunction(name);
    if (!fn) return send(res, new AppError('UNKNOWN_FUNCTION').toEnvelope());
    const body = await readJsonBody(req);
    if (!body.ok) return send(res, body);
    send(
      res,
      await invoke(fn, body.data, {
        caller: await callerOf(req),
        store,
        now,
        log,
        platform: 'local',
        search,
        rateLimits,
        clientIp: req.socket.remoteAddress,
        // A committed message is delivered by the dispatcher's next step, scheduled now in this process.
        wakeDeliveries: dispatcher ? () => dispatcher.wake() : undefined,
      }),
    );
  }

  /** The open feeds: public, read with no session, links made absolute to the host the reader used (checked above). */
  async function serveFeed(format: FeedFormat, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const siteUrl = `http://${(req.headers.host ?? '').toLowerCase()}`;
    const answer = await answerFeed({
      format,
      params: url.searchParams,
      store,
      siteUrl,
      // Uploaded files are served here to anyone while their notice is published; a CloudBase fileID cannot be fetched from outside.
      attachmentUrl: (fileUrl) => (fileUrl.startsWith('https://') ? fileUrl : LOCAL_FILE_PATH.test(fileUrl) ? `${siteUrl}${fileUrl}` : null),
      now: now(),
      ifNoneMatch: req.headers['if-none-match'],
    });
    res.writeHead(answer.status, answer.headers);
    res.end(req.method === 'HEAD' ? undefined : answer.body);
  }

  /**
   * Uploads are no cloud function, so their limit is counted here, before a byte of the body is read;
   * an upload refused after that (its bytes not an allowed file, too large) is taken off again:
   * only files kept count against the limit.
   */
  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const caller = await callerOf(req);
    let counted: CountedCall | null = null;
    if (rateLimits) {
      try {
        counted = await enforceRateLimit({ store, key: 'files.upload', caller, clientIp: req.socket.remoteAddress, now: now(), log });
      } catch (error) {
        if (error instanceof AppError) return send(res, error.toEnvelope(), { connection: 'close' });
        throw error;
      }
    }
    let kept = false;
    try {
      kept = await uploads.upload(req, res, caller, send);
    } finally {
      if (!kept) await refundRateLimit(store, counted);
    }
  }

  /** Who is calling, decided here: the dev session names an OPENID, the staff table says what it may do. */
  function callerOf(req: IncomingMessage) {
    return identifyCaller(sessions.verify(readToken(req)), store, log);
  }

  async function signIn(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJsonBody(req);
    if (!body.ok) return send(res, body);
    const parsed = SignInSchema.safeParse(body.data);
    if (!parsed.success) {
      return send(res, new AppError('VALIDATION_FAILED', undefined, { openid: parsed.error.issues[0].message }).toEnvelope());
    }
    const token = sessions.issue(parsed.data.openid);
    res.setHeader('set-cookie', `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${sessions.ttl}`);
    sendJson(res, 200, { ok: true, data: { openid: parsed.data.openid, token } });
  }

  /** Ends the session server-side too: a copy of the token (cookie or header) no longer works. */
  async function signOut(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJsonBody(req);
    if (!body.ok) return send(res, body);
    sessions.revoke(req.headers[SESSION_HEADER] as string | undefined);
    sessions.revoke(readCookie(req.headers.cookie, SESSION_COOKIE));
    res.setHeader('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
    sendJson(res, 200, { ok: true, data: null });
  }

  return {
    server,
    store,
    sessions,
    close: async () => {
      await dispatcher?.stop();
      unmark();
      await new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => {
          store.close?.();
          resolve();
        });
        if (!server.listening) {
          store.close?.();
          resolve();
        }
      });
    },
  };
}

/**
 * The local cloud answers only requests meant for it (it signs people in as
 * staff without a password, so this matters even on 127.0.0.1):
 * - Host must be 127.0.0.1 or localhost with the port the request arrived on,
 *   which defeats DNS rebinding (a web page whose host name now points here);
 * - an Origin, when the browser sends one, must be this same origin, so a page
 *   on another local port (same site, so cookies flow) cannot post;
 * - every POST must be `application/json` (an upload to /files:
 *   `application/octet-stream`), which a plain cross-site form cannot send
 *   without a CORS preflight this server never grants.
 */
function refuseForeignRequest(req: IncomingMessage, path: string): Envelope<unknown> | null {
  const port = req.socket.localPort;
  const host = req.headers.host ?? '';
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(host.toLowerCase())) return new AppError('FORBIDDEN', '请求的主机名不被允许，请通过 127.0.0.1 访问').toEnvelope();
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host.toLowerCase()}`) {
    return new AppError('FORBIDDEN', '请求来源不被允许').toEnvelope();
  }
  if (req.method === 'POST' && path === FILES_PATH) {
    if (mediaType(req.headers['content-type']) !== 'application/octet-stream') return new AppError('BAD_REQUEST', '上传文件须为 application/octet-stream 格式').toEnvelope();
  } else if (req.method === 'POST' && mediaType(req.headers['content-type']) !== 'application/json') {
    return new AppError('BAD_REQUEST', '请求须为 application/json 格式').toEnvelope();
  }
  return null;
}

const FILES_PATH = '/files';
const FEED_PATH = /^\/feeds\/notices\.(atom|json)$/;

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** The WeChat build pointed at a local cloud has no cookie jar, so it sends the token in a header. */
function readToken(req: IncomingMessage): string | null {
  const header = req.headers[SESSION_HEADER];
  if (typeof header === 'string' && header) return header;
  // readCookie answers null for an unreadable value: that caller is simply not signed in.
  return readCookie(req.headers.cookie, SESSION_COOKIE);
}

/**
 * The body read with plain 'data'/'end' listeners: an async iterator over the request (`for await`)
 * cost half of the local cloud's own time per small call (profiled under the notice list's load).
 */
function readJsonBody(req: IncomingMessage): Promise<Envelope<unknown>> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    return Promise.resolve(new AppError('PAYLOAD_TOO_LARGE').toEnvelope());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Answered at once; the rest of the body is read and dropped.
        req.off('data', onData);
        req.resume();
        return resolve(new AppError('PAYLOAD_TOO_LARGE').toEnvelope());
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('error', reject);
    // A client that went away mid-body: nothing to answer, nothing left waiting.
    req.on('close', () => {
      if (!req.complete) resolve(new AppError('BAD_REQUEST').toEnvelope());
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return;
      const text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({ ok: true, data: {} });
      try {
        resolve({ ok: true, data: JSON.parse(text) });
      } catch {
        resolve(new AppError('BAD_REQUEST').toEnvelope());
      }
    });
  });
}

function send(res: ServerResponse, envelope: Envelope<unknown>, headers: Record<string, string> = {}): void {
  // HTTP clients and proxies read the wait from the header; the app reads it from the envelope.
  if (!envelope.ok && envelope.retryAfter !== undefined) headers = { ...headers, 'retry-after': String(envelope.retryAfter) };
  writeJson(res, envelope.ok ? 200 : httpStatusOf(envelope.code), envelopeBody(envelope), headers);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  writeJson(res, status, JSON.stringify(body), headers);
}

function writeJson(res: ServerResponse, status: number, body: Buffer | string, headers: Record<string, string>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(body);
}
