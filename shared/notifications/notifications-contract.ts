import * as z from 'zod/mini';
import '../api/zod-messages';
import { action } from '../api/define';
import { resident, staff } from '../staff/roles';
import { NOTICE_KINDS } from '../notices/notice-kinds';
import { CursorSchema, IdSchema, type PageOf } from '../api/common';
import type { DeliveryReport, InboxItem, SubscriptionsView } from './notification-types';

const Empty = z.strictObject({});

/** `{ kind?, departmentId? }`, at least one: a kind, a department, or that kind from that department. */
const TopicInput = z.strictObject({ kind: z.optional(z.enum(NOTICE_KINDS)), departmentId: z.optional(IdSchema) }).check(z.refine((t) => t.kind !== undefined || t.departmentId !== undefined, {
    message: '请选择信息类别或发布部门',
    path: ['kind'],
  }));

const TemplateIdSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9_-]+$/, '模板编号格式不正确'));

export const subscriptionsContract = {
  topics: action<SubscriptionsView>()({
    input: Empty,
    access: resident,
    summary: '我的订阅：订阅的信息类别和部门，以及微信订阅消息的授权情况',
    writes: false,
  }),
  subscribe: action<SubscriptionsView>()({
    input: TopicInput,
    access: resident,
    summary: '订阅一类信息或一个部门发布的信息',
    writes: true,
  }),
  unsubscribe: action<SubscriptionsView>()({
    input: TopicInput,
    access: resident,
    summary: '取消一项订阅',
    writes: true,
  }),
  recordGrants: action<SubscriptionsView>()({
    input: z.strictObject({
      grants: z.array(z.strictObject({ templateId: TemplateIdSchema, result: z.enum(['accept', 'reject', 'ban']) })).check(z.minLength(1), z.maxLength(3)),
    }),
    access: resident,
    summary: '记录居民在微信订阅消息授权框中的选择',
    writes: true,
  }),
};

export const inboxContract = {
  list: action<PageOf<InboxItem>>()({
    input: z.strictObject({ cursor: CursorSchema, limit: z._default(z.number().check(z.int(), z.gte(1), z.lte(50)), 20) }),
    access: resident,
    summary: '我的消息，最新的在前',
    writes: false,
  }),
  unreadCount: action<{ count: number }>()({
    input: Empty,
    access: resident,
    summary: '未读消息数',
    writes: false,
  }),
  markRead: action<{ updated: number; unread: number }>()({
    input: z.strictObject({
        ids: z.optional(z.array(IdSchema).check(z.minLength(1), z.maxLength(50))),
        all: z.optional(z.literal(true)),
      }).check(z.refine((v) => (v.ids === undefined) !== (v.all === undefined), { message: '请指定要标为已读的消息，或选择全部', path: ['ids'] })),
    access: resident,
    summary: '把消息标为已读（指定几条或全部）',
    writes: true,
  }),
};

export const deliveriesContract = {
  forSubject: action<DeliveryReport>()({
    input: z.strictObject({ subjectId: IdSchema }),
    access: staff('publisher', 'handler', 'ratingOfficer'),
    summary: '一条信息、一件申请或一条差评的通知送达情况：站内消息、微信订阅消息、未授权、失败原因',
    writes: false,
  }),
};
