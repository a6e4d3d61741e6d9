import { SEAL_SETTINGS_ID, type SealView } from '../../shared/requests/letter-seal';
import type { TemplateEvent } from './letter-templates-function';
import { changeRecord } from '../_runtime/change-record';
import type { HandlerContext } from '../_runtime/handler-context';

/** Puts up or takes down the seal on the change road, against the version the admin saw; the event says which. */
export async function saveSeal(ctx: HandlerContext, version: number, png: string | null): Promise<SealView> {
  const at = ctx.now().toISOString();
  const actor = ctx.caller.openid as string;
  const { record } = await changeRecord(ctx.store, {
    collection: 'meta',
    id: SEAL_SETTINGS_ID,
    expectedVersion: version,
    notFound: 'VALIDATION_FAILED', // never answered: a missing document starts as `initial`
    initial: {},
    decide: () => {
      const event: TemplateEvent = {
        subjectType: 'letterTemplate',
        subjectId: 'seal',
        action: png ? 'sealSaved' : 'sealRemoved',
        actor,
        at,
        detail: png ? `上传本机关公章图片（${Math.round((png.length * 3) / 4 / 1024)} KB）` : '撤下本机关公章图片',
      };
      return { patch: { sealPng: png, sealUpdatedAt: at, sealUpdatedByName: ctx.caller.staff?.name ?? null }, events: [event] };
    },
  });
  return { png: record.sealPng ?? null, version: record.version, updatedAt: record.sealUpdatedAt ?? null, updatedByName: record.sealUpdatedByName ?? null };
}
