import { REQUEST_REVIEW_KIND, REVIEW_KINDS, REVIEW_SETTINGS_ID, reviewRequiredInForce, type ReviewEvent, type ReviewKind } from '../../shared/reviews/review-kinds';
import { REVIEW_KIND_LABELS } from '../../shared/reviews/review-kinds';
import type { ReviewSettingsView } from '../../shared/reviews/reviews-contract';
import { changeRecord } from '../_runtime/change-record';
import type { Store, Transaction } from '../_runtime/store/port';
import { allStaff, standingOf } from '../staff/staff-roster';

/** The bureau's 公开审查 settings in force (defaults for kinds it never set), with the document's version. */
export async function loadReviewSettings(store: Store | Transaction): Promise<ReviewSettingsView> {
  const doc = await store.collection('meta').get(REVIEW_SETTINGS_ID);
  return { required: kindsRequired(reviewRequiredInForce(doc?.reviewRequired)), version: doc?.version ?? 0 };
}

export async function reviewRequired(store: Store | Transaction, kind: ReviewKind): Promise<boolean> {
  return (await loadReviewSettings(store)).required.includes(kind);
}

/** Saves the settings on the change road; the event names each kind switched and how. */
export async function saveReviewSettings(store: Store, actor: string, at: Date, version: number, kinds: readonly ReviewKind[]): Promise<ReviewSettingsView> {
  const required = Object.fromEntries(REVIEW_KINDS.map((k) => [k, kinds.includes(k)])) as Record<ReviewKind, boolean>;
  const { record } = await changeRecord(store, {
    collection: 'meta',
    id: REVIEW_SETTINGS_ID,
    expectedVersion: version,
    notFound: 'VALIDATION_FAILED',
    initial: {},
    decide: (current) => {
      const before = reviewRequiredInForce(current.reviewRequired);
      const changed = REVIEW_KINDS.filter((k) => before[k] !== required[k]);
      if (changed.length === 0 && current.version > 0) return null;
      const event: ReviewEvent = {
        subjectType: 'review',
        subjectId: REVIEW_SETTINGS_ID,
        action: 'settingsChanged',
        actor,
        at: at.toISOString(),
        detail: changed.map((k) => `${REVIEW_KIND_LABELS[k]}：${required[k] ? '须经审核' : '无需审核'}`).join('；') || '确认默认设置',
      };
      return { patch: { reviewRequired: { ...required } }, events: [event] };
    },
  });
  return { required: kindsRequired(reviewRequiredInForce(record.reviewRequired)), version: record.version };
}

function kindsRequired(inForce: Record<ReviewKind, boolean>): ReviewKind[] {
  return REVIEW_KINDS.filter((k) => inForce[k]);
}

/**
 * What the clerk's request page needs to say before a letter goes out (its confirmation): which of
 * reply, close and extend wait for 公开审查 now, and who could approve the caller's submission —
 * reviewers and admins in good standing, never the caller (SELF_REVIEW).
 */
export async function reviewBeforeIssue(store: Store, callerOpenid: string): Promise<{ steps: Array<'reply' | 'close' | 'extend'>; reviewers: string[] }> {
  const { required } = await loadReviewSettings(store);
  const steps = (Object.keys(REQUEST_REVIEW_KIND) as Array<'reply' | 'close' | 'extend'>).filter((step) => required.includes(REQUEST_REVIEW_KIND[step]));
  if (steps.length === 0) return { steps, reviewers: [] };
  const reviewers = (await allStaff(store))
    .filter((record) => record.id !== callerOpenid)
    .map(standingOf)
    .filter((s) => s.active && (s.roles.includes('reviewer') || s.roles.includes('admin')))
    // Dedicated reviewers first: an admin reviews too, but is not who a clerk expects to read the letter.
    .sort((a, b) => Number(b.roles.includes('reviewer')) - Number(a.roles.includes('reviewer')))
    .map((s) => s.name);
  return { steps, reviewers };
}
