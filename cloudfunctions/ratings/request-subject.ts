import { AppError } from '../../shared/api/errors';
import { REQUEST_HANDLING_SERVICE, REQUEST_HANDLING_SERVICE_NAME } from '../../shared/ratings/rating-identity';
import { REQUESTS } from '../requests/request-collections';
import type { Store } from '../_runtime/store/port';

/**
 * 一事一评: the handling of an answered disclosure request, rated once by its
 * applicant. It counts for the department of the clerk who replied (谁办理、
 * 谁负责; the bureau office when that cannot be told) and, bureau-wide, as its
 * own service, 依申请公开办理. There is no window: the rating counts for no window.
 */
export interface RequestSubject {
  requestId: string;
  trackingNumber: string;
  departmentId: string;
  departmentName: string;
  serviceId: string;
  serviceName: string;
}

export async function requestSubject(store: Store, requestId: string, openid: string): Promise<RequestSubject> {
  const request = await store.collection(REQUESTS).get(requestId);
  // Someone else's request is answered exactly like a missing one.
  if (!request || request.ownerOpenid !== openid) throw new AppError('RATING_NOT_OPEN', '未找到可评价的申请');
  if (request.status !== 'replied') throw new AppError('RATING_NOT_OPEN');
  const replier = [...request.history].reverse().find((h) => h.kind === 'replied')?.actorOpenid ?? null;
  const staff = replier ? await store.collection('staff').get(replier) : null;
  const departmentId = staff?.departmentId ?? 'office';
  const department = await store.collection('departments').get(departmentId);
  return {
    requestId,
    trackingNumber: request.trackingNumber,
    departmentId,
    departmentName: department?.name ?? '',
    serviceId: REQUEST_HANDLING_SERVICE,
    serviceName: REQUEST_HANDLING_SERVICE_NAME,
  };
}
