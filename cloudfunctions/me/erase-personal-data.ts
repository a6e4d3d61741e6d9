import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import { commentEvent } from '../../shared/notices/notice-comments';
import { anonymiseInquiry, anonymiseRequest, anonymisedDetail, ERASED_PERSON, inquiryValuesOf, personalValuesOf, redactText } from '../../shared/privacy/anonymise';
import type { ErasureReport } from '../../shared/privacy/personal-data';
import { countsDetail, type PrivacyEvent } from '../../shared/privacy/privacy-events';
import { ratingEvent } from '../../shared/ratings/rating-events';
import { changeRecordRetrying } from '../_runtime/change-record';
import type { Store, Stored } from '../_runtime/store/port';
import { commentSlotKey } from '../notices/comment-slots';
import { helpfulClaimsOf, noticeViewsOf, rateCountersOf } from './derived-records';
import { removeRecords } from './remove-records';
import { collectionOf, findAll, residentRecords } from './resident-records';

/**
 * A resident's erasure of their own data (个人信息保护法 Art. 47). What the law makes the bureau keep
 * is anonymised through the change road, each with an event naming the fields: their requests
 * (条例 Art. 45, and the annual report's counts), their inquiries and complaints (件件有记录), their ratings (the published figures) and their
 * opinions (published ones are part of the consultation's record). Everything else that names them
 * is removed: subscriptions, WeChat consent, messages, deliveries, notifications addressed to them,
 * idempotency keys, and whatever is keyed by a hash of their OPENID (uniqueness claims, 阅读 records,
 * 有帮助 claims, abuse-limit counters), which anyone knowing the OPENID could recompute. The `events` of their own
 * records lose the OPENID and any copy of their values; the audit trail holds neither, so it is not
 * touched. Last, the store purges what was freed from its files.
 *
 * Refused, before anything is written, while a request or inquiry of theirs is still open: the bureau still
 * owes that answer and could not deliver it to nobody. Running it again finishes an interrupted run.
 */
export async function erasePersonalData(store: Store, openid: string, now: Date): Promise<ErasureReport> {
  const at = now.toISOString();
  const [requests, inquiries] = await Promise.all([residentRecords(store, 'requests', openid), residentRecords(store, 'inquiries', openid)]);
  if (requests.some((r) => r.open) || inquiries.some((c) => c.open)) throw new AppError('ERASE_OPEN_REQUESTS');
  const [ratings, comments] = await Promise.all([residentRecords(store, 'ratings', openid), residentRecords(store, 'noticeComments', openid)]);
  const values = [
    ...requests.flatMap((r) => personalValuesOf(r.applicant)),
    ...inquiries.flatMap(inquiryValuesOf),
    ...ratings.flatMap((r) => [r.contactName, r.contactPhone]).filter((v) => v.trim().length >= 2),
  ];

  const report: ErasureReport = {
    anonymised: { requests: 0, inquiries: 0, ratings: 0, opinions: 0, events: 0 },
    removed: { subscriptions: 0, grants: 0, inbox: 0, deliveries: 0, notifications: 0, other: 0 },
  };

  for (const request of requests) {
    const { changed } = await changeRecordRetrying(store, {
      collection: 'requests',
      id: request.id,
      notFound: 'REQUEST_NOT_FOUND',
      decide: (current) => {
        const done = anonymiseRequest(current, values, at);
        if (!done) return null;
        return {
          patch: done.patch,
          events: [{ subjectType: 'request', subjectId: current.id, action: 'anonymised', actor: 'applicant', at, detail: anonymisedDetail('erasure', done.fields) }],
        };
      },
    });
    if (changed) report.anonymised.requests += 1;
  }

  for (const inquiry of inquiries) {
    const { changed } = await changeRecordRetrying(store, {
      collection: 'inquiries',
      id: inquiry.id,
      notFound: 'INQUIRY_NOT_FOUND',
      decide: (current) => {
        const done = anonymiseInquiry(current, values, at);
        if (!done) return null;
        return {
          patch: done.patch,
          events: [{ subjectType: 'inquiry', subjectId: current.id, action: 'anonymised', actor: 'resident', at, detail: anonymisedDetail('erasure', done.fields) }],
        };
      },
    });
    if (changed) report.anonymised.inquiries += 1;
  }

  for (const rating of ratings) {
    const { changed } = await changeRecordRetrying(store, {
      collection: 'ratings',
      id: rating.id,
      notFound: 'RATING_NOT_FOUND',
      decide: (current) =>
        current.raterOpenid !== openid
          ? null
          : {
              patch: { raterOpenid: ERASED_PERSON, contactName: '', contactPhone: '', comment: redactText(current.comment, values) },
              events: [ratingEvent(current.id, 'anonymised', 'resident', now, anonymisedDetail('erasure', ['raterOpenid', 'contactName', 'contactPhone']))],
            },
    });
    if (changed) report.anonymised.ratings += 1;
    // A 差评's follow-up (keyed like its rating) keeps the resident's verdict, not the values they typed into it.
    await changeRecordRetrying(store, {
      collection: 'followUps',
      id: rating.id,
      notFound: 'FOLLOW_UP_NOT_FOUND',
      decide: (current) => {
        const note = current.feedback ? redactText(current.feedback.note, values) : null;
        if (!current.feedback || note === current.feedback.note) return null;
        return {
          patch: { feedback: { ...current.feedback, note: note as string } },
          events: [{ subjectType: 'followUp', subjectId: current.id, action: 'anonymised', actor: 'resident', at, detail: anonymisedDetail('erasure', ['feedback.note']) }],
        };
      },
    }).catch((error: unknown) => {
      if (!(error instanceof AppError && error.code === 'FOLLOW_UP_NOT_FOUND')) throw error;
    });
  }

  for (const comment of comments) {
    const { changed } = await changeRecordRetrying(store, {
      collection: 'noticeComments',
      id: comment.id,
      notFound: 'COMMENT_NOT_FOUND',
      decide: (current) =>
        current.author !== openid
          ? null
          : {
              patch: { author: ERASED_PERSON, text: redactText(current.text, values) },
              events: [commentEvent(current.id, 'anonymised', 'resident', now, anonymisedDetail('erasure', ['author']))],
            },
    });
    if (changed) report.anonymised.opinions += 1;
  }

  const files = await residentRecords(store, 'files', openid);
  for (const file of files) {
    await changeRecordRetrying(store, {
      collection: 'files',
      id: file.id,
      notFound: 'FILE_NOT_FOUND',
      decide: (current) =>
        current.uploadedBy !== openid
          ? null
          : {
              patch: { uploadedBy: ERASED_PERSON, name: redactText(current.name, values) },
              events: [{ subjectType: 'file', subjectId: current.id, action: 'anonymised', actor: 'resident', at, detail: anonymisedDetail('erasure', ['uploadedBy', 'name']) }],
            },
    });
  }

  // The history of their own records keeps every step, without their OPENID or values.
  const subscriptions = [...(await residentRecords(store, 'subscriptions', openid)), ...(await residentRecords(store, 'offSubscriptions', openid))];
  const subjects = [openid, ...requests.map((r) => r.id), ...inquiries.map((c) => c.id), ...ratings.map((r) => r.id), ...comments.map((c) => c.id), ...subscriptions.map((s) => s.id), ...files.map((f) => f.id)];
  // Their 有帮助 on FAQ entries: the entries' events name them as the actor.
  const helpful = await helpfulClaimsOf(store, openid);
  report.anonymised.events = await anonymiseEvents(store, [...subjects, ...helpful.faqIds], openid, values);

  // Claims derived from their OPENID: rating one window per day, the five opinion slots per consultation.
  const ratingClaims = ratings.length
    ? (await findAll(store, 'uniqueKeys', { recordId: { in: ratings.map((r) => r.id) } }, ['at', 'asc'])).filter((k) => k.id.startsWith('rating:window:'))
    : [];
  const slotClaims: Array<Stored<{ recordId: string }>> = [];
  for (const comment of comments) {
    for (let slot = 1; slot <= 5; slot++) {
      const claim = await store.collection('uniqueKeys').get(commentSlotKey(comment.noticeId, openid, slot));
      if (claim) slotClaims.push(claim);
    }
  }
  const requestKeys = requests.length ? await findAll(store, 'requestKeys', { requestId: { in: requests.map((r) => r.id).slice(0, 1000) } }, ['at', 'asc']) : [];
  const inquiryKeys = inquiries.length ? await findAll(store, 'inquiryKeys', { caseId: { in: inquiries.map((c) => c.id).slice(0, 1000) } }, ['at', 'asc']) : [];

  report.removed.subscriptions = await removeRecords(store, 'subscriptions', subscriptions);
  report.removed.grants = await removeRecords(store, 'grants', await residentRecords(store, 'grants', openid));
  // 消息: their personal messages, and their read marks on bulletins.
  report.removed.inbox =
    (await removeRecords(store, 'inbox', await residentRecords(store, 'inbox', openid))) +
    (await removeRecords(store, 'readMarks', await residentRecords(store, 'readMarks', openid)));
  report.removed.deliveries = await removeRecords(store, 'deliveries', await residentRecords(store, 'deliveries', openid));
  report.removed.notifications = await removeRecords(store, 'outbox', await residentRecords(store, 'outbox', openid));
  report.removed.other =
    (await removeRecords(store, collectionOf('wechatRecorded'), await residentRecords(store, 'wechatRecorded', openid))) +
    (await removeRecords(store, 'uniqueKeys', [...ratingClaims, ...slotClaims])) +
    (await removeRecords(store, 'requestKeys', requestKeys)) +
    (await removeRecords(store, 'inquiryKeys', inquiryKeys)) +
    // Records keyed by a hash of their OPENID (derived-records.ts): views, FAQ claims, abuse-limit counters.
    (await removeRecords(store, 'noticeViews', await noticeViewsOf(store, openid))) +
    (await removeRecords(store, 'uniqueKeys', helpful.claims)) +
    (await removeRecords(store, 'rateLimits', await rateCountersOf(store, openid, now)));

  await store.transaction((tx) => tx.collection('events').insert(erasedEvent(report, at)));
  await store.purgeFreed?.();
  return report;
}

/** Rewrites the events about `subjects`: the OPENID becomes ERASED_PERSON, personal values in the detail 〔已删除〕. */
export async function anonymiseEvents(store: Store, subjects: string[], openid: string, values: readonly string[]): Promise<number> {
  let changed = 0;
  for (const subject of new Set(subjects)) {
    for (const event of await findAll(store, 'events', { subjectId: subject }, ['at', 'asc'])) {
      const patch = {
        actor: event.actor === openid ? ERASED_PERSON : event.actor,
        subjectId: event.subjectId === openid ? ERASED_PERSON : event.subjectId,
        detail: event.detail === null ? null : redactText(event.detail.split(openid).join(ERASED_PERSON), values),
      };
      if (patch.actor === event.actor && patch.subjectId === event.subjectId && patch.detail === event.detail) continue;
      await store.collection('events').update(event.id, event.version, patch);
      changed += 1;
    }
  }
  return changed;
}

function erasedEvent(report: ErasureReport, at: string): PrivacyEvent {
  return {
    subjectType: 'personalData',
    subjectId: `erasure-${randomBytes(9).toString('base64url')}`,
    action: 'erased',
    actor: 'resident',
    at,
    detail: `已匿名化：${countsDetail(report.anonymised)}；已删除：${countsDetail(report.removed)}`,
  };
}
