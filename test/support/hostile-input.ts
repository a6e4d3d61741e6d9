import { contract } from '../../shared/api/contract';
import type { ActionSpec } from '../../shared/api/define';
import { isErrorCode } from '../../shared/api/errors';
import { createCloudHarness, type CloudHarness } from './cloud-harness';
import { prepareFixture } from './fixture';
import { storeSnapshot } from './store-snapshot';
import type { Fixture } from './valid-inputs';

/**
 * What the hostile-input suites share. They are split in files (random walks, schema-derived fields)
 * only so that jest's two workers can run them side by side; each file builds its own harness and
 * fixture through `useHostileHarness`, and the checks live here once.
 *
 * Input from a phone is hostile. Whatever arrives, a function answers with a well-formed envelope —
 * a stable code and a Chinese message, never a crash (INTERNAL) — and a refused call writes nothing.
 * Callers are the admin, so authorisation passes and the input handling itself is what is tested.
 */
export const actions = Object.entries(contract).flatMap(([fn, spec]) =>
  Object.entries(spec as Record<string, ActionSpec>).map(([action, s]) => [fn, action, s] as const),
);

export interface HostileHarness {
  readonly cloud: CloudHarness;
  readonly fixture: Fixture;
}

/** Registers the file's beforeAll/afterAll; the fields are readable once the tests run. */
export function useHostileHarness(): HostileHarness {
  let cloud: CloudHarness;
  let fixture: Fixture;
  beforeAll(async () => {
    cloud = await createCloudHarness();
    fixture = await prepareFixture(cloud);
  });
  afterAll(() => cloud.close());
  return {
    get cloud() { return cloud; },
    get fixture() { return fixture; },
  };
}

export function expectCleanError(result: any): void {
  expect(result.ok).toBe(false);
  expect(isErrorCode(result.code)).toBe(true);
  expect(result.code).not.toBe('INTERNAL');
  expect(result.message).toMatch(/[\u4e00-\u9fff]/);
}

/**
 * After any call: a refused one changed nothing in any collection, and so
 * did an accepted one of an action the contract declares read-only. Every
 * call is one of the two, so the property always asserts something.
 */
export async function expectNoStrayWrite(cloud: CloudHarness, fn: string, event: unknown, before: string, result: any): Promise<void> {
  if (!result.ok) {
    expectCleanError(result);
    expect(await storeSnapshot(cloud)).toBe(before);
    return;
  }
  const action = (event as { action: string }).action;
  const spec = (contract as any)[fn][action] as ActionSpec;
  if (!spec.writes) expect(await storeSnapshot(cloud)).toBe(before);
}
