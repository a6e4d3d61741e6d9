import { uploadIdOf } from '../../cloudfunctions/_runtime/upload-records';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { application } from '../support/request-factories';

/**
 * Files that come with a supplement (条例 Art. 30): the resident may attach only files uploaded
 * through the app — an https:// address, or someone else's upload, is refused beside the field with
 * nothing written — and what came is shown to staff and to the applicant.
 */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness({ now: new Date('2026-09-28T02:00:00Z') });
});
afterEach(() => cloud.close());

const FILE_ID = 'AbCdEfGhIjKlMnOpQrStUv'; // 22 characters, as the local cloud names uploads

/** What the local cloud's upload writes: the file's record, naming who uploaded it. */
async function uploaded(openid: string, id = FILE_ID) {
  await cloud.store
    .collection('files')
    .insert({ id, name: '地块图.pdf', contentType: 'application/pdf', sizeBytes: 2048, sha256: 'a'.repeat(64), uploadedBy: openid, createdAt: '2026-09-29T02:00:00.000Z' });
  return { name: '地块图.pdf', url: `/files/${id}`, sizeBytes: 2048 };
}

async function awaitingSupplement(): Promise<{ id: string; version: number }> {
  const submitted = ok(await cloud.call('resident-a', 'requests', { action: 'submit', data: application() }));
  const registered = ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: submitted.id, version: submitted.version } }));
  return ok(await cloud.call('demo-clerk', 'requests', { action: 'askSupplement', data: { id: registered.id, version: registered.version, items: ['请附上地块图'], workingDays: 10 } }));
}

const supplement = (r: { id: string; version: number }, attachments: object[]) =>
  cloud.call('resident-a', 'requests', { action: 'supplement', data: { id: r.id, version: r.version, text: '地块图见附件。', attachments } });

test('an arbitrary https:// address is refused beside the field, and nothing is written', async () => {
  const r = await awaitingSupplement();
  const refused = await supplement(r, [{ name: '图.pdf', url: 'https://evil.example/track.pdf', sizeBytes: 1 }]);
  expect(refused).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { 'attachments.0.url': '只能附上通过本小程序上传的文件' } });
  expect(await cloud.store.collection('requests').get(r.id)).toMatchObject({ version: r.version, status: 'supplementRequested' });
});

test("someone else's upload cannot be attached by copying its link", async () => {
  const r = await awaitingSupplement();
  const theirs = await uploaded('resident-b');
  expect(await supplement(r, [theirs])).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { 'attachments.0.url': '只能附上通过本小程序上传的文件' } });
  // An id nobody uploaded is the same.
  expect(await supplement(r, [{ ...theirs, url: '/files/ZZZZZZZZZZZZZZZZZZZZZZ' }])).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
});

test('the resident\'s own upload (or a CloudBase one) is kept, and shown to the clerk and to the applicant', async () => {
  const r = await awaitingSupplement();
  const mine = await uploaded('resident-a');
  const cloudFile = { name: '身份证明.jpg', url: 'cloud://env-1a2b/attachments/2026-09/k3J9xQ2mT8.jpg', sizeBytes: 4096 };
  // As files.upload records a phone's upload to CloudBase storage.
  await cloud.store
    .collection('files')
    .insert({ id: uploadIdOf(cloudFile.url)!, name: cloudFile.name, contentType: 'image/jpeg', sizeBytes: 4096, uploadedBy: 'resident-a', createdAt: '2026-09-29T02:00:00.000Z', url: cloudFile.url, attached: false });
  const done = ok(await supplement(r, [mine, cloudFile]));
  expect(done.supplement.answer).toMatchObject({ text: '地块图见附件。', attachments: [mine, cloudFile] });
  const staffView = ok(await cloud.call('demo-clerk', 'requests', { action: 'manageGet', data: { id: r.id } }));
  expect(staffView.supplement.answer.attachments).toEqual([mine, cloudFile]);
  const applicantView = ok(await cloud.call('resident-a', 'requests', { action: 'get', data: { id: r.id } }));
  expect(applicantView.supplement.answer.attachments).toEqual([mine, cloudFile]);
});

test('a supplement that came by post, with the scan the clerk uploaded, is shown to the clerk and to the applicant', async () => {
  const r = await awaitingSupplement();
  const scan = { ...(await uploaded('demo-clerk')), name: '补正来信扫描件.pdf' };
  ok(await cloud.call('demo-clerk', 'requests', {
    action: 'recordSupplement',
    data: { id: r.id, version: r.version, receivedOn: '2026-09-28', text: '申请人来信补正，附地块图。', attachments: [scan] },
  }));
  const staffView = ok(await cloud.call('demo-clerk', 'requests', { action: 'manageGet', data: { id: r.id } }));
  expect(staffView.supplement.answer).toMatchObject({ text: '申请人来信补正，附地块图。', attachments: [scan] });
  const applicantView = ok(await cloud.call('resident-a', 'requests', { action: 'get', data: { id: r.id } }));
  expect(applicantView.supplement.answer.attachments).toEqual([scan]);
});
