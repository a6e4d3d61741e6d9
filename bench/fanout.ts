/**
 * `npm run bench:fanout`: what one bulletin and one reply cost, in database operations and function
 * calls — the figures CloudBase bills by — with fan-out on read.
 *
 * A real SQLite store in a temporary folder, seeded like the local cloud, with N subscribers of
 * 通知公告 (1 % holding the long-term WeChat bulletin grant). Every store call the functions and the
 * dispatcher make goes through a counting wrapper over that store (test/support/counting-store.ts),
 * and the functions run through the same `invoke` as on CloudBase, so what is counted is what the
 * code asks of the database. Printed for: the publish call, the dispatcher run it wakes (WeChat sends
 * to grant holders), a resident's 消息 page and unread count, the staff's delivery report, and a clerk's
 * reply with its delivery.
 *
 * SUBSCRIBERS=1000 npm run bench:fanout for a quicker run (the counts per bulletin do not change;
 * the dispatcher's grows with the grants, 1 % of the subscribers here).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../cloudfunctions/_runtime/collections';
import { silentLogger } from '../cloudfunctions/_runtime/handler-context';
import { identifyCaller } from '../cloudfunctions/_runtime/identify-caller';
import { invoke } from '../cloudfunctions/_runtime/invoke';
import { SqliteStore } from '../cloudfunctions/_runtime/store/sqlite-store';
import { SqliteNoticeSearch } from '../cloudfunctions/_runtime/store/sqlite-search';
import { runJobsUntilIdle } from '../cloudfunctions/_jobs/run-jobs';
import { deliveriesJob } from '../cloudfunctions/_jobs/deliveries';
import { recordingSender } from '../cloudfunctions/_notifications/recording-sender';
import type { WechatSender } from '../cloudfunctions/_notifications/wechat-sender';
import { GRANTS, grantIdFor, SUBSCRIPTIONS, subscriptionIdFor } from '../cloudfunctions/_notifications/records';
import { findFunction } from '../cloudfunctions/registry';
import { templateFor } from '../shared/notifications/subscribe-templates';
import { topicKey } from '../shared/notifications/topics';
import { seedDemoData } from '../server/seed';
import { countingStore, type StoreCounts } from '../test/support/counting-store';
import { publishWithoutReview } from '../test/support/review-off';
import { application } from '../test/support/request-factories';

const SUBSCRIBERS = Number(process.env.SUBSCRIBERS ?? 100_000);

interface Phase {
  label: string;
  counts: StoreCounts;
  calls: number;
  sends: number;
  ms: number;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sg-bench-fanout-'));
  const raw = new SqliteStore(join(dir, 'bench.sqlite'), COLLECTIONS);
  try {
    const now = () => new Date();
    await seedDemoData(raw, now());
    await publishWithoutReview(raw, now());
    await subscribe(raw, SUBSCRIBERS);
    const counting = countingStore(raw);
    const search = new SqliteNoticeSearch(raw);
    let calls = 0;
    let wakes = 0;
    let sends = 0;
    const call = async (openid: string, fn: string, action: string, data: object, store = counting.store) => {
      calls += 1;
      const answer = await invoke(findFunction(fn)!, { action, data }, {
        caller: await identifyCaller(openid, raw),
        store,
        now,
        log: silentLogger,
        platform: 'local',
        search,
        wakeDeliveries: () => (wakes += 1),
      });
      if (!answer.ok) throw new Error(`${fn}.${action}: ${answer.code}`);
      return answer.data as any;
    };
    // The recorder stands in for WeChat; each of its sends is one `subscribeMessage.send`.
    const recorder = recordingSender(raw, now);
    const sender: WechatSender = { name: recorder.name, send: (m) => ((sends += 1), recorder.send(m)) };
    const phases: Phase[] = [];
    const measure = async (label: string, work: () => Promise<unknown>) => {
      counting.reset();
      [calls, wakes, sends] = [0, 0, 0];
      const started = performance.now();
      await work();
      phases.push({ label, counts: counting.counts(), calls: calls + wakes, sends, ms: performance.now() - started });
    };
    const dispatch = () => runJobsUntilIdle({ store: counting.store, sender, now, log: silentLogger }, 600_000, [deliveriesJob]);

    // A bulletin.
    const draft = await call('demo-editor', 'notices', 'save', { notice: { kind: 'announcement', title: '关于全区供水管网检修的通知', body: '压力测试正文。', departmentId: 'office' } }, raw);
    await measure('publish a bulletin (notices.publish; wakes deliveries)', () => call('demo-editor', 'notices', 'publish', { id: draft.id, version: draft.version }));
    await measure(`its deliveries run: WeChat to ${Math.ceil(SUBSCRIBERS / 100).toLocaleString()} grant holders`, dispatch);
    await measure('a subscriber opens 消息 (inbox.list, 20)', () => call('bench-resident-7', 'inbox', 'list', { limit: 20 }));
    await measure('the 我的 badge (inbox.unreadCount)', () => call('bench-resident-7', 'inbox', 'unreadCount', {}));
    await measure('a subscriber taps the bulletin (inbox.markRead)', () => call('bench-resident-7', 'inbox', 'markRead', { ids: [`np-${draft.id}`] }));
    // The audience counts each resident once: the largest topic is counted, the smaller ones read (bulletin-audience.ts).
    await measure('staff open its delivery report (deliveries.forSubject)', () => call('demo-editor', 'deliveries', 'forSubject', { subjectId: draft.id }));

    // A reply to a request whose applicant gave a one-time grant for it.
    const replied = templateFor('requestReplied')!.templateId;
    await call('bench-applicant', 'subscriptions', 'recordGrants', { grants: [{ templateId: replied, result: 'accept' }] }, raw);
    const submitted = await call('bench-applicant', 'requests', 'submit', application(), raw);
    const registered = await call('demo-clerk', 'requests', 'register', { id: submitted.id, version: submitted.version }, raw);
    await dispatch();
    await measure('reply to a request (requests.reply; wakes deliveries)', () =>
      call('demo-clerk', 'requests', 'reply', { id: registered.id, version: registered.version, category: 'disclosed', text: '经查，所申请信息予以公开。', attachments: [] }),
    );
    await measure('its deliveries run: 消息 row + one WeChat send', dispatch);

    console.log(`fan-out on read · ${SUBSCRIBERS.toLocaleString()} subscribers of 通知公告, 1 % with the WeChat bulletin grant`);
    console.log('what                                                         reads  writes  transactions  function calls  WeChat sends      ms');
    for (const p of phases) {
      console.log(
        `${p.label.padEnd(60)} ${String(p.counts.reads).padStart(5)}  ${String(p.counts.writes).padStart(6)}  ${String(p.counts.transactions).padStart(12)}  ${String(p.calls).padStart(14)}  ${String(p.sends).padStart(12)}  ${p.ms.toFixed(0).padStart(6)}`,
      );
    }
    console.log('function calls: the call itself plus the deliveries function it wakes (the woken run is the line below it).');
    console.log('\nwrites by collection:');
    for (const p of phases) {
      const writes = Object.entries(p.counts.byCall).filter(([k]) => /\.(insert|update|delete)$/.test(k));
      console.log(`  ${p.label}: ${writes.map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
    }
  } finally {
    raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `n` subscribers of 通知公告; every hundredth holds the long-term bulletin grant. */
async function subscribe(store: SqliteStore, n: number): Promise<void> {
  const topic = topicKey({ kind: 'announcement' });
  const bulletin = templateFor('bulletin')!.templateId;
  const at = new Date(Date.now() - 60_000).toISOString();
  for (let from = 0; from < n; from += 10_000) {
    await store.transaction(async (tx) => {
      for (let i = from; i < Math.min(from + 10_000, n); i++) {
        const openid = `bench-resident-${i}`;
        await tx.collection(SUBSCRIPTIONS).insert({ id: subscriptionIdFor(openid, topic), openid, topic, kind: 'announcement', departmentId: null, createdAt: at });
        if (i % 100 === 0) await tx.collection(GRANTS).insert({ id: grantIdFor(openid, bulletin), openid, templateId: bulletin, kind: 'longTerm', remaining: 1, banned: false, updatedAt: at });
      }
    });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
