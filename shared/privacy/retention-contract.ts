import * as z from 'zod/mini';
import '../api/zod-messages';
import { action } from '../api/define';
import { anyone, staff } from '../staff/roles';
import { RETENTION_BOUNDS, type RetentionSettings } from './retention';

const period = (key: keyof RetentionSettings) => {
  const { min, max, unit } = RETENTION_BOUNDS[key];
  return z.number().check(z.int(`请填写整数${unit}`), z.gte(min, `不能少于 ${min} ${unit}`), z.lte(max, `不能多于 ${max} ${unit}`));
};

export const RetentionSaveSchema = z.strictObject({
  requestYears: period('requestYears'),
  inquiryYears: period('inquiryYears'),
  ratingContactDays: period('ratingContactDays'),
  messageDays: period('messageDays'),
  /** The settings' version read (0 while the defaults apply). */
  version: z.number().check(z.int(), z.gte(0)),
});

export type RetentionView = RetentionSettings & { version: number };

/** Function `retention`: the bureau's retention periods for personal data (保存期限). */
export const retentionContract = {
  get: action<RetentionView>()({
    input: z.strictObject({}),
    access: anyone,
    summary: '个人信息保存期限（隐私政策公布）',
    writes: false,
  }),
  save: action<RetentionView>()({
    input: RetentionSaveSchema,
    access: staff('admin'),
    summary: '设置个人信息保存期限',
    writes: true,
  }),
};
