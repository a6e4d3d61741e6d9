// The load generator of `npm run bench:load`: closed-loop virtual clients over keep-alive HTTP, each
// sending its next call as soon as the last is answered (as autocannon does), but recording every
// call's latency under its kind, so one run prints p50/p99 per action kind and per group.
import { Agent, request } from 'node:http';

export type Group = 'read' | 'write' | 'staff';

/** One call as the driver sends it: `POST path` with a JSON body, as `token`'s holder (null: anonymous). */
export interface Call {
  path: string;
  body: unknown;
  token: string | null;
}

/** A kind of call in a mix: its weight, and how to make the next one. `then` follows up on the answer (a reply after opening the request). */
export interface Kind {
  name: string;
  group: Group;
  weight: number;
  next(): Call;
  then?: { name: string; make(answer: any): Call | null };
}

export interface KindFigures {
  name: string;
  group: Group;
  count: number;
  p50: number;
  p99: number;
  errors: number;
  /** The first few refusals, for diagnosis: `CODE` or the network error. */
  samples: string[];
}

export interface StepFigures {
  clients: number;
  seconds: number;
  rps: number;
  errors: number;
  kinds: KindFigures[];
  groups: Record<Group, { count: number; p50: number; p99: number; errors: number }>;
}

interface Recorder {
  latencies: number[];
  errors: number;
  samples: string[];
  group: Group;
}

function post(agent: Agent, port: number, call: Call): Promise<{ ok: boolean; status: number; body: any }> {
  const payload = Buffer.from(JSON.stringify(call.body));
  const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(payload.length) };
  if (call.token) headers['x-dev-session'] = call.token;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: call.path, method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        let body: any = null;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          /* not JSON: counted as an error below */
        }
        resolve({ ok: res.statusCode === 200 && body?.ok === true, status: res.statusCode ?? 0, body });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0);
const round = (ms: number) => Math.round(ms * 10) / 10;

/** Drives `kinds` (picked at random by weight) from `clients` connections for `seconds`. */
export async function drive(port: number, kinds: Kind[], clients: number, seconds: number): Promise<StepFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const total = kinds.reduce((sum, k) => sum + k.weight, 0);
  const recorders = new Map<string, Recorder>();
  const recorder = (name: string, group: Group) => {
    let r = recorders.get(name);
    if (!r) recorders.set(name, (r = { latencies: [], errors: 0, samples: [], group }));
    return r;
  };
  for (const k of kinds) {
    recorder(k.name, k.group);
    if (k.then) recorder(k.then.name, k.group);
  }
  const pick = () => {
    let x = Math.random() * total;
    for (const k of kinds) if ((x -= k.weight) < 0) return k;
    return kinds[kinds.length - 1];
  };
  const timed = async (name: string, group: Group, call: Call): Promise<any> => {
    const r = recorder(name, group);
    const started = process.hrtime.bigint();
    try {
      const answer = await post(agent, port, call);
      r.latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (answer.ok) return answer.body.data;
      r.errors++;
      if (r.samples.length < 3) r.samples.push(`${answer.status} ${answer.body?.code ?? ''}`);
    } catch (error) {
      r.latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      r.errors++;
      if (r.samples.length < 3) r.samples.push(String((error as Error).message ?? error));
    }
    return null;
  };
  const until = Date.now() + seconds * 1000;
  const started = Date.now();
  const client = async () => {
    while (Date.now() < until) {
      const kind = pick();
      const data = await timed(kind.name, kind.group, kind.next());
      if (kind.then && data && Date.now() < until) {
        const follow = kind.then.make(data);
        if (follow) await timed(kind.then.name, kind.group, follow);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (Date.now() - started) / 1000;
  agent.destroy();

  const kindsOut: KindFigures[] = [];
  const byGroup: Record<Group, number[]> = { read: [], write: [], staff: [] };
  const groupErrors: Record<Group, number> = { read: 0, write: 0, staff: 0 };
  for (const [name, r] of recorders) {
    const sorted = [...r.latencies].sort((a, b) => a - b);
    kindsOut.push({ name, group: r.group, count: sorted.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), errors: r.errors, samples: r.samples });
    byGroup[r.group].push(...r.latencies);
    groupErrors[r.group] += r.errors;
  }
  const groups = {} as StepFigures['groups'];
  for (const g of ['read', 'write', 'staff'] as const) {
    const sorted = byGroup[g].sort((a, b) => a - b);
    groups[g] = { count: sorted.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), errors: groupErrors[g] };
  }
  const count = kindsOut.reduce((s, k) => s + k.count, 0);
  return { clients, seconds: elapsed, rps: count / elapsed, errors: kindsOut.reduce((s, k) => s + k.errors, 0), kinds: kindsOut, groups };
}
