import { contract } from '../api/contract';

/**
 * What each action does ('requests.reply' → its contract summary), for the 操作记录 page. Computed from
 * the contract here, so it never drifts from it; the audit function's CloudBase bundle gets this module
 * replaced by the same table computed at build time (scripts/build-functions.mjs), so the bundle carries
 * the summaries rather than every function's schemas.
 */
export const ACTION_SUMMARIES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(contract).flatMap(([fn, specs]) => Object.entries(specs as Record<string, { summary: string }>).map(([action, spec]) => [`${fn}.${action}`, spec.summary])),
);
