import fc from 'fast-check';
import { contract } from '../../shared/api/contract';
import type { ActionSpec } from '../../shared/api/define';
import { ERROR_CATALOGUE, isErrorCode } from '../../shared/api/errors';
import { createCloudHarness, type CloudHarness } from '../support/cloud-harness';
import { prepareFixture, storeCounts } from '../support/fixture';
import { storeSnapshot } from '../support/store-snapshot';
import { applyMutation, expectedField, mutationsOf } from '../support/schema-mutations';
import { VALID_INPUTS, type Fixture } from '../support/valid-inputs';

/**
 * Input from a phone is hostile. Whatever arrives, a function answers with a
 * well-formed envelope — a stable code and a Chinese message, never a crash
 * (INTERNAL) — and a refused call writes nothing. Callers are the admin, so
 * authorisation passes and the input handling itself is what is tested.
 */
const actions = Object.entries(contract).flatMap(([fn, spec]) =>
  Object.entries(spec as Record<string, ActionSpec>).map(([action, s]) => [fn, action, s] as const),
);

let cloud: CloudHarness;
let fixture: Fixture;

beforeAll(async () => {
  cloud = await createCloudHarness();
  fixture = await prepareFixture(cloud);
});
afterAll(() => cloud.close());

function expectCleanError(result: any): void {
  expect(result.ok).toBe(false);
  expect(isErrorCode(result.code)).toBe(true);
  expect(result.code).not.toBe('INTERNAL');
  expect(result.message).toMatch(/[\u4e00-\u9fff]/);
}

describe('random events never crash a function and refused ones write nothing', () => {
  /**
   * After any call: a refused one changed nothing in any collection, and so
   * did an accepted one of an action the contract declares read-only. Every
   * call is one of the two, so the property always asserts something.
   */
  async function expectNoStrayWrite(fn: string, event: unknown, before: string, result: any): Promise<void> {
    if (!result.ok) {
      expectCleanError(result);
      expect(await storeSnapshot(cloud)).toBe(before);
      return;
    }
    const action = (event as { action: string }).action;
    const spec = (contract as any)[fn][action] as ActionSpec;
    if (!spec.writes) expect(await storeSnapshot(cloud)).toBe(before);
  }

  test.each(Object.keys(contract))('%s: arbitrary event', async (fn) => {
    const actionNames = Object.keys((contract as any)[fn]);
    // Mostly junk, but also events naming a real action with junk data, so acceptance paths are exercised too.
    const event = fc.oneof(
      fc.anything({ withNullPrototype: true, withBigInt: false }),
      fc.record({ action: fc.constantFrom(...actionNames), data: fc.anything({ withBigInt: false }) }),
      fc.record({ action: fc.constantFrom(...actionNames), data: fc.constant({}) }),
    );
    await fc.assert(
      fc.asyncProperty(event, async (e) => {
        const before = await storeSnapshot(cloud);
        const result = await cloud.call('demo-admin', fn, e);
        await expectNoStrayWrite(fn, e, before, result);
      }),
      { numRuns: 150 },
    );
  });

  // Fewer runs per action than per function: with ~230 actions this is the suite's bulk, each field is
  // also refused on purpose by the schema-derived cases below, and a new seed each run widens the net.
  test.each(actions.map(([fn, action]) => [fn, action] as const))('%s.%s: arbitrary data', async (fn, action) => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ withBigInt: false }), async (data) => {
        const before = await storeSnapshot(cloud);
        const result = await cloud.call('demo-admin', fn, { action, data });
        await expectNoStrayWrite(fn, { action, data }, before, result);
      }),
      { numRuns: 50 },
    );
  });
});

describe('each bad field derived from the schema is refused with that field named', () => {
  const cases = actions.flatMap(([fn, action, spec]) =>
    ((VALID_INPUTS as any)[fn][action] as (f: Fixture) => unknown[])({
      noticeId: 'placeholder', noticeVersion: 1, publishedId: 'placeholder', publishedVersion: 2,
    }).map((_, i) => [fn, action, spec, i] as const),
  );

  test.each(cases.map(([fn, action, , i]) => [`${fn}.${action}`, i] as const))('%s, valid sample %i', async (name) => {
    const [fn, action, spec, index] = cases.find(([f, a]) => `${f}.${a}` === name)!;
    const valid = ((VALID_INPUTS as any)[fn][action] as (f: Fixture) => unknown[])(fixture)[index];
    const mutations = mutationsOf(spec.input, valid);
    for (const mutation of mutations) {
      const counts = await storeCounts(cloud);
      const before = await storeSnapshot(cloud);
      const result: any = await cloud.call('demo-admin', fn, { action, data: applyMutation(valid, mutation) });
      const label = `${name} ${mutation.path.join('.') || '(root)'}: ${mutation.why}`;
      const notAnObject = typeof mutation.value !== 'object' || mutation.value === null || Array.isArray(mutation.value);
      if (mutation.path.length === 0 && notAnObject) {
        // `data` itself must be an object: anything else is a malformed call, not a form error.
        expect({ label, code: result.code }).toEqual({ label, code: 'BAD_REQUEST' });
      } else {
        expect({ label, code: result.code }).toEqual({ label, code: 'VALIDATION_FAILED' });
        // The exact field, not a prefix or an extension of it: `notice` does not name `notice.period.end`.
        const field = expectedField(mutation);
        expect({ label, named: Object.keys(result.fields ?? {}) }).toEqual({ label, named: expect.arrayContaining([field]) });
        expect(result.fields[field]).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(await storeCounts(cloud)).toEqual(counts);
      expect(await storeSnapshot(cloud)).toBe(before);
    }
    expect(mutations.length).toBeGreaterThan(0);
  });
});

describe('the envelope at the edge', () => {
  test.each([
    ['a string event', 'hello', 'BAD_REQUEST'],
    ['null', null, 'BAD_REQUEST'],
    ['an array', [1, 2], 'BAD_REQUEST'],
    ['no action', { data: {} }, 'BAD_REQUEST'],
    ['a numeric action', { action: 7 }, 'BAD_REQUEST'],
    ['an unknown action', { action: 'dropTables', data: {} }, 'UNKNOWN_ACTION'],
    ['a prototype key as action', { action: '__proto__', data: {} }, 'UNKNOWN_ACTION'],
    ['data as a string', { action: 'list', data: 'x' }, 'BAD_REQUEST'],
    ['oversize data', { action: 'list', data: { pad: 'x'.repeat(70 * 1024) } }, 'PAYLOAD_TOO_LARGE'],
  ])('%s → %s', async (_label, event, code) => {
    const result = await cloud.call('demo-admin', 'notices', event);
    expect(result).toMatchObject({ ok: false, code, message: ERROR_CATALOGUE[code as keyof typeof ERROR_CATALOGUE].message });
  });

  test('an unknown function', async () => {
    expect(await cloud.call(null, 'nope', { action: 'list' })).toMatchObject({ ok: false, code: 'UNKNOWN_FUNCTION' });
  });

  test('a garbled cursor is a validation error on the cursor field, not a crash', async () => {
    const result = await cloud.call(null, 'notices', { action: 'list', data: { cursor: 'bm90IGpzb24' } });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { cursor: expect.stringMatching(/分页/) } });
  });
});
