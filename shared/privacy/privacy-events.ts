/**
 * The `events` record of an erasure or of the retention job's run: what was anonymised and removed,
 * counted per collection. Its subject is a random id, never the resident's OPENID, and the detail
 * names collections and fields, never values: the record of the erasure holds nothing it erased.
 */
export interface PrivacyEvent {
  subjectType: 'personalData';
  subjectId: string;
  action: 'erased' | 'retentionApplied' | 'retentionSettingsChanged';
  /** `resident` (their own erasure), `system` (the retention job) or the admin's OPENID (settings). */
  actor: string;
  at: string;
  detail: string | null;
}

/** "requests 2, ratings 1, inbox 5": the non-zero counts of a report, in order. */
export function countsDetail(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${name} ${n}`)
    .join('，') || '无';
}
