import { VersionConflictError, type Transaction } from '../../cloudfunctions/_runtime/store/port';
import { ERROR_CATALOGUE } from '../../shared/api/errors';
import { residentIdCheckChar } from '../../shared/requests/check-digits';
import { formatTrackingNumber } from '../../shared/requests/request-record';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { application, enteredApplication, freshKey } from '../support/request-factories';
import type { CollectionName } from '../../cloudfunctions/_runtime/collections';

let cloud: CloudHarness;
/** The demo seed has already taken some of 2026's numbers. */
let seeded: number;
beforeEach(async () => {
  cloud = await createCloudHarness({ now: new Date('2026-09-28T02:00:00Z') });
  seeded = (await cloud.store.collection('counters').get('requests-2026'))?.value ?? 0;
});
/** The tracking number `n` places after the seeded ones. */
const nth = (n: number) => formatTrackingNumber(2026, seeded + n);
afterEach(() => cloud.close());

const as = (openid: string | null, action: string, data: unknown = {}) => cloud.call(openid, 'requests', { action, data });
const events = async (subjectId: string) =>
  (await cloud.store.collection('events').find({ where: { subjectId }, orderBy: [['at', 'asc']], limit: 100 })).items;

describe('submit', () => {
  test('answers with a readable tracking number; the next one follows without a gap', async () => {
    const first = ok(await as('resident-a', 'submit', application()));
    const second = ok(await as('resident-b', 'submit', application()));
    expect(first).toMatchObject({ trackingNumber: nth(1), status: 'submitted', receivedOn: null, dueOn: null });
    expect(first.trackingNumber).toMatch(/^依申〔2026〕\d{6}号$/);
    expect(second.trackingNumber).toBe(nth(2));
    expect(await events(first.id)).toEqual([expect.objectContaining({ action: 'submitted', actor: 'resident-a' })]);
  });

  test('a retried submit with the same key returns the same request, not a second one', async () => {
    const input = application();
    const before = await cloud.store.collection('requests').count();
    const first = ok(await as('resident-a', 'submit', input));
    const again = ok(await as('resident-a', 'submit', input));
    expect(again.id).toBe(first.id);
    expect(await cloud.store.collection('requests').count()).toBe(before + 1);
    // The same key from someone else is their own submission.
    expect(ok(await as('resident-b', 'submit', input)).id).not.toBe(first.id);
    // The same key with different content is refused rather than merged.
    const changed = await as('resident-a', 'submit', { ...input, purpose: '改了' });
    expect(changed).toMatchObject({ ok: false, code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  test('twenty racing submits take twenty consecutive numbers', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => as(`resident-${i}`, 'submit', application())));
    const numbers = results.map((r) => ok(r).trackingNumber).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => nth(i + 1)).sort());
  });

  test('a lost counter race is retried, and the number stays gap-free', async () => {
    const real = cloud.store.transaction.bind(cloud.store);
    let conflicts = 1;
    cloud.store.transaction = (<R>(work: (tx: Transaction) => Promise<R>) =>
      real(async (tx) =>
        work({
          collection<N extends CollectionName>(name: N) {
            const inner = tx.collection(name);
            if (name !== 'counters') return inner;
            return {
              ...inner,
              get: inner.get.bind(inner),
              insert: inner.insert.bind(inner),
              update: async (id: string, version: number, patch: any) => {
                if (conflicts > 0) {
                  conflicts -= 1;
                  throw new VersionConflictError('counters', id);
                }
                return inner.update(id, version, patch);
              },
            };
          },
        }),
      )) as typeof cloud.store.transaction;
    const first = ok(await as('resident-a', 'submit', application()));
    const second = ok(await as('resident-a', 'submit', application()));
    expect([first.trackingNumber, second.trackingNumber]).toEqual([nth(1), nth(2)]);
    expect(conflicts).toBe(0);
  });
});

describe('residents see only their own requests', () => {
  test("another resident's request and a missing id get the same 404", async () => {
    const mine = ok(await as('resident-a', 'submit', application()));
    const other = await as('resident-b', 'get', { id: mine.id });
    const missing = await as('resident-b', 'get', { id: 'no-such-request' });
    expect(other).toEqual({ ok: false, code: 'REQUEST_NOT_FOUND', message: ERROR_CATALOGUE.REQUEST_NOT_FOUND.message });
    expect(missing).toEqual(other);
    expect(ok(await as('resident-b', 'mine')).items).toEqual([]);
    expect(ok(await as('resident-a', 'mine')).items).toEqual([expect.objectContaining({ id: mine.id, statusLabel: '待受理' })]);
  });
});

describe('the workflow end to end through the functions', () => {
  test('submit → register → ask for a supplement → supplement → reply 部分公开 → the resident reads it', async () => {
    const submitted = ok(await as('resident-a', 'submit', application()));
    const registered = ok(await as('demo-clerk', 'register', { id: submitted.id, version: submitted.version }));
    expect(registered).toMatchObject({ status: 'registered', receivedOn: '2026-09-28', dueOn: '2026-10-30', dueProvisional: false });

    cloud.clock.now = new Date('2026-09-30T02:00:00Z');
    const asked = ok(await as('demo-clerk', 'askSupplement', { id: registered.id, version: registered.version, items: ['请写明文件名称'], workingDays: 10 }));
    expect(asked).toMatchObject({ status: 'supplementRequested', dueOn: null, supplement: { deadlineOn: '2026-10-20' } });

    cloud.clock.now = new Date('2026-10-09T02:00:00Z');
    const resident = ok(await as('resident-a', 'get', { id: submitted.id }));
    expect(resident.allowed).toEqual(expect.arrayContaining(['supplement', 'withdraw']));
    const supplemented = ok(await as('resident-a', 'supplement', { id: resident.id, version: resident.version, text: '《老旧小区改造项目招标文件》' }));
    expect(supplemented).toMatchObject({ status: 'registered', dueOn: '2026-11-05' });

    cloud.clock.now = new Date('2026-10-20T02:00:00Z');
    const replied = ok(
      await as('demo-clerk', 'reply', { id: supplemented.id, version: supplemented.version, category: 'partial', text: '招标文件予以公开；报价明细属商业秘密，不予公开。' }),
    );
    expect(replied.status).toBe('replied');

    const seen = ok(await as('resident-a', 'get', { id: submitted.id }));
    // 行政复议法 (2023) Art. 24: reconsideration goes to the people's government at the bureau's level, named by the bureau setting.
    expect(seen.reply).toMatchObject({
      category: 'partial',
      categoryLabel: '部分公开',
      remedies: expect.stringContaining('可以自收到本告知书之日起六十日内向云溪区人民政府申请行政复议，或者自收到之日起六个月内向人民法院提起行政诉讼'),
    });
    expect(seen.reply.remedies).not.toContain('上一级行政机关或者本级人民政府');
    expect(seen.dueExplanation.summary).toMatch(/自收到补正之日（2026-10-09）起 20 个工作日，答复期限为 2026-11-05/);
    expect(seen.timeline.map((t: any) => t.kind)).toEqual(['submitted', 'registered', 'supplementRequested', 'supplemented', 'replied']);
    // The resident never sees who among the staff acted, nor any OPENID.
    expect(seen.timeline.every((t: any) => t.actorName === null)).toBe(true);
    expect(JSON.stringify(seen)).not.toContain('demo-clerk');
    expect(seen.letters.map((l: any) => l.title)).toEqual(['政府信息公开申请补正告知书', '政府信息公开申请答复告知书']);
    const letter = seen.letters[1].paragraphs.join('');
    expect(letter).toContain(`编号 ${nth(1)}`);
    expect(letter).toMatch(/第三十七条[\s\S]*向云溪区人民政府申请行政复议/);

    // Staff see names on the timeline.
    const staffView = ok(await as('demo-clerk', 'manageGet', { id: submitted.id }));
    expect(staffView.timeline[1]).toMatchObject({ kind: 'registered', actorName: '李华' });
    expect((await events(submitted.id)).map((e) => e.action)).toEqual([
      'submitted',
      'registered',
      'supplementRequested',
      'supplemented',
      'replied',
      'personalDataViewed',
    ]);
  });

  test('two clerks acting at once: the second gets VERSION_CONFLICT and nothing of theirs is written', async () => {
    const submitted = ok(await as('resident-a', 'submit', application()));
    const [a, b] = await Promise.all([
      as('demo-clerk', 'register', { id: submitted.id, version: submitted.version }),
      as('demo-admin', 'register', { id: submitted.id, version: submitted.version, receivedOn: '2026-09-28' }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: 'VERSION_CONFLICT' });
    expect((await events(submitted.id)).filter((e) => e.action === 'registered')).toHaveLength(1);
  });

  test('the applicant is not told whom the bureau consulted, on what, nor who approved the extension; staff are', async () => {
    const submitted = ok(await as('resident-a', 'submit', application()));
    let r = ok(await as('demo-clerk', 'register', { id: submitted.id, version: submitted.version }));
    cloud.clock.now = new Date('2026-09-29T02:00:00Z');
    r = ok(await as('demo-clerk', 'consult', { id: r.id, version: r.version, step: 'start', party: 'thirdParty', partyName: '云溪建设集团有限公司', matter: '报价明细是否同意公开' }));
    cloud.clock.now = new Date('2026-10-09T02:00:00Z');
    r = ok(await as('demo-clerk', 'consult', { id: r.id, version: r.version, step: 'end', outcome: '该公司不同意公开报价' }));
    r = ok(await as('demo-clerk', 'extend', { id: r.id, version: r.version, workingDays: 10, approver: '张敏', reason: '需调取档案' }));
    const secrets = ['云溪建设集团有限公司', '报价明细是否同意公开', '该公司不同意公开报价', '张敏'];

    const seen = ok(await as('resident-a', 'get', { id: submitted.id }));
    for (const secret of secrets) expect(JSON.stringify(seen)).not.toContain(secret);
    expect(seen.timeline.find((t: any) => t.kind === 'consultationStarted').detail).toBe('征求第三方意见，期间不计入答复期限');
    expect(seen.timeline.find((t: any) => t.kind === 'extended').detail).toBe('经批准延长 10 个工作日：需调取档案');
    expect(seen.consultations[0]).toMatchObject({ party: 'thirdParty', partyName: null, matter: null, outcome: null, startedOn: '2026-09-29' });
    expect(seen.extension).toMatchObject({ workingDays: 10, approver: null, reason: '需调取档案' });
    expect(seen.dueExplanation.steps).toEqual(expect.arrayContaining([expect.stringMatching(/^征求第三方意见：2026-09-29/), expect.stringMatching(/^经批准延长 10 个工作日/)]));

    const staffView = ok(await as('demo-clerk', 'manageGet', { id: submitted.id }));
    for (const secret of secrets) expect(JSON.stringify(staffView)).toContain(secret);
    expect(staffView.dueOn).toBe(seen.dueOn);
  });

  test('an illegal step is refused with INVALID_STATE', async () => {
    const submitted = ok(await as('resident-a', 'submit', application()));
    expect(await as('demo-clerk', 'reply', { id: submitted.id, version: submitted.version, category: 'disclosed', text: '公开' })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
    });
  });
});

describe('staff queue and paper applications', () => {
  test('entered letters are registered on the day received; the queue is sorted by due date and masks personal data', async () => {
    const ids = [
      ok(await as('demo-clerk', 'enter', enteredApplication({ receivedOn: '2026-09-28' }))).id,
      ok(await as('demo-clerk', 'enter', enteredApplication({ receivedOn: '2026-09-01', channel: 'fax' }))).id,
      ok(await as('resident-a', 'submit', application())).id,
    ];
    const queue = ok(await as('demo-clerk', 'queue', { limit: 50 }));
    const dues = queue.items.map((i: any) => i.dueOn ?? '9999-12-31');
    expect(dues).toEqual([...dues].sort());
    // The online application waits for registration: it heads the queue apart, with how long it has waited,
    // carrying only what its card shows (no channel, department or due dates: all empty or alike while it waits).
    expect(queue.awaitingRegistration.filter((i: any) => ids.includes(i.id))).toEqual([
      {
        id: ids[2],
        trackingNumber: expect.any(String),
        status: 'submitted',
        subject: expect.any(String),
        applicantName: '陈**',
        orgKind: null,
        phoneMasked: '138****5678',
        idNumberMasked: '330************236',
        waiting: { since: expect.any(String), workingDays: 0, late: false },
      },
    ]);
    queue.items = queue.items.filter((i: any) => ids.includes(i.id));
    expect(queue.items.map((i: any) => [i.channel, i.dueOn, i.departmentId])).toEqual([
      ['fax', '2026-09-29', 'office'],
      ['letter', '2026-10-30', 'office'],
    ]);
    expect(queue.items[0]).toMatchObject({ applicantName: '陈**', idNumberMasked: '330************236', phoneMasked: '138****5678', urgency: 'dueSoon' });
    expect(JSON.stringify(queue)).not.toContain('330106199003071236');
    expect(JSON.stringify(queue)).not.toContain('13812345678');
  });

  test('an entered letter is numbered in the year it was received, and its key covers the receipt day', async () => {
    const before = (await cloud.store.collection('counters').get('requests-2025'))?.value ?? 0;
    const letter = enteredApplication({ receivedOn: '2025-12-30' });
    const entered = ok(await as('demo-clerk', 'enter', letter));
    expect(entered).toMatchObject({ receivedOn: '2025-12-30', trackingNumber: formatTrackingNumber(2025, before + 1) });
    // A retry is the same request; the same key with another receipt day is refused, not merged.
    expect(ok(await as('demo-clerk', 'enter', letter)).id).toBe(entered.id);
    expect(await as('demo-clerk', 'enter', { ...letter, receivedOn: '2025-12-31' })).toMatchObject({ ok: false, code: 'IDEMPOTENCY_KEY_REUSED' });
    // 2026's sequence is untouched.
    expect(ok(await as('resident-a', 'submit', application())).trackingNumber).toBe(nth(1));
  });

  test('a receipt date in the future is refused', async () => {
    expect(await as('demo-clerk', 'enter', enteredApplication({ receivedOn: '2026-09-29' }))).toMatchObject({ ok: false, code: 'RECEIVED_DATE_INVALID' });
  });

  test("a 居民身份证 born after today (the function's clock) is refused beside the field, and nothing is numbered", async () => {
    const bornOn = (yyyymmdd: string) => {
      const body = `110105${yyyymmdd}002`;
      return application({ applicant: { type: 'person', name: '陈晓明', idType: 'residentId', idNumber: body + residentIdCheckChar(body), phone: '13812345678' } });
    };
    expect(await as('resident-a', 'submit', bornOn('20260929'))).toEqual({
      ok: false,
      code: 'VALIDATION_FAILED',
      message: ERROR_CATALOGUE.VALIDATION_FAILED.message,
      fields: { 'applicant.idNumber': '身份证号码中的出生日期不正确' },
    });
    expect(ok(await as('resident-a', 'submit', bornOn('20260928'))).trackingNumber).toBe(nth(1));
  });
});

describe('the calendar the bureau controls', () => {
  test('entering 2027 recomputes open requests due in January and records it on their timeline', async () => {
    cloud.clock.now = new Date('2026-12-21T02:00:00Z');
    const entered = ok(await as('demo-clerk', 'enter', enteredApplication({ receivedOn: '2026-12-20', idempotencyKey: freshKey() })));
    // 元旦 2027-01-01 is off by the 放假办法 even before 2027 is entered: only the 暂定 is left to clear.
    expect(entered).toMatchObject({ dueOn: '2027-01-18', dueProvisional: true });
    expect(ok(await as('demo-clerk', 'queue')).warnings).toEqual([expect.stringMatching(/2027年的节假日安排尚未录入，1 件申请/)]);
    expect(ok(await cloud.call(null, 'calendar', { action: 'days', data: { year: 2027 } }))).toMatchObject({ covered: false, source: 'none' });

    const result = ok(
      await cloud.call('demo-admin', 'calendar', {
        action: 'setYear',
        data: { year: 2027, holidays: [1, 2, 3].map((d) => ({ date: `2027-01-0${d}`, name: '元旦' })), workdays: [] },
      }),
    );
    expect(result).toMatchObject({ recomputed: 1, calendar: { year: 2027, covered: true, source: 'bureau' } });
    // The public calendar says when the bureau changed it, never who: no staff name, no OPENID.
    const publicView = ok(await cloud.call(null, 'calendar', { action: 'days', data: { year: 2027 } }));
    expect(publicView).toMatchObject({ covered: true, source: 'bureau', updatedAt: expect.any(String) });
    expect(JSON.stringify(publicView)).not.toMatch(/张敏|demo-admin/);
    const after = ok(await as('demo-clerk', 'manageGet', { id: entered.id }));
    expect(after).toMatchObject({ dueOn: '2027-01-18', dueProvisional: false });
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'dueRecomputed', actor: 'system', detail: expect.stringContaining('2027-01-18（暂定） 调整为 2027-01-18') });
    expect(ok(await as('demo-clerk', 'queue')).warnings).toEqual([]);
  });

  test('correcting one day moves the due dates that cross it', async () => {
    const entered = ok(await as('demo-clerk', 'enter', enteredApplication({ receivedOn: '2026-09-28' })));
    const result = ok(await cloud.call('demo-admin', 'calendar', { action: 'setDay', data: { date: '2026-10-30', kind: 'holiday', name: '临时放假' } }));
    expect(result.recomputed).toBeGreaterThanOrEqual(1);
    expect(ok(await as('demo-clerk', 'manageGet', { id: entered.id })).dueOn).toBe('2026-11-02');
    const year = ok(await cloud.call(null, 'calendar', { action: 'days', data: { year: 2026 } }));
    expect(year).toMatchObject({ covered: true, source: 'bureau' });
    expect(year.holidays).toContainEqual({ date: '2026-10-30', name: '临时放假' });
    expect(year.holidays).toContainEqual({ date: '2026-10-01', name: '国庆节' });
  });
});

test('a queue row built from the projected fields is the row built from the whole record, in every status', async () => {
  const { prepareRequestFixture } = await import('../support/request-fixture');
  const { loadCalendar } = await import('../../cloudfunctions/calendar/calendar-data');
  const { QUEUE_FIELDS, toQueueItem } = await import('../../shared/requests/request-view');
  await prepareRequestFixture(cloud);
  const requests = cloud.store.collection('requests');
  const whole = (await requests.find({ orderBy: [['submittedAt', 'asc']], limit: 200 })).items;
  const projected = (await requests.find({ orderBy: [['submittedAt', 'asc']], limit: 200, fields: QUEUE_FIELDS })).items;
  const statuses = new Set(whole.map((r) => r.status));
  expect(statuses.size).toBeGreaterThanOrEqual(5); // submitted, registered, consulting, supplementRequested, replied…
  const calendar = await loadCalendar(cloud.store);
  for (const today of ['2026-09-28', '2026-10-20', '2026-12-30']) {
    expect(projected.map((r) => toQueueItem(r, today, calendar))).toEqual(whole.map((r) => toQueueItem(r, today, calendar)));
  }
});
