// The mix `npm run bench:load` drives (bench/load.ts): what a bureau's morning looks like in calls.
// 85 % reads (notices list and detail, guides, search, rating figures, the disclosure guide), 10 %
// resident writes (submit a request, rate a window, comment on a consultation, ask a question), 5 %
// staff work (the clerk's queue; open a request and reply to it; the inquiry queue). Residents take
// turns, so no one passes an abuse limit: the bench measures serving, not refusing.
// test/server/bench-load-mix.test.ts sends every kind once and expects it answered, so the mix does
// not quietly measure refusals after the contract moves on.
import { beijingToday } from '../shared/time/beijing-time';
import { benchNoticeId, benchNoticeKind, benchRequestId, benchRequestOpen, SEARCHES } from './bench-data';
import type { Call, Kind } from './load-driver';

/** What the loaded data folder holds, for the mix to pick from. */
export interface LoadSize {
  notices: number;
  requests: number;
  residents: number;
}

async function api(base: string, path: string, body: unknown, token: string | null = null): Promise<any> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers['x-dev-session'] = token;
  const res = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const answer = (await res.json()) as any;
  if (!answer.ok) throw new Error(`${path} ${JSON.stringify(body).slice(0, 80)}: ${answer.code}`);
  return answer.data;
}

const signIn = async (base: string, openid: string): Promise<string> => (await api(base, '/dev/sign-in', { openid })).token;

/** Takes turns through a list: the n-th call of a kind goes to the n-th resident, so none passes a limit. */
export const turns = <T>(list: T[]) => {
  let n = 0;
  return () => list[n++ % list.length];
};
export const any = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];

export interface World {
  size: LoadSize;
  residents: string[];
  clerk: string;
  guides: string[];
  consultationId: string;
  windows: Array<{ id: string }>;
  openRequests: string[];
}

/** Signs the residents and the clerk in and finds what the mix refers to: guides, the open consultation, windows, open requests. */
export async function prepare(base: string, size: LoadSize): Promise<World> {
  const residents: string[] = [];
  for (let i = 0; i < size.residents; i += 25) residents.push(...(await Promise.all(Array.from({ length: Math.min(25, size.residents - i) }, (_, j) => signIn(base, `load-resident-${i + j}`)))));
  const clerk = await signIn(base, 'demo-clerk');
  const guides = (await api(base, '/api/notices', { action: 'list', data: { kind: 'guide', limit: 20 } })).items.map((n: { id: string }) => n.id);
  const today = beijingToday(new Date());
  const consultations = (await api(base, '/api/notices', { action: 'list', data: { kind: 'consultation', limit: 20 } })).items as Array<{ id: string; period?: { end: string } }>;
  const open = consultations.find((c) => c.period && c.period.end >= today);
  if (!open) throw new Error('no consultation open for comments in the demo data');
  const windows = (await api(base, '/api/windows', { action: 'list', data: {} })) as Array<{ id: string }>;
  const openRequests = Array.from({ length: size.requests }, (_, i) => i).filter(benchRequestOpen).map(benchRequestId);
  return { size, residents, clerk, guides, consultationId: open.id, windows, openRequests };
}

export const notices = (data: unknown, token: string | null = null): Call => ({ path: '/api/notices', body: data, token });

/** The read part of the mix (85 of 100). Residents read signed in: searches are limited per caller. */
export function reads(w: World): Kind[] {
  const reader = turns(w.residents);
  const kinds = ['announcement', 'policy', 'publicity', 'consultation'];
  let searches = 0;
  return [
    { name: 'notices.list', group: 'read', weight: 25, next: () => notices({ action: 'list', data: { kind: any(kinds), limit: 20 } }) },
    {
      name: 'notices.get',
      group: 'read',
      weight: 20,
      next: () => {
        let i = Math.floor(Math.random() * w.size.notices);
        while (benchNoticeKind(i) === 'guide') i = (i + 1) % w.size.notices;
        return notices({ action: 'get', data: { id: benchNoticeId(i) } });
      },
    },
    { name: 'guides (list)', group: 'read', weight: 5, next: () => notices({ action: 'list', data: { kind: 'guide', limit: 20 } }) },
    { name: 'guides (get)', group: 'read', weight: 5, next: () => notices({ action: 'get', data: { id: any(w.guides) } }) },
    // Most searches are the popular ones; one in four is new.
    { name: 'notices.search', group: 'read', weight: 15, next: () => notices({ action: 'search', data: { q: searches++ % 4 === 3 ? `第${searches % w.size.notices}号 ${any(SEARCHES)}` : any(SEARCHES), limit: 20 } }, reader()) },
    { name: 'ratings.stats', group: 'read', weight: 10, next: () => ({ path: '/api/ratings', body: { action: 'stats', data: Math.random() < 0.5 ? {} : { windowId: any(w.windows).id } }, token: null }) },
    { name: 'guide.get', group: 'read', weight: 5, next: () => ({ path: '/api/guide', body: { action: 'get', data: {} }, token: null }) },
  ];
}

/** Resident writes (10 of 100), each kind taking turns through the residents. */
export function writes(w: World): Kind[] {
  const submitter = turns(w.residents);
  const rater = turns(w.residents);
  const commenter = turns(w.residents);
  const asker = turns(w.residents);
  let n = 0;
  const key = (what: string) => `load-${what}-${process.pid}-${(n++).toString(36)}`;
  let rating = 0;
  return [
    {
      name: 'requests.submit',
      group: 'write',
      weight: 4,
      next: () => ({
        path: '/api/requests',
        token: submitter(),
        body: {
          action: 'submit',
          data: {
            idempotencyKey: key('submit'),
            applicant: { type: 'person', name: '陈晓明', idType: 'residentId', idNumber: '330106199003071236', phone: '13812345678' },
            information: { description: '请公开本小区 2025 年度老旧小区改造项目的招标文件和中标结果。', title: '老旧小区改造项目招标文件' },
            form: 'electronic',
            delivery: 'inApp',
          },
        },
      }),
    },
    {
      name: 'ratings.submit',
      group: 'write',
      weight: 3,
      // One rating per resident, window and day: the k-th rating is resident k's, on the next window after each round.
      next: () => {
        const k = rating++;
        return { path: '/api/ratings', token: rater(), body: { action: 'submit', data: { windowId: w.windows[Math.floor(k / w.residents.length) % w.windows.length].id, level: 'verySatisfied', tags: ['服务态度好'] } } };
      },
    },
    { name: 'notices.comment', group: 'write', weight: 2, next: () => notices({ action: 'comment', data: { id: w.consultationId, text: '建议优先为老年住户多的小区加装电梯。' } }, commenter()) },
    {
      name: 'inquiries.ask',
      group: 'write',
      weight: 1,
      next: () => ({ path: '/api/inquiries', token: asker(), body: { action: 'ask', data: { idempotencyKey: key('ask'), kind: 'inquiry', topic: '户籍', departmentId: 'office', text: '新生儿落户需要哪些材料？' } } }),
    },
  ];
}

/** Staff work (5 of 100): the clerk's queue, opening a request and replying to it, the inquiry queue. */
export function staffWork(w: World): Kind[] {
  const nextOpen = turns(w.openRequests);
  return [
    { name: 'requests.queue', group: 'staff', weight: 2, next: () => ({ path: '/api/requests', token: w.clerk, body: { action: 'queue', data: { limit: 20 } } }) },
    {
      name: 'requests.manageGet',
      group: 'staff',
      weight: 2,
      next: () => ({ path: '/api/requests', token: w.clerk, body: { action: 'manageGet', data: { id: nextOpen() } } }),
      then: {
        name: 'requests.reply',
        make: (request: { id: string; version: number; status: string }) =>
          request.status === 'registered' || request.status === 'extended'
            ? { path: '/api/requests', token: w.clerk, body: { action: 'reply', data: { id: request.id, version: request.version, category: 'disclosed', text: '经查，所申请信息予以公开。', attachments: [] } } }
            : null,
      },
    },
    { name: 'inquiries.queue', group: 'staff', weight: 1, next: () => ({ path: '/api/inquiries', token: w.clerk, body: { action: 'queue', data: {} } }) },
  ];
}

/** The whole mix: 85 reads, 10 resident writes, 5 staff calls in every 100. */
export const mixOf = (w: World): Kind[] => [...reads(w), ...writes(w), ...staffWork(w)];

/** The notice list alone, as the floor server answers it too. */
export const listOnly: Kind[] = [{ name: 'notices.list', group: 'read', weight: 1, next: () => notices({ action: 'list', data: { kind: 'announcement', limit: 20 } }) }];

/** The clerk's queue alone. */
export const queueOnly = (w: World): Kind[] => [{ name: 'requests.queue', group: 'staff', weight: 1, next: () => ({ path: '/api/requests', token: w.clerk, body: { action: 'queue', data: { limit: 20 } } }) }];
