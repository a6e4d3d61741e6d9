import { INQUIRY_KIND_LABELS, INQUIRY_STATUS_LABELS } from '../../shared/inquiries/inquiry-types';
import { COMMENT_STATUS_LABELS } from '../../shared/notices/comment-rules';
import { SUBSCRIBE_TEMPLATES } from '../../shared/notifications/subscribe-templates';
import { describeTopic } from '../../shared/notifications/topics';
import { ON_THIS_PHONE_ONLY, type PersonalData, type PersonalRequest } from '../../shared/privacy/personal-data';
import { RATING_LEVEL_LABELS } from '../../shared/ratings/rating-levels';
import { REPLY_CATEGORY_INFO } from '../../shared/requests/reply-categories';
import type { RequestRecord } from '../../shared/requests/request-record';
import { REQUEST_STATUS_LABELS } from '../../shared/requests/request-schema';
import { FOLLOW_UP_STATUS_LABELS, type FollowUpRecord } from '../../shared/ratings/follow-up';
import { DEFAULT_RATE_LIMITS } from '../../shared/limits/rate-limits';
import type { Store, Stored } from '../_runtime/store/port';
import { helpfulClaimsOf, liveRateCountersOf, noticeViewsOf } from './derived-records';
import { findAll, residentRecords } from './resident-records';
import type { ReadMarkRecord } from '../_notifications/records';

/**
 * Everything held about `openid`: the collections RESIDENT_RECORDS names, and the records keyed by a
 * hash of the OPENID (derived-records.ts) — the same set `me.erase` anonymises or removes. Reads only.
 */
export async function collectPersonalData(store: Store, openid: string, now: Date): Promise<PersonalData> {
  const [requests, inquiries, ratings, comments, subscriptions, unsubscribed, grants, inbox, marks, deliveries, notifications, files, departments] = await Promise.all([
    residentRecords(store, 'requests', openid),
    residentRecords(store, 'inquiries', openid),
    residentRecords(store, 'ratings', openid),
    residentRecords(store, 'noticeComments', openid),
    residentRecords(store, 'subscriptions', openid),
    residentRecords(store, 'offSubscriptions', openid),
    residentRecords(store, 'grants', openid),
    residentRecords(store, 'inbox', openid),
    residentRecords(store, 'readMarks', openid),
    store.collection('deliveries').count({ openid }),
    store.collection('outbox').count({ 'audience.openid': openid }),
    residentRecords(store, 'files', openid),
    store.collection('departments').find({ orderBy: [['order', 'asc']], limit: 100 }),
  ]);
  const [views, helpful, counters, followUps, submissionKeys] = await Promise.all([
    noticeViewsOf(store, openid),
    helpfulClaimsOf(store, openid),
    liveRateCountersOf(store, openid, now),
    followUpsOf(store, ratings.map((r) => r.id)),
    submissionKeyCount(store, requests.map((r) => r.id), inquiries.map((c) => c.id)),
  ]);
  const departmentName = new Map(departments.items.map((d) => [d.id, d.name]));
  const noticeTitles = new Map<string, string>();
  for (const id of new Set([...comments.map((c) => c.noticeId), ...views.map((v) => v.noticeId)])) noticeTitles.set(id, (await store.collection('notices').get(id))?.title ?? '');
  const questions = new Map<string, string>();
  for (const id of helpful.faqIds) questions.set(id, (await store.collection('faq').get(id))?.question ?? '');
  return {
    openid,
    asOf: now.toISOString(),
    requests: requests.map(personalRequest),
    inquiries: inquiries.map((c) => ({
      caseNumber: c.caseNumber,
      kind: INQUIRY_KIND_LABELS[c.kind],
      statusLabel: INQUIRY_STATUS_LABELS[c.status],
      open: c.open,
      topic: c.topic,
      text: c.text,
      contact: c.contact,
      messages: c.messages.map((m) => ({ from: m.from, text: m.text, at: m.at })),
      submittedAt: c.submittedAt,
      rating: c.rating ? { helpful: c.rating.helpful, reason: c.rating.reason, at: c.rating.at } : null,
    })),
    subscriptions: subscriptions.map((s) => ({ label: describeTopic(s, (id) => departmentName.get(id) ?? id), createdAt: s.createdAt })),
    unsubscribed: unsubscribed.map((s) => ({ label: describeTopic(s, (id) => departmentName.get(id) ?? id), createdAt: s.createdAt })),
    grants: grants.map((g) => ({
      label: SUBSCRIBE_TEMPLATES.find((t) => t.templateId === g.templateId)?.label ?? g.templateId,
      kind: g.kind,
      remaining: g.remaining,
      banned: g.banned,
      updatedAt: g.updatedAt,
    })),
    inbox: inbox.map((m) => ({ title: m.title, body: m.body, read: m.read, createdAt: m.createdAt })),
    readMarks: await readMarksOf(store, marks),
    ratings: ratings.map((r) => ({
      windowName: r.windowName,
      serviceName: r.serviceName,
      level: RATING_LEVEL_LABELS[r.level],
      tags: r.tags,
      comment: r.comment,
      anonymous: r.anonymous,
      contactName: r.contactName,
      contactPhone: r.contactPhone,
      createdAt: r.createdAt,
      followUp: personalFollowUp(followUps.get(r.id)),
    })),
    opinions: comments.map((c) => ({
      noticeId: c.noticeId,
      noticeTitle: noticeTitles.get(c.noticeId) ?? '',
      text: c.text,
      status: COMMENT_STATUS_LABELS[c.status],
      createdAt: c.createdAt,
      reply: c.reply?.text ?? null,
    })),
    wechatDeliveries: deliveries,
    notifications,
    noticesRead: views.map((v) => ({ noticeId: v.noticeId, noticeTitle: noticeTitles.get(v.noticeId) ?? '', day: v.day })),
    helpful: helpful.faqIds.map((faqId) => ({ faqId, question: questions.get(faqId) ?? '' })),
    files: files.map((f) => ({ name: f.name, sizeBytes: f.sizeBytes, createdAt: f.createdAt })),
    limits: counters.map((c) => ({ what: DEFAULT_RATE_LIMITS[c.key]?.what ?? c.key, count: c.count, until: c.windowEnd })),
    submissionKeys,
    onThisPhoneOnly: ON_THIS_PHONE_ONLY,
  };
}

/** Read marks with the title of the bulletin each names. */
async function readMarksOf(store: Store, marks: Array<Stored<ReadMarkRecord>>): Promise<PersonalData['readMarks']> {
  const ids = [...new Set(marks.flatMap((m) => (m.bulletinId ? [m.bulletinId] : [])))];
  const titles = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 300) {
    const chunk = ids.slice(i, i + 300);
    const rows = await store.collection('bulletins').find({ where: { bulletinId: { in: chunk } }, orderBy: [['bulletinId', 'asc']], limit: chunk.length * 3 });
    for (const row of rows.items) titles.set(row.bulletinId, row.title);
  }
  return marks.map((m) => ({ title: m.bulletinId ? (titles.get(m.bulletinId) ?? '') : '全部已读（此前发布的公告均已读）', readAt: m.readAt }));
}

/** The resident's side of a request: what they gave and what they were told; no staff names, no internal notes. */
function personalRequest(r: Stored<RequestRecord>): PersonalRequest {
  return {
    id: r.id,
    trackingNumber: r.trackingNumber,
    statusLabel: REQUEST_STATUS_LABELS[r.status],
    open: r.open,
    channel: r.channel,
    submittedAt: r.submittedAt,
    receivedOn: r.receivedOn,
    applicant: r.applicant,
    information: r.information,
    purpose: r.purpose,
    form: r.form,
    delivery: r.delivery,
    supplementAnswer: r.supplement?.answer?.text ?? null,
    reply: r.reply ? { categoryLabel: REPLY_CATEGORY_INFO[r.reply.category].label, text: r.reply.text, on: r.reply.on } : null,
    ending: r.ending ? { reason: r.ending.reason, on: r.ending.on } : null,
  };
}

/** A 差评's follow-up as the rater sees it: no staff name, no internal note. */
function personalFollowUp(f: Stored<FollowUpRecord> | undefined): PersonalData['ratings'][number]['followUp'] {
  if (!f) return null;
  return {
    statusLabel: FOLLOW_UP_STATUS_LABELS[f.status],
    answer: f.response?.answer ?? null,
    feedback: f.feedback ? { solved: f.feedback.solved, note: f.feedback.note, at: f.feedback.at } : null,
  };
}

/** The follow-ups of their ratings (keyed like the rating). */
async function followUpsOf(store: Store, ratingIds: string[]): Promise<Map<string, Stored<FollowUpRecord>>> {
  const found = new Map<string, Stored<FollowUpRecord>>();
  for (let i = 0; i < ratingIds.length; i += 500) {
    const page = await findAll(store, 'followUps', { id: { in: ratingIds.slice(i, i + 500) } }, ['id', 'asc']);
    for (const f of page) found.set(f.id, f);
  }
  return found;
}

/** Their submission keys (requests' and inquiries'), found by what they created: the keys themselves are hashes. */
async function submissionKeyCount(store: Store, requestIds: string[], caseIds: string[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < requestIds.length; i += 500) n += await store.collection('requestKeys').count({ requestId: { in: requestIds.slice(i, i + 500) } });
  for (let i = 0; i < caseIds.length; i += 500) n += await store.collection('inquiryKeys').count({ caseId: { in: caseIds.slice(i, i + 500) } });
  return n;
}
