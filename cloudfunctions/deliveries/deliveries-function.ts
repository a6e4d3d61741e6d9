import type { DeliveryReport, DeliveryStatus } from '../../shared/notifications/notification-types';
import { defineFunction } from '../_runtime/define-function';
import { deliveriesContract } from '../../shared/notifications/notifications-contract';
import { assertMayReadDeliveries } from './subject-access';
import { maskOpenid } from '../../shared/privacy/masking';
import type { Store, Stored } from '../_runtime/store/port';
import { bulletinAudience } from '../_notifications/bulletin-audience';
import { bulletinReaders, rowHoldersInAudience } from '../_notifications/bulletin-readers';
import { DELIVERIES, INBOX, OUTBOX, WECHAT_RECORDED, type OutboxRecord } from '../_notifications/records';

const STATUSES: DeliveryStatus[] = ['pending', 'sending', 'sent', 'noGrant', 'failed'];
const LISTED = 20;

/**
 * Staff: how the notifications about one notice or request reached people —
 * in the message centre (always), sent to WeChat, no grant, failed and why —
 * and, in the local cloud, what the recorder would have sent. OPENIDs are
 * masked: staff need to tell recipients apart, not to know them.
 */
export const deliveriesFunction = defineFunction('deliveries', deliveriesContract, {
  async forSubject({ subjectId }, { store, caller }) {
    await assertMayReadDeliveries(store, caller, subjectId);
    const deliveries = store.collection(DELIVERIES);
    const inbox = store.collection(INBOX);
    const [jobs, allInApp, allRead, staffInApp, staffRead, counts, refused, failed, recorded] = await Promise.all([
      store.collection(OUTBOX).find({ where: { subjectId }, orderBy: [['createdAt', 'desc']], limit: LISTED }),
      inbox.count({ subjectId }),
      inbox.count({ subjectId, read: true }),
      // Staff reminders about the subject are the staff's own messages, not deliveries to residents.
      inbox.count({ subjectId, forStaff: true }),
      inbox.count({ subjectId, forStaff: true, read: true }),
      Promise.all(STATUSES.map((status) => deliveries.count({ subjectId, status }))),
      deliveries.find({ where: { subjectId, status: 'noGrant' }, orderBy: [['updatedAt', 'desc']], limit: LISTED }),
      deliveries.find({ where: { subjectId, status: 'failed' }, orderBy: [['updatedAt', 'desc']], limit: LISTED }),
      store.collection(WECHAT_RECORDED).find({ where: { subjectId }, orderBy: [['at', 'desc']], limit: LISTED }),
    ]);
    const bulletins = await Promise.all(jobs.items.filter((j) => j.inAppOnRead).map((j) => bulletinReach(store, j)));
    const reach = new Map(bulletins.map((b) => [b.id, b]));
    const bulletinAudience = bulletins.reduce((n, b) => n + b.audience, 0);
    const bulletinRead = bulletins.reduce((n, b) => n + b.read, 0);
    // A resident shown a half-copied bulletin by their old inbox row is counted with the inbox rows, not again in its audience.
    const countedTwice = bulletins.reduce((n, b) => n + b.rowHolders, 0);
    // A bulletin's subscribers without a WeChat grant have no delivery row: they are its audience less its sends.
    const bulletinNoGrant = bulletins.reduce((n, b) => n + Math.max(0, b.audience - b.sends), 0);
    const problems = [...failed.items, ...refused.items]
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .slice(0, LISTED)
      .map((d) => ({ recipient: maskOpenid(d.openid), status: d.status, reason: d.reason ?? '', at: d.updatedAt }));
    const report: DeliveryReport = {
      subjectId,
      notifications: jobs.items.map((j) => ({
        id: j.id,
        cause: j.cause,
        title: j.message.title,
        createdAt: j.createdAt,
        status: j.status,
        recipients: reach.get(j.id)?.audience ?? j.progress.recipients,
      })),
      inApp: allInApp - staffInApp + bulletinAudience - countedTwice,
      read: allRead - staffRead + bulletinRead,
      // Bulletin recipients without a grant are counted, not given a row each (older bulletins counted them on the job).
      wechat: Object.fromEntries(
        STATUSES.map((s, i) => [s, counts[i] + (s === 'noGrant' ? bulletinNoGrant + jobs.items.reduce((n, j) => n + (j.inAppOnRead ? 0 : (j.progress.noGrant ?? 0)), 0) : 0)]),
      ) as Record<DeliveryStatus, number>,
      problems,
      recorded: recorded.items.map((r) => ({ recipient: maskOpenid(r.touser), templateId: r.templateId, page: r.page, data: r.data, at: r.at })),
    };
    return report;
  },
});

/**
 * How far a bulletin read from its rows reached: the residents subscribed to its topics at its
 * publication (each once, bulletin-audience.ts), those of them who read it (by their own mark or
 * by 「全部已读」, bulletin-readers.ts), those also holding an old inbox row of it, and the WeChat
 * sends queued.
 */
async function bulletinReach(store: Store, job: Stored<OutboxRecord>): Promise<{ id: string; audience: number; read: number; rowHolders: number; sends: number }> {
  const topics = job.audience.type === 'topics' ? job.audience.topics : [];
  const [audience, read, rowHolders] = await Promise.all([bulletinAudience(store, topics, job.createdAt), bulletinReaders(store, job), rowHoldersInAudience(store, job)]);
  return { id: job.id, audience, read, rowHolders, sends: job.progress.recipients };
}
