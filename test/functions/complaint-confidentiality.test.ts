import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { CONTRACT_ACTIONS } from '../support/contract-walk';
import { prepareFixtureImage } from '../support/fixture';
import { VALID_INPUTS, type Fixture } from '../support/valid-inputs';
import { remindStaffOfDeadlines } from '../../cloudfunctions/_notifications/remind-staff-of-deadlines';
import { caseDeadlines } from '../../cloudfunctions/inquiries/case-deadlines';

/**
 * A complaint (投诉举报) is seen only by admins and the one answerer it is assigned to. Every action
 * that reads (lists, pages, figures, exports, the message centre) is called with each of its valid
 * inputs — and with the complaint's own id and number — by every other kind of staff member,
 * including an answerer of the same department; no answer may carry who complained, how to reach
 * them, what they wrote or the case's number. Then the due-date reminders run, and no notification
 * to anyone else names it either. A new reading action is walked without a new test.
 */
const COMPLAINER = 'resident-complainer';
const ASSIGNED = 'answerer-assigned';
const OBSERVERS = ['demo-clerk', 'demo-editor', 'demo-rater', 'demo-reviewer', 'demo-viewer', 'answerer-housing'];
const MAY_SEE = new Set(['demo-admin', ASSIGNED, COMPLAINER]);

let cloud: CloudHarness;
let fixture: Fixture;
let complaint: { id: string; caseNumber: string };
const markers = () => ['邵明远', '13912340000', '某物业公司违规收取停车费', complaint.caseNumber, complaint.id, COMPLAINER];

beforeAll(async () => {
  const prepared = await prepareFixtureImage();
  fixture = prepared.fixture;
  cloud = await createCloudHarness({ image: prepared.image });
  await cloud.store.collection('staff').insert({ id: ASSIGNED, name: '钱程', roles: ['answerer'], departmentIds: ['office'], departmentId: 'office', active: true });
  await cloud.store.collection('staff').insert({ id: 'answerer-housing', name: '陈静', roles: ['answerer'], departmentIds: ['housing'], departmentId: 'housing', active: true });
  complaint = ok(await cloud.call(COMPLAINER, 'inquiries', { action: 'ask', data: {
    idempotencyKey: 'key-confidential-1', kind: 'complaint', topic: '收费', departmentId: 'office',
    text: '举报某物业公司违规收取停车费。', contact: { name: '邵明远', phone: '13912340000' }, replyBy: 'phone',
  } }));
  const view = ok(await cloud.call('demo-admin', 'inquiries', { action: 'manageGet', data: { id: complaint.id } }));
  ok(await cloud.call('demo-admin', 'inquiries', { action: 'assign', data: { id: complaint.id, version: view.version, departmentId: 'office', answererOpenid: ASSIGNED } }));
  // Reminders as it comes due (15 working days from 2026-11-24 end on 12-15) and once overdue.
  await remindStaffOfDeadlines(cloud.store, new Date('2026-12-10T02:00:00Z'), [caseDeadlines]);
  await remindStaffOfDeadlines(cloud.store, new Date('2026-12-16T02:00:00Z'), [caseDeadlines]);
}, 120_000);
afterAll(() => cloud?.close());

// Reads, and the pages that show personal data (each call is an audit entry, so they count as writes).
// windows.qrcode draws a window's code as an image (seconds each, and no record's text in it).
const READING = CONTRACT_ACTIONS.filter((a) => (!a.spec.writes || a.spec.viewsPersonalData) && a.name !== 'windows.qrcode');
/** Inputs aimed at the complaint itself, beside each action's usual valid inputs. */
const AIMED: Record<string, (c: { id: string; caseNumber: string }) => unknown[]> = {
  'inquiries.manageGet': (c) => [{ id: c.id }],
  'inquiries.get': (c) => [{ id: c.id }, { caseNumber: c.caseNumber }],
  'inquiries.queue': () => [{ kind: 'complaint' }, { status: 'open' }, { status: 'closed' }, { status: 'answered' }],
  'audit.search': (c) => [{ recordId: c.caseNumber }, { recordId: c.id }],
};

test('the walk covers the reading actions, the staff queue and page of a case among them', () => {
  expect(READING.map((a) => a.name)).toEqual(expect.arrayContaining(['inquiries.queue', 'inquiries.manageGet', 'inquiries.figures', 'workbench.todo', 'audit.export', 'reports.export']));
});

test.each(OBSERVERS)('%s finds no trace of the complaint in any answer', async (observer) => {
  const leaks: string[] = [];
  for (const walked of READING) {
    const inputs = [...((VALID_INPUTS as any)[walked.fn][walked.action](fixture) as unknown[]), ...(AIMED[walked.name]?.(complaint) ?? [])];
    for (const data of inputs) {
      const answer = JSON.stringify(await cloud.call(observer, walked.fn, { action: walked.action, data }));
      for (const marker of markers()) if (answer.includes(marker)) leaks.push(`${walked.name} ${JSON.stringify(data)}: ${marker}`);
    }
  }
  expect(leaks).toEqual([]);
}, 120_000);

test('the assigned answerer and the admins do see it (so the walk can see a leak)', async () => {
  for (const who of [ASSIGNED, 'demo-admin']) {
    const queue = JSON.stringify(ok(await cloud.call(who, 'inquiries', { action: 'queue', data: { kind: 'complaint' } })));
    expect(queue).toContain(complaint.caseNumber);
    expect(ok(await cloud.call(who, 'inquiries', { action: 'manageGet', data: { id: complaint.id } })).contact).toEqual({ name: '邵明远', phone: '13912340000' });
  }
});

test('notifications: the reminders go to the assigned answerer alone, and nothing sent to anyone else names the complaint', async () => {
  const rows = (await cloud.store.collection('outbox').find({ where: {}, orderBy: [['createdAt', 'asc']], limit: 1000 })).items;
  const about = rows.filter((row) => row.subjectId === complaint.id);
  expect(about.map((row) => (row.audience as { openid?: string }).openid)).toEqual([ASSIGNED, ASSIGNED]);
  const elsewhere = rows.filter((row) => !MAY_SEE.has((row.audience as { openid?: string }).openid ?? ''));
  for (const row of elsewhere) for (const marker of markers()) expect(`${row.cause}: ${JSON.stringify(row)}`).not.toContain(marker);
});
