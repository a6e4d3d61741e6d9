import type * as z from 'zod/mini';
import { fieldErrorsOf } from '../../shared/api/zod-messages';
import { useForm, type FieldErrors, type FormOptions } from './use-form';

export type { FieldErrors };

/**
 * The form hook (use-form.ts) with the server's own zod schema as its check:
 * errors beside their fields under zod's paths joined with dots ("period.end").
 *
 * It imports zod (through the shared schemas' messages), so only pages in the
 * subpackages may use it: the main package, which every resident downloads
 * first, stays without the validation library (test/build checks this).
 */
/** `I` is what the page hands to `submit`: by default the schema's input. */
export interface ValidatedFormOptions<S extends z.ZodMiniType, R, I = z.input<S>> extends Omit<FormOptions<I, z.output<S>, R>, 'check'> {
  schema: S;
  /** The local check's errors in the form's keys; by default zod's paths joined with dots ("period.end"). */
  errorsOf?: (error: z.core.$ZodError, input: I) => FieldErrors;
}

export function useValidatedForm<S extends z.ZodMiniType, R, I = z.input<S>>(options: ValidatedFormOptions<S, R, I>) {
  const { schema, errorsOf, ...rest } = options;
  return useForm<I, z.output<S>, R>({
    ...rest,
    check: (input) => {
      const verdict = schema.safeParse(input);
      if (verdict.success) return { data: verdict.data };
      return { errors: errorsOf ? errorsOf(verdict.error, input) : fieldErrorsOf(verdict.error) };
    },
  });
}
