import * as z from 'zod/mini';
import { action } from '../api/define';
import { CursorSchema, IdSchema, LimitSchema, VersionSchema, type PageOf } from '../api/common';
import { staff, anyone } from '../staff/roles';
import { NOTICE_KINDS, NOTICE_STATUSES } from './notice-kinds';
import { noticeEditingContract } from './notice-editing-contract';
import { noticeReadingContract } from './notice-reading-contract';
import type { PendingReview } from '../reviews/reviews-contract';
import { NoticeContentSchema, type Notice, type NoticeManageSummary, type NoticeSummary, type PublicNotice } from './notice-schema';

/**
 * Function `notices`: notices and service guides (主动公开). Residents read
 * what is published; publishers write, publish and withdraw. Reading extras
 * (search, opinions, views) and editing extras (history, scheduling) live in
 * their own contract modules and are spread in here.
 */
export const noticesContract = {
    list: action<PageOf<NoticeSummary>>()({
      input: z.strictObject({
        kind: z.optional(z.enum(NOTICE_KINDS)),
        departmentId: z.optional(IdSchema),
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
        status: z.optional(z.enum(NOTICE_STATUSES)),
        kind: z.optional(z.enum(NOTICE_KINDS)),
        /** Only notices set to publish themselves, soonest first. */
        scheduled: z.optional(z.literal(true)),
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
    /** Correcting a published notice, where the bureau requires review (公开审查), answers `{ pendingReview, reviewId }` and the published text stays. */
    save: action<Notice | PendingReview>()({
      input: z.strictObject({
        id: z.optional(IdSchema),
        /** Required when `id` is given: the version the editor loaded. */
        version: z.optional(VersionSchema),
        notice: NoticeContentSchema,
      }).check(z.refine((v) => (v.id === undefined) === (v.version === undefined), {
        message: '修改已有信息时须同时提供编号和版本',
        path: ['version'],
      })),
      access: staff('publisher'),
      summary: '新建草稿或修改信息内容',
      writes: true,
    }),
    /** Where the bureau requires review (公开审查), the answer is `{ pendingReview, reviewId }` and nothing is published yet. */
    publish: action<Notice | PendingReview>()({
      input: z.strictObject({ id: IdSchema, version: VersionSchema }),
      access: staff('publisher'),
      summary: '发布信息，居民随即可见；须经审核的，提交审核，审核通过后发布',
      writes: true,
    }),
    withdraw: action<Notice>()({
      input: z.strictObject({
        id: IdSchema,
        version: VersionSchema,
        reason: z.string().check(z.trim(), z.minLength(2, '请填写撤回原因'), z.maxLength(200)),
      }),
      access: staff('publisher'),
      summary: '撤回已发布的信息：居民不再可见，记录保留',
      writes: true,
    }),
  ...noticeReadingContract,
  ...noticeEditingContract,
} as const;
