import * as z from 'zod/mini';
import '../api/zod-messages';
import { action } from '../api/define';
import { resident } from '../staff/roles';
import type { PersonalData, PersonalDataExport, ErasureReport } from './personal-data';

/**
 * Function `me`: a resident's own data (个人信息保护法 Arts. 44–47) — see it, take a copy, have it
 * erased. Every action acts on the caller's OPENID only; no input names anyone.
 */
export const MeEraseSchema = z.strictObject({
  /** The resident ticked the confirmation that says what is removed and what is kept. */
  confirm: z.literal(true, { error: '请先确认删除' }),
});

/**
 * WeChat's phone-number button (`open-type="getPhoneNumber"`) hands the page a one-time code; only the
 * server may turn it into the number. Letters, digits, `_` and `-`, as WeChat issues them.
 */
export const MePhoneNumberSchema = z.strictObject({
  code: z.string().check(z.trim(), z.minLength(1, '缺少手机号授权码'), z.maxLength(128), z.regex(/^[A-Za-z0-9_-]+$/, '手机号授权码格式不正确')),
});

export const meContract = {
  data: action<PersonalData>()({
    input: z.strictObject({}),
    access: resident,
    summary: '本机关保存的关于我的全部个人信息',
    writes: false,
  }),
  export: action<PersonalDataExport>()({
    input: z.strictObject({}),
    access: resident,
    summary: '导出我的个人信息（JSON）',
    writes: false,
  }),
  phoneNumber: action<{ phone: string }>()({
    input: MePhoneNumberSchema,
    access: resident,
    summary: '用微信手机号授权码换取本人手机号（仅返回，不保存）',
    writes: false,
  }),
  erase: action<ErasureReport>()({
    input: MeEraseSchema,
    access: resident,
    summary: '删除我的个人信息：法定须保留的申请记录匿名化，其余删除',
    writes: true,
  }),
};
