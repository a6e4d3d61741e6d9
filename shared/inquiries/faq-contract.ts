import * as z from 'zod/mini';
import '../api/zod-messages';
import { CursorSchema, IdSchema, LimitSchema, VersionSchema, type PageOf } from '../api/common';
import { action } from '../api/define';
import { refuseBidiControls } from '../api/bidi-controls';
import { SearchQuerySchema } from '../notices/notice-reading-contract';
import { anyone, resident, staff } from '../staff/roles';
import type { FaqSummary, FaqTopic, FaqView } from './faq-types';

const text = (max: number) => refuseBidiControls(z.string().check(z.trim(), z.minLength(1), z.maxLength(max)));

export const FaqContentSchema = z.strictObject({
  question: text(200),
  answer: text(5000),
  topic: text(50),
  departmentId: z.optional(IdSchema),
});

/** Function `faq` (常见问题): anyone reads and searches; answerers write and retire. */
export const faqContract = {
  list: action<PageOf<FaqSummary>>()({
    input: z.strictObject({ departmentId: z.optional(IdSchema), topic: z.optional(text(50)), cursor: CursorSchema, limit: LimitSchema }),
    access: anyone,
    summary: '常见问题列表，按部门和主题筛选，最近核对的在前',
    writes: false,
  }),
  topics: action<{ topics: FaqTopic[] }>()({
    input: z.strictObject({ departmentId: z.optional(IdSchema) }),
    access: anyone,
    summary: '常见问题的主题及各主题条数（供按主题筛选），条数多的在前',
    writes: false,
  }),
  search: action<{ items: FaqSummary[] }>()({
    input: z.strictObject({ q: SearchQuerySchema, departmentId: z.optional(IdSchema), topic: z.optional(text(50)), limit: z._default(z.number().check(z.int(), z.gte(1), z.lte(20)), 10) }),
    access: anyone,
    summary: '按关键词检索常见问题（可按部门和主题筛选；本地云为全文索引，两字词亦可）',
    writes: false,
  }),
  get: action<FaqView>()({
    input: z.strictObject({ id: IdSchema }),
    access: anyone,
    summary: '一条常见问题的问与答',
    writes: false,
  }),
  helpful: action<FaqView>()({
    input: z.strictObject({ id: IdSchema }),
    access: resident,
    summary: '认为这条常见问题有帮助（每人每条一次）',
    writes: true,
  }),
  save: action<FaqView>()({
    input: z.strictObject({ id: z.optional(IdSchema), version: z.optional(VersionSchema), entry: FaqContentSchema }).check(z.refine((s) => (s.id === undefined) === (s.version === undefined), {
      message: '修改时须同时提供编号和版本',
      path: ['version'],
    })),
    access: staff('answerer'),
    summary: '新建或修改（并标记已核对）一条常见问题',
    writes: true,
  }),
  retire: action<FaqView>()({
    input: z.strictObject({ id: IdSchema, version: VersionSchema, reason: z.optional(text(200)) }),
    access: staff('answerer'),
    summary: '停用过时的常见问题（留存记录）',
    writes: true,
  }),
};
