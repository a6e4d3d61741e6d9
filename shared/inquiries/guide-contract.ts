import * as z from 'zod/mini';
import '../api/zod-messages';
import { action } from '../api/define';
import { refuseBidiControls } from '../api/bidi-controls';
import { anyone, staff } from '../staff/roles';
import type { GuideView } from './guide-types';

const text = (max: number) => refuseBidiControls(z.string().check(z.trim(), z.minLength(1), z.maxLength(max)));
const optional = (max: number) => refuseBidiControls(z.string().check(z.trim(), z.maxLength(max)));
const line = z.string().check(z.trim(), z.regex(/^[0-9-]{3,20}$/, '请填写电话号码（数字和短横线）'));

export const GuideContentSchema = z.strictObject({
  categories: text(3000),
  howToApply: text(3000),
  office: z.strictObject({
    name: text(100),
    address: text(200),
    hours: text(200),
    phone: line,
    fax: z.union([z.literal(''), line]),
    email: z.union([z.literal(''), z.email('请填写有效的电子邮箱').check(z.maxLength(100))]),
  }),
  inquiryLine: line,
  complaintLine: line,
  remedies: text(2000),
  catalogue: optional(3000),
  inquiryWorkingDays: z.number().check(z.int(), z.gte(1), z.lte(20)),
  complaintWorkingDays: z.number().check(z.int(), z.gte(1), z.lte(60)),
});

/** Function `guide` (政府信息公开指南, 条例 Art. 12): anyone reads it; the admin edits it, each save kept. */
export const guideContract = {
  get: action<GuideView>()({
    input: z.strictObject({}),
    access: anyone,
    summary: '政府信息公开指南：信息分类、申请方法、办公地址、时间和电话、救济途径',
    writes: false,
  }),
  save: action<GuideView>()({
    input: z.strictObject({ version: z.number().check(z.int(), z.gte(0)), guide: GuideContentSchema }),
    access: staff('admin'),
    summary: '修改政府信息公开指南（含咨询、投诉答复时限），保留历史',
    writes: true,
  }),
};
