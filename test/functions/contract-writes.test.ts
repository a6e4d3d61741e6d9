import { invoke } from '../../cloudfunctions/_runtime/invoke';
import { defineFunction } from '../../cloudfunctions/_runtime/define-function';
import type { Logger } from '../../cloudfunctions/_runtime/handler-context';
import { contract } from '../../shared/api/contract';
import type { ActionSpec } from '../../shared/api/define';
import { createCloudHarness, type CloudHarness } from '../support/cloud-harness';
import { prepareFixture } from '../support/fixture';
import { storeSnapshot } from '../support/store-snapshot';
import { VALID_INPUTS, type Fixture } from '../support/valid-inputs';

/**
 * The contract's `writes` flag is a promise: an action declared read-only
 * changes nothing in any collection, whoever calls it with whatever valid
 * input; one declared as writing does write. Walked over every function in
 * the contract, so a new action is held to its flag without a new test.
 */
const actions = Object.entries(contract).flatMap(([fn, spec]) =>
  Object.entries(spec as Record<string, ActionSpec>).map(([action, s]) => [fn, action, s] as const),
);

/** Someone allowed to call the action: the admin may do every staff action. */
const callerFor = (spec: ActionSpec) => (spec.access.kind === 'staff' ? 'demo-admin' : 'resident-writes-check');

describe.each(actions.map(([fn, action, spec]) => [`${fn}.${action}`, spec.writes ? 'writes' : 'read-only', fn, action, spec] as const))(
  '%s (%s)',
  (_name, _kind, fn, action, spec) => {
    let cloud: CloudHarness;
    let fixture: Fixture;
    beforeEach(async () => {
      cloud = await createCloudHarness();
      fixture = await prepareFixture(cloud);
    });
    afterEach(() => cloud.close());

    test('the store changes exactly when the contract says it may', async () => {
      const inputs = (VALID_INPUTS as any)[fn][action](fixture) as unknown[];
      let wrote = 0;
      for (const data of inputs) {
        const before = await storeSnapshot(cloud);
        const answer = await cloud.call(callerFor(spec), fn, { action, data });
        expect({ data, ok: answer.ok }).toEqual({ data, ok: true });
        if ((await storeSnapshot(cloud)) !== before) wrote++;
      }
      if (spec.writes) expect(wrote).toBeGreaterThan(0);
      else expect(wrote).toBe(0);
    });

    test('it has a summary in Chinese for the logs', () => {
      expect(spec.summary).toMatch(/[\u4e00-\u9fff]/);
    });
  },
);

describe('a read-only action that tries to write', () => {
  const logged: Array<Record<string, unknown> | undefined> = [];
  const log: Logger = { info: () => undefined, error: (_m, fields) => void logged.push(fields) };
  // A handler that breaks the contract's promise for session.whoami (declared read-only).
  const rogue = defineFunction('session', {
    async whoami(_input, { store }) {
      await store.collection<Record<string, unknown>>('meta').insert({ id: 'rogue', note: 'should never land' });
      return { openid: null, isStaff: false, staff: null, devSignIn: false };
    },
  });

  test('is stopped before anything lands, and the log says which action and what it does', async () => {
    const cloud = await createCloudHarness();
    const before = await storeSnapshot(cloud);
    const answer = await invoke(rogue, { action: 'whoami' }, { caller: { openid: null, staff: null }, store: cloud.store, now: () => cloud.clock.now, log, platform: 'local' });
    expect(answer).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(await storeSnapshot(cloud)).toBe(before);
    expect(logged[0]).toMatchObject({ fn: 'session', action: 'whoami', summary: contract.session.whoami.summary });
    expect(String(logged[0]?.error)).toMatch(/declared read-only/);
    cloud.close();
  });
});
