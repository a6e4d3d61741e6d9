import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { backupDatabase, BackupError, PID_FILE, restoreDatabase } from '../../server/backups';
import { startLocalCloud, type LocalCloud } from '../../server/local-cloud';
import { application } from '../support/request-factories';

/** Backup while serving → more writes → restore (refused while the server runs) → the data as it was at the backup. */
let root: string;
let dataDir: string;
let backupDir: string;
let cloud: LocalCloud | null;
let base: string;

async function start(): Promise<LocalCloud> {
  const started = await startLocalCloud({ dataDir, log: silentLogger, dispatchIntervalMs: false, rateLimits: false });
  await new Promise<void>((resolve) => started.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(started.server.address() as AddressInfo).port}`;
  return started;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sg-backups-'));
  dataDir = join(root, 'data');
  backupDir = join(root, 'backups');
  cloud = null;
});

afterEach(async () => {
  await cloud?.close();
  rmSync(root, { recursive: true, force: true });
});

async function submit(openid: string): Promise<string> {
  const token = ((await (await fetch(`${base}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })).json()) as { data: { token: string } }).data.token;
  const res = await fetch(`${base}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-session': token }, body: JSON.stringify({ action: 'submit', data: application() }) });
  return ((await res.json()) as { data: { trackingNumber: string } }).data.trackingNumber;
}

/** Every row of every table, for comparing databases whole. */
function contents(file: string): string {
  const db = new Database(file, { readonly: true });
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'notice_fts%' ORDER BY name`).all() as Array<{ name: string }>).map((r) => r.name);
  const text = tables.map((t) => `${t}\n${JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all())}`).join('\n');
  db.close();
  return text;
}

test('a backup taken while serving holds the data as it was; restore puts exactly that back, and only once the server has stopped', async () => {
  cloud = await start();
  const before = await submit('resident-before');
  // Writes keep going while the backup runs.
  const during = Promise.all([submit('resident-during-1'), submit('resident-during-2')]);
  const backup = await backupDatabase(dataDir, backupDir, new Date('2026-12-03T06:10:00Z'));
  await during;
  expect(backup.file).toBe(join(backupDir, 'sunshine-2026-12-03T06-10-00Z.sqlite'));
  const atBackup = contents(backup.file);
  const after = await submit('resident-after');
  expect(atBackup).toContain(before);
  expect(atBackup).not.toContain(after);

  // The server is still running on the data folder: refused, and nothing touched.
  expect(() => restoreDatabase(dataDir, backup.file)).toThrow(BackupError);
  expect(() => restoreDatabase(dataDir, backup.file)).toThrow(/is running on/);

  await cloud.close();
  cloud = null;
  const restored = restoreDatabase(dataDir, backup.file, new Date('2026-12-03T07:00:00Z'));
  expect(restored.previous).toBe(join(dataDir, 'sunshine.sqlite.before-restore-2026-12-03T07-00-00Z'));
  expect(contents(join(dataDir, 'sunshine.sqlite'))).toBe(atBackup);
  // The replaced database is kept, with the write made after the backup.
  expect(contents(restored.previous!)).toContain(after);

  cloud = await start();
  const next = await submit('resident-next');
  // The sequence continues from the backup's counter: the number given after the backup is given again, as it should be once its request is gone.
  expect(next).toBe(after);
});

test('a server that was killed does not block a restore; a damaged file is refused', async () => {
  cloud = await start();
  const backup = await backupDatabase(dataDir, backupDir);
  await cloud.close();
  cloud = null;
  // A mark left by a process that is gone.
  writeFileSync(join(dataDir, PID_FILE), '999999');
  expect(() => restoreDatabase(dataDir, backup.file)).not.toThrow();

  const damaged = join(root, 'damaged.sqlite');
  writeFileSync(damaged, 'SQLite format 3\u0000 but not really');
  expect(() => restoreDatabase(dataDir, damaged)).toThrow(/not a usable backup/);
});

test('npm run backup and npm run restore work from the command line', () => {
  const env = { ...process.env, DATA_DIR: dataDir, BACKUP_DIR: backupDir };
  // A data folder with a database in it (seeded once by a short-lived local cloud).
  execFileSync(process.execPath, ['--import', 'tsx', '-e', `require('./server/local-cloud').startLocalCloud({ dataDir: ${JSON.stringify(dataDir)}, dispatchIntervalMs: false, log: require('./cloudfunctions/_runtime/handler-context').silentLogger }).then((c) => c.close())`], { env });
  expect(existsSync(join(dataDir, PID_FILE))).toBe(false);
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'server/backup-cli.ts', 'backup'], { env, encoding: 'utf8' });
  expect(out).toMatch(/^backed up .* to .*sunshine-.*\.sqlite/);
  const [file] = readdirSync(backupDir).filter((f) => f.endsWith('.sqlite'));
  const restored = execFileSync(process.execPath, ['--import', 'tsx', 'server/backup-cli.ts', 'restore', join(backupDir, file)], { env, encoding: 'utf8' });
  expect(restored).toMatch(/^restored /);
});
