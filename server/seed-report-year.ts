import { silentLogger } from '../cloudfunctions/_runtime/handler-context';
import { identifyCaller } from '../cloudfunctions/_runtime/identify-caller';
import { invoke } from '../cloudfunctions/_runtime/invoke';
import type { Store } from '../cloudfunctions/_runtime/store/port';
import type { NoticeSearch } from '../cloudfunctions/_runtime/store/search-port';
import { findFunction } from '../cloudfunctions/registry';
import { ORG_KINDS, type OrgKind } from '../shared/requests/request-schema';
import { REPLY_CATEGORIES, REPLY_CATEGORY_INFO, replyDetailFieldsOf, type ReplyCategory, type ReplyDetailField } from '../shared/requests/reply-categories';

/**
 * A whole past year (2025) made the way the bureau would have made it: every
 * request submitted, registered, answered or closed, every notice saved and
 * published, through the cloud functions themselves (access checks, schemas,
 * the state machine, events), on a clock stepped through the year. So
 * `npm start` shows a full 2025 annual report — a hundred-odd requests of
 * every applicant kind and reply category, some carried in from 2024 and out
 * into 2026, withdrawals, several hundred notices with 规章 and 规范性文件,
 * three reconsideration and litigation cases, the figures staff enter — and
 * 2026 in progress from the ordinary demo data.
 */
export const DEMO_REPORT_YEAR = 2025;
const MARKER = 'demo-report-year';

type Kind = 'person' | OrgKind;
const KINDS: Kind[] = ['person', ...ORG_KINDS];
const ORG_NAMES: Record<OrgKind, string> = {
  business: '云溪恒达建设有限公司',
  research: '云溪城市规划研究院',
  publicWelfare: '云溪社区公益服务中心',
  legalService: '云溪明理律师事务所',
  other: '阳光花园业主委员会',
};
const ID = '330106199003071236';
const CREDIT_CODE = '91350100M000100Y43';

export async function seedDemoReportYear(store: Store, search: NoticeSearch): Promise<boolean> {
  if (await store.collection('meta').get(MARKER)) return false;
  const pendingBefore = await pendingOutboxIds(store);
  const clock = { now: new Date() };
  const at = (day: string, hour = 9) => {
    clock.now = new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
  };
  const call = async (openid: string, fn: string, action: string, data: unknown): Promise<any> => {
    const caller = await identifyCaller(openid, store);
    const answer = await invoke(findFunction(fn)!, { action, data }, { caller, store, now: () => clock.now, log: silentLogger, platform: 'local', search });
    if (!answer.ok) throw new Error(`demo ${fn}.${action} on ${clock.now.toISOString()}: ${answer.code} ${answer.message} ${JSON.stringify(answer.fields ?? {})}`);
    return answer.data;
  };

  /** 公开审查: where the bureau requires review of a letter, 孙静 approves what 李华 submitted; the request as it then stands. */
  const clerkLetter = async (action: 'reply' | 'close', data: { id: string } & Record<string, unknown>) => {
    const answer = await call('demo-clerk', 'requests', action, data);
    if (!answer.pendingReview) return answer;
    await call('demo-reviewer', 'reviews', 'approve', { id: answer.reviewId, version: 1 });
    return store.collection('requests').get(data.id);
  };

  let seq = 0;
  const applicationOf = (kind: Kind) => {
    seq += 1;
    const applicant =
      kind === 'person'
        ? { type: 'person', name: `申请人${seq}`, idType: 'residentId', idNumber: ID, phone: '13812345678' }
        : { type: 'organization', orgKind: kind, name: ORG_NAMES[kind], creditCode: CREDIT_CODE, phone: '13900001111' };
    return {
      idempotencyKey: `demo-report-year-${seq}`,
      applicant,
      information: { description: `请公开 ${DEMO_REPORT_YEAR} 年度第 ${seq} 项相关政府信息（演示数据）。`, title: `演示申请 ${seq}` },
      form: 'electronic',
      delivery: 'inApp',
    };
  };
  /** Submitted online and registered the same day: 受理之日 = `day`. */
  const ownerOf = new Map<string, string>();
  const receive = async (kind: Kind, day: string) => {
    at(day);
    const application = applicationOf(kind);
    const owner = `demo-applicant-${seq % 40}`;
    const submitted = await call(owner, 'requests', 'submit', application);
    ownerOf.set(submitted.id, owner);
    return call('demo-clerk', 'requests', 'register', { id: submitted.id, version: submitted.version });
  };
  /** What the 条例 has a reply of each category name (Art. 36): the first answered request is the one a repeat repeats. */
  let firstAnswered = '';
  const details = (category: ReplyCategory) => {
    const values: Record<ReplyDetailField, string> = {
      whereToFind: '本机关门户网站「政府信息公开」栏目',
      agencyName: '云溪区自然资源局',
      agencyContact: '0571-12345600',
      procedure: '依照《不动产登记暂行条例》申请查询',
      earlierTrackingNumber: firstAnswered,
      basis: '《中华人民共和国政府信息公开条例》第三十九条第二款',
    };
    return Object.fromEntries(replyDetailFieldsOf(category).required.map((f) => [f, values[f]]));
  };
  const conclude = async (r: { id: string; version: number }, category: ReplyCategory, day: string) => {
    at(day, 10);
    let current = r;
    if (category === 'unavailable.unclear') {
      // Art. 30: still unclear after a supplement that was asked for and received.
      at(shift(day, -10), 10);
      const asked = await call('demo-clerk', 'requests', 'askSupplement', { id: r.id, version: r.version, items: ['请写明所需信息的名称或文号'], workingDays: 10 });
      at(shift(day, -8), 10);
      current = await call(ownerOf.get(r.id)!, 'requests', 'supplement', { id: asked.id, version: asked.version, text: '需要的是有关文件。' });
      at(day, 10);
    }
    if (category === 'notProcessed.excessive') current = await call('demo-clerk', 'requests', 'askReasons', { id: r.id, version: r.version, text: '您本月已提交 30 余件内容相近的申请，请说明理由。' });
    if (category === 'other.noSupplement') {
      // Within 7 working days of receipt (Art. 30): two days after it.
      at(shift(day, -10), 10);
      current = await call('demo-clerk', 'requests', 'askSupplement', { id: r.id, version: r.version, items: ['请写明所需信息的名称或文号'], workingDays: 10 });
      at(shift(day, 30), 10);
      return clerkLetter('close', { id: current.id, version: current.version, category, reason: '申请人逾期未补正' });
    }
    if (category === 'other.noFee') {
      current = await call('demo-clerk', 'requests', 'askFee', { id: r.id, version: r.version, method: 'perPage', units: 400 });
      at(shift(day, 40), 10);
      return clerkLetter('close', { id: current.id, version: current.version, category, reason: '申请人逾期未缴纳信息处理费' });
    }
    if (REPLY_CATEGORY_INFO[category].group === 'other') return clerkLetter('close', { id: current.id, version: current.version, category, reason: '申请人书面表示不再需要', ...details(category) });
    at(day, 15);
    const replied = await clerkLetter('reply', { id: current.id, version: current.version, category, text: `经审查，${REPLY_CATEGORY_INFO[category].label}。（演示数据）`, ...details(category) });
    firstAnswered ||= replied.trackingNumber;
    return replied;
  };

  // Carried in from 2024: received in December, answered in January.
  for (let i = 0; i < 3; i++) await conclude(await receive(KINDS[i], `2024-12-${16 + i}`), 'disclosed', `2025-01-0${6 + i}`);

  // Every reply category, several times, over the year and every applicant kind.
  let n = 0;
  for (let round = 0; round < 4; round++) {
    for (const category of REPLY_CATEGORIES) {
      const month = 1 + ((n * 5) % 10);
      const day = `2025-${String(month).padStart(2, '0')}-${String(3 + (n % 20)).padStart(2, '0')}`;
      // Disclosure is what most requests end in: more of them.
      const times = category === 'disclosed' ? 6 : category === 'partial' ? 2 : 1;
      for (let t = 0; t < times; t++) await conclude(await receive(KINDS[(n + t) % KINDS.length], day), category, shift(day, 12));
      n += 1;
    }
  }

  // Withdrawn after receipt ((六)3), and one withdrawn before it (counted nowhere).
  for (let i = 0; i < 4; i++) {
    const r = await receive(KINDS[i], `2025-0${3 + i}-10`);
    at(`2025-0${3 + i}-14`);
    await call(ownerOf.get(r.id)!, 'requests', 'withdraw', { id: r.id, version: r.version, reason: '已从其他渠道获得' });
  }

  at('2025-08-08');
  const early = applicationOf('person');
  const never = await call('demo-applicant-never', 'requests', 'submit', early);
  await call('demo-applicant-never', 'requests', 'withdraw', { id: never.id, version: never.version, reason: '填错了' });

  // Received in late December, still open on 31 December: carried into 2026 (two answered in January).
  for (let i = 0; i < 4; i++) {
    const r = await receive(KINDS[i + 1], `2025-12-${22 + i}`);
    if (i < 2) await conclude(r, 'disclosed', `2026-01-${12 + i}`);
  }

  // Proactive disclosure: several hundred notices, some of them 规章 and 行政规范性文件.
  for (let i = 0; i < 300; i++) {
    const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
    at(day, 11);
    const policyLevel = i % 25 === 0 ? 'rule' : i % 6 === 0 ? 'normative' : null;
    const notice = policyLevel
      ? { kind: 'policy', title: `${policyLevel === 'rule' ? '云溪区管理规定' : '关于加强管理的通知'}（${DEMO_REPORT_YEAR}-${i}）`, body: '正文（演示数据）。', departmentId: 'policy', docNumber: `云建规〔${DEMO_REPORT_YEAR}〕${i}号`, issuingBody: '云溪区住房和城乡建设局', effectiveDate: day, validity: i === 30 ? 'repealed' : 'inForce', policyLevel, ...(i === 30 ? { repealedOn: '2025-12-01' } : {}) }
      : { kind: i % 3 === 0 ? 'workReport' : 'announcement', title: `${DEMO_REPORT_YEAR} 年第 ${i} 号工作信息`, body: '正文（演示数据）。', departmentId: 'policy' };
    const saved = await call('demo-editor', 'notices', 'save', { notice });
    const published = await call('demo-editor', 'notices', 'publish', { id: saved.id, version: saved.version });
    // 公开审查: where the bureau requires review, 孙静 approves what 王芳 submitted.
    if (published.pendingReview) await call('demo-reviewer', 'reviews', 'approve', { id: published.reviewId, version: 1 });
  }

  // Part 4: cases about the bureau's disclosure replies.
  at('2025-12-20');
  const caseOf = (kind: string, filedOn: string, outcome: string, summary: string, afterReconsideration = false) =>
    call('demo-admin', 'reports', 'saveCase', { case: { kind, filedOn, outcome, summary, afterReconsideration } });
  await caseOf('reconsideration', '2025-04-02', 'upheld', '云复〔2025〕12号，申请人不服不予公开答复');
  await caseOf('reconsideration', '2025-09-15', 'corrected', '云复〔2025〕31号，责令重新答复');
  await caseOf('litigation', '2025-11-03', 'pending', '（2025）云0102行初88号', true);

  // What staff enter in January: the decision counts, fees and the texts (the drafts, as written).
  at('2026-01-15');
  const draft = await call('demo-admin', 'reports', 'annual', { year: DEMO_REPORT_YEAR });
  await call('demo-admin', 'reports', 'saveInputs', {
    year: DEMO_REPORT_YEAR,
    version: draft.version,
    inputs: { licences: 1526, penalties: 84, enforcement: 9, feesWan: 36.5 },
    texts: { overview: draft.texts.drafts.overview, problems: draft.texts.drafts.problems, otherMatters: draft.texts.drafts.otherMatters },
  });
  await settleAsHistory(store, pendingBefore);
  await store.collection('meta').insert({ id: MARKER, at: new Date().toISOString() });
  return true;
}

async function pendingOutboxIds(store: Store): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const page = await store.collection('outbox').find({ where: { status: 'pending' }, orderBy: [['createdAt', 'asc']], limit: 500, cursor });
    for (const row of page.items) ids.add(row.id);
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/**
 * The functions enqueued a message for every step of the past year (hundreds of
 * bulletins, the demo applicants' replies). That year is history: what it would
 * have announced went out then, to the subscribers of then. Without this, every
 * demo subscriber would find some 300 stale bulletins in 消息 and WeChat would
 * send them — the ordinary seed does not announce its past publications either.
 */
async function settleAsHistory(store: Store, pendingBefore: Set<string>): Promise<void> {
  const outbox = store.collection('outbox');
  for (const id of await pendingOutboxIds(store)) {
    if (pendingBefore.has(id)) continue;
    const row = await outbox.get(id);
    if (row?.status === 'pending') await outbox.update(id, row.version, { status: 'done', updatedAt: row.createdAt });
  }
}

function shift(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
