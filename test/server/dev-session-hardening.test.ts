import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { startLocalCloud, type LocalCloud } from '../../server/local-cloud';

/**
 * The local cloud's dev session and request checks, over raw HTTP
 * (node:http sends the path, Host and Origin exactly as given; fetch would
 * normalise the path and refuses to set Host).
 */
let dataDir: string;
let cloud: LocalCloud;
let port: number;
const clock = { now: new Date('2026-11-25T02:00:00Z') };

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): any;
}

function raw(method: string, path: string, options: { headers?: Record<string, string>; body?: string; host?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: { host: options.host ?? `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };
const post = (path: string, body: unknown, headers: Record<string, string> = {}, host?: string) =>
  raw('POST', path, { headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify(body), host });
const whoami = async (headers: Record<string, string>) => (await post('/api/session', { action: 'whoami' }, headers)).json().data.openid;

async function start(): Promise<void> {
  cloud = await startLocalCloud({ dataDir, staticDir: join(dataDir, 'h5'), log: silentLogger, now: () => clock.now });
  await new Promise<void>((resolve) => cloud.server.listen(0, '127.0.0.1', resolve));
  port = (cloud.server.address() as AddressInfo).port;
}

async function signIn(openid: string, headers: Record<string, string> = {}): Promise<{ cookie: string; token: string }> {
  const res = await post('/dev/sign-in', { openid }, headers);
  expect(res.status).toBe(200);
  const setCookie = res.headers['set-cookie'] as string[];
  return { cookie: setCookie[0].split(';')[0], token: res.json().data.token };
}

beforeEach(async () => {
  clock.now = new Date('2026-11-25T02:00:00Z');
  dataDir = mkdtempSync(join(tmpdir(), 'sg-dev-session-'));
  // The app folder inside the data folder: a traversal out of it lands on the secret.
  mkdirSync(join(dataDir, 'h5'));
  writeFileSync(join(dataDir, 'h5', 'index.html'), '<div id="app"></div>');
});

afterEach(async () => {
  await cloud?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('with a running local cloud', () => {
  beforeEach(start);

  test('an unreadable cookie or token is simply not signed in, never a 500', async () => {
    const unreadable: Array<Record<string, string>> = [
      { cookie: 'sg_session=%E0%A4%A' },
      { cookie: 'sg_session=%' },
      { cookie: 'sg_session=a.b.c.d' },
      { 'x-dev-session': '....' },
      { 'x-dev-session': 'demo-admin' },
      { 'x-dev-session': `demo-admin.${'9'.repeat(12)}.${'A'.repeat(22)}.${'B'.repeat(43)}` },
    ];
    for (const headers of unreadable) {
      const res = await post('/api/session', { action: 'whoami' }, headers);
      expect(res.status).toBe(200);
      expect(res.json().data).toMatchObject({ openid: null, isStaff: false });
    }
  });

  test('only 127.0.0.1 or localhost with this port is answered (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, `localhost`, `127.0.0.1.evil.example:${port}`]) {
      const signInRes = await post('/dev/sign-in', { openid: 'demo-admin' }, {}, host);
      expect(signInRes.status).toBe(403);
      expect(signInRes.headers['set-cookie']).toBeUndefined();
      expect((await post('/api/session', { action: 'whoami' }, {}, host)).status).toBe(403);
      expect((await raw('GET', '/', { host })).status).toBe(403);
    }
    expect((await post('/dev/sign-in', { openid: 'demo-admin' }, {}, `localhost:${port}`)).status).toBe(200);
    expect((await raw('GET', '/', { host: `LOCALHOST:${port}` })).status).toBe(200);
  });

  test('every POST must be application/json: a cross-site form cannot sign anyone in or call a function', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', '']) {
      const headers: Record<string, string> = type ? { 'content-type': type } : {};
      const signInRes = await raw('POST', '/dev/sign-in', { headers, body: '{"openid":"demo-admin"}' });
      expect(signInRes.status).toBe(400);
      expect(signInRes.headers['set-cookie']).toBeUndefined();
      expect(signInRes.json()).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      expect((await raw('POST', '/api/session', { headers, body: '{"action":"whoami"}' })).status).toBe(400);
      expect((await raw('POST', '/dev/sign-out', { headers, body: '{}' })).status).toBe(400);
    }
    expect((await raw('POST', '/dev/sign-in', { headers: { 'content-type': 'Application/JSON; charset=utf-8' }, body: '{"openid":"demo-admin"}' })).status).toBe(200);
  });

  test('an Origin, when sent, must be this very origin', async () => {
    for (const origin of [`http://127.0.0.1:${port + 1}`, 'http://evil.example', 'null', `https://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const res = await post('/dev/sign-in', { openid: 'demo-admin' }, { origin });
      expect(res.status).toBe(403);
      expect(res.json()).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await post('/dev/sign-in', { openid: 'demo-admin' }, { origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    expect((await post('/dev/sign-in', { openid: 'demo-admin' }, { origin: `http://localhost:${port}` }, `localhost:${port}`)).status).toBe(200);
  });

  test('a token expires', async () => {
    const { cookie, token } = await signIn('demo-editor');
    expect(await whoami({ cookie })).toBe('demo-editor');
    clock.now = new Date(clock.now.getTime() + 11 * 3600_000);
    expect(await whoami({ 'x-dev-session': token })).toBe('demo-editor');
    clock.now = new Date(clock.now.getTime() + 2 * 3600_000);
    expect(await whoami({ cookie })).toBeNull();
    expect(await whoami({ 'x-dev-session': token })).toBeNull();
  });

  test('signing out ends the session for every copy of the token, also after a restart', async () => {
    const first = await signIn('demo-editor');
    const other = await signIn('demo-editor');
    const out = await post('/dev/sign-out', {}, { cookie: first.cookie });
    expect(out.status).toBe(200);
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    expect(await whoami({ cookie: first.cookie })).toBeNull();
    expect(await whoami({ 'x-dev-session': first.token })).toBeNull();
    // Another sign-in (another device) is its own session.
    expect(await whoami({ 'x-dev-session': other.token })).toBe('demo-editor');
    await post('/dev/sign-out', {}, { 'x-dev-session': other.token });
    expect(await whoami({ 'x-dev-session': other.token })).toBeNull();
    await cloud.close();
    await start();
    expect(await whoami({ cookie: first.cookie })).toBeNull();
    expect(await whoami({ 'x-dev-session': other.token })).toBeNull();
  });

  test('a path nobody serves is NOT_FOUND, not UNKNOWN_FUNCTION', async () => {
    const res = await raw('GET', '/no-such-page.html');
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '页面不存在' });
    expect((await post('/api/no-such-function', { action: 'x' })).json()).toMatchObject({ code: 'UNKNOWN_FUNCTION' });
  });

  test('static files never escape the app folder, even where a traversal would find the secret', async () => {
    const secret = readFileSync(join(dataDir, 'dev-session.secret'), 'utf8').trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const attacks = [
      '/../dev-session.secret',
      '/h5/../../dev-session.secret',
      '/%2e%2e/dev-session.secret',
      '/%2E%2E%2Fdev-session.secret',
      '/..%2fdev-session.secret',
      '/..%5cdev-session.secret',
      '/..\\dev-session.secret',
      '/./../dev-session.secret',
      '/%2e%2e%2f%2e%2e%2fdev-session.secret',
      '//../dev-session.secret',
      '/../sunshine.sqlite',
      '/%252e%252e/dev-session.secret',
      '/%E0%A4%A',
    ];
    for (const path of attacks) {
      const res = await raw('GET', path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.text).not.toContain(secret);
      expect(res.text).not.toContain('SQLite format');
    }
  });
});

describe('the secret file', () => {
  const forged = (key: Buffer, openid: string) => {
    const payload = `${openid}.${Math.floor(clock.now.getTime() / 1000) + 3600}.${randomBytes(16).toString('base64url')}`;
    return [
      `${openid}.${createHmac('sha256', key).update(openid).digest('base64url')}`,
      `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`,
    ];
  };

  test.each([
    ['empty', ''],
    ['blank lines', '\n\n'],
    ['not hex', 'zz'.repeat(32)],
    ['too short', 'ab'],
  ])('%s: a new secret is made, and tokens signed with an empty or guessed key are refused', async (_label, contents) => {
    writeFileSync(join(dataDir, 'dev-session.secret'), contents);
    await start();
    const secret = readFileSync(join(dataDir, 'dev-session.secret'), 'utf8').trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    for (const key of [Buffer.alloc(0), Buffer.from(contents.trim(), 'hex')]) {
      for (const token of forged(key, 'demo-admin')) expect(await whoami({ 'x-dev-session': token })).toBeNull();
    }
    const { token } = await signIn('demo-clerk');
    expect(await whoami({ 'x-dev-session': token })).toBe('demo-clerk');
  });

  test('a good secret is kept, so sessions survive a restart', async () => {
    await start();
    const { token } = await signIn('demo-clerk');
    const before = readFileSync(join(dataDir, 'dev-session.secret'), 'utf8');
    await cloud.close();
    await start();
    expect(readFileSync(join(dataDir, 'dev-session.secret'), 'utf8')).toBe(before);
    expect(await whoami({ 'x-dev-session': token })).toBe('demo-clerk');
  });
});
