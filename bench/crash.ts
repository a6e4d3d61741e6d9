/**
 * `npm run bench:crash`: the crash drill of test/support/crash-drill.ts, bigger than the suite runs it.
 * The local cloud runs as a child process on a temporary data folder; callers submit requests, rate
 * windows, read notices, register and reply, and publish a bulletin each round; the server is killed
 * with SIGKILL at random moments and restarted on the same folder. Prints the counts of each run and
 * exits non-zero when any promise is broken.
 *
 * Settings: CRASH_RUNS (default 3), CRASH_KILLS per run (5), CRASH_CLIENTS (40),
 * CRASH_SUBSCRIBERS (20000), CRASH_KILL_MS as "min,max" ms after each start (500,4000).
 */
import { runCrashDrill, type DrillReport } from '../test/support/crash-drill';

const RUNS = Number(process.env.CRASH_RUNS ?? 3);
const KILLS = Number(process.env.CRASH_KILLS ?? 5);
const CLIENTS = Number(process.env.CRASH_CLIENTS ?? 40);
const SUBSCRIBERS = Number(process.env.CRASH_SUBSCRIBERS ?? 20_000);
const [KILL_MIN, KILL_MAX] = (process.env.CRASH_KILL_MS ?? '500,4000').split(',').map(Number);

function broken(r: DrillReport): string[] {
  const problems: string[] = [];
  if (r.lost || r.duplicated || r.wrongNumber || r.found !== r.acknowledged) problems.push(`submits: ${r.lost} lost, ${r.duplicated} duplicated, ${r.wrongNumber} with another number`);
  if (r.trackingGaps || r.trackingRepeats || !r.counterAgrees) problems.push(`tracking numbers: ${r.trackingGaps} gaps, ${r.trackingRepeats} repeats, counter ${r.counterAgrees ? 'agrees' : 'disagrees'}`);
  if (r.tallyMismatches.length) problems.push(`rating tallies: ${r.tallyMismatches.slice(0, 5).join('; ')}`);
  if (r.viewCountMismatches.length) problems.push(`view counts: ${r.viewCountMismatches.slice(0, 5).join('; ')}`);
  if (r.outboxPending || r.inboxFound !== r.inboxExpected) problems.push(`fan-out: ${r.inboxFound} of ${r.inboxExpected} messages, ${r.outboxPending} outbox rows unfinished`);
  if (r.bulletinRows !== r.bulletins * 3) problems.push(`bulletin rows: ${r.bulletinRows} for ${r.bulletins} bulletins (3 each)`);
  if (r.grantDeliveries !== r.grantDeliveriesExpected || r.duplicateDeliveries) problems.push(`WeChat deliveries: ${r.grantDeliveries} of ${r.grantDeliveriesExpected}, ${r.duplicateDeliveries} doubled`);
  if (r.secondSends) problems.push(`${r.secondSends} WeChat messages sent twice`);
  if (r.integrity.some((i) => i !== 'ok')) problems.push(`integrity_check: ${r.integrity.join(' | ')}`);
  return problems;
}

async function main(): Promise<void> {
  let failed = false;
  for (let run = 1; run <= RUNS; run++) {
    const started = Date.now();
    const r = await runCrashDrill({ kills: KILLS, clients: CLIENTS, subscribers: SUBSCRIBERS, killAfterMs: [KILL_MIN, KILL_MAX], log: (line) => console.log(`  ${line}`) });
    console.log(
      `run ${run}: ${r.kills} kills · submits acknowledged ${r.acknowledged}, found ${r.found}, duplicated ${r.duplicated}, lost ${r.lost} · ` +
        `tracking numbers ${r.trackingNumbers} (gaps ${r.trackingGaps}, repeats ${r.trackingRepeats}) · ratings ${r.ratings}, views ${r.views}, tallies ${r.tallyMismatches.length + r.viewCountMismatches.length ? 'WRONG' : 'exact'} · ` +
        `bulletins ${r.bulletins}: ${r.inboxFound}/${r.inboxExpected} messages, deliveries ${r.grantDeliveries}/${r.grantDeliveriesExpected}, WeChat sends ${r.sends}, sent twice ${r.secondSends}, interrupted ${r.interruptedSends} · ` +
        `integrity ${r.integrity.every((i) => i === 'ok') ? 'ok' : r.integrity.join(' | ')} · ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const problems = broken(r);
    for (const p of problems) console.log(`  BROKEN: ${p}`);
    failed ||= problems.length > 0;
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
