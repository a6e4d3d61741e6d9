import { invoke } from '../../cloudfunctions/_runtime/invoke';
import type { Logger } from '../../cloudfunctions/_runtime/handler-context';
import { findFunction } from '../../cloudfunctions/registry';
import { identifyCaller } from '../../cloudfunctions/_runtime/identify-caller';
import { AppendOnlyError, type Store } from '../../cloudfunctions/_runtime/store/port';
import type { AuditRecord } from '../../shared/audit/audit-record';
import { createCloudHarness, ok } from '../support/cloud-harness';
import { callerFor, CONTRACT_ACTIONS, walkAction } from '../support/contract-walk';
import { fixtureImageOnce } from '../support/fixture';

/**
 * Every accepted staff write leaves exactly one audit entry naming its action, and each view of
 * unmasked personal data one entry of its own kind; residents' writes and refused calls leave none.
 * Walked over every writing action of the contract, so a new staff action is audited without a new
 * test (and without its handler doing anything).
 */
const prepared = fixtureImageOnce();
const WRITING = CONTRACT_ACTIONS.filter((walked) => walked.spec.writes);

async function auditEntries(store: Store) {
  return (await store.collection('audit').find({ orderBy: [['at', 'asc']], limit: 1000 })).items;
}

describe.each(WRITING.map((walked) => [walked.name, walked.spec.access.kind, walked] as const))('%s (%s)', (_name, access, walked) => {
  const { cloud, calls } = walkAction(prepared, walked);
  // Staff actions, and the few others declared `audited` (joining the staff).
  const kind = access === 'staff' || walked.spec.audited ? 'audited' : 'not audited';

  test(kind === 'audited' ? 'each accepted call leaves one audit entry naming the action, the record and field names only' : 'a resident or anyone writing leaves no audit entry', async () => {
    let accepted = 0;
    for (const call of calls()) {
      const before = await auditEntries(cloud().store);
      const answer = await call();
      const after = await auditEntries(cloud().store);
      if (!answer.ok || kind !== 'audited') {
        expect(after).toHaveLength(before.length);
        continue;
      }
      accepted++;
      expect(after).toHaveLength(before.length + 1);
      const entry = after.find((e) => !before.some((b) => b.id === e.id)) as AuditRecord;
      expect(entry).toMatchObject({
        action: walked.name,
        actor: callerFor(walked.spec),
        kind: walked.spec.viewsPersonalData ? 'personalDataViewed' : 'write',
        at: cloud().clock.now.toISOString(),
      });
      if (access === 'staff') expect(entry.actorName).toMatch(/\S/);
      // Field names only: no value (a name, an ID number, a phone) can pass for a field path.
      for (const field of entry.fields) expect(field).toMatch(/^[A-Za-z]+(\.[A-Za-z]+)?$/);
      for (const id of entry.recordIds) expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(entry.recordId).toBe(entry.recordIds[0] ?? null);
    }
    // Every staff write the fixture can make is walked at least once (a refusal everywhere would prove nothing).
    if (kind === 'audited') expect(accepted).toBeGreaterThan(0);
  });
});

describe('what the entries say', () => {
  test('an unmasked view of a request names the request and is of its own kind; a reply lists the fields it set', async () => {
    const cloud = await createCloudHarness();
    const [{ id, version }] = (await cloud.store.collection('requests').find({ where: { status: 'registered' }, orderBy: [['submittedAt', 'asc']], limit: 1 })).items;
    ok(await cloud.call('demo-admin', 'requests', { action: 'manageGet', data: { id } }));
    const entries = await auditEntries(cloud.store);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'requests.manageGet', kind: 'personalDataViewed', recordId: id, recordIds: [id], fields: [] });
    const refused = await cloud.call('resident-a', 'requests', { action: 'manageGet', data: { id } });
    expect(refused.ok).toBe(false);
    expect(await auditEntries(cloud.store)).toHaveLength(1);
    ok(await cloud.call('demo-admin', 'requests', { action: 'close', data: { id, version, category: 'other.other', reason: '经检索，申请人书面确认不再需要', basis: '第二十九条' } }));
    const close = (await auditEntries(cloud.store)).find((e) => e.action === 'requests.close');
    expect(close).toMatchObject({ action: 'requests.close', kind: 'write', recordId: id, fields: ['basis', 'category', 'reason'] });
    expect(JSON.stringify(close)).not.toContain('经检索');
    cloud.close();
  });

  test("a handler's download of a letter (addressed to the applicant by name) is a view on the trail; the applicant's own is not", async () => {
    const cloud = await createCloudHarness();
    const [request] = (await cloud.store.collection('requests').find({ where: { status: 'supplementRequested' }, orderBy: [['submittedAt', 'asc']], limit: 1 })).items;
    const pdf = { action: 'letterPdf', data: { id: request.id, letter: 0 } };
    ok(await cloud.call(request.ownerOpenid!, 'requests', pdf));
    expect(await auditEntries(cloud.store)).toHaveLength(0);
    ok(await cloud.call('demo-clerk', 'requests', pdf));
    expect(await auditEntries(cloud.store)).toEqual([
      expect.objectContaining({ action: 'requests.letterPdf', kind: 'personalDataViewed', actor: 'demo-clerk', recordId: request.id, fields: [] }),
    ]);
    cloud.close();
  });

  test('an audit record cannot be updated through the store', async () => {
    const cloud = await createCloudHarness({ seed: false });
    const saved = await cloud.store.collection('audit').insert({ at: '2026-11-24T02:00:00.000Z', actor: 'demo-admin', actorName: '管理员', action: 'notices.publish', kind: 'write', recordId: 'n1', recordIds: ['n1'], fields: [] });
    await expect(cloud.store.collection('audit').update(saved.id, 1, { actor: 'someone-else' })).rejects.toBeInstanceOf(AppendOnlyError);
    expect(await cloud.store.collection('audit').get(saved.id)).toEqual(saved);
    cloud.close();
  });

  test('when the entry cannot be written the change still stands and the failure is logged', async () => {
    const cloud = await createCloudHarness();
    const errors: Array<Record<string, unknown> | undefined> = [];
    const log: Logger = { info: () => undefined, error: (_m, fields) => void errors.push(fields) };
    const store: Store = {
      collection: (name) => {
        const inner = cloud.store.collection(name);
        if (name !== 'audit') return inner;
        return { ...inner, insert: async () => { throw new Error('disk full'); } } as typeof inner;
      },
      transaction: (work) => cloud.store.transaction(work),
    };
    const [{ id }] = (await cloud.store.collection('requests').find({ orderBy: [['submittedAt', 'asc']], limit: 1 })).items;
    const caller = await identifyCaller('demo-admin', cloud.store);
    const answer = await invoke(findFunction('requests')!, { action: 'manageGet', data: { id } }, { caller, store, now: () => cloud.clock.now, log, platform: 'local', search: cloud.search });
    expect(answer.ok).toBe(true);
    expect(errors[0]).toMatchObject({ action: 'requests.manageGet', recordId: id, error: 'disk full' });
    cloud.close();
  });
});
