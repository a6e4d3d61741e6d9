import { AppError } from '../../shared/api/errors';
import { applyGrantResult, emptyGrant, onePerTemplate } from '../../shared/notifications/grants';
import { SUBSCRIBE_TEMPLATES, templateById } from '../../shared/notifications/subscribe-templates';
import { describeTopic, topicKey } from '../../shared/notifications/topics';
import type { SubscriptionsView } from '../../shared/notifications/notification-types';
import { defineFunction } from '../_runtime/define-function';
import { subscriptionsContract } from '../../shared/notifications/notifications-contract';
import type { HandlerContext } from '../_runtime/handler-context';
import {
  GRANTS,
  grantIdFor,
  SUBSCRIPTIONS,
  subscriptionIdFor,
} from '../_notifications/records';

/** More topics than anyone follows: a cap, so one account cannot make every publish fan out to it thousands of times. */
export const MAX_SUBSCRIPTIONS = 30;

export interface SubscriptionEvent {
  subjectType: 'subscription';
  subjectId: string;
  action: 'subscribed' | 'unsubscribed' | 'grantsRecorded';
  actor: string;
  at: string;
  detail: string | null;
}

export const subscriptionsFunction = defineFunction('subscriptions', subscriptionsContract, {
  async topics(_input, ctx) {
    return viewOf(ctx);
  },

  async subscribe({ kind, departmentId }, ctx) {
    const openid = ctx.caller.openid as string;
    if (departmentId && !(await ctx.store.collection('departments').get(departmentId))) {
      throw new AppError('VALIDATION_FAILED', undefined, { departmentId: '请选择有效的部门' });
    }
    const topic = topicKey({ kind, departmentId });
    const id = subscriptionIdFor(openid, topic);
    const subscriptions = ctx.store.collection(SUBSCRIPTIONS);
    if ((await subscriptions.get(id))?.topic === topic) return viewOf(ctx); // already subscribed (a double tap)
    if ((await subscriptions.count({ openid })) >= MAX_SUBSCRIPTIONS) throw new AppError('SUBSCRIPTION_LIMIT_REACHED');
    const at = ctx.now().toISOString();
    await ctx.store.transaction(async (tx) => {
      const rows = tx.collection(SUBSCRIPTIONS);
      const current = await rows.get(id);
      if (current?.topic === topic) return;
      if (current) await rows.update(id, current.version, { topic, openid, createdAt: at }); // subscribed again after leaving
      else await rows.insert({ id, openid, topic, kind: kind ?? null, departmentId: departmentId ?? null, createdAt: at });
      await tx.collection('events').insert(subscriptionEvent(id, 'subscribed', openid, at, topic));
    });
    return viewOf(ctx);
  },

  async unsubscribe({ kind, departmentId }, ctx) {
    const openid = ctx.caller.openid as string;
    const topic = topicKey({ kind, departmentId });
    const id = subscriptionIdFor(openid, topic);
    const at = ctx.now().toISOString();
    await ctx.store.transaction(async (tx) => {
      const current = await tx.collection(SUBSCRIPTIONS).get(id);
      if (!current || current.topic !== topic) return;
      // An unsubscribed row moves off its topic, so fan-out never finds it; it keeps the subscription's history until the resident erases their data (me.erase removes it).
      await tx.collection(SUBSCRIPTIONS).update(id, current.version, { topic: `off:${topic}`, openid: `off:${openid}` });
      await tx.collection('events').insert(subscriptionEvent(id, 'unsubscribed', openid, at, topic));
    });
    return viewOf(ctx);
  },

  async recordGrants(input, ctx) {
    const grants = onePerTemplate(input.grants);
    const openid = ctx.caller.openid as string;
    const unknown = grants.findIndex((g) => !templateById(g.templateId));
    if (unknown >= 0) {
      const at = input.grants.findIndex((g) => g.templateId === grants[unknown].templateId);
      throw new AppError('VALIDATION_FAILED', undefined, { [`grants.${at}.templateId`]: '不是本应用的订阅消息模板' });
    }
    const at = ctx.now().toISOString();
    await ctx.store.transaction(async (tx) => {
      const store = tx.collection(GRANTS);
      for (const { templateId, result } of grants) {
        const template = templateById(templateId)!;
        const id = grantIdFor(openid, templateId);
        const current = await store.get(id);
        const next = applyGrantResult(current ?? emptyGrant(template.kind), result);
        const fields = { kind: next.kind, remaining: next.remaining, banned: next.banned, updatedAt: at };
        if (current) await store.update(id, current.version, fields);
        else await store.insert({ id, openid, templateId, ...fields });
      }
      const detail = grants.map((g) => `${g.templateId}:${g.result}`).join(',');
      await tx.collection('events').insert(subscriptionEvent(openid, 'grantsRecorded', openid, at, detail));
    });
    return viewOf(ctx);
  },
});

function subscriptionEvent(subjectId: string, action: SubscriptionEvent['action'], actor: string, at: string, detail: string): SubscriptionEvent {
  return { subjectType: 'subscription', subjectId, action, actor, at, detail };
}

async function viewOf({ store, caller }: HandlerContext): Promise<SubscriptionsView> {
  const openid = caller.openid as string;
  const [page, departments] = await Promise.all([
    store.collection(SUBSCRIPTIONS).find({ where: { openid }, orderBy: [['createdAt', 'asc']], limit: MAX_SUBSCRIPTIONS }),
    store.collection('departments').find({ orderBy: [['order', 'asc']], limit: 100 }),
  ]);
  const names = new Map(departments.items.map((d) => [d.id, d.name]));
  const grants = await Promise.all(SUBSCRIBE_TEMPLATES.map((t) => store.collection(GRANTS).get(grantIdFor(openid, t.templateId))));
  return {
    items: page.items.map((s) => ({
      kind: s.kind,
      departmentId: s.departmentId,
      label: describeTopic(s, (id) => names.get(id) ?? id),
      createdAt: s.createdAt,
    })),
    grants: SUBSCRIBE_TEMPLATES.map((t, i) => ({
      purpose: t.purpose,
      templateId: t.templateId,
      kind: t.kind,
      label: t.label,
      remaining: grants[i]?.remaining ?? 0,
      banned: grants[i]?.banned ?? false,
    })),
  };
}
