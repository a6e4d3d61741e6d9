import { RATING_LEVELS } from '../../shared/ratings/rating-levels';
import { emptyCounts, ratingBasis, tallyId, tallyKeysOf } from '../../shared/ratings/satisfaction';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { storeCounts } from '../support/fixture';
import { ratingCalls, RESPONSE, windowContent } from '../support/rating-fixture';
import { application } from '../support/request-factories';

let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness();
});
afterEach(() => cloud.close());

const officer = 'demo-rater';
const { newWindow, issue, rate, stats } = ratingCalls(() => cloud, officer);

describe('one visit, one rating', () => {
  test('a visit code rates once; the second attempt is ALREADY_RATED (409) and writes nothing', async () => {
    const w = await newWindow();
    const visit = await issue(w.id, w.services[0].id);
    expect(visit.visitCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    expect(visit.expiresAt).toBe('2026-12-01T02:00:00.000Z');
    expect(visit.link).toContain(`rating/pages/rate/index?visit=${visit.visitCode}`);
    ok(await rate('resident-a', { visitCode: visit.visitCode, level: 'satisfied' }));
    const before = await storeCounts(cloud);
    const again = await rate('resident-a', { visitCode: visit.visitCode, level: 'veryDissatisfied' });
    expect(again).toMatchObject({ ok: false, code: 'ALREADY_RATED' });
    // Someone else holding the same code fares no better.
    expect(await rate('resident-b', { visitCode: visit.visitCode, level: 'basic' })).toMatchObject({ ok: false, code: 'ALREADY_RATED' });
    expect(await storeCounts(cloud)).toEqual(before);
    expect((await stats({ windowId: w.id, month: '2026-11' })).total).toBe(1);
  });

  test('an unknown or expired code is VISIT_NOT_FOUND (404); lower case is accepted', async () => {
    const w = await newWindow();
    const visit = await issue(w.id);
    expect(await rate('resident-a', { visitCode: 'ABCDEFGHJK', level: 'satisfied' })).toMatchObject({ ok: false, code: 'VISIT_NOT_FOUND' });
    cloud.clock.now = new Date('2026-12-01T02:00:00Z');
    const before = await storeCounts(cloud);
    expect(await rate('resident-a', { visitCode: visit.visitCode, level: 'satisfied' })).toMatchObject({ ok: false, code: 'VISIT_NOT_FOUND' });
    expect(await storeCounts(cloud)).toEqual(before);
    cloud.clock.now = new Date('2026-12-01T01:59:00Z');
    ok(await rate('resident-a', { visitCode: visit.visitCode.toLowerCase(), level: 'satisfied' }));
  });

  test('a bare window QR: once per resident per window per Beijing day', async () => {
    const w = await newWindow();
    cloud.clock.now = new Date('2026-11-24T01:00:00Z'); // 09:00 in Beijing
    ok(await rate('resident-a', { windowId: w.id, level: 'verySatisfied' }));
    cloud.clock.now = new Date('2026-11-24T15:00:00Z'); // 23:00, same Beijing day
    expect(await rate('resident-a', { windowId: w.id, level: 'basic' })).toMatchObject({ ok: false, code: 'ALREADY_RATED', message: expect.stringMatching(/今天/) });
    ok(await rate('resident-b', { windowId: w.id, level: 'basic' }));
    cloud.clock.now = new Date('2026-11-24T16:00:00Z'); // 00:00 on the 25th in Beijing
    ok(await rate('resident-a', { windowId: w.id, serviceId: w.services[1].id, level: 'satisfied' }));
    // No visit stands behind a bare QR: the three are counted apart, outside the official figures.
    expect(await stats({ windowId: w.id, month: '2026-11' })).toMatchObject({ total: 0, unverified: { total: 3 } });
  });

  test('a service the window does not offer, or a stopped window, is refused', async () => {
    const w = await newWindow();
    expect(await rate('resident-a', { windowId: w.id, serviceId: 'nope', level: 'satisfied' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { serviceId: expect.any(String) } });
    ok(await cloud.call(officer, 'windows', { action: 'save', data: { id: w.id, version: w.version, window: windowContent({ active: false, services: w.services }) } }));
    expect(await rate('resident-a', { windowId: w.id, level: 'satisfied' })).toMatchObject({ ok: false, code: 'WINDOW_NOT_FOUND' });
    expect(await cloud.call(officer, 'windows', { action: 'issueVisit', data: { windowId: w.id } })).toMatchObject({ ok: false, code: 'WINDOW_NOT_FOUND' });
  });

  test('tags must belong to the level chosen', async () => {
    const w = await newWindow();
    const result = await rate('resident-a', { windowId: w.id, level: 'verySatisfied', tags: ['等候时间长'] });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { tags: expect.any(String) } });
  });
});

describe('figures', () => {
  test('window, service, department and bureau figures against hand-computed counts', async () => {
    const w = await newWindow();
    const beforeDept = await stats({ departmentId: 'approval', month: '2026-11' });
    const beforeBureau = await stats({ month: '2026-11' });
    // 3 非常满意, 2 满意, 1 基本满意, 1 不满意, 1 非常不满意 → 6 / 8 = 0.75
    const levels = ['verySatisfied', 'verySatisfied', 'verySatisfied', 'satisfied', 'satisfied', 'basic', 'dissatisfied', 'veryDissatisfied'];
    for (const [i, level] of levels.entries()) {
      const visit = await issue(w.id, i < 4 ? w.services[0].id : w.services[1].id);
      ok(await rate(`resident-${i}`, { visitCode: visit.visitCode, level }));
    }
    const window = await stats({ windowId: w.id, month: '2026-11' });
    expect(window).toMatchObject({ scope: 'window', total: 8, satisfactionRate: 0.75, followUpsOpened: 2, followUpRate: 0 });
    expect(window.counts).toEqual({ verySatisfied: 3, satisfied: 2, basic: 1, dissatisfied: 1, veryDissatisfied: 1 });
    // First service: 3 非常满意 + 1 满意 → 100 %; second: 1 满意, 1 基本满意, 2 差评 → 50 %.
    expect(await stats({ serviceId: w.services[0].id, month: '2026-11' })).toMatchObject({ total: 4, satisfactionRate: 1 });
    expect(await stats({ serviceId: w.services[1].id, month: '2026-11' })).toMatchObject({ total: 4, satisfactionRate: 0.5 });
    const dept = await stats({ departmentId: 'approval', month: '2026-11' });
    expect(dept.total).toBe(beforeDept.total + 8);
    const bureau = await stats({ month: '2026-11' });
    expect(bureau.total).toBe(beforeBureau.total + 8);
    const satisfiedBefore = beforeBureau.counts.verySatisfied + beforeBureau.counts.satisfied + beforeBureau.counts.basic;
    expect(bureau.satisfactionRate).toBeCloseTo((satisfiedBefore + 6) / (beforeBureau.total + 8), 12);
    // Another month has nothing of this window; the trend shows November.
    expect((await stats({ windowId: w.id, month: '2026-10' })).total).toBe(0);
    const year = await stats({ windowId: w.id, year: 2026 });
    expect(year.total).toBe(8);
    expect(year.trend.find((m: { month: string }) => m.month === '2026-11')).toEqual({ month: '2026-11', total: 8, satisfactionRate: 0.75 });
  });

  test('every tally equals a recount of the ratings, after answers, on-time and late, and an upheld appeal', async () => {
    const w = await newWindow();
    const ids: string[] = [];
    for (const [i, level] of ['dissatisfied', 'veryDissatisfied', 'dissatisfied', 'satisfied'].entries()) {
      const visit = await issue(w.id, w.services[0].id);
      ids.push(ok(await rate(`resident-${i}`, { visitCode: visit.visitCode, level })).id);
    }
    ok(await cloud.call(officer, 'ratings', { action: 'respond', data: { id: ids[0], version: 1, ...RESPONSE } }));
    cloud.clock.now = new Date('2027-01-15T02:00:00Z'); // long past the due date
    ok(await cloud.call(officer, 'ratings', { action: 'respond', data: { id: ids[1], version: 1, ...RESPONSE } }));
    const appealed = ok(await cloud.call(officer, 'ratings', { action: 'appeal', data: { id: ids[1], version: 2, reason: '居民所述与录像不符' } }));
    ok(await cloud.call('demo-admin', 'ratings', { action: 'decideAppeal', data: { id: ids[1], version: appealed.version, upheld: true, note: '经核实申诉成立' } }));

    const november = await stats({ windowId: w.id, month: '2026-11' });
    expect(november).toMatchObject({ total: 3, followUpsOpened: 2, followUpsAnswered: 1, followUpsOnTime: 1, followUpRate: 0.5, onTimeRate: 1 });
    expect(november.satisfactionRate).toBeCloseTo(1 / 3, 12);

    // Recount everything from the ratings and follow-ups themselves.
    const ratings = (await cloud.store.collection('ratings').find({ orderBy: [['createdAt', 'asc']], limit: 1000 })).items;
    const followUps = new Map((await cloud.store.collection('followUps').find({ orderBy: [['dueDate', 'asc']], limit: 1000 })).items.map((f) => [f.id, f]));
    const expected = new Map<string, { counts: Record<string, number>; opened: number; answered: number; onTime: number }>();
    for (const r of ratings.filter((x) => !x.excluded)) {
      for (const [scope, key] of tallyKeysOf(r)) {
        const id = tallyId(scope, key, r.month, ratingBasis(r));
        const e = expected.get(id) ?? { counts: emptyCounts(), opened: 0, answered: 0, onTime: 0 };
        e.counts[r.level]++;
        const f = followUps.get(r.id);
        if (f) {
          e.opened++;
          if (f.response) e.answered++;
          if (f.answeredOnTime) e.onTime++;
        }
        expected.set(id, e);
      }
    }
    const tallies = (await cloud.store.collection('ratingTallies').find({ orderBy: [['month', 'asc']], limit: 1000 })).items;
    expect(tallies.length).toBeGreaterThan(10);
    for (const t of tallies) {
      const e = expected.get(t.id) ?? { counts: emptyCounts(), opened: 0, answered: 0, onTime: 0 };
      expect({ id: t.id, counts: t.counts, opened: t.followUpsOpened, answered: t.followUpsAnswered, onTime: t.followUpsOnTime }).toEqual({ id: t.id, ...e });
    }
    // The appealed rating is kept (never deleted), only excluded.
    expect(ratings.find((r) => r.id === ids[1])).toMatchObject({ excluded: true, level: 'veryDissatisfied' });
    expect(RATING_LEVELS).toHaveLength(5);
  });

  test('window ranking by month, best first', async () => {
    const good = await newWindow({ name: '好窗口' });
    const poor = await newWindow({ name: '差窗口' });
    for (const [w, level] of [[good, 'verySatisfied'], [poor, 'satisfied'], [poor, 'veryDissatisfied']] as const) {
      ok(await rate(`r-${w.id}-${level}`, { visitCode: (await issue(w.id)).visitCode, level }));
    }
    cloud.clock.now = new Date('2027-03-03T02:00:00Z');
    ok(await rate('resident-x', { visitCode: (await issue(poor.id)).visitCode, level: 'verySatisfied' }));
    ok(await rate('resident-y', { visitCode: (await issue(good.id)).visitCode, level: 'dissatisfied' }));
    const rows = ok(await cloud.call(officer, 'ratings', { action: 'ranking', data: { month: '2027-03' } }));
    expect(rows.map((r: { windowName: string; rank: number; satisfactionRate: number }) => [r.rank, r.windowName, r.satisfactionRate])).toEqual([
      [1, '差窗口', 1],
      [2, '好窗口', 0],
    ]);
  });
});

describe('who sees what', () => {
  test('an anonymous 差评 hides the rater from the public but not from the follow-up clerk', async () => {
    const w = await newWindow();
    const visit = await issue(w.id);
    const { id } = ok(await rate('resident-secret', { visitCode: visit.visitCode, level: 'veryDissatisfied', comment: '材料清单前后不一致', anonymous: true, contactName: '陈建国', contactPhone: '13800138000' }));
    const page = ok(await cloud.call(null, 'ratings', { action: 'publicList', data: { windowId: w.id } }));
    expect(page.items[0]).toMatchObject({ id, raterLabel: '匿名用户', comment: '材料清单前后不一致' });
    const publicJson = JSON.stringify(page);
    for (const secret of ['resident-secret', '陈建国', '13800138000']) expect(publicJson).not.toContain(secret);

    const auditBefore = await cloud.store.collection('audit').count();
    const clerkView = ok(await cloud.call(officer, 'ratings', { action: 'followUp', data: { id } }));
    expect(clerkView.rater).toEqual({ openid: 'resident-secret', contactName: '陈建国', contactPhone: '13800138000' });
    expect(clerkView.rating.anonymous).toBe(true);
    // Seeing the rater's contact whole is on record (操作记录), as a request's personal data is; the entry holds no value.
    const views = (await cloud.store.collection('audit').find({ where: { action: 'ratings.followUp' }, orderBy: [['at', 'asc']], limit: 10 })).items;
    expect(await cloud.store.collection('audit').count()).toBe(auditBefore + 1);
    expect(views).toEqual([expect.objectContaining({ kind: 'personalDataViewed', actor: officer, recordIds: [id] })]);
    expect(JSON.stringify(views)).not.toMatch(/陈建国|13800138000|resident-secret/);
    const queue = ok(await cloud.call(officer, 'ratings', { action: 'followUps', data: { status: 'open' } }));
    const listed = queue.items.find((f: { id: string }) => f.id === id);
    // The list masks the rater's name, phone and OPENID; the follow-up's own page (above) shows them whole.
    expect(listed.rater).toEqual({ openid: 'res***et', contactName: '陈**', contactPhone: '138****8000' });
    expect(JSON.stringify(queue)).not.toMatch(/13800138000|resident-secret/);
    expect(await cloud.store.collection('audit').count()).toBe(auditBefore + 1);
  });

  test('a real-name rating shows a masked name only', async () => {
    const w = await newWindow();
    ok(await rate('resident-a', { visitCode: (await issue(w.id)).visitCode, level: 'satisfied', contactName: '陈建国' }));
    const page = ok(await cloud.call(null, 'ratings', { action: 'publicList', data: { windowId: w.id } }));
    expect(page.items[0].raterLabel).toBe('陈**');
  });

  test('a comment failing screening is never shown publicly, nor to the clerk; its author still sees it', async () => {
    const w = await newWindow();
    const { id, commentStatus } = ok(await rate('resident-a', { visitCode: (await issue(w.id)).visitCode, level: 'dissatisfied', comment: '加微信办证，包过' }));
    expect(commentStatus).toBe('rejected');
    const publicJson = JSON.stringify(ok(await cloud.call(null, 'ratings', { action: 'publicList', data: {} })));
    expect(publicJson).not.toContain('加微信');
    expect(publicJson).toContain(id);
    const clerk = ok(await cloud.call(officer, 'ratings', { action: 'followUp', data: { id } }));
    expect(clerk.rating).toMatchObject({ comment: null, commentStatus: 'rejected' });
    const mine = ok(await cloud.call('resident-a', 'ratings', { action: 'mine', data: {} }));
    expect(mine.items[0]).toMatchObject({ id, comment: '加微信办证，包过', commentStatus: 'rejected' });
  });
});

describe('follow-up of a 差评', () => {
  test('respond → the resident sees the outcome and answers whether it solved it → close; each step an event', async () => {
    const w = await newWindow();
    const { id, followUpDueDate } = ok(await rate('resident-a', { visitCode: (await issue(w.id)).visitCode, level: 'dissatisfied', comment: '等了一个多小时' }));
    // Tuesday 24 November 2026 + 15 working days = Tuesday 15 December.
    expect(followUpDueDate).toBe('2026-12-15');
    const opened = ok(await cloud.call(officer, 'ratings', { action: 'followUp', data: { id } }));
    expect(opened).toMatchObject({ status: 'open', overdue: false, dueDate: '2026-12-15' });
    expect(await cloud.call('resident-a', 'ratings', { action: 'respond', data: { id, version: 1, ...RESPONSE } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await cloud.call(officer, 'ratings', { action: 'close', data: { id, version: 1 } })).toMatchObject({ ok: false, code: 'INVALID_STATE' });

    cloud.clock.now = new Date('2026-12-16T02:00:00Z');
    expect(ok(await cloud.call(officer, 'ratings', { action: 'followUp', data: { id } })).overdue).toBe(true);
    const planned = ok(await cloud.call(officer, 'ratings', { action: 'respond', data: { id, version: 1, ...RESPONSE, rectification: 'plan', planDueDate: '2027-01-15' } }));
    expect(planned).toMatchObject({ status: 'rectifying', answeredOnTime: false, overdue: false, response: { respondedByName: '赵磊', planDueDate: '2027-01-15' } });
    const answered = ok(await cloud.call(officer, 'ratings', { action: 'complete', data: { id, version: planned.version, done: '已统一材料清单并在大厅公示' } }));
    expect(answered).toMatchObject({ status: 'answered', completion: { done: '已统一材料清单并在大厅公示', byName: '赵磊', onTime: true } });

    // The rater is told through the notifications outbox, written with the answer.
    const outbox = await cloud.store.collection('outbox').get(`ra-${id}`);
    expect(outbox).toMatchObject({ cause: 'ratingAnswered', audience: { type: 'person', openid: 'resident-a' }, purpose: null, message: { link: { type: 'rating', id } } });
    expect(outbox!.message.body).toContain(RESPONSE.answer.slice(0, 10));
    const mine = ok(await cloud.call('resident-a', 'ratings', { action: 'mine', data: {} })).items[0];
    expect(mine.followUp).toMatchObject({ status: 'answered', response: { answer: RESPONSE.answer, rectification: 'plan' }, completion: { done: '已统一材料清单并在大厅公示' }, feedback: null });
    expect(await cloud.call('resident-b', 'ratings', { action: 'feedback', data: { ratingId: id, solved: true } })).toMatchObject({ ok: false, code: 'RATING_NOT_FOUND' });
    const fed = ok(await cloud.call('resident-a', 'ratings', { action: 'feedback', data: { ratingId: id, solved: true, note: '已经好了' } }));
    expect(fed.followUp.feedback).toMatchObject({ solved: true, note: '已经好了' });
    expect(await cloud.call('resident-a', 'ratings', { action: 'feedback', data: { ratingId: id, solved: false } })).toMatchObject({ ok: false, code: 'INVALID_STATE' });

    const current = ok(await cloud.call(officer, 'ratings', { action: 'followUp', data: { id } }));
    expect(await cloud.call(officer, 'ratings', { action: 'close', data: { id, version: current.version - 1 } })).toMatchObject({ ok: false, code: 'VERSION_CONFLICT' });
    ok(await cloud.call(officer, 'ratings', { action: 'close', data: { id, version: current.version, note: '已二次回访' } }));

    const events = (await cloud.store.collection('events').find({ where: { subjectId: id }, orderBy: [['at', 'asc']], limit: 20 })).items;
    expect(events.map((e) => e.action)).toEqual(['rated', 'followUpOpened', 'responded', 'rectified', 'residentFeedback', 'closed']);
  });

  test('an appeal is decided by an admin only; rejected, the 差评 must still be answered', async () => {
    const w = await newWindow();
    const { id } = ok(await rate('resident-a', { visitCode: (await issue(w.id)).visitCode, level: 'veryDissatisfied' }));
    const appealed = ok(await cloud.call(officer, 'ratings', { action: 'appeal', data: { id, version: 1, reason: '当日系统故障，非窗口原因' } }));
    expect(await cloud.call(officer, 'ratings', { action: 'decideAppeal', data: { id, version: appealed.version, upheld: true, note: '同意' } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const rejected = ok(await cloud.call('demo-admin', 'ratings', { action: 'decideAppeal', data: { id, version: appealed.version, upheld: false, note: '理由不充分' } }));
    expect(rejected).toMatchObject({ status: 'open', excluded: false, appeal: { decision: { upheld: false } } });
    expect((await stats({ windowId: w.id, month: '2026-11' })).total).toBe(1);
  });
});

describe('windows', () => {
  test('rating officers manage windows; services keep their ids across edits; anyone lists the active ones', async () => {
    const w = await newWindow();
    const edited = ok(await cloud.call(officer, 'windows', { action: 'save', data: { id: w.id, version: w.version, window: windowContent({ services: [w.services[1], { name: '新事项' }] }) } }));
    expect(edited.services[0]).toEqual(w.services[1]);
    expect(edited.services[1].id).toMatch(/^s/);
    expect(await cloud.call(officer, 'windows', { action: 'save', data: { id: w.id, version: edited.version, window: windowContent({ services: [{ id: 'made-up', name: 'x' }] }) } }))
      .toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    const list = ok(await cloud.call(null, 'windows', { action: 'list', data: {} }));
    expect(list.map((x: { id: string }) => x.id)).toContain(w.id);
    expect(list.length).toBeGreaterThanOrEqual(7); // the six demo windows too
    expect(await cloud.call('resident-a', 'windows', { action: 'save', data: { window: windowContent() } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await cloud.call('demo-editor', 'windows', { action: 'issueVisit', data: { windowId: w.id } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  test('a window QR in the local cloud is a PNG of the H5 deep link', async () => {
    const qr = ok(await cloud.call(officer, 'windows', { action: 'qrcode', data: { windowId: 'win-housing-1', origin: 'http://10.0.0.5:8080' } }));
    expect(qr).toMatchObject({ scene: 'w=win-housing-1', link: 'http://10.0.0.5:8080/#/rating/pages/rate/index?window=win-housing-1' });
    expect(qr.image).toMatch(/^data:image\/png;base64,/);
    expect(await cloud.call(officer, 'windows', { action: 'qrcode', data: { windowId: 'win-housing-1', origin: 'javascript:alert(1)' } })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });
});

test('follow-up due dates follow the bureau working calendar kept by the admin', async () => {
  const w = ok(await cloud.call('demo-admin', 'windows', { action: 'save', data: { window: windowContent() } }));
  const visit = async () => ok(await cloud.call('demo-admin', 'windows', { action: 'issueVisit', data: { windowId: w.id } })).visitCode;
  const first = ok(await cloud.call('resident-a', 'ratings', { action: 'submit', data: { visitCode: await visit(), level: 'dissatisfied' } }));
  expect(first.followUpDueDate).toBe('2026-12-15');
  // The bureau closes on Wednesday 25 November (a local arrangement): one working day fewer in the span.
  ok(await cloud.call('demo-admin', 'calendar', { action: 'setDay', data: { date: '2026-11-25', kind: 'holiday', name: '区级停电检修' } }));
  const second = ok(await cloud.call('resident-b', 'ratings', { action: 'submit', data: { visitCode: await visit(), level: 'dissatisfied' } }));
  expect(second.followUpDueDate).toBe('2026-12-16');
});

describe('一事一评: the handling of an answered disclosure request', () => {
  test('its applicant rates it once, after the reply; it counts for the replying clerk\'s department and as its own service', async () => {
    const submitted = ok(await cloud.call('resident-a', 'requests', { action: 'submit', data: application() }));
    expect(await cloud.call('resident-a', 'ratings', { action: 'target', data: { requestId: submitted.id } })).toMatchObject({ ok: false, code: 'RATING_NOT_OPEN' });
    const registered = ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: submitted.id, version: submitted.version } }));
    expect(await rate('resident-a', { requestId: submitted.id, level: 'satisfied' })).toMatchObject({ ok: false, code: 'RATING_NOT_OPEN' });
    ok(await cloud.call('demo-clerk', 'requests', {
      action: 'reply',
      data: { id: registered.id, version: registered.version, category: 'partial', text: '经查，招标文件予以公开，报价明细涉及商业秘密不予公开。', attachments: [] },
    }));
    const before = await stats({ departmentId: 'office', month: '2026-11' });
    expect(ok(await cloud.call('resident-a', 'ratings', { action: 'target', data: { requestId: submitted.id } }))).toMatchObject({ state: 'open', windowId: null, trackingNumber: submitted.trackingNumber });
    // Someone else cannot rate it, nor learn that it exists.
    expect(await rate('resident-b', { requestId: submitted.id, level: 'veryDissatisfied' })).toMatchObject({ ok: false, code: 'RATING_NOT_OPEN' });
    const { id, followUpDueDate } = ok(await rate('resident-a', { requestId: submitted.id, level: 'dissatisfied', comment: '答复太晚' }));
    // The rating's id is random: it does not give the request away.
    expect(id).not.toContain(submitted.id);
    expect(followUpDueDate).toBe('2026-12-15');
    expect(await rate('resident-a', { requestId: submitted.id, level: 'satisfied' })).toMatchObject({ ok: false, code: 'ALREADY_RATED' });
    expect(ok(await cloud.call('resident-a', 'ratings', { action: 'target', data: { requestId: submitted.id } })).state).toBe('alreadyRated');

    // demo-clerk (who replied) is in 局办公室: the department counts it; the service is 依申请公开办理; no window does.
    const after = await stats({ departmentId: 'office', month: '2026-11' });
    expect(after.total).toBe(before.total + 1);
    expect(after.counts.dissatisfied).toBe(before.counts.dissatisfied + 1);
    expect(await stats({ serviceId: 'request-handling', month: '2026-11' })).toMatchObject({ total: 1, satisfactionRate: 0, followUpsOpened: 1 });
    const followUp = ok(await cloud.call(officer, 'ratings', { action: 'followUp', data: { id } }));
    expect(followUp).toMatchObject({ windowId: null, serviceName: '依申请公开办理', departmentId: 'office', rater: { openid: 'resident-a' } });
    const tallies = (await cloud.store.collection('ratingTallies').find({ where: { scope: 'window' }, orderBy: [['month', 'asc']], limit: 1000 })).items;
    expect(tallies.some((t) => t.key === 'null' || t.key === '')).toBe(false);
  });
});
