import { EXPORT_FORMAT, exportFilename } from '../../shared/privacy/personal-data';
import { defineFunction } from '../_runtime/define-function';
import { meContract } from '../../shared/privacy/me-contract';
import { collectPersonalData } from './collect-personal-data';
import { erasePersonalData } from './erase-personal-data';
import { phoneNumberFromWeChat } from './wechat-phone-number';

/**
 * Function `me` (我的 → 个人信息): the caller's own data, found by their OPENID only — no input
 * names a person, so nobody can ask for someone else's.
 */
export const meFunction = defineFunction('me', meContract, {
  async data(_input, ctx) {
    return collectPersonalData(ctx.store, ctx.caller.openid as string, ctx.now());
  },

  async export(_input, ctx) {
    const data = await collectPersonalData(ctx.store, ctx.caller.openid as string, ctx.now());
    return {
      filename: exportFilename(data.asOf),
      json: JSON.stringify({ format: EXPORT_FORMAT, exportedAt: data.asOf, data }, null, 2),
    };
  },

  async phoneNumber(input, ctx) {
    return { phone: await phoneNumberFromWeChat(input.code, ctx) };
  },

  async erase(_input, ctx) {
    return erasePersonalData(ctx.store, ctx.caller.openid as string, ctx.now());
  },
});
