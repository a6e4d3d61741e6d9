import type { Attachment } from '../../shared/notices/notice-schema';
import type { AskInput } from '../../shared/inquiries/inquiry-schema';
import type { InquiryKind, ReplyBy } from '../../shared/inquiries/inquiry-types';
import { newIdempotencyKey } from '../requests/request-draft';

/**
 * The ask form's draft, kept in storage as it is typed (a resident interrupted mid-question loses
 * nothing), with the idempotency key that makes a retried 提交 the same case, never a second one.
 */
export const ASK_DRAFT_KEY = 'inquiry-ask-draft';

export interface AskDraft {
  idempotencyKey: string;
  kind: InquiryKind;
  topic: string;
  departmentId: string;
  text: string;
  attachments: Attachment[];
  name: string;
  phone: string;
  replyBy: ReplyBy;
  anonymous: boolean;
}

export function emptyAskDraft(kind: InquiryKind = 'inquiry'): AskDraft {
  return { idempotencyKey: newIdempotencyKey(), kind, topic: '', departmentId: '', text: '', attachments: [], name: '', phone: '', replyBy: 'app', anonymous: false };
}

export function isAskDraft(value: unknown): value is AskDraft {
  const d = value as AskDraft | null;
  return !!d && typeof d.idempotencyKey === 'string' && typeof d.text === 'string' && Array.isArray(d.attachments);
}

/** What is sent: empty optional fields left out, no contact on an anonymous complaint. */
export function askInputFromDraft(d: AskDraft): AskInput {
  const anonymous = d.kind === 'complaint' && d.anonymous;
  const contact = !anonymous && (d.name.trim() || d.phone.trim()) ? { name: d.name, phone: d.phone } : undefined;
  return {
    idempotencyKey: d.idempotencyKey,
    kind: d.kind,
    topic: d.topic,
    ...(d.departmentId ? { departmentId: d.departmentId } : {}),
    text: d.text,
    ...(d.attachments.length ? { attachments: d.attachments } : {}),
    ...(contact ? { contact } : {}),
    ...(anonymous ? { anonymous: true } : { replyBy: d.replyBy }),
  };
}
