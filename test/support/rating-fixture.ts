import type { CloudHarness } from './cloud-harness';
import { ok } from './cloud-harness';

/** The records the windows and ratings actions need, created through the functions. */
export interface RatingFixture {
  windowId: string;
  windowVersion: number;
  serviceId: string;
  /** Issued, not yet rated. */
  visitCode: string;
  /** An open follow-up (for respond and appeal). */
  openFollowUpId: string;
  openFollowUpVersion: number;
  /** An answered follow-up of a 差评 by `resident-a` (for close and the rater's feedback). */
  answeredFollowUpId: string;
  answeredFollowUpVersion: number;
  /** A follow-up answered with a 限期整改 plan, not yet completed (for complete). */
  rectifyingFollowUpId: string;
  rectifyingFollowUpVersion: number;
  /** A follow-up under appeal (for the admin's decision). */
  appealedFollowUpId: string;
  appealedFollowUpVersion: number;
}

export const FIXTURE_RATER = 'resident-a';

export function windowContent(overrides: Record<string, unknown> = {}) {
  return {
    name: '夹具窗口',
    departmentId: 'approval',
    location: '政务服务中心一楼 A 区',
    services: [{ name: '商品房预售许可' }, { name: '施工许可证核发' }],
    active: true,
    ...overrides,
  };
}

export const RESPONSE = {
  contactMethod: 'phone',
  contactNote: '已电话联系居民，了解等候时间过长的情况',
  finding: 'valid',
  rectification: 'immediate',
  answer: '经核实情况属实，已增开一个窗口并调整午间排班，感谢您的监督。',
} as const;

export async function prepareRatingFixture(cloud: CloudHarness): Promise<RatingFixture> {
  const window = ok(await cloud.call('demo-admin', 'windows', { action: 'save', data: { window: windowContent() } }));
  const serviceId = window.services[0].id as string;
  const issue = async () => ok(await cloud.call('demo-admin', 'windows', { action: 'issueVisit', data: { windowId: window.id, serviceId } })).visitCode as string;
  const badRating = async () => {
    const visitCode = await issue();
    return ok(await cloud.call(FIXTURE_RATER, 'ratings', { action: 'submit', data: { visitCode, level: 'dissatisfied', tags: ['等候时间长'], comment: '排队太久' } })).id as string;
  };
  const openId = await badRating();
  const answeredId = await badRating();
  const answered = ok(await cloud.call('demo-admin', 'ratings', { action: 'respond', data: { id: answeredId, version: 1, ...RESPONSE } }));
  const rectifyingId = await badRating();
  const rectifying = ok(
    await cloud.call('demo-admin', 'ratings', { action: 'respond', data: { id: rectifyingId, version: 1, ...RESPONSE, rectification: 'plan', planDueDate: '2026-12-18' } }),
  );
  const appealedId = await badRating();
  const appealed = ok(await cloud.call('demo-admin', 'ratings', { action: 'appeal', data: { id: appealedId, version: 1, reason: '当日系统故障，非窗口人员原因' } }));
  return {
    windowId: window.id,
    windowVersion: window.version,
    serviceId,
    visitCode: await issue(),
    openFollowUpId: openId,
    openFollowUpVersion: 1,
    answeredFollowUpId: answeredId,
    answeredFollowUpVersion: answered.version,
    rectifyingFollowUpId: rectifyingId,
    rectifyingFollowUpVersion: rectifying.version,
    appealedFollowUpId: appealedId,
    appealedFollowUpVersion: appealed.version,
  };
}

/** The calls the ratings suites make again and again, on a harness that each test may replace. */
export function ratingCalls(cloud: () => CloudHarness, officer = 'demo-rater') {
  return {
    newWindow: async (overrides: Record<string, unknown> = {}) =>
      ok(await cloud().call(officer, 'windows', { action: 'save', data: { window: windowContent(overrides) } })),
    issue: async (windowId: string, serviceId?: string) => ok(await cloud().call(officer, 'windows', { action: 'issueVisit', data: { windowId, serviceId } })),
    rate: (who: string, data: Record<string, unknown>) => cloud().call(who, 'ratings', { action: 'submit', data }),
    stats: async (data: Record<string, unknown>) => ok(await cloud().call(null, 'ratings', { action: 'stats', data })),
  };
}
