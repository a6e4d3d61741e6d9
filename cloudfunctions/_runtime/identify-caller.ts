import * as z from 'zod';
import { STAFF_ROLES, type Caller } from '../../shared/staff/roles';
import { consoleLogger, type Logger } from './handler-context';
import type { Store } from './store/port';

/**
 * A staff record as it must be stored. Records are typed by hand in the
 * CloudBase console (README, deploying step 4), where `active: "false"` or a
 * misspelt role is an easy slip; a string "false" is truthy, so without a
 * schema it would have meant "active". Extra fields are allowed (later
 * features may add some); the ones that decide access must be exact.
 */
export const StaffRecordSchema = z.object({
  name: z.string().trim().min(1).max(60),
  roles: z.array(z.enum(STAFF_ROLES)).min(1),
  departmentId: z.string().min(1).nullable(),
  active: z.boolean(),
});

export type StaffRecord = z.infer<typeof StaffRecordSchema>;

/**
 * Turns the platform's OPENID into a Caller. Roles come only from the staff
 * collection (keyed by OPENID): whatever the client claims is never read.
 * A record that does not parse grants nothing and is logged, so the bureau
 * can fix it; it is never guessed at.
 */
export async function identifyCaller(openid: string | null, store: Store, log: Logger = consoleLogger): Promise<Caller> {
  if (!openid) return { openid: null, staff: null };
  const stored = await store.collection('staff').get(openid);
  if (!stored) return { openid, staff: null };
  const parsed = StaffRecordSchema.safeParse(stored);
  if (!parsed.success) {
    log.error('malformed staff record: treated as not staff', {
      staffId: openid,
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`),
    });
    return { openid, staff: null };
  }
  const record = parsed.data;
  if (!record.active) return { openid, staff: null };
  return { openid, staff: { name: record.name, roles: record.roles, departmentId: record.departmentId } };
}
