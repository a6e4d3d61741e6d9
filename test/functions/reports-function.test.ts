import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { application, organisationApplication } from '../support/request-factories';
import { FULL_INPUTS, FULL_TEXTS } from '../support/report-fixture';

/**
 * The `reports` function over the real SQLite store, with requests made
 * through the real workflow on a bureau with no other records, so every
 * figure below is known by hand.
 */
let cloud: CloudHarness;

beforeEach(async () => {
  cloud = await createCloudHarness({ seed: false, now: new Date('2027-03-01T02:00:00Z') });
  const staff = cloud.store.collection('staff');
  await staff.insert({ id: 'demo-admin', name: '张敏', roles: ['admin'], departmentIds: ['office'], departmentId: 'office', active: true });
  await staff.insert({ id: 'demo-clerk', name: '李华', roles: ['handler'], departmentIds: ['office'], departmentId: 'office', active: true });
  await staff.insert({ id: 'demo-viewer', name: '统计查看', roles: ['viewer'], departmentIds: [], departmentId: null, active: true });
  await cloud.store.collection('departments').insert({ id: 'office', name: '办公室', order: 1 });
  await cloud.store.collection('meta').insert({ id: 'bureau', name: '云溪区住房和城乡建设局', government: '云溪区人民政府' });
});
afterEach(() => cloud.close());

const at = (iso: string) => {
  cloud.clock.now = new Date(iso);
};
const report = (who: string, action: string, data: unknown) => cloud.call(who, 'reports', { action, data });
const requests = (who: string, action: string, data: unknown) => cloud.call(who, 'requests', { action, data });

async function receive(app = application()) {
  const submitted = ok(await requests('resident-a', 'submit', app));
  return ok(await requests('demo-clerk', 'register', { id: submitted.id, version: submitted.version }));
}
async function answer(r: { id: string; version: number }, category: string) {
  return ok(await requests('demo-clerk', 'reply', { id: r.id, version: r.version, category, text: '答复内容。' }));
}

test('a request received in December and answered in January is new in one year, carried into the next and concluded there', async () => {
  at('2027-03-01T02:00:00Z');
  await answer(await receive(), 'disclosed');
  at('2027-12-28T02:00:00Z');
  const late = await receive(organisationApplication());

  at('2027-12-30T02:00:00Z');
  const before = ok(await report('demo-admin', 'annual', { year: 2027 }));
  expect(before.requests.rows.received).toMatchObject({ person: 1, legalService: 1, total: 2 });
  expect(before.requests.rows.disclosed).toMatchObject({ person: 1, total: 1 });
  expect(before.requests.rows.carriedOut).toMatchObject({ legalService: 1, total: 1 });
  expect(before.checks.find((c: { code: string }) => c.code === 'yearOver')).toMatchObject({ ok: false });

  at('2028-01-05T02:00:00Z');
  await answer(late, 'withheld.thirdParty');
  const y2027 = ok(await report('demo-viewer', 'annual', { year: 2027 }));
  expect(y2027.requests.rows).toEqual(before.requests.rows);
  const y2028 = ok(await report('demo-viewer', 'annual', { year: 2028 }));
  expect(y2028.requests.rows.carriedIn).toMatchObject({ legalService: 1, total: 1 });
  expect(y2028.requests.rows['withheld.thirdParty']).toMatchObject({ legalService: 1, total: 1 });
  expect(y2028.requests.rows.withheld).toMatchObject({ legalService: 1, total: 1 });
  expect(y2028.requests.rows.received.total).toBe(0);
  expect(y2028.checks.find((c: { code: string }) => c.code === 'balance')).toMatchObject({ ok: true });
});

test('a withdrawal after receipt counts as (六)3, one before receipt counts nowhere', async () => {
  at('2027-04-01T02:00:00Z');
  const received = await receive();
  ok(await requests('resident-a', 'withdraw', { id: received.id, version: received.version, reason: '不再需要' }));
  const unregistered = ok(await requests('resident-a', 'submit', application()));
  ok(await requests('resident-a', 'withdraw', { id: unregistered.id, version: unregistered.version, reason: '填错了' }));
  const rows = ok(await report('demo-admin', 'annual', { year: 2027 })).requests.rows;
  expect(rows.received.total).toBe(1);
  expect(rows['other.other']).toMatchObject({ person: 1, total: 1 });
  expect(rows.concluded.total).toBe(1);
});

test('publishing fixes the numbers: a record changed afterwards leaves the published report as it was', async () => {
  at('2027-05-01T02:00:00Z');
  await answer(await receive(), 'partial');
  at('2028-01-10T02:00:00Z');
  const draft = ok(await report('demo-admin', 'saveInputs', { year: 2027, version: 0, inputs: FULL_INPUTS, texts: FULL_TEXTS }));
  expect(draft.checks.filter((c: { ok: boolean }) => !c.ok)).toEqual([]);
  const published = ok(await report('demo-admin', 'publish', { year: 2027, version: draft.version }));

  // A paper application the clerk enters later, dated back into 2027.
  ok(await requests('demo-clerk', 'enter', { ...application(), channel: 'letter', receivedOn: '2027-12-20' }));
  const after = ok(await report('demo-viewer', 'annual', { year: 2027 }));
  expect(after.status).toBe('published');
  expect(after.requests.rows).toEqual(draft.requests.rows);
  expect(after.requests.rows.received.total).toBe(1);

  // Residents read it as a notice of its own kind.
  const notice = ok(await cloud.call('resident-b', 'notices', { action: 'get', data: { id: published.noticeId } }));
  expect(notice).toMatchObject({ kind: 'annualReport', title: '云溪区住房和城乡建设局2027年政府信息公开工作年度报告' });
  expect(notice.report.requests.rows.partial.total).toBe(1);

  expect(await report('demo-admin', 'saveInputs', { year: 2027, version: after.version, inputs: { licences: 1 } })).toMatchObject({ ok: false, code: 'REPORT_ALREADY_PUBLISHED' });
});

test('publishing with a failing check is refused and writes nothing', async () => {
  at('2028-01-10T02:00:00Z');
  const answer = await report('demo-admin', 'publish', { year: 2027, version: 0 });
  expect(answer).toMatchObject({ ok: false, code: 'REPORT_CHECKS_FAILED' });
  expect((answer as { message: string }).message).toContain('尚未填写：行政许可、行政处罚、行政强制、行政事业性收费');
  expect(await cloud.store.collection('reports').count()).toBe(0);
  expect(await cloud.store.collection('notices').count()).toBe(0);
});

test('a viewer reads and exports but cannot write; a handler cannot read', async () => {
  expect(await report('demo-viewer', 'export', { year: 2027, format: 'csv' })).toMatchObject({ ok: true });
  expect(await report('demo-viewer', 'saveInputs', { year: 2027, version: 0, inputs: { licences: 1 } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await report('demo-clerk', 'annual', { year: 2027 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});

test('cases make Part 4, by block and outcome', async () => {
  at('2027-06-01T02:00:00Z');
  const r = await receive();
  const saveCase = (c: object) => report('demo-admin', 'saveCase', { case: c });
  ok(await saveCase({ kind: 'reconsideration', filedOn: '2027-02-01', outcome: 'upheld', requestId: r.id, summary: '云复〔2027〕1号' }));
  ok(await saveCase({ kind: 'reconsideration', filedOn: '2027-03-01', outcome: 'pending', summary: '云复〔2027〕2号' }));
  ok(await saveCase({ kind: 'litigation', filedOn: '2027-04-01', outcome: 'corrected', summary: '（2027）行初1号' }));
  const after = ok(await saveCase({ kind: 'litigation', filedOn: '2027-05-01', outcome: 'other', afterReconsideration: true, summary: '（2027）行初2号' }));
  ok(await saveCase({ kind: 'litigation', filedOn: '2026-05-01', outcome: 'other', summary: '上一年的' }));
  expect(await saveCase({ kind: 'reconsideration', filedOn: '2027-05-01', outcome: 'other', afterReconsideration: true, summary: 'x' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  const changed = ok(await report('demo-admin', 'saveCase', { id: after.id, version: after.version, case: { kind: 'litigation', filedOn: '2027-05-01', outcome: 'upheld', afterReconsideration: true, summary: '（2027）行初2号' } }));
  expect(changed.version).toBe(2);

  const { cases } = ok(await report('demo-admin', 'annual', { year: 2027 }));
  expect(cases.table).toEqual({
    reconsideration: { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 },
    directSuit: { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 },
    suitAfterReconsideration: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
  });
  expect(cases.list[0]).toMatchObject({ filedOn: '2027-02-01', trackingNumber: r.trackingNumber });
});

test('Part 2 counts 规章 and 行政规范性文件 from the policy notices', async () => {
  at('2027-02-01T02:00:00Z');
  const policy = (title: string, extra: object) => ({
    kind: 'policy', title, body: '正文', departmentId: 'office', docNumber: '云建规〔2027〕1号', issuingBody: '云溪区住房和城乡建设局', effectiveDate: '2027-02-01', validity: 'inForce', ...extra,
  });
  cloud.store.collection('staff').insert({ id: 'demo-editor', name: '王芳', roles: ['publisher'], departmentIds: ['office'], departmentId: 'office', active: true });
  const publish = async (notice: object) => {
    const saved = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice } }));
    return ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: saved.id, version: saved.version } }));
  };
  await publish(policy('规范性文件甲', { policyLevel: 'normative' }));
  await publish(policy('规范性文件乙（已废止）', { policyLevel: 'normative', validity: 'repealed', repealedOn: '2027-09-01' }));
  await publish(policy('规章', { policyLevel: 'rule' }));
  await publish(policy('一般政策文件', {}));
  const { proactive } = ok(await report('demo-admin', 'annual', { year: 2027 }));
  expect(proactive.rule).toEqual({ issued: 1, repealed: 0, inForce: 1 });
  expect(proactive.normative).toEqual({ issued: 2, repealed: 1, inForce: 1 });
});

test('stats: per month, handling time in working days, on-time rate, results and overdue now', async () => {
  at('2027-03-01T02:00:00Z'); // a Monday
  const a = await receive();
  at('2027-03-05T02:00:00Z'); // Friday: 4 working days after receipt
  await answer(a, 'disclosed');
  at('2027-04-01T02:00:00Z');
  const b = await receive();
  at('2027-04-15T02:00:00Z');
  await answer(b, 'partial');
  at('2027-04-20T02:00:00Z');
  await receive(); // still open: overdue by June
  at('2027-06-30T02:00:00Z');
  const stats = ok(await report('demo-viewer', 'stats', { from: '2027-03-01', to: '2027-04-30' }));
  expect(stats.requests.perMonth).toEqual([
    { month: '2027-03', received: 1, concluded: 1 },
    { month: '2027-04', received: 2, concluded: 1 },
  ]);
  expect(stats.requests.concluded).toBe(2);
  expect(stats.requests.medianWorkingDays).toBe(4);
  expect(stats.requests.p90WorkingDays).toBeGreaterThan(4);
  expect(stats.requests.onTimeRate).toBe(1);
  expect(stats.requests.byGroup).toMatchObject({ disclosed: 1, partial: 1, withheld: 0 });
  expect(stats.requests.overdueNow).toBe(1);
  expect(await report('demo-viewer', 'stats', { from: '2027-05-01', to: '2027-04-30' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
});

test('the Part 1 draft states the on-time rate: answered within the statutory period, over those answered in the year', async () => {
  at('2027-03-01T02:00:00Z'); // a Monday; 20 working days later is 29 March
  const early = await receive();
  const late = await receive();
  at('2027-03-10T02:00:00Z');
  await answer(early, 'disclosed');
  at('2027-04-20T02:00:00Z'); // past its due date
  await answer(late, 'partial');
  at('2028-01-10T02:00:00Z');
  const draft = ok(await report('demo-admin', 'annual', { year: 2027 })).texts.drafts.overview;
  expect(draft).toContain('按期答复率 50.0%');
});

test('a repealed 规章 or 行政规范性文件 without a repeal date fails a check naming it, and publishing waits until it is dated', async () => {
  at('2027-02-01T02:00:00Z');
  cloud.store.collection('staff').insert({ id: 'demo-editor', name: '王芳', roles: ['publisher'], departmentIds: ['office'], departmentId: 'office', active: true });
  const notice = { kind: 'policy', title: '关于物业管理的若干规定', body: '正文', departmentId: 'office', docNumber: '云建规〔2027〕3号', issuingBody: '云溪区住房和城乡建设局', effectiveDate: '2027-02-01', validity: 'repealed', policyLevel: 'rule' };
  const saved = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice } }));
  const published = ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: saved.id, version: saved.version } }));
  at('2028-01-10T02:00:00Z');
  const draft = ok(await report('demo-admin', 'saveInputs', { year: 2027, version: 0, inputs: FULL_INPUTS, texts: FULL_TEXTS }));
  const check = draft.checks.find((c: { code: string }) => c.code === 'repealDates');
  expect(check).toMatchObject({ ok: false, records: [{ id: published.id, trackingNumber: '云建规〔2027〕3号', kind: 'notice' }] });
  expect(check.message).toContain('没有废止日期');
  expect(draft.proactive.rule).toEqual({ issued: 1, repealed: 0, inForce: 0 });
  expect(await report('demo-admin', 'publish', { year: 2027, version: draft.version })).toMatchObject({ ok: false, code: 'REPORT_CHECKS_FAILED' });

  ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { id: published.id, version: published.version, notice: { ...notice, repealedOn: '2027-11-30' } } }));
  const dated = ok(await report('demo-admin', 'annual', { year: 2027 }));
  expect(dated.checks.find((c: { code: string }) => c.code === 'repealDates')).toMatchObject({ ok: true });
  expect(dated.proactive.rule).toEqual({ issued: 1, repealed: 1, inForce: 0 });
});

test('before the year is over, publishing is refused until it is confirmed early; the confirmation waives that check alone', async () => {
  at('2027-05-01T02:00:00Z');
  await answer(await receive(), 'disclosed');
  at('2027-12-20T02:00:00Z');
  const empty = await report('demo-admin', 'publish', { year: 2027, version: 0, confirmEarly: true });
  // Confirming early does not excuse what is missing.
  expect(empty).toMatchObject({ ok: false, code: 'REPORT_CHECKS_FAILED' });
  expect((empty as { message: string }).message).toContain('尚未填写');
  expect((empty as { message: string }).message).not.toContain('尚未结束');

  const draft = ok(await report('demo-admin', 'saveInputs', { year: 2027, version: 0, inputs: FULL_INPUTS, texts: FULL_TEXTS }));
  expect(draft.checks.filter((c: { ok: boolean }) => !c.ok).map((c: { code: string }) => c.code)).toEqual(['yearOver']);
  const unconfirmed = await report('demo-admin', 'publish', { year: 2027, version: draft.version });
  expect(unconfirmed).toMatchObject({ ok: false, code: 'REPORT_CHECKS_FAILED' });
  expect((unconfirmed as { message: string }).message).toContain('2027 年度尚未结束');
  expect(await cloud.store.collection('notices').count()).toBe(0);

  const published = ok(await report('demo-admin', 'publish', { year: 2027, version: draft.version, confirmEarly: true }));
  expect(ok(await report('demo-viewer', 'annual', { year: 2027 }))).toMatchObject({ status: 'published', publishedNoticeId: published.noticeId });
});
