import { emptyCounts, ratingBasis, tallyId, tallyKeysOf } from '../../shared/ratings/satisfaction';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { ratingCalls, RESPONSE } from '../support/rating-fixture';

/**
 * A rating a visit code (or an answered request) stands behind is verified;
 * one through the window's bare QR code is not — anyone can scan a printed
 * code. The official figures count verified ratings only and show the others
 * apart, unless the bureau's `includeUnverified` says otherwise.
 */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness();
});
afterEach(() => cloud.close());

const officer = 'demo-rater';
const { newWindow, issue, rate, stats } = ratingCalls(() => cloud, officer);

describe('verified and unverified ratings', () => {
  test('three residents who never visited rating a window 非常不满意 through its bare QR do not move its verified rate', async () => {
    const w = await newWindow();
    ok(await rate('visitor', { visitCode: (await issue(w.id)).visitCode, level: 'verySatisfied' }));
    const bureauBefore = await stats({ month: '2026-11' });
    for (const stranger of ['stranger-1', 'stranger-2', 'stranger-3']) ok(await rate(stranger, { windowId: w.id, level: 'veryDissatisfied' }));

    const month = await stats({ windowId: w.id, month: '2026-11' });
    expect(month).toMatchObject({
      total: 1,
      satisfactionRate: 1,
      verified: { total: 1, satisfactionRate: 1 },
      unverified: { total: 3, satisfactionRate: 0 },
      unverifiedIncluded: false,
    });
    expect(month.counts.veryDissatisfied).toBe(0);
    expect(month.trend.find((m: { month: string }) => m.month === '2026-11')).toEqual({ month: '2026-11', total: 1, satisfactionRate: 1 });
    const bureau = await stats({ month: '2026-11' });
    expect(bureau).toMatchObject({ total: bureauBefore.total, satisfactionRate: bureauBefore.satisfactionRate });
    expect(bureau.unverified.total).toBe(bureauBefore.unverified.total + 3);

    const [row] = ok(await cloud.call(officer, 'ratings', { action: 'ranking', data: { month: '2026-11' } })).filter((r: { windowId: string }) => r.windowId === w.id);
    expect(row).toMatchObject({ total: 1, satisfactionRate: 1, unverifiedTotal: 3, unverifiedIncluded: false });

    // Kept and shown, marked apart.
    const listed = ok(await cloud.call(null, 'ratings', { action: 'publicList', data: { windowId: w.id } })).items;
    expect(listed.map((r: { verified: boolean }) => r.verified).sort()).toEqual([false, false, false, true]);
    // Still followed up: the unit sees every 差评.
    expect(ok(await cloud.call(officer, 'ratings', { action: 'followUps', data: {} })).items.filter((f: { windowId: string }) => f.windowId === w.id)).toHaveLength(3);
  });

  test('a bureau that includes unverified ratings counts them in the official figures', async () => {
    const w = await newWindow();
    ok(await rate('visitor', { visitCode: (await issue(w.id)).visitCode, level: 'verySatisfied' }));
    for (const stranger of ['stranger-1', 'stranger-2', 'stranger-3']) ok(await rate(stranger, { windowId: w.id, level: 'veryDissatisfied' }));
    await cloud.store.collection('meta').insert({ id: 'rating-settings', includeUnverified: true });
    expect(await stats({ windowId: w.id, month: '2026-11' })).toMatchObject({
      total: 4,
      satisfactionRate: 0.25,
      verified: { total: 1, satisfactionRate: 1 },
      unverified: { total: 3, satisfactionRate: 0 },
      unverifiedIncluded: true,
    });
    const [row] = ok(await cloud.call(officer, 'ratings', { action: 'ranking', data: { month: '2026-11' } })).filter((r: { windowId: string }) => r.windowId === w.id);
    expect(row).toMatchObject({ total: 4, satisfactionRate: 0.25, unverifiedTotal: 3, unverifiedIncluded: true });
  });

  test('a request\'s handling or a visit code is verified, a bare QR is not; each tally stays an exact recount, an upheld appeal included', async () => {
    const w = await newWindow();
    const bare = ok(await rate('stranger-1', { windowId: w.id, level: 'veryDissatisfied' }));
    ok(await rate('stranger-2', { windowId: w.id, level: 'dissatisfied' }));
    const visited = ok(await rate('visitor', { visitCode: (await issue(w.id)).visitCode, level: 'dissatisfied' }));
    ok(await cloud.call(officer, 'ratings', { action: 'respond', data: { id: bare.id, version: 1, ...RESPONSE } }));
    const appealed = ok(await cloud.call(officer, 'ratings', { action: 'appeal', data: { id: bare.id, version: 2, reason: '当日该窗口未开放办理' } }));
    ok(await cloud.call('demo-admin', 'ratings', { action: 'decideAppeal', data: { id: bare.id, version: appealed.version, upheld: true, note: '经核实申诉成立' } }));
    ok(await cloud.call(officer, 'ratings', { action: 'respond', data: { id: visited.id, version: 1, ...RESPONSE } }));

    expect(await stats({ windowId: w.id, month: '2026-11' })).toMatchObject({
      total: 1,
      followUpsOpened: 1,
      followUpsAnswered: 1,
      verified: { total: 1, satisfactionRate: 0 },
      unverified: { total: 1, satisfactionRate: 0 },
    });

    const ratings = (await cloud.store.collection('ratings').find({ orderBy: [['createdAt', 'asc']], limit: 1000 })).items;
    expect(ratings.filter((r) => r.windowId === w.id).map((r) => `${r.source}:${r.verified}`).sort()).toEqual(['visit:true', 'window:false', 'window:false']);
    const followUps = new Map((await cloud.store.collection('followUps').find({ orderBy: [['dueDate', 'asc']], limit: 1000 })).items.map((f) => [f.id, f]));
    const expected = new Map<string, { counts: Record<string, number>; opened: number; answered: number }>();
    for (const r of ratings.filter((x) => !x.excluded)) {
      for (const [scope, key] of tallyKeysOf(r)) {
        const id = tallyId(scope, key, r.month, ratingBasis(r));
        const e = expected.get(id) ?? { counts: emptyCounts(), opened: 0, answered: 0 };
        e.counts[r.level]++;
        const f = followUps.get(r.id);
        if (f) {
          e.opened++;
          if (f.response) e.answered++;
        }
        expected.set(id, e);
      }
    }
    const tallies = (await cloud.store.collection('ratingTallies').find({ orderBy: [['month', 'asc']], limit: 1000 })).items;
    expect(tallies.some((t) => t.basis === 'unverified')).toBe(true);
    for (const t of tallies) {
      const e = expected.get(t.id) ?? { counts: emptyCounts(), opened: 0, answered: 0 };
      expect({ id: t.id, counts: t.counts, opened: t.followUpsOpened, answered: t.followUpsAnswered }).toEqual({ id: t.id, ...e });
    }
  });
});
