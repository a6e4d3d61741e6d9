import { ok, type CloudHarness } from './cloud-harness';

/**
 * A clerk who joined by invitation (`staff-fixture-member`: handler in
 * 办公室, as version 1) and an open invitation nobody has used yet.
 */
export async function prepareStaffFixture(cloud: CloudHarness) {
  const joined = ok(await cloud.call('demo-admin', 'staff', { action: 'invite', data: { roles: ['handler'], departmentIds: ['office'], name: '夹具办理人员' } }));
  ok(await cloud.call('staff-fixture-member', 'staff', { action: 'accept', data: { code: joined.code } }));
  const member = await cloud.store.collection('staff').get('staff-fixture-member');
  const open = ok(await cloud.call('demo-admin', 'staff', { action: 'invite', data: { roles: ['viewer'], departmentIds: [], name: '夹具统计查看' } }));
  return { staffMemberOpenid: 'staff-fixture-member', staffMemberVersion: member!.version, inviteCode: open.code as string };
}
