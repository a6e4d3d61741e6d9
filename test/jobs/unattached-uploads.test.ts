import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runJobsOnce } from '../../cloudfunctions/_jobs/run-jobs';
import { JOBS } from '../../cloudfunctions/_jobs/registry';
import { recordingSender } from '../../cloudfunctions/_notifications/recording-sender';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { uploadIdOf } from '../../cloudfunctions/_runtime/upload-records';
import type { UploadStorage } from '../../cloudfunctions/_runtime/upload-storage';
import { localFileUrl, type AttachmentFileRecord } from '../../shared/files/attachment-files';
import { AttachmentUploads } from '../../server/attachment-uploads';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';

/**
 * Uploads picked and never sent are removed a day on by the `remove-unattached-uploads` job, over
 * the real functions and SQLite: a write naming a file (in any field of its input) keeps it.
 */
let cloud: CloudHarness;
let removed: string[];
const storage: UploadStorage = { remove: async (id) => void removed.push(id) };

beforeEach(async () => {
  cloud = await createCloudHarness({ now: new Date('2026-11-24T02:00:00Z') });
  removed = [];
});
afterEach(() => cloud.close());

const LOCAL_IDS = ['AAAAAAAAAAAAAAAAAAAAAA', 'BBBBBBBBBBBBBBBBBBBBBB', 'CCCCCCCCCCCCCCCCCCCCCC', 'DDDDDDDDDDDDDDDDDDDDDD'];

async function uploaded(id: string, by: string, at: Date, extra: Partial<AttachmentFileRecord> = { attached: false }): Promise<void> {
  await cloud.store.collection('files').insert({ id, name: `${id.slice(0, 4)}.png`, contentType: 'image/png', sizeBytes: 10, sha256: 'x', uploadedBy: by, createdAt: at.toISOString(), ...extra });
}

const runJob = () => runJobsOnce({ store: cloud.store, sender: recordingSender(cloud.store, () => cloud.clock.now), now: () => cloud.clock.now, log: silentLogger, uploads: storage }, JOBS);

test('a day on, uploads no write named are removed with an event; attached, younger and older-kind ones stay', async () => {
  const t0 = cloud.clock.now;
  const [loose, onNotice, young, legacy] = LOCAL_IDS;
  const cloudPhoto = 'cloud://env-1/attachments/2026-11/abc.jpg';
  const cloudLoose = 'cloud://env-1/attachments/2026-11/def.jpg';
  await uploaded(loose, 'asker-x', t0);
  await uploaded(onNotice, 'demo-editor', t0);
  await uploaded(legacy, 'demo-editor', t0, {}); // kept before uploads were marked: never removed
  await uploaded(uploadIdOf(cloudPhoto)!, 'asker-x', t0, { attached: false, url: cloudPhoto });
  await uploaded(uploadIdOf(cloudLoose)!, 'asker-x', t0, { attached: false, url: cloudLoose });

  ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ attachments: [{ name: '通知.pdf', url: localFileUrl(onNotice), sizeBytes: 10 }] }) } }));
  ok(
    await cloud.call('asker-x', 'inquiries', {
      action: 'ask',
      data: { idempotencyKey: 'loose-uploads-1', kind: 'complaint', topic: '噪音', text: '夜间施工扰民。', anonymous: true, attachments: [{ name: '现场.jpg', url: cloudPhoto, sizeBytes: 10 }] },
    }),
  );
  cloud.clock.now = new Date(t0.getTime() + 23 * 3600_000);
  await uploaded(young, 'asker-x', cloud.clock.now);

  // Not yet a day: nothing goes.
  expect((await runJob()).counts.uploadsRemoved).toBe(0);
  cloud.clock.now = new Date(t0.getTime() + 24 * 3600_000 + 60_000);
  expect((await runJob()).counts.uploadsRemoved).toBe(2);

  expect(removed.sort()).toEqual([loose, uploadIdOf(cloudLoose)].sort());
  const left = (await cloud.store.collection('files').find({ orderBy: [['id', 'asc']], limit: 10 })).items.map((f) => f.id);
  expect(left.sort()).toEqual([onNotice, young, legacy, uploadIdOf(cloudPhoto)].sort());
  expect(await cloud.store.collection('files').get(onNotice)).toMatchObject({ attached: true, attachedAt: t0.toISOString() });
  const events = await cloud.store.collection('events').find({ where: { subjectId: loose }, orderBy: [['at', 'asc']], limit: 5 });
  expect(events.items).toEqual([expect.objectContaining({ subjectType: 'file', action: 'removed', actor: 'system', detail: 'AAAA.png' })]);

  // The young one a day after its own upload.
  cloud.clock.now = new Date(t0.getTime() + 48 * 3600_000);
  expect((await runJob()).counts.uploadsRemoved).toBe(1);
  expect(removed).toContain(young);
});

test('the local cloud’s storage removes the bytes under the data folder, and only by a record’s id', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sg-unattached-'));
  try {
    const local = new AttachmentUploads(dataDir, cloud.store, () => cloud.clock.now);
    writeFileSync(join(dataDir, 'files', LOCAL_IDS[0]), 'bytes');
    writeFileSync(join(dataDir, 'files', LOCAL_IDS[1]), 'bytes');
    await local.remove(LOCAL_IDS[0]);
    await local.remove(LOCAL_IDS[0]); // already gone: no error
    expect(readdirSync(join(dataDir, 'files'))).toEqual([LOCAL_IDS[1]]);
    await expect(local.remove('../sunshine.sqlite')).rejects.toThrow('not a local upload id');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a run cut off between marking an upload and removing it leaves what the next run finishes: no bytes without a record', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sg-unattached-'));
  try {
    const local = new AttachmentUploads(dataDir, cloud.store, () => cloud.clock.now);
    const [after, before] = LOCAL_IDS;
    const t0 = cloud.clock.now;
    // `after` is the older, so each run reaches it first.
    for (const [i, id] of [after, before].entries()) {
      await uploaded(id, 'asker-x', new Date(t0.getTime() + i * 60_000));
      writeFileSync(join(dataDir, 'files', id), 'bytes');
    }
    // The storage step dies once per file (as a crash would): for `after` just after its bytes go, for
    // `before` before they do.
    const crashed = new Set<string>();
    const crashingOnce: UploadStorage = {
      async remove(id, record) {
        if (crashed.has(id)) return local.remove(id);
        crashed.add(id);
        if (id === after) await local.remove(id);
        throw new Error(`crashed removing ${record.name}`);
      },
    };
    // An hour between runs: the job's turn (everyMs) has come again each time.
    const run = (uploads: UploadStorage) => {
      cloud.clock.now = new Date(cloud.clock.now.getTime() + 61 * 60_000);
      return runJobsOnce({ store: cloud.store, sender: recordingSender(cloud.store, () => cloud.clock.now), now: () => cloud.clock.now, log: silentLogger, uploads }, JOBS);
    };
    const bytesLeft = () => readdirSync(join(dataDir, 'files')).sort();
    cloud.clock.now = new Date(t0.getTime() + 25 * 3600_000);

    // Cut off after the bytes: the record is still there, marked, and the next run takes it off.
    expect((await run(crashingOnce)).ran).toEqual(expect.arrayContaining([{ name: 'remove-unattached-uploads', error: expect.stringContaining('crashed') }]));
    expect(await cloud.store.collection('files').get(after)).toMatchObject({ attached: false, removing: true });
    expect(bytesLeft()).toEqual([before]);

    // Next run: `after` finished; cut off before `before`'s bytes go.
    await run(crashingOnce);
    expect(await cloud.store.collection('files').get(after)).toBeNull();
    expect(await cloud.store.collection('files').get(before)).toMatchObject({ attached: false, removing: true });
    expect(bytesLeft()).toEqual([before]);
    // Meanwhile a file being removed is gone for everyone: its uploader cannot attach it, a write naming it does not keep it.
    const ask = await cloud.call('asker-x', 'inquiries', {
      action: 'ask',
      data: { idempotencyKey: 'removing-upload-1', kind: 'complaint', topic: '噪音', text: '夜间施工扰民。', anonymous: true, attachments: [{ name: '现场.png', url: localFileUrl(before), sizeBytes: 10 }] },
    });
    expect(ask).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ attachments: [{ name: '通知.png', url: localFileUrl(before), sizeBytes: 10 }] }) } }));
    expect(await cloud.store.collection('files').get(before)).toMatchObject({ attached: false, removing: true });

    // The run after that finishes it: bytes, then the record. Each file has one `removed` event.
    expect((await run(local)).counts.uploadsRemoved).toBe(1);
    expect(bytesLeft()).toEqual([]);
    for (const id of [after, before]) {
      expect(await cloud.store.collection('files').get(id)).toBeNull();
      const events = await cloud.store.collection('events').find({ where: { subjectId: id }, orderBy: [['at', 'asc']], limit: 5 });
      expect(events.items.filter((e) => e.action === 'removed')).toHaveLength(1);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
