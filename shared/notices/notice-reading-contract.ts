import * as z from 'zod/mini';
import '../api/zod-messages';
import { action } from '../api/define';
import { anyone, resident, staff } from '../staff/roles';
import {
  COMMENT_STATUSES,
  CommentTextSchema,
  ReplyTextSchema,
  type ManagedComment,
  type OwnComment,
  type PublicComment,
} from './notice-comments';
import { NOTICE_KINDS } from './notice-kinds';
import { CursorSchema, IdSchema, LimitSchema, VersionSchema, type PageOf } from '../api/common';
import { SEARCH_ORDERS, type NoticeSearchResult } from './notice-search';
import { noticeViewsContract } from './notice-views-contract';

/**
 * Actions of the notices function added for reading: search, and
 * residents' opinions on consultations. Spread into `contract.notices`.
 */
/** C0 and C1 control characters (NUL, escape, DEL…): no one types them, and the full-text index must never see them. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

export const SearchQuerySchema = z.string().check(z.trim(), z.minLength(1, '请输入要搜索的内容'), z.maxLength(50, '搜索内容不能超过50个字'), z.refine((q) => !CONTROL_CHARACTERS.test(q), '搜索内容含有无法识别的字符，请删除后重试'));

export const noticeReadingContract = {
  search: action<PageOf<NoticeSearchResult>>()({
    input: z.strictObject({
      q: SearchQuerySchema,
      kind: z.optional(z.enum(NOTICE_KINDS)),
      departmentId: z.optional(IdSchema),
      /** Newest first (the default) or best match first. */
      order: z._default(z.enum(SEARCH_ORDERS), 'newest'),
      cursor: CursorSchema,
      limit: LimitSchema,
    }),
    access: anyone,
    summary: '全文搜索已发布的公开信息（标题、摘要、正文、文号、办事指南），返回命中片段',
    writes: false,
  }),
  comment: action<OwnComment>()({
    input: z.strictObject({ id: IdSchema, text: CommentTextSchema }),
    access: resident,
    summary: '居民在征求意见期内对一项征求意见留言（先经内容检测，工作人员审核后公开）',
    writes: true,
  }),
  comments: action<PageOf<PublicComment>>()({
    input: z.strictObject({ id: IdSchema, cursor: CursorSchema, limit: LimitSchema }),
    access: anyone,
    summary: '一项征求意见已公开的意见及答复',
    writes: false,
  }),
  myComments: action<OwnComment[]>()({
    input: z.strictObject({ id: IdSchema }),
    access: resident,
    summary: '居民查看自己对一项征求意见的留言及审核状态',
    writes: false,
  }),
  manageComments: action<PageOf<ManagedComment>>()({
    input: z.strictObject({
      id: IdSchema,
      status: z.optional(z.enum(COMMENT_STATUSES)),
      cursor: CursorSchema,
      limit: LimitSchema,
    }),
    access: staff('publisher'),
    summary: '工作人员查看一项征求意见收到的全部意见（含待审核）',
    writes: false,
  }),
  moderateComment: action<ManagedComment>()({
    input: z.strictObject({
      commentId: IdSchema,
      version: VersionSchema,
      decision: z.enum(['publish', 'hide']),
      reply: z.optional(ReplyTextSchema),
    }),
    access: staff('publisher'),
    summary: '工作人员公开意见（可附答复）或不予公开',
    writes: true,
  }),
  ...noticeViewsContract,
};
