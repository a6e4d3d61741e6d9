import type { PendingReview } from '../reviews/reviews-contract';
import * as z from 'zod/mini';
import '../api/zod-messages';
import { action } from '../api/define';
import { staff } from '../staff/roles';
import { CursorSchema, IdSchema, LimitSchema, VersionSchema, type PageOf } from '../api/common';
import type { Notice } from './notice-schema';
import type { NoticeVersionDetail, NoticeVersionSummary } from './notice-versions';

/**
 * Actions of the notices function for the staff editor: the kept
 * versions of a notice with their diff, and scheduled publishing. Spread into
 * `contract.notices`; the same staff who edit notices may use them.
 */
export const noticeEditingContract = {
  versions: action<PageOf<NoticeVersionSummary>>()({
    input: z.strictObject({ id: IdSchema, cursor: CursorSchema, limit: LimitSchema }),
    access: staff('publisher'),
    summary: '工作人员查看一条信息的历史版本（每次保存、发布、撤回、定时都保留全文），新的在前',
    writes: false,
  }),
  versionDetail: action<NoticeVersionDetail>()({
    input: z.strictObject({ id: IdSchema, version: VersionSchema }),
    access: staff('publisher'),
    summary: '工作人员查看某一历史版本的全文，以及与上一版本相比标题、摘要、正文的改动',
    writes: false,
  }),
  /** Where publishing requires review (公开审查), the schedule is approved first: `{ pendingReview, reviewId }`, nothing set yet. */
  schedule: action<Notice | PendingReview>()({
    input: z.strictObject({
      id: IdSchema,
      version: VersionSchema,
      /** ISO 8601 with its offset, e.g. 2026-11-26T09:00:00+08:00; stored in UTC. */
      publishAt: z.iso.datetime({ offset: true, message: '请选择有效的发布时间' }),
    }),
    access: staff('publisher'),
    summary: '设定或修改定时发布：到点后自动发布，与立即发布相同',
    writes: true,
  }),
  unschedule: action<Notice>()({
    input: z.strictObject({ id: IdSchema, version: VersionSchema }),
    access: staff('publisher'),
    summary: '取消定时发布，信息保持草稿（或已撤回）',
    writes: true,
  }),
};
