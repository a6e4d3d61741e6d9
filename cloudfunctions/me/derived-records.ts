import { helpfulClaimId } from '../faq/helpful-claims';
import { viewerKey } from '../notices/notice-views';
import { viewRecordId } from '../../shared/notices/notice-views';
import { liveCounterIdsOf, type RateCounterRecord } from '../_runtime/rate-limiter';
import type { Store, Stored } from '../_runtime/store/port';
import { findAll } from './resident-records';

/**
 * Records that name a resident by a hash of their OPENID, not by the OPENID: no query by OPENID finds
 * them, yet anyone who knows the OPENID can recompute the hash and tell that this resident read a
 * notice that day, found an FAQ answer helpful, or called a limited action. An erasure removes them;
 * each finder answers the records to remove (what it cannot address directly it reads, and the
 * retention job keeps those collections small).
 */

/**
 * Their 阅读 records: a view's id is its day and a hash of notice and OPENID. Views older than
 * yesterday are removed by the retention job (a view only counts on its day), so this reads a day or
 * two of views, by the `day` index.
 */
export async function noticeViewsOf(store: Store, openid: string): Promise<Array<{ id: string; version: number; noticeId: string; day: string }>> {
  const views = await findAll(store, 'noticeViews', {}, ['day', 'asc']);
  return views.filter((v) => v.id === viewRecordId(v.day, viewerKey(v.noticeId, openid)));
}

/** Their 有帮助 claims on FAQ entries (one per resident and entry), and the entries they are about. */
export async function helpfulClaimsOf(store: Store, openid: string): Promise<{ claims: Array<{ id: string; version: number }>; faqIds: string[] }> {
  // In id order: the primary key, so the walk sorts nothing (the FAQ is tens of entries).
  const entries = await findAll(store, 'faq', {}, ['id', 'asc']);
  const claims: Array<{ id: string; version: number }> = [];
  const faqIds: string[] = [];
  for (const entry of entries) {
    const claim = await store.collection('uniqueKeys').get(helpfulClaimId(openid, entry.id));
    if (!claim) continue;
    claims.push(claim);
    faqIds.push(entry.id);
  }
  return { claims, faqIds };
}

/**
 * Abuse-limit counters: theirs in the windows still running (computed from the OPENID), and every
 * counter whose window has ended, whoever's: it counts nothing any more, and its hash could still
 * be recomputed from the OPENID it was made for.
 */
export async function rateCountersOf(store: Store, openid: string, now: Date): Promise<Array<{ id: string }>> {
  const live = await liveRateCountersOf(store, openid, now);
  return [...live, ...(await findAll(store, 'rateLimits', { windowEnd: { lte: now.toISOString() } }, ['windowEnd', 'asc']))];
}

/** Their counters in the windows still running: what `me.data` shows (an ended one counts nothing and names no one). */
export async function liveRateCountersOf(store: Store, openid: string, now: Date): Promise<Array<Stored<RateCounterRecord>>> {
  const live: Array<Stored<RateCounterRecord>> = [];
  for (const id of await liveCounterIdsOf(store, openid, now)) {
    const counter = await store.collection('rateLimits').get(id);
    if (counter && counter.windowEnd > now.toISOString()) live.push(counter);
  }
  return live;
}
