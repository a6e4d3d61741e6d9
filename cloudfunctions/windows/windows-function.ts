import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import { ratingEvent } from '../../shared/ratings/rating-events';
import { ratingInScope, ratingScopeOf } from '../../shared/ratings/rating-scope';
import type { Caller } from '../../shared/staff/roles';
import type { Store } from '../_runtime/store/port';
import { visitCodeFrom, visitExpiry } from '../../shared/ratings/visit-codes';
import { windowPatch, toWindowSummary } from '../../shared/ratings/windows';
import type { ServiceWindow, VisitRecord } from '../../shared/ratings/ratings-types';
import { changeRecord } from '../_runtime/change-record';
import { defineFunction } from '../_runtime/define-function';
import { windowsContract } from '../../shared/ratings/ratings-contract';
import { newId } from '../_runtime/store/new-id';
import { DuplicateIdError } from '../_runtime/store/port';
import { ratingSettings } from '../ratings/rating-settings';
import { ratingLink, ratingQr } from './rating-qr';

export const windowsFunction = defineFunction('windows', windowsContract, {
  async list({ departmentId }, { store }) {
    const page = await store.collection('windows').find({ where: { active: true }, orderBy: [['name', 'asc']], limit: 200 });
    return page.items.filter((w) => !departmentId || w.departmentId === departmentId).map(toWindowSummary);
  },

  async manageList(_input, { store, caller }) {
    // A bureau has tens of windows: one page holds them all; a unit's officer sees their departments' (rating-scope.ts).
    const page = await store.collection('windows').find({ orderBy: [['name', 'asc']], limit: 200 });
    const scope = ratingScopeOf(caller);
    return page.items.filter((w) => ratingInScope(scope, w.departmentId)) as ServiceWindow[];
  },

  async get({ id }, { store, caller }) {
    return (await windowInScope(store, caller, id)) as ServiceWindow;
  },

  async save({ id, version, window: content }, { store, caller, now }) {
    const scope = ratingScopeOf(caller);
    const department = await store.collection('departments').get(content.departmentId);
    if (!department) throw new AppError('VALIDATION_FAILED', undefined, { 'window.departmentId': '请选择有效的部门' });
    // A unit's officer keeps windows within their departments: neither creates one elsewhere nor moves one away.
    if (!ratingInScope(scope, department.id)) throw new AppError('VALIDATION_FAILED', undefined, { 'window.departmentId': '只能选择本人所在的部门' });
    const actor = caller.openid as string;
    const at = now();
    const newServiceId = () => newId(at.getTime());
    if (id !== undefined && version !== undefined) {
      // An edit: on the one change road, against the version the officer saw.
      const { record } = await changeRecord(store, {
        collection: 'windows',
        id,
        expectedVersion: version,
        notFound: 'WINDOW_NOT_FOUND',
        visible: (current) => ratingInScope(scope, current.departmentId),
        decide: (current) => ({
          patch: windowPatch(content, department.name, current, actor, at, newServiceId),
          events: [ratingEvent(id, 'windowUpdated', actor, at)],
        }),
      });
      return record;
    }
    // A new window: its id is minted by the store, so it is an insert, not a change of a record that exists.
    return store.transaction(async (tx) => {
      const created = await tx.collection('windows').insert(windowPatch(content, department.name, null, actor, at, newServiceId));
      await tx.collection('events').insert(ratingEvent(created.id, 'windowCreated', actor, at));
      return created;
    });
  },

  async qrcode({ windowId, visitCode, origin }, ctx) {
    if (visitCode) {
      // A visit code's own QR, for the resident to scan from the clerk's screen.
      const visit = await ctx.store.collection('visits').get(visitCode);
      const window = visit && (await ctx.store.collection('windows').get(visit.windowId));
      if (!visit || !window || !ratingInScope(ratingScopeOf(ctx.caller), window.departmentId)) throw new AppError('VISIT_NOT_FOUND');
      return ratingQr({ visitCode }, ctx, origin);
    }
    const window = await windowInScope(ctx.store, ctx.caller, windowId as string);
    if (!window.active) throw new AppError('WINDOW_NOT_FOUND');
    return ratingQr({ windowId: window.id }, ctx, origin);
  },

  async issueVisit({ windowId, serviceId, origin }, ctx) {
    const { store, caller, now } = ctx;
    const window = await windowInScope(store, caller, windowId);
    if (!window.active) throw new AppError('WINDOW_NOT_FOUND');
    const service = serviceId ? window.services.find((s) => s.id === serviceId) : null;
    if (serviceId && !service) throw new AppError('VALIDATION_FAILED', undefined, { serviceId: '该窗口没有这项办理事项' });
    const settings = await ratingSettings(store);
    const at = now();
    const actor = caller.openid as string;
    const visit: VisitRecord = {
      windowId,
      serviceId: service?.id ?? null,
      issuedBy: actor,
      issuedAt: at.toISOString(),
      expiresAt: visitExpiry(at, settings.visitCodeDays).toISOString(),
      ratingId: null,
      ratedAt: null,
    };
    // A fresh code colliding with a live one is astronomically rare; one retry makes it rarer still.
    let visitCode = '';
    for (let attempt = 0; !visitCode; attempt++) {
      const candidate = visitCodeFrom(randomBytes(16));
      try {
        await store.transaction(async (tx) => {
          await tx.collection('visits').insert({ ...visit, id: candidate });
          await tx.collection('events').insert(ratingEvent(candidate, 'visitIssued', actor, at, window.name));
        });
        visitCode = candidate;
      } catch (error) {
        if (!(error instanceof DuplicateIdError) || attempt >= 2) throw error;
      }
    }
    return { ...ratingLink({ visitCode }, ctx, origin), visitCode, expiresAt: visit.expiresAt, windowName: window.name, serviceName: service?.name ?? null };
  },
});

/** A window the calling officer may work on; another unit's is answered exactly like a missing one. */
async function windowInScope(store: Store, caller: Caller, id: string) {
  const window = await store.collection('windows').get(id);
  if (!window || !ratingInScope(ratingScopeOf(caller), window.departmentId)) throw new AppError('WINDOW_NOT_FOUND');
  return window;
}
