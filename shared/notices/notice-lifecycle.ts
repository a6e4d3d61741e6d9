import { AppError } from '../api/errors';
import { CONTENT_KEYS, type NoticeChanges } from './notice-changes';
import type { Notice, NoticeContent, NoticeManageSummary, NoticeStatus, NoticeSummary, PublicNotice } from './notice-schema';

/**
 * A notice's life: draft → published → withdrawn, and back to published after
 * a correction. Withdrawn notices stay on record for staff (and for the annual
 * report) but vanish for residents. Pure: time and actor are arguments.
 */
export type NoticeAction = 'created' | 'updated' | 'published' | 'withdrawn' | 'scheduled' | 'unscheduled';

export interface NoticeEvent {
  subjectType: 'notice';
  subjectId: string;
  action: NoticeAction;
  actor: string;
  at: string;
  detail: string | null;
  /** On `updated`: which content fields changed, and the title before and after. */
  changes?: NoticeChanges;
}

const ALLOWED: Record<'publish' | 'withdraw', NoticeStatus[]> = {
  publish: ['draft', 'withdrawn'],
  withdraw: ['published'],
};

export function newNotice(
  content: NoticeContent,
  departmentName: string,
  actor: string,
  now: Date,
): Omit<Notice, 'id' | 'version'> {
  const at = now.toISOString();
  return {
    ...content,
    departmentName,
    status: 'draft',
    createdAt: at,
    createdBy: actor,
    updatedAt: at,
    updatedBy: actor,
    publishedAt: null,
    withdrawnAt: null,
    withdrawReason: null,
  };
}

/**
 * A patch that replaces the content; a published notice stays published
 * (corrections are logged as events). Keys of the old kind that the new
 * content lacks are set to undefined, which the store port defines as
 * "remove the field", so a policy turned into an announcement keeps no 文号.
 */
export function reviseNotice(
  content: NoticeContent,
  departmentName: string,
  actor: string,
  now: Date,
): Partial<Notice> {
  const cleared = Object.fromEntries(CONTENT_KEYS.map((key) => [key, undefined]));
  return { ...cleared, ...content, departmentName, updatedAt: now.toISOString(), updatedBy: actor } as Partial<Notice>;
}

export function publishNotice(notice: Notice, actor: string, now: Date): Partial<Notice> {
  assertAllowed(notice, 'publish');
  const at = now.toISOString();
  const patch: Partial<Notice> = { status: 'published', publishedAt: at, withdrawnAt: null, withdrawReason: null, updatedAt: at, updatedBy: actor };
  // Publishing, now or by its schedule, ends any schedule (notice-schedule.ts): undefined removes the fields.
  if (notice.scheduledAt) Object.assign(patch, { scheduledAt: undefined, scheduledBy: undefined, scheduleReviewId: undefined });
  return patch;
}

export function withdrawNotice(notice: Notice, reason: string, actor: string, now: Date): Partial<Notice> {
  assertAllowed(notice, 'withdraw');
  const at = now.toISOString();
  return { status: 'withdrawn', withdrawnAt: at, withdrawReason: reason, updatedAt: at, updatedBy: actor };
}

export function noticeEvent(
  subjectId: string,
  action: NoticeAction,
  actor: string,
  now: Date,
  detail: string | null = null,
  changes?: NoticeChanges,
): NoticeEvent {
  const event: NoticeEvent = { subjectType: 'notice', subjectId, action, actor, at: now.toISOString(), detail };
  if (changes) event.changes = changes;
  return event;
}

export function isVisibleToResidents(notice: Pick<Notice, 'status'>): boolean {
  return notice.status === 'published';
}

/** The fields `toSummary` reads: what a list asks the store for (a projection), never the body. */
export const SUMMARY_FIELDS = ['kind', 'title', 'summary', 'departmentId', 'departmentName', 'publishedAt', 'period', 'docNumber', 'validity', 'correctedAt'] as const;

export function toSummary(notice: Notice): NoticeSummary {
  const summary: NoticeSummary = {
    id: notice.id,
    kind: notice.kind,
    title: notice.title,
    summary: notice.summary,
    departmentId: notice.departmentId,
    departmentName: notice.departmentName,
    publishedAt: notice.publishedAt,
  };
  if (notice.kind === 'consultation' || notice.kind === 'publicity') summary.period = notice.period;
  if (notice.kind === 'policy') {
    summary.docNumber = notice.docNumber;
    summary.validity = notice.validity;
  }
  if (notice.correctedAt) summary.correctedAt = notice.correctedAt;
  return summary;
}

/** The resident's view, built field by field (an allow-list), so a field added later stays private until named here. */
export function toPublicNotice(notice: Notice): PublicNotice {
  const view: Record<string, unknown> = { id: notice.id, departmentName: notice.departmentName, publishedAt: notice.publishedAt };
  const stored = notice as unknown as Record<string, unknown>;
  for (const key of CONTENT_KEYS) if (stored[key] !== undefined) view[key] = stored[key];
  // 更正 are public by nature: residents are told what changed since they first read it.
  if (notice.corrections?.length) view.corrections = notice.corrections.map(({ at, note }) => ({ at, note }));
  return view as PublicNotice;
}

export function toManageSummary(notice: Notice): NoticeManageSummary {
  const summary: NoticeManageSummary = { ...toSummary(notice), status: notice.status, updatedAt: notice.updatedAt, version: notice.version };
  if (notice.scheduledAt) summary.scheduledAt = notice.scheduledAt;
  if (notice.status === 'withdrawn' && notice.withdrawReason) summary.withdrawReason = notice.withdrawReason;
  return summary;
}

export function assertAllowed(notice: Notice, command: 'publish' | 'withdraw'): void {
  if (!ALLOWED[command].includes(notice.status)) {
    const message = command === 'publish' ? '该信息已发布，无需重复发布' : '只有已发布的信息才能撤回';
    throw new AppError('INVALID_STATE', message);
  }
}
