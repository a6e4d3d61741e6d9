import { fieldErrorsOf } from '../../shared/api/zod-messages';
import { SubmitSchema } from '../../shared/requests/request-schema';
import { submitInputFromDraft, type RequestDraft } from './request-draft';

/**
 * The form's check is the server's own: the same zod schema the `requests`
 * function parses `submit` with. This module (and so zod) is imported only by
 * pages in the `requests` and `admin` subpackages, never by the main package.
 */
export function draftErrors(draft: RequestDraft): Record<string, string> {
  const result = SubmitSchema.safeParse(submitInputFromDraft(draft));
  return result.success ? {} : fieldErrorsOf(result.error);
}
