import { newFollowUp, respondToFollowUp, type FollowUpRecord } from '../../shared/ratings/follow-up';
import {
  answeredTallyDelta,
  buildRating,
  followUpOpenedBy,
  rankWindows,
  ratedTallyDelta,
  followUpStepDelta,
  upheldAppealTallyDelta,
  type RatedSubject,
  type RatingSubmission,
} from '../../shared/ratings/rating-submission';
import type { RatingLevel } from '../../shared/ratings/rating-levels';
import { applyDelta, emptyCounts, emptyTally, type LevelCounts } from '../../shared/ratings/satisfaction';

// Tuesday 24 November 2026, 23:30 in Beijing.
const AT = new Date('2026-11-24T15:30:00Z');

const hall: RatedSubject = {
  windowId: 'w-hall',
  name: '1号窗口',
  departmentId: 'approval',
  departmentName: '行政审批科',
  services: [
    { id: 's-permit', name: '施工许可' },
    { id: 's-change', name: '许可变更' },
  ],
};

const submission = (over: Partial<RatingSubmission> = {}): RatingSubmission => ({
  level: 'satisfied',
  tags: [],
  comment: '',
  anonymous: false,
  contactName: '',
  contactPhone: '',
  ...over,
});

describe('buildRating', () => {
  test('a visit rating names its window, the service and the Beijing month', () => {
    const rating = buildRating('v-CODE', submission({ visitCode: 'CODE', comment: '很好' }), hall, 's-change', 'resident-a', { pass: true }, AT);
    expect(rating).toEqual({
      id: 'v-CODE',
      source: 'visit',
      visitCode: 'CODE',
      requestId: null,
      windowId: 'w-hall',
      windowName: '1号窗口',
      serviceId: 's-change',
      serviceName: '许可变更',
      departmentId: 'approval',
      departmentName: '行政审批科',
      month: '2026-11',
      level: 'satisfied',
      tags: [],
      comment: '很好',
      commentStatus: 'passed',
      commentReason: null,
      anonymous: false,
      raterOpenid: 'resident-a',
      contactName: '',
      contactPhone: '',
      createdAt: '2026-11-24T15:30:00.000Z',
      excluded: false,
      verified: true,
    });
  });

  test('the month is Beijing’s: 16:30 UTC on 30 November is already December', () => {
    expect(buildRating('x', submission(), hall, null, 'r', null, new Date('2026-11-30T16:30:00Z')).month).toBe('2026-12');
  });

  test('source: request before visit before window', () => {
    expect(buildRating('x', submission({ requestId: 'req-1' }), { ...hall, windowId: null }, null, 'r', null, AT)).toMatchObject({ source: 'request', requestId: 'req-1', windowId: null });
    expect(buildRating('x', submission(), hall, null, 'r', null, AT)).toMatchObject({ source: 'window', visitCode: null, requestId: null });
  });

  test('a visit code or a request makes a rating verified; a bare window QR does not', () => {
    expect(buildRating('x', submission({ requestId: 'req-1' }), { ...hall, windowId: null }, null, 'r', null, AT).verified).toBe(true);
    expect(buildRating('x', submission({ visitCode: 'CODE' }), hall, null, 'r', null, AT).verified).toBe(true);
    expect(buildRating('x', submission(), hall, null, 'r', null, AT).verified).toBe(false);
  });

  test('a service the subject does not offer, or none, is recorded as none', () => {
    expect(buildRating('x', submission(), hall, 's-unknown', 'r', null, AT)).toMatchObject({ serviceId: null, serviceName: null });
    expect(buildRating('x', submission(), hall, null, 'r', null, AT)).toMatchObject({ serviceId: null, serviceName: null });
  });

  test('screening: no comment is none; a held-back comment is kept with its reason', () => {
    expect(buildRating('x', submission(), hall, null, 'r', null, AT)).toMatchObject({ commentStatus: 'none', commentReason: null });
    expect(buildRating('x', submission({ comment: '加微信' }), hall, null, 'r', { pass: false, reason: '含联系方式' }, AT)).toMatchObject({
      comment: '加微信',
      commentStatus: 'rejected',
      commentReason: '含联系方式',
    });
  });
});

describe('followUpOpenedBy', () => {
  const rated = (level: RatingLevel) => buildRating('v-1', submission({ level }), hall, 's-permit', 'r', null, AT);

  test.each(['dissatisfied', 'veryDissatisfied'] as const)('a %s rating opens a follow-up keyed like the rating, due on the date given', (level) => {
    expect(followUpOpenedBy(rated(level), AT, '2026-12-15')).toEqual(newFollowUp({ ...rated(level), level }, AT, '2026-12-15'));
    expect(followUpOpenedBy(rated(level), AT, '2026-12-15')).toMatchObject({ id: 'v-1', ratingId: 'v-1', status: 'open', dueDate: '2026-12-15', month: '2026-11' });
  });

  test.each(['verySatisfied', 'satisfied', 'basic'] as const)('a %s rating opens none', (level) => {
    expect(followUpOpenedBy(rated(level), AT, '2026-12-15')).toBeNull();
  });

  test('no due date, no follow-up', () => {
    expect(followUpOpenedBy(rated('dissatisfied'), AT, null)).toBeNull();
  });
});

describe('tally deltas', () => {
  test('a rating counts its level, and the follow-up it opened', () => {
    expect(ratedTallyDelta('basic', false)).toEqual({ level: { level: 'basic', by: 1 } });
    expect(ratedTallyDelta('dissatisfied', true)).toEqual({ level: { level: 'dissatisfied', by: 1 }, followUpsOpened: 1 });
  });

  test('an answer counts as answered, and on time only when it was', () => {
    expect(answeredTallyDelta(true)).toEqual({ followUpsAnswered: 1, followUpsOnTime: 1 });
    expect(answeredTallyDelta(false)).toEqual({ followUpsAnswered: 1, followUpsOnTime: 0 });
  });

  const opened = (): FollowUpRecord => newFollowUp({ ...buildRating('v-1', submission({ level: 'veryDissatisfied' }), hall, null, 'r', null, AT), level: 'veryDissatisfied' }, AT, '2026-12-15');
  const answer = (followUp: FollowUpRecord, at: Date): FollowUpRecord => ({
    ...followUp,
    ...respondToFollowUp(
      followUp,
      { contactMethod: 'phone', contactNote: '', finding: 'invalid', rectification: 'explain', planDueDate: null, answer: '已说明', respondedBy: 'o', respondedByName: '赵磊', respondedAt: at.toISOString() },
      at,
    ),
  });

  // Replays a follow-up's life on a tally, then takes the upheld appeal back: the tally must be empty again.
  test.each([
    ['appealed before any answer', (f: FollowUpRecord) => f],
    ['appealed after an answer on time', (f: FollowUpRecord) => answer(f, new Date('2026-12-01T02:00:00Z'))],
    ['appealed after a late answer', (f: FollowUpRecord) => answer(f, new Date('2026-12-20T02:00:00Z'))],
  ])('an upheld appeal takes back exactly what the 差评 added: %s', (_case, live) => {
    const followUp = live(opened());
    let tally = applyDelta(emptyTally(), ratedTallyDelta('veryDissatisfied', true));
    tally = applyDelta(tally, { realNameOpened: followUp.realName ? 1 : 0 });
    const step = followUp.response ? followUpStepDelta(opened(), followUp) : null;
    if (step) tally = applyDelta(tally, step);
    expect(applyDelta(tally, upheldAppealTallyDelta(followUp))).toEqual(emptyTally());
  });

  test('the reversal of an answered, late 差评 takes back the answer but no on-time count', () => {
    const late = answer(opened(), new Date('2026-12-20T02:00:00Z'));
    expect(late.answeredOnTime).toBe(false);
    expect(upheldAppealTallyDelta(late)).toEqual({
      level: { level: 'veryDissatisfied', by: -1 },
      followUpsOpened: -1,
      followUpsAnswered: -1,
      followUpsOnTime: 0,
      // A named rater's 差评, answered with an explanation (its rectification finished): both taken back.
      realNameOpened: -1,
      realNameAnswered: -1,
      followUpsRectified: -1,
    });
  });
});

describe('rankWindows', () => {
  const tally = (key: string, counts: Partial<LevelCounts>) => ({ ...emptyTally(), key, counts: { ...emptyCounts(), ...counts } });
  const windows = [
    { id: 'w-a', name: '1号窗口', departmentName: '科一' },
    { id: 'w-b', name: '3号窗口', departmentName: '科二' },
    { id: 'w-c', name: '4号窗口', departmentName: '科三' },
    { id: 'w-d', name: '2号窗口', departmentName: '科四' },
  ];

  test('higher satisfaction first; among equal rates more ratings first; level windows share a rank, listed by name', () => {
    const rows = rankWindows(
      [
        tally('w-a', { satisfied: 1, dissatisfied: 1 }), // 50 %
        tally('w-b', { verySatisfied: 2 }), // 100 %, 2 ratings
        tally('w-c', { verySatisfied: 5 }), // 100 %, 5 ratings
        tally('w-d', { satisfied: 2 }), // 100 %, 2 ratings: level with w-b, both 2nd (并列), 2号 listed before 3号
      ],
      windows,
    );
    expect(rows.map((r) => [r.rank, r.windowId, r.total, r.tied])).toEqual([
      [1, 'w-c', 5, false],
      [2, 'w-d', 2, true],
      [2, 'w-b', 2, true],
      [4, 'w-a', 2, false],
    ]);
    expect(rows[0]).toMatchObject({ windowName: '4号窗口', departmentName: '科三', satisfactionRate: 1 });
    expect(rows[3].satisfactionRate).toBe(0.5);
  });

  test('windows without ratings this month, and tallies of windows no longer known, are left out', () => {
    const rows = rankWindows([tally('w-a', {}), tally('w-gone', { verySatisfied: 3 }), tally('w-b', { basic: 1 })], windows);
    expect(rows.map((r) => [r.rank, r.windowId])).toEqual([[1, 'w-b']]);
  });
});
