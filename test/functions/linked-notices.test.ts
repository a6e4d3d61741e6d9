import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement, consultation, policy } from '../support/factories';

/** A consultation's result notice and a policy's replacement must be published notices residents can open. */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness();
});
afterEach(() => cloud.close());

const call = (action: string, data: unknown) => cloud.call('demo-editor', 'notices', { action, data });

async function published(notice: unknown): Promise<string> {
  const draft = ok(await call('save', { notice }));
  ok(await call('publish', { id: draft.id, version: draft.version }));
  return draft.id;
}

test('a replacement must be an existing published policy', async () => {
  const draftPolicy = ok(await call('save', { notice: policy({ title: '草稿文件' }) }));
  const notice = await published(announcement());
  for (const replacedById of ['no-such-notice', draftPolicy.id, notice]) {
    expect(await call('save', { notice: policy({ validity: 'repealed', replacedById }) })).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      fields: { 'notice.replacedById': '替代文件须选择一份已发布的政策文件' },
    });
  }
  const replacement = await published(policy({ title: '新文件' }));
  const saved = ok(await call('save', { notice: policy({ validity: 'repealed', replacedById: replacement }) }));
  expect(saved.replacedById).toBe(replacement);
});

test('a result notice must be an existing published notice, and not the consultation itself', async () => {
  const draft = ok(await call('save', { notice: announcement({ title: '未发布的结果' }) }));
  for (const resultNoticeId of ['no-such-notice', draft.id]) {
    expect(await call('save', { notice: consultation({ resultNoticeId }) })).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      fields: { 'notice.resultNoticeId': '结果公告须选择一条已发布的公开信息' },
    });
  }
  const own = ok(await call('save', { notice: consultation() }));
  expect(await call('save', { id: own.id, version: own.version, notice: consultation({ resultNoticeId: own.id }) })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  const result = await published(announcement({ title: '意见采纳情况' }));
  const linked = ok(await call('save', { id: own.id, version: own.version, notice: consultation({ resultNoticeId: result }) }));
  expect(linked.resultNoticeId).toBe(result);
});
