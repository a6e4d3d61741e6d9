import type { GuideRecord, GuideView } from '../../shared/inquiries/guide-types';
import { changeRecord } from '../_runtime/change-record';
import { defineFunction } from '../_runtime/define-function';
import { guideContract } from '../../shared/inquiries/guide-contract';
import type { HandlerContext } from '../_runtime/handler-context';
import type { Stored } from '../_runtime/store/port';
import { GUIDE_ID, INITIAL_GUIDE, loadGuide } from './guide-data';

/**
 * Function `guide` (政府信息公开指南, 条例 Art. 12). Anyone reads it; the
 * admin saves it against the version read (0 for the first save over the
 * default), each save an event and an entry in its history.
 */
export const guideFunction = defineFunction('guide', guideContract, {
  async get(_input, ctx) {
    return viewOf(await loadGuide(ctx.store), ctx);
  },

  async save({ version, guide }, ctx) {
    const at = ctx.now().toISOString();
    const byName = ctx.caller.staff?.name ?? null;
    const { record } = await changeRecord(ctx.store, {
      collection: 'guide',
      id: GUIDE_ID,
      expectedVersion: version,
      notFound: 'NOT_FOUND',
      initial: INITIAL_GUIDE,
      decide: (current) => ({
        patch: { ...guide, updatedAt: at, updatedByName: byName, history: [...current.history, { at, byName, version: current.version + 1 }].slice(-100) },
        events: [{ subjectType: 'guide', subjectId: GUIDE_ID, action: 'guideSaved', actor: ctx.caller.openid as string, at, detail: `第 ${current.version + 1} 版` }],
      }),
    });
    return viewOf(record, ctx);
  },
});

function viewOf(g: Stored<GuideRecord>, ctx: HandlerContext): GuideView {
  const { id: _id, history, updatedByName: _by, ...content } = g;
  const isStaff = (ctx.caller.staff?.roles.length ?? 0) > 0;
  return { ...content, history: isStaff ? history : null };
}
