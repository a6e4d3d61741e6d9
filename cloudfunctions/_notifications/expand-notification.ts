import { canSend } from '../../shared/notifications/grants';
import { templateFor } from '../../shared/notifications/subscribe-templates';
import { fitTemplateData } from '../../shared/notifications/template-fields';
import type { Store, Stored, Transaction } from '../_runtime/store/port';
import {
  DELIVERIES,
  GRANTS,
  grantIdFor,
  INBOX,
  inboxIdFor,
  OUTBOX,
  SUBSCRIPTIONS,
  type DeliveryRecord,
  type GrantRecord,
  type InboxRecord,
  type OutboxRecord,
  type SubscriptionRecord,
} from './records';

/**
 * Turns one outbox row into messages for people, one batch at a time.
 *
 * A bulletin's subscribers are walked topic by topic in id order; each batch
 * of inbox rows (and WeChat delivery rows) is written in ONE transaction with
 * the job's advanced position, checked against the job's version. A crash
 * mid-way therefore leaves either the whole batch and its position, or
 * neither: the next run resumes exactly where the last one committed — no
 * duplicates, no gaps. Two dispatchers racing on one job cannot both commit a
 * batch (the second fails its version check and rolls back). A resident
 * subscribed to both the kind and the department gets one message: the inbox
 * id is derived from (notification, person), and an existing one is skipped.
 */
export const FANOUT_BATCH = 500;

/** Writes the next batch; answers whether the job has more to do. */
export async function expandNotification(store: Store, job: Stored<OutboxRecord>, now: Date, batchSize = FANOUT_BATCH): Promise<boolean> {
  if (job.status === 'done') return false;
  if (job.audience.type === 'person') {
    const openid = job.audience.openid;
    await store.transaction(async (tx) => {
      const delivered = await deliverTo(tx, job, openid, now);
      await advance(tx, job, { topicIndex: 1, lastId: null, recipients: delivered ? 1 : 0 }, true, now);
    });
    return false;
  }

  // Small topics finish in one call: after a topic runs out, the next one
  // continues in the same call with what is left of the batch.
  let current = job;
  let budget = batchSize;
  for (;;) {
    const topics = (current.audience as { topics: string[] }).topics;
    const { topicIndex, lastId, recipients } = current.progress;
    if (topicIndex >= topics.length) {
      await store.transaction((tx) => advance(tx, current, current.progress, true, now));
      return false;
    }
    const page = await store.collection<SubscriptionRecord>(SUBSCRIPTIONS).find({
      where: lastId ? { topic: topics[topicIndex], id: { gt: lastId } } : { topic: topics[topicIndex] },
      orderBy: [['id', 'asc']],
      limit: budget,
    });
    const topicFinished = page.nextCursor === null;
    const next = topicFinished
      ? { topicIndex: topicIndex + 1, lastId: null }
      : { topicIndex, lastId: page.items[page.items.length - 1].id };
    const done = next.topicIndex >= topics.length;
    const from = current;
    current = await store.transaction(async (tx) => {
      let delivered = 0;
      for (const subscription of page.items) if (await deliverTo(tx, from, subscription.openid, now)) delivered += 1;
      return advance(tx, from, { ...next, recipients: recipients + delivered }, done, now);
    });
    if (done) return false;
    budget -= page.items.length;
    if (!topicFinished || budget <= 0) return true;
  }
}

async function advance(tx: Transaction, job: Stored<OutboxRecord>, progress: OutboxRecord['progress'], done: boolean, now: Date): Promise<Stored<OutboxRecord>> {
  // The version check makes the batch and the position one atomic step.
  return tx.collection<OutboxRecord>(OUTBOX).update(job.id, job.version, {
    progress,
    status: done ? 'done' : 'pending',
    updatedAt: now.toISOString(),
  });
}

/** The inbox row for this person, and the WeChat delivery beside it; false if they already have it. */
async function deliverTo(tx: Transaction, job: Stored<OutboxRecord>, openid: string, now: Date): Promise<boolean> {
  const id = inboxIdFor(job.id, openid);
  const inbox = tx.collection<InboxRecord>(INBOX);
  if (await inbox.get(id)) return false;
  const at = now.toISOString();
  const { title, body, link, page, values } = job.message;
  await inbox.insert({ id, openid, notificationId: job.id, subjectId: job.subjectId, title, body, link, read: false, createdAt: at });
  if (!job.purpose) return true;

  const template = templateFor(job.purpose);
  const grant = template ? await tx.collection<GrantRecord>(GRANTS).get(grantIdFor(openid, template.templateId)) : null;
  const sendable = !!template && canSend(grant);
  await tx.collection<DeliveryRecord>(DELIVERIES).insert({
    id,
    notificationId: job.id,
    subjectId: job.subjectId,
    openid,
    purpose: job.purpose,
    templateId: template?.templateId ?? null,
    status: sendable ? 'pending' : 'noGrant',
    attempts: 0,
    nextAttemptAt: at,
    claimedAt: null,
    grantSpent: false,
    reason: sendable ? null : noGrantReason(!!template, grant),
    page,
    data: sendable && template ? fitTemplateData(template, values) : null,
    createdAt: at,
    updatedAt: at,
    sentAt: null,
  });
  return true;
}

export function noGrantReason(hasTemplate: boolean, grant: GrantRecord | null): string {
  if (!hasTemplate) return '未配置订阅消息模板，仅站内消息';
  if (!grant) return '居民未授权订阅消息，仅站内消息';
  if (grant.banned) return '居民已关闭该订阅消息，仅站内消息';
  return grant.kind === 'oneTime' ? '一次性授权已用完，仅站内消息' : '居民已取消长期订阅，仅站内消息';
}
