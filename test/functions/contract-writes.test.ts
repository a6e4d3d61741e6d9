import { invoke } from '../../cloudfunctions/_runtime/invoke';
import { defineFunction } from '../../cloudfunctions/_runtime/define-function';
import type { Logger } from '../../cloudfunctions/_runtime/handler-context';
import { contract } from '../../shared/api/contract';
import { createCloudHarness } from '../support/cloud-harness';
import { CONTRACT_ACTIONS, walkAction } from '../support/contract-walk';
import { fixtureImageOnce } from '../support/fixture';
import { storeSnapshot } from '../support/store-snapshot';

/**
 * The contract's `writes` flag is a promise: an action declared read-only
 * changes nothing in any collection, whoever calls it with whatever valid
 * input; one declared as writing does write. Walked over every function in
 * the contract, so a new action is held to its flag without a new test.
 */
// Each action gets its own copy of one prepared database (see prepareFixtureImage).
const prepared = fixtureImageOnce();

describe.each(CONTRACT_ACTIONS.map((walked) => [walked.name, walked.spec.writes ? 'writes' : 'read-only', walked] as const))(
  '%s (%s)',
  (_name, _kind, walked) => {
    const { cloud, calls } = walkAction(prepared, walked);
    const spec = walked.spec;

    test('the store changes exactly when the contract says it may', async () => {
      let wrote = 0;
      let accepted = 0;
      for (const call of calls()) {
        const before = await storeSnapshot(cloud());
        // Some actions accept only a particular caller (the owner of a visit code, …): a refusal is
        // not this test's business, but a read-only action writes nothing whatever it answers.
        const answer = await call();
        if (answer.ok) accepted++;
        if ((await storeSnapshot(cloud())) !== before) wrote++;
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
    const rogue = defineFunction('session', contract.session, {
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
    const failing = defineFunction('session', contract.session, {
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
