import { OUTBOX } from '../../cloudfunctions/_notifications/records';
import { publishDueNotices } from '../../cloudfunctions/notices/publish-due-notices';
import type { FindOptions, Store } from '../../cloudfunctions/_runtime/store/port';
import { NOTICE_VERSIONS } from '../../shared/notices/notice-versions';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';
import { dispatchAll } from '../support/notifications-fixture';
import type { CollectionName } from '../../cloudfunctions/_runtime/collections';

/** The staff editor over real SQLite: every version kept with its diff, and scheduled publishing. */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness({ now: new Date('2026-11-24T02:00:00Z') });
});
afterEach(() => cloud.close());

const editor = 'demo-editor';
const notices = (action: string, data: unknown, as: string | null = editor) => cloud.call(as, 'notices', { action, data });
const eventsOf = async (id: string) =>
  (await cloud.store.collection('events').find({ where: { subjectId: id }, orderBy: [['at', 'asc']], limit: 50 })).items;
const outboxOf = async (id: string) =>
  (await cloud.store.collection(OUTBOX).find({ where: { subjectId: id }, orderBy: [['createdAt', 'asc']], limit: 10 })).items;
const residentTitles = async () => ok(await notices('list', {}, 'resident-a')).items.map((n: any) => n.title);
const at = (iso: string) => {
  cloud.clock.now = new Date(iso);
};

describe('edit history', () => {
  test('save, edit, publish and withdraw each keep a whole version; the list is newest first, with who and what', async () => {
    const draft = ok(await notices('save', { notice: announcement({ title: '停水通知', body: '第一段。\n本周六9:00至17:00停水。' }) }));
    at('2026-11-24T03:00:00Z');
    const edited = ok(await notices('save', { id: draft.id, version: 1, notice: announcement({ title: '青禾路停水通知', body: '第一段。\n本周日9:00至17:00停水。' }) }));
    const published = ok(await notices('publish', { id: draft.id, version: edited.version }));
    at('2026-11-24T04:00:00Z');
    ok(await notices('withdraw', { id: draft.id, version: published.version, reason: '停水时间调整' }));

    const list = ok(await notices('versions', { id: draft.id }));
    expect(list.items.map((v: any) => [v.noticeVersion, v.action, v.status, v.title])).toEqual([
      [4, 'withdrawn', 'withdrawn', '青禾路停水通知'],
      [3, 'published', 'published', '青禾路停水通知'],
      [2, 'updated', 'draft', '青禾路停水通知'],
      [1, 'created', 'draft', '停水通知'],
    ]);
    expect(list.items[0]).toMatchObject({ actorName: '王芳', at: '2026-11-24T04:00:00.000Z', detail: '停水时间调整' });
    expect(list.items[0]).not.toHaveProperty('snapshot'); // the list reads no bodies

    // Version 2 against version 1: the title by character, the body by line with the changed character.
    const v2 = ok(await notices('versionDetail', { id: draft.id, version: 2 }));
    expect(v2.previousVersion).toBe(1);
    expect(v2.version.snapshot).toMatchObject({ title: '青禾路停水通知', body: '第一段。\n本周日9:00至17:00停水。', version: 2 });
    expect(v2.diff.title).toEqual([{ op: 'added', text: '青禾路' }, { op: 'same', text: '停水通知' }]);
    expect(v2.diff.body.map((l: any) => [l.op, l.text])).toEqual([
      ['same', '第一段。'],
      ['removed', '本周六9:00至17:00停水。'],
      ['added', '本周日9:00至17:00停水。'],
    ]);
    expect(v2.diff.body[2].parts.filter((p: any) => p.op === 'added')).toEqual([{ op: 'added', text: '日' }]);
    expect(v2.diff).toMatchObject({ otherFields: [], status: null });

    // The withdrawal: same text, the status changed, the reason kept with the version.
    const v4 = ok(await notices('versionDetail', { id: draft.id, version: 4 }));
    expect(v4.diff.status).toEqual({ before: 'published', after: 'withdrawn' });
    expect(v4.diff.body.every((l: any) => l.op === 'same')).toBe(true);
    expect(v4.version.snapshot).toMatchObject({ status: 'withdrawn', withdrawReason: '停水时间调整' });

    // The first version has nothing before it.
    expect(ok(await notices('versionDetail', { id: draft.id, version: 1 }))).toMatchObject({ previousVersion: null, diff: null });
  });

  test('a refused change keeps no version; unknown notices and versions are told apart', async () => {
    const draft = ok(await notices('save', { notice: announcement() }));
    expect(await notices('publish', { id: draft.id, version: 9 })).toMatchObject({ ok: false, code: 'VERSION_CONFLICT' });
    expect(await notices('withdraw', { id: draft.id, version: 1, reason: '草稿不能撤回' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await cloud.store.collection(NOTICE_VERSIONS).count({ noticeId: draft.id })).toBe(1);
    expect(await notices('versions', { id: 'no-such-notice' })).toMatchObject({ ok: false, code: 'NOTICE_NOT_FOUND' });
    expect(await notices('versionDetail', { id: draft.id, version: 7 })).toMatchObject({ ok: false, code: 'NOTICE_VERSION_NOT_FOUND' });
  });

  test('a demo notice was written on the change road: its history runs from creation, and its first correction shows what it changed', async () => {
    const seeded = (await cloud.store.collection('notices').find({ where: { status: 'published' }, orderBy: [['publishedAt', 'desc']], limit: 1 })).items[0];
    expect(ok(await notices('versions', { id: seeded.id })).items.map((v: any) => [v.noticeVersion, v.action])).toEqual([
      [2, 'published'],
      [1, 'created'],
    ]);
    const content = { kind: seeded.kind, title: `${seeded.title}（更正）`, summary: seeded.summary, body: seeded.body, departmentId: seeded.departmentId, attachments: seeded.attachments };
    ok(await notices('save', { id: seeded.id, version: seeded.version, notice: content }));
    const list = ok(await notices('versions', { id: seeded.id })).items;
    expect(list.map((v: any) => [v.noticeVersion, v.action])).toEqual([
      [seeded.version + 1, 'updated'],
      [seeded.version, 'published'],
      [1, 'created'],
    ]);
    expect(list[1]).toMatchObject({ actorName: '王芳', at: seeded.updatedAt, title: seeded.title });
    const detail = ok(await notices('versionDetail', { id: seeded.id, version: seeded.version + 1 }));
    expect(detail.diff.title).toEqual([{ op: 'same', text: seeded.title }, { op: 'added', text: '（更正）' }]);
  });
});

test('a withdrawn notice stays listed for staff with its reason; at its old link residents are told it was withdrawn and when, never why', async () => {
  const draft = ok(await notices('save', { notice: announcement({ title: '报名时间有误的通知' }) }));
  const published = ok(await notices('publish', { id: draft.id, version: draft.version }));
  ok(await notices('withdraw', { id: draft.id, version: published.version, reason: '报名时间有误，更正后重发' }));
  const listed = ok(await notices('manageList', { status: 'withdrawn' })).items.find((n: any) => n.id === draft.id);
  expect(listed).toMatchObject({ status: 'withdrawn', withdrawReason: '报名时间有误，更正后重发' });
  expect(ok(await notices('manageList', { status: 'published' })).items.every((n: any) => !('withdrawReason' in n))).toBe(true);
  const gone = await notices('get', { id: draft.id }, 'resident-a');
  expect(gone).toMatchObject({ ok: false, code: 'NOTICE_WITHDRAWN', message: expect.stringMatching(/^该信息已于 \d{4}-\d{2}-\d{2} 撤回，不再公开$/) });
  expect(JSON.stringify(gone)).not.toContain('报名时间有误');
  // A draft has never been public: its link is answered like one that does not exist.
  const never = ok(await notices('save', { notice: { kind: 'announcement', title: '从未发布', body: '正文', departmentId: 'office' } }));
  expect(await notices('get', { id: never.id }, 'resident-a')).toMatchObject({ ok: false, code: 'NOTICE_NOT_FOUND' });
  expect(await residentTitles()).not.toContain('报名时间有误的通知');
});

describe('scheduled publishing', () => {
  const NINE_AM_BEIJING = '2026-11-26T09:00:00+08:00';
  const NINE_AM_UTC = '2026-11-26T01:00:00.000Z';

  async function scheduledDraft(title = '定时发布的通知') {
    const draft = ok(await notices('save', { notice: announcement({ title }) }));
    const scheduled = ok(await notices('schedule', { id: draft.id, version: draft.version, publishAt: NINE_AM_BEIJING }));
    return scheduled;
  }

  test('staff set a time in Beijing; it is stored in UTC, listed as 定时发布, hidden from residents until then', async () => {
    const scheduled = await scheduledDraft();
    expect(scheduled).toMatchObject({ status: 'draft', scheduledAt: NINE_AM_UTC, scheduledBy: editor, version: 2 });
    const listed = ok(await notices('manageList', { scheduled: true })).items;
    expect(listed.map((n: any) => [n.id, n.status, n.scheduledAt])).toEqual([[scheduled.id, 'draft', NINE_AM_UTC]]);
    expect(await residentTitles()).not.toContain('定时发布的通知');
    const event = (await eventsOf(scheduled.id)).at(-1);
    expect(event).toMatchObject({ action: 'scheduled', actor: editor, detail: '定时于 2026-11-26 09:00（北京时间）发布' });
    expect(ok(await notices('versions', { id: scheduled.id })).items[0]).toMatchObject({ action: 'scheduled', noticeVersion: 2 });
  });

  test('not yet due: the runner leaves it; once due it publishes exactly as publish does, in the name of who set it', async () => {
    const scheduled = await scheduledDraft();
    ok(await cloud.call('resident-a', 'subscriptions', { action: 'subscribe', data: { kind: 'announcement' } }));

    expect(await publishDueNotices(cloud.store, new Date('2026-11-26T00:59:59.999Z'))).toBe(0);
    expect(await cloud.store.collection('notices').get(scheduled.id)).toMatchObject({ status: 'draft', version: 2 });
    expect(await outboxOf(scheduled.id)).toEqual([]);

    // The dispatcher's step runs it: at 09:00:30 Beijing time.
    at('2026-11-26T01:00:30Z');
    await dispatchAll(cloud);
    const stored = await cloud.store.collection('notices').get(scheduled.id);
    expect(stored).toMatchObject({ status: 'published', publishedAt: '2026-11-26T01:00:30.000Z', updatedBy: editor, version: 3 });
    expect(stored).not.toHaveProperty('scheduledAt');
    expect(await residentTitles()).toContain('定时发布的通知');
    const published = (await eventsOf(scheduled.id)).filter((e) => e.action === 'published');
    expect(published).toEqual([
      expect.objectContaining({ action: 'published', actor: editor, at: '2026-11-26T01:00:30.000Z', detail: '按设定时间 2026-11-26 09:00（北京时间）自动发布' }),
    ]);
    expect((await outboxOf(scheduled.id)).map((r) => [r.id, r.cause])).toEqual([[`np-${scheduled.id}`, 'noticePublished']]);
    const inbox = ok(await cloud.call('resident-a', 'inbox', { action: 'list', data: {} })).items;
    expect(inbox.map((m: any) => m.title)).toContain('定时发布的通知');
    expect(ok(await notices('versions', { id: scheduled.id })).items[0]).toMatchObject({ action: 'published', actorName: '王芳（定时发布）', status: 'published' });
    expect(ok(await notices('manageList', { scheduled: true })).items).toEqual([]);

    // Nothing left to do on the next pass.
    expect(await publishDueNotices(cloud.store, new Date('2026-11-26T02:00:00Z'))).toBe(0);
  });

  test('cancelled or moved before the time, it waits; the content can still be edited while scheduled', async () => {
    const scheduled = await scheduledDraft();
    const edited = ok(await notices('save', { id: scheduled.id, version: scheduled.version, notice: announcement({ title: '改过的定时通知' }) }));
    expect(edited.scheduledAt).toBe(NINE_AM_UTC);

    const moved = ok(await notices('schedule', { id: scheduled.id, version: edited.version, publishAt: '2026-11-27T09:00:00+08:00' }));
    expect(moved.scheduledAt).toBe('2026-11-27T01:00:00.000Z');
    expect(await publishDueNotices(cloud.store, new Date('2026-11-26T12:00:00Z'))).toBe(0);

    const cancelled = ok(await notices('unschedule', { id: scheduled.id, version: moved.version }));
    expect(cancelled).toMatchObject({ status: 'draft' });
    expect(cancelled).not.toHaveProperty('scheduledAt');
    expect(await publishDueNotices(cloud.store, new Date('2026-11-28T00:00:00Z'))).toBe(0);
    expect(await notices('unschedule', { id: scheduled.id, version: cancelled.version })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '该信息没有设定定时发布' });
    expect((await eventsOf(scheduled.id)).map((e) => e.action)).toEqual(['created', 'scheduled', 'updated', 'scheduled', 'unscheduled']);
  });

  test('publishing by hand ends the schedule; past times, far times and published notices are refused', async () => {
    const draft = ok(await notices('save', { notice: announcement() }));
    expect(await notices('schedule', { id: draft.id, version: 1, publishAt: '2026-11-24T09:59:00+08:00' })).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      fields: { publishAt: '请选择晚于现在的时间' },
    });
    expect(await notices('schedule', { id: draft.id, version: 1, publishAt: '2028-01-01T09:00:00+08:00' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await notices('schedule', { id: draft.id, version: 1, publishAt: '2026-11-26 09:00' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });

    const scheduled = ok(await notices('schedule', { id: draft.id, version: 1, publishAt: NINE_AM_BEIJING }));
    const now = ok(await notices('publish', { id: draft.id, version: scheduled.version }));
    expect(now.status).toBe('published');
    expect(now).not.toHaveProperty('scheduledAt');
    expect(await publishDueNotices(cloud.store, new Date('2026-11-27T00:00:00Z'))).toBe(0);
    expect((await eventsOf(draft.id)).filter((e) => e.action === 'published')).toHaveLength(1);
    expect(await notices('schedule', { id: draft.id, version: now.version, publishAt: NINE_AM_BEIJING })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  test('two runners at once publish it once: one event, one version, one outbox row', async () => {
    const scheduled = await scheduledDraft();
    // Both runners read the due list before either writes (a barrier on `find`), as two CloudBase timers might.
    const barrier = both<void>();
    const racing: Store = {
      collection: <N extends CollectionName>(name: N) => {
        const real = cloud.store.collection(name);
        if (name !== 'notices') return real;
        return Object.assign(Object.create(real), {
          find: async (options: FindOptions) => {
            const page = await real.find(options);
            await barrier();
            return page;
          },
        });
      },
      transaction: (work) => cloud.store.transaction(work),
    };
    const when = new Date('2026-11-26T01:00:00Z');
    const counts = await Promise.all([publishDueNotices(racing, when), publishDueNotices(racing, when)]);
    expect(counts.sort()).toEqual([0, 1]);
    expect((await eventsOf(scheduled.id)).filter((e) => e.action === 'published')).toHaveLength(1);
    expect(await cloud.store.collection(NOTICE_VERSIONS).count({ noticeId: scheduled.id, action: 'published' })).toBe(1);
    expect(await outboxOf(scheduled.id)).toHaveLength(1);
    expect(await cloud.store.collection('notices').get(scheduled.id)).toMatchObject({ status: 'published', version: 3 });
  });
});

/** A barrier for two: each caller waits until both have arrived. */
function both<T>(): () => Promise<T | void> {
  let arrived = 0;
  let release!: () => void;
  const open = new Promise<void>((resolve) => (release = resolve));
  return async () => {
    arrived += 1;
    if (arrived === 2) release();
    await open;
  };
}
