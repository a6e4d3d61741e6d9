import { runJobsUntilIdle } from '../../cloudfunctions/_jobs/run-jobs';
import { JOBS } from '../../cloudfunctions/_jobs/registry';
import { recordingSender } from '../../cloudfunctions/_notifications/recording-sender';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import type { CloudHarness } from './cloud-harness';
import { ok } from './cloud-harness';
import { announcement } from './factories';

/** Runs every periodic job until idle, as the local cloud's dispatcher does, with the recording sender: the outbox is drained. */
export async function dispatchAll(cloud: CloudHarness): Promise<void> {
  const now = () => cloud.clock.now;
  await runJobsUntilIdle({ store: cloud.store, sender: recordingSender(cloud.store, now), now, log: silentLogger }, 50_000, JOBS);
}

/** resident-a subscribes to 通知公告, the editor publishes one, and the dispatcher puts it in resident-a's inbox. */
export async function prepareInboxFixture(cloud: CloudHarness): Promise<{ inboxId: string; inboxSubjectId: string }> {
  ok(await cloud.call('resident-a', 'subscriptions', { action: 'subscribe', data: { kind: 'announcement' } }));
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title: '夹具通知' }) } }));
  ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
  await dispatchAll(cloud);
  const page = ok(await cloud.call('resident-a', 'inbox', { action: 'list', data: {} }));
  if (!page.items.length) throw new Error('fixture: the published notice did not reach the inbox');
  return { inboxId: page.items[0].id, inboxSubjectId: draft.id };
}
