import { AppError } from '../../shared/api/errors';
import { decideAccess, staff, type Caller, type StaffRole } from '../../shared/staff/roles';
import { requestInScope, requestScopeOf } from '../../shared/requests/department-scope';
import { ratingInScope, ratingScopeOf } from '../../shared/ratings/rating-scope';
import type { CollectionName } from '../_runtime/collections';
import type { Store } from '../_runtime/store/port';

/**
 * Whose business a delivery report is: a request's notifications are its
 * handlers' (申请办理人员), a notice's its publishers', a rating's (its
 * 差评 answer, its follow-up reminders) the rating officers'; admins see all.
 * The contract lets any of these roles call `forSubject`; this narrows it by
 * what the subject turns out to be. A subject that is none of these has no
 * report anyone may read: it is answered exactly like one that does not exist.
 */
const SUBJECTS: ReadonlyArray<{ collection: CollectionName; role: StaffRole }> = [
  { collection: 'requests', role: 'handler' },
  { collection: 'notices', role: 'publisher' },
  { collection: 'ratings', role: 'ratingOfficer' },
];

export async function assertMayReadDeliveries(store: Store, caller: Caller, subjectId: string): Promise<void> {
  const role = await roleFor(store, subjectId);
  if (!role) throw new AppError('DELIVERY_SUBJECT_NOT_FOUND');
  if (decideAccess(staff(role), caller) !== 'allow') throw new AppError('FORBIDDEN');
  // A request of another department is answered as the requests function answers it: as if it did not exist.
  if (role === 'handler') {
    const request = await store.collection('requests').get(subjectId);
    if (!request || !requestInScope(requestScopeOf(caller), request)) throw new AppError('DELIVERY_SUBJECT_NOT_FOUND');
  }
  // So is another unit's rating, to a rating officer of a unit (rating-scope.ts).
  if (role === 'ratingOfficer') {
    const rating = await store.collection('ratings').get(subjectId);
    if (!rating || !ratingInScope(ratingScopeOf(caller), rating.departmentId)) throw new AppError('DELIVERY_SUBJECT_NOT_FOUND');
  }
}

async function roleFor(store: Store, subjectId: string): Promise<StaffRole | null> {
  for (const { collection, role } of SUBJECTS) if (await store.collection(collection).get(subjectId)) return role;
  return null;
}
