import { SCREENING_WORDS } from '../../config/screening-words';
import { findScreenedWords } from '../../shared/moderation/screen-words';
import type { HandlerContext } from './handler-context';

export type ScreeningResult = { pass: true } | { pass: false; reason: string };

/**
 * Screens user content (consultation comments, rating comments) before anyone
 * else sees it. In the local cloud: the bureau's word list in
 * config/screening-words.ts. On CloudBase: WeChat's `security.msgSecCheck`
 * (version 2), which answers `suggest: 'pass' | 'review' | 'risky'`; anything
 * but a clear pass, or a failed call, holds the text back for staff review
 * rather than publishing it unchecked.
 */
export async function screenText(text: string, ctx: Pick<HandlerContext, 'platform' | 'wxOpenApi' | 'caller' | 'log'>): Promise<ScreeningResult> {
  if (ctx.platform === 'cloudbase' && ctx.wxOpenApi) return screenWithWeChat(text, ctx);
  const found = findScreenedWords(text, SCREENING_WORDS);
  return found.length === 0 ? { pass: true } : { pass: false, reason: `含有不当用语：${found.join('、')}` };
}

async function screenWithWeChat(text: string, ctx: Pick<HandlerContext, 'wxOpenApi' | 'caller' | 'log'>): Promise<ScreeningResult> {
  try {
    const answer = await ctx.wxOpenApi!.call('security.msgSecCheck', {
      content: text,
      version: 2,
      scene: 2, // 评论
      openid: ctx.caller.openid ?? '',
    });
    const suggest = (answer.result as { suggest?: string } | undefined)?.suggest;
    if (answer.errcode === 0 && suggest === 'pass') return { pass: true };
    return { pass: false, reason: suggest === 'risky' ? '内容未通过安全检测' : '内容需人工审核' };
  } catch (error) {
    ctx.log.error('msgSecCheck failed; holding the text for review', { error: String(error) });
    return { pass: false, reason: '内容安全检测暂不可用，待人工审核' };
  }
}
