import { INQUIRY_KIND_LABELS, INQUIRY_STATUS_LABELS } from '../../shared/inquiries/inquiry-types';
import { COMMENT_STATUS_LABELS } from '../../shared/notices/comment-rules';
import { SUBSCRIBE_TEMPLATES } from '../../shared/notifications/subscribe-templates';
import { describeTopic } from '../../shared/notifications/topics';
import { ON_THIS_PHONE_ONLY, type PersonalData, type PersonalRequest } from '../../shared/privacy/personal-data';
import { RATING_LEVEL_LABELS } from '../../shared/ratings/rating-levels';
import { REPLY_CATEGORY_INFO } from '../../shared/requests/reply-categories';
import type { RequestRecord } from '../../shared/requests/request-record';
import { REQUEST_STATUS_LABELS } from '../../shared/requests/request-schema';
import type { Store, Stored } from '../_runtime/store/port';
import { residentRecords } from './resident-records';

/** Everything held about `openid`, read from the collections RESIDENT_RECORDS names. Reads only. */
export async function collectPersonalData(store: Store, openid: string, now: Date): Promise<PersonalData> {
  const [requests, inquiries, ratings, comments, subscriptions, grants, inbox, deliveries, departments] = await Promise.all([
    residentRecords(store, 'requests', openid),
    residentRecords(store, 'inquiries', openid),
    residentRecords(store, 'ratings', openid),
    residentRecords(store, 'noticeComments', openid),
    residentRecords(store, 'subscriptions', openid),
    residentRecords(store, 'grants', openid),
    residentRecords(store, 'inbox', openid),
    store.collection('deliveries').count({ openid }),
    store.collection('departments').find({ orderBy: [['order', 'asc']], limit: 100 }),
  ]);
  const departmentName = new Map(departments.items.map((d) => [d.id, d.name]));
  const noticeTitles = new Map<string, string>();
  for (const id of new Set(comments.map((c) => c.noticeId))) noticeTitles.set(id, (await store.collection('notices').get(id))?.title ?? '');
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
    })),
    subscriptions: subscriptions.map((s) => ({ label: describeTopic(s, (id) => departmentName.get(id) ?? id), createdAt: s.createdAt })),
    grants: grants.map((g) => ({
      label: SUBSCRIBE_TEMPLATES.find((t) => t.templateId === g.templateId)?.label ?? g.templateId,
      kind: g.kind,
      remaining: g.remaining,
      banned: g.banned,
      updatedAt: g.updatedAt,
    })),
    inbox: inbox.map((m) => ({ title: m.title, body: m.body, read: m.read, createdAt: m.createdAt })),
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
    onThisPhoneOnly: ON_THIS_PHONE_ONLY,
  };
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
