import { BIDI_CONTROL_MESSAGE, hasBidiControls, withoutBidiControls } from '../../shared/api/bidi-controls';
import { cleanFileName } from '../../shared/files/attachment-files';
import { AttachmentSchema } from '../../shared/notices/notice-schema';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement, guide, policy } from '../support/factories';
import { windowContent } from '../support/rating-fixture';
import { application } from '../support/request-factories';

/**
 * Text direction tricks: "\u202e关于退款 0001 元的说明" is stored as written but shown to a clerk
 * with its digits reversed (1000). Names and titles refuse direction controls; file names lose them.
 */
const CONTROLS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

let cloud: CloudHarness;
beforeAll(async () => {
  cloud = await createCloudHarness();
});
afterAll(() => cloud.close());

test('a notice title with a right-to-left override is refused with VALIDATION_FAILED and a message beside the title', async () => {
  const before = await cloud.store.collection('notices').count();
  const answer = await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title: '\u202e关于退款 0001 元的说明' }) } });
  expect(answer).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  expect(Object.entries((answer as { fields?: Record<string, string> }).fields ?? {})).toEqual([[expect.stringMatching(/title$/), BIDI_CONTROL_MESSAGE]]);
  expect(await cloud.store.collection('notices').count()).toBe(before);
  // The same title without the control is fine.
  ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title: '关于退款 0001 元的说明' }) } }));
});

test.each(CONTROLS.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase()}`, c]))('an applicant’s name with %s is refused', async (_label, control) => {
  const answer = await cloud.call('resident-a', 'requests', { action: 'submit', data: application({ applicant: { ...application().applicant, name: `王${control}小明` } }) });
  expect(answer).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { 'applicant.name': BIDI_CONTROL_MESSAGE } });
});

test('a file name loses its direction controls, at upload and in the attachment schema', () => {
  expect(cleanFileName('C:\\docs\\\u202e说明fdp.exe')).toBe('说明fdp.exe');
  expect(cleanFileName('\u2066年报\u2069.pdf')).toBe('年报.pdf');
  expect(AttachmentSchema.parse({ name: '\u202e退款说明.pdf', url: 'https://www.yunxi.gov.cn/a.pdf', sizeBytes: 1 }).name).toBe('退款说明.pdf');
  expect(AttachmentSchema.safeParse({ name: '\u202e', url: 'https://www.yunxi.gov.cn/a.pdf', sizeBytes: 1 }).success).toBe(false);
});

test('a notice whose attachment name carries a control is saved with the name cleaned', async () => {
  const saved = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: policy({ attachments: [{ name: '\u202e管理办法.pdf', url: 'https://www.yunxi.gov.cn/files/a.pdf', sizeBytes: 1024 }] }) } }));
  expect(JSON.stringify(saved)).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  expect(saved.attachments.map((a: { name: string }) => a.name)).toEqual(['管理办法.pdf']);
});

test('every control of both ranges, and nothing else, counts', () => {
  for (const c of CONTROLS) expect(hasBidiControls(`a${c}b`)).toBe(true);
  for (const c of ['\u200e', '\u200f', '\u2029', '\u206a', '\u2065', '关']) expect(hasBidiControls(c)).toBe(false);
  expect(withoutBidiControls(CONTROLS.join('中'))).toBe('中'.repeat(CONTROLS.length - 1));
});

/** Where each other name or title is typed, by whom, and the field its refusal names. */
const FIELDS: Array<[string, string, string, string, (name: string) => unknown, string]> = [
  ['a staff member invited under a reversed name', 'demo-admin', 'staff', 'invite', (n) => ({ roles: ['handler'], departmentIds: ['office'], name: n }), 'name'],
  ["a window's name", 'demo-admin', 'windows', 'save', (n) => ({ window: windowContent({ name: n }) }), 'window.name'],
  ["a window's place", 'demo-admin', 'windows', 'save', (n) => ({ window: windowContent({ location: n }) }), 'window.location'],
  ["a window's service", 'demo-admin', 'windows', 'save', (n) => ({ window: windowContent({ services: [{ name: n }] }) }), 'window.services.0.name'],
  ["a guide's title", 'demo-editor', 'notices', 'save', (n) => ({ notice: guide({ title: n }) }), 'notice.title'],
  ["a guide's 审批项目", 'demo-editor', 'notices', 'save', (n) => ({ notice: guide({ guide: { ...((guide() as { guide: object }).guide), approvalItem: n } }) }), 'notice.guide.approvalItem'],
  ["a guide's window", 'demo-editor', 'notices', 'save', (n) => ({ notice: guide({ guide: { ...((guide() as { guide: object }).guide), location: { window: n, address: '人民路88号', hours: '工作日' } } }) }), 'notice.guide.location.window'],
  ["a letter template's title", 'demo-admin', 'letterTemplates', 'preview', (n) => ({ key: 'withhold', title: n, paragraphs: ['{applicant}：', '{replyText}', '{remedies}'] }), 'title'],
  ["a holiday's name", 'demo-admin', 'calendar', 'setDay', (n) => ({ date: '2026-12-31', kind: 'holiday', name: n }), 'name'],
];

test.each(FIELDS)('%s refuses a direction control beside its field, and writes nothing', async (_what, who, fn, action, input, field) => {
  const before = JSON.stringify(await Promise.all((['staff', 'staffInvites', 'windows', 'notices', 'calendar', 'events'] as const).map((c) => cloud.store.collection(c).count())));
  const answer = await cloud.call(who, fn, { action, data: input('\u202e关于退款 0001 元') });
  expect(answer).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  expect((answer as { fields?: Record<string, string> }).fields?.[field]).toBe(BIDI_CONTROL_MESSAGE);
  expect(JSON.stringify(await Promise.all((['staff', 'staffInvites', 'windows', 'notices', 'calendar', 'events'] as const).map((c) => cloud.store.collection(c).count())))).toBe(before);
  // Without the control the same input is taken.
  expect(await cloud.call(who, fn, { action, data: input('关于退款 0001 元') })).toMatchObject({ ok: true });
});

test('a rater\'s contact name for the follow-up refuses a direction control', async () => {
  const { RatingSubmitSchema } = await import('../../shared/ratings/ratings-schema');
  const parsed = RatingSubmitSchema.safeParse({ windowId: 'w1', level: 'dissatisfied', contactName: '陈\u202e先生' });
  expect(parsed.success).toBe(false);
});
