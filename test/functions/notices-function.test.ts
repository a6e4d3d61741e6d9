import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement, guide, policy, publicity } from '../support/factories';

/** The notices function end to end over real SQLite: what staff do and what residents then see. */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness();
});
afterEach(() => cloud.close());

const editor = 'demo-editor';
const save = (data: unknown, as = editor) => cloud.call(as, 'notices', { action: 'save', data });
const publish = (id: string, version: number) => cloud.call(editor, 'notices', { action: 'publish', data: { id, version } });
const withdraw = (id: string, version: number, reason = '信息有误，撤回更正') =>
  cloud.call(editor, 'notices', { action: 'withdraw', data: { id, version, reason } });
const residentList = async (data: object = {}) => ok(await cloud.call('resident-a', 'notices', { action: 'list', data })).items as any[];
const eventsOf = async (id: string) =>
  (await cloud.store.collection('events').find({ where: { subjectId: id }, orderBy: [['at', 'asc']], limit: 50 })).items;

test('a saved notice is a draft: staff see it, residents do not', async () => {
  const draft = ok(await save({ notice: announcement({ title: '新草稿' }) }));
  expect(draft).toMatchObject({ status: 'draft', version: 1, departmentName: '局办公室', createdBy: editor, publishedAt: null });
  expect((await residentList()).map((n) => n.title)).not.toContain('新草稿');
  expect(await cloud.call('resident-a', 'notices', { action: 'get', data: { id: draft.id } })).toMatchObject({ ok: false, code: 'NOTICE_NOT_FOUND' });
  const staffView = ok(await cloud.call(editor, 'notices', { action: 'manageList', data: { status: 'draft' } }));
  expect(staffView.items.map((n: any) => n.title)).toContain('新草稿');
});

test('publishing makes it the newest notice for residents, with its publish time', async () => {
  cloud.clock.now = new Date('2026-11-24T08:30:00Z');
  const draft = ok(await save({ notice: announcement({ title: '刚发布的通知' }) }));
  const published = ok(await publish(draft.id, draft.version));
  expect(published).toMatchObject({ status: 'published', version: 2, publishedAt: '2026-11-24T08:30:00.000Z' });
  const list = await residentList();
  expect(list[0]).toMatchObject({ id: draft.id, title: '刚发布的通知', publishedAt: '2026-11-24T08:30:00.000Z' });
  expect(list[0]).not.toHaveProperty('body');
  expect(ok(await cloud.call(null, 'notices', { action: 'get', data: { id: draft.id } })).body).toBe('这是正文。');
});

test('withdrawing hides it from residents but keeps it, with the reason, for staff', async () => {
  const draft = ok(await save({ notice: announcement({ title: '将被撤回' }) }));
  const published = ok(await publish(draft.id, draft.version));
  const withdrawn = ok(await withdraw(published.id, published.version, '报名时间有误'));
  expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawReason: '报名时间有误' });
  expect((await residentList()).map((n) => n.id)).not.toContain(draft.id);
  expect(ok(await cloud.call(editor, 'notices', { action: 'manageGet', data: { id: draft.id } })).status).toBe('withdrawn');
  // Re-publishing after a correction is allowed and clears the withdrawal.
  const again = ok(await publish(draft.id, withdrawn.version));
  expect(again).toMatchObject({ status: 'published', withdrawReason: null, withdrawnAt: null });
});

test('every step is an event with who, when and what (条例 Art. 45)', async () => {
  cloud.clock.now = new Date('2026-11-24T01:00:00Z');
  const draft = ok(await save({ notice: announcement() }));
  cloud.clock.now = new Date('2026-11-24T02:00:00Z');
  const edited = ok(await save({ id: draft.id, version: draft.version, notice: announcement({ title: '改过的标题' }) }));
  cloud.clock.now = new Date('2026-11-24T03:00:00Z');
  const published = ok(await publish(edited.id, edited.version));
  await withdraw(published.id, published.version, '撤回原因');
  const events = await eventsOf(draft.id);
  expect(events.map((e) => [e.action, e.actor, e.at])).toEqual([
    ['created', editor, '2026-11-24T01:00:00.000Z'],
    ['updated', editor, '2026-11-24T02:00:00.000Z'],
    ['published', editor, '2026-11-24T03:00:00.000Z'],
    ['withdrawn', editor, '2026-11-24T03:00:00.000Z'],
  ]);
  expect(events[3].detail).toBe('撤回原因');
});

test('two editors saving the same version: the second is told, nothing is overwritten', async () => {
  const draft = ok(await save({ notice: announcement() }));
  ok(await save({ id: draft.id, version: 1, notice: announcement({ title: '甲的修改' }) }));
  const second = await save({ id: draft.id, version: 1, notice: announcement({ title: '乙的修改' }) }, 'demo-admin');
  expect(second).toMatchObject({ ok: false, code: 'VERSION_CONFLICT', message: '内容已被他人修改，请刷新后重试' });
  const stored = ok(await cloud.call(editor, 'notices', { action: 'manageGet', data: { id: draft.id } }));
  expect(stored).toMatchObject({ title: '甲的修改', version: 2 });
  expect((await eventsOf(draft.id)).map((e) => e.action)).toEqual(['created', 'updated']);
});

test('publishing twice or withdrawing a draft is refused with a reason', async () => {
  const draft = ok(await save({ notice: announcement() }));
  expect(await withdraw(draft.id, draft.version)).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '只有已发布的信息才能撤回' });
  const published = ok(await publish(draft.id, draft.version));
  expect(await publish(published.id, published.version)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  expect((await eventsOf(draft.id)).map((e) => e.action)).toEqual(['created', 'published']);
});

test('an unknown department or notice is a clear error', async () => {
  expect(await save({ notice: announcement({ departmentId: 'nope' }) })).toMatchObject({
    ok: false,
    code: 'VALIDATION_FAILED',
    fields: { 'notice.departmentId': '请选择有效的发布部门' },
  });
  expect(await publish('missing-id', 1)).toMatchObject({ ok: false, code: 'NOTICE_NOT_FOUND' });
  expect(await save({ id: 'missing-id', version: 1, notice: announcement() })).toMatchObject({ ok: false, code: 'NOTICE_NOT_FOUND' });
});

test('each kind keeps its own fields, and a change of kind drops the old ones', async () => {
  const kinds = [publicity(), policy(), guide()];
  for (const content of kinds) {
    const saved = ok(await save({ notice: content }));
    expect(saved).toMatchObject(content as object);
  }
  const p = ok(await save({ notice: policy() }));
  const changed = ok(await save({ id: p.id, version: p.version, notice: announcement() }));
  expect(changed.kind).toBe('announcement');
  expect(changed).not.toHaveProperty('docNumber');
  expect(changed).not.toHaveProperty('validity');
  expect(changed.createdAt).toBe(p.createdAt);
});

test('a period that ends before it starts is refused on the end field', async () => {
  const result = await save({ notice: publicity({ period: { start: '2026-12-01', end: '2026-11-30' } }) });
  expect(result).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { 'notice.period.end': '结束日期不能早于开始日期' } });
});

test('editing requires both id and version', async () => {
  const draft = ok(await save({ notice: announcement() }));
  expect(await save({ id: draft.id, notice: announcement() })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { version: expect.any(String) } });
});

test('residents filter by kind and department, newest first', async () => {
  const policies = await residentList({ kind: 'policy' });
  expect(policies.map((n) => n.title)).toEqual(['云溪区既有住宅加装电梯管理办法', '云溪区物业服务收费管理办法', '云溪区物业服务收费管理暂行办法']);
  expect(policies[0]).toMatchObject({ docNumber: '云建发〔2026〕12号', validity: 'inForce' });
  const housing = await residentList({ departmentId: 'housing' });
  expect(housing.every((n) => n.departmentId === 'housing')).toBe(true);
  expect(housing).toHaveLength(1);
});

test('whoami says who the server thinks you are', async () => {
  expect(ok(await cloud.call(null, 'session', { action: 'whoami' }))).toEqual({ openid: null, isStaff: false, staff: null, devSignIn: true });
  expect(ok(await cloud.call('resident-a', 'session', { action: 'whoami', data: {} }))).toMatchObject({ openid: 'resident-a', isStaff: false });
  expect(ok(await cloud.call('demo-admin', 'session', { action: 'whoami', data: {} }))).toMatchObject({
    isStaff: true,
    staff: { name: '张敏', roles: ['admin', 'reviewer'] },
  });
});

test('departments come in the bureau\'s order', async () => {
  const departments = ok(await cloud.call(null, 'directory', { action: 'departments', data: {} }));
  expect(departments.map((d: any) => d.name)).toEqual(['局办公室', '政策法规科', '行政审批科', '住房保障科', '房地产市场监管科', '建筑业管理科']);
});
