import { AppError } from '../../shared/api/errors';
import { decideAccess, staff, type Caller, type StaffRole } from '../../shared/staff/roles';
import type { Store } from '../_runtime/store/port';

/**
 * Whose business a delivery report is: a request's notifications are its
 * handlers' (申请办理人员), a notice's its publishers'; admins see both. The
 * contract lets either role call `forSubject`; this narrows it by what the
 * subject turns out to be. A subject that is neither has no report to hide.
 */
export async function assertMayReadDeliveries(store: Store, caller: Caller, subjectId: string): Promise<void> {
  const role = await roleFor(store, subjectId);
  if (role && decideAccess(staff(role), caller) !== 'allow') throw new AppError('FORBIDDEN');
}

async function roleFor(store: Store, subjectId: string): Promise<StaffRole | null> {
  if (await store.collection('requests').get(subjectId)) return 'handler';
  if (await store.collection('notices').get(subjectId)) return 'publisher';
  return null;
}
