import { createCloudHarness, type CloudHarness } from '../support/cloud-harness';

/** Search is open to anyone: a control character in a query is bad input (400, in Chinese), never a crash. */
let cloud: CloudHarness;
beforeAll(async () => {
  cloud = await createCloudHarness();
});
afterAll(() => cloud.close());

test.each(['\u0000abc', '加装\u0007电梯', '物业\u001b[31m', '\u007f消防', '公示\u0085'])('%j is refused with VALIDATION_FAILED on q, and nothing breaks', async (q) => {
  const answer = await cloud.call(null, 'notices', { action: 'search', data: { q } });
  expect(answer).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  expect((answer as { fields?: Record<string, string> }).fields?.q).toMatch(/[\u4e00-\u9fff]/);
});

test('an ordinary query, and one with a plain space, still search', async () => {
  expect(await cloud.call(null, 'notices', { action: 'search', data: { q: '加装电梯' } })).toMatchObject({ ok: true });
  expect(await cloud.call(null, 'notices', { action: 'search', data: { q: '物业 服务' } })).toMatchObject({ ok: true });
});

test('the FAQ search, open to anyone too, refuses them the same way', async () => {
  for (const q of ['\u0000abc', '落户\u0007材料']) {
    const answer = await cloud.call(null, 'faq', { action: 'search', data: { q } });
    expect(answer).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect((answer as { fields?: Record<string, string> }).fields?.q).toMatch(/[\u4e00-\u9fff]/);
  }
  expect(await cloud.call(null, 'faq', { action: 'search', data: { q: '落户' } })).toMatchObject({ ok: true });
});
