import { runCrashDrill } from '../support/crash-drill';

/**
 * SIGKILL mid-write, three times, then the promises a government service owes its residents
 * (test/support/crash-drill.ts says which). `npm run bench:crash` runs the same drill bigger.
 */
test('three SIGKILLs mid-write: nothing acknowledged lost or doubled, numbers gap-free, tallies exact, no second send, database intact', async () => {
  const report = await runCrashDrill({ kills: 3, clients: 12, subscribers: 3000, killAfterMs: [400, 1500] });
  expect(report.kills).toBe(3);
  expect(report.acknowledged).toBeGreaterThan(20);
  expect({ lost: report.lost, duplicated: report.duplicated, wrongNumber: report.wrongNumber }).toEqual({ lost: 0, duplicated: 0, wrongNumber: 0 });
  expect(report.found).toBe(report.acknowledged);
  expect({ gaps: report.trackingGaps, repeats: report.trackingRepeats, counterAgrees: report.counterAgrees }).toEqual({ gaps: 0, repeats: 0, counterAgrees: true });
  expect(report.ratings).toBeGreaterThan(0);
  expect(report.tallyMismatches).toEqual([]);
  expect(report.viewCountMismatches).toEqual([]);
  expect(report.bulletins).toBeGreaterThan(0);
  expect(report.outboxPending).toBe(0);
  expect(report.inboxFound).toBe(report.inboxExpected);
  // Fan-out on read: three rows per bulletin (its kind, its department, the pair), a delivery per grant holder, none twice.
  expect(report.bulletinRows).toBe(report.bulletins * 3);
  expect(report.grantDeliveries).toBe(report.grantDeliveriesExpected);
  expect(report.duplicateDeliveries).toBe(0);
  expect(report.secondSends).toBe(0);
  expect(report.sends).toBeGreaterThan(0);
  expect(report.integrity).toEqual(['ok', 'ok', 'ok', 'ok']);
  // About 20 s alone; four cold starts of the local cloud and the fan-out take several times
  // that while the rest of the suite has the machine's two cores.
}, 240_000);
