import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../../cloudfunctions/_runtime/collections';
import { liveCounterIdsOf } from '../../cloudfunctions/_runtime/rate-limiter';
import { helpfulClaimId } from '../../cloudfunctions/faq/helpful-claims';
import { viewerKey } from '../../cloudfunctions/notices/notice-views';
import { viewPeriodOf, viewRecordId } from '../../shared/notices/notice-views';
import { ANONYMISED_NAME } from '../../shared/privacy/anonymise';
import { residentIdCheckChar } from '../../shared/requests/check-digits';
import type { RequestRecord } from '../../shared/requests/request-record';
import { tallyRequests } from '../../shared/reports/requests-table';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { consultation } from '../support/factories';
import { storeCounts } from '../support/fixture';
import { dispatchAll } from '../support/notifications-fixture';
import { application } from '../support/request-factories';
import { queryPlansOf, type QueryPlan } from '../support/query-plans';

/**
 * 我的 → 个人信息 → 删除: over a real SQLite database kept in a file, a resident with two answered
 * requests, an answered inquiry with their contact, a rating with their contact, an opinion, a subscription, WeChat consent and messages
 * erases their data. Afterwards no collection holds their name, ID number, phone, e-mail, address or
 * OPENID — read as the bytes of the database file and its write-ahead log, where free space and old
 * page images would show what a JSON query cannot — nor any key derived from the OPENID that anyone
 * knowing it could recompute (their 阅读 record, their 有帮助 claim on an FAQ entry, their abuse-limit
 * counters), while the annual report's counts (requests by received year × applicant kind × reply
 * category) are what they were.
 */
const ERASEE = 'resident-erasee';
const OTHER = 'resident-other';
const NAME = '欧阳澄明';
const ID_NUMBER = ((first17: string) => first17 + residentIdCheckChar(first17))('33010219850512431');
const PHONE = '13957246810';
const EMAIL = 'ouyang.chengming@example.com';
const ADDRESS = '云溪区澄明路 88 号 3 幢 501 室';
const OTHER_NAME = '司马远方';
const PERSONAL = { name: NAME, idNumber: ID_NUMBER, phone: PHONE, email: EMAIL, address: ADDRESS, openid: ERASEE };

let dir: string;
let file: string;
let cloud: CloudHarness;
let replied: { id: string };
let reportBefore: Record<string, unknown>;
/** What the bureau publishes, through its functions: the annual report, the rating figures, the inquiry figures. */
let publishedBefore: unknown;
/** Keys derived from the erasee's OPENID, each as stored: name → key. */
let derived: Record<string, string>;

const me = (who: string, action: string, data: unknown = {}) => cloud.call(who, 'me', { action, data });

/**
 * Requests by received year × applicant kind × reply (or closing) category, and the annual report's
 * own Part 3 table (tallyRequests) for the years the records span.
 */
async function reportCounts(): Promise<Record<string, unknown>> {
  const counts: Record<string, unknown> = {};
  const all: RequestRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await cloud.store.collection('requests').find({ orderBy: [['submittedAt', 'asc']], limit: 500, cursor });
    all.push(...page.items);
    for (const r of page.items) {
      const kind = r.applicant.type === 'person' ? 'person' : `org.${r.applicant.orgKind}`;
      const key = `${r.receivedOn?.slice(0, 4) ?? '未受理'}|${kind}|${r.reply?.category ?? r.ending?.category ?? '未办结'}`;
      counts[key] = ((counts[key] as number | undefined) ?? 0) + 1;
    }
    cursor = page.nextCursor;
  } while (cursor);
  for (const year of [2025, 2026]) counts[`table ${year}`] = tallyRequests(all, year).rows;
  return counts;
}

async function publishedFigures(): Promise<unknown> {
  const year = Number(cloud.clock.now.toISOString().slice(0, 4));
  const annual = ok(await cloud.call('demo-admin', 'reports', { action: 'annual', data: { year } }));
  return {
    annual: { requests: annual.requests, proactive: annual.proactive, cases: annual.cases.table, checks: annual.checks },
    ratings: ok(await cloud.call(null, 'ratings', { action: 'stats', data: { year } })),
    inquiries: ok(await cloud.call('demo-admin', 'inquiries', { action: 'figures', data: { year } })),
  };
}

/**
 * The plan lines that read a whole collection: a resident's data is found by their OPENID through an
 * index, never by walking everyone's. The FAQ (tens of entries, read whole for the 有帮助 claims) is
 * the one collection read whole on purpose.
 */
const wholeReads = (plans: QueryPlan[]) =>
  plans.filter((p) => p.table !== 'faq').flatMap((p) => p.plan.filter((line) => /^SCAN \S+$/.test(line.trim())).map((line) => `${p.table}: ${line}`));

/** Every row of every collection as stored (JSON text). */
async function everyRow(): Promise<Array<{ collection: string; doc: string }>> {
  return cloud.store.withConnection((db) =>
    Object.keys(COLLECTIONS).flatMap((name) => (db.prepare(`SELECT doc FROM "${name}"`).all() as Array<{ doc: string }>).map((r) => ({ collection: name, doc: r.doc }))),
  );
}

/** The bytes on disk: the database file and its write-ahead log (if any). */
function bytesOnDisk(): Buffer {
  const wal = `${file}-wal`;
  return Buffer.concat([readFileSync(file), existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)]);
}

/** Which personal values `bytes` still hold. */
function valuesIn(bytes: Buffer, values: Record<string, string> = PERSONAL): string[] {
  return Object.entries(values)
    .filter(([, value]) => bytes.includes(Buffer.from(value, 'utf8')))
    .map(([field]) => field);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sg-erase-'));
  file = join(dir, 'cloud.sqlite');
  // Abuse limits counted, as in the local cloud and on CloudBase: their counters are keyed by a hash of the OPENID.
  cloud = await createCloudHarness({ file, rateLimits: true });

  const applicant = { type: 'person' as const, name: NAME, idType: 'residentId' as const, idNumber: ID_NUMBER, phone: PHONE, email: EMAIL, address: ADDRESS };
  const a = ok(await cloud.call(ERASEE, 'requests', { action: 'submit', data: application({ applicant, delivery: 'email', purpose: `${NAME}了解小区改造` }) }));
  const registered = ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: a.id, version: a.version } }));
  replied = ok(
    await cloud.call('demo-clerk', 'requests', {
      action: 'reply',
      data: { id: a.id, version: registered.version, category: 'partial', text: `${NAME}：招标文件予以公开，报价明细不予公开。` },
    }),
  );
  const b = ok(await cloud.call(ERASEE, 'requests', { action: 'submit', data: application({ applicant: { ...applicant, email: undefined, address: undefined } }) }));
  ok(await cloud.call(ERASEE, 'requests', { action: 'withdraw', data: { id: b.id, version: b.version, reason: `已电话沟通，请按 ${PHONE} 联系` } }));

  ok(await cloud.call(ERASEE, 'subscriptions', { action: 'subscribe', data: { kind: 'announcement' } }));
  // A topic followed, then turned off: the row stays, marked off.
  ok(await cloud.call(ERASEE, 'subscriptions', { action: 'subscribe', data: { departmentId: 'office' } }));
  ok(await cloud.call(ERASEE, 'subscriptions', { action: 'unsubscribe', data: { departmentId: 'office' } }));
  ok(await cloud.call(ERASEE, 'subscriptions', { action: 'recordGrants', data: { grants: [{ templateId: 'local-request-replied', result: 'accept' }] } }));
  ok(await cloud.call(ERASEE, 'ratings', { action: 'submit', data: { requestId: a.id, level: 'dissatisfied', comment: '答复太慢', contactName: NAME, contactPhone: PHONE } }));
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: consultation({ title: '澄明路改造征求意见' }) } }));
  const open = ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
  ok(await cloud.call(ERASEE, 'notices', { action: 'comment', data: { id: open.id, text: '建议先改造雨污分流管道。' } }));
  expect(ok(await cloud.call(ERASEE, 'notices', { action: 'view', data: { id: open.id } })).counted).toBe(true);
  const faq = ok(await cloud.call('demo-admin', 'faq', { action: 'save', data: { entry: { question: '加装电梯补贴怎么申请？', answer: '向所在街道提交申请表和业主同意书。', topic: '加装电梯' } } }));
  ok(await cloud.call(ERASEE, 'faq', { action: 'helpful', data: { id: faq.id } }));
  const [submitCounter] = await liveCounterIdsOf(cloud.store, ERASEE, cloud.clock.now).then(async (ids) => {
    const present = [];
    for (const id of ids) if (await cloud.store.collection('rateLimits').get(id)) present.push(id);
    return present;
  });
  derived = {
    noticeView: viewRecordId(viewPeriodOf(cloud.clock.now), viewerKey(open.id, ERASEE)),
    faqHelpful: helpfulClaimId(ERASEE, faq.id),
    rateCounter: submitCounter,
  };

  const asked = ok(
    await cloud.call(ERASEE, 'inquiries', {
      action: 'ask',
      data: { idempotencyKey: 'erasee-inquiry-1', kind: 'inquiry', topic: '加装电梯', text: `我是${NAME}，想问加装电梯的补贴。`, replyBy: 'phone', contact: { name: NAME, phone: PHONE } },
    }),
  );
  const caseVersion = (await cloud.store.collection('inquiries').get(asked.id))!.version;
  const answered = ok(await cloud.call('demo-admin', 'inquiries', { action: 'answer', data: { id: asked.id, version: caseVersion, text: '补贴标准见区住建局通知。' } }));
  ok(await cloud.call(ERASEE, 'inquiries', { action: 'rateAnswer', data: { id: asked.id, version: answered.version, helpful: false, reason: '没有说明申请期限' } }));

  // A file the resident attached (as the supplement form uploads it): its record names them.
  await cloud.store.collection('files').insert({ name: `${NAME}的补正说明.pdf`, contentType: 'application/pdf', sizeBytes: 2048, sha256: 'a'.repeat(64), uploadedBy: ERASEE, createdAt: cloud.clock.now.toISOString() });

  ok(await cloud.call(OTHER, 'requests', { action: 'submit', data: application({ applicant: { type: 'person', name: OTHER_NAME, idType: 'passport', idNumber: 'E77553311', phone: '13600001111' } }) }));
  await dispatchAll(cloud);
  reportBefore = await reportCounts();
  publishedBefore = await publishedFigures();
}, 120_000);

afterAll(() => {
  cloud?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('me.data answers everything held about the caller, unmasked, and nothing of anyone else', async () => {
  const data = ok(await me(ERASEE, 'data'));
  expect(data.openid).toBe(ERASEE);
  expect(data.requests).toHaveLength(2);
  expect(data.requests[0].applicant).toMatchObject({ name: NAME, idNumber: ID_NUMBER, phone: PHONE, email: EMAIL, address: ADDRESS });
  expect(data.requests.map((r: { statusLabel: string }) => r.statusLabel).sort()).toEqual(['已撤回', '已答复']);
  expect(data.subscriptions).toHaveLength(1);
  expect(data.grants).toEqual([expect.objectContaining({ label: '申请答复通知', remaining: expect.any(Number) })]);
  expect(data.inbox.length).toBeGreaterThanOrEqual(1);
  expect(data.ratings).toEqual([expect.objectContaining({ contactName: NAME, contactPhone: PHONE, level: '不满意' })]);
  expect(data.opinions).toEqual([expect.objectContaining({ noticeTitle: '澄明路改造征求意见', status: '待审核' })]);
  expect(data.inquiries).toEqual([expect.objectContaining({ topic: '加装电梯', contact: { name: NAME, phone: PHONE } })]);
  const text = JSON.stringify(data);
  expect(text).not.toContain(OTHER_NAME);
  expect(text).not.toContain('张敏'); // no staff names: who handled it is the bureau's record

  // What is keyed by a hash of their OPENID, and the rest that names them, is listed too.
  expect(data.noticesRead).toEqual([expect.objectContaining({ noticeTitle: '澄明路改造征求意见' })]);
  expect(data.helpful).toEqual([expect.objectContaining({ question: '加装电梯补贴怎么申请？' })]);
  expect(data.limits).toEqual(expect.arrayContaining([expect.objectContaining({ what: '提交申请', count: 2 })]));
  expect(data.unsubscribed).toEqual([expect.objectContaining({ label: '局办公室' })]);
  expect(data.files).toEqual([expect.objectContaining({ name: `${NAME}的补正说明.pdf`, sizeBytes: 2048 })]);
  expect(data.ratings[0].followUp).toEqual({ statusLabel: '待整改回访', answer: null, feedback: null });
  expect(data.inquiries[0].rating).toMatchObject({ helpful: false, reason: '没有说明申请期限' });
  expect(data.notifications).toBeGreaterThanOrEqual(1);
  expect(data.submissionKeys).toBe(3);

  const other = JSON.stringify(ok(await me(OTHER, 'data')));
  for (const value of [NAME, ID_NUMBER, PHONE, EMAIL]) expect(other).not.toContain(value);
  expect(other).toContain(OTHER_NAME);
});

test("me.data finds the resident's records through indexes, never reading a collection whole", async () => {
  const plans = await queryPlansOf(cloud.store, () => me(ERASEE, 'data'));
  expect(plans.length).toBeGreaterThan(10);
  expect(wholeReads(plans)).toEqual([]);
});

test('me.export is the same data as a JSON file', async () => {
  const exported = ok(await me(ERASEE, 'export'));
  expect(exported.filename).toMatch(/^我的个人信息-\d{8}\.json$/);
  const parsed = JSON.parse(exported.json);
  expect(parsed.format).toBe('sunshine-gov/personal-data@1');
  expect(parsed.data.requests[0].applicant.idNumber).toBe(ID_NUMBER);
});

test('erasure needs the confirmation, and is refused while a request is still open, writing nothing', async () => {
  expect(await me(ERASEE, 'erase', {})).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { confirm: expect.any(String) } });
  expect(await me(ERASEE, 'erase', { confirm: false })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  const pending = ok(await cloud.call(ERASEE, 'requests', { action: 'submit', data: application({ applicant: { type: 'person', name: NAME, idType: 'residentId', idNumber: ID_NUMBER, phone: PHONE } }) }));
  const before = await storeCounts(cloud);
  expect(await me(ERASEE, 'erase', { confirm: true })).toMatchObject({ ok: false, code: 'ERASE_OPEN_REQUESTS', message: expect.stringContaining('尚未办结') });
  expect(await storeCounts(cloud)).toEqual(before);
  expect((await cloud.store.collection('requests').get(replied.id))?.applicant.name).toBe(NAME);
  ok(await cloud.call(ERASEE, 'requests', { action: 'withdraw', data: { id: pending.id, version: pending.version } }));
  reportBefore = await reportCounts();
  publishedBefore = await publishedFigures();
});

describe('after the erasure', () => {
  let report: any;
  let bytesBefore: string[];
  let derivedBefore: string[];
  let erasePlans: QueryPlan[];

  beforeAll(async () => {
    bytesBefore = valuesIn(bytesOnDisk());
    derivedBefore = valuesIn(bytesOnDisk(), derived);
    erasePlans = await queryPlansOf(cloud.store, async () => {
      report = ok(await me(ERASEE, 'erase', { confirm: true }));
    });
  });

  test("the erasure, too, finds the resident's records through indexes", () => {
    expect(erasePlans.length).toBeGreaterThan(10);
    expect(wholeReads(erasePlans)).toEqual([]);
  });

  test('the file held every value before (so the scan below can fail)', () => {
    expect(bytesBefore.sort()).toEqual(Object.keys(PERSONAL).sort());
  });

  test('nor any key derived from their OPENID: 阅读 record, FAQ 有帮助 claim, abuse-limit counters (each there before)', async () => {
    expect(derivedBefore.sort()).toEqual(['faqHelpful', 'noticeView', 'rateCounter']);
    expect(valuesIn(bytesOnDisk(), derived)).toEqual([]);
    const live = await liveCounterIdsOf(cloud.store, ERASEE, cloud.clock.now);
    for (const id of live) expect(await cloud.store.collection('rateLimits').get(id)).toBeNull();
    // The other resident's counters are theirs to keep.
    expect(await cloud.store.collection('rateLimits').count()).toBeGreaterThan(0);
  });

  test('it says what was anonymised and what was removed', () => {
    expect(report.anonymised).toMatchObject({ requests: 3, inquiries: 1, ratings: 1, opinions: 1 });
    expect(report.removed.subscriptions).toBe(2); // the one followed, and the one turned off
    expect(report.removed.grants).toBe(1);
    expect(report.removed.inbox).toBeGreaterThanOrEqual(1);
  });

  test('no collection holds their name, ID number, phone, e-mail, address or OPENID', async () => {
    const found = (await everyRow()).filter((row) => Object.values(PERSONAL).some((v) => row.doc.includes(v)));
    expect(found.map((r) => `${r.collection}: ${r.doc.slice(0, 200)}`)).toEqual([]);
  });

  test('nor do the bytes of the database file, and the write-ahead log was checkpointed and emptied', () => {
    const wal = `${file}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    expect(valuesIn(bytesOnDisk())).toEqual([]);
  });

  test('the annual report counts the same: received year × applicant kind × reply category', async () => {
    expect(await reportCounts()).toEqual(reportBefore);
  });

  test('so do the published figures: the annual report, the rating figures and the inquiry figures, through their functions', async () => {
    expect(await publishedFigures()).toEqual(publishedBefore);
  });

  test('the request keeps its record (Art. 45): steps, dates, reply; the applicant is 已匿名', async () => {
    const view = ok(await cloud.call('demo-clerk', 'requests', { action: 'manageGet', data: { id: replied.id } }));
    expect(view.applicant).toEqual({ type: 'person', idType: 'residentId', name: ANONYMISED_NAME, phone: '' });
    expect(view.status).toBe('replied');
    expect(view.reply.category).toBe('partial');
    expect(view.reply.text).toContain('〔已删除〕：招标文件予以公开');
    expect(view.timeline.map((t: { kind: string }) => t.kind)).toEqual(['submitted', 'registered', 'replied']);
  });

  test('its event names the fields removed, never their values', async () => {
    const events = await cloud.store.collection('events').find({ where: { subjectId: replied.id }, orderBy: [['at', 'asc']], limit: 50 });
    const anonymised = events.items.find((e) => e.action === 'anonymised');
    expect(anonymised?.detail).toContain('applicant.name');
    expect(anonymised?.detail).toContain('applicant.idNumber');
    expect(anonymised?.actor).toBe('applicant');
  });

  test('the resident sees nothing of theirs any more; the other resident still sees theirs', async () => {
    const data = ok(await me(ERASEE, 'data'));
    expect(data).toMatchObject({
      requests: [], inquiries: [], subscriptions: [], unsubscribed: [], grants: [], inbox: [], ratings: [], opinions: [], wechatDeliveries: 0,
      notifications: 0, noticesRead: [], helpful: [], files: [], limits: [], submissionKeys: 0,
    });
    const other = ok(await me(OTHER, 'data'));
    expect(other.requests[0].applicant.name).toBe(OTHER_NAME);
  });

  test('the audit trail was not touched', async () => {
    const audit = await everyRow();
    expect(audit.filter((r) => r.collection === 'audit').every((r) => !r.doc.includes(ERASEE))).toBe(true);
  });

  test('a second erasure finds nothing more to do', async () => {
    const again = ok(await me(ERASEE, 'erase', { confirm: true }));
    expect(again.anonymised).toEqual({ requests: 0, inquiries: 0, ratings: 0, opinions: 0, events: 0 });
    expect(Object.values(again.removed).every((n) => n === 0)).toBe(true);
  });
});
