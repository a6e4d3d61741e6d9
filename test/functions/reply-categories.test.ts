import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { application } from '../support/request-factories';

/**
 * Each reply category's preconditions and fields over the real functions and SQLite (条例 Arts. 30,
 * 36): what the clerk must name is refused when missing, beside its field, with nothing written;
 * the stored reply and its letter carry it.
 */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness({ now: new Date('2026-09-28T02:00:00Z') });
});
afterEach(() => cloud.close());

const clerk = (action: string, data: object) => cloud.call('demo-clerk', 'requests', { action, data });

async function registered(): Promise<{ id: string; version: number; trackingNumber: string }> {
  const submitted = ok(await cloud.call('resident-a', 'requests', { action: 'submit', data: application() }));
  return ok(await clerk('register', { id: submitted.id, version: submitted.version }));
}

const letterOf = (view: { letters: Array<{ kind: string; paragraphs: string[] }> }) => view.letters.find((l) => l.kind === 'reply')!.paragraphs.join('\n');

test('notProcessed.repeat names an earlier request that was answered: an unknown, unanswered or own number is refused on its field', async () => {
  const earlier = await registered();
  const r = await registered();
  const repeat = (earlierTrackingNumber: string) => clerk('reply', { id: r.id, version: r.version, category: 'notProcessed.repeat', text: '不予重复处理。', earlierTrackingNumber });

  for (const number of ['依申〔2026〕999999号', earlier.trackingNumber, r.trackingNumber]) {
    expect(await repeat(number)).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { earlierTrackingNumber: expect.stringContaining(number) } });
  }
  expect(await clerk('reply', { id: r.id, version: r.version, category: 'notProcessed.repeat', text: '不予重复处理。' })).toMatchObject({
    ok: false,
    code: 'VALIDATION_FAILED',
    fields: { earlierTrackingNumber: '请填写已答复的原申请编号' },
  });
  expect(await cloud.store.collection('requests').get(r.id)).toMatchObject({ version: r.version, reply: null });

  ok(await clerk('reply', { id: earlier.id, version: earlier.version, category: 'disclosed', text: '予以公开，见附件。' }));
  const replied = ok(await repeat(earlier.trackingNumber));
  expect(replied.reply).toMatchObject({ category: 'notProcessed.repeat', replyType: 'repeat', earlierTrackingNumber: earlier.trackingNumber });
  expect(letterOf(replied)).toContain(`编号 ${earlier.trackingNumber}`);
});

test('unavailable.unclear before any supplement is UNCLEAR_WITHOUT_SUPPLEMENT; after one is answered it is the reply', async () => {
  const r = await registered();
  const unclear = (version: number) => clerk('reply', { id: r.id, version, category: 'unavailable.unclear', text: '补正后仍不明确。' });
  expect(await unclear(r.version)).toMatchObject({ ok: false, code: 'UNCLEAR_WITHOUT_SUPPLEMENT' });
  const asked = ok(await clerk('askSupplement', { id: r.id, version: r.version, items: ['请写明文件名称'], workingDays: 10 }));
  const supplemented = ok(await cloud.call('resident-a', 'requests', { action: 'supplement', data: { id: r.id, version: asked.version, text: '就是那个文件。' } }));
  expect(ok(await unclear(supplemented.version))).toMatchObject({ status: 'replied', reply: { category: 'unavailable.unclear' } });
});

test('withheld.query, notHeld for another agency, and other.other: each stored with what it names, and its letter says it', async () => {
  const query = await registered();
  const q = ok(await clerk('reply', { id: query.id, version: query.version, category: 'withheld.query', text: '请按规定查询。', procedure: '不动产登记资料查询' }));
  expect(q.reply).toMatchObject({ procedure: '不动产登记资料查询', legalBasis: expect.stringContaining('第三十六条第（七）项') });
  expect(letterOf(q)).toContain('请您依照有关法律、行政法规的规定办理：不动产登记资料查询');

  const other = await registered();
  const missingContact = await clerk('reply', { id: other.id, version: other.version, category: 'unavailable.notHeld', text: '请向该局申请。', agencyName: '云溪区自然资源和规划局' });
  expect(missingContact).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { agencyContact: expect.any(String) } });
  const n = ok(
    await clerk('reply', { id: other.id, version: other.version, category: 'unavailable.notHeld', text: '请向该局申请。', agencyName: '云溪区自然资源和规划局', agencyContact: '0571-88886666' }),
  );
  expect(letterOf(n)).toContain('负责公开该信息的行政机关为云溪区自然资源和规划局，联系方式：0571-88886666');

  const closing = await registered();
  expect(await clerk('close', { id: closing.id, version: closing.version, category: 'other.other', reason: '申请人书面确认不再需要' })).toMatchObject({
    ok: false,
    code: 'VALIDATION_FAILED',
    fields: { basis: '请填写处理依据' },
  });
  const closed = ok(await clerk('close', { id: closing.id, version: closing.version, category: 'other.other', reason: '申请人书面确认不再需要', basis: '第二十九条' }));
  expect(closed.ending).toMatchObject({ category: 'other.other', basis: '第二十九条' });
  expect(letterOf(closed)).toContain('根据《中华人民共和国政府信息公开条例》第二十九条的规定');
});
