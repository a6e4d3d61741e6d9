/**
 * The limits of a resident's opinion, without zod, so the phone's main
 * package can check them as it types (notice-comments.ts builds the schema
 * the server enforces from the same numbers).
 */
export const COMMENT_MIN_CHARS = 5;
export const COMMENT_MAX_CHARS = 500;

export const COMMENT_STATUS_LABELS = {
  pending: '待审核',
  published: '已公开',
  hidden: '不予公开',
} as const;

/** The message the form shows beside the field, or null when the text is fine. */
export function commentTextProblem(text: string): string | null {
  const length = text.trim().length;
  if (length < COMMENT_MIN_CHARS) return `意见至少需要${COMMENT_MIN_CHARS}个字`;
  if (length > COMMENT_MAX_CHARS) return `意见不能超过${COMMENT_MAX_CHARS}个字`;
  return null;
}
