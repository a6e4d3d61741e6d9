import { CONTENT_LABELS, noticeChanges } from './notice-changes';
import type { NoticeAction } from './notice-lifecycle';
import type { Notice, NoticeContent, NoticeStatus } from './notice-schema';
import { diffChars, diffLines, type DiffPart, type LineDiff } from './text-diff';

/**
 * Every version of a notice, kept whole (条例 Art. 45 record keeping): each
 * create, save, publish, schedule and withdraw stores the notice as it stood
 * after the change, in the same transaction as the change. Staff read the
 * list, open one version, and see its text against the one before. Pure.
 */
export const NOTICE_VERSIONS = 'noticeVersions';

/** Every version is made by one of the notice's actions, from `created` on. */
export type VersionAction = NoticeAction;

export interface NoticeVersionRecord {
  noticeId: string;
  /** The notice's record version this snapshot is of. */
  noticeVersion: number;
  action: VersionAction;
  /** Staff OPENID (staff-only record). */
  actor: string;
  /** The staff member's name at the time, for the list; 定时发布 when the runner published it. */
  actorName: string;
  at: string;
  detail: string | null;
  /** Copied up from the snapshot so the list can read a projection, not the whole body. */
  title: string;
  status: NoticeStatus;
  snapshot: Notice;
}

/** A line of the history list. */
export type NoticeVersionSummary = Pick<NoticeVersionRecord, 'noticeVersion' | 'action' | 'actorName' | 'at' | 'detail' | 'title' | 'status'>;

export const VERSION_SUMMARY_FIELDS = ['noticeVersion', 'action', 'actorName', 'at', 'detail', 'title', 'status'] as const;

/** One version with what changed since the version before it (none for the first kept). */
export interface NoticeVersionDetail {
  version: NoticeVersionSummary & { snapshot: Notice };
  previousVersion: number | null;
  diff: NoticeDiff | null;
}

export interface NoticeDiff {
  title: DiffPart[];
  summary: DiffPart[];
  body: LineDiff[];
  /** Labels of other content fields that changed (期限, 文号, 附件…). */
  otherFields: string[];
  /** Status before → after, when it changed (e.g. 草稿 → 已发布). */
  status: { before: NoticeStatus; after: NoticeStatus } | null;
}

export const VERSION_ACTION_LABELS: Record<VersionAction, string> = {
  created: '新建',
  updated: '保存修改',
  published: '发布',
  withdrawn: '撤回',
  scheduled: '设定定时发布',
  unscheduled: '取消定时发布',
};

export function versionId(noticeId: string, noticeVersion: number): string {
  return `${noticeId}-v${noticeVersion}`;
}

export function versionRecord(
  notice: Notice,
  action: VersionAction,
  actor: { openid: string; name: string },
  at: Date,
  detail: string | null = null,
): NoticeVersionRecord & { id: string } {
  return {
    id: versionId(notice.id, notice.version),
    noticeId: notice.id,
    noticeVersion: notice.version,
    action,
    actor: actor.openid,
    actorName: actor.name,
    at: at.toISOString(),
    detail,
    title: notice.title,
    status: notice.status,
    snapshot: notice,
  };
}

export function toVersionSummary(record: NoticeVersionRecord): NoticeVersionSummary {
  const { noticeVersion, action, actorName, at, detail, title, status } = record;
  return { noticeVersion, action, actorName, at, detail, title, status };
}

/** Shown as text diffs; every other changed field is named. */
const TEXT_FIELDS = new Set(['title', 'summary', 'body']);

/** What changed from `before` to `after`: title and summary by character, the body by line, the rest by name. */
export function diffNoticeVersions(before: Notice, after: Notice): NoticeDiff {
  const changed = noticeChanges(before, after as unknown as NoticeContent).fields;
  return {
    title: diffChars(before.title, after.title),
    summary: diffChars(before.summary ?? '', after.summary ?? ''),
    body: diffLines(before.body, after.body),
    otherFields: changed.filter((f) => !TEXT_FIELDS.has(f)).map((f) => CONTENT_LABELS[f as keyof typeof CONTENT_LABELS]),
    status: before.status === after.status ? null : { before: before.status, after: after.status },
  };
}
