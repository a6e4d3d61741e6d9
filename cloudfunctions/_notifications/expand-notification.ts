import { canSend } from '../../shared/notifications/grants';
import { templateFor, type SubscribeTemplate } from '../../shared/notifications/subscribe-templates';
import { fitTemplateData } from '../../shared/notifications/template-fields';
import { existingIds } from '../_runtime/store/existing-ids';
import type { Store, Stored, Transaction } from '../_runtime/store/port';
import {
  DELIVERIES,
  GRANTS,
  grantIdFor,
  INBOX,
  inboxIdFor,
  OUTBOX,
  SUBSCRIPTIONS,
  type GrantRecord,
  type OutboxRecord,
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
 * batch (the second fails its version check and rolls back).
 *
 * A resident subscribed to both the kind and the department gets one message:
 * the inbox id is derived from (notification, person), and from the second
 * topic on, ids already written are skipped. Only this job writes those ids
 * and its batches are serialised by the version check, so looking them up in
 * one query before the transaction is safe. Grants are read the same way;
 * one revoked meanwhile is caught again when the message is sent.
 *
 * For bulletins, a WeChat delivery row is written only for residents holding
 * a grant; the others are counted (`progress.noGrant`), which halves the
 * writes of a large fan-out. A message for one person always gets its row.
 */
export const FANOUT_BATCH = 500;

/** Writes the next batch; answers whether the job has more to do. */
export async function expandNotification(store: Store, job: Stored<OutboxRecord>, now: Date, batchSize = FANOUT_BATCH): Promise<boolean> {
  if (job.status === 'done') return false;
  const template = job.purpose ? templateFor(job.purpose) : null;
  if (job.audience.type === 'person') {
    const openid = job.audience.openid;
    await store.transaction(async (tx) => {
      const existing = await tx.collection(INBOX).get(inboxIdFor(job.id, openid));
      const grant = template ? await tx.collection(GRANTS).get(grantIdFor(openid, template.templateId)) : null;
      if (!existing) await deliverTo(tx, job, inboxIdFor(job.id, openid), openid, template, grant, true, now);
      await advance(tx, job, { topicIndex: 1, lastId: null, recipients: existing ? 0 : 1, noGrant: 0 }, true, now);
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
    const noGrant = current.progress.noGrant ?? 0;
    if (topicIndex >= topics.length) {
      await store.transaction((tx) => advance(tx, current, current.progress, true, now));
      return false;
    }
    const page = await store.collection(SUBSCRIPTIONS).find({
      where: lastId ? { topic: topics[topicIndex], id: { gt: lastId } } : { topic: topics[topicIndex] },
      orderBy: [['id', 'asc']],
      limit: budget,
    });
    const openids = page.items.map((s) => s.openid);
    const ids = openids.map((o) => inboxIdFor(job.id, o));
    const already = topicIndex === 0 ? new Set<string>() : await existingIds(store, INBOX, ids);
    const grants = template ? await grantsOf(store, openids, template.templateId) : new Map<string, GrantRecord>();
    const topicFinished = page.nextCursor === null;
    const next = topicFinished ? { topicIndex: topicIndex + 1, lastId: null } : { topicIndex, lastId: page.items[page.items.length - 1].id };
    const done = next.topicIndex >= topics.length;
    const from = current;
    current = await store.transaction(async (tx) => {
      let delivered = 0;
      let refused = 0;
      for (let i = 0; i < openids.length; i++) {
        if (already.has(ids[i])) continue;
        const wrote = await deliverTo(tx, from, ids[i], openids[i], template, grants.get(openids[i]) ?? null, false, now);
        delivered += 1;
        if (wrote === 'noGrant') refused += 1;
      }
      return advance(tx, from, { ...next, recipients: recipients + delivered, noGrant: noGrant + refused }, done, now);
    });
    if (done) return false;
    budget -= page.items.length;
    if (!topicFinished || budget <= 0) return true;
  }
}

async function advance(tx: Transaction, job: Stored<OutboxRecord>, progress: OutboxRecord['progress'], done: boolean, now: Date): Promise<Stored<OutboxRecord>> {
  // The version check makes the batch and the position one atomic step.
  return tx.collection(OUTBOX).update(job.id, job.version, {
    progress,
    status: done ? 'done' : 'pending',
    updatedAt: now.toISOString(),
  });
}

async function grantsOf(store: Store, openids: string[], templateId: string): Promise<Map<string, GrantRecord>> {
  if (!openids.length) return new Map();
  const ids = openids.map((o) => grantIdFor(o, templateId));
  const page = await store.collection(GRANTS).find({ where: { id: { in: ids } }, orderBy: [['id', 'asc']], limit: ids.length });
  return new Map(page.items.map((g) => [g.openid, g]));
}

/**
 * The inbox row for this person and, where WeChat may be tried, the delivery
 * row beside it. Answers what happened on the WeChat side.
 */
async function deliverTo(
  tx: Transaction,
  job: Stored<OutboxRecord>,
  id: string,
  openid: string,
  template: SubscribeTemplate | null,
  grant: GrantRecord | null,
  recordRefusal: boolean,
  now: Date,
): Promise<'inAppOnly' | 'pending' | 'noGrant'> {
  const at = now.toISOString();
  const { title, body, link, page, values } = job.message;
  await tx.collection(INBOX).insert({
    id, openid, notificationId: job.id, subjectId: job.subjectId, title, body, link, read: false, createdAt: at,
    ...(job.message.forStaff ? { forStaff: true as const } : {}),
  });
  if (!job.purpose) return 'inAppOnly';

  const sendable = !!template && canSend(grant);
  if (!sendable && !recordRefusal) return 'noGrant';
  await tx.collection(DELIVERIES).insert({
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
  return sendable ? 'pending' : 'noGrant';
}

export function noGrantReason(hasTemplate: boolean, grant: GrantRecord | null): string {
  if (!hasTemplate) return '未配置订阅消息模板，仅站内消息';
  if (!grant) return '居民未授权订阅消息，仅站内消息';
  if (grant.banned) return '居民已关闭该订阅消息，仅站内消息';
  return grant.kind === 'oneTime' ? '一次性授权已用完，仅站内消息' : '居民已取消长期订阅，仅站内消息';
}
