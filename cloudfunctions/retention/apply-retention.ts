import { randomBytes } from 'node:crypto';
import { anonymiseInquiry, anonymiseRequest, anonymisedDetail, personalValuesOf, inquiryValuesOf } from '../../shared/privacy/anonymise';
import { countsDetail, type PrivacyEvent } from '../../shared/privacy/privacy-events';
import { cutoffDay, type RetentionSettings } from '../../shared/privacy/retention';
import { ratingEvent } from '../../shared/ratings/rating-events';
import { beijingToday } from '../../shared/time/beijing-time';
import { changeRecordRetrying } from '../_runtime/change-record';
import type { CollectionName, CollectionRecords } from '../_runtime/collections';
import type { Logger } from '../_runtime/handler-context';
import type { Store, Stored, Where } from '../_runtime/store/port';
import { anonymiseEvents } from '../me/erase-personal-data';
import { removeRecords } from '../me/remove-records';
import { loadRetention } from './retention-function';

/** Records handled per kind and run: a first run over years of records is spread over several steps. */
export const RETENTION_BATCH = 200;

export interface RetentionCounts {
  requests: number;
  inquiries: number;
  ratingContacts: number;
  messages: number;
  deliveries: number;
  recorded: number;
  /** 阅读 records of days before yesterday: a view only counts on its day. */
  views: number;
  /** Abuse-limit counters whose window has ended. */
  rateCounters: number;
}

/**
 * The retention periods applied (个人信息保护法 Art. 19 and Art. 47(1)(2): deleted once the purpose is
 * served and the period is over), by the `apply-retention` job. A request concluded more than
 * `requestYears` ago loses its applicant's details — anonymised exactly as an erasure does, so its
 * record (条例 Art. 45) and the annual report's counts stay; an inquiry closed more than
 * `inquiryYears` ago loses its contact; a rating older than `ratingContactDays` loses the contact left
 * on it; messages, their WeChat deliveries and the local cloud's recordings older than `messageDays`
 * are removed; so are 阅读 records older than yesterday and abuse-limit counters whose window has
 * ended (hashes of OPENIDs, of no use after their day or window). Every anonymisation goes through the change road with an event naming the fields.
 * Answers what it did and whether a kind had more than one batch waiting.
 */
export async function applyRetention(store: Store, now: Date, log?: Logger): Promise<{ counts: RetentionCounts; more: boolean }> {
  const settings: RetentionSettings = await loadRetention(store);
  const today = beijingToday(now);
  const at = now.toISOString();
  const counts: RetentionCounts = { requests: 0, inquiries: 0, ratingContacts: 0, messages: 0, deliveries: 0, recorded: 0, views: 0, rateCounters: 0 };
  let more = false;

  const requestCutoff = cutoffDay(today, settings.requestYears, 'years');
  // Concluded before the cutoff means submitted before it too; what is anonymised already has `anonymisedAt` and leaves the range.
  const concluded = await scan(store, 'requests', { open: false, anonymisedAt: null, submittedAt: { lt: `${requestCutoff}T00:00:00.000Z` } }, 'submittedAt', (r) => {
    const endedOn = r.reply?.on ?? r.ending?.on ?? null;
    return !r.anonymisedAt && endedOn !== null && endedOn < requestCutoff;
  });
  more ||= concluded.more;
  for (const request of concluded.items) {
    const values = personalValuesOf(request.applicant);
    const { changed } = await changeRecordRetrying(store, {
      collection: 'requests',
      id: request.id,
      notFound: 'REQUEST_NOT_FOUND',
      decide: (current) => {
        const done = current.open ? null : anonymiseRequest(current, [], at);
        if (!done) return null;
        return { patch: done.patch, events: [{ subjectType: 'request', subjectId: current.id, action: 'anonymised', actor: 'system', at, detail: anonymisedDetail('retention', done.fields) }] };
      },
    });
    if (!changed) continue;
    counts.requests += 1;
    if (request.ownerOpenid) await anonymiseEvents(store, [request.id], request.ownerOpenid, values);
  }

  const inquiryCutoff = cutoffDay(today, settings.inquiryYears, 'years');
  const closedCases = await scan(store, 'inquiries', { open: false, anonymisedAt: null, submittedAt: { lt: `${inquiryCutoff}T00:00:00.000Z` } }, 'submittedAt', (c) => {
    return c.updatedAt.slice(0, 10) < inquiryCutoff && (c.contact !== null || c.ownerOpenid !== null);
  });
  more ||= closedCases.more;
  for (const inquiry of closedCases.items) {
    const { changed } = await changeRecordRetrying(store, {
      collection: 'inquiries',
      id: inquiry.id,
      notFound: 'INQUIRY_NOT_FOUND',
      decide: (current) => {
        const done = current.open ? null : anonymiseInquiry(current, [], at);
        if (!done) return null;
        return { patch: done.patch, events: [{ subjectType: 'inquiry', subjectId: current.id, action: 'anonymised', actor: 'system', at, detail: anonymisedDetail('retention', done.fields) }] };
      },
    });
    if (!changed) continue;
    counts.inquiries += 1;
    if (inquiry.ownerOpenid) await anonymiseEvents(store, [inquiry.id], inquiry.ownerOpenid, inquiryValuesOf(inquiry));
  }

  const ratingCutoff = `${cutoffDay(today, settings.ratingContactDays, 'days')}T00:00:00.000Z`;
  // Most ratings carry no contact: only those that do are read, by name and by phone (the two may overlap).
  const byName = await scan(store, 'ratings', { contactName: { gt: '' } }, 'contactName', (r) => r.createdAt < ratingCutoff);
  const byPhone = await scan(store, 'ratings', { contactPhone: { gt: '' } }, 'contactPhone', (r) => r.createdAt < ratingCutoff && r.contactName === '');
  more ||= byName.more || byPhone.more;
  for (const rating of [...byName.items, ...byPhone.items]) {
    const { changed } = await changeRecordRetrying(store, {
      collection: 'ratings',
      id: rating.id,
      notFound: 'RATING_NOT_FOUND',
      decide: (current) =>
        current.contactName === '' && current.contactPhone === ''
          ? null
          : { patch: { contactName: '', contactPhone: '' }, events: [ratingEvent(current.id, 'anonymised', 'system', now, anonymisedDetail('retention', ['contactName', 'contactPhone']))] },
    });
    if (changed) counts.ratingContacts += 1;
  }

  const messageCutoff = `${cutoffDay(today, settings.messageDays, 'days')}T00:00:00.000Z`;
  const oldMessages = await scan(store, 'inbox', { createdAt: { lt: messageCutoff } }, 'createdAt', () => true);
  // A delivery still waiting or being sent belongs to the dispatcher; only finished ones are past their use.
  const oldDeliveries = await scan(store, 'deliveries', { createdAt: { lt: messageCutoff } }, 'createdAt', (d) => d.status !== 'pending' && d.status !== 'sending');
  const oldRecorded = await scan(store, 'wechatRecorded', { at: { lt: messageCutoff } }, 'at', () => true);
  // Bulletins leave 消息 after the same period as personal messages, and the read marks with them.
  const oldBulletins = await scan(store, 'bulletins', { publishedAt: { lt: messageCutoff } }, 'publishedAt', () => true);
  const oldMarks = await scan(store, 'readMarks', { readAt: { lt: messageCutoff } }, 'readAt', () => true);
  more ||= oldMessages.more || oldDeliveries.more || oldRecorded.more || oldBulletins.more || oldMarks.more;
  counts.messages = (await removeRecords(store, 'inbox', oldMessages.items)) + (await removeRecords(store, 'readMarks', oldMarks.items));
  await removeRecords(store, 'bulletins', oldBulletins.items);
  counts.deliveries = await removeRecords(store, 'deliveries', oldDeliveries.items);
  counts.recorded = await removeRecords(store, 'wechatRecorded', oldRecorded.items);

  // Keyed by hashes of OPENIDs and useful only for a day or a window: kept no longer (yesterday's views stay, for a clock around midnight).
  const oldViews = await scan(store, 'noticeViews', { day: { lt: cutoffDay(today, 1, 'days') } }, 'day', () => true);
  const endedCounters = await scan(store, 'rateLimits', { windowEnd: { lte: at } }, 'windowEnd', () => true);
  more ||= oldViews.more || endedCounters.more;
  counts.views = await removeRecords(store, 'noticeViews', oldViews.items);
  counts.rateCounters = await removeRecords(store, 'rateLimits', endedCounters.items);

  // The event records personal data anonymised or removed; clearing spent views and counters alone is routine, not worth one.
  if (Object.entries(counts).some(([kind, n]) => n > 0 && kind !== 'views' && kind !== 'rateCounters')) {
    const event: PrivacyEvent = {
      subjectType: 'personalData',
      subjectId: `retention-${randomBytes(9).toString('base64url')}`,
      action: 'retentionApplied',
      actor: 'system',
      at,
      detail: `超过保存期限：${countsDetail({ ...counts })}`,
    };
    await store.transaction((tx) => tx.collection('events').insert(event));
  }
  if (Object.values(counts).some((n) => n > 0) && store.purgeFreed && !(await store.purgeFreed())) log?.info('retention: write-ahead log busy, emptied at the next checkpoint');
  return { counts, more };
}

/**
 * Up to RETENTION_BATCH records of `collection` matching `where` (in `order`, oldest first where the
 * order is a date) that `due` keeps, paging past the ones it skips. Each `where` and `order` has its
 * index in COLLECTIONS, so the walk reads only the records in range, not the collection (the query
 * plans are checked in the retention test). `more`: a full batch was found.
 */
async function scan<N extends CollectionName>(
  store: Store,
  collection: N,
  where: Where,
  order: string,
  due: (record: Stored<CollectionRecords[N]>) => boolean,
): Promise<{ items: Array<Stored<CollectionRecords[N]>>; more: boolean }> {
  const items: Array<Stored<CollectionRecords[N]>> = [];
  let cursor: string | null = null;
  do {
    const page = await store.collection(collection).find({ where, orderBy: [[order, 'asc']], limit: 500, cursor });
    for (const record of page.items) {
      if (!due(record)) continue;
      items.push(record);
      if (items.length >= RETENTION_BATCH) return { items, more: true };
    }
    cursor = page.nextCursor;
  } while (cursor);
  return { items, more: false };
}
