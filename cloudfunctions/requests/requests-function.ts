import { AppError } from '../../shared/api/errors';
import { defineFunction } from '../_runtime/define-function';

const notYet = async (): Promise<never> => {
  throw new AppError('INTERNAL');
};

/** Stub so the contract compiles; the handlers land next. */
export const requestsFunction = defineFunction('requests', {
  submit: notYet, mine: notYet, get: notYet, supplement: notYet, withdraw: notYet,
  queue: notYet, enter: notYet, register: notYet, askSupplement: notYet, consult: notYet,
  extend: notYet, reply: notYet, close: notYet, manageGet: notYet,
});
