import type { z } from 'zod/mini';
import type { Access } from '../staff/roles';

/**
 * One action of one cloud function: its input schema, who may call it, and
 * (as a type only) what it returns. The output is a phantom type so that the
 * app can import the contract's types without shipping extra code.
 */
export interface ActionSpec<I extends z.ZodMiniType = z.ZodMiniType, O = unknown> {
  input: I;
  access: Access;
  /** One line for the README and error logs: what the action does. */
  summary: string;
  /** Whether the action writes (local cloud and tests use it to assert read-only actions stay read-only). */
  writes: boolean;
  /** The answer shows a resident's personal data unmasked: each call is an audit entry (a view), never a plain read. */
  viewsPersonalData?: boolean;
  /** A write by someone not (yet) on the staff list that the audit trail must still show: joining the staff. Staff actions are always audited. */
  audited?: boolean;
  readonly __output?: O;
}

export type FunctionSpec = Record<string, ActionSpec>;
export type ContractSpec = Record<string, FunctionSpec>;

/** `action<Output>()({ input, access, summary, writes })` — curried so the output type is explicit while the input is inferred. */
export function action<O>() {
  return <I extends z.ZodMiniType>(spec: { input: I; access: Access; summary: string; writes: boolean; viewsPersonalData?: boolean; audited?: boolean }): ActionSpec<I, O> => spec;
}

export type InputOf<S> = S extends ActionSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<S> = S extends ActionSpec<infer I, unknown> ? z.output<I> : never;
export type OutputOf<S> = S extends ActionSpec<z.ZodMiniType, infer O> ? O : never;
