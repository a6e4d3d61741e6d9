import * as z from 'zod';
import './zod-messages';
import { requestsContract } from '../requests/requests-contract';
import { calendarContract } from '../calendar/calendar-contract';
import { letterTemplatesContract } from '../requests/letter-templates-contract';
import { action } from './define';
import { noticeReadingContract } from '../notices/notice-reading-contract';
import { noticeEditingContract } from '../notices/notice-editing-contract';
import { anyone, staff, type StaffRole } from '../staff/roles';
import {
  CursorSchema,
  IdSchema,
  LimitSchema,
  NoticeContentSchema,
  VersionSchema,
  type Notice,
  type NoticeManageSummary,
  type NoticeSummary,
  type PublicNotice,
} from '../notices/notice-schema';
import { NOTICE_KINDS, NOTICE_STATUSES } from '../notices/notice-kinds';
import { deliveriesContract, inboxContract, subscriptionsContract } from '../notifications/notifications-contract';
import { ratingsContract, windowsContract } from '../ratings/ratings-contract';

/**
 * The contract between the app and the cloud: every function, every action.
 * The app's typed client, the cloud functions' router, the local cloud and the
 * tests all read this one object; nothing restates a shape by hand.
 */
export interface Whoami {
  openid: string | null;
  isStaff: boolean;
  staff: { name: string; roles: StaffRole[]; departmentId: string | null } | null;
  /** True only in the local cloud, where the dev sign-in screen exists. */
  devSignIn: boolean;
}

export interface Department {
  id: string;
  name: string;
  order: number;
}

export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

const Empty = z.strictObject({});

export const contract = {
  session: {
    whoami: action<Whoami>()({
      input: Empty,
      access: anyone,
      summary: '当前用户是谁：居民、工作人员或未登录',
      writes: false,
    }),
  },
  directory: {
    departments: action<Department[]>()({
      input: Empty,
      access: anyone,
      summary: '本机关各部门',
      writes: false,
    }),
  },
  notices: {
    list: action<PageOf<NoticeSummary>>()({
      input: z.strictObject({
        kind: z.enum(NOTICE_KINDS).optional(),
        departmentId: IdSchema.optional(),
        cursor: CursorSchema,
        limit: LimitSchema,
      }),
      access: anyone,
      summary: '已发布的公开信息，按发布时间倒序分页',
      writes: false,
    }),
    get: action<PublicNotice>()({
      input: z.strictObject({ id: IdSchema }),
      access: anyone,
      summary: '一条已发布的公开信息全文',
      writes: false,
    }),
    manageList: action<PageOf<NoticeManageSummary>>()({
      input: z.strictObject({
        status: z.enum(NOTICE_STATUSES).optional(),
        kind: z.enum(NOTICE_KINDS).optional(),
        /** Only notices set to publish themselves, soonest first (issue 8). */
        scheduled: z.literal(true).optional(),
        cursor: CursorSchema,
        limit: LimitSchema,
      }),
      access: staff('publisher'),
      summary: '工作人员查看全部信息（含草稿、定时发布和已撤回），按修改时间倒序',
      writes: false,
    }),
    manageGet: action<Notice>()({
      input: z.strictObject({ id: IdSchema }),
      access: staff('publisher'),
      summary: '工作人员打开任一状态的信息进行编辑',
      writes: false,
    }),
    save: action<Notice>()({
      input: z.strictObject({
        id: IdSchema.optional(),
        /** Required when `id` is given: the version the editor loaded. */
        version: VersionSchema.optional(),
        notice: NoticeContentSchema,
      }).refine((v) => (v.id === undefined) === (v.version === undefined), {
        message: '修改已有信息时须同时提供编号和版本',
        path: ['version'],
      }),
      access: staff('publisher'),
      summary: '新建草稿或修改信息内容',
      writes: true,
    }),
    publish: action<Notice>()({
      input: z.strictObject({ id: IdSchema, version: VersionSchema }),
      access: staff('publisher'),
      summary: '发布信息，居民随即可见',
      writes: true,
    }),
    withdraw: action<Notice>()({
      input: z.strictObject({
        id: IdSchema,
        version: VersionSchema,
        reason: z.string().trim().min(2, '请填写撤回原因').max(200),
      }),
      access: staff('publisher'),
      summary: '撤回已发布的信息：居民不再可见，记录保留',
      writes: true,
    }),
    ...noticeReadingContract,
    // notices history, scheduled publishing (issue 8)
    ...noticeEditingContract,
  },

  // ── Functions added by later issues. Each lives in its own module (e.g.
  // shared/requests/requests-contract.ts exporting `requestsContract`) and is
  // named here on its own line; the blank lines keep parallel branches from
  // touching the same lines.

  // requests (issue 6)
  requests: requestsContract,

  // calendar (issue 6)
  calendar: calendarContract,
  letterTemplates: letterTemplatesContract,

  // subscriptions, inbox, deliveries (issue 7)
  subscriptions: subscriptionsContract,
  inbox: inboxContract,
  deliveries: deliveriesContract,

  // windows, ratings (issue 9)
  windows: windowsContract,
  ratings: ratingsContract,

} as const;

export type Contract = typeof contract;
export type FunctionName = keyof Contract;
export type ActionName<F extends FunctionName> = keyof Contract[F] & string;
