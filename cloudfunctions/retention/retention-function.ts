import { PRIVACY_SETTINGS_ID, retentionInForce, RETENTION_BOUNDS, type RetentionSettings } from '../../shared/privacy/retention';
import type { RetentionView } from '../../shared/privacy/retention-contract';
import type { PrivacyEvent } from '../../shared/privacy/privacy-events';
import { changeRecord } from '../_runtime/change-record';
import { defineFunction } from '../_runtime/define-function';
import { retentionContract } from '../../shared/privacy/retention-contract';
import type { Store } from '../_runtime/store/port';

/**
 * Function `retention`: the bureau's retention periods (the `meta` document `privacy-settings`), shown
 * to everyone on the 隐私政策 page and applied by the `apply-retention` job. An admin changes them
 * through the change road; the event names the periods changed with their old and new numbers
 * (settings, not personal data).
 */
export const retentionFunction = defineFunction('retention', retentionContract, {
  async get(_input, ctx) {
    return loadRetention(ctx.store);
  },

  async save({ version, ...next }, ctx) {
    const at = ctx.now().toISOString();
    const { record } = await changeRecord(ctx.store, {
      collection: 'meta',
      id: PRIVACY_SETTINGS_ID,
      expectedVersion: version,
      notFound: 'VALIDATION_FAILED',
      initial: {},
      decide: (current) => {
        const before = retentionInForce(current.retention);
        const changed = (Object.keys(next) as Array<keyof RetentionSettings>).filter((k) => before[k] !== next[k]);
        if (changed.length === 0 && current.version > 0) return null;
        const event: PrivacyEvent = {
          subjectType: 'personalData',
          subjectId: PRIVACY_SETTINGS_ID,
          action: 'retentionSettingsChanged',
          actor: ctx.caller.openid as string,
          at,
          detail: changed.map((k) => `${RETENTION_BOUNDS[k].label} ${before[k]}→${next[k]} ${RETENTION_BOUNDS[k].unit}`).join('；') || '确认默认期限',
        };
        return { patch: { retention: next }, events: [event] };
      },
    });
    return { ...retentionInForce(record.retention), version: record.version };
  },
});

export async function loadRetention(store: Store): Promise<RetentionView> {
  const doc = await store.collection('meta').get(PRIVACY_SETTINGS_ID);
  return { ...retentionInForce(doc?.retention), version: doc?.version ?? 0 };
}
