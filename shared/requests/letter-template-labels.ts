import { REPLY_TYPES, REPLY_TYPE_LABELS } from './reply-categories';
import type { LetterTemplateKey } from './letters';

/**
 * The bureau's letter templates by key, and their names. Kept apart from the templates' texts and
 * schemas so that a function naming a template (the audit trail's record labels) does not carry the
 * request schemas those bring.
 */
export const LETTER_TEMPLATE_KEYS = [...REPLY_TYPES, 'supplement', 'extension', 'reasons', 'delayedDue', 'fee'] as const satisfies readonly LetterTemplateKey[];

export const LETTER_TEMPLATE_LABELS: Record<LetterTemplateKey, string> = {
  ...REPLY_TYPE_LABELS,
  supplement: '补正告知书（第三十条）',
  extension: '延期答复告知书（第三十三条）',
  reasons: '说明理由告知书（第三十五条）',
  delayedDue: '延迟答复告知书（第三十五条）',
  fee: '信息处理费收费通知（第四十二条）',
};
