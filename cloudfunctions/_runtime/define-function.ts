import type { Contract, FunctionName } from '../../shared/api/contract';
import type { OutputOf, ParsedInputOf } from '../../shared/api/define';
import type { HandlerContext } from './handler-context';

/**
 * A cloud function is its name plus one handler per action of the contract.
 * The types make a handler receive exactly the parsed input of its action and
 * return exactly its output; a missing or extra action is a compile error.
 */
export type Handlers<F extends FunctionName> = {
  [A in keyof Contract[F]]: (input: ParsedInputOf<Contract[F][A]>, ctx: HandlerContext) => Promise<OutputOf<Contract[F][A]>>;
};

export interface CloudFunction<F extends FunctionName = FunctionName> {
  name: F;
  handlers: Handlers<F>;
}

export function defineFunction<F extends FunctionName>(name: F, handlers: Handlers<F>): CloudFunction<F> {
  return { name, handlers };
}
