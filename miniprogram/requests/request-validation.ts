import { fieldErrorsOf } from '../../shared/api/zod-messages';
import { applicantProblemsOn, SubmitSchema } from '../../shared/requests/request-schema';
import { beijingToday } from '../../shared/time/beijing-time';
import { submitInputFromDraft, type RequestDraft } from './request-draft';

/**
 * The form's check is the server's own: the same zod schema the `requests`
 * function parses `submit` with. This module (and so zod) is imported only by
 * pages in the `requests` and `admin` subpackages, never by the main package.
 */
export function draftErrors(draft: RequestDraft, now: Date = new Date()): Record<string, string> {
  const input = submitInputFromDraft(draft);
  const result = SubmitSchema.safeParse(input);
  // The rule that needs today (an ID's birth date not after it) is asked here too, on the phone's clock
  // (the server asks it again on its own), so the resident hears it before submitting.
  const today = applicantProblemsOn(input.applicant, beijingToday(now));
  return result.success ? today : { ...today, ...fieldErrorsOf(result.error) };
}
