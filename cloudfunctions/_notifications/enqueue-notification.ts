import { NOTICE_KIND_LABELS } from '../../shared/notices/notice-kinds';
import type { Notice } from '../../shared/notices/notice-schema';
import { correctionLine, type NoticeCorrection } from '../../shared/notices/notice-corrections';
import { topicsForNotice } from '../../shared/notifications/topics';
import type { Transaction } from '../_runtime/store/port';
import { BULLETINS, bulletinRowIdFor, OUTBOX, type NotificationCause, type OutboxRecord } from './records';

/**
 * The outbox seam: a cause calls one of these inside its own transaction, so
 * the notification exists exactly when the cause does — a notice published
 * without its notification, or a notification for a publish that rolled back,
 * cannot happen. Delivery is the dispatcher's job, later (dispatch-once.ts).
 */
const NOTICE_PAGE = 'pages/notice-detail/index';
/** The request detail page residents open from a message (the requests feature owns it). */
export const REQUEST_PAGE = 'requests/pages/detail/index';

/**
 * A published notice, for everyone subscribed to its kind or its department.
 * Only its first publication notifies: re-publishing after a correction
 * (withdrawn → published) does not message every subscriber again.
 *
 * Fan-out on read: the bulletin is written once per topic it reaches (three
 * rows) beside its outbox row, and each subscriber's 消息 reads it from
 * there — so it is in every subscriber's 消息 the moment the publication
 * commits, at a cost that does not grow with the subscribers. The outbox row
 * is then only the WeChat job: one send per resident holding a grant.
 */
export async function enqueueNoticePublished(tx: Transaction, notice: Notice, now: Date): Promise<void> {
  const outbox = tx.collection(OUTBOX);
  const id = `np-${notice.id}`;
  if (await outbox.get(id)) return;
  const at = now.toISOString();
  const kindLabel = NOTICE_KIND_LABELS[notice.kind];
  const job = await outbox.insert({
    id,
    cause: 'noticePublished',
    subjectId: notice.id,
    audience: { type: 'topics', topics: topicsForNotice(notice.kind, notice.departmentId) },
    purpose: 'bulletin',
    message: {
      title: notice.title,
      body: `${notice.departmentName}发布了${kindLabel}${notice.summary ? `：${notice.summary}` : ''}`,
      link: { type: 'notice', id: notice.id },
      page: `${NOTICE_PAGE}?id=${notice.id}`,
      values: { title: notice.title, department: notice.departmentName, kindLabel, at },
    },
    status: 'pending',
    progress: { topicIndex: 0, lastId: null, recipients: 0 },
    inAppOnRead: true,
    createdAt: at,
    updatedAt: at,
  });
  await writeBulletinRows(tx, job, false);
}

/** The bulletin's rows, one per topic of its outbox row: what subscribers' 消息 read. */
export async function writeBulletinRows(tx: Transaction, job: OutboxRecord & { id: string }, rowsBefore: boolean): Promise<void> {
  if (job.audience.type !== 'topics') return;
  const { title, body, link } = job.message;
  for (const topic of job.audience.topics) {
    await tx.collection(BULLETINS).insert({
      id: bulletinRowIdFor(job.id, topic),
      bulletinId: job.id,
      topic,
      subjectId: job.subjectId,
      title,
      body,
      link,
      publishedAt: job.createdAt,
      ...(rowsBefore ? { rowsBefore: true as const } : {}),
    });
  }
}

/**
 * A correction of a published notice (更正), for the same subscribers as its publication: one row
 * per correction (its id names the notice's version after the correction, so the same correction
 * can never be queued twice). Like a publication it fans out on read: its rows, one per topic, are
 * what subscribers' 消息 show; the outbox row is the WeChat job.
 */
export async function enqueueNoticeCorrected(tx: Transaction, notice: Notice, correction: NoticeCorrection): Promise<void> {
  const kindLabel = NOTICE_KIND_LABELS[notice.kind];
  const line = correctionLine(correction);
  const job = await tx.collection(OUTBOX).insert({
    id: `nc-${notice.id}-v${notice.version}`,
    cause: 'noticeCorrected',
    subjectId: notice.id,
    audience: { type: 'topics', topics: topicsForNotice(notice.kind, notice.departmentId) },
    purpose: 'bulletin',
    message: {
      title: `更正：${notice.title}`,
      body: `${notice.departmentName}更正了${kindLabel}。${line}`,
      link: { type: 'notice', id: notice.id },
      page: `${NOTICE_PAGE}?id=${notice.id}`,
      values: { title: `更正：${notice.title}`, department: notice.departmentName, kindLabel, at: correction.at },
    },
    status: 'pending',
    progress: { topicIndex: 0, lastId: null, recipients: 0 },
    inAppOnRead: true,
    createdAt: correction.at,
    updatedAt: correction.at,
  });
  await writeBulletinRows(tx, job, false);
}

/** What the requests workflow asks for (its pure state machine returns these). */
export interface RequestNotificationIntent {
  kind: 'requestReplied' | 'supplementRequested' | 'extended' | 'requestClosed' | 'reasonsRequested' | 'dueDelayed' | 'feeRequested' | 'requestReopened' | 'dueMoved';
  openid: string;
  requestId: string;
  trackingNumber: string;
  detail?: string;
}

const REQUEST_WORDING: Record<RequestNotificationIntent['kind'], { title: string; status: string; body: string; hint: string }> = {
  requestReplied: { title: '您的政府信息公开申请已答复', status: '已答复', body: '点击查看答复内容。', hint: '点击查看答复内容' },
  supplementRequested: {
    title: '您的政府信息公开申请需要补正',
    status: '需补正',
    body: '请按告知内容在期限内补正，逾期未补正视为放弃申请。',
    hint: '请在期限内补正申请内容',
  },
  extended: { title: '您的政府信息公开申请答复期限已延长', status: '已延期', body: '点击查看延长后的答复期限。', hint: '点击查看新的答复期限' },
  requestClosed: { title: '您的政府信息公开申请已办结', status: '已办结', body: '点击查看办理结果。', hint: '点击查看办理结果' },
  requestReopened: { title: '您的政府信息公开申请已恢复办理', status: '恢复办理', body: '本机关已受理您的补正材料，点击查看新的答复期限。', hint: '点击查看新的答复期限' },
  reasonsRequested: {
    title: '请说明您的政府信息公开申请理由',
    status: '待说明理由',
    body: '本机关请您说明申请理由，请在申请页面填写。',
    hint: '请在申请页面说明理由',
  },
  dueDelayed: { title: '您的政府信息公开申请将延迟答复', status: '延迟答复', body: '点击查看确定的答复期限。', hint: '点击查看新的答复期限' },
  dueMoved: { title: '您的政府信息公开申请期限已调整', status: '期限调整', body: '节假日安排公布后，期限按工作日重新计算。', hint: '点击查看调整后的期限' },
  feeRequested: {
    title: '您的政府信息公开申请需缴纳信息处理费',
    status: '待缴费',
    body: '点击查看收费通知：金额、计算方法和缴费期限。逾期未缴费视为放弃申请。',
    hint: '请在期限内缴纳信息处理费',
  },
};

/**
 * Which WeChat template carries each kind; a closure (e.g. no supplement in time) and a request for
 * reasons (Art. 35; no template was consented for it, and spending the supplement's would leave the
 * applicant without one when it matters) are told in 消息 only. A delayed due date travels on the
 * extension's template: both tell the applicant a later date.
 */
const REQUEST_PURPOSE: Record<RequestNotificationIntent['kind'], OutboxRecord['purpose']> = {
  requestReplied: 'requestReplied',
  supplementRequested: 'supplementRequested',
  extended: 'extended',
  requestClosed: null,
  // Told in 消息, like the closure it undoes.
  requestReopened: null,
  reasonsRequested: null,
  dueDelayed: 'extended',
  // A provisional date made final by the year's arrangement: told in 消息 (no template was consented for it).
  dueMoved: null,
  // No subscribe template of its own: told in 消息 (the notice letter says the rest).
  feeRequested: null,
};

/** A request's news for its applicant: they hear without subscribing. */
export async function enqueueRequestNotifications(tx: Transaction, intents: readonly RequestNotificationIntent[], now: Date): Promise<void> {
  for (const intent of intents) {
    const wording = REQUEST_WORDING[intent.kind];
    await enqueueForPerson(tx, {
      cause: intent.kind,
      subjectId: intent.requestId,
      openid: intent.openid,
      purpose: REQUEST_PURPOSE[intent.kind],
      title: wording.title,
      body: `申请编号 ${intent.trackingNumber}。${intent.detail ? `${intent.detail}。` : ''}${wording.body}`,
      link: { type: 'request', id: intent.requestId },
      page: `${REQUEST_PAGE}?id=${intent.requestId}`,
      values: { title: wording.title, trackingNumber: intent.trackingNumber, status: wording.status, hint: wording.hint, at: now.toISOString() },
      now,
    });
  }
}

/** One notification for one person (a request's applicant, the staff member handling it). */
export async function enqueueForPerson(
  tx: Transaction,
  n: {
    cause: NotificationCause;
    subjectId: string;
    openid: string;
    purpose: OutboxRecord['purpose'];
    title: string;
    body: string;
    link: OutboxRecord['message']['link'];
    page: string;
    values: OutboxRecord['message']['values'];
    now: Date;
    id?: string;
    forStaff?: true;
  },
): Promise<void> {
  const at = n.now.toISOString();
  await tx.collection(OUTBOX).insert({
    ...(n.id ? { id: n.id } : {}),
    cause: n.cause,
    subjectId: n.subjectId,
    audience: { type: 'person', openid: n.openid },
    purpose: n.purpose,
    message: { title: n.title, body: n.body, link: n.link, page: n.page, values: n.values, ...(n.forStaff ? { forStaff: n.forStaff } : {}) },
    status: 'pending',
    progress: { topicIndex: 0, lastId: null, recipients: 0 },
    createdAt: at,
    updatedAt: at,
  });
}
