import { NOTICE_KIND_LABELS, type NoticeKind } from '../notices/notice-kinds';

/**
 * What a resident can subscribe to: a notice kind, a department, or both
 * together (that kind from that department only). Each subscription is
 * stored under a topic key, so publishing a notice asks for exactly three
 * keys — its kind, its department, and the pair — and nothing is scanned.
 */
export interface TopicFilter {
  kind?: NoticeKind | null;
  departmentId?: string | null;
}

export function topicKey({ kind, departmentId }: TopicFilter): string {
  if (kind && departmentId) return `k:${kind}|d:${departmentId}`;
  if (kind) return `k:${kind}`;
  if (departmentId) return `d:${departmentId}`;
  throw new Error('a topic needs a kind or a department');
}

/** Every topic a notice of this kind from this department reaches, in a fixed order (fan-out resumes by position). */
export function topicsForNotice(kind: NoticeKind, departmentId: string): string[] {
  return [topicKey({ kind }), topicKey({ departmentId }), topicKey({ kind, departmentId })];
}

/** "通知公告", "局办公室", "局办公室 · 通知公告". */
export function describeTopic({ kind, departmentId }: TopicFilter, departmentName?: (id: string) => string): string {
  const dept = departmentId ? (departmentName?.(departmentId) ?? departmentId) : null;
  const label = kind ? NOTICE_KIND_LABELS[kind] : null;
  return [dept, label].filter(Boolean).join(' · ');
}
