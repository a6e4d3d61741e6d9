import { canSend } from '../../shared/notifications/grants';
import { templateFor, type SubscribeTemplate } from '../../shared/notifications/subscribe-templates';
import { fitTemplateData } from '../../shared/notifications/template-fields';
import { existingIds } from '../_runtime/store/existing-ids';
import type { Store, Stored, Transaction } from '../_runtime/store/port';
import { subscribedBefore } from './bulletin-audience';
import { writeBulletinRows } from './enqueue-notification';
import {
  DELIVERIES,
  GRANTS,
  grantIdFor,
  INBOX,
  inboxIdFor,
  OUTBOX,
  type GrantRecord,
  type OutboxRecord,
} from './records';

/**
 * Turns one outbox row into messages for people, one batch at a time.
 *
 * A message for one person: its inbox row and, where WeChat may be tried,
 * its delivery row, in one transaction with the job marked done.
 *
 * A bulletin: its in-app side is already there (the `bulletins` rows written
 * with the publication; residents' 消息 read them), so what is left is WeChat:
 * one delivery row per resident who holds a live grant of the bulletin
 * template and subscribed to one of its topics before it was published. The
 * job walks that template's grants in id order — a hundred thousand
 * subscribers without a grant cost no write at all. Each batch of delivery
 * rows is written in ONE transaction with the job's advanced position,
 * checked against the job's version: a crash mid-way leaves either the whole
 * batch and its position, or neither, and the next run resumes where the last
 * one committed. Two dispatchers racing on one job cannot both commit a batch
 * (the second fails its version check and rolls back). Delivery ids are
 * derived from (bulletin, person), and ids already written are skipped, so a
 * resident never gets two rows (and never two sends) for one bulletin.
 *
 * Batches that find nobody to send to are not written down one by one: the
 * walk goes on in the same run, and records its position only every
 * EMPTY_READS_PER_WRITE grants read, so even the position costs next to
 * nothing per bulletin.
 */
export const FANOUT_BATCH = 500;
const EMPTY_READS_PER_WRITE = 20 * FANOUT_BATCH;

/** Writes the next batch; answers whether the job has more to do. */
export async function expandNotification(store: Store, job: Stored<OutboxRecord>, now: Date, batchSize = FANOUT_BATCH): Promise<boolean> {
  if (job.status === 'done') return false;
  const template = job.purpose ? templateFor(job.purpose) : null;
  if (job.audience.type === 'person') {
    const openid = job.audience.openid;
    await store.transaction(async (tx) => {
      const existing = await tx.collection(INBOX).get(inboxIdFor(job.id, openid));
      const grant = template ? await tx.collection(GRANTS).get(grantIdFor(openid, template.templateId)) : null;
      if (!existing) await deliverTo(tx, job, inboxIdFor(job.id, openid), openid, template, grant, now);
      await advance(tx, job, { topicIndex: 1, lastId: null, recipients: existing ? 0 : 1, noGrant: 0 }, true, now);
    });
    return false;
  }
  const current = job.inAppOnRead ? job : await readFromBulletins(store, job, now);
  return sendToGrantHolders(store, current, template, now, batchSize);
}

/**
 * A bulletin enqueued before fan-out on read (no `inAppOnRead`): its rows are written now, and its
 * WeChat side restarts as a grant walk. If it had begun writing inbox rows, the rows say so, and a
 * resident who has its inbox row is shown that one only (inbox-function.ts); deliveries already
 * written keep their derived ids, so the walk skips them.
 */
async function readFromBulletins(store: Store, job: Stored<OutboxRecord>, now: Date): Promise<Stored<OutboxRecord>> {
  const started = job.progress.recipients > 0 || job.progress.topicIndex > 0 || job.progress.lastId !== null;
  return store.transaction(async (tx) => {
    await writeBulletinRows(tx, job, started);
    return tx.collection(OUTBOX).update(job.id, job.version, {
      inAppOnRead: true,
      progress: { ...job.progress, topicIndex: 0, lastId: null },
      updatedAt: now.toISOString(),
    });
  });
}

async function sendToGrantHolders(
  store: Store,
  job: Stored<OutboxRecord>,
  template: SubscribeTemplate | null,
  now: Date,
  batchSize: number,
): Promise<boolean> {
  const topics = (job.audience as { topics: string[] }).topics;
  if (!template) {
    await store.transaction((tx) => advance(tx, job, { ...job.progress, topicIndex: topics.length }, true, now));
    return false;
  }
  let lastId = job.progress.lastId;
  let read = 0;
  for (;;) {
    const page = await store.collection(GRANTS).find({
      where: lastId ? { templateId: template.templateId, id: { gt: lastId } } : { templateId: template.templateId },
      orderBy: [['id', 'asc']],
      limit: batchSize,
    });
    const live = page.items.filter((g) => canSend(g));
    const subscribed = await subscribedBefore(store, live.map((g) => g.openid), topics, job.createdAt);
    const targets = live.filter((g) => subscribed.has(g.openid));
    const ids = targets.map((g) => inboxIdFor(job.id, g.openid));
    const already = await existingIds(store, DELIVERIES, ids);
    const fresh = targets.map((grant, i) => ({ grant, id: ids[i] })).filter(({ id }) => !already.has(id));
    const finished = page.nextCursor === null;
    if (page.items.length) lastId = page.items[page.items.length - 1].id;
    read += page.items.length;
    if (!fresh.length && !finished && read < EMPTY_READS_PER_WRITE) continue;
    await store.transaction(async (tx) => {
      for (const { grant, id } of fresh) await deliverTo(tx, job, id, grant.openid, template, grant, now);
      const progress = { topicIndex: finished ? topics.length : 0, lastId, recipients: job.progress.recipients + fresh.length, noGrant: job.progress.noGrant ?? 0 };
      return advance(tx, job, progress, finished, now);
    });
    return !finished;
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

/**
 * A personal message: its inbox row and, where WeChat may be tried, the delivery row beside it (a
 * refusal recorded with its reason). A bulletin: the delivery row of a grant holder only.
 */
async function deliverTo(
  tx: Transaction,
  job: Stored<OutboxRecord>,
  id: string,
  openid: string,
  template: SubscribeTemplate | null,
  grant: GrantRecord | null,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const { title, body, link, page, values } = job.message;
  if (job.audience.type === 'person') {
    await tx.collection(INBOX).insert({
      id, openid, notificationId: job.id, subjectId: job.subjectId, title, body, link, read: false, createdAt: at,
      ...(job.message.forStaff ? { forStaff: true as const } : {}),
    });
  }
  if (!job.purpose) return;

  const sendable = !!template && canSend(grant);
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
}

export function noGrantReason(hasTemplate: boolean, grant: GrantRecord | null): string {
  if (!hasTemplate) return '未配置订阅消息模板，仅站内消息';
  if (!grant) return '居民未授权订阅消息，仅站内消息';
  if (grant.banned) return '居民已关闭该订阅消息，仅站内消息';
  return grant.kind === 'oneTime' ? '一次性授权已用完，仅站内消息' : '居民已取消长期订阅，仅站内消息';
}
