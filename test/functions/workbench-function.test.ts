import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';
import { application } from '../support/request-factories';

/**
 * 我的待办 over real SQLite: each figure is the same question the lists ask, counted for the
 * caller's roles and departments — what the home page says waits is what the queue then shows.
 */
let cloud: CloudHarness;
beforeAll(async () => {
  cloud = await createCloudHarness({ review: true });
});
afterAll(() => cloud.close());

const call = (as: string | null, fn: string, action: string, data: unknown) => cloud.call(as, fn, { action, data });
const todo = async (as: string) => ok(await call(as, 'workbench', 'todo', {}));

test('the request counts agree with the queue the clerk opens next', async () => {
  const before = await todo('demo-clerk');
  const submit = async () => ok(await call('resident-a', 'requests', 'submit', application()));
  await submit(); // waits for registration
  // Received long ago: overdue; received a little later: due within 3 working days.
  const today = cloud.clock.now;
  const receivedAt = async (iso: string) => {
    cloud.clock.now = new Date(iso);
    const r = await submit();
    ok(await call('demo-clerk', 'requests', 'register', { id: r.id, version: r.version }));
  };
  await receivedAt('2026-10-09T02:00:00Z');
  await receivedAt('2026-10-27T02:00:00Z');
  cloud.clock.now = today;

  const after = await todo('demo-clerk');
  expect(after.requests.awaitingRegistration).toBe(before.requests.awaitingRegistration + 1);
  expect(after.requests.overdue).toBeGreaterThan(before.requests.overdue);

  // The queue's own marks, over every open request of the clerk's departments.
  const rows: any[] = [];
  let cursor: string | null = null;
  do {
    const page: any = ok(await call('demo-clerk', 'requests', 'queue', { cursor, limit: 50 }));
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  expect(after.requests.overdue).toBe(rows.filter((r) => r.urgency === 'overdue').length);
  expect(after.requests.dueSoon).toBe(rows.filter((r) => r.urgency === 'dueSoon').length);
  expect(after.requests.dueSoon).toBeGreaterThan(0);
  expect(after.requests.awaitingSupplement).toBe(rows.filter((r) => r.status === 'supplementRequested').length);
  // The most urgent few, as the queue lists them (soonest due first), masked as there.
  const urgentRows = rows.filter((r) => r.urgency === 'overdue' || r.urgency === 'dueSoon').slice(0, 3);
  expect(after.requests.urgent).toEqual(urgentRows.map((r) => ({ id: r.id, trackingNumber: r.trackingNumber, subject: r.subject, dueOn: r.dueOn, workingDaysLeft: r.workingDaysLeft, urgency: r.urgency })));
  expect(after.requests.urgent[0].urgency).toBe('overdue');
  // Not a handler: no request section at all.
  expect((await todo('demo-editor')).requests).toBeNull();
});

test('reviews: the reviewer sees what they may decide; the author sees what was sent back until resubmitted', async () => {
  const draft = ok(await call('demo-editor', 'notices', 'save', { notice: announcement({ title: '待办里的通知' }) }));
  const { reviewId } = ok(await call('demo-editor', 'notices', 'publish', { id: draft.id, version: draft.version }));
  const reviewer = await todo('demo-reviewer');
  expect(reviewer.reviews.waiting).toBeGreaterThanOrEqual(1);
  expect(reviewer.reviews.oldestSubmittedAt).toBe(cloud.clock.now.toISOString());
  expect(reviewer.requests).toBeNull();
  expect((await todo('demo-editor')).reviews).toBeNull();

  const item = ok(await call('demo-reviewer', 'reviews', 'get', { id: reviewId }));
  ok(await call('demo-reviewer', 'reviews', 'sendBack', { id: item.id, version: item.version, comment: '请补充联系电话。' }));
  expect((await todo('demo-editor')).sentBack).toEqual([
    expect.objectContaining({ id: reviewId, kind: 'notice.publish', subjectId: draft.id, title: '待办里的通知', comment: '请补充联系电话。', reviewerName: '孙静' }),
  ]);
  expect((await todo('demo-reviewer')).reviews.waiting).toBe(reviewer.reviews.waiting - 1);

  const fixed = ok(await call('demo-editor', 'notices', 'save', { id: draft.id, version: draft.version, notice: announcement({ title: '待办里的通知', body: '联系电话 0571-8800 0000。' }) }));
  ok(await call('demo-editor', 'notices', 'publish', { id: fixed.id, version: fixed.version }));
  expect((await todo('demo-editor')).sentBack).toEqual([]);
  // The admin is a reviewer too, but their own submissions are not theirs to decide.
  const adminDraft = ok(await call('demo-admin', 'notices', 'save', { notice: announcement({ title: '管理员的通知' }) }));
  const adminBefore = (await todo('demo-admin')).reviews.waiting;
  ok(await call('demo-admin', 'notices', 'publish', { id: adminDraft.id, version: adminDraft.version }));
  expect((await todo('demo-admin')).reviews.waiting).toBe(adminBefore);
  expect((await todo('demo-reviewer')).reviews.waiting).toBe(adminBefore + 1);
});

test('scheduled notices and follow-ups reach those whose work they are', async () => {
  const draft = ok(await call('demo-editor', 'notices', 'save', { notice: announcement({ title: '定时发布的通知' }) }));
  const publishAt = new Date(cloud.clock.now.getTime() + 86_400_000).toISOString();
  // With 公开审查 on, a schedule is set by the reviewer's approval.
  const pending = ok(await call('demo-editor', 'notices', 'schedule', { id: draft.id, version: draft.version, publishAt }));
  const item = ok(await call('demo-reviewer', 'reviews', 'get', { id: pending.reviewId }));
  ok(await call('demo-reviewer', 'reviews', 'approve', { id: item.id, version: item.version }));
  const editor = await todo('demo-editor');
  expect(editor.scheduledNotices.count).toBeGreaterThanOrEqual(1);
  expect(editor.scheduledNotices.next <= publishAt).toBe(true);
  expect(editor.followUps).toBeNull();

  const officer = await todo('demo-rater');
  const listed = ok(await call('demo-rater', 'ratings', 'followUps', { limit: 50 })).items.filter((f: any) => f.status === 'open' || f.status === 'rectifying');
  expect(officer.followUps).toEqual({ open: listed.length, overdue: listed.filter((f: any) => f.overdue).length });
  expect(officer.scheduledNotices).toBeNull();
});

test('cases: an answerer counts what their 咨询投诉 queue lists, late and due soon as it marks them; a complaint only for admins and its assignee', async () => {
  const today = cloud.clock.now;
  const askOn = async (iso: string, data: Record<string, unknown> = {}) => {
    cloud.clock.now = new Date(iso);
    ok(await call('resident-a', 'inquiries', 'ask', { idempotencyKey: `key-todo-${iso.slice(0, 10)}`, kind: 'inquiry', topic: '物业', text: '物业费怎么收？', ...data }));
  };
  await askOn('2026-11-10T02:00:00Z'); // 5 working days: due 11-17, past
  await askOn('2026-11-19T02:00:00Z'); // due 11-26: within 3 working days
  await askOn('2026-11-24T01:00:00Z'); // due 12-01
  await askOn('2026-10-20T02:00:00Z', { kind: 'complaint' }); // 15 working days: late, and nobody's but the admins'
  cloud.clock.now = today;

  const rows = async (as: string) => ok(await call(as, 'inquiries', 'queue', { limit: 50 })).items as any[];
  for (const as of ['demo-clerk', 'demo-admin']) {
    const listed = await rows(as);
    expect((await todo(as)).inquiries).toEqual({ open: listed.length, overdue: listed.filter((r) => r.overdue).length, dueSoon: listed.filter((r) => r.dueSoon).length });
  }
  expect((await todo('demo-clerk')).inquiries).toEqual({ open: 3, overdue: 1, dueSoon: 1 });
  expect((await todo('demo-admin')).inquiries).toEqual({ open: 4, overdue: 2, dueSoon: 1 });
  expect((await todo('demo-editor')).inquiries).toBeNull();
});
