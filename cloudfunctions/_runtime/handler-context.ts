import type { Caller } from '../../shared/staff/roles';
import type { Store } from './store/port';
import type { NoticeSearch } from './store/search-port';
import type { WxOpenApi } from './wx-open-api';
import type { FileLinks } from './cloudbase-storage';
import type { WakeDeliveries } from './wake-deliveries';

/** Everything a handler may use. Time is injected so tests can set the clock. */
export interface HandlerContext {
  caller: Caller;
  store: Store;
  now: () => Date;
  log: Logger;
  /** Where the function runs: the local cloud offers dev sign-in, CloudBase never does. */
  platform: 'local' | 'cloudbase';
  /** WeChat's server APIs; present only on CloudBase. */
  wxOpenApi?: WxOpenApi;
  /**
   * Full-text search over published notices, wired by the entry point for its database (SQLite FTS5 in
   * the local cloud, regular expressions on CloudBase), so no function bundle carries the other's code.
   */
  search: NoticeSearch;
  /**
   * Whether the abuse limits (shared/limits/rate-limits.ts) are counted: the local cloud and
   * CloudBase turn them on; the test harness leaves them off unless a suite asks for them.
   */
  rateLimits?: boolean;
  /** Short-lived addresses of files in CloudBase's private storage (cloudbase-storage.ts); present only on CloudBase. */
  fileLinks?: FileLinks;
  /** The caller's IP address where the entry knows it (local cloud): the key of an anonymous caller's limits. */
  clientIp?: string;
  /**
   * Asks the `deliveries` function to run now, without waiting for it (wake-deliveries.ts): `invoke`
   * calls it after a handler committed an outbox row. The local cloud schedules its dispatcher's next
   * step at once; CloudBase calls the function. Absent: the next timer tick delivers.
   */
  wakeDeliveries?: WakeDeliveries;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const consoleLogger: Logger = {
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
};

export const silentLogger: Logger = { info: () => undefined, error: () => undefined };
