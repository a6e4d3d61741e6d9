import type { Applicant, Channel, DeliveryMethod, InformationForm, InformationSought } from '../requests/request-schema';
import type { TemplateKind } from '../notifications/subscribe-templates';

/**
 * What `me.data` answers: everything the bureau holds about the caller, in the caller's own words
 * and values (unmasked: it is their own), grouped as the page shows it. Staff names and OPENIDs never
 * appear: who handled a request is the bureau's record, not the resident's data.
 */
export interface PersonalData {
  /** The caller's OPENID: the key every record below is found by. */
  openid: string;
  /** When this copy was made (UTC ISO). */
  asOf: string;
  requests: PersonalRequest[];
  /** 咨询、投诉: the cases they raised, with the contact they left and the conversation. */
  inquiries: Array<{
    caseNumber: string; kind: string; statusLabel: string; open: boolean; topic: string; text: string;
    contact: { name: string | null; phone: string | null } | null;
    messages: Array<{ from: 'resident' | 'staff'; text: string; at: string }>;
    submittedAt: string;
    /** How they rated the answer (有帮助 / 没帮助 and why), or null. */
    rating: { helpful: boolean; reason: string | null; at: string } | null;
  }>;
  subscriptions: Array<{ label: string; createdAt: string }>;
  /** Topics they turned off: the row stays, marked off, so subscribing again is the same subscription. */
  unsubscribed: Array<{ label: string; createdAt: string }>;
  /** WeChat subscribe-message consent per template: what the resident accepted, and sends left. */
  grants: Array<{ label: string; kind: TemplateKind; remaining: number; banned: boolean; updatedAt: string }>;
  /** 消息: every message in the message centre. */
  inbox: Array<{ title: string; body: string; read: boolean; createdAt: string }>;
  /** Bulletins of their subscriptions they marked read (the bulletins are the bureau's; the marks are theirs); 「全部已读」 as one entry. */
  readMarks: Array<{ title: string; readAt: string }>;
  /** 好差评: the resident's ratings with the contact they left. */
  ratings: Array<{
    windowName: string; serviceName: string | null; level: string; tags: string[]; comment: string; anonymous: boolean;
    contactName: string; contactPhone: string; createdAt: string;
    /** A 差评's follow-up: where it stands, the answer they were given, and what they said of it. */
    followUp: { statusLabel: string; answer: string | null; feedback: { solved: boolean; note: string; at: string } | null } | null;
  }>;
  /** Opinions left on consultations (征求意见). */
  opinions: Array<{ noticeId: string; noticeTitle: string; text: string; status: string; createdAt: string; reply: string | null }>;
  /** Messages the bureau sent or tried to send through WeChat (templates and results, not their content). */
  wechatDeliveries: number;
  /** Notifications addressed to them personally (each one's cause, before it reaches 消息 and WeChat). */
  notifications: number;
  /** 阅读: the notices they opened on the days still counted (today's and yesterday's; the retention job removes older days). */
  noticesRead: Array<{ noticeId: string; noticeTitle: string; day: string }>;
  /** 有帮助: the common questions (常见问题) whose answer they said helped. */
  helpful: Array<{ faqId: string; question: string }>;
  /** Files they attached (a supplement's material): kept with the request. */
  files: Array<{ name: string; sizeBytes: number; createdAt: string }>;
  /** 防滥用计数: their calls of a limited action in the periods still running (each counter goes when its period ends). */
  limits: Array<{ what: string; count: number; until: string }>;
  /** 防重复提交: one key per request or inquiry they sent, so a resend never makes a second one (a hash, no content). */
  submissionKeys: number;
  /** What is kept on the phone only, never sent to the bureau: the page lists it from the phone. */
  onThisPhoneOnly: string[];
}

/** One of the resident's requests, with the applicant details as they gave them. */
export interface PersonalRequest {
  id: string;
  trackingNumber: string;
  statusLabel: string;
  /** The bureau still owes an answer: such a request blocks erasure (see ErasureReport). */
  open: boolean;
  channel: Channel;
  submittedAt: string;
  receivedOn: string | null;
  applicant: Applicant;
  information: InformationSought;
  purpose: string | null;
  form: InformationForm;
  delivery: DeliveryMethod;
  supplementAnswer: string | null;
  reply: { categoryLabel: string; text: string; on: string } | null;
  ending: { reason: string | null; on: string } | null;
}

/** What `me.export` answers: the same data as one JSON document, with a file name to save it as. */
export interface PersonalDataExport {
  filename: string;
  /** Pretty-printed JSON (UTF-8) of `{ format, exportedAt, data }`. */
  json: string;
}

/** What `me.erase` did, counted per collection: anonymised records stay, removed ones are gone. */
export interface ErasureReport {
  anonymised: { requests: number; inquiries: number; ratings: number; opinions: number; events: number };
  removed: { subscriptions: number; grants: number; inbox: number; deliveries: number; notifications: number; other: number };
}

/** Kept on the phone only (localStorage / wx storage): the page reads and clears them itself. */
export const ON_THIS_PHONE_ONLY = ['填写中的申请草稿（sg-request-draft）', '填写中的咨询或投诉（inquiry-ask-draft）', '最近十次搜索（sg-recent-searches）', '长辈模式设置'];

export const EXPORT_FORMAT = 'sunshine-gov/personal-data@1';

/** The file a resident's export is saved as: 我的个人信息-20261124.json */
export function exportFilename(asOf: string): string {
  return `我的个人信息-${asOf.slice(0, 10).replace(/-/g, '')}.json`;
}
