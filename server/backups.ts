import Database from 'better-sqlite3';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * Backups of the local cloud's data: the SQLite database by SQLite's online backup (a consistent copy
 * taken page by page while the server keeps serving; writes made meanwhile are either in the copy
 * whole or not at all), and the uploaded attachments beside it (files never change once stored, so a
 * plain copy is consistent). Restoring refuses while a server is running on the data folder: the
 * server would go on writing to a database that is no longer the file on disk.
 *
 * A running local cloud marks its data folder with `server.pid` (removed when it stops); a mark left
 * by a server that was killed names a process that is gone, and does not block a restore.
 */
export const DATABASE_FILE = 'sunshine.sqlite';
export const PID_FILE = 'server.pid';

export interface BackupResult {
  file: string;
  bytes: number;
  files: number;
  ms: number;
}

/** `sunshine-2026-12-03T06-10-00Z.sqlite`: sorts by time, and no character a file system minds. */
export function backupName(now: Date): string {
  return `sunshine-${now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-')}.sqlite`;
}

export async function backupDatabase(dataDir: string, backupDir: string, now: Date = new Date()): Promise<BackupResult> {
  const started = performance.now();
  const source = join(dataDir, DATABASE_FILE);
  if (!existsSync(source)) throw new BackupError(`no database at ${source}`);
  mkdirSync(backupDir, { recursive: true });
  const file = join(backupDir, backupName(now));
  if (existsSync(file)) throw new BackupError(`${file} already exists`);
  const db = new Database(source, { fileMustExist: true });
  try {
    await db.backup(`${file}.part`);
  } finally {
    db.close();
  }
  renameSync(`${file}.part`, file);
  const attachments = join(dataDir, 'files');
  let files = 0;
  if (existsSync(attachments)) {
    // Only finished uploads: a `.part` is an upload still being written.
    cpSync(attachments, `${file}.files`, { recursive: true, filter: (path) => !path.endsWith('.part') });
    files = countFiles(`${file}.files`);
  }
  return { file, bytes: statSync(file).size, files, ms: performance.now() - started };
}

export interface RestoreResult {
  /** Where the database that was replaced now lives (null: there was none). */
  previous: string | null;
  files: number;
  ms: number;
}

export function restoreDatabase(dataDir: string, backupFile: string, now: Date = new Date()): RestoreResult {
  const started = performance.now();
  const running = runningServer(dataDir);
  if (running !== null) throw new BackupError(`a local cloud (process ${running}) is running on ${dataDir}: stop it before restoring`);
  if (!existsSync(backupFile)) throw new BackupError(`no backup at ${backupFile}`);
  const check = checkBackup(backupFile);
  if (check) throw new BackupError(`${basename(backupFile)} is not a usable backup: ${check}`);

  mkdirSync(dataDir, { recursive: true });
  const target = join(dataDir, DATABASE_FILE);
  // Copied in beside the database first, so a failure half-way leaves the current data as it was.
  cpSync(backupFile, `${target}.restoring`);
  let previous: string | null = null;
  if (existsSync(target)) {
    previous = `${target}.before-restore-${backupName(now).replace(/^sunshine-|\.sqlite$/g, '')}`;
    // The old database's write-ahead log belongs to it: checkpointed into it and kept with it, never applied to the restored one.
    const old = new Database(target, { fileMustExist: true });
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    renameSync(target, previous);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(`${target}.restoring`, target);

  let files = 0;
  if (existsSync(`${backupFile}.files`)) {
    // Attachments are added back; ids are never reused, so nothing the backup holds is overwritten by another file.
    cpSync(`${backupFile}.files`, join(dataDir, 'files'), { recursive: true });
    files = countFiles(`${backupFile}.files`);
  }
  return { previous, files, ms: performance.now() - started };
}

/** The id of the process serving `dataDir`, or null when none is (no mark, or the marked process is gone). */
export function runningServer(dataDir: string): number | null {
  const mark = join(dataDir, PID_FILE);
  if (!existsSync(mark)) return null;
  const pid = Number(readFileSync(mark, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: it exists but belongs to someone else — still running.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/** Marks `dataDir` as served by this process; the returned function removes the mark (if it is still ours). */
export function markRunning(dataDir: string): () => void {
  const mark = join(dataDir, PID_FILE);
  writeFileSync(mark, String(process.pid));
  return () => {
    try {
      if (readFileSync(mark, 'utf8').trim() === String(process.pid)) rmSync(mark, { force: true });
    } catch {
      /* already gone */
    }
  };
}

/** Null when the file is a sound SQLite database of this product; otherwise what is wrong. */
function checkBackup(file: string): string | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
    if (integrity !== 'ok') return `integrity_check: ${integrity}`;
    const tables = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((r) => r.name));
    for (const needed of ['notices', 'requests', 'meta']) if (!tables.has(needed)) return `no ${needed} table`;
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}

function countFiles(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile()) n += 1;
    else if (entry.isDirectory()) n += countFiles(join(dir, entry.name));
  }
  return n;
}

export class BackupError extends Error {}
