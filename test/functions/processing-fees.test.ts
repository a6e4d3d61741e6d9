import { OUTBOX } from '../../cloudfunctions/_notifications/records';
import { SCAN_EVERY_MS } from '../../cloudfunctions/_jobs/job-turn';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { dispatchAll } from '../support/notifications-fixture';
import { application, enteredApplication } from '../support/request-factories';

/**
 * Processing fees (条例 Art. 42; 国办函〔2020〕109号) through the `requests`
 * function and the jobs, over the real SQLite store.
 *
 * Pinned dates (November 2026 has no holiday): registered Mon 11-02, so due
 * 11-30 without a fee. Notice on Wed 11-04: the 20th working day after it,
 * the last day to pay, is Wed 12-02; three working days follow for a payment
 * made that day to be recorded (12-03, 12-04, 12-07), and from Tue 12-08
 * (Beijing) the system closes it.
 */
const APPLICANT = { type: 'person' as const, name: '刘建国', idType: 'residentId' as const, idNumber: '11010519491231002X', phone: '13700001234' };
const mine = () => application({ applicant: APPLICANT });

let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness({ now: new Date('2026-11-02T02:00:00Z') });
});
afterEach(() => cloud.close());

const at = (day: string, time = '02:00:00') => new Date(`${day}T${time}Z`);
const record = async (id: string) => (await cloud.store.collection('requests').get(id))!;
const eventsOf = async (id: string) =>
  (await cloud.store.collection('events').find({ where: { subjectId: id }, orderBy: [['at', 'asc']], limit: 50 })).items;
const outboxOf = async (id: string) =>
  (await cloud.store.collection(OUTBOX).find({ where: { subjectId: id }, orderBy: [['createdAt', 'asc']], limit: 20 })).items;
const call = (who: string, action: string, data: unknown) => cloud.call(who, 'requests', { action, data });

async function registered(input = mine()): Promise<{ id: string; version: number }> {
  const submitted = ok(await call('resident-a', 'submit', input));
  return ok(await call('demo-clerk', 'register', { id: submitted.id, version: submitted.version }));
}

/** A fee notice by pages (50 pages: 20 × 10 元 = 200 元) issued on 11-04. */
async function noticeIssued(): Promise<{ id: string; version: number }> {
  const r = await registered();
  cloud.clock.now = at('2026-11-04');
  return ok(await call('demo-clerk', 'askFee', { id: r.id, version: r.version, method: 'perPage', units: 50 }));
}

test('a notice by pages: the amount from the table, the clock paused, the letter (amount, how, how to pay, 20 working days and the day, remedies), the resident told', async () => {
  const r = await registered();
  expect(r).toMatchObject({ status: 'registered', dueOn: '2026-11-30' });
  cloud.clock.now = at('2026-11-04');
  const quote = ok(await call('demo-clerk', 'quoteFee', { id: r.id, method: 'perPage', units: 50 }));
  expect(quote).toMatchObject({ amount: 200, applicantName: '刘建国', conflict: null, computation: ['按量计收：本申请所提供的信息共 50 页（《政府信息公开信息处理费管理办法》第五条）', '第 1—30 页：不收费', '第 31—50 页：每页 10 元，计 200 元', '合计 200 元'] });
  // Quoting writes nothing.
  expect((await record(r.id)).version).toBe(r.version);

  const asked = ok(await call('demo-clerk', 'askFee', { id: r.id, version: r.version, method: 'perPage', units: 50 }));
  expect(asked).toMatchObject({
    status: 'feeRequested',
    statusLabel: '待缴费',
    dueOn: null,
    fee: { method: 'perPage', units: 50, amount: 200, computedAmount: 200, waived: false, noticeOn: '2026-11-04', deadlineOn: '2026-12-02', deadlineProvisional: false, paidOn: null, state: 'awaiting' },
  });
  const letter = asked.letters.find((l: any) => l.kind === 'fee');
  expect(letter).toMatchObject({ title: '政府信息公开信息处理费收费通知', addressee: '刘建国', date: '2026-11-04' });
  expect(letter.provisional).toBeUndefined();
  const text = letter.paragraphs.join('\n');
  for (const part of ['第四十二条', '国办函〔2020〕109号', '按量计收', '200 元', '第 31—50 页：每页 10 元', '2026-12-02', '20 个工作日', '受理窗口缴纳', '视为放弃申请', '申请行政复议']) expect(text).toContain(part);
  expect(asked.timeline.at(-1)).toMatchObject({ kind: 'feeRequested', label: '发出收费通知', actor: 'staff', actorName: '李华' });
  expect((await eventsOf(r.id)).filter((e) => e.action === 'feeRequested')).toEqual([expect.objectContaining({ actor: 'demo-clerk' })]);

  // The resident: the fee, its amount and the last day on their page, and a message.
  const view = ok(await call('resident-a', 'get', { id: r.id }));
  expect(view).toMatchObject({ status: 'feeRequested', fee: { amount: 200, deadlineOn: '2026-12-02', state: 'awaiting' } });
  expect(view.letters.map((l: any) => l.kind)).toEqual(['fee']);
  expect((await outboxOf(r.id)).map((o) => o.cause)).toEqual(['feeRequested']);
  await dispatchAll(cloud);
  const inbox = ok(await cloud.call('resident-a', 'inbox', { action: 'list', data: { limit: 50 } }));
  expect(inbox.items.filter((m: any) => m.link.id === r.id).map((m: any) => m.title)).toEqual(['您的政府信息公开申请需缴纳信息处理费']);

  // One fee decision per request; nothing but payment, withdrawal or closure while it waits.
  expect(await call('demo-clerk', 'askFee', { id: r.id, version: asked.version, method: 'perPage', units: 60 })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  expect(await call('demo-clerk', 'reply', { id: r.id, version: asked.version, category: 'disclosed', text: '予以公开' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  expect(asked.allowed).toEqual(expect.arrayContaining(['recordPayment', 'close']));
  for (const step of ['askFee', 'reply', 'extend', 'askSupplement', 'startConsultation', 'askReasons']) expect(asked.allowed).not.toContain(step);
});

test('paid on day 10: the clock runs again with the 10 working days from the notice to the payment not counted', async () => {
  const asked = await noticeIssued();
  cloud.clock.now = at('2026-11-20');
  const data = { id: asked.id, version: asked.version };
  expect(await call('demo-clerk', 'recordPayment', { ...data, paidOn: '2026-11-03' })).toMatchObject({ ok: false, code: 'RECEIVED_DATE_INVALID' });
  expect(await call('demo-clerk', 'recordPayment', { ...data, paidOn: '2026-11-23' })).toMatchObject({ ok: false, code: 'RECEIVED_DATE_INVALID' });
  const paid = ok(await call('demo-clerk', 'recordPayment', { ...data, paidOn: '2026-11-18' }));
  // 11-30 plus the 10 working days 11-05…11-18 → 12-14.
  expect(paid).toMatchObject({ status: 'registered', dueOn: '2026-12-14', fee: { paidOn: '2026-11-18', state: 'paid' } });
  const paused = paid.dueExplanation.days.filter((d: any) => d.kind === 'paused');
  expect(paused).toHaveLength(10);
  expect(paused[0]).toMatchObject({ date: '2026-11-05', name: '等待缴纳信息处理费' });
  expect(paused.at(-1)).toMatchObject({ date: '2026-11-18' });
  expect(paid.dueExplanation.steps.join('\n')).toContain('等待缴纳信息处理费：2026-11-04 至 2026-11-18，其间 10 个工作日不计入答复期限（条例第四十二条）');
  expect(paid.timeline.at(-1)).toMatchObject({ kind: 'feePaid', detail: expect.stringContaining('2026-11-18') });
  expect((await eventsOf(asked.id)).filter((e) => e.action === 'feePaid')).toHaveLength(1);

  // Nothing closes it afterwards, and the reply goes out as usual.
  cloud.clock.now = at('2026-12-10');
  await dispatchAll(cloud);
  expect(await record(asked.id)).toMatchObject({ status: 'registered', open: true });
  const replied = ok(await call('demo-clerk', 'reply', { id: asked.id, version: paid.version, category: 'disclosed', text: '予以公开，见附件。' }));
  expect(replied).toMatchObject({ status: 'replied' });
  expect(replied.letters.map((l: any) => l.kind)).toEqual(['fee', 'reply']);
});

test('unpaid for 20 working days (and the 3 left for recording a payment): closed by the system as other.noFee, with event, letter and message', async () => {
  const asked = await noticeIssued();
  // By hand, before the last day has passed: refused.
  cloud.clock.now = at('2026-12-02');
  expect(await call('demo-clerk', 'close', { id: asked.id, version: asked.version, category: 'other.noFee', reason: '逾期未缴费' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  // A payment on the last day may still be recorded after it; one after it may not.
  cloud.clock.now = at('2026-12-04');
  expect(await call('demo-clerk', 'recordPayment', { id: asked.id, version: asked.version, paidOn: '2026-12-03' })).toMatchObject({ ok: false, code: 'FEE_PAYMENT_OVERDUE' });
  cloud.clock.now = at('2026-12-07', '15:50:00'); // 23:50 on 12-07 in Beijing: the last day of the grace
  await dispatchAll(cloud);
  expect((await record(asked.id)).status).toBe('feeRequested');

  cloud.clock.now = at('2026-12-07', '16:00:00'); // 00:00 on 12-08 in Beijing
  await dispatchAll(cloud);
  const closed = await record(asked.id);
  expect(closed).toMatchObject({ status: 'closed', open: false, ending: { category: 'other.noFee', on: '2026-12-08' } });
  expect(closed.history.at(-1)).toMatchObject({ kind: 'closed', actor: 'system', actorOpenid: null });
  expect((await eventsOf(asked.id)).filter((e) => e.action === 'closed')).toEqual([expect.objectContaining({ actor: 'system', detail: expect.stringContaining('逾期未缴费') })]);

  const view = ok(await call('resident-a', 'get', { id: asked.id }));
  expect(view.fee).toMatchObject({ state: 'lapsed' });
  const letter = view.letters.find((l: any) => l.kind === 'reply');
  expect(letter.title).toBe('政府信息公开申请终止处理告知书');
  expect(letter.paragraphs.join('\n')).toContain('您未在收费通知规定的期限（2026-12-02）内缴纳信息处理费');
  expect(letter.paragraphs.join('\n')).toContain('申请行政复议');
  // The applicant's notice and closure; between them the clerk's reminder that the last day had passed.
  expect((await outboxOf(asked.id)).map((o) => o.cause)).toEqual(['feeRequested', 'overdue', 'requestClosed']);

  cloud.clock.now = new Date(cloud.clock.now.getTime() + 2 * SCAN_EVERY_MS);
  await dispatchAll(cloud);
  expect((await eventsOf(asked.id)).filter((e) => e.action === 'closed')).toHaveLength(1);
});

test('a clerk may close it as other.noFee by hand once the last day has passed; never a request without a lapsed notice', async () => {
  const plain = await registered();
  expect(await call('demo-clerk', 'close', { id: plain.id, version: plain.version, category: 'other.noFee', reason: '逾期未缴费' })).toMatchObject({
    ok: false,
    code: 'INVALID_STATE',
    message: expect.stringContaining('没有待缴费的收费通知'),
  });
  const asked = await noticeIssued();
  cloud.clock.now = at('2026-12-03');
  const closed = ok(await call('demo-clerk', 'close', { id: asked.id, version: asked.version, category: 'other.noFee', reason: '申请人逾期未缴纳信息处理费' }));
  expect(closed).toMatchObject({ status: 'closed', ending: { category: 'other.noFee' } });
});

test('by item: the applicant\'s applications in the month count (the 11th costs 100 元), a request split into items counts them all', async () => {
  // Ten letters from the same applicant received earlier in November.
  for (let i = 0; i < 10; i += 1) ok(await call('demo-clerk', 'enter', enteredApplication({ applicant: APPLICANT, receivedOn: '2026-11-02' })));
  // Another person's and last month's applications do not count.
  ok(await call('demo-clerk', 'enter', enteredApplication({ receivedOn: '2026-11-02' })));
  ok(await call('demo-clerk', 'enter', enteredApplication({ applicant: APPLICANT, receivedOn: '2026-10-30' })));
  cloud.clock.now = at('2026-11-03');
  const r = await registered();
  const one = ok(await call('demo-clerk', 'quoteFee', { id: r.id, method: 'perItem', units: 1 }));
  expect(one).toMatchObject({ unitsBefore: 10, month: '2026-11', amount: 100 });
  const three = ok(await call('demo-clerk', 'quoteFee', { id: r.id, method: 'perItem', units: 3 }));
  expect(three.computation).toEqual([
    '按件计收：您本自然月内此前已申请 10 件，本申请计 3 件，为本月第 11—13 件（《政府信息公开信息处理费管理办法》第四条）',
    '第 11—13 件：每件 100 元，计 300 元',
    '合计 300 元',
  ]);
  const asked = ok(await call('demo-clerk', 'askFee', { id: r.id, version: r.version, method: 'perItem', units: 3 }));
  expect(asked.fee).toMatchObject({ method: 'perItem', unitsBefore: 10, units: 3, amount: 300 });

  // The next application counts the three: it is the 14th.
  cloud.clock.now = at('2026-11-03', '03:00:00');
  const next = await registered();
  expect(ok(await call('demo-clerk', 'quoteFee', { id: next.id, method: 'perItem', units: 1 }))).toMatchObject({ unitsBefore: 13, amount: 100 });
  // Never both tables for one applicant in a month (办法 Art. 3).
  expect(ok(await call('demo-clerk', 'quoteFee', { id: next.id, method: 'perPage', units: 50 }))).toMatchObject({ conflict: 'perItem' });
  expect(await call('demo-clerk', 'askFee', { id: next.id, version: next.version, method: 'perPage', units: 50 })).toMatchObject({ ok: false, code: 'FEE_METHOD_CONFLICT' });
  expect(await record(next.id)).toMatchObject({ status: 'registered', version: next.version });
});

test('two clerks issuing notices at once by the two tables for one applicant\'s month: one is issued, the other refused, nothing half-written', async () => {
  // Ten earlier letters this month, so that a notice by item charges (the 11th) as one by pages does (50 pages).
  for (let i = 0; i < 10; i += 1) ok(await call('demo-clerk', 'enter', enteredApplication({ applicant: APPLICANT, receivedOn: '2026-11-02' })));
  cloud.clock.now = at('2026-11-03');
  const a = await registered();
  const b = await registered();
  // Both read the applicant's month before either writes (办法 Art. 3 must still hold: never 按件 and 按量 for one applicant).
  const [byItem, byPage] = await Promise.all([
    call('demo-clerk', 'askFee', { id: a.id, version: a.version, method: 'perItem', units: 1 }),
    call('demo-admin', 'askFee', { id: b.id, version: b.version, method: 'perPage', units: 50 }),
  ]);
  expect([byItem.ok, byPage.ok].sort()).toEqual([false, true]);
  const refused = byItem.ok ? byPage : byItem;
  expect(refused).toMatchObject({ ok: false, code: 'FEE_METHOD_CONFLICT' });
  const loser = byItem.ok ? b : a;
  expect(await record(loser.id)).toMatchObject({ status: 'registered', version: loser.version });
  expect((await record(loser.id)).fee ?? null).toBeNull();
});

test('nothing to charge under the free allowance; a waiver or a reduction needs a reason and is on record', async () => {
  const r = await registered();
  cloud.clock.now = at('2026-11-04');
  const data = { id: r.id, version: r.version };
  expect(await call('demo-clerk', 'askFee', { ...data, method: 'perPage', units: 30 })).toMatchObject({ ok: false, code: 'FEE_NOT_DUE' });
  expect(await call('demo-clerk', 'askFee', { ...data, method: 'perItem', units: 1 })).toMatchObject({ ok: false, code: 'FEE_NOT_DUE' });
  expect(await call('demo-clerk', 'askFee', { ...data, method: 'perPage', units: 50, waive: true })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { reason: expect.any(String) } });
  expect(await call('demo-clerk', 'askFee', { ...data, method: 'perPage', units: 50, reducedTo: 200, reason: '酌情减收' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });

  const reduced = ok(await call('demo-clerk', 'askFee', { ...data, method: 'perPage', units: 50, reducedTo: 80, reason: '申请人为低保对象，酌情减收' }));
  expect(reduced.fee).toMatchObject({ computedAmount: 200, amount: 80, reason: '申请人为低保对象，酌情减收' });
  expect(reduced.letters.find((l: any) => l.kind === 'fee').paragraphs.join('\n')).toContain('经本机关决定减收为 80 元');

  const other = await registered();
  const waived = ok(await call('demo-clerk', 'askFee', { id: other.id, version: other.version, method: 'perPage', units: 50, waive: true, reason: '与申请人生活密切相关，决定免收' }));
  // A waiver sends no notice and stops no clock (registered 11-04: due 12-02).
  expect(waived).toMatchObject({ status: 'registered', dueOn: '2026-12-02', fee: { waived: true, amount: 0, state: 'waived' } });
  expect(waived.letters).toEqual([]);
  expect(waived.timeline.at(-1)).toMatchObject({ kind: 'feeWaived', detail: expect.stringContaining('免收') });
  expect((await outboxOf(other.id)).map((o) => o.cause)).toEqual([]);
});

test('a notice whose 20 working days run into a year not yet entered: the last day and the letter say 暂定', async () => {
  cloud.clock.now = at('2026-12-10');
  const r = await registered();
  const asked = ok(await call('demo-clerk', 'askFee', { id: r.id, version: r.version, method: 'perPage', units: 40 }));
  // 12-11 … 12-31 are 15 working days; 2027-01-01 (元旦) is off by the 放假办法 even before 2027 is entered.
  expect(asked.fee).toMatchObject({ amount: 100, deadlineOn: '2027-01-08', deadlineProvisional: true });
  const letter = asked.letters.find((l: any) => l.kind === 'fee');
  expect(letter.provisional).toBe(true);
  expect(letter.paragraphs.at(-1)).toContain('该期限为暂定');
});

test('the clerk is reminded before the last day to pay and once it has passed unpaid; the queue row shows the last day', async () => {
  const asked = await noticeIssued(); // last day to pay 12-02 (Wed)
  const inboxOf = async (who: string) => ok(await cloud.call(who, 'inbox', { action: 'list', data: { limit: 50 } })).items as Array<{ title: string; body: string; link: { id: string } }>;
  const feeMessages = async () =>
    ((await inboxOf('demo-clerk')).filter((m) => m.link.id === asked.id)).map((m) => m.title);
  const row = async () => (ok(await call('demo-clerk', 'queue', { status: 'feeRequested', limit: 20 })).items as any[]).find((i) => i.id === asked.id);
  // There is no due date while the fee is awaited: the row names the day that matters instead.
  expect(await row()).toMatchObject({ status: 'feeRequested', dueOn: null, feeDeadlineOn: '2026-12-02' });

  cloud.clock.now = at('2026-11-26'); // 4 working days before: nothing yet
  await dispatchAll(cloud);
  expect(await feeMessages()).toEqual([]);
  cloud.clock.now = at('2026-11-27'); // 3 working days before (11-30, 12-01, 12-02)
  await dispatchAll(cloud);
  const tracking = (await record(asked.id)).trackingNumber;
  expect(await feeMessages()).toEqual([`申请 ${tracking} 缴费期限即将届满`]);
  cloud.clock.now = at('2026-11-30');
  await dispatchAll(cloud);
  expect(await feeMessages()).toHaveLength(1);

  cloud.clock.now = at('2026-12-03');
  await dispatchAll(cloud);
  expect(await feeMessages()).toEqual([`申请 ${tracking} 缴费期限已过，尚未登记缴费`, `申请 ${tracking} 缴费期限即将届满`]);
  const overdue = (await inboxOf('demo-clerk')).find((m) => m.title.includes('缴费期限已过'))!;
  expect(overdue.body).toContain('请于 2026-12-07 前登记缴费');
  // The applicant hears nothing of it (their letter gave the day), and a paid notice reminds nobody.
  expect((await inboxOf('resident-a')).filter((m) => m.link.id === asked.id).map((m) => m.title)).toEqual(['您的政府信息公开申请需缴纳信息处理费']);
  const paid = ok(await call('demo-clerk', 'recordPayment', { id: asked.id, version: (await record(asked.id)).version, paidOn: '2026-12-02' }));
  expect(paid).toMatchObject({ status: 'registered' });
  expect((await row())).toBeUndefined();
});
