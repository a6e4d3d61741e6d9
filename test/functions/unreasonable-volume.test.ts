import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { dispatchAll } from '../support/notifications-fixture';
import { application, enteredApplication } from '../support/request-factories';

/**
 * 条例 Art. 35 over the real functions and SQLite: the clerk asks the applicant for reasons (a
 * letter, a message), the applicant answers in the app, and the clerk either refuses
 * (notProcessed.excessive, only after asking) or fixes a later due date the applicant is told.
 *
 * Pinned dates (2026 as arranged): received 2026-09-28, due 2026-10-30 (20 working days over 国庆).
 */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness({ now: at('2026-09-28') });
});
afterEach(() => cloud.close());

function at(date: string): Date {
  return new Date(`${date}T02:00:00Z`); // 10:00 in Beijing
}

const clerk = (action: string, data: object) => cloud.call('demo-clerk', 'requests', { action, data });
const resident = (action: string, data: object) => cloud.call('resident-a', 'requests', { action, data });

async function registered(): Promise<{ id: string; version: number }> {
  const submitted = ok(await resident('submit', application()));
  return ok(await clerk('register', { id: submitted.id, version: submitted.version }));
}

test('refusing for unreasonable volume without asking for reasons is REASONS_NOT_ASKED, and nothing is written', async () => {
  const r = await registered();
  const refused = await clerk('reply', { id: r.id, version: r.version, category: 'notProcessed.excessive', text: '申请数量明显超过合理范围。' });
  expect(refused).toMatchObject({ ok: false, code: 'REASONS_NOT_ASKED' });
  expect(refused.ok ? '' : refused.message).toMatch(/[\u4e00-\u9fff]/);
  expect(await cloud.store.collection('requests').get(r.id)).toMatchObject({ version: r.version, status: 'registered', reply: null });
});

test('asked → answered in the app → a delayed due date: letters, messages, timeline and due date all say so', async () => {
  const r = await registered();
  cloud.clock.now = at('2026-10-09');
  const asked = ok(await clerk('askReasons', { id: r.id, version: r.version, text: '您本月已提出申请 40 件，请说明申请用途。' }));
  expect(asked).toMatchObject({ status: 'reasonsRequested', statusLabel: '待说明理由', dueOn: '2026-10-30', reasons: { askedOn: '2026-10-09', answer: null } });
  expect(asked.letters.map((l: { title: string }) => l.title)).toContain('政府信息公开申请说明理由告知书');
  const reasonsLetter = asked.letters.find((l: { kind: string }) => l.kind === 'reasons');
  expect(reasonsLetter.paragraphs.join('\n')).toContain('您本月已提出申请 40 件，请说明申请用途。');
  expect(reasonsLetter.paragraphs.join('\n')).toContain('第三十五条');

  // The applicant hears of it in 消息 and sees what to answer on the request's page.
  await dispatchAll(cloud);
  const inbox = ok(await cloud.call('resident-a', 'inbox', { action: 'list', data: { limit: 20 } })).items as Array<{ title: string; link: { id: string } }>;
  expect(inbox.filter((m) => m.link.id === r.id).map((m) => m.title)).toContain('请说明您的政府信息公开申请理由');
  const mine = ok(await resident('get', { id: r.id }));
  expect(mine).toMatchObject({ status: 'reasonsRequested', allowed: expect.arrayContaining(['giveReasons']), reasons: { text: '您本月已提出申请 40 件，请说明申请用途。' } });

  // Someone else cannot answer for them.
  expect(await cloud.call('resident-b', 'requests', { action: 'giveReasons', data: { id: r.id, version: asked.version, text: 'x' } })).toMatchObject({ ok: false, code: 'REQUEST_NOT_FOUND' });
  cloud.clock.now = at('2026-10-12');
  const given = ok(await resident('giveReasons', { id: r.id, version: asked.version, text: '业主委员会需逐栋核对 40 栋楼的加装电梯批复。' }));
  expect(given).toMatchObject({ status: 'registered', dueOn: '2026-10-30', reasons: { answer: { text: '业主委员会需逐栋核对 40 栋楼的加装电梯批复。', on: '2026-10-12' } } });

  // A date not after the due date in force is refused with the date named.
  const early = await clerk('setDelayedDue', { id: r.id, version: given.version, dueOn: '2026-10-30', reason: '需逐份调取档案' });
  expect(early).toMatchObject({ ok: false, code: 'DELAYED_DUE_INVALID', message: '延迟答复的期限应晚于现行答复期限（2026-10-30）' });

  // A day the office is shut is refused with its own code, the day named, and nothing written (Art. 33 counts in working days).
  const sunday = await clerk('setDelayedDue', { id: r.id, version: given.version, dueOn: '2026-12-27', reason: '需逐份调取档案' });
  expect(sunday).toMatchObject({ ok: false, code: 'DELAYED_DUE_NOT_WORKING_DAY', message: '2026-12-27 是星期日，不是工作日；延迟答复的期限应为工作日，请另选日期' });
  expect(await cloud.store.collection('requests').get(r.id)).toMatchObject({ version: given.version, delayedDue: null });

  const delayed = ok(await clerk('setDelayedDue', { id: r.id, version: given.version, dueOn: '2026-12-31', reason: '所申请的 40 份批复需逐份调取档案并审查' }));
  expect(delayed).toMatchObject({ status: 'registered', dueOn: '2026-12-31', dueProvisional: false, delayedDue: { dueOn: '2026-12-31', on: '2026-10-12' } });
  const delayLetter = delayed.letters.find((l: { kind: string }) => l.kind === 'delayedDue');
  expect(delayLetter).toMatchObject({ title: '政府信息公开申请延迟答复告知书', reference: expect.stringMatching(/-延迟答复$/) });
  expect(delayLetter.paragraphs.join('\n')).toMatch(/2026-12-31 前作出答复/);
  expect(delayed.timeline.map((t: { kind: string }) => t.kind).slice(-3)).toEqual(['reasonsRequested', 'reasonsGiven', 'dueDelayed']);
  expect(await cloud.store.collection('requests').get(r.id)).toMatchObject({ dueOn: '2026-12-31', dueSort: '2026-12-31' });

  // The applicant is told, and their page shows the new date with why.
  await dispatchAll(cloud);
  const after = ok(await cloud.call('resident-a', 'inbox', { action: 'list', data: { limit: 20 } })).items as Array<{ title: string; link: { id: string } }>;
  expect(after.filter((m) => m.link.id === r.id).map((m) => m.title)).toContain('您的政府信息公开申请将延迟答复');
  const seen = ok(await resident('get', { id: r.id }));
  expect(seen).toMatchObject({ dueOn: '2026-12-31', delayedDue: { dueOn: '2026-12-31' } });
  expect(seen.dueExplanation.summary).toContain('经确定延迟答复，答复期限为 2026-12-31');
  expect(seen.letters.map((l: { kind: string }) => l.kind)).toEqual(['reasons', 'delayedDue']);
  // Every step is an event (Art. 45).
  const events = (await cloud.store.collection('events').find({ where: { subjectId: r.id }, orderBy: [['at', 'asc']], limit: 50 })).items.map((e) => e.action);
  expect(events).toEqual(expect.arrayContaining(['reasonsRequested', 'reasonsGiven', 'dueDelayed']));
});

test('asked and not convinced: notProcessed.excessive is accepted, with the 不予处理 letter citing Art. 35', async () => {
  const r = await registered();
  const asked = ok(await clerk('askReasons', { id: r.id, version: r.version, text: '请说明申请用途。' }));
  const replied = ok(await clerk('reply', { id: r.id, version: asked.version, category: 'notProcessed.excessive', text: '您未说明合理理由，本机关不予处理。' }));
  expect(replied).toMatchObject({ status: 'replied', reply: { category: 'notProcessed.excessive', legalBasis: expect.stringContaining('第三十五条') } });
  expect(replied.letters.map((l: { kind: string }) => l.kind)).toEqual(['reasons', 'reply']);
});

test('reasons given on paper (a letter applicant has no app): the clerk records them with the day received, and may then fix a delayed due date', async () => {
  const entered = ok(await clerk('enter', enteredApplication({ receivedOn: '2026-09-28' })));
  cloud.clock.now = at('2026-10-09');
  const asked = ok(await clerk('askReasons', { id: entered.id, version: entered.version, text: '您本月已来信申请 40 件，请说明申请用途。' }));
  expect(asked.allowed).toEqual(expect.arrayContaining(['recordReasons', 'setDelayedDue']));
  const data = { id: entered.id, version: asked.version, text: '申请人来信说明：业主委员会需逐栋核对 40 栋楼的加装电梯批复。' };

  // Not before the reasons were asked for, not in the future; a resident cannot record anything.
  expect(await clerk('recordReasons', { ...data, receivedOn: '2026-10-08' })).toMatchObject({ ok: false, code: 'RECEIVED_DATE_INVALID', message: '收到理由之日应在 2026-10-09 至今天之间' });
  expect(await clerk('recordReasons', { ...data, receivedOn: '2026-10-10' })).toMatchObject({ ok: false, code: 'RECEIVED_DATE_INVALID' });
  expect(await resident('recordReasons', { ...data, receivedOn: '2026-10-09' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await cloud.store.collection('requests').get(entered.id)).toMatchObject({ version: asked.version, status: 'reasonsRequested' });

  cloud.clock.now = at('2026-10-13');
  const recorded = ok(await clerk('recordReasons', { ...data, receivedOn: '2026-10-12' }));
  expect(recorded).toMatchObject({
    status: 'registered',
    dueOn: '2026-10-30', // Art. 35 names no pause: the clock ran on while the letter was awaited.
    reasons: { askedOn: '2026-10-09', answer: { text: data.text, on: '2026-10-12', onPaper: true } },
  });
  expect(recorded.timeline.at(-1)).toMatchObject({ kind: 'reasonsGiven', actor: 'staff', actorName: '李华', detail: expect.stringContaining('收到申请人书面说明理由，收到之日：2026-10-12') });
  const events = (await cloud.store.collection('events').find({ where: { subjectId: entered.id }, orderBy: [['at', 'asc']], limit: 50 })).items;
  expect(events.at(-1)).toMatchObject({ action: 'reasonsGiven', actor: 'demo-clerk' });
  // Once recorded, not again; the reasons found sound lead to a delayed due date as in the app.
  expect(await clerk('recordReasons', { ...data, version: recorded.version, receivedOn: '2026-10-12' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  expect(ok(await clerk('setDelayedDue', { id: entered.id, version: recorded.version, dueOn: '2026-12-31', reason: '所申请的 40 份批复需逐份调取档案并审查' }))).toMatchObject({ dueOn: '2026-12-31' });
});
