import { createHash } from 'node:crypto';
import type { GrantState } from '../../shared/notifications/grants';
import type { InboxLink, DeliveryStatus } from '../../shared/notifications/notification-types';
import type { MessageValues, TemplatePurpose } from '../../shared/notifications/subscribe-templates';
import type { TemplateData } from '../../shared/notifications/template-fields';
import type { NoticeKind } from '../../shared/notices/notice-kinds';

/**
 * The stored shapes of notifications, one collection each:
 *
 * - `outbox`: one row per cause (a notice published, a request replied…),
 *   written in the cause's own transaction. For a bulletin it is also the
 *   WeChat job: `progress` says how far through the bulletin template's
 *   grants it got.
 * - `inbox`: one row per recipient of a personal message (a reply, a
 *   supplement, a reminder) — written for every recipient, whatever WeChat
 *   later does. Bulletins are not copied here (older stores may hold such rows;
 *   they are read like any other).
 * - `bulletins`: a bulletin as residents read it, one row per topic it reaches
 *   (its kind, its department, the pair), written with the publication. Each
 *   resident's 消息 merges the rows of their topics, published since they
 *   subscribed, with their own inbox rows (fan-out on read): a bulletin costs
 *   the same few writes for ten subscribers or a hundred thousand.
 * - `readMarks`: which bulletins a resident has read, written only when they
 *   read one; one row per resident without a bulletin is 「全部已读」 up to its
 *   time.
 * - `deliveries`: the WeChat subscribe-message side of a message for one
 *   person, with its own status, attempts and reason.
 * - `grants`: a resident's consent per template (counted for one-time ones).
 * - `subscriptions`: a resident's topics.
 * - `wechatRecorded`: in the local cloud, what would have gone to WeChat.
 *
 * Ids are derived (hashes) where a retry must find the same row again: the
 * inbox row of a notification for a person, the grant of a person for a
 * template, a person's subscription to a topic.
 */
export const OUTBOX = 'outbox';
export const INBOX = 'inbox';
export const BULLETINS = 'bulletins';
export const READ_MARKS = 'readMarks';
export const DELIVERIES = 'deliveries';
export const GRANTS = 'grants';
export const SUBSCRIPTIONS = 'subscriptions';
export const WECHAT_RECORDED = 'wechatRecorded';

export type NotificationCause =
  | 'noticePublished'
  | 'noticeCorrected'
  | 'requestReplied'
  | 'supplementRequested'
  | 'extended'
  | 'requestClosed'
  | 'requestReopened'
  | 'reasonsRequested'
  | 'dueDelayed'
  | 'feeRequested'
  | 'dueSoon'
  | 'overdue'
  | 'ratingAnswered'
  | 'ratingRectified'
  | 'ratingReopened'
  | 'followUpDueMoved'
  | 'dueMoved'
  | 'inquiryAnswered'
  | 'inquiryMoreAsked'
  | 'inquiryToRequest'
  | 'inquiryDueMoved'
  | 'registrationWaiting'
  | 'reviewSentBack';

export type Audience = { type: 'person'; openid: string } | { type: 'topics'; topics: string[] };

export interface OutboxRecord {
  cause: NotificationCause;
  subjectId: string;
  audience: Audience;
  /** The WeChat template this goes out with; null: message centre only (e.g. reminders to staff). */
  purpose: TemplatePurpose | null;
  message: { title: string; body: string; link: InboxLink; page: string; values: MessageValues; forStaff?: true };
  status: 'pending' | 'done';
  /** Fan-out position: which topic, the last subscription id handled in it, recipients so far, and how many of them hold no WeChat grant. */
  progress: { topicIndex: number; lastId: string | null; recipients: number; noGrant?: number };
  /**
   * Set on bulletins whose in-app side is their `bulletins` rows: the job then only walks the
   * grants of the bulletin template (`lastId` is a grant id) for the WeChat sends. A pending bulletin
   * from before fan-out on read has no such mark; the dispatcher writes its rows first.
   */
  inAppOnRead?: true;
  createdAt: string;
  updatedAt: string;
}

/** A bulletin for the subscribers of one topic (id derived from both). */
export interface BulletinRecord {
  /** The outbox row of the publication (`np-<notice id>`): what a resident's read mark names. */
  bulletinId: string;
  topic: string;
  subjectId: string;
  title: string;
  body: string;
  link: InboxLink;
  /** UTC ISO; a subscriber sees the bulletins published at or after their subscription's `createdAt`. */
  publishedAt: string;
  /**
   * Written for a bulletin that was fanning out into inbox rows when fan-out on read arrived: a
   * resident who already has its inbox row is shown that row, not this one too.
   */
  rowsBefore?: true;
}

/** A bulletin read by a resident; `bulletinId` null: every bulletin published up to `readAt` is read (「全部已读」). */
export interface ReadMarkRecord {
  openid: string;
  bulletinId: string | null;
  readAt: string;
}

export interface InboxRecord {
  openid: string;
  notificationId: string;
  subjectId: string;
  title: string;
  body: string;
  link: InboxLink;
  read: boolean;
  createdAt: string;
  forStaff?: true;
}

export interface DeliveryRecord {
  notificationId: string;
  subjectId: string;
  openid: string;
  purpose: TemplatePurpose;
  templateId: string | null;
  status: DeliveryStatus;
  attempts: number;
  /** UTC ISO; the dispatcher sends pending rows whose time has come. */
  nextAttemptAt: string;
  claimedAt: string | null;
  /** A one-time grant was spent for this message (and is not spent again on a retry). */
  grantSpent: boolean;
  reason: string | null;
  page: string;
  data: TemplateData | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}

export interface GrantRecord extends GrantState {
  openid: string;
  templateId: string;
  updatedAt: string;
}

export interface SubscriptionRecord {
  openid: string;
  topic: string;
  kind: NoticeKind | null;
  departmentId: string | null;
  createdAt: string;
}

export interface RecordedMessage {
  deliveryId: string;
  subjectId: string;
  touser: string;
  templateId: string;
  page: string;
  data: TemplateData;
  at: string;
}

function derivedId(prefix: string, ...parts: string[]): string {
  return prefix + createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 30);
}

/** The inbox row (and its WeChat delivery) of one notification for one person. */
export const inboxIdFor = (notificationId: string, openid: string) => derivedId('m', notificationId, openid);
export const grantIdFor = (openid: string, templateId: string) => derivedId('g', openid, templateId);
export const subscriptionIdFor = (openid: string, topic: string) => derivedId('s', openid, topic);
export const bulletinRowIdFor = (bulletinId: string, topic: string) => derivedId('b', bulletinId, topic);
/** A resident's mark on one bulletin; with no bulletin, their 「全部已读」 mark. */
export const readMarkIdFor = (openid: string, bulletinId: string | null) => derivedId('r', openid, bulletinId ?? '*');

