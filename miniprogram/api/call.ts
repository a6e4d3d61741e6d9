import type { ActionName, Contract, FunctionName } from '../../shared/api/contract';
import type { InputOf, OutputOf } from '../../shared/api/define';
import type { ErrorCode, FieldErrors } from '../../shared/api/errors';
import { getTransport, NetworkError } from './transport';

/**
 * The typed client: `call('notices', 'list', { kind: 'policy' })` returns the
 * action's output type, derived from the shared contract. Failures throw an
 * ApiError carrying the server's stable code and its Chinese message.
 */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR';

export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const NETWORK_MESSAGE = '网络不给力，请检查网络后重试';

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: InputOf<Contract[F][A]>,
): Promise<OutputOf<Contract[F][A]>> {
  let envelope;
  try {
    envelope = await getTransport()(fn, { action, data });
  } catch (error) {
    if (error instanceof NetworkError) throw new ApiError('NETWORK_ERROR', NETWORK_MESSAGE);
    throw error;
  }
  if (envelope.ok) return envelope.data as OutputOf<Contract[F][A]>;
  throw new ApiError(envelope.code, envelope.message, envelope.fields);
}

export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : '出了点问题，请稍后再试';
}
