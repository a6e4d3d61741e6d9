/**
 * `npm run bench:fanout`: a bulletin to 100,000 subscribers in the local cloud.
 *
 * Starts a real local cloud (HTTP, SQLite in a temporary folder, its own
 * dispatcher on the default interval), subscribes N residents to 通知公告
 * (1 % of them with a long-term WeChat grant, so the recorder works too),
 * then as the demo editor publishes one over HTTP and measures:
 * - enqueue: the publish call, which writes the notice, its event and the one
 *   outbox row in one transaction (goal ≤ 2 s);
 * - all delivered: until every subscriber has the message in 消息 (goal ≤ 30 s);
 * - the publish call's own latency while a fan-out is running (another
 *   notice, another kind), and residents' reads (notices.list, inbox) meanwhile.
 *
 * SUBSCRIBERS=10000 npm run bench:fanout for a quicker run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../cloudfunctions/_runtime/handler-context';
import { GRANTS, grantIdFor, INBOX, OUTBOX, SUBSCRIPTIONS, subscriptionIdFor } from '../cloudfunctions/_notifications/records';
import { templateFor } from '../shared/notifications/subscribe-templates';
import { topicKey } from '../shared/notifications/topics';
import { startLocalCloud } from '../server/local-cloud';

const SUBSCRIBERS = Number(process.env.SUBSCRIBERS ?? 100_000);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sg-bench-fanout-'));
  const cloud = await startLocalCloud({ dataDir, log: silentLogger });
  await new Promise<void>((done) => cloud.server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(cloud.server.address() as AddressInfo).port}`;
  try {
    const t0 = performance.now();
    const topic = topicKey({ kind: 'announcement' });
    const bulletin = templateFor('bulletin')!.templateId;
    const at = new Date().toISOString();
    const CHUNK = 10_000;
    for (let from = 0; from < SUBSCRIBERS; from += CHUNK) {
      await cloud.store.transaction(async (tx) => {
        for (let i = from; i < Math.min(from + CHUNK, SUBSCRIBERS); i++) {
          const openid = `bench-resident-${i}`;
          await tx.collection(SUBSCRIPTIONS).insert({ id: subscriptionIdFor(openid, topic), openid, topic, kind: 'announcement', departmentId: null, createdAt: at });
          if (i % 100 === 0) {
            await tx.collection(GRANTS).insert({ id: grantIdFor(openid, bulletin), openid, templateId: bulletin, kind: 'longTerm', remaining: 1, banned: false, updatedAt: at });
          }
        }
      });
    }
    console.log(`setup: ${SUBSCRIBERS.toLocaleString()} subscribers to 通知公告 in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const editor = await signIn(base, 'demo-editor');
    const api = async (fn: string, action: string, data: object, token = editor) => {
      const started = performance.now();
      const res = await fetch(`${base}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-session': token }, body: JSON.stringify({ action, data }) });
      const body = (await res.json()) as { ok: boolean; data: any; code?: string };
      if (!body.ok) throw new Error(`${fn}.${action}: ${body.code}`);
      return { data: body.data, ms: performance.now() - started };
    };
    const draft = (kind: string, title: string) => api('notices', 'save', { notice: { kind, title, body: '压力测试正文。', departmentId: 'office' } });

    const first = (await draft('announcement', '关于全区供水管网检修的通知')).data;
    const publish = await api('notices', 'publish', { id: first.id, version: first.version });
    const publishedAt = performance.now();
    const jobId = `np-${first.id}`;
    console.log(`enqueue (the publish call: notice + event + outbox row, one transaction): ${publish.ms.toFixed(0)} ms   goal ≤ 2000 ms`);

    // While the fan-out runs: another publish, and residents reading.
    const other = (await draft('workReport', '第四季度重点工作通报')).data;
    await sleep(1500);
    const during = await api('notices', 'publish', { id: other.id, version: other.version });
    const reader = await signIn(base, 'bench-resident-7');
    const reads: number[] = [];
    let inboxes = 0;
    for (;;) {
      reads.push((await api('notices', 'list', { limit: 10 }, reader)).ms);
      reads.push((await api('inbox', 'unreadCount', {}, reader)).ms);
      const job = await cloud.store.collection(OUTBOX).get(jobId);
      if (job?.status === 'done') {
        inboxes = await cloud.store.collection(INBOX).count({ subjectId: first.id });
        break;
      }
      if (performance.now() - publishedAt > 300_000) throw new Error('fan-out did not finish in 5 minutes');
      await sleep(100);
    }
    const deliveredMs = performance.now() - publishedAt;
    console.log(`all delivered to inboxes: ${inboxes.toLocaleString()} messages in ${(deliveredMs / 1000).toFixed(1)} s   goal ≤ 30 s`);
    console.log(`a publish call during the fan-out: ${during.ms.toFixed(0)} ms`);
    reads.sort((a, b) => a - b);
    const pct = (p: number) => reads[Math.min(reads.length - 1, Math.floor((p / 100) * reads.length))].toFixed(0);
    console.log(`residents' reads during the fan-out (${reads.length} calls): p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${pct(100)} ms`);

    const wechatStarted = performance.now();
    const granted = Math.ceil(SUBSCRIBERS / 100);
    while ((await cloud.store.collection('deliveries').count({ subjectId: first.id, status: 'sent' })) < granted) {
      if (performance.now() - wechatStarted > 300_000) throw new Error('recorder sends did not finish in 5 minutes');
      await sleep(250);
    }
    console.log(`WeChat sends (local recorder) to the ${granted.toLocaleString()} with a grant: done ${((performance.now() - publishedAt) / 1000).toFixed(1)} s after publishing`);
  } finally {
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function signIn(base: string, openid: string): Promise<string> {
  const res = await fetch(`${base}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
  return ((await res.json()) as { data: { token: string } }).data.token;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
