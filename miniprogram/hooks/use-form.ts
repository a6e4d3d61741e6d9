import Taro from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { ApiError, messageOf } from '../api/call';

/**
 * Every staff and resident form goes the same way: check the input, show the
 * errors beside their fields, send, and say what happened in a toast, with one
 * guard against a second tap while a call is in flight. This hook is that way,
 * once. It knows no validation library: forms that check with a shared zod
 * schema use `useValidatedForm`, which gives this hook the schema's check;
 * buttons with nothing to check use `send` for the same guard and reporting.
 * (The one-field opinion form on a consultation, in the main package, keeps
 * its own ten lines: this hook would add 1.6 KB to what every resident
 * downloads first.)
 */
export type FieldErrors = Record<string, string>;

/** A form's check: the data to send, or the errors to show beside their fields. */
export type FormCheck<I, D> = (input: I) => { data: D } | { errors: FieldErrors };

export interface FormOptions<I, D, R> {
  check: FormCheck<I, D>;
  /**
   * Sends the checked data. `input` is what was checked, for calls that send it as the form built it.
   * Omitted by a page with several buttons, which checks with `validate` and sends with `send`.
   */
  submit?: (data: D, input: I) => Promise<R>;
  /** The success toast: a text, or one made from the result. None when omitted (the page navigates, or `submit` reports itself). */
  done?: string | ((result: R) => string | null);
  /** WeChat's tick for a saved form; 'none' for a toast that is mostly text (a tracking number). */
  doneIcon?: 'success' | 'none';
  /** After success (and its toast): update the page, reload, navigate. A throw here is reported like a failed call. */
  onDone?: (result: R) => unknown;
  /** A toast when the local check fails, for long forms where the red field may be out of sight. */
  invalidToast?: string;
  /** The server's field paths in the form's keys (the server may nest the form under a key such as `window`). */
  serverFields?: (fields: FieldErrors) => FieldErrors;
  /** Called whenever errors are shown, from the check or from the server: e.g. to turn to the step that has them. */
  onErrors?: (errors: FieldErrors) => void;
  /** A failure the page explains itself; return true and the hook shows nothing more. */
  onFailure?: (error: unknown) => boolean | void;
}

export function useForm<I, D, R>(options: FormOptions<I, D, R>) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  // State updates only after a re-render; a second tap in the same moment must already see "busy".
  const inFlight = useRef(false);
  // The page passes new closures on every render; the latest ones are used when the call returns.
  const latest = useRef(options);
  latest.current = options;

  const show = useCallback((shown: FieldErrors) => {
    setErrors(shown);
    latest.current.onErrors?.(shown);
  }, []);

  /** Checks `input`: returns the data (errors cleared), or null with the errors shown beside their fields. */
  const validate = useCallback(
    (input: I): D | null => {
      const { check, invalidToast } = latest.current;
      const verdict = check(input);
      if ('data' in verdict) {
        setErrors({});
        return verdict.data;
      }
      show(verdict.errors);
      if (invalidToast) void Taro.showToast({ title: invalidToast, icon: 'none' });
      return null;
    },
    [show],
  );

  // Promise chains rather than async functions: the mini-program build turns each async function into a
  // regenerator state machine, and this hook ships in every subpackage that has a form.
  /**
   * Runs one call of the form's page (checked or not: a withdrawal, a reset) with the form's
   * busy guard and reporting. Returns its result, or null when it was ignored or failed.
   */
  const send = useCallback(
    <T>(work: () => Promise<T>, report: Pick<FormOptions<I, D, T>, 'done' | 'doneIcon' | 'onDone'> = {}): Promise<T | null> => {
      if (inFlight.current) return Promise.resolve(null);
      inFlight.current = true;
      setBusy(true);
      // Started at once, in the tap; a throw becomes a failure like a rejected call.
      return new Promise<T>((resolve) => resolve(work()))
        .then((result) => {
          const title = typeof report.done === 'function' ? report.done(result) : report.done;
          if (title) void Taro.showToast({ title, icon: report.doneIcon ?? 'success' });
          return Promise.resolve(report.onDone?.(result)).then(() => result);
        })
        .catch((e: unknown) => {
          const { onFailure, serverFields } = latest.current;
          if (onFailure?.(e)) return null;
          if (e instanceof ApiError && e.fields) show(serverFields ? serverFields(e.fields) : e.fields);
          void Taro.showToast({ title: messageOf(e), icon: 'none' });
          return null;
        })
        .finally(() => {
          inFlight.current = false;
          setBusy(false);
        });
    },
    [show],
  );

  /** The form's submit button: check, then send with the options' reporting. A tap while one is in flight is ignored. */
  const submit = useCallback(
    (input: I): Promise<R | null> => {
      if (inFlight.current) return Promise.resolve(null);
      const data = validate(input);
      if (data === null) return Promise.resolve(null);
      const { submit: sendData, done, doneIcon, onDone } = latest.current;
      if (!sendData) throw new Error('useForm: submit() needs the `submit` option');
      return send(() => sendData(data, input), { done, doneIcon, onDone });
    },
    [validate, send],
  );

  return { errors, setErrors, busy, validate, send, submit };
}
