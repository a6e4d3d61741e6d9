import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { dispatchAll } from '../support/notifications-fixture';
import { application } from '../support/request-factories';

/**
 * Art. 30 treats as withdrawn only a supplement late *without good reason* (无正当理由逾期不补正). A
 * clerk may accept a late supplement with the reason recorded, before the automatic closure or
 * after it; a request closed as other.noSupplement is then reopened, and its timeline keeps both.
 *
 * Pinned dates (as in the lapsed-supplements suite): asked Tue 2026-09-29 for 4 working days → the
 * last day is the make-up Saturday 2026-10-10; the system closes it from 10-15 (three working days of
 * grace for typing in written supplements).
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

async function askedForSupplement(): Promise<{ id: string; version: number }> {
  const submitted = ok(await cloud.call('resident-a', 'requests', { action: 'submit', data: application() }));
  const registered = ok(await clerk('register', { id: submitted.id, version: submitted.version }));
  cloud.clock.now = at('2026-09-29');
  const asked = ok(await clerk('askSupplement', { id: registered.id, version: registered.version, items: ['请写明所需文件的名称或文号'], workingDays: 4 }));
  expect(asked.supplement.deadlineOn).toBe('2026-10-10');
  return asked;
}

test('a late supplement without a reason is refused, saying a good reason may be given; with one it is accepted before the closure', async () => {
  const asked = await askedForSupplement();
  cloud.clock.now = at('2026-10-13');
  const late = { id: asked.id, version: asked.version, receivedOn: '2026-10-12', text: '来信补正：所需为2025年度的招标文件。' };
  expect(await clerk('recordSupplement', late)).toMatchObject({
    ok: false,
    code: 'SUPPLEMENT_OVERDUE',
    message: '补正材料收到之日晚于补正期限（2026-10-10）；申请人有正当理由的，请填写逾期理由',
  });
  // A reason for a supplement that was in time is refused too: it would record a lateness that never was.
  expect(await clerk('recordSupplement', { ...late, receivedOn: '2026-10-10', lateReason: '住院' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });

  const accepted = ok(await clerk('recordSupplement', { ...late, lateReason: '申请人国庆期间住院治疗，有医院证明' }));
  expect(accepted).toMatchObject({ status: 'registered', supplement: { answer: { on: '2026-10-12', lateReason: '申请人国庆期间住院治疗，有医院证明' } } });
  // The clock restarts from the day the supplement arrived: 20 working days from 10-12.
  expect(accepted.dueExplanation.summary).toContain('自收到补正之日（2026-10-12）');
  expect(accepted.timeline.at(-1).detail).toContain('逾期补正有正当理由（条例第三十条）：申请人国庆期间住院治疗，有医院证明');
  // Nothing left for the closing job.
  cloud.clock.now = at('2026-10-16');
  await dispatchAll(cloud);
  expect((await cloud.store.collection('requests').get(asked.id))!.status).toBe('registered');
});

test('after the automatic closure: the late supplement with its reason reopens the request; the timeline keeps the closure and the reopening', async () => {
  const asked = await askedForSupplement();
  cloud.clock.now = at('2026-10-16');
  await dispatchAll(cloud);
  const closed = ok(await clerk('manageGet', { id: asked.id }));
  expect(closed).toMatchObject({ status: 'closed', ending: { category: 'other.noSupplement' }, allowed: expect.arrayContaining(['recordSupplement']) });

  const reopened = ok(
    await clerk('recordSupplement', { id: asked.id, version: closed.version, receivedOn: '2026-10-15', text: '来信补正：所需为2025年度的招标文件。', lateReason: '邮寄途中延误，邮戳为10月9日' }),
  );
  expect(reopened).toMatchObject({ status: 'registered', ending: null, supplement: { answer: { on: '2026-10-15', lateReason: '邮寄途中延误，邮戳为10月9日' } } });
  expect(reopened.dueOn).toMatch(/^2026-11-/);
  expect(reopened.allowed).toEqual(expect.arrayContaining(['reply']));
  const kinds = reopened.timeline.map((t: { kind: string }) => t.kind);
  expect(kinds.slice(-2)).toEqual(['closed', 'reopened']);
  expect(reopened.timeline.at(-1).detail).toMatch(/原以逾期未补正终止处理（2026-10-16）.*恢复办理/);
  const stored = (await cloud.store.collection('requests').get(asked.id))!;
  expect(stored).toMatchObject({ open: true, status: 'registered', ending: null });
  const events = (await cloud.store.collection('events').find({ where: { subjectId: asked.id }, orderBy: [['at', 'asc']], limit: 50 })).items.map((e) => e.action);
  expect(events).toEqual(expect.arrayContaining(['closed', 'reopened']));

  // The applicant is told in 消息, and reads the same timeline (without the clerk's name).
  await dispatchAll(cloud);
  const inbox = ok(await cloud.call('resident-a', 'inbox', { action: 'list', data: { limit: 20 } })).items as Array<{ title: string; link: { id: string } }>;
  expect(inbox.filter((m) => m.link.id === asked.id).map((m) => m.title)).toContain('您的政府信息公开申请已恢复办理');
  const mine = ok(await cloud.call('resident-a', 'requests', { action: 'get', data: { id: asked.id } }));
  expect(mine.timeline.map((t: { kind: string }) => t.kind).slice(-2)).toEqual(['closed', 'reopened']);
  expect(mine.timeline.every((t: { actorName: string | null }) => t.actorName === null)).toBe(true);

  // The termination letter was sent: the reply that follows is added beside it, not over it.
  expect(mine.letters.map((l: { title: string }) => l.title)).toEqual(['政府信息公开申请补正告知书', '政府信息公开申请终止处理告知书']);
  const replied = ok(await clerk('reply', { id: asked.id, version: reopened.version, category: 'disclosed', text: '予以公开，见附件。' }));
  expect(replied.letters.map((l: { title: string }) => l.title)).toEqual(['政府信息公开申请补正告知书', '政府信息公开申请终止处理告知书', '政府信息公开申请答复告知书']);
});

test('a request closed for another reason is not reopened by a supplement', async () => {
  const asked = await askedForSupplement();
  const closed = ok(await clerk('close', { id: asked.id, version: asked.version, category: 'other.other', reason: '申请人书面撤回', basis: '第二十九条' }));
  expect(await clerk('recordSupplement', { id: asked.id, version: closed.version, receivedOn: '2026-09-29', text: '补正。' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
});
