import type { NoticeKind } from '../notices/notice-kinds';
import type { TemplateKind, TemplatePurpose } from './subscribe-templates';

/**
 * What the app shows of notifications (types only, so pages can import them
 * without shipping any code).
 */
/** `review`: a 公开审查 item, opened in the staff area (its author is told of a send-back). */
export type InboxLink = { type: 'notice' | 'request' | 'rating' | 'inquiry' | 'faq' | 'review'; id: string };

export interface InboxItem {
  id: string;
  title: string;
  body: string;
  read: boolean;
  /** UTC ISO. */
  createdAt: string;
  link: InboxLink;
  /** Set on reminders to staff: the request opens in the staff area, not as the applicant's. */
  forStaff?: true;
}

export interface TopicView {
  kind: NoticeKind | null;
  departmentId: string | null;
  /** "局办公室 · 通知公告" */
  label: string;
  createdAt: string;
}

export interface TemplateGrantView {
  purpose: TemplatePurpose;
  templateId: string;
  kind: TemplateKind;
  label: string;
  /** One-time: sends still allowed; long-term: 1 while on. */
  remaining: number;
  banned: boolean;
}

export interface SubscriptionsView {
  items: TopicView[];
  grants: TemplateGrantView[];
}

/** How one notification reached people, for staff (deliveries.forSubject). */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'noGrant' | 'failed';

export interface DeliveryReport {
  subjectId: string;
  notifications: Array<{
    id: string;
    cause: string;
    title: string;
    createdAt: string;
    /** Still fanning out to subscribers, or done. */
    status: 'pending' | 'done';
    recipients: number;
  }>;
  /** In-app messages written (every recipient gets one, whatever WeChat does). */
  inApp: number;
  read: number;
  wechat: Record<DeliveryStatus, number>;
  /** The latest WeChat failures and refusals, with the reason recorded. */
  problems: Array<{ recipient: string; status: DeliveryStatus; reason: string; at: string }>;
  /** Local cloud only: what the recording sender would have sent to WeChat (latest first). */
  recorded: Array<{ recipient: string; templateId: string; page: string; data: Record<string, { value: string }>; at: string }>;
}
