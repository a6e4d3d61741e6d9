import { OUTBOX } from '../../cloudfunctions/_notifications/records';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { ratingCalls } from '../support/rating-fixture';
import { application } from '../support/request-factories';

/**
 * When the admin enters next year's arrangement, provisional dates counted
 * over it become final. Where one moves, whoever was told it hears the new
 * date (the applicant for a request's dates, the rating officers for a 差评
 * follow-up's) through the notifications outbox, and the timeline shows the
 * move; a date that does not move sends nothing.
 *
 * 2026-12-04 (Fri) + 20 working days, 元旦 2027-01-01 off by the 放假办法: Mon 2027-01-04, 暂定.
 */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness({ now: new Date('2026-12-04T02:00:00Z') });
});
afterEach(() => cloud.close());

const at = (day: string) => new Date(`${day}T02:00:00Z`);
const call = (who: string, action: string, data: unknown) => cloud.call(who, 'requests', { action, data });
const moved = async (subjectId: string, cause = 'dueMoved') =>
  (await cloud.store.collection(OUTBOX).find({ where: { subjectId }, orderBy: [['createdAt', 'asc']], limit: 20 })).items.filter((o) => o.cause === cause);
const NEW_YEAR = [1, 2, 3].map((d) => ({ date: `2027-01-0${d}`, name: '元旦' }));
/** A (made-up) arrangement that also gives Monday 4 January off: it moves every date counted over it. */
const LONG_NEW_YEAR = [...NEW_YEAR, { date: '2027-01-04', name: '元旦' }];
const enter2027 = async (holidays: Array<{ date: string; name: string }>) =>
  ok(await cloud.call('demo-admin', 'calendar', { action: 'setYear', data: { year: 2027, holidays, workdays: [] } }));

async function registeredOnline(): Promise<{ id: string; version: number; dueOn: string; dueProvisional: boolean }> {
  const submitted = ok(await call('resident-a', 'submit', application()));
  return ok(await call('demo-clerk', 'register', { id: submitted.id, version: submitted.version }));
}

test('a provisional reply due date that moves: the applicant is told the new date once, and the timeline shows the move', async () => {
  const r = await registeredOnline();
  expect(r).toMatchObject({ dueOn: '2027-01-04', dueProvisional: true });

  cloud.clock.now = at('2026-12-07');
  await enter2027(LONG_NEW_YEAR);
  const after = ok(await call('resident-a', 'get', { id: r.id }));
  expect(after).toMatchObject({ dueOn: '2027-01-05', dueProvisional: false });
  expect(after.timeline.at(-1)).toMatchObject({ kind: 'dueRecomputed', detail: expect.stringContaining('2027-01-04（暂定） 调整为 2027-01-05') });
  const told = await moved(r.id);
  expect(told).toHaveLength(1);
  expect(told[0]).toMatchObject({ audience: { type: 'person', openid: 'resident-a' }, message: { link: { type: 'request', id: r.id } } });
  expect(told[0].message.body).toContain('2027-01-05');

  // Entering the same arrangement again moves nothing and tells nobody again.
  await enter2027(LONG_NEW_YEAR);
  expect(await moved(r.id)).toHaveLength(1);
});

test('a provisional date that does not move sends nothing (only the 暂定 is cleared on the timeline)', async () => {
  const r = await registeredOnline();
  await enter2027(NEW_YEAR);
  const after = ok(await call('resident-a', 'get', { id: r.id }));
  expect(after).toMatchObject({ dueOn: '2027-01-04', dueProvisional: false });
  expect(after.timeline.at(-1)).toMatchObject({ kind: 'dueRecomputed', detail: expect.stringContaining('2027-01-04（暂定） 调整为 2027-01-04') });
  expect(await moved(r.id)).toEqual([]);
});

test("a supplement's last day that moves is told too, with its new date", async () => {
  const r = await registeredOnline();
  cloud.clock.now = at('2026-12-14');
  // Mon 12-14 + 15 working days: Tue 2027-01-05 (元旦 off), 暂定.
  const asked = ok(await call('demo-clerk', 'askSupplement', { id: r.id, version: r.version, items: ['请写明所需文件的名称或文号'], workingDays: 15 }));
  expect(asked.status).toBe('supplementRequested');
  await enter2027(LONG_NEW_YEAR);
  const told = await moved(r.id);
  expect(told).toHaveLength(1);
  expect(told[0].message.body).toContain('补正期限由 2027-01-05 调整为 2027-01-06');
  const after = ok(await call('resident-a', 'get', { id: r.id }));
  expect(after.timeline.at(-1)).toMatchObject({ kind: 'dueRecomputed', detail: expect.stringContaining('补正期限由 2027-01-05 调整为 2027-01-06') });
});

test("a 差评 follow-up's due date that moves: the follow-up is updated with an event and its rating officers are told", async () => {
  const { newWindow, issue, rate } = ratingCalls(() => cloud, 'demo-rater');
  cloud.clock.now = at('2026-12-14');
  const w = await newWindow();
  // Mon 12-14 + 15 working days: Tue 2027-01-05 (元旦 off).
  const rated = ok(await rate('resident-b', { visitCode: (await issue(w.id)).visitCode, level: 'dissatisfied' }));
  expect(rated.followUpDueDate).toBe('2027-01-05');
  const untouched = ok(await rate('resident-c', { visitCode: (await issue(w.id)).visitCode, level: 'veryDissatisfied' }));
  // Counted over 2027, not entered yet: 暂定 wherever the date is shown — to the rater and to the officers.
  const followUp = async (id: string) => ok(await cloud.call('demo-rater', 'ratings', { action: 'followUp', data: { id } }));
  const mine = async () => (ok(await cloud.call('resident-b', 'ratings', { action: 'mine', data: {} })).items as any[]).find((r) => r.id === rated.id);
  expect(rated.followUpDueProvisional).toBe(true);
  expect(await followUp(rated.id)).toMatchObject({ dueDate: '2027-01-05', dueProvisional: true });
  expect((ok(await cloud.call('demo-rater', 'ratings', { action: 'followUps', data: { status: 'open' } })).items as any[]).find((f) => f.id === rated.id)).toMatchObject({ dueProvisional: true });
  expect((await mine()).followUp).toMatchObject({ dueDate: '2027-01-05', dueProvisional: true });
  // A 差评 whose 15 working days end within 2026 is not provisional.
  cloud.clock.now = at('2026-12-01');
  const early = ok(await rate('resident-d', { visitCode: (await issue(w.id)).visitCode, level: 'dissatisfied' }));
  expect(early).toMatchObject({ followUpDueDate: '2026-12-22', followUpDueProvisional: false });
  expect(await followUp(early.id)).toMatchObject({ dueProvisional: false });
  cloud.clock.now = at('2026-12-14');

  await enter2027(NEW_YEAR);
  // Entered as counted: the date stands and is no longer 暂定, and nobody is told.
  expect(await followUp(rated.id)).toMatchObject({ dueDate: '2027-01-05', dueProvisional: false });
  expect((await mine()).followUp).toMatchObject({ dueProvisional: false });
  expect(await moved(rated.id, 'followUpDueMoved')).toEqual([]);
  await enter2027(LONG_NEW_YEAR);
  expect(ok(await cloud.call('demo-rater', 'ratings', { action: 'followUp', data: { id: rated.id } })).dueDate).toBe('2027-01-06');
  const told = await moved(rated.id, 'followUpDueMoved');
  expect(told.length).toBeGreaterThanOrEqual(1);
  expect(told.map((o) => (o.audience as { openid: string }).openid)).toContain('demo-rater');
  expect(told[0].message.body).toContain('由 2027-01-05 调整为 2027-01-06');
  const events = (await cloud.store.collection('events').find({ where: { subjectId: rated.id }, orderBy: [['at', 'asc']], limit: 20 })).items;
  expect(events.map((e) => e.action)).toContain('dueMoved');
  expect(untouched.id).not.toBe(rated.id);
});

test("an open inquiry's answer date that moves: the case records it and the resident is told once; an anonymous complaint's moves silently", async () => {
  cloud.clock.now = at('2026-12-29');
  const ask = (key: string, data: Record<string, unknown> = {}) =>
    cloud.call('resident-a', 'inquiries', { action: 'ask', data: { idempotencyKey: key, kind: 'inquiry', topic: '养犬登记', text: '养犬登记要带什么？', ...data } });
  // Tue 12-29 + 5 working days, 元旦 off by the 放假办法: Wed 2027-01-06, 暂定.
  const inquiry = ok(await ask('key-due-moves-1'));
  const complaint = ok(await ask('key-due-moves-2', { kind: 'complaint', anonymous: true }));
  expect(ok(await cloud.call('resident-a', 'inquiries', { action: 'get', data: { id: inquiry.id } }))).toMatchObject({ dueOn: '2027-01-06', dueProvisional: true });

  await enter2027(NEW_YEAR);
  const confirmed = ok(await cloud.call('resident-a', 'inquiries', { action: 'get', data: { id: inquiry.id } }));
  expect(confirmed).toMatchObject({ dueOn: '2027-01-06', dueProvisional: false });
  expect(confirmed.history.at(-1)).toMatchObject({ action: 'dueMoved', by: '系统', detail: expect.stringContaining('2027-01-06（暂定） 调整为 2027-01-06') });
  expect(await moved(inquiry.id, 'inquiryDueMoved')).toEqual([]);

  await enter2027(LONG_NEW_YEAR);
  const after = ok(await cloud.call('resident-a', 'inquiries', { action: 'get', data: { id: inquiry.id } }));
  expect(after).toMatchObject({ dueOn: '2027-01-07', dueProvisional: false });
  const told = await moved(inquiry.id, 'inquiryDueMoved');
  expect(told).toHaveLength(1);
  expect(told[0]).toMatchObject({ audience: { type: 'person', openid: 'resident-a' }, message: { link: { type: 'inquiry', id: inquiry.id } } });
  expect(told[0].message.body).toContain('由 2027-01-06 调整为 2027-01-07');
  const staffView = ok(await cloud.call('demo-admin', 'inquiries', { action: 'manageGet', data: { id: complaint.id } }));
  // 12-29 + 15 working days: 2027-01-20 with 元旦 off, 01-21 with 01-04 off too.
  expect(staffView).toMatchObject({ dueOn: '2027-01-21' });
  expect(staffView.history.at(-1)).toMatchObject({ action: 'dueMoved', by: '系统（工作日历）' });
  expect(await cloud.store.collection(OUTBOX).count({ subjectId: complaint.id })).toBe(0);
  const events = (await cloud.store.collection('events').find({ where: { subjectId: inquiry.id }, orderBy: [['at', 'asc']], limit: 20 })).items;
  expect(events.filter((e) => e.action === 'dueMoved')).toHaveLength(2);

  // The same arrangement again moves nothing and tells nobody again.
  await enter2027(LONG_NEW_YEAR);
  expect(await moved(inquiry.id, 'inquiryDueMoved')).toHaveLength(1);
});
