import { REVIEW_KINDS } from '../../shared/reviews/review-kinds';
import { APPROVE_CONSEQUENCES, approveConsequence, REVIEW_KIND_AUDIENCE, waitedFor } from '../../shared/reviews/review-wording';

const at = (iso: string) => new Date(iso);

test('how long an item has waited, in hours and days', () => {
  const submitted = '2026-12-01T02:00:00.000Z';
  expect(waitedFor(submitted, at('2026-12-01T02:59:59.000Z'))).toBe('不到 1 小时');
  expect(waitedFor(submitted, at('2026-12-01T03:00:00.000Z'))).toBe('1 小时');
  expect(waitedFor(submitted, at('2026-12-02T01:30:00.000Z'))).toBe('23 小时');
  expect(waitedFor(submitted, at('2026-12-03T02:00:00.000Z'))).toBe('2 天');
  expect(waitedFor(submitted, at('2026-12-03T05:10:00.000Z'))).toBe('2 天 3 小时');
  // A clock behind the submission never shows a negative wait.
  expect(waitedFor(submitted, at('2026-12-01T01:00:00.000Z'))).toBe('不到 1 小时');
});

test('every kind says what approving does and whom it reaches', () => {
  for (const kind of REVIEW_KINDS) {
    expect(APPROVE_CONSEQUENCES[kind]).toMatch(/审核通过后/);
    expect(REVIEW_KIND_AUDIENCE[kind]).toMatch(/居民|申请人/);
  }
});

test('a schedule under review is set for its time, not published at once', () => {
  expect(approveConsequence('notice.publish', { type: 'schedule', publishAt: '2026-12-04T01:00:00.000Z' })).toMatch(/^审核通过后定时发布：2026-12-04 09:00 自动公开发布/);
  expect(approveConsequence('notice.publish', undefined)).toBe(APPROVE_CONSEQUENCES['notice.publish']);
});
