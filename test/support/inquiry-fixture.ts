import { ok, type CloudHarness } from './cloud-harness';

/**
 * Cases for the contract walks: an open inquiry, one answered (to rate, follow up, publish),
 * one waiting for more (to give more), all asked by resident-a; an open complaint assigned to
 * nobody (admins only); and an active FAQ entry.
 */
export async function prepareInquiryFixture(cloud: CloudHarness) {
  const ask = async (key: string, data: Record<string, unknown> = {}) =>
    ok(await cloud.call('resident-a', 'inquiries', { action: 'ask', data: { idempotencyKey: key, kind: 'inquiry', topic: '养犬登记', text: '养犬登记需要带哪些材料？', ...data } })) as { id: string; caseNumber: string };
  const open = await ask('fixture-inquiry-open');
  const answered = await ask('fixture-inquiry-answered', { topic: '垃圾分类', text: '小区垃圾分类投放时间是几点？' });
  const version = async (id: string) => (await cloud.store.collection('inquiries').get(id))!.version;
  ok(await cloud.call('demo-admin', 'inquiries', { action: 'answer', data: { id: answered.id, version: await version(answered.id), text: '每日 7:00-9:00 和 18:00-20:00 定时投放。' } }));
  const waiting = await ask('fixture-inquiry-waiting', { topic: '停车', text: '我想问停车的事。' });
  ok(await cloud.call('demo-admin', 'inquiries', { action: 'askMore', data: { id: waiting.id, version: await version(waiting.id), items: ['请说明所在小区名称'] } }));
  const complaint = await ask('fixture-complaint', { kind: 'complaint', topic: '噪音', text: '工地夜间施工噪音扰民。', anonymous: true });
  const faq = ok(await cloud.call('demo-admin', 'faq', { action: 'save', data: { entry: { question: '如何办理养犬登记？', answer: '携带身份证和犬只免疫证明到所在街道办理。', topic: '养犬登记' } } }));
  return {
    openCaseId: open.id,
    openCaseVersion: await version(open.id),
    openCaseNumber: open.caseNumber,
    answeredCaseId: answered.id,
    answeredCaseVersion: await version(answered.id),
    waitingCaseId: waiting.id,
    waitingCaseVersion: await version(waiting.id),
    complaintCaseId: complaint.id,
    complaintCaseVersion: await version(complaint.id),
    faqId: faq.id as string,
    faqVersion: faq.version as number,
  };
}
