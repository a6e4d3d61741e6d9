import { AppError } from '../../shared/api/errors';
import { beijingToday } from '../../shared/time/beijing-time';
import type { Actor, RequestRecord } from '../../shared/requests/request-record';
import { requestInScope, requestScopeOf } from '../../shared/requests/department-scope';
import { toView } from '../../shared/requests/request-view';
import type { WorkingCalendar } from '../../shared/calendar/working-calendar';
import type { HandlerContext } from '../_runtime/handler-context';
import type { Store } from '../_runtime/store/port';
import { loadCalendar } from '../calendar/calendar-data';
import { loadBureau } from './bureau';
import { REQUESTS } from './request-collections';

/** What the requests function's reads, its changes and its staff actions all use: who acts, whose request, and the view of it. */

export function requests(store: Store) {
  return store.collection(REQUESTS);
}

export function applicant(ctx: HandlerContext): Actor {
  return { role: 'applicant', openid: ctx.caller.openid, name: null };
}

export function staffActor(ctx: HandlerContext): Actor {
  return { role: 'staff', openid: ctx.caller.openid, name: ctx.caller.staff?.name ?? null };
}

/** A resident's own request; someone else's is answered exactly like a missing one. */
export async function ownRequest(store: Store, id: string, openid: string): Promise<RequestRecord> {
  const record = await requests(store).get(id);
  if (!record || !record.ownerOpenid || record.ownerOpenid !== openid) throw new AppError('REQUEST_NOT_FOUND');
  return record;
}

/** A request the calling staff member may see (department-scope.ts); another department's is answered exactly like a missing one. */
export async function requestInCallersScope(ctx: HandlerContext, id: string): Promise<RequestRecord> {
  const record = await requests(ctx.store).get(id);
  if (!record || !requestInScope(requestScopeOf(ctx.caller), record)) throw new AppError('REQUEST_NOT_FOUND');
  return record;
}

export async function viewFor(ctx: HandlerContext, record: RequestRecord, viewer: Actor, calendar?: WorkingCalendar) {
  const [cal, bureau] = await Promise.all([calendar ?? loadCalendar(ctx.store), loadBureau(ctx.store)]);
  return toView(record, viewer, beijingToday(ctx.now()), cal, bureau);
}
