import * as z from 'zod/mini';
import '../api/zod-messages';
import { action } from '../api/define';
import { anyone, staff } from '../staff/roles';
import { IdSchema } from '../api/common';
import type { ViewAnswer } from './notice-views';

/** 阅读 counts: spread into the notices function's reading actions. */
export const noticeViewsContract = {
  view: action<ViewAnswer>()({
    input: z.strictObject({ id: IdSchema }),
    access: anyone,
    summary: '记一次阅读（同一读者同一天只计一次，未登录不计）并返回阅读数',
    writes: true,
  }),
  viewCounts: action<Record<string, number>>()({
    input: z.strictObject({ ids: z.array(IdSchema).check(z.minLength(1), z.maxLength(50)) }),
    access: staff('publisher'),
    summary: '工作人员查看一组信息的阅读数',
    writes: false,
  }),
};
