import type { DeliveryReport, DeliveryStatus } from '../../shared/notifications/notification-types';
import { defineFunction } from '../_runtime/define-function';
import { deliveriesContract } from '../../shared/notifications/notifications-contract';
import { assertMayReadDeliveries } from './subject-access';
import { maskOpenid } from '../../shared/privacy/masking';
import { DELIVERIES, INBOX, OUTBOX, WECHAT_RECORDED } from '../_notifications/records';

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
        recipients: j.progress.recipients,
      })),
      inApp: allInApp - staffInApp,
      read: allRead - staffRead,
      // Bulletin recipients without a grant are counted on the job rather than given a row each.
      wechat: Object.fromEntries(
        STATUSES.map((s, i) => [s, counts[i] + (s === 'noGrant' ? jobs.items.reduce((n, j) => n + (j.progress.noGrant ?? 0), 0) : 0)]),
      ) as Record<DeliveryStatus, number>,
      problems,
      recorded: recorded.items.map((r) => ({ recipient: maskOpenid(r.touser), templateId: r.templateId, page: r.page, data: r.data, at: r.at })),
    };
    return report;
  },
});
