import { contract } from '../../shared/api/contract';
import type { ActionSpec } from '../../shared/api/define';
import type { CloudHarness } from './cloud-harness';
import { fixtureCopyPerTest, type PreparedFixture } from './fixture';
import { VALID_INPUTS, type Fixture } from './valid-inputs';

/**
 * Suites that hold every action of the contract to a promise walk it the same
 * way: each action, called by someone allowed to, with each of its valid
 * inputs, on its own copy of one prepared database. A new action is walked
 * without a new test.
 */
export interface WalkedAction {
  name: string;
  fn: string;
  action: string;
  spec: ActionSpec;
}

export const CONTRACT_ACTIONS: WalkedAction[] = Object.entries(contract).flatMap(([fn, spec]) =>
  Object.entries(spec as Record<string, ActionSpec>).map(([action, s]) => ({ name: `${fn}.${action}`, fn, action, spec: s })),
);

/** Someone allowed to call the action: the admin may do every staff action. */
// resident-a owns the fixture's own records (e.g. its disclosure requests), as in the authorisation matrix.
export const callerFor = (spec: ActionSpec) => (spec.access.kind === 'staff' ? 'demo-admin' : 'resident-a');

/**
 * Registers, inside the current describe, a fresh copy of the prepared database per test. Answers
 * the harness of the running test, and one call per valid input of the action (as `callerFor` its
 * spec), each to be made when the suite has looked at the store before it.
 */
export function walkAction(prepared: PreparedFixture, walked: WalkedAction) {
  let cloud: CloudHarness;
  let fixture: Fixture;
  fixtureCopyPerTest(prepared, (c, f) => {
    cloud = c;
    fixture = f;
  });
  return {
    cloud: () => cloud,
    calls: () =>
      ((VALID_INPUTS as any)[walked.fn][walked.action](fixture) as unknown[]).map(
        (data) => () => cloud.call(callerFor(walked.spec), walked.fn, { action: walked.action, data }),
      ),
  };
}
