import { BIDI_CONTROL_MESSAGE, hasBidiControls, withoutBidiControls } from '../../shared/api/bidi-controls';
import { cleanFileName } from '../../shared/files/attachment-files';
import { AttachmentSchema } from '../../shared/notices/notice-schema';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement, policy } from '../support/factories';
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
