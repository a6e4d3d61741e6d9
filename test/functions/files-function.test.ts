import { RATE_LIMITS_META_ID } from '../../shared/limits/rate-limits';
import { uploadIdOf } from '../../cloudfunctions/_runtime/upload-records';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';
import { application } from '../support/request-factories';

/**
 * Function `files` over the real functions and SQLite: `link` answers the same access rules as the
 * local cloud's `/files/<id>` route (withdrawn means withdrawn; a request's files only its applicant
 * and its handlers), asked of the record the app names; `upload` records a CloudBase upload as the
 * caller's, with the local cloud's upload rules and limit. The CloudBase end (storage's temporary
 * addresses through the real SDK) is test/functions/cloudbase-files.test.ts.
 */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness({ now: new Date('2026-11-24T02:00:00Z') });
});
afterEach(() => cloud.close());

const FILE = '/files/NoticeAttachmentFile00';
const LETTER = '/files/ReplyLetterFile0000001';
const link = (openid: string | null, url: string, on?: { kind: string; id: string }) => cloud.call(openid, 'files', { action: 'link', data: on ? { url, on } : { url } });
const refused = { ok: false, code: 'FILE_NOT_FOUND' };

test('a published notice’s file is linked for anyone; withdrawn, for staff only; a record that does not carry it links nothing', async () => {
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ attachments: [{ name: '停水通知.pdf', url: FILE, sizeBytes: 10 }] }) } }));
  expect(await link(null, FILE, { kind: 'notice', id: draft.id })).toMatchObject(refused);
  const published = ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
  expect(await link(null, FILE, { kind: 'notice', id: draft.id })).toEqual({ ok: true, data: { url: FILE, expiresAt: null } });
  expect(await link('demo-resident', FILE, { kind: 'notice', id: draft.id })).toMatchObject({ ok: true });
  // Named with a record that does not carry it, or with none: nothing.
  const other = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title: '另一则' }) } }));
  expect(await link('demo-resident', FILE, { kind: 'notice', id: other.id })).toMatchObject(refused);
  expect(await link('demo-resident', FILE)).toMatchObject(refused);

  ok(await cloud.call('demo-editor', 'notices', { action: 'withdraw', data: { id: published.id, version: published.version, reason: '内容有误，撤回更正' } }));
  expect(await link(null, FILE, { kind: 'notice', id: draft.id })).toMatchObject(refused);
  expect(await link('demo-resident', FILE, { kind: 'notice', id: draft.id })).toMatchObject(refused);
  expect(await link('demo-editor', FILE, { kind: 'notice', id: draft.id })).toMatchObject({ ok: true });
});

test('a request’s letter: its applicant and the staff who handle it; another resident or department, nothing', async () => {
  const submitted = ok(await cloud.call('applicant-x', 'requests', { action: 'submit', data: application() }));
  const registered = ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: submitted.id, version: submitted.version } }));
  ok(
    await cloud.call('demo-clerk', 'requests', {
      action: 'reply',
      data: { id: registered.id, version: registered.version, category: 'disclosed', text: '经查，所申请信息予以公开，见附件。', attachments: [{ name: '答复.pdf', url: LETTER, sizeBytes: 10 }] },
    }),
  );
  const on = { kind: 'request', id: submitted.id };
  expect(await link('applicant-x', LETTER, on)).toMatchObject({ ok: true });
  expect(await link('demo-clerk', LETTER, on)).toMatchObject({ ok: true });
  expect(await link('demo-admin', LETTER, on)).toMatchObject({ ok: true });
  // The bureau's own reply file is not the applicant's personal data: no view on 操作记录.
  expect(await cloud.store.collection('audit').count({ action: 'files.link' })).toBe(0);
  expect(await link('someone-else', LETTER, on)).toMatchObject(refused);
  expect(await link(null, LETTER, on)).toMatchObject(refused);
  expect(await link('demo-editor', LETTER, on)).toMatchObject(refused);
  await cloud.store.collection('staff').insert({ id: 'housing-clerk', name: '住房保障科办理人员', roles: ['handler'], departmentIds: ['housing'], departmentId: 'housing', active: true });
  expect(await link('housing-clerk', LETTER, on)).toMatchObject(refused);
});

test('staff opening a resident’s own file on their case is a personal-data view on 操作记录; the resident’s own look is not', async () => {
  const photo = '/files/AskerPhotoSentWith0001';
  await cloud.store.collection('files').insert({ id: 'AskerPhotoSentWith0001', name: 'a.png', contentType: 'image/png', sizeBytes: 1, uploadedBy: 'asker-y', createdAt: cloud.clock.now.toISOString(), attached: false });
  const asked = ok(await cloud.call('asker-y', 'inquiries', { action: 'ask', data: { idempotencyKey: 'photo-view-00001', kind: 'inquiry', topic: '积水', text: '小区门口积水，请处理。', attachments: [{ name: '积水.png', url: photo, sizeBytes: 1 }] } }));
  const on = { kind: 'inquiry', id: asked.id };
  const views = async () => (await cloud.store.collection('audit').find({ where: { action: 'files.link' }, orderBy: [['at', 'asc']], limit: 10 })).items;
  expect(await link('asker-y', photo, on)).toMatchObject({ ok: true });
  expect(await views()).toHaveLength(0);
  expect(await link('demo-clerk', photo, on)).toMatchObject({ ok: true });
  expect(await views()).toEqual([expect.objectContaining({ actor: 'demo-clerk', kind: 'personalDataViewed', recordId: asked.id, fields: [] })]);
});

const PHOTO = 'cloud://env-1a2b/attachments/2026-11/k3J9xQ2mT8.png';
const upload = (openid: string, data: Record<string, unknown>) => cloud.call(openid, 'files', { action: 'upload', data: { url: PHOTO, name: '积水.png', sizeBytes: 2048, ...data } });

test('a CloudBase upload is recorded once, as its first caller’s, unattached, with an event; it is theirs to link until sent', async () => {
  expect(await upload('asker-y', {})).toEqual({ ok: true, data: { id: uploadIdOf(PHOTO), name: '积水.png', url: PHOTO, sizeBytes: 2048 } });
  expect(await cloud.store.collection('files').get(uploadIdOf(PHOTO)!)).toMatchObject({ url: PHOTO, uploadedBy: 'asker-y', attached: false, contentType: 'image/png' });
  const events = await cloud.store.collection('events').find({ where: { subjectId: uploadIdOf(PHOTO)! }, orderBy: [['at', 'asc']], limit: 5 });
  expect(events.items).toEqual([expect.objectContaining({ action: 'uploaded', actor: 'asker-y' })]);
  // A retry answers the same; another resident cannot claim it.
  expect(await upload('asker-y', {})).toMatchObject({ ok: true });
  expect(await upload('someone-else', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  // Its uploader may look at it before sending (CloudBase: no link without storage here, so the rule is seen with a local one).
  await cloud.store.collection('files').insert({ id: 'OwnPhotoNotSentYet0000', name: 'a.png', contentType: 'image/png', sizeBytes: 1, uploadedBy: 'asker-y', createdAt: cloud.clock.now.toISOString(), attached: false });
  expect(await link('asker-y', '/files/OwnPhotoNotSentYet0000')).toMatchObject({ ok: true });
  expect(await link('someone-else', '/files/OwnPhotoNotSentYet0000')).toMatchObject(refused);
});

test('what may not be recorded: a resident’s PDF (no supplement awaited), a type unlike its name, an old or foreign path', async () => {
  expect(await upload('asker-y', { url: 'cloud://env-1a2b/attachments/2026-11/abcdef.pdf', name: '材料.pdf' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await upload('asker-y', { url: 'cloud://env-1a2b/attachments/2026-11/abcdef.pdf' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { url: '文件类型与文件名不符' } });
  expect(await upload('asker-y', { url: 'cloud://env-1a2b/attachments/2026-08/abcdef.png' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { url: '只能登记刚上传的文件' } });
  expect(await upload('asker-y', { url: 'cloud://env-1a2b/other/abcdef.png' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  // Last month's folder is still fresh (an upload at the turn of the month).
  expect(await upload('asker-y', { url: 'cloud://env-1a2b/attachments/2026-10/abcdef.png' })).toMatchObject({ ok: true });
  expect(await cloud.store.collection('files').count()).toBe(1);
});

test('only recorded uploads count against the limit; refusals are taken off again', async () => {
  const limited = await createCloudHarness({ now: new Date('2026-11-24T02:00:00Z'), rateLimits: true, seed: false });
  try {
    await limited.store.collection('meta').insert({ id: RATE_LIMITS_META_ID, rateLimits: { 'files.upload': { resident: [{ max: 2, seconds: 3600 }] } } });
    const up = (n: number, name = `p${n}.png`) => limited.call('asker-z', 'files', { action: 'upload', data: { url: `cloud://env/attachments/2026-11/p${n}.png`, name, sizeBytes: 10 } });
    for (let i = 0; i < 3; i++) expect(await up(i, `p${i}.jpg`)).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await up(10)).toMatchObject({ ok: true });
    expect(await up(11)).toMatchObject({ ok: true });
    expect(await up(12)).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
  } finally {
    limited.close();
  }
});

test('a CloudBase file recorded as someone else’s upload cannot be attached to one’s own question (so a withdrawn notice’s file is not read back as its “owner”)', async () => {
  ok(await upload('demo-editor', { name: '停水通知.png' }));
  const ask = (openid: string, key: string, url: string) =>
    cloud.call(openid, 'inquiries', { action: 'ask', data: { idempotencyKey: key, kind: 'inquiry', topic: '停水', text: '停水到几点？', attachments: [{ name: '通知.png', url, sizeBytes: 2048 }] } });
  const refusedAsk = await ask('asker-y', 'attach-other-0001', PHOTO);
  expect(refusedAsk).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { 'attachments.0.url': '只能附上通过本小程序上传的文件' } });
  expect(await cloud.store.collection('inquiries').count()).toBe(0);
  // Their own recorded upload goes.
  const own = 'cloud://env-1a2b/attachments/2026-11/OwnPhotoAsker01.png';
  ok(await upload('asker-y', { url: own }));
  expect(await ask('asker-y', 'attach-own-00001', own)).toMatchObject({ ok: true });
  expect(await cloud.store.collection('inquiries').count()).toBe(1);
});

test('a CloudBase fileID with no upload record at all cannot be attached: its path does not say whose it is, so it is refused as a copied one is, with the same answer', async () => {
  const ask = (key: string, url: string) =>
    cloud.call('asker-y', 'inquiries', { action: 'ask', data: { idempotencyKey: key, kind: 'inquiry', topic: '停水', text: '停水到几点？', attachments: [{ name: '通知.png', url, sizeBytes: 2048 }] } });
  // A notice's file from before uploads were recorded (later withdrawn), or a phone upload of then: the same folders, no owner to tell.
  for (const [i, url] of ['cloud://env-1a2b/attachments/2025-01/OldUnrecorded.png', 'cloud://env-1a2b/attachments/2026-11/NeverRecorded.png'].entries()) {
    expect(await ask(`attach-old-0000${i}`, url)).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { 'attachments.0.url': '只能附上通过本小程序上传的文件' } });
  }
  expect(await cloud.store.collection('inquiries').count()).toBe(0);
  // Picked again on the phone, this month's upload is recorded as theirs and goes.
  const again = 'cloud://env-1a2b/attachments/2026-11/NeverRecorded.png';
  ok(await upload('asker-y', { url: again }));
  expect(await ask('attach-old-00009', again)).toMatchObject({ ok: true });
});
