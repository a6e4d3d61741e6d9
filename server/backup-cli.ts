// `npm run backup`: an online backup of the local cloud's data (DATA_DIR, default `.data`) into
// BACKUP_DIR (default `backups`), while the server keeps serving.
// `npm run restore <file>`: puts a backup back; refuses while a local cloud runs on DATA_DIR.
import { resolve } from 'node:path';
import { backupDatabase, BackupError, restoreDatabase } from './backups';

async function main(argv: string[]): Promise<number> {
  const dataDir = resolve(process.env.DATA_DIR ?? '.data');
  const [command, file] = argv;
  if (command === 'backup' && !file) {
    const done = await backupDatabase(dataDir, resolve(process.env.BACKUP_DIR ?? 'backups'));
    console.log(`backed up ${dataDir} to ${done.file} (${(done.bytes / 1024 / 1024).toFixed(1)} MB, ${done.files} attachments) in ${(done.ms / 1000).toFixed(1)} s`);
    return 0;
  }
  if (command === 'restore' && file) {
    const done = restoreDatabase(dataDir, resolve(file));
    console.log(`restored ${resolve(file)} into ${dataDir} (${done.files} attachments) in ${(done.ms / 1000).toFixed(1)} s${done.previous ? `; the database it replaced is kept as ${done.previous}` : ''}`);
    return 0;
  }
  console.error('usage: npm run backup | npm run restore -- <file>');
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof BackupError ? `refused: ${error.message}` : error);
    process.exit(1);
  },
);
