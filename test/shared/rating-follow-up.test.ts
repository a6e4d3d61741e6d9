import { isWorkday } from 'chinese-days';
import {
  appealFollowUp,
  closeFollowUp,
  decideAppeal,
  followUpDueDate,
  isOverdue,
  newFollowUp,
  recordFeedback,
  respondToFollowUp,
  type FollowUpRecord,
  type FollowUpResponse,
} from '../../shared/ratings/follow-up';
import { RATING_LEVEL_LABELS, RATING_TAGS, isNegative } from '../../shared/ratings/rating-levels';
import { visitCodeFrom, visitExpiry, visitUsability, VISIT_CODE_PATTERN } from '../../shared/ratings/visit-codes';
import { ratingKeyForWindowDay } from '../../shared/ratings/rating-identity';

describe('follow-up due date in working days', () => {
  // 2026: 国庆 + 中秋 1–7 October are holidays, Saturday 10 October is a working day (调休).
  test('15 working days from Monday 28 September 2026 skip the 国庆 holiday and count the 调休 Saturday', () => {
    // 29, 30 Sep; 8, 9, 10 (Sat, 调休), 12–16, 19–23 Oct → the 15th is Friday 23 October.
    expect(followUpDueDate(new Date('2026-09-28T02:00:00Z'), 15, isWorkday)).toBe('2026-10-23');
  });

  test('5 working days (a city setting) across the same holiday end on the 调休 Saturday', () => {
    // 29, 30 Sep; 8, 9, 10 Oct.
    expect(followUpDueDate(new Date('2026-09-28T02:00:00Z'), 5, isWorkday)).toBe('2026-10-10');
  });

  test('counted from the Beijing date: 20:00 UTC on 28 September is already the 29th in Beijing', () => {
    expect(followUpDueDate(new Date('2026-09-28T20:00:00Z'), 15, isWorkday)).toBe('2026-10-26');
  });

  test('the calendar is whatever is passed in', () => {
    const everyDay = () => true;
    expect(followUpDueDate(new Date('2026-11-24T02:00:00Z'), 3, everyDay)).toBe('2026-11-27');
    expect(() => followUpDueDate(new Date(), 3, () => false)).toThrow();
  });
});

const opened = newFollowUp(
  { id: 'v-ABCDEFGHJK', windowId: 'w', windowName: '窗口', serviceId: null, serviceName: null, departmentId: 'd', month: '2026-11', level: 'dissatisfied', anonymous: false },
  new Date('2026-11-02T02:00:00Z'),
  '2026-11-23',
);
const response: FollowUpResponse = {
  contactMethod: 'phone', contactNote: '已联系', finding: 'valid', rectification: 'immediate', planDueDate: null, answer: '已整改',
  respondedBy: 'demo-rater', respondedByName: '赵磊', respondedAt: '2026-11-20T02:00:00Z',
};
const apply = (record: FollowUpRecord, patch: Partial<FollowUpRecord>): FollowUpRecord => ({ ...record, ...patch });

describe('follow-up steps', () => {
  test('respond → resident feedback → close; on time when answered by the due date (Beijing)', () => {
    const answered = apply(opened, respondToFollowUp(opened, response, new Date('2026-11-23T15:59:00Z')));
    expect(answered).toMatchObject({ status: 'answered', answeredOnTime: true });
    const late = respondToFollowUp(opened, response, new Date('2026-11-23T16:00:00Z')); // 00:00 on the 24th in Beijing
    expect(late.answeredOnTime).toBe(false);
    const withFeedback = apply(answered, recordFeedback(answered, true, '解决了', new Date(), '2026-12-31').patch);
    expect(withFeedback.feedback).toMatchObject({ solved: true });
    expect(() => recordFeedback(withFeedback, true, '', new Date(), '2026-12-31')).toThrow();
    expect(apply(withFeedback, closeFollowUp(withFeedback, '', 'demo-rater', new Date())).status).toBe('closed');
  });

  test('a plan needs a date; a closed one cannot be answered again; closing needs an answer', () => {
    expect(() => respondToFollowUp(opened, { ...response, rectification: 'plan', planDueDate: null }, new Date())).toThrow();
    expect(() => closeFollowUp(opened, '', 'x', new Date())).toThrow();
    expect(() => recordFeedback(opened, true, '', new Date(), '2026-12-31')).toThrow();
  });

  test('overdue only while open and past the due date', () => {
    expect(isOverdue(opened, new Date('2026-11-23T15:00:00Z'))).toBe(false);
    expect(isOverdue(opened, new Date('2026-11-23T16:00:00Z'))).toBe(true);
    expect(isOverdue({ ...opened, status: 'answered' }, new Date('2026-12-30T00:00:00Z'))).toBe(false);
  });

  test('appeal: once, decided by an admin; rejected returns to where it was, upheld excludes (never deletes)', () => {
    const appealed = apply(opened, appealFollowUp(opened, '系统故障', 'demo-rater', '赵磊', new Date()));
    expect(appealed.status).toBe('appealed');
    expect(() => appealFollowUp(appealed, '再次申诉', 'demo-rater', '赵磊', new Date())).toThrow();
    const rejected = apply(appealed, decideAppeal(appealed, false, '理由不充分', 'demo-admin', '张敏', new Date()));
    expect(rejected).toMatchObject({ status: 'open', excluded: false });
    expect(() => appealFollowUp(rejected, '再次申诉', 'demo-rater', '赵磊', new Date())).toThrow();
    const upheld = apply(appealed, decideAppeal(appealed, true, '属实', 'demo-admin', '张敏', new Date()));
    expect(upheld).toMatchObject({ status: 'closed', excluded: true, ratingId: opened.ratingId });
  });
});

describe('levels, tags and visit codes', () => {
  test('five levels with Chinese labels; the last two are 差评', () => {
    expect(Object.values(RATING_LEVEL_LABELS)).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    expect(isNegative('dissatisfied') && isNegative('veryDissatisfied')).toBe(true);
    expect(isNegative('basic')).toBe(false);
    expect(RATING_TAGS.dissatisfied).toContain('等候时间长');
  });

  test('codes are 10 unambiguous characters and expire after 7 days by default', () => {
    const code = visitCodeFrom(new Uint8Array(16).map((_, i) => i * 37));
    expect(code).toMatch(VISIT_CODE_PATTERN);
    expect(code).not.toMatch(/[01OIL]/);
    const issued = new Date('2026-11-24T02:00:00Z');
    const visit = { expiresAt: visitExpiry(issued).toISOString(), ratingId: null };
    expect(visit.expiresAt).toBe('2026-12-01T02:00:00.000Z');
    expect(visitUsability(visit, new Date('2026-12-01T01:59:59Z'))).toBe('usable');
    expect(visitUsability(visit, new Date('2026-12-01T02:00:00Z'))).toBe('expired');
    expect(visitUsability({ ...visit, ratingId: 'v-x' }, new Date('2027-01-01T00:00:00Z'))).toBe('alreadyRated');
  });

  test('a bare window QR: one rating per resident per window per Beijing day', () => {
    const a = ratingKeyForWindowDay('w1', 'k', new Date('2026-11-24T15:59:00Z'));
    expect(ratingKeyForWindowDay('w1', 'k', new Date('2026-11-24T00:00:00Z'))).toBe(a);
    expect(ratingKeyForWindowDay('w1', 'k', new Date('2026-11-24T16:00:00Z'))).not.toBe(a);
    expect(ratingKeyForWindowDay('w2', 'k', new Date('2026-11-24T01:00:00Z'))).not.toBe(a);
  });
});
