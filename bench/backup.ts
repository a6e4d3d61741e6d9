/**
 * `npm run bench:backup`: how long `npm run backup` and `npm run restore` take, for the demo data and for
 * the demo data plus BACKUP_ROWS requests (default 100,000: copies of a demo request, each with its own
 * id and tracking number, about the size of a real one).
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../cloudfunctions/_runtime/collections';
import { SqliteStore } from '../cloudfunctions/_runtime/store/sqlite-store';
import { formatTrackingNumber, type RequestRecord } from '../shared/requests/request-record';
import { backupDatabase, DATABASE_FILE, restoreDatabase } from '../server/backups';
import { seedDemoData } from '../server/seed';

const ROWS = Number(process.env.BACKUP_ROWS ?? 100_000);

async function measure(label: string, dataDir: string, root: string): Promise<void> {
  const backup = await backupDatabase(dataDir, join(root, `backups-${label}`));
  const restore = restoreDatabase(dataDir, backup.file);
  console.log(
    `${label}: database ${(statSync(join(dataDir, DATABASE_FILE)).size / 1024 / 1024).toFixed(1)} MB · backup ${(backup.ms / 1000).toFixed(2)} s · restore ${(restore.ms / 1000).toFixed(2)} s`,
  );
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'sg-bench-backup-'));
  const dataDir = join(root, 'data');
  try {
    mkdirSync(dataDir, { recursive: true });
    const store = new SqliteStore(join(dataDir, DATABASE_FILE), COLLECTIONS);
    await seedDemoData(store, new Date());
    store.close();
    await measure('demo data', dataDir, root);

    const more = new SqliteStore(join(dataDir, DATABASE_FILE), COLLECTIONS);
    const [sample] = (await more.collection('requests').find({ orderBy: [['submittedAt', 'asc']], limit: 1 })).items;
    const { id: _id, version: _version, ...record } = sample;
    const BATCH = 5_000;
    for (let from = 0; from < ROWS; from += BATCH) {
      await more.transaction(async (tx) => {
        for (let i = from; i < Math.min(ROWS, from + BATCH); i++) {
          await tx.collection('requests').insert({ ...record, trackingNumber: formatTrackingNumber(2025, i + 1) } as RequestRecord);
        }
      });
    }
    more.close();
    await measure(`demo data + ${ROWS.toLocaleString()} requests`, dataDir, root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
