import { invoke } from '../../cloudfunctions/_runtime/invoke';
import { defineFunction } from '../../cloudfunctions/_runtime/define-function';
import type { Logger } from '../../cloudfunctions/_runtime/handler-context';
import { contract } from '../../shared/api/contract';
import type { ActionSpec } from '../../shared/api/define';
import { createCloudHarness, type CloudHarness } from '../support/cloud-harness';
import { fixtureCopyPerTest, fixtureImageOnce } from '../support/fixture';
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
// resident-a owns the fixture's own records (e.g. its disclosure requests), as in the authorisation matrix.
const callerFor = (spec: ActionSpec) => (spec.access.kind === 'staff' ? 'demo-admin' : 'resident-a');

// Each action gets its own copy of one prepared database (see prepareFixtureImage).
const prepared = fixtureImageOnce();

describe.each(actions.map(([fn, action, spec]) => [`${fn}.${action}`, spec.writes ? 'writes' : 'read-only', fn, action, spec] as const))(
  '%s (%s)',
  (_name, _kind, fn, action, spec) => {
    let cloud: CloudHarness;
    let fixture: Fixture;
    fixtureCopyPerTest(prepared, (c, f) => {
      cloud = c;
      fixture = f;
    });

    test('the store changes exactly when the contract says it may', async () => {
      const inputs = (VALID_INPUTS as any)[fn][action](fixture) as unknown[];
      let wrote = 0;
      let accepted = 0;
      for (const data of inputs) {
        const before = await storeSnapshot(cloud);
        // Some actions accept only a particular caller (the owner of a visit code, …): a refusal is
        // not this test's business, but a read-only action writes nothing whatever it answers.
        const answer = await cloud.call(callerFor(spec), fn, { action, data });
        if (answer.ok) accepted++;
        if ((await storeSnapshot(cloud)) !== before) wrote++;
      }
      if (!spec.writes) expect(wrote).toBe(0);
      else if (accepted > 0) expect(wrote).toBeGreaterThan(0);
    });

    test('it has a summary in Chinese for the logs', () => {
      expect(spec.summary).toMatch(/[\u4e00-\u9fff]/);
    });
  },
);

describe('the checks above can fail', () => {
  const logged: Array<Record<string, unknown> | undefined> = [];
  const log: Logger = { info: () => undefined, error: (_m, fields) => void logged.push(fields) };
  const anonymous = { openid: null, staff: null };

  test('a handler that writes under a read-only action is seen by the snapshot the walk compares', async () => {
    const rogue = defineFunction('session', {
      async whoami(_input, { store }) {
        await store.collection('meta').insert({ id: 'rogue', at: 'a write the contract denies' });
        return { openid: null, isStaff: false, staff: null, devSignIn: false };
      },
    });
    const cloud = await createCloudHarness();
    const before = await storeSnapshot(cloud);
    const answer = await invoke(rogue, { action: 'whoami' }, { caller: anonymous, store: cloud.store, now: () => cloud.clock.now, log, platform: 'local', search: cloud.search });
    expect(answer.ok).toBe(true);
    expect(contract.session.whoami.writes).toBe(false);
    expect(await storeSnapshot(cloud)).not.toBe(before);
    cloud.close();
  });

  test('an unexpected failure is logged with the function, the action and its summary', async () => {
    const failing = defineFunction('session', {
      async whoami() {
        throw new Error('boom');
      },
    });
    const cloud = await createCloudHarness({ seed: false });
    const answer = await invoke(failing, { action: 'whoami' }, { caller: anonymous, store: cloud.store, now: () => cloud.clock.now, log, platform: 'local', search: cloud.search });
    expect(answer).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(logged[0]).toMatchObject({ fn: 'session', action: 'whoami', summary: contract.session.whoami.summary });
    expect(String(logged[0]?.error)).toContain('boom');
    cloud.close();
  });
});
