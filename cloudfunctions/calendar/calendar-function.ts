import { AppError } from '../../shared/api/errors';
import { defineFunction } from '../_runtime/define-function';

const notYet = async (): Promise<never> => {
  throw new AppError('INTERNAL');
};

/** Stub so the contract compiles; the handlers land next. */
export const calendarFunction = defineFunction('calendar', { days: notYet, setYear: notYet, setDay: notYet });
