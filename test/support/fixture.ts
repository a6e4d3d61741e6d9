import type { CloudHarness } from './cloud-harness';
import { ok } from './cloud-harness';
import { announcement } from './factories';
import { prepareRatingFixture } from './rating-fixture';
import type { Fixture } from './valid-inputs';
import { COLLECTIONS } from '../../cloudfunctions/_runtime/collections';
import { prepareRequestFixture } from './request-fixture';
import { prepareInboxFixture } from './notifications-fixture';

/** A draft and a published notice, created through the functions as the demo editor. */
export async function prepareFixture(cloud: CloudHarness): Promise<Fixture> {
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title: '夹具草稿' }) } }));
  const toPublish = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title: '夹具已发布' }) } }));
  const published = ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: toPublish.id, version: toPublish.version } }));
  const fixture: Fixture = { noticeId: draft.id, noticeVersion: draft.version, publishedId: published.id, publishedVersion: published.version } as Fixture;

  // requests (issue 6): e.g. Object.assign(fixture, await prepareRequestFixture(cloud));
  Object.assign(fixture, await prepareRequestFixture(cloud));

  // subscriptions, inbox (issue 7)
  Object.assign(fixture, await prepareInboxFixture(cloud));

  // windows, ratings (issue 9)
  Object.assign(fixture, await prepareRatingFixture(cloud));

  return fixture;
}

/** Everything a write could touch, as counts: a failed call must leave these unchanged. */
export async function storeCounts(cloud: CloudHarness): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of Object.keys(COLLECTIONS)) counts[name] = await cloud.store.collection(name).count();
  return counts;
}

/** Every notice exactly as stored, to prove an update that failed changed nothing. */
export async function noticeSnapshot(cloud: CloudHarness): Promise<string> {
  const page = await cloud.store.collection('notices').find({ orderBy: [['createdAt', 'asc']], limit: 1000 });
  return JSON.stringify(page.items);
}
