import * as z from 'zod';
import '../api/zod-messages';
import { action } from '../api/define';
import type { PageOf } from '../api/contract';
import { anyone } from '../staff/roles';
import { NOTICE_KINDS } from './notice-kinds';
import { CursorSchema, IdSchema, LimitSchema } from './notice-schema';
import { SEARCH_ORDERS, type NoticeSearchResult } from './notice-search';

/**
 * Actions of the notices function added for reading (issue 8): search, and
 * residents' opinions on consultations. Spread into `contract.notices`.
 */
export const SearchQuerySchema = z
  .string()
  .trim()
  .min(1, '请输入要搜索的内容')
  .max(50, '搜索内容不能超过50个字');

export const noticeReadingContract = {
  search: action<PageOf<NoticeSearchResult>>()({
    input: z.strictObject({
      q: SearchQuerySchema,
      kind: z.enum(NOTICE_KINDS).optional(),
      departmentId: IdSchema.optional(),
      /** Newest first (the default) or best match first. */
      order: z.enum(SEARCH_ORDERS).default('newest'),
      cursor: CursorSchema,
      limit: LimitSchema,
    }),
    access: anyone,
    summary: '全文搜索已发布的公开信息（标题、摘要、正文、文号、办事指南），返回命中片段',
    writes: false,
  }),
};
