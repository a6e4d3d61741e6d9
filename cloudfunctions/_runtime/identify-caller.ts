import * as z from 'zod/mini';
import { STAFF_ROLES, type Caller, type StaffRole } from '../../shared/staff/roles';
import { consoleLogger, type Logger } from './handler-context';
import type { Store } from './store/port';
import { rememberedAnswer } from './remembered-answer';

/**
 * A staff record as stored, keyed by OPENID. Written by the `staff` function
 * (invite → accept, setRoles, remove) and by `npm run staff -- add`; older
 * records were typed by hand in the CloudBase console with one `departmentId`.
 */
export interface StaffRecord {
  name: string;
  roles: StaffRole[];
  /** The departments the person works for; records from before several were possible have only `departmentId`. */
  departmentIds?: string[];
  /** The first of `departmentIds`, kept so that a reader of the older shape still finds a department. */
  departmentId?: string | null;
  active: boolean;
  updatedAt?: string;
  updatedBy?: string;
}

/**
 * What a staff record must be to grant anything. Hand-typed records make
 * `active: "false"` or a misspelt role an easy slip; a string "false" is
 * truthy, so without a schema it would have meant "active". Extra fields are
 * allowed (later features may add some); the ones that decide access must be
 * exact. Both department shapes are read and answered as `departmentIds`.
 */
export const StaffRecordSchema = z.pipe(z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  roles: z.array(z.enum(STAFF_ROLES)).check(z.minLength(1)),
  departmentIds: z.optional(z.array(z.string().check(z.minLength(1))).check(z.maxLength(50))),
  departmentId: z.optional(z.nullable(z.string().check(z.minLength(1)))),
  active: z.boolean(),
}), z.transform(({ name, roles, departmentIds, departmentId, active }) => ({
  name,
  roles: [...new Set(roles)],
  departmentIds: departmentIds ?? (departmentId ? [departmentId] : []),
  active,
})));

export type ParsedStaffRecord = z.output<typeof StaffRecordSchema>;

/**
 * Turns the platform's OPENID into a Caller. Roles come only from the staff
 * collection (keyed by OPENID): whatever the client claims is never read.
 * A record that does not parse grants nothing and is logged, so the bureau
 * can fix it; it is never guessed at. It is read on every call, so a change of
 * roles or a removal takes effect on the person's next call.
 */
export async function identifyCaller(openid: string | null, store: Store, log: Logger = consoleLogger): Promise<Caller> {
  if (!openid) return { openid: null, staff: null };
  // Worked out once per version of the staff records (remembered-answer.ts): a signed-in member of
  // staff is identified on every call, and the record's schema need not be run again until it changes.
  const { caller, problems } = await rememberedAnswer(store, ['staff'], `caller:${openid}`, () => readCaller(openid, store));
  if (problems) log.error('malformed staff record: treated as not staff', { staffId: openid, problems });
  return caller;
}

/** The caller an OPENID stands for, and what is wrong with their staff record when it does not parse. */
async function readCaller(openid: string, store: Store): Promise<{ caller: Caller; problems: string[] | null }> {
  const stored = await store.collection('staff').get(openid);
  if (!stored) return { caller: { openid, staff: null }, problems: null };
  const parsed = StaffRecordSchema.safeParse(stored);
  if (!parsed.success) {
    return { caller: { openid, staff: null }, problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`) };
  }
  const record = parsed.data;
  if (!record.active) return { caller: { openid, staff: null }, problems: null };
  const { name, roles, departmentIds } = record;
  return { caller: { openid, staff: { name, roles, departmentIds, departmentId: departmentIds[0] ?? null } }, problems: null };
}
