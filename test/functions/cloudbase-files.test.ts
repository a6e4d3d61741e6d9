import { removeUnattachedUploadsJob } from '../../cloudfunctions/_jobs/remove-unattached-uploads';
import { runJobsOnce } from '../../cloudfunctions/_jobs/run-jobs';
import { recordingSender } from '../../cloudfunctions/_notifications/recording-sender';
import { cloudbaseMain } from '../../cloudfunctions/_runtime/cloudbase-main';
import { cloudbaseFileLinks, cloudbaseUploadStorage, type CloudbaseStorageApp } from '../../cloudfunctions/_runtime/cloudbase-storage';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { CloudbaseStore } from '../../cloudfunctions/_runtime/store/cloudbase-store';
import type { NoticeSearch } from '../../cloudfunctions/_runtime/store/search-port';
import { FILE_LINK_SECONDS } from '../../cloudfunctions/files/files-function';
import { findFunction } from '../../cloudfunctions/registry';
import { CloudbaseDbStandin, sdkAppAt } from '../support/cloudbase-db-standin';

/**
 * Attachments on CloudBase, through the production entry (cloudbase-main.ts) and the real
 * @cloudbase/node-sdk as the functions carry it (test/support/bundled-cloudbase-sdk.ts), against the stand-in of CloudBase's API: storage is private, so a file is read
 * through `files.link`, which checks the caller and answers a short-lived `getTempFileURL` address —
 * none once the notice is withdrawn (staff excepted) — and the upload job removes a day-old unsent
 * upload from storage with `deleteFile`.
 */
const standin = new CloudbaseDbStandin();
let serviceUrl: string;
beforeAll(async () => {
  serviceUrl = await standin.start();
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterAll(() => standin.stop());

const noSearch: NoticeSearch = { search: async () => ({ items: [], nextCursor: null }), searchFaq: async () => [] };
const context = (openid: string | null) => ({ environment: JSON.stringify(openid ? { WX_OPENID: openid } : { TCB_SOURCE_IP: '203.0.113.9' }) });
const NOTICE_FILE = 'cloud://standin-env.7374-standin/attachments/2026-11/a1B2c3D4.pdf';

async function world() {
  standin.collections.clear();
  standin.storedFiles.clear();
  standin.fileLinks.length = 0;
  const app = sdkAppAt(serviceUrl);
  const store = new CloudbaseStore(app.database() as never);
  const storage = app as unknown as CloudbaseStorageApp;
  for (const name of ['staff', 'notices', 'files', 'events', 'meta', 'rateLimits', 'requests']) await standin.answer({ action: 'database.addCollection', collectionName: name });
  await store.collection('staff').insert({ id: 'cb-editor', name: '王芳', roles: ['publisher'], departmentIds: ['office'], departmentId: 'office', active: true } as never);
  await store.collection('notices').insert({ id: 'notice-1', status: 'published', title: '停水通知', attachments: [{ name: '停水通知.pdf', url: NOTICE_FILE, sizeBytes: 10 }] } as never);
  standin.storedFiles.add(NOTICE_FILE);
  const main = cloudbaseMain(findFunction('files')!, () => ({ store, search: noSearch, fileLinks: cloudbaseFileLinks(storage) }));
  return { store, storage, main };
}

test('a published notice’s file: a short-lived address for anyone; withdrawn, for staff only', async () => {
  const { store, main } = await world();
  const link = { action: 'link', data: { url: NOTICE_FILE, on: { kind: 'notice', id: 'notice-1' } } };
  const answer = await main(link, context(null));
  expect(answer).toMatchObject({ ok: true, data: { url: `https://standin.tcb.qcloud.la/attachments/2026-11/a1B2c3D4.pdf?sign=standin&t=${FILE_LINK_SECONDS}`, expiresAt: expect.any(String) } });
  expect(standin.fileLinks).toEqual([{ fileID: NOTICE_FILE, maxAge: FILE_LINK_SECONDS }]);

  const current = await store.collection('notices').get('notice-1');
  await store.collection('notices').update('notice-1', current!.version, { status: 'withdrawn' } as never);
  expect(await main(link, context(null))).toMatchObject({ ok: false, code: 'FILE_NOT_FOUND' });
  expect(await main(link, context('resident-openid'))).toMatchObject({ ok: false, code: 'FILE_NOT_FOUND' });
  expect(standin.fileLinks).toHaveLength(1);
  expect(await main(link, context('cb-editor'))).toMatchObject({ ok: true });
  // A fileID storage no longer has answers like a refused one.
  standin.storedFiles.delete(NOTICE_FILE);
  expect(await main(link, context('cb-editor'))).toMatchObject({ ok: false, code: 'FILE_NOT_FOUND' });
});

test('an upload recorded through the entry and never sent is deleted from storage a day on', async () => {
  const { store, storage, main } = await world();
  // The entry's clock is the real one: the upload is in this month's folder, as the phone names it.
  const now = new Date();
  const fresh = `cloud://standin-env.7374-standin/attachments/${now.toISOString().slice(0, 7)}/pHoTo1.png`;
  standin.storedFiles.add(fresh);
  expect(await main({ action: 'upload', data: { url: fresh, name: '积水.png', sizeBytes: 10 } }, context('resident-openid'))).toMatchObject({ ok: true });

  const later = new Date(now.getTime() + 25 * 3600_000);
  const run = await runJobsOnce(
    { store, sender: recordingSender(store, () => later), now: () => later, log: silentLogger, uploads: cloudbaseUploadStorage(storage) },
    [removeUnattachedUploadsJob],
  );
  expect(run.counts.uploadsRemoved).toBe(1);
  expect(standin.storedFiles.has(fresh)).toBe(false);
  expect(standin.storedFiles.has(NOTICE_FILE)).toBe(true);
  expect(await store.collection('files').count()).toBe(0);
});
