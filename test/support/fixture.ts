import type { CloudHarness, HarnessImage } from './cloud-harness';
import { createCloudHarness, harnessImage, ok } from './cloud-harness';
import { announcement, consultation } from './factories';
import { prepareRatingFixture } from './rating-fixture';
import type { Fixture } from './valid-inputs';
import { COLLECTIONS, type CollectionName } from '../../cloudfunctions/_runtime/collections';
import { prepareLetterTemplateFixture, prepareRequestFixture } from './request-fixture';
import { prepareInboxFixture } from './notifications-fixture';
import { prepareReportFixture } from './report-fixture';
import { prepareStaffFixture } from './staff-fixture';
import { prepareInquiryFixture } from './inquiry-fixture';
import { uploadIdOf } from '../../cloudfunctions/_runtime/upload-records';

/**
 * The fixture prepared once, as a database image: suites that need a fresh database per test
 * open a copy of it (`createCloudHarness({ image })`) instead of seeding and preparing again.
 */
export async function prepareFixtureImage(before?: (cloud: CloudHarness) => Promise<void>): Promise<PreparedFixture> {
  const cloud = await createCloudHarness();
  await before?.(cloud);
  const fixture = await prepareFixture(cloud);
  const image = await harnessImage(cloud);
  cloud.close();
  return { image, fixture };
}

export interface PreparedFixture {
  image: HarnessImage;
  fixture: Fixture;
}

/** prepareFixtureImage as a `beforeAll` of the suite where it is called; the answer is filled in then. */
export function fixtureImageOnce(before?: (cloud: CloudHarness) => Promise<void>): PreparedFixture {
  const prepared = {} as PreparedFixture;
  beforeAll(async () => {
    Object.assign(prepared, await prepareFixtureImage(before));
  });
  return prepared;
}

/** A fresh copy of the prepared fixture before each test (handed to `use`), closed after it. */
export function fixtureCopyPerTest(prepared: PreparedFixture, use: (cloud: CloudHarness, fixture: Fixture) => void): void {
  let current: CloudHarness;
  beforeEach(async () => {
    current = await createCloudHarness({ image: prepared.image });
    use(current, prepared.fixture);
  });
  afterEach(() => current.close());
}

/** An upload the fixture's published notice carries (its bytes are not needed: `files.link` answers the local address). */
export const FIXTURE_FILE_URL = '/files/FixtureAttachmentFile0';

/**
 * Phone uploads to CloudBase storage recorded (files.upload) as resident-a's, who attaches them in the
 * valid inputs (a supplement's document, a complaint's photo): a resident may attach only their own uploads.
 */
export const FIXTURE_RESIDENT_UPLOADS = {
  document: 'cloud://env-1a2b/attachments/2026-11/k3J9xQ2mT8.pdf',
  photo: 'cloud://env-1a2b/attachments/2026-11/noisePhoto0001.jpg',
} as const;

async function prepareResidentUploads(cloud: CloudHarness): Promise<void> {
  for (const [name, url] of [['说明.pdf', FIXTURE_RESIDENT_UPLOADS.document], ['现场.jpg', FIXTURE_RESIDENT_UPLOADS.photo]] as const) {
    await cloud.store.collection('files').insert({
      id: uploadIdOf(url)!,
      name,
      contentType: name.endsWith('.pdf') ? 'application/pdf' : 'image/jpeg',
      sizeBytes: 2048,
      uploadedBy: 'resident-a',
      createdAt: cloud.clock.now.toISOString(),
      url,
      attached: false,
    });
  }
}

/** A draft and a published notice, created through the functions as the demo editor. */
export async function prepareFixture(cloud: CloudHarness): Promise<Fixture> {
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title: '夹具草稿' }) } }));
  const toPublish = ok(
    await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title: '夹具已发布', attachments: [{ name: '夹具附件.pdf', url: FIXTURE_FILE_URL, sizeBytes: 1024 }] }) } }),
  );
  const published = ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: toPublish.id, version: toPublish.version } }));
  const fixture: Fixture = { noticeId: draft.id, noticeVersion: draft.version, publishedId: published.id, publishedVersion: published.version } as Fixture;

  // Each feature adds the records its actions need.
  await prepareResidentUploads(cloud);
  Object.assign(fixture, await prepareRequestFixture(cloud));
  Object.assign(fixture, await prepareLetterTemplateFixture(cloud));

  // subscriptions, inbox
  Object.assign(fixture, await prepareInboxFixture(cloud));

  // notices comments
  Object.assign(fixture, await prepareCommentFixture(cloud));
  // notices history, scheduled publishing
  Object.assign(fixture, await prepareScheduleFixture(cloud));

  // windows, ratings
  Object.assign(fixture, await prepareRatingFixture(cloud));

  // staff administration
  Object.assign(fixture, await prepareStaffFixture(cloud));

  // inquiries, complaints, FAQ
  Object.assign(fixture, await prepareInquiryFixture(cloud));
  // annual report
  Object.assign(fixture, await prepareReportFixture(cloud));
  // 公开审查
  Object.assign(fixture, await prepareReviewFixture(cloud));

  return fixture;
}

/** Everything a write could touch, as counts: a failed call must leave these unchanged. */
export async function storeCounts(cloud: CloudHarness): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of Object.keys(COLLECTIONS) as CollectionName[]) counts[name] = await cloud.store.collection(name).count();
  return counts;
}

/** Every notice exactly as stored, to prove an update that failed changed nothing. */
export async function noticeSnapshot(cloud: CloudHarness): Promise<string> {
  const page = await cloud.store.collection('notices').find({ orderBy: [['createdAt', 'asc']], limit: 1000 });
  return JSON.stringify(page.items);
}

/** An open consultation (around the harness clock) with one pending opinion from a resident. */
async function prepareCommentFixture(cloud: CloudHarness) {
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: consultation({ title: '夹具征求意见' }) } }));
  const open = ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
  const comment = ok(await cloud.call('resident-fixture', 'notices', { action: 'comment', data: { id: open.id, text: '夹具意见：建议延长施工公示时间。' } }));
  const stored = await cloud.store.collection('noticeComments').get(comment.id);
  return { consultationId: open.id as string, commentId: comment.id as string, commentVersion: stored!.version };
}

/** A draft set to publish itself two days after the harness clock. */
async function prepareScheduleFixture(cloud: CloudHarness) {
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title: '夹具定时发布' }) } }));
  const publishAt = new Date(cloud.clock.now.getTime() + 2 * 86_400_000).toISOString();
  const scheduled = ok(await cloud.call('demo-editor', 'notices', { action: 'schedule', data: { id: draft.id, version: draft.version, publishAt } }));
  return { scheduledId: scheduled.id as string, scheduledVersion: scheduled.version as number };
}

/**
 * Two notices by the demo editor waiting for review (one to approve, one to send back): review is
 * switched on for them as an admin would, and off again so the other suites publish directly.
 */
async function prepareReviewFixture(cloud: CloudHarness) {
  const setReview = async (on: boolean) => {
    const current = ok(await cloud.call('demo-admin', 'reviews', { action: 'settings', data: {} }));
    return ok(await cloud.call('demo-admin', 'reviews', { action: 'saveSettings', data: { version: current.version, required: [...current.required.filter((k: string) => k !== 'notice.publish'), ...(on ? ['notice.publish'] : [])] } }));
  };
  await setReview(true);
  const submit = async (title: string) => {
    const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title }) } }));
    const pending = ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
    const review = await cloud.store.collection('reviews').get(pending.reviewId);
    return { id: review!.id, version: review!.version, subjectId: review!.subjectId };
  };
  const toApprove = await submit('夹具待审核');
  const toSendBack = await submit('夹具待退回');
  const settings = await setReview(false);
  return {
    reviewId: toApprove.id,
    reviewVersion: toApprove.version,
    reviewSubjectId: toApprove.subjectId,
    sendBackReviewId: toSendBack.id,
    sendBackReviewVersion: toSendBack.version,
    reviewSettingsVersion: settings.version as number,
  };
}
