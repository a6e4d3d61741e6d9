import fc from 'fast-check';
import { contract } from '../../shared/api/contract';
import { actions, expectNoStrayWrite, useHostileHarness } from '../support/hostile-input';
import { storeSnapshot } from '../support/store-snapshot';

/**
 * Hostile input, random half: arbitrary events and arbitrary data for every function and action never
 * crash and a refused call writes nothing. (The schema-derived half is hostile-input-fields.test.ts.)
 */
const h = useHostileHarness();

describe('random events never crash a function and refused ones write nothing', () => {
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
        const before = await storeSnapshot(h.cloud);
        const result = await h.cloud.call('demo-admin', fn, e);
        await expectNoStrayWrite(h.cloud, fn, e, before, result);
      }),
      { numRuns: 150 },
    );
  });

  // Fewer runs per action than per function: with ~230 actions this is the suite's bulk, each field is
  // also refused on purpose by the schema-derived cases (hostile-input-fields), and a new seed each run widens the net.
  test.each(actions.map(([fn, action]) => [fn, action] as const))('%s.%s: arbitrary data', async (fn, action) => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ withBigInt: false }), async (data) => {
        const before = await storeSnapshot(h.cloud);
        const result = await h.cloud.call('demo-admin', fn, { action, data });
        await expectNoStrayWrite(h.cloud, fn, { action, data }, before, result);
      }),
      { numRuns: 50 },
    );
  });
});
