import { createHash } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import {
  DEFAULT_RATE_LIMITS,
  limitsFor,
  RATE_LIMITS_META_ID,
  rateLimitedMessage,
  secondsUntilWindowEnds,
  windowStartOf,
  type Audience,
  type RateLimit,
  type RateLimitOverrides,
} from '../../shared/limits/rate-limits';
import { isStaff, type Caller } from '../../shared/staff/roles';
import type { Logger } from './handler-context';
import { DuplicateIdError, VersionConflictError, type Store } from './store/port';

/**
 * Counts a caller's use of a limited action in the database, so every CloudBase instance (they
 * come and go) and every local process shares the same counts. One counter per caller, action,
 * limit and fixed window; the counters of all the action's limits are read and bumped in one
 * transaction, so of 300 submits fired at once exactly the allowed number pass. A refused call
 * writes nothing at all: not the counter, and (the caller runs this before the handler) not the
 * record it was about to create.
 */
export interface RateLimitCheck {
  store: Store;
  /** `function.action`, e.g. `requests.submit`, or `files.upload`. */
  key: string;
  caller: Caller;
  /** Who an anonymous caller is: its IP address (local cloud); without one an anonymous call is not limited. */
  clientIp?: string;
  now: Date;
  log?: Logger;
}

/** A counter: how many calls this caller made of this action in one window. Ids are hashes, so no OPENID or IP is stored. */
export interface RateCounterRecord {
  count: number;
  key: string;
  /** When the window ends (ISO): counters past it count nothing; the retention job and an erasure remove them. */
  windowEnd: string;
}

const ATTEMPTS = 5;

/**
 * Actions whose refusals are taken off the count again (refundRateLimit): an upload, refused for what
 * the file turns out to be (its type, its size, whose it is), leaves the caller's limit as it was. The
 * local cloud's `POST /files` does the same for its own road (server/local-cloud.ts).
 */
export const COUNTED_WHEN_KEPT: ReadonlySet<string> = new Set(['files.upload']);

/**
 * The counters one call was counted in: handed back by enforceRateLimit so a call refused after it
 * was counted (an upload whose bytes turn out not to be allowed) can be taken off again (refundRateLimit).
 */
export interface CountedCall {
  counterIds: string[];
}

/** Throws RATE_LIMITED (with `retryAfter` seconds) when the caller has used up a limit; otherwise counts this call. */
export async function enforceRateLimit(check: RateLimitCheck): Promise<CountedCall | null> {
  if (!Object.prototype.hasOwnProperty.call(DEFAULT_RATE_LIMITS, check.key)) return null;
  const who = callerKeyOf(check.caller, check.clientIp);
  if (!who) return null;
  const limits = limitsFor(check.key, who.audience, await bureauOverrides(check.store, check.log));
  if (limits.length === 0) return null;
  const counters = limits.map((limit) => ({ limit, id: counterId(check.key, who, limit, check.now) }));

  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      const refusal = await check.store.transaction(async (tx) => {
        const collection = tx.collection('rateLimits');
        const current = [];
        for (const counter of counters) current.push({ ...counter, record: await collection.get(counter.id) });
        const full = current.filter((c) => (c.record?.count ?? 0) >= c.limit.max);
        if (full.length > 0) {
          // The longest wait decides: trying again when the hour's window ends would still meet the day's.
          const worst = full.reduce((a, b) => (secondsUntilWindowEnds(check.now, a.limit.seconds) >= secondsUntilWindowEnds(check.now, b.limit.seconds) ? a : b));
          return { limit: worst.limit, retryAfter: secondsUntilWindowEnds(check.now, worst.limit.seconds) };
        }
        for (const c of current) {
          if (c.record) await collection.update(c.id, c.record.version, { count: c.record.count + 1 });
          else await collection.insert({ id: c.id, count: 1, key: check.key, windowEnd: new Date(windowStartOf(check.now, c.limit.seconds) + c.limit.seconds * 1000).toISOString() });
        }
        return null;
      });
      if (refusal) throw rateLimited(check.key, refusal.limit, refusal.retryAfter);
      return { counterIds: counters.map((c) => c.id) };
    } catch (error) {
      // Two calls counted at the same moment (another CloudBase instance): count again on what is current.
      if (error instanceof VersionConflictError || error instanceof DuplicateIdError) continue;
      throw error;
    }
  }
  // Still racing after several tries means a flood of this very caller: refusing is the safe answer.
  throw new AppError('RATE_LIMITED', undefined, undefined, 1);
}

/**
 * Takes a counted call off its counters again: only calls that did what they asked count against a
 * limit, so a resident whose upload was refused (not a PDF, too large, not theirs to upload) may try
 * again with the right file. Counted first and refunded after, rather than counted only on success,
 * so that of many uploads sent at once no more than the limit can be under way together.
 */
export async function refundRateLimit(store: Store, counted: CountedCall | null): Promise<void> {
  if (!counted) return;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      await store.transaction(async (tx) => {
        const collection = tx.collection('rateLimits');
        for (const id of counted.counterIds) {
          const record = await collection.get(id);
          if (record && record.count > 0) await collection.update(id, record.version, { count: record.count - 1 });
        }
      });
      return;
    } catch (error) {
      if (error instanceof VersionConflictError) continue;
      throw error;
    }
  }
}

function rateLimited(key: string, limit: RateLimit, retryAfter: number): AppError {
  return new AppError('RATE_LIMITED', rateLimitedMessage(key, limit, retryAfter), undefined, retryAfter);
}

function callerKeyOf(caller: Caller, clientIp: string | undefined): { audience: Audience; id: string } | null {
  if (caller.openid) return { audience: isStaff(caller) ? 'staff' : 'resident', id: caller.openid };
  if (clientIp) return { audience: 'anonymous', id: clientIp };
  return null;
}

/**
 * The ids of every counter `openid` may have in the windows running at `now` (as a resident and as
 * staff, each limited action and limit, the bureau's limits and the defaults): a resident's erasure
 * removes them, since anyone who knows the OPENID could recompute them. Counters of ended windows
 * count nothing and go whoever's they are (expiredCounters).
 */
export async function liveCounterIdsOf(store: Store, openid: string, now: Date): Promise<string[]> {
  const overrides = await bureauOverrides(store);
  const ids = new Set<string>();
  for (const key of Object.keys(DEFAULT_RATE_LIMITS)) {
    for (const audience of ['resident', 'staff'] as const) {
      for (const limit of [...limitsFor(key, audience, overrides), ...limitsFor(key, audience, undefined)]) ids.add(counterId(key, { audience, id: openid }, limit, now));
    }
  }
  return [...ids];
}

function counterId(key: string, who: { audience: Audience; id: string }, limit: RateLimit, now: Date): string {
  const window = windowStartOf(now, limit.seconds);
  return createHash('sha256').update(`${key}\n${who.audience}\n${who.id}\n${limit.seconds}\n${window}`).digest('hex').slice(0, 40);
}

/** The bureau's own limits (`meta/rate-limits`); a malformed document is logged and the defaults apply. */
async function bureauOverrides(store: Store, log?: Logger): Promise<RateLimitOverrides | undefined> {
  const doc = await store.collection('meta').get(RATE_LIMITS_META_ID);
  const limits = doc?.rateLimits;
  if (limits === undefined) return undefined;
  if (typeof limits !== 'object' || limits === null || Array.isArray(limits)) {
    log?.error('malformed rate-limits document: defaults apply', { limits });
    return undefined;
  }
  return limits;
}

