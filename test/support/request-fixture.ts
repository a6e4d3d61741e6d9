import { ok, type CloudHarness } from './cloud-harness';
import { application } from './request-factories';

export interface RequestFixture {
  /** Submitted online by resident-a, not yet registered. */
  submittedId: string;
  submittedVersion: number;
  /** resident-a's request, registered by the clerk today. */
  registeredId: string;
  registeredVersion: number;
  /** resident-a's request awaiting a supplement. */
  awaitingSupplementId: string;
  awaitingSupplementVersion: number;
  /** resident-a's request whose applicant was asked for reasons (Art. 35), not answered yet. */
  reasonsRequestedId: string;
  reasonsRequestedVersion: number;
  /** resident-a's request awaiting payment of a fee notice (按量, 50 pages: 200 元). */
  feeRequestedId: string;
  feeRequestedVersion: number;
}

/** Requests in the states the valid inputs need, made through the functions. */
export async function prepareRequestFixture(cloud: CloudHarness): Promise<RequestFixture> {
  const submit = async () => ok(await cloud.call('resident-a', 'requests', { action: 'submit', data: application() }));
  const register = async (r: { id: string; version: number }) =>
    ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: r.id, version: r.version } }));

  const submitted = await submit();
  const registered = await register(await submit());
  const asked = ok(
    await cloud.call('demo-clerk', 'requests', {
      action: 'askSupplement',
      data: { id: (await register(await submit())).id, version: 2, items: ['请说明所需信息的年份'], workingDays: 10 },
    }),
  );
  const reasons = ok(
    await cloud.call('demo-clerk', 'requests', {
      action: 'askReasons',
      data: { id: (await register(await submit())).id, version: 2, text: '您本月已提出申请 40 件，请说明申请用途。' },
    }),
  );
  const charged = await register(await submit());
  const feeRequested = ok(
    await cloud.call('demo-clerk', 'requests', { action: 'askFee', data: { id: charged.id, version: charged.version, method: 'perPage', units: 50 } }),
  );
  return {
    reasonsRequestedId: reasons.id,
    reasonsRequestedVersion: reasons.version,
    feeRequestedId: feeRequested.id,
    feeRequestedVersion: feeRequested.version,
    submittedId: submitted.id,
    submittedVersion: submitted.version,
    registeredId: registered.id,
    registeredVersion: registered.version,
    awaitingSupplementId: asked.id,
    awaitingSupplementVersion: asked.version,
  };
}

/** The admin edits the extension notice's template once, so there is a bureau version to reset. */
export async function prepareLetterTemplateFixture(cloud: CloudHarness): Promise<{ editedTemplateVersion: number }> {
  const [extension] = (ok(await cloud.call('demo-admin', 'letterTemplates', { action: 'list', data: {} })) as Array<{ key: string; title: string; paragraphs: string[] }>).filter(
    (t) => t.key === 'extension',
  );
  const saved = ok(
    await cloud.call('demo-admin', 'letterTemplates', {
      action: 'save',
      data: { key: 'extension', version: 0, title: extension.title, paragraphs: [...extension.paragraphs, '如有疑问，请致电本机关政务公开办公室。'] },
    }),
  );
  return { editedTemplateVersion: saved.version };
}
