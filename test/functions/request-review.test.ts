import { ok, SEED_TIME, type CloudHarness } from '../support/cloud-harness';
import { application } from '../support/request-factories';
import { REVIEWER as reviewer, reviewSuite } from '../support/review-suite';

/**
 * 公开审查 (条例 Art. 17) of a request's letters over real SQLite, with the bureau's defaults (a reply
 * waits for a reviewer; closing and extending do not until an admin says so): nothing is issued, no
 * status changes for the applicant and nobody is notified until another reviewer approves exactly the
 * letter submitted; the statutory clock runs meanwhile.
 */
let cloud: CloudHarness;
const { call, requireReview } = reviewSuite((c) => (cloud = c));
beforeEach(() => {
  cloud.clock.now = SEED_TIME;
});

const clerk = 'demo-clerk';

async function registered() {
  const submitted = ok(await call('resident-a', 'requests', 'submit', application()));
  return ok(await call(clerk, 'requests', 'register', { id: submitted.id, version: submitted.version }));
}
const requestNews = (id: string) => cloud.store.collection('outbox').count({ subjectId: id });
const later = (days: number) => {
  cloud.clock.now = new Date(SEED_TIME.getTime() + days * 86_400_000);
};

test('a reply waits for review: the letter in the item, nothing issued, nothing told, the clock running', async () => {
  const request = await registered();
  const newsBefore = await requestNews(request.id);
  const answer = ok(await call(clerk, 'requests', 'reply', { id: request.id, version: request.version, category: 'disclosed', text: '现将招标文件和中标结果公告予以提供。' }));
  expect(answer).toEqual({ pendingReview: true, reviewId: expect.any(String) });

  const stored = (await cloud.store.collection('requests').get(request.id))!;
  expect(stored).toMatchObject({ status: 'registered', version: request.version });
  expect(stored.reply ?? null).toBeNull();
  expect(await requestNews(request.id)).toBe(newsBefore);
  const seen = ok(await call('resident-a', 'requests', 'get', { id: request.id }));
  expect(seen).toMatchObject({ status: 'registered', reply: null });
  expect(seen.letters.map((l: { kind: string }) => l.kind)).not.toContain('reply');

  const item = ok(await call(reviewer, 'reviews', 'get', { id: answer.reviewId }));
  expect(item).toMatchObject({
    kind: 'request.reply', subjectId: request.id, subjectVersion: request.version, status: 'pending',
    authorOpenid: clerk, authorName: '李华', reference: request.trackingNumber, dueOn: request.dueOn,
    text: { title: '政府信息公开申请答复告知书' },
  });
  expect(item.text.body).toContain('陈晓明：');
  expect(item.text.body).toContain('现将招标文件和中标结果公告予以提供。');
  expect(item.text.body).toContain('行政复议');
  // The letter names the applicant: the reviewer's reading is a view of personal data on the audit
  // trail, found by the request as well as by the item.
  const views = (await cloud.store.collection('audit').find({ where: { actor: reviewer, action: 'reviews.get' }, orderBy: [], limit: 10 })).items;
  expect(views).toEqual([expect.objectContaining({ kind: 'personalDataViewed', recordIds: [answer.reviewId, request.id] })]);
  // The clerk reads their own item; a second act on the request waits until this one is decided.
  expect(ok(await call(clerk, 'reviews', 'get', { id: answer.reviewId })).id).toBe(answer.reviewId);
  expect(await call(clerk, 'requests', 'close', { id: request.id, version: request.version, category: 'other.other', reason: '申请人另行提出', basis: '第三十九条第二款' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  const managed = ok(await call(clerk, 'requests', 'manageGet', { id: request.id }));
  expect(managed.pendingReview).toEqual({ reviewId: answer.reviewId, kind: 'request.reply', submittedAt: SEED_TIME.toISOString() });
  expect(managed.allowed).not.toContain('reply');
  expect(managed.allowed).not.toContain('close');
  // A step the request's state refuses is refused at submission, not after review.
  const fresh = await registered();
  expect(await call(clerk, 'requests', 'reply', { id: fresh.id, version: fresh.version, category: 'unavailable.unclear', text: '仍不明确' })).toMatchObject({ ok: false, code: 'UNCLEAR_WITHOUT_SUPPLEMENT' });
  expect(await cloud.store.collection('reviews').count({ subjectId: fresh.id })).toBe(0);

  // Deadlines keep running during review (Art. 33): a week later fewer working days are left.
  later(7);
  const meanwhile = ok(await call('resident-a', 'requests', 'get', { id: request.id }));
  expect(meanwhile.status).toBe('registered');
  expect(meanwhile.workingDaysLeft).toBeLessThan(seen.workingDaysLeft);
  expect(meanwhile.dueOn).toBe(seen.dueOn);
});

test('sent back to the clerk with the comment, corrected, approved by another reviewer: issued then, the resident told then', async () => {
  const request = await registered();
  const first = ok(await call(clerk, 'requests', 'reply', { id: request.id, version: request.version, category: 'disclosed', text: '予以公开。' }));
  const item = ok(await call(reviewer, 'reviews', 'get', { id: first.reviewId }));
  // The clerk, not a reviewer, cannot decide; a reviewer sends it back with the comment.
  expect(await call(clerk, 'reviews', 'sendBack', { id: item.id, version: item.version, comment: '请写明提供的文件名称。' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  ok(await call(reviewer, 'reviews', 'sendBack', { id: item.id, version: item.version, comment: '请写明提供的文件名称。' }));
  expect(ok(await call(clerk, 'reviews', 'get', { id: first.reviewId }))).toMatchObject({ status: 'sentBack', comment: '请写明提供的文件名称。', reviewerName: '孙静' });
  expect((await cloud.store.collection('requests').get(request.id))!).toMatchObject({ status: 'registered', version: request.version });
  const newsBefore = await requestNews(request.id);

  later(1);
  const second = ok(await call(clerk, 'requests', 'reply', { id: request.id, version: request.version, category: 'disclosed', text: '现提供《老旧小区改造项目招标文件》。' }));
  expect(second.reviewId).not.toBe(first.reviewId);
  // The queue names the letter; its text, addressed to the applicant, is read on the item's own page, which is audited.
  const listed = ok(await call(reviewer, 'reviews', 'queue', {})).items.find((i: { id: string }) => i.id === second.reviewId);
  expect(listed).toMatchObject({ reference: request.trackingNumber, text: { title: expect.stringContaining('告知书') } });
  expect(JSON.stringify(listed)).not.toContain('现提供');
  expect(JSON.stringify(ok(await call(clerk, 'reviews', 'forSubject', { subjectId: request.id })))).not.toContain('现提供');
  const pending = ok(await call(reviewer, 'reviews', 'get', { id: second.reviewId }));
  expect(pending.text.body).toContain('现提供《老旧小区改造项目招标文件》。');

  later(2);
  ok(await call(reviewer, 'reviews', 'approve', { id: pending.id, version: pending.version }));
  const replied = (await cloud.store.collection('requests').get(request.id))!;
  expect(replied.status).toBe('replied');
  // Issued on the day of approval, exactly the letter reviewed.
  const letter = replied.letters!.filter((l) => l.kind === 'reply').at(-1)!;
  expect({ title: letter.title, body: letter.paragraphs.join('\n\n') }).toEqual(pending.text);
  expect(letter.date).toBe('2026-11-26');
  expect(await requestNews(request.id)).toBe(newsBefore + 1);
  expect(await cloud.store.collection('outbox').count({ subjectId: request.id, cause: 'requestReplied' })).toBe(1);

  // Both names on the record; the resident sees neither.
  const staffView = ok(await call(clerk, 'requests', 'manageGet', { id: request.id }));
  expect(staffView.timeline.at(-1)).toMatchObject({ kind: 'replied', actorName: '李华', reviewerName: '孙静' });
  const residentView = ok(await call('resident-a', 'requests', 'get', { id: request.id }));
  expect(residentView.timeline.at(-1)).toMatchObject({ kind: 'replied', actorName: null, reviewerName: null });
  expect(JSON.stringify(residentView)).not.toMatch(/孙静|李华|demo-reviewer|demo-clerk/);
  const events = (await cloud.store.collection('events').find({ where: { subjectId: request.id }, orderBy: [['at', 'asc']], limit: 50 })).items;
  expect(events.find((e) => e.action === 'replied')).toMatchObject({ actor: clerk, detail: expect.stringContaining('经孙静审核') });
  const reviewEvents = (await cloud.store.collection('events').find({ where: { subjectId: pending.id }, orderBy: [['at', 'asc']], limit: 5 })).items;
  expect(reviewEvents.map((e) => e.action)).toEqual(['submitted', 'approved']);
  expect(reviewEvents[1].detail).toContain('提交人：李华；审核人：孙静');
});

test('nobody approves their own letter; what changed during review is not issued', async () => {
  // demo-admin handles requests and reviews: their own reply waits for someone else.
  const own = await registered();
  const mine = ok(await call('demo-admin', 'requests', 'reply', { id: own.id, version: own.version, category: 'disclosed', text: '予以公开。' }));
  const item = ok(await call('demo-admin', 'reviews', 'get', { id: mine.reviewId }));
  expect(await call('demo-admin', 'reviews', 'approve', { id: item.id, version: item.version })).toMatchObject({ ok: false, code: 'SELF_REVIEW' });
  expect((await cloud.store.collection('requests').get(own.id))!.status).toBe('registered');

  // The applicant withdraws while the reply waits: approval is refused, nothing issued.
  const withdrawn = await registered();
  const pending = ok(await call(clerk, 'requests', 'reply', { id: withdrawn.id, version: withdrawn.version, category: 'disclosed', text: '予以公开。' }));
  ok(await call('resident-a', 'requests', 'withdraw', { id: withdrawn.id, version: withdrawn.version }));
  const stale = ok(await call(reviewer, 'reviews', 'get', { id: pending.reviewId }));
  expect(await call(reviewer, 'reviews', 'approve', { id: stale.id, version: stale.version })).toMatchObject({ ok: false, code: 'VERSION_CONFLICT' });
  expect((await cloud.store.collection('requests').get(withdrawn.id))!.reply ?? null).toBeNull();

  // The reply template edited while the letter waits: the letter that would go out is not the one reviewed.
  const edited = await registered();
  const waiting = ok(await call(clerk, 'requests', 'reply', { id: edited.id, version: edited.version, category: 'disclosed', text: '予以公开。' }));
  const template = ok(await call('demo-admin', 'letterTemplates', 'list', {})).find((t: { key: string }) => t.key === 'disclose');
  ok(await call('demo-admin', 'letterTemplates', 'save', { key: 'disclose', version: template.version, title: template.title, paragraphs: [...template.paragraphs.slice(0, -1), '{remedies}', '特此告知。'] }));
  const changed = ok(await call(reviewer, 'reviews', 'get', { id: waiting.reviewId }));
  expect(await call(reviewer, 'reviews', 'approve', { id: changed.id, version: changed.version })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  expect((await cloud.store.collection('requests').get(edited.id))!.status).toBe('registered');
  ok(await call(reviewer, 'reviews', 'sendBack', { id: changed.id, version: changed.version, comment: '模板已修改，请重新提交。' }));
});

test('closing and extending wait too once an admin requires it; switched off, they take effect at once', async () => {
  const toExtend = await registered();
  const toClose = await registered();
  // The defaults: extending and closing are immediate.
  expect(ok(await call(clerk, 'requests', 'extend', { id: toExtend.id, version: toExtend.version, workingDays: 10, approver: '王主任', reason: '需调取档案' })).status).toBe('registered');
  expect(await cloud.store.collection('reviews').count({ subjectId: toExtend.id })).toBe(0);

  await requireReview(['notice.publish', 'request.reply', 'request.close', 'request.extend']);
  const other = await registered();
  const extension = ok(await call(clerk, 'requests', 'extend', { id: other.id, version: other.version, workingDays: 10, approver: '王主任', reason: '需调取档案' }));
  expect(extension).toEqual({ pendingReview: true, reviewId: expect.any(String) });
  expect((await cloud.store.collection('requests').get(other.id))!.extension ?? null).toBeNull();
  const closure = ok(await call(clerk, 'requests', 'close', { id: toClose.id, version: toClose.version, category: 'other.other', reason: '属于信访事项，已转信访部门', basis: '第三十九条第二款' }));
  expect((await cloud.store.collection('requests').get(toClose.id))!.status).toBe('registered');
  expect(await requestNews(toClose.id)).toBe(0);

  const extensionItem = ok(await call(reviewer, 'reviews', 'get', { id: extension.reviewId }));
  expect(extensionItem).toMatchObject({ kind: 'request.extend', text: { title: '政府信息公开申请延期答复告知书' } });
  expect(extensionItem.text.body).toContain('需调取档案');
  ok(await call(reviewer, 'reviews', 'approve', { id: extensionItem.id, version: extensionItem.version }));
  expect((await cloud.store.collection('requests').get(other.id))!.extension).toMatchObject({ workingDays: 10, approver: '王主任' });
  expect(await cloud.store.collection('outbox').count({ subjectId: other.id, cause: 'extended' })).toBe(1);

  const closureItem = ok(await call(reviewer, 'reviews', 'get', { id: closure.reviewId }));
  expect(closureItem.kind).toBe('request.close');
  ok(await call(reviewer, 'reviews', 'approve', { id: closureItem.id, version: closureItem.version }));
  expect((await cloud.store.collection('requests').get(toClose.id))!.status).toBe('closed');
  expect(await cloud.store.collection('outbox').count({ subjectId: toClose.id, cause: 'requestClosed' })).toBe(1);

  await requireReview([]);
  const direct = await registered();
  expect(ok(await call(clerk, 'requests', 'reply', { id: direct.id, version: direct.version, category: 'disclosed', text: '予以公开。' })).status).toBe('replied');
});
