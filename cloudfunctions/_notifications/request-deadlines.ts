import { DUE_SOON_WORKING_DAYS, dueBy } from '../../shared/requests/request-queries';
import type { RequestRecord } from '../../shared/requests/request-record';
import type { Stored } from '../_runtime/store/port';
import { withRole, type DeadlineSource } from './deadline-source';

const ADMIN_REQUEST_PAGE = 'admin/pages/request/index';

/**
 * Disclosure requests' answer deadlines (条例 Art. 33). Requests have no
 * assigned handler yet, so the reminder goes to the staff member who
 * registered the request, or — for requests nobody registered through the
 * app — to every active handler.
 */
export const requestDeadlines: DeadlineSource<Stored<RequestRecord>> = {
  idPrefix: 'rm',
  dueBy: (store, horizon, cursor, limit) => {
    const { where, orderBy } = dueBy(horizon);
    return store.collection('requests').find({ where, orderBy, limit, cursor });
  },
  dueOn: (r) => r.dueOn,
  handlers: (r, staff) => {
    const registeredBy = r.history.find((h) => h.kind === 'registered' && h.actorOpenid)?.actorOpenid;
    return registeredBy ? [registeredBy] : withRole(staff, 'handler').map((s) => s.id);
  },
  wording: (kind, r) =>
    kind === 'dueSoon'
      ? { title: `申请 ${r.trackingNumber} 即将到期`, body: `答复期限为 ${r.dueOn}，还剩不到 ${DUE_SOON_WORKING_DAYS} 个工作日，请及时答复或依法延期。` }
      : { title: `申请 ${r.trackingNumber} 已超过答复期限`, body: `答复期限 ${r.dueOn} 已过，请尽快答复并说明情况。` },
  link: (r) => ({ type: 'request', id: r.id }),
  page: (r) => `${ADMIN_REQUEST_PAGE}?id=${r.id}`,
};
