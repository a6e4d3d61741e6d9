import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import type { Store } from '../../cloudfunctions/_runtime/store/port';
import { OUTBOX } from '../../cloudfunctions/_notifications/records';
import { SCAN_EVERY_MS } from '../../cloudfunctions/_jobs/job-turn';
import { closeLapsedSupplements } from '../../cloudfunctions/requests/close-lapsed-supplements';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { dispatchAll } from '../support/notifications-fixture';
import { application, enteredApplication } from '../support/request-factories';
import type { CollectionName } from '../../cloudfunctions/_runtime/collections';

/**
 * Art. 30: no supplement in time closes the request as 其他处理 1
 * (`other.noSupplement`) by itself, through the dispatcher's loop.
 *
 * Pinned dates: asked on Tue 2026-09-29 for 4 working days → 09-30, (国庆
 * 10-01…10-07 off) 10-08, 10-09, and the make-up Saturday 10-10: the last day
 * is 2026-10-10. Three working days are then left for written supplements to be
 * typed in (10-12, 10-13, 10-14); it closes at midnight Beijing time after
 * 10-14 (16:00 UTC).
 */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness({ now: new Date('2026-09-28T02:00:00Z') });
});
afterEach(() => cloud.close());

const LAST_DAY_LATE = new Date('2026-10-10T15:50:00Z'); // 23:50 on 10-10 in Beijing, one scan interval before midnight
const GRACE_LAST_LATE = new Date('2026-10-14T15:50:00Z'); // 23:50 on 10-14, the last day left for entering a written supplement
const NEXT_DAY = new Date('2026-10-14T16:00:00Z'); // 00:00 on 10-15 in Beijing: it closes

async function askedForSupplement(): Promise<{ id: string; version: number }> {
  const submitted = ok(await cloud.call('resident-a', 'requests', { action: 'submit', data: application() }));
  const registered = ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: submitted.id, version: submitted.version } }));
  cloud.clock.now = new Date('2026-09-29T02:00:00Z');
  const asked = ok(
    await cloud.call('demo-clerk', 'requests', {
      action: 'askSupplement',
      data: { id: registered.id, version: registered.version, items: ['请写明所需文件的名称或文号'], workingDays: 4 },
    }),
  );
  expect(asked.supplement.deadlineOn).toBe('2026-10-10');
  return asked;
}

const record = async (id: string) => (await cloud.store.collection('requests').get(id))!;
const eventsOf = async (id: string) =>
  (await cloud.store.collection('events').find({ where: { subjectId: id }, orderBy: [['at', 'asc']], limit: 50 })).items;
const outboxOf = async (id: string) =>
  (await cloud.store.collection(OUTBOX).find({ where: { subjectId: id }, orderBy: [['createdAt', 'asc']], limit: 20 })).items;

test('open through the last day (a make-up Saturday) and the three working days after it; then closed as 其他处理 1, with event, letter and notification', async () => {
  const asked = await askedForSupplement();
  cloud.clock.now = LAST_DAY_LATE;
  await dispatchAll(cloud);
  expect((await record(asked.id)).status).toBe('supplementRequested');
  cloud.clock.now = GRACE_LAST_LATE;
  await dispatchAll(cloud);
  expect((await record(asked.id)).status).toBe('supplementRequested');

  cloud.clock.now = NEXT_DAY;
  await dispatchAll(cloud);
  const closed = await record(asked.id);
  expect(closed).toMatchObject({ status: 'closed', open: false, ending: { category: 'other.noSupplement', on: '2026-10-15' } });
  expect(closed.history.at(-1)).toMatchObject({ kind: 'closed', actor: 'system', actorOpenid: null });
  expect((await eventsOf(asked.id)).filter((e) => e.action === 'closed')).toEqual([
    expect.objectContaining({ actor: 'system', detail: expect.stringContaining('逾期未补正') }),
  ]);

  // The applicant reads it in the app: the timeline, the 终止处理告知书 with the remedies sentence, and 消息.
  const view = ok(await cloud.call('resident-a', 'requests', { action: 'get', data: { id: asked.id } }));
  expect(view.timeline.at(-1)).toMatchObject({ kind: 'closed', actor: 'system', actorName: null });
  const letter = view.letters.find((l: any) => l.kind === 'reply');
  expect(letter.title).toBe('政府信息公开申请终止处理告知书');
  expect(letter.paragraphs.join('\n')).toContain('您未在补正期限（2026-10-10）内补正申请');
  expect(letter.paragraphs.join('\n')).toContain('向云溪区人民政府申请行政复议');
  expect((await outboxOf(asked.id)).map((r) => r.cause)).toEqual(['supplementRequested', 'requestClosed']);
  const inbox = ok(await cloud.call('resident-a', 'inbox', { action: 'list', data: { limit: 50 } }));
  expect(inbox.items.filter((m: any) => m.link.id === asked.id).map((m: any) => m.title)).toContain('您的政府信息公开申请已办结');

  // Later runs find nothing more to do.
  cloud.clock.now = new Date(NEXT_DAY.getTime() + 2 * SCAN_EVERY_MS);
  await dispatchAll(cloud);
  expect((await eventsOf(asked.id)).filter((e) => e.action === 'closed')).toHaveLength(1);
  expect((await outboxOf(asked.id)).map((r) => r.cause)).toEqual(['supplementRequested', 'requestClosed']);
});

test('a supplement that arrives on the last day counts: the request stays open', async () => {
  const asked = await askedForSupplement();
  cloud.clock.now = LAST_DAY_LATE;
  ok(await cloud.call('resident-a', 'requests', { action: 'supplement', data: { id: asked.id, version: asked.version, text: '所需文件为云溪建〔2025〕12号' } }));
  cloud.clock.now = NEXT_DAY;
  await dispatchAll(cloud);
  expect(await record(asked.id)).toMatchObject({ status: 'registered', open: true, ending: null });
});

test('a letter application supplemented by post: staff record it with the day it arrived, and the runner leaves it open', async () => {
  const entered = ok(await cloud.call('demo-clerk', 'requests', { action: 'enter', data: enteredApplication({ receivedOn: '2026-09-28' }) }));
  cloud.clock.now = new Date('2026-09-29T02:00:00Z');
  const asked = ok(
    await cloud.call('demo-clerk', 'requests', { action: 'askSupplement', data: { id: entered.id, version: entered.version, items: ['请写明所需文件的名称或文号'], workingDays: 4 } }),
  );
  // The applicant's letter arrived on 10-09; the clerk types it in on 10-13, after the period ran out
  // but within the days the runner leaves for that: the request is still there to record it on.
  cloud.clock.now = new Date('2026-10-13T02:00:00Z');
  await dispatchAll(cloud);
  expect((await record(asked.id)).status).toBe('supplementRequested');
  const data = { id: asked.id, version: asked.version, text: '来信补正：所需文件为云溪建〔2025〕12号' };
  expect(await cloud.call('demo-clerk', 'requests', { action: 'recordSupplement', data: { ...data, receivedOn: '2026-10-11' } })).toMatchObject({ ok: false, code: 'SUPPLEMENT_OVERDUE' });
  expect(await cloud.call('demo-clerk', 'requests', { action: 'recordSupplement', data: { ...data, receivedOn: '2026-09-28' } })).toMatchObject({ ok: false, code: 'RECEIVED_DATE_INVALID' });
  const recorded = ok(await cloud.call('demo-clerk', 'requests', { action: 'recordSupplement', data: { ...data, receivedOn: '2026-10-09' } }));
  // Day zero is 10-09: 20 working days on (the make-up Saturday 10-10 counted) → 11-05.
  expect(recorded).toMatchObject({ status: 'registered', dueOn: '2026-11-05', supplement: { answer: { on: '2026-10-09' } } });
  expect(recorded.timeline.at(-1)).toMatchObject({ kind: 'supplemented', actor: 'staff', detail: expect.stringContaining('2026-10-09') });
  expect((await eventsOf(asked.id)).filter((e) => e.action === 'supplemented')).toEqual([expect.objectContaining({ actor: 'demo-clerk' })]);
  await dispatchAll(cloud);
  expect(await record(asked.id)).toMatchObject({ status: 'registered', open: true, ending: null });
});

test('two runners at once close it once', async () => {
  const asked = await askedForSupplement();
  const run = () => closeLapsedSupplements(cloud.store, NEXT_DAY, silentLogger);
  const counts = await Promise.all([run(), run()]);
  expect(counts.filter((n) => n > 0)).toHaveLength(1);
  // A runner whose scan turn comes later finds it closed already.
  expect(await closeLapsedSupplements(cloud.store, new Date(NEXT_DAY.getTime() + SCAN_EVERY_MS), silentLogger)).toBe(0);
  expect((await eventsOf(asked.id)).filter((e) => e.action === 'closed')).toHaveLength(1);
  expect((await outboxOf(asked.id)).filter((r) => r.cause === 'requestClosed')).toHaveLength(1);
});

test('a clerk acting between the scan and the closure wins: nothing is overwritten', async () => {
  const asked = await askedForSupplement();
  cloud.clock.now = NEXT_DAY;
  // The clerk closes it (其他处理 3) just after the runner read the request.
  let clerkActed = false;
  const racing: Store = {
    transaction: (work) => cloud.store.transaction(work),
    collection: <N extends CollectionName>(name: N) => {
      const inner = cloud.store.collection(name);
      if (name !== 'requests') return inner;
      return {
        ...inner,
        get: (id: string) => inner.get(id),
        insert: (r: any) => inner.insert(r),
        update: (id: string, v: number, p: any) => inner.update(id, v, p),
        count: (w?: any) => inner.count(w),
        find: async (options: any) => {
          const page = await inner.find(options);
          if (!clerkActed) {
            clerkActed = true;
            ok(await cloud.call('demo-clerk', 'requests', { action: 'close', data: { id: asked.id, version: asked.version, category: 'other.other', reason: '申请人来电表示不再需要', basis: '第二十九条' } }));
          }
          return page;
        },
      };
    },
  };
  expect(await closeLapsedSupplements(racing, NEXT_DAY, silentLogger)).toBe(0);
  expect(clerkActed).toBe(true);
  const after = await record(asked.id);
  expect(after.ending).toMatchObject({ category: 'other.other', reason: '申请人来电表示不再需要' });
  expect((await eventsOf(asked.id)).filter((e) => e.action === 'closed').map((e) => e.actor)).toEqual(['demo-clerk']);
});
