import { ERROR_CATALOGUE } from '../../shared/api/errors';
import { storeCounts } from '../support/fixture';
import { actions, useHostileHarness } from '../support/hostile-input';
import { storeSnapshot } from '../support/store-snapshot';
import { applyMutation, expectedField, mutationsOf } from '../support/schema-mutations';
import { VALID_INPUTS, type Fixture } from '../support/valid-inputs';

/**
 * Hostile input, deliberate half: every bad field derived from the schema, and the malformed envelope.
 * (The random walks are hostile-input-random.test.ts.)
 */
const h = useHostileHarness();

describe('each bad field derived from the schema is refused with that field named', () => {
  const cases = actions.flatMap(([fn, action, spec]) =>
    ((VALID_INPUTS as any)[fn][action] as (f: Fixture) => unknown[])({
      noticeId: 'placeholder', noticeVersion: 1, publishedId: 'placeholder', publishedVersion: 2,
    }).map((_, i) => [fn, action, spec, i] as const),
  );

  test.each(cases.map(([fn, action, , i]) => [`${fn}.${action}`, i] as const))('%s, valid sample %i', async (name) => {
    const [fn, action, spec, index] = cases.find(([f, a]) => `${f}.${a}` === name)!;
    const valid = ((VALID_INPUTS as any)[fn][action] as (f: Fixture) => unknown[])(h.fixture)[index];
    const mutations = mutationsOf(spec.input, valid);
    for (const mutation of mutations) {
      const counts = await storeCounts(h.cloud);
      const before = await storeSnapshot(h.cloud);
      const result: any = await h.cloud.call('demo-admin', fn, { action, data: applyMutation(valid, mutation) });
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
      expect(await storeCounts(h.cloud)).toEqual(counts);
      expect(await storeSnapshot(h.cloud)).toBe(before);
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
    const result = await h.cloud.call('demo-admin', 'notices', event);
    expect(result).toMatchObject({ ok: false, code, message: ERROR_CATALOGUE[code as keyof typeof ERROR_CATALOGUE].message });
  });

  test('an unknown function', async () => {
    expect(await h.cloud.call(null, 'nope', { action: 'list' })).toMatchObject({ ok: false, code: 'UNKNOWN_FUNCTION' });
  });

  test('a garbled cursor is a validation error on the cursor field, not a crash', async () => {
    const result = await h.cloud.call(null, 'notices', { action: 'list', data: { cursor: 'bm90IGpzb24' } });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { cursor: expect.stringMatching(/分页/) } });
  });
});
