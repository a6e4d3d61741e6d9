import type { Contract, FunctionName } from '../../shared/api/contract';
import type { OutputOf, ParsedInputOf } from '../../shared/api/define';
import type { HandlerContext } from './handler-context';

/**
 * A cloud function is its name, its contract and one handler per action of it.
 * The types make a handler receive exactly the parsed input of its action and
 * return exactly its output; a missing or extra action is a compile error.
 */
export type Handlers<F extends FunctionName> = {
  [A in keyof Contract[F]]: (input: ParsedInputOf<Contract[F][A]>, ctx: HandlerContext) => Promise<OutputOf<Contract[F][A]>>;
};

export interface CloudFunction<F extends FunctionName = FunctionName> {
  name: F;
  /**
   * The function's own part of the contract (the same object `contract[name]` holds). The router reads
   * it from here, so a deployed bundle carries its own schemas, not every function's.
   */
  specs: Contract[F];
  handlers: Handlers<F>;
}

export function defineFunction<F extends FunctionName>(name: F, specs: Contract[F], handlers: Handlers<F>): CloudFunction<F> {
  return { name, specs, handlers };
}
