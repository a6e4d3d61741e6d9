// `npm run staff -- add <openid> --name <name> --roles admin[,handler…] [--departments office,…]`
// `npm run staff -- list`
// Against the local cloud's SQLite store in DATA_DIR (default `.data`), or with `--cloudbase` against a
// CloudBase environment (TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY). The first admin comes from here,
// never from whoever signs in first; later people are invited from the app (人员管理).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hasBidiControls } from '../shared/api/bidi-controls';
import { AppError } from '../shared/api/errors';
import { STAFF_ROLE_LABELS, STAFF_ROLES, type StaffRole } from '../shared/staff/roles';
import { maskOpenid } from '../shared/privacy/masking';
import { changeRecord } from '../cloudfunctions/_runtime/change-record';
import { COLLECTIONS } from '../cloudfunctions/_runtime/collections';
import type { Store } from '../cloudfunctions/_runtime/store/port';
import { adminCandidates, allStaff, assertAdminRemainsIn, assertDepartmentsExist, rolesText, standingOf } from '../cloudfunctions/staff/staff-roster';
import type { StaffEvent } from '../cloudfunctions/staff/staff-records';

/** Recorded as the actor of what the command line does (no OPENID stands behind it). */
export const CLI_ACTOR = 'command-line';

const USAGE = `usage:
  npm run staff -- add <openid> --name <name> --roles admin[,handler,publisher,ratingOfficer,viewer] [--departments office,policy]
  npm run staff -- list
  add --cloudbase to act on the CloudBase environment named by TCB_ENV (with TCB_SECRET_ID, TCB_SECRET_KEY)`;

export class UsageError extends Error {}

/** Runs one command against `store`; answers the lines it printed. Throws UsageError or AppError on refusal. */
export async function runStaffCli(argv: string[], store: Store, now: () => Date = () => new Date()): Promise<string[]> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, roles: { type: 'string' }, departments: { type: 'string' }, cloudbase: { type: 'boolean' } },
  });
  const [command, openid] = positionals;
  if (command === 'list') return listLines(store);
  if (command !== 'add' || !openid || positionals.length !== 2) throw new UsageError(USAGE);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(openid)) throw new UsageError(`not an OPENID: ${openid}`);
  const name = values.name?.trim();
  if (!name || name.length > 60) throw new UsageError('--name is required (at most 60 characters)');
  if (hasBidiControls(name)) throw new UsageError('--name may not contain bidirectional control characters (U+202A-U+202E, U+2066-U+2069): they make a name display other than it is stored');
  const roles = splitList(values.roles);
  const unknown = roles.filter((r) => !(STAFF_ROLES as readonly string[]).includes(r));
  if (roles.length === 0 || unknown.length > 0) throw new UsageError(`--roles must name one or more of ${STAFF_ROLES.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`);
  const departmentIds = splitList(values.departments);
  await assertDepartmentsExist(store, departmentIds);
  return [await addStaff(store, { openid, name, roles: roles as StaffRole[], departmentIds, at: now() })];
}

const splitList = (text: string | undefined) => [...new Set((text ?? '').split(',').map((s) => s.trim()).filter(Boolean))];

/**
 * Adds a person, or sets the roles of one already there (active or removed), on the change road with an
 * event. The last-admin rule holds here too: the way back from a lone admin's mistake is adding another.
 */
async function addStaff(store: Store, p: { openid: string; name: string; roles: StaffRole[]; departmentIds: string[]; at: Date }): Promise<string> {
  const candidates = await adminCandidates(store, p.openid);
  const at = p.at.toISOString();
  let existed = false;
  const { record } = await changeRecord(store, {
    collection: 'staff',
    id: p.openid,
    expectedVersion: 'current',
    notFound: 'STAFF_NOT_FOUND',
    initial: { name: p.name, roles: p.roles, departmentIds: [], departmentId: null, active: false },
    decide: async (current, tx) => {
      existed = current.version > 0;
      if (existed) await assertAdminRemainsIn(tx, standingOf(current), { roles: p.roles, active: true }, candidates, at);
      const event: StaffEvent = { subjectType: 'staff', subjectId: p.openid, action: 'staffAdded', actor: CLI_ACTOR, at, detail: `命令行${existed ? '设置' : '添加'}：${p.name}，${rolesText(p.roles)}` };
      return {
        patch: { name: p.name, roles: p.roles, departmentIds: p.departmentIds, departmentId: p.departmentIds[0] ?? null, active: true, updatedAt: at, updatedBy: CLI_ACTOR },
        events: [event],
      };
    },
  });
  return `${existed ? 'updated' : 'added'} staff ${p.openid}: ${p.name}, roles ${describeRoles(p.roles)}, departments ${p.departmentIds.join(', ') || '(none)'} (record version ${record.version})`;
}

const describeRoles = (roles: readonly StaffRole[]) => roles.map((r) => `${r} (${STAFF_ROLE_LABELS[r]})`).join(', ');

async function listLines(store: Store): Promise<string[]> {
  const people = await allStaff(store);
  if (people.length === 0) return ['no staff yet: add the first admin with `npm run staff -- add <openid> --name <name> --roles admin`'];
  return people.map((record) => {
    const s = standingOf(record);
    // The operator typed these OPENIDs in; the list still masks them, as the app does, for screens and logs.
    return `${maskOpenid(record.id)}\t${s.name}\t${s.active ? 'active' : 'removed'}\t${s.roles.join(',') || '-'}\t${s.departmentIds.join(',') || '-'}`;
  });
}

async function openStore(cloudbase: boolean): Promise<{ store: Store; where: string; close(): void }> {
  if (cloudbase) {
    const { TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env;
    if (!TCB_ENV || !TCB_SECRET_ID || !TCB_SECRET_KEY) throw new UsageError('--cloudbase needs TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY');
    const { default: tcb } = await import('@cloudbase/node-sdk');
    const { CloudbaseStore } = await import('../cloudfunctions/_runtime/store/cloudbase-store');
    const app = tcb.init({ env: TCB_ENV, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY });
    return { store: new CloudbaseStore(app.database() as never), where: `CloudBase environment ${TCB_ENV}`, close: () => undefined };
  }
  const { SqliteStore } = await import('../cloudfunctions/_runtime/store/sqlite-store');
  const dataDir = resolve(process.env.DATA_DIR ?? '.data');
  // The first admin may come before the first `npm start`: the folder is made as the local cloud makes it.
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'sunshine.sqlite');
  const store = new SqliteStore(file, COLLECTIONS);
  return { store, where: file, close: () => store.close() };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const { store, where, close } = await openStore(argv.includes('--cloudbase'));
  try {
    console.log(`(${where})`);
    for (const line of await runStaffCli(argv, store)) console.log(line);
  } finally {
    close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    if (error instanceof UsageError) console.error(error.message);
    else if (error instanceof AppError) console.error(`refused: ${error.code} ${error.message}${error.fields ? ` ${JSON.stringify(error.fields)}` : ''}`);
    else console.error(error);
    process.exit(1);
  });
}
