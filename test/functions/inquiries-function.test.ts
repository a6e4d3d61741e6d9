import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';

/**
 * Function `inquiries` over the real SQLite store: numbering, the resident's round trip with the
 * answer in the message centre, a call closed on the spot, complaints hidden from other staff,
 * publishing as FAQ and finding it by search, and a stale version refused.
 */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness();
  // Another answerer, of another department: sees neither the office's inquiries nor anyone's complaints.
  await cloud.store.collection('staff').insert({ id: 'answerer-housing', name: '陈静', roles: ['answerer'], departmentIds: ['housing'], departmentId: 'housing', active: true });
});
afterEach(() => cloud.close());

const ask = (openid: string, data: Record<string, unknown>) => cloud.call(openid, 'inquiries', { action: 'ask', data: { kind: 'inquiry', topic: '养犬登记', text: '养犬登记要带什么？', ...data } });

test('case numbers run gap-free per kind and year; the same key again is the same case', async () => {
  const a = ok(await ask('resident-a', { idempotencyKey: 'key-0000001' }));
  const again = ok(await ask('resident-a', { idempotencyKey: 'key-0000001' }));
  const b = ok(await ask('resident-b', { idempotencyKey: 'key-0000002' }));
  const c = ok(await ask('resident-b', { idempotencyKey: 'key-0000003', kind: 'complaint', anonymous: true }));
  expect(again).toEqual(a);
  expect([a.caseNumber, b.caseNumber, c.caseNumber]).toEqual(['咨〔2026〕000001号', '咨〔2026〕000002号', '投〔2026〕000001号']);
  expect(await ask('resident-a', { idempotencyKey: 'key-0000001', text: '别的问题' })).toMatchObject({ ok: false, code: 'IDEMPOTENCY_KEY_REUSED' });
});

test('asked, answered (the resident hears in 消息), rated, followed up; another resident gets INQUIRY_NOT_FOUND', async () => {
  const { id, caseNumber } = ok(await ask('resident-a', { idempotencyKey: 'key-round-01', departmentId: 'office' }));
  expect(await cloud.call('resident-b', 'inquiries', { action: 'get', data: { id } })).toMatchObject({ ok: false, code: 'INQUIRY_NOT_FOUND' });
  const queued = ok(await cloud.call('demo-clerk', 'inquiries', { action: 'queue', data: {} }));
  expect(queued.items.map((i: { id: string }) => i.id)).toContain(id);
  expect(ok(await cloud.call('answerer-housing', 'inquiries', { action: 'queue', data: {} })).items).toEqual([]);
  const view = ok(await cloud.call('demo-clerk', 'inquiries', { action: 'manageGet', data: { id } }));
  expect(view.contact).toBeNull();
  const answered = ok(await cloud.call('demo-clerk', 'inquiries', { action: 'answer', data: { id, version: view.version, text: '携带身份证到街道办理。' } }));
  expect(answered.status).toBe('answered');
  expect(await cloud.call('demo-clerk', 'inquiries', { action: 'answer', data: { id, version: view.version, text: '再答一次' } })).toMatchObject({ ok: false, code: 'VERSION_CONFLICT' });
  const outbox = await cloud.store.collection('outbox').find({ where: { subjectId: id }, orderBy: [['createdAt', 'asc']], limit: 5 });
  expect(outbox.items.map((o) => o.cause)).toEqual(['inquiryAnswered']);
  expect(outbox.items[0].message.body).toContain(caseNumber);

  const mine = ok(await cloud.call('resident-a', 'inquiries', { action: 'get', data: { caseNumber } }));
  expect(mine.messages.map((m: { kind: string }) => m.kind)).toEqual(['question', 'answer']);
  expect(mine.canRate).toBe(true);
  const rated = ok(await cloud.call('resident-a', 'inquiries', { action: 'rateAnswer', data: { id, version: mine.version, helpful: true } }));
  const reopened = ok(await cloud.call('resident-a', 'inquiries', { action: 'followUp', data: { id, version: rated.version, text: '周末能办吗？' } }));
  expect(reopened).toMatchObject({ status: 'open', canRate: false });
  expect(reopened.dueOn).not.toBeNull();
});

test('a complaint: only admins and the assigned answerer see it or who made it; absent from other lists', async () => {
  const { id } = ok(await ask('resident-a', { idempotencyKey: 'key-complain-1', kind: 'complaint', contact: { name: '周丽', phone: '13900001111' } }));
  for (const who of ['demo-clerk', 'answerer-housing']) {
    expect(ok(await cloud.call(who, 'inquiries', { action: 'queue', data: {} })).items).toEqual([]);
    expect(await cloud.call(who, 'inquiries', { action: 'manageGet', data: { id } })).toMatchObject({ ok: false, code: 'INQUIRY_NOT_FOUND' });
  }
  const admin = ok(await cloud.call('demo-admin', 'inquiries', { action: 'manageGet', data: { id } }));
  expect(admin.contact).toEqual({ name: '周丽', phone: '13900001111' });
  ok(await cloud.call('demo-admin', 'inquiries', { action: 'assign', data: { id, version: admin.version, departmentId: 'office', answererOpenid: 'demo-clerk' } }));
  expect(ok(await cloud.call('demo-clerk', 'inquiries', { action: 'manageGet', data: { id } })).contact).toEqual({ name: '周丽', phone: '13900001111' });
  expect(ok(await cloud.call('answerer-housing', 'inquiries', { action: 'queue', data: { kind: 'complaint' } })).items).toEqual([]);
  const v = (await cloud.store.collection('inquiries').get(id))!.version;
  expect(await cloud.call('demo-clerk', 'inquiries', { action: 'publishFaq', data: { id, version: v, question: 'q', answer: 'a' } })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
});

test('an anonymous complaint is looked up by its number and never notifies', async () => {
  const { id, caseNumber } = ok(await ask('resident-a', { idempotencyKey: 'key-anon-0001', kind: 'complaint', anonymous: true }));
  const v = ok(await cloud.call('demo-admin', 'inquiries', { action: 'manageGet', data: { id } }));
  expect(v.contact).toBeNull();
  expect(JSON.stringify(v)).not.toContain('resident-a');
  ok(await cloud.call('demo-admin', 'inquiries', { action: 'answer', data: { id, version: v.version, text: '已转交执法大队。' } }));
  expect(await cloud.store.collection('outbox').count({ subjectId: id })).toBe(0);
  expect(ok(await cloud.call('resident-a', 'inquiries', { action: 'get', data: { caseNumber } })).status).toBe('answered');
  expect(await cloud.call('resident-b', 'inquiries', { action: 'get', data: { caseNumber } })).toMatchObject({ ok: false, code: 'INQUIRY_NOT_FOUND' });
});

test('a call answered on the spot is entered closed; the answer published as FAQ is found by search', async () => {
  const entered = ok(await cloud.call('demo-clerk', 'inquiries', { action: 'enter', data: {
    idempotencyKey: 'key-call-0001', kind: 'inquiry', channel: 'phone', contactedAt: '2026-11-24T01:30:00Z', topic: '社保卡',
    text: '来电询问社保卡补办地点，王先生 13800138000。', contact: { name: '王先生', phone: '13800138000' }, answer: '到区政务服务中心一楼补办。',
  } }));
  expect(entered).toMatchObject({ status: 'closed', channel: 'phone', caseNumber: '咨〔2026〕000001号' });
  const published = ok(await cloud.call('demo-clerk', 'inquiries', { action: 'publishFaq', data: { id: entered.id, version: entered.version, question: '社保卡丢了在哪里补办？', answer: '到区政务服务中心一楼补办。' } }));
  expect(published.faqId).toEqual(expect.any(String));
  const found = ok(await cloud.call(null, 'faq', { action: 'search', data: { q: '社保卡 补办' } }));
  expect(found.items.map((f: { question: string }) => f.question)).toEqual(['社保卡丢了在哪里补办？']);
  expect(JSON.stringify(await cloud.store.collection('faq').get(published.faqId))).not.toContain('13800138000');
  expect(await cloud.call('demo-clerk', 'inquiries', { action: 'enter', data: { idempotencyKey: 'key-call-0002', kind: 'inquiry', channel: 'phone', contactedAt: '2026-11-25T01:30:00Z', topic: 't', text: 'x' } })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { contactedAt: expect.any(String) } });
});

test('the answer period is the bureau\'s setting on the guide; calendar.dueDate explains a date', async () => {
  const guide = ok(await cloud.call(null, 'guide', { action: 'get', data: {} }));
  expect(guide).toMatchObject({ version: 0, inquiryWorkingDays: 5, history: null });
  const { version: _v, updatedAt: _u, history: _h, ...content } = guide;
  ok(await cloud.call('demo-admin', 'guide', { action: 'save', data: { version: 0, guide: { ...content, inquiryWorkingDays: 3 } } }));
  const { id } = ok(await ask('resident-a', { idempotencyKey: 'key-period-01' }));
  // Tuesday 2026-11-24 + 3 working days.
  expect((await cloud.store.collection('inquiries').get(id))!.dueOn).toBe('2026-11-27');
  const due = ok(await cloud.call(null, 'calendar', { action: 'dueDate', data: { receivedOn: '2026-09-28' } }));
  expect(due).toMatchObject({ workingDays: 20, provisional: false, holidaysSkipped: ['国庆节（10月1日至10月7日，共 7 天）'] });
});

test('answerers are reminded once of a case coming due; a complaint\'s reminder goes to admins only while unassigned', async () => {
  const { remindStaffOfDeadlines } = await import('../../cloudfunctions/_notifications/remind-staff-of-deadlines');
  const { caseDeadlines } = await import('../../cloudfunctions/inquiries/case-deadlines');
  const inquiry = ok(await ask('resident-a', { idempotencyKey: 'key-remind-01', departmentId: 'office' }));
  const complaint = ok(await ask('resident-a', { idempotencyKey: 'key-remind-02', kind: 'complaint' }));
  // Tuesday 2026-11-24 + 5 working days = Tuesday 12-01; three working days before it is 11-26.
  const later = new Date('2026-11-26T02:00:00Z');
  expect(await remindStaffOfDeadlines(cloud.store, later, [caseDeadlines])).toBeGreaterThan(0);
  expect(await remindStaffOfDeadlines(cloud.store, later, [caseDeadlines])).toBe(0);
  const recipients = async (subjectId: string) =>
    (await cloud.store.collection('outbox').find({ where: { subjectId }, orderBy: [['createdAt', 'asc']], limit: 20 })).items.map((o) => (o.audience as { openid: string }).openid).sort();
  expect(await recipients(inquiry.id)).toEqual(['demo-clerk']);
  expect(await recipients(inquiry.id)).not.toContain('answerer-housing');
  expect(await recipients(complaint.id)).toEqual([]);
  // The complaint's 15 working days end on 12-15: due soon on 12-10, to the admins alone.
  await remindStaffOfDeadlines(cloud.store, new Date('2026-12-10T02:00:00Z'), [caseDeadlines]);
  expect(await recipients(complaint.id)).toEqual(['demo-admin']);
});

test('a request that is really a complaint becomes a case in one step; both keep their histories and the report counts it under (五)1', async () => {
  const { tallyRequests } = await import('../../shared/reports/requests-table');
  const { application } = await import('../support/request-factories');
  const submitted = ok(await cloud.call('resident-a', 'requests', { action: 'submit', data: application({ idempotencyKey: 'key-redirect-01' }) }));
  const registered = ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: submitted.id, version: submitted.version, receivedOn: '2026-11-24' } }));
  expect(await cloud.call('demo-clerk', 'inquiries', { action: 'redirectFromRequest', data: { requestId: registered.id, version: submitted.version, kind: 'complaint' } })).toMatchObject({ ok: false, code: 'VERSION_CONFLICT' });
  const moved = ok(await cloud.call('demo-clerk', 'inquiries', { action: 'redirectFromRequest', data: { requestId: registered.id, version: registered.version, kind: 'complaint' } }));
  expect(moved.caseNumber).toBe('投〔2026〕000001号');

  const request = (await cloud.store.collection('requests').get(registered.id))!;
  expect(request).toMatchObject({ status: 'replied', reply: { category: 'notProcessed.petition' } });
  expect(request.reply!.text).toContain(moved.caseNumber);
  expect(request.history.map((h) => h.kind)).toEqual(expect.arrayContaining(['submitted', 'registered']));
  expect(tallyRequests([request as never], 2026).rows['notProcessed.petition'].total).toBe(1);
  expect((await cloud.store.collection('outbox').find({ where: { subjectId: registered.id }, orderBy: [['createdAt', 'asc']], limit: 10 })).items.map((o) => o.cause)).toContain('requestReplied');

  // The case is the resident's, with its own clock and a link back; confidential like any complaint.
  const mine = ok(await cloud.call('resident-a', 'inquiries', { action: 'get', data: { id: moved.id } }));
  expect(mine).toMatchObject({ kind: 'complaint', channel: 'request', status: 'open', fromRequest: { id: registered.id, trackingNumber: request.trackingNumber } });
  expect(mine.dueOn).not.toBeNull();
  expect(mine.history.map((h: { action: string }) => h.action)).toEqual(['redirectedFromRequest']);
  expect(await cloud.call('demo-clerk', 'inquiries', { action: 'manageGet', data: { id: moved.id } })).toMatchObject({ ok: false, code: 'INQUIRY_NOT_FOUND' });
  expect(ok(await cloud.call('demo-admin', 'inquiries', { action: 'manageGet', data: { id: moved.id } })).contact).toMatchObject({ name: request.applicant.name });
});

test('an inquiry that is really a disclosure request is closed and the resident is asked to apply', async () => {
  const { id } = ok(await ask('resident-a', { idempotencyKey: 'key-torequest1' }));
  const v = (await cloud.store.collection('inquiries').get(id))!.version;
  const turned = ok(await cloud.call('demo-clerk', 'inquiries', { action: 'toRequest', data: { id, version: v, note: '所问为本机关保存的政府信息' } }));
  expect(turned.status).toBe('closed');
  expect((await cloud.store.collection('outbox').find({ where: { subjectId: id }, orderBy: [['createdAt', 'asc']], limit: 5 })).items.map((o) => o.cause)).toEqual(['inquiryToRequest']);
  expect(ok(await cloud.call('resident-a', 'inquiries', { action: 'get', data: { id } })).applyAsRequest).toBe(true);
  const complaint = ok(await ask('resident-a', { idempotencyKey: 'key-torequest2', kind: 'complaint' }));
  const cv = (await cloud.store.collection('inquiries').get(complaint.id))!.version;
  expect(await cloud.call('demo-admin', 'inquiries', { action: 'toRequest', data: { id: complaint.id, version: cv } })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
});

test('a FAQ entry not checked for a year is put to its department\'s answerers once; saving it checks it again', async () => {
  const { remindStaffOfDeadlines } = await import('../../cloudfunctions/_notifications/remind-staff-of-deadlines');
  const { faqReviewDeadlines } = await import('../../cloudfunctions/faq/faq-review-deadlines');
  const saved = ok(await cloud.call('demo-clerk', 'faq', { action: 'save', data: { entry: { question: '户口迁移要多久？', answer: '材料齐全的当场办结。', topic: '户籍', departmentId: 'office' } } }));
  expect(await remindStaffOfDeadlines(cloud.store, new Date('2027-06-01T02:00:00Z'), [faqReviewDeadlines])).toBe(0);
  const yearOn = new Date('2027-11-25T02:00:00Z');
  expect(await remindStaffOfDeadlines(cloud.store, yearOn, [faqReviewDeadlines])).toBeGreaterThan(0);
  expect(await remindStaffOfDeadlines(cloud.store, yearOn, [faqReviewDeadlines])).toBe(0);
  const reminders = (await cloud.store.collection('outbox').find({ where: { subjectId: saved.id }, orderBy: [['createdAt', 'asc']], limit: 10 })).items;
  expect(reminders.map((o) => (o.audience as { openid: string }).openid)).toEqual(['demo-clerk']);
  expect(reminders[0].message.link).toEqual({ type: 'faq', id: saved.id });
  // Checked (saved) that day: the next review is a year later, so nothing more is owed now.
  cloud.clock.now = yearOn;
  const checked = ok(await cloud.call('demo-clerk', 'faq', { action: 'save', data: { id: saved.id, version: saved.version, entry: { question: '户口迁移要多久？', answer: '材料齐全的当场办结。', topic: '户籍', departmentId: 'office' } } }));
  expect(checked.checkedAt).toBe(yearOn.toISOString());
  expect(await remindStaffOfDeadlines(cloud.store, new Date('2027-12-20T02:00:00Z'), [faqReviewDeadlines])).toBe(0);
});

test('"helpful" counts once per resident and entry', async () => {
  const saved = ok(await cloud.call('demo-clerk', 'faq', { action: 'save', data: { entry: { question: '公积金怎么提取？', answer: '携带身份证到公积金中心办理。', topic: '公积金' } } }));
  expect(ok(await cloud.call('resident-a', 'faq', { action: 'helpful', data: { id: saved.id } })).helpfulCount).toBe(1);
  expect(await cloud.call('resident-a', 'faq', { action: 'helpful', data: { id: saved.id } })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  expect(ok(await cloud.call('resident-b', 'faq', { action: 'helpful', data: { id: saved.id } })).helpfulCount).toBe(2);
});

test('the year\'s figures: per month and channel, answered on time, median working days, helpful rate', async () => {
  const a = ok(await ask('resident-a', { idempotencyKey: 'key-figures-01' }));
  ok(await ask('resident-b', { idempotencyKey: 'key-figures-02' }));
  ok(await cloud.call('demo-clerk', 'inquiries', { action: 'enter', data: { idempotencyKey: 'key-figures-03', kind: 'inquiry', channel: 'phone', contactedAt: '2026-11-24T01:00:00Z', topic: '社保', text: '问社保', answer: '当场答复' } }));
  const v = (await cloud.store.collection('inquiries').get(a.id))!.version;
  cloud.clock.now = new Date('2026-11-26T02:00:00Z'); // two working days later, within the 5
  const answered = ok(await cloud.call('demo-clerk', 'inquiries', { action: 'answer', data: { id: a.id, version: v, text: '答复' } }));
  ok(await cloud.call('resident-a', 'inquiries', { action: 'rateAnswer', data: { id: a.id, version: answered.version, helpful: true } }));
  const f = ok(await cloud.call('demo-clerk', 'inquiries', { action: 'figures', data: { year: 2026 } }));
  expect(f).toMatchObject({ total: 3, byChannel: { online: 2, phone: 1 }, answered: 2, answeredOnTime: 2, onTimeRate: 1, medianWorkingDaysToAnswer: 1, rated: 1, helpfulRate: 1 });
  expect(f.months[10]).toMatchObject({ month: '2026-11', total: 3 });
  expect(JSON.stringify(f)).not.toMatch(/resident-|咨〔/);
  expect(await cloud.call('resident-a', 'inquiries', { action: 'figures', data: { year: 2026 } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});

test('a case is assigned to one answerer of its department by name: the list offers only those who may take it, and the reminders go to them', async () => {
  const { remindStaffOfDeadlines } = await import('../../cloudfunctions/_notifications/remind-staff-of-deadlines');
  const { caseDeadlines } = await import('../../cloudfunctions/inquiries/case-deadlines');
  await cloud.store.collection('staff').insert({ id: 'answerer-office-2', name: '钱芳', roles: ['answerer'], departmentIds: ['office'], departmentId: 'office', active: true });
  await cloud.store.collection('staff').insert({ id: 'answerer-office-gone', name: '孙强', roles: ['answerer'], departmentIds: ['office'], departmentId: 'office', active: false });
  const offered = ok(await cloud.call('demo-clerk', 'inquiries', { action: 'answerers', data: { departmentId: 'office' } })) as Array<{ openid: string }>;
  expect(offered.map((a) => a.openid).sort()).toEqual(['answerer-office-2', 'demo-admin', 'demo-clerk']);
  expect((ok(await cloud.call('demo-clerk', 'inquiries', { action: 'answerers', data: { departmentId: 'housing' } })) as Array<{ openid: string }>).map((a) => a.openid).sort()).toEqual(['answerer-housing', 'demo-admin']);

  const { id } = ok(await ask('resident-a', { idempotencyKey: 'key-assign-01' }));
  const v = (await cloud.store.collection('inquiries').get(id))!.version;
  expect(await cloud.call('demo-clerk', 'inquiries', { action: 'assign', data: { id, version: v, departmentId: 'office', answererOpenid: 'answerer-housing' } })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { answererOpenid: expect.any(String) } });
  expect(await cloud.call('demo-clerk', 'inquiries', { action: 'assign', data: { id, version: v, departmentId: 'office', answererOpenid: 'answerer-office-gone' } })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  const assigned = ok(await cloud.call('demo-clerk', 'inquiries', { action: 'assign', data: { id, version: v, departmentId: 'office', answererOpenid: 'answerer-office-2' } }));
  expect(assigned).toMatchObject({ departmentName: '局办公室', assignedTo: { openid: 'answerer-office-2', name: '钱芳' } });
  expect(assigned.history.at(-1)).toMatchObject({ action: 'assigned', detail: '分派至局办公室 · 钱芳' });
  const queued = ok(await cloud.call('answerer-office-2', 'inquiries', { action: 'queue', data: {} }));
  expect(queued.items.find((i: { id: string }) => i.id === id)).toMatchObject({ assignedName: '钱芳' });

  // Tuesday 2026-11-24 + 5 working days = Tuesday 12-01; due soon from 11-26: to 钱芳 alone.
  await remindStaffOfDeadlines(cloud.store, new Date('2026-11-26T02:00:00Z'), [caseDeadlines]);
  const outbox = await cloud.store.collection('outbox').find({ where: { subjectId: id }, orderBy: [['createdAt', 'asc']], limit: 20 });
  expect(outbox.items.map((o) => (o.audience as { openid: string }).openid)).toEqual(['answerer-office-2']);
});

test('the application made from a turned inquiry links back to it, and the case shows the application, for the resident and for staff', async () => {
  const { application } = await import('../support/request-factories');
  const { id, caseNumber } = ok(await ask('resident-a', { idempotencyKey: 'key-linked-001' }));
  const other = ok(await ask('resident-a', { idempotencyKey: 'key-linked-002' }));
  const requestsBefore = await cloud.store.collection('requests').count({});
  // Not turned by staff yet: refused, and no application is written (nor a number taken).
  expect(await cloud.call('resident-a', 'requests', { action: 'submit', data: { ...application(), idempotencyKey: 'linked-submit-0001', fromCaseId: other.id } })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  const v = (await cloud.store.collection('inquiries').get(id))!.version;
  ok(await cloud.call('demo-clerk', 'inquiries', { action: 'toRequest', data: { id, version: v } }));
  // Another resident cannot hang their application on this case.
  expect(await cloud.call('resident-b', 'requests', { action: 'submit', data: { ...application(), idempotencyKey: 'linked-submit-0002', fromCaseId: id } })).toMatchObject({ ok: false, code: 'INQUIRY_NOT_FOUND' });
  expect(await cloud.store.collection('requests').count({})).toBe(requestsBefore);

  const request = ok(await cloud.call('resident-a', 'requests', { action: 'submit', data: { ...application(), idempotencyKey: 'linked-submit-0003', fromCaseId: id } }));
  expect(request.fromCase).toEqual({ id, caseNumber });
  expect(request.timeline[0].detail).toContain(caseNumber);
  expect(ok(await cloud.call('demo-clerk', 'requests', { action: 'manageGet', data: { id: request.id } })).fromCase).toEqual({ id, caseNumber });

  const mine = ok(await cloud.call('resident-a', 'inquiries', { action: 'get', data: { id } }));
  expect(mine).toMatchObject({ applyAsRequest: false, toRequest: { id: request.id, trackingNumber: request.trackingNumber } });
  expect(mine.history.at(-1)).toMatchObject({ action: 'requestMade', by: '您', detail: request.trackingNumber });
  const staff = ok(await cloud.call('demo-clerk', 'inquiries', { action: 'manageGet', data: { id } }));
  expect(staff.toRequest).toEqual({ id: request.id, trackingNumber: request.trackingNumber });
  const events = (await cloud.store.collection('events').find({ where: { subjectId: id }, orderBy: [['at', 'asc']], limit: 20 })).items;
  expect(events.map((e) => e.action)).toContain('requestMade');

  // One application per case; the same submission again is the same application.
  expect(ok(await cloud.call('resident-a', 'requests', { action: 'submit', data: { ...application(), idempotencyKey: 'linked-submit-0003', fromCaseId: id } })).id).toBe(request.id);
  expect(await cloud.call('resident-a', 'requests', { action: 'submit', data: { ...application(), idempotencyKey: 'linked-submit-0004', fromCaseId: id } })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
});
