import * as z from 'zod/mini';
import '../api/zod-messages';
import { AppError } from '../api/errors';
import { beijingToday } from '../time/beijing-time';
import type { Notice } from './notice-schema';
import { periodStatus } from './period-status';
import { COMMENT_MAX_CHARS, COMMENT_MIN_CHARS } from './comment-rules';

/**
 * Residents' opinions on a consultation (征求意见, domain.md §1): left while
 * the comment period is open — both end days count, in Beijing time —
 * screened, held until staff choose to publish them (with a reply), and
 * only then shown to anyone. Pure: time and actor are arguments.
 */
export const COMMENT_STATUSES = ['pending', 'published', 'hidden'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export { COMMENT_STATUS_LABELS } from './comment-rules';

/** One resident may leave this many opinions on one consultation (more is flooding, not consulting). */
export const MAX_COMMENTS_PER_RESIDENT = 5;

export const CommentTextSchema = z.string().check(z.trim(), z.minLength(COMMENT_MIN_CHARS, `意见至少需要${COMMENT_MIN_CHARS}个字`), z.maxLength(COMMENT_MAX_CHARS, `意见不能超过${COMMENT_MAX_CHARS}个字`));
export const ReplyTextSchema = z.string().check(z.trim(), z.minLength(2, '回复至少需要2个字'), z.maxLength(500, '回复不能超过500个字'));

export interface NoticeComment {
  id: string;
  version: number;
  noticeId: string;
  /** The resident's OPENID: never shown to anyone, staff included (they see a masked form). */
  author: string;
  text: string;
  status: CommentStatus;
  /** Screening held it back for a closer look (word list locally, msgSecCheck on CloudBase). */
  flagged: string | null;
  createdAt: string;
  reply: { text: string; by: string; at: string } | null;
  publishedAt: string | null;
  moderatedBy: string | null;
  moderatedAt: string | null;
}

/** What everyone may read: the opinion and the bureau's reply, nothing about who wrote it. */
export interface PublicComment {
  id: string;
  text: string;
  createdAt: string;
  publishedAt: string;
  reply: { text: string; at: string } | null;
}

/** What the author sees of their own opinions, including those not (yet) published. */
export type OwnComment = Omit<PublicComment, 'publishedAt'> & { status: CommentStatus; publishedAt: string | null };

/** What staff see when choosing what to publish. */
export type ManagedComment = Omit<NoticeComment, 'author'> & { authorMasked: string };

export interface CommentEvent {
  subjectType: 'noticeComment';
  subjectId: string;
  /** `anonymised`: the author erased their data; a published opinion stays, without the link to them. */
  action: 'commented' | 'published' | 'hidden' | 'anonymised';
  actor: string;
  at: string;
  detail: string | null;
}

/** Refuses an opinion unless the notice is a published consultation whose period is open today (Beijing). */
export function assertOpenForComments(notice: Notice, now: Date): void {
  if (notice.status !== 'published') throw new AppError('NOTICE_NOT_FOUND');
  if (notice.kind !== 'consultation') throw new AppError('INVALID_STATE', '该信息不征求意见，不能留言');
  const status = periodStatus(notice.period, beijingToday(now), 'consultation');
  if (status.state === 'upcoming') throw new AppError('PERIOD_CLOSED', `征求意见尚未开始，${notice.period.start} 起可以留言`);
  if (status.state === 'ended') throw new AppError('PERIOD_CLOSED', `征求意见已于 ${notice.period.end} 结束，感谢您的关注`);
}

export function newComment(noticeId: string, author: string, text: string, flagged: string | null, now: Date): Omit<NoticeComment, 'id' | 'version'> {
  return {
    noticeId, author, text, status: 'pending', flagged, createdAt: now.toISOString(),
    reply: null, publishedAt: null, moderatedBy: null, moderatedAt: null,
  };
}

/**
 * Staff decide: publish (with an optional reply) or keep it from the public.
 * A published opinion may be given a reply later; hiding one that was
 * published takes it down again. Every decision is an event.
 */
export function moderateComment(
  comment: NoticeComment,
  decision: 'publish' | 'hide',
  reply: string | undefined,
  actor: string,
  now: Date,
): Partial<NoticeComment> {
  const at = now.toISOString();
  if (decision === 'hide') {
    if (reply) throw new AppError('VALIDATION_FAILED', undefined, { reply: '不予公开的意见无需回复' });
    return { status: 'hidden', publishedAt: null, moderatedBy: actor, moderatedAt: at };
  }
  return {
    status: 'published',
    publishedAt: comment.publishedAt ?? at,
    reply: reply ? { text: reply, by: actor, at } : comment.reply,
    moderatedBy: actor,
    moderatedAt: at,
  };
}

export function commentEvent(subjectId: string, action: CommentEvent['action'], actor: string, now: Date, detail: string | null = null): CommentEvent {
  return { subjectType: 'noticeComment', subjectId, action, actor, at: now.toISOString(), detail };
}

export function toPublicComment(comment: NoticeComment): PublicComment {
  return {
    id: comment.id,
    text: comment.text,
    createdAt: comment.createdAt,
    publishedAt: comment.publishedAt ?? comment.createdAt,
    reply: comment.reply ? { text: comment.reply.text, at: comment.reply.at } : null,
  };
}

export function toOwnComment(comment: NoticeComment): OwnComment {
  return { ...toPublicComment(comment), status: comment.status, publishedAt: comment.publishedAt };
}

export function toManagedComment(comment: NoticeComment): ManagedComment {
  const { author, ...rest } = comment;
  // No part of an OPENID on a screen: the moderator sees a short tag that tells one resident's opinions
  // from another's and cannot be turned back into the OPENID.
  return { ...rest, authorMasked: `居民 ${residentTag(author)}` };
}

/** Four letters and digits from a 32-bit FNV-1a hash of the OPENID (pure: shared code runs in the app too). */
export function residentTag(openid: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < openid.length; i++) {
    hash ^= openid.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).toUpperCase().padStart(4, '0').slice(-4);
}
