import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { storeCounts } from '../support/fixture';
import { ratingCalls, RESPONSE } from '../support/rating-fixture';

/**
 * A 差评's rectification tracked to the end (国办发〔2019〕51号): a 限期整改 date
 * within the bureau's bound, completion recorded with what was done, the
 * rater's "not solved" reopening it once and escalating to the admins, and
 * the figures that split real-name from anonymous 差评.
 */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness();
});
afterEach(() => cloud.close());

const officer = 'demo-rater';
const { newWindow, issue, rate, stats } = ratingCalls(() => cloud, officer);
const call = async (who: string, action: string, data: Record<string, unknown>) => cloud.call(who, 'ratings', { action, data });

async function badRating(who = 'resident-a', anonymous = false, windowId?: string): Promise<string> {
  const w = windowId ? { id: windowId } : await newWindow({ name: `窗口${Math.random().toString(36).slice(2, 6)}` });
  return ok(await rate(who, { visitCode: (await issue(w.id)).visitCode, level: 'dissatisfied', anonymous })).id as string;
}

describe('限期整改 within the bureau bound', () => {
  test('a plan date after the bound (30 working days by default), or not after today, is PLAN_DATE_OUT_OF_RANGE and writes nothing', async () => {
    const id = await badRating();
    const before = await storeCounts(cloud);
    // Tuesday 2026-11-24 + 30 working days lies in early January 2027; mid-February is far beyond.
    const far = await call(officer, 'respond', { id, version: 1, ...RESPONSE, rectification: 'plan', planDueDate: '2027-02-15' });
    expect(far).toMatchObject({ ok: false, code: 'PLAN_DATE_OUT_OF_RANGE' });
    expect((far as { message: string }).message).toContain('30 个工作日');
    expect(await call(officer, 'respond', { id, version: 1, ...RESPONSE, rectification: 'plan', planDueDate: '2026-11-24' })).toMatchObject({ ok: false, code: 'PLAN_DATE_OUT_OF_RANGE' });
    expect(await storeCounts(cloud)).toEqual(before);
    expect(ok(await call(officer, 'respond', { id, version: 1, ...RESPONSE, rectification: 'plan', planDueDate: '2026-12-31' }))).toMatchObject({ status: 'rectifying' });
  });

  test('the bound is the bureau setting planMaxWorkingDays, counted on its calendar', async () => {
    await cloud.store.collection('meta').insert({ id: 'rating-settings', planMaxWorkingDays: 5 });
    const id = await badRating();
    // Tuesday 24 November + 5 working days = Tuesday 1 December.
    const refused = await call(officer, 'respond', { id, version: 1, ...RESPONSE, rectification: 'plan', planDueDate: '2026-12-02' });
    expect(refused).toMatchObject({ ok: false, code: 'PLAN_DATE_OUT_OF_RANGE' });
    expect((refused as { message: string }).message).toContain('2026-12-01');
    ok(await call(officer, 'respond', { id, version: 1, ...RESPONSE, rectification: 'plan', planDueDate: '2026-12-01' }));
  });

  test('an admin sets the bound in the app (ratings.saveSettings): officers read it, only an admin changes it, on the change road', async () => {
    expect(ok(await call(officer, 'settings', {}))).toEqual({ followUpWorkingDays: 15, planMaxWorkingDays: 30, visitCodeDays: 7, includeUnverified: false, version: 0 });
    // A rating officer may read it but not change it; a bound outside 1–250 is refused beside the field.
    expect(await call(officer, 'saveSettings', { planMaxWorkingDays: 5, version: 0 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('demo-admin', 'saveSettings', { planMaxWorkingDays: 0, version: 0 })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { planMaxWorkingDays: expect.any(String) } });
    expect(await call('demo-admin', 'saveSettings', { planMaxWorkingDays: 251, version: 0 })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    const saved = ok(await call('demo-admin', 'saveSettings', { planMaxWorkingDays: 5, version: 0 }));
    expect(saved).toMatchObject({ planMaxWorkingDays: 5, followUpWorkingDays: 15, version: 1 });
    // A second admin on a stale page does not overwrite it.
    expect(await call('demo-admin', 'saveSettings', { planMaxWorkingDays: 60, version: 0 })).toMatchObject({ ok: false, code: 'VERSION_CONFLICT' });
    const events = (await cloud.store.collection('events').find({ where: { subjectId: 'rating-settings' }, orderBy: [['at', 'asc']], limit: 5 })).items;
    expect(events).toEqual([expect.objectContaining({ action: 'settingsChanged', actor: 'demo-admin', detail: '限期整改最长期限 30→5 个工作日' })]);

    // The new bound governs the next answer: Tuesday 24 November + 5 working days = Tuesday 1 December.
    const id = await badRating();
    expect(await call(officer, 'respond', { id, version: 1, ...RESPONSE, rectification: 'plan', planDueDate: '2026-12-02' })).toMatchObject({ ok: false, code: 'PLAN_DATE_OUT_OF_RANGE' });
    ok(await call(officer, 'respond', { id, version: 1, ...RESPONSE, rectification: 'plan', planDueDate: '2026-12-01' }));
  });

  test('a plan stays open (限期整改中) until its completion is recorded with what was done; the rater hears both', async () => {
    const id = await badRating();
    const planned = ok(await call(officer, 'respond', { id, version: 1, ...RESPONSE, rectification: 'plan', planDueDate: '2026-12-10' }));
    expect(planned).toMatchObject({ status: 'rectifying', completion: null, overdue: false });
    // Neither the unit can close it nor the rater judge it before the work is done.
    expect(await call(officer, 'close', { id, version: planned.version })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await call('resident-a', 'feedback', { ratingId: id, solved: true })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    const plan = await cloud.store.collection('outbox').get(`ra-${id}`);
    expect(plan!.message.body).toContain('2026-12-10 前整改完成');
    expect(plan!.message.body).not.toContain('问题解决了吗');

    // Past the plan's date it is overdue in the queue.
    cloud.clock.now = new Date('2026-12-11T02:00:00Z');
    expect(ok(await call(officer, 'followUp', { id })).overdue).toBe(true);
    expect(await call(officer, 'complete', { id, version: planned.version, done: '短' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    const done = ok(await call(officer, 'complete', { id, version: planned.version, done: '已统一材料清单并在大厅公示' }));
    expect(done).toMatchObject({ status: 'answered', overdue: false, completion: { done: '已统一材料清单并在大厅公示', byName: '赵磊', onTime: false } });
    expect(await call(officer, 'complete', { id, version: done.version, done: '再登记一次完成' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    const told = await cloud.store.collection('outbox').get(`rr-${id}`);
    expect(told).toMatchObject({ cause: 'ratingRectified', audience: { type: 'person', openid: 'resident-a' } });
    expect(told!.message.body).toContain('问题解决了吗');
    const events = (await cloud.store.collection('events').find({ where: { subjectId: id }, orderBy: [['at', 'asc']], limit: 20 })).items;
    expect(events.map((e) => e.action)).toEqual(['rated', 'followUpOpened', 'responded', 'rectified']);
  });
});

describe("the rater's 'not solved'", () => {
  test('reopens the follow-up once with a fresh deadline and escalates to the admins; a second "not solved" is only recorded', async () => {
    const w = await newWindow({ name: '重办窗口' });
    const id = await badRating('resident-a', false, w.id);
    const answered = ok(await call(officer, 'respond', { id, version: 1, ...RESPONSE }));
    cloud.clock.now = new Date('2026-11-26T02:00:00Z');
    const mine = ok(await call('resident-a', 'feedback', { ratingId: id, solved: false, note: '窗口还是不开' }));
    expect(mine.followUp).toMatchObject({ status: 'open', reopened: true, feedback: null, response: null });
    const reopened = ok(await call(officer, 'followUp', { id }));
    // Thursday 26 November + 15 working days = Thursday 17 December.
    expect(reopened).toMatchObject({ status: 'open', dueDate: '2026-12-17', reopen: { feedback: { solved: false, note: '窗口还是不开' }, previousDueDate: '2026-12-15', previousResponse: { answer: RESPONSE.answer } } });
    expect(reopened.version).toBeGreaterThan(answered.version);
    const escalation = await cloud.store.collection('outbox').get(`ro-${id}-demo-admin`);
    expect(escalation).toMatchObject({ cause: 'ratingReopened', audience: { type: 'person', openid: 'demo-admin' }, message: { forStaff: true } });
    expect(escalation!.message.body).toContain('2026-12-17');
    expect(await cloud.store.collection('outbox').get(`ro-${id}-demo-rater`)).toBeNull();

    // Answered again (told to the rater under its own message), then still not solved: recorded, not reopened.
    const again = ok(await call(officer, 'respond', { id, version: reopened.version, ...RESPONSE, answer: '已调整排班，午间也开窗口。' }));
    expect(again).toMatchObject({ status: 'answered' });
    expect(await cloud.store.collection('outbox').get(`ra2-${id}`)).toMatchObject({ cause: 'ratingAnswered' });
    const second = ok(await call('resident-a', 'feedback', { ratingId: id, solved: false, note: '还是没有' }));
    expect(second.followUp).toMatchObject({ status: 'answered', reopened: true, feedback: { solved: false } });
    const events = (await cloud.store.collection('events').find({ where: { subjectId: id }, orderBy: [['at', 'asc']], limit: 20 })).items;
    expect(events.map((e) => e.action)).toEqual(['rated', 'followUpOpened', 'responded', 'residentFeedback', 'reopened', 'responded', 'residentFeedback']);

    // The figures counted the 差评 answered once, not twice.
    const s = await stats({ windowId: w.id, month: '2026-11' });
    expect(s).toMatchObject({ followUpsOpened: 1, followUpsAnswered: 1, followUpsRectified: 1 });
  });

  test('a closed follow-up is reopened too; "solved" only records', async () => {
    const id = await badRating();
    const answered = ok(await call(officer, 'respond', { id, version: 1, ...RESPONSE }));
    ok(await call(officer, 'close', { id, version: answered.version, note: '已回访' }));
    ok(await call('resident-a', 'feedback', { ratingId: id, solved: false }));
    expect(ok(await call(officer, 'followUp', { id }))).toMatchObject({ status: 'open', closedAt: null });

    const other = await badRating('resident-b');
    ok(await call(officer, 'respond', { id: other, version: 1, ...RESPONSE }));
    expect(ok(await call('resident-b', 'feedback', { ratingId: other, solved: true })).followUp).toMatchObject({ status: 'answered', reopened: false });
  });
});

describe('real-name and anonymous 差评 in the figures', () => {
  test('stats split them and give 实名差评回访率 and 整改率; an upheld appeal takes its counts back', async () => {
    const w = await newWindow({ name: '统计窗口' });
    const named1 = await badRating('resident-a', false, w.id);
    await badRating('resident-b', false, w.id);
    const anon = await badRating('resident-c', true, w.id);
    const appealed = await badRating('resident-d', false, w.id);
    ok(await call(officer, 'respond', { id: named1, version: 1, ...RESPONSE }));
    const plan = ok(await call(officer, 'respond', { id: anon, version: 1, ...RESPONSE, rectification: 'plan', planDueDate: '2026-12-10' }));
    let s = await stats({ windowId: w.id, month: '2026-11' });
    expect(s).toMatchObject({ followUpsOpened: 4, realNameNegative: 3, anonymousNegative: 1, realNameAnswered: 1, followUpsAnswered: 2, followUpsRectified: 1 });
    expect(s.realNameFollowUpRate).toBeCloseTo(1 / 3);
    expect(s.rectificationRate).toBeCloseTo(1 / 4);

    ok(await call(officer, 'complete', { id: anon, version: plan.version, done: '已统一材料清单并在大厅公示' }));
    const appeal = ok(await call(officer, 'appeal', { id: appealed, version: 1, reason: '当日系统故障，非窗口原因' }));
    ok(await call('demo-admin', 'decideAppeal', { id: appealed, version: appeal.version, upheld: true, note: '属实' }));
    s = await stats({ windowId: w.id, month: '2026-11' });
    expect(s).toMatchObject({ followUpsOpened: 3, realNameNegative: 2, anonymousNegative: 1, realNameAnswered: 1, followUpsRectified: 2 });
    expect(s.realNameFollowUpRate).toBe(0.5);
    expect(s.rectificationRate).toBeCloseTo(2 / 3);

    // The ranking rows carry the same figures per window.
    const rows = ok(await cloud.call(officer, 'ratings', { action: 'ranking', data: { month: '2026-11' } }));
    expect(rows.find((r: { windowId: string }) => r.windowId === w.id)).toMatchObject({ realNameNegative: 2, anonymousNegative: 1, realNameFollowUpRate: 0.5 });
  });
});
