import * as z from 'zod/mini';

/**
 * Bidirectional control characters: the embeddings and overrides U+202A–U+202E and the isolates
 * U+2066–U+2069. They make text display in an order other than the one it is stored in, so
 * "\u202e关于退款 0001 元的说明" reads to a clerk as a refund of 1000. Chinese text never needs them
 * (right-to-left scripts display correctly without them), so names and titles refuse them and file
 * names lose them.
 */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export const BIDI_CONTROL_MESSAGE = '不能包含改变文字显示方向的控制字符（会使显示的内容与实际不符），请删除后重新输入';

export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** The refinement every name and title schema carries: refused with VALIDATION_FAILED and a Chinese message beside the field. */
export function refuseBidiControls<S extends z.ZodMiniString>(schema: S): S {
  return schema.check(z.refine((text: string) => !hasBidiControls(text), { message: BIDI_CONTROL_MESSAGE }));
}
