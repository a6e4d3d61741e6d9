import { DEMO_FILE_IDS } from '../../server/demo-files';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import type { UploadedAttachment } from '../../shared/files/attachment-files';
import { startLocalCloud, type LocalCloud } from '../../server/local-cloud';
import { application } from '../support/request-factories';

/**
 * Attachments in the local cloud over real HTTP: who may upload, what is
 * accepted (by content, not by name), how big, where it lands, and how it is
 * served back. node:http so Host, Origin and Content-Length are exactly as given.
 */
let dataDir: string;
let cloud: LocalCloud;
let port: number;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sg-uploads-'));
  cloud = await startLocalCloud({ dataDir, log: silentLogger, dispatchIntervalMs: false, now: () => new Date('2026-11-25T02:00:00Z') });
  await new Promise<void>((resolve) => cloud.server.listen(0, '127.0.0.1', resolve));
  port = (cloud.server.address() as AddressInfo).port;
});

afterEach(async () => {
  await cloud.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json(): any;
}

/** Sends `body` in the chunks given (a lone Buffer is one chunk) and resolves with the answer, even if the server stops reading early. */
function send(method: string, path: string, headers: Record<string, string>, body: Buffer | Buffer[] = []): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const all = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: all, json: () => JSON.parse(all.toString('utf8')) });
      });
    });
    req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'EPIPE' || (error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
    for (const chunk of Array.isArray(body) ? body : [body]) req.write(chunk);
    req.end();
  });
}

async function sessionOf(openid: string): Promise<string> {
  const res = await send('POST', '/dev/sign-in', { 'content-type': 'application/json' }, Buffer.from(JSON.stringify({ openid })));
  expect(res.status).toBe(200);
  return (res.json().data as { token: string }).token;
}

const OCTETS = { 'content-type': 'application/octet-stream' };
const upload = (name: string, bytes: Buffer, headers: Record<string, string> = {}) =>
  send('POST', '/files', { ...OCTETS, 'x-file-name': encodeURIComponent(name), 'content-length': String(bytes.length), ...headers }, bytes);

/** Small but real files: each starts the way its format does. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0)]);
const zipWith = (part: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(part), Buffer.alloc(16)]);

// The demo data folder holds the demo guides' 示范文本 (server/demo-files.ts): only uploads count here.
const storedFiles = () => readdirSync(join(dataDir, 'files')).filter((f) => !DEMO_FILE_IDS.includes(f));
const fileCount = async () => (await cloud.store.collection('files').count()) - DEMO_FILE_IDS.length;

test('a clerk uploads a PDF: kept under the data folder by a server-chosen id, recorded, and served back byte for byte', async () => {
  const token = await sessionOf('demo-editor');
  const res = await upload('关于停水的通知 (第2号).pdf', PDF, { 'x-dev-session': token });
  expect(res.status).toBe(200);
  const file = res.json().data as UploadedAttachment;
  expect(file).toMatchObject({ name: '关于停水的通知 (第2号).pdf', sizeBytes: PDF.length, contentType: 'application/pdf' });
  expect(file.url).toBe(`/files/${file.id}`);
  expect(file.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  expect(storedFiles()).toEqual([file.id]);
  expect(readFileSync(join(dataDir, 'files', file.id))).toEqual(PDF);

  const record = await cloud.store.collection('files').get(file.id);
  expect(record).toMatchObject({ name: file.name, contentType: 'application/pdf', sizeBytes: PDF.length, uploadedBy: 'demo-editor', createdAt: '2026-11-25T02:00:00.000Z' });
  expect(record!.sha256).toBe(require('node:crypto').createHash('sha256').update(PDF).digest('hex'));
  const events = await cloud.store.collection('events').find({ where: { subjectId: file.id }, orderBy: [['at', 'asc']], limit: 5 });
  expect(events.items).toEqual([expect.objectContaining({ subjectType: 'file', action: 'uploaded', actor: 'demo-editor', detail: file.name })]);

  // Staff read it back (until a published notice carries it, nobody else may: attachment-access.test.ts),
  // with the type decided at upload and the name in UTF-8.
  const got = await send('GET', file.url, { 'x-dev-session': token });
  expect(got.status).toBe(200);
  expect(got.body).toEqual(PDF);
  expect(got.headers['content-type']).toBe('application/pdf');
  expect(got.headers['x-content-type-options']).toBe('nosniff');
  expect(got.headers['content-length']).toBe(String(PDF.length));
  expect(got.headers['content-disposition']).toBe(
    `inline; filename="_______ (_2_).pdf"; filename*=UTF-8''${encodeURIComponent('关于停水的通知 ')}%28${encodeURIComponent('第2号')}%29.pdf`,
  );
  const head = await send('HEAD', file.url, { 'x-dev-session': token });
  expect(head.status).toBe(200);
  expect(head.body.length).toBe(0);
});

test('office files are offered for saving; a handler may upload too', async () => {
  const token = await sessionOf('demo-clerk');
  const xlsx = zipWith('xl/workbook.xml');
  const res = await upload('答复附件.xlsx', xlsx, { 'x-dev-session': token });
  expect(res.status).toBe(200);
  const got = await send('GET', res.json().data.url, { 'x-dev-session': token });
  expect(got.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(got.headers['content-disposition']).toMatch(/^attachment; filename="____.xlsx"; filename\*=UTF-8''%E7%AD%94%E5%A4%8D%E9%99%84%E4%BB%B6\.xlsx$/);
  expect(got.body).toEqual(xlsx);
});

test('the type is decided by the content: a file dressed up with another extension is refused, and nothing is kept', async () => {
  const token = await sessionOf('demo-editor');
  const cases: Array<[string, Buffer, RegExp]> = [
    ['照片.pdf', PNG, /与扩展名“\.pdf”不符/],
    ['安装包.pdf', EXE, /与扩展名“\.pdf”不符/],
    ['表格.docx', zipWith('xl/workbook.xml'), /与扩展名“\.docx”不符/],
    ['文件.docx', zipWith('evil/payload.bin'), /与扩展名“\.docx”不符/],
    ['setup.exe', EXE, /不支持“\.exe”文件/],
    ['page.html', Buffer.from('<script>alert(1)</script>'), /不支持“\.html”文件/],
    ['没有扩展名', PDF, /不支持没有扩展名的文件/],
  ];
  for (const [name, bytes, message] of cases) {
    const res = await upload(name, bytes, { 'x-dev-session': token });
    expect([name, res.status]).toEqual([name, 415]);
    expect(res.json()).toMatchObject({ ok: false, code: 'FILE_TYPE_NOT_ALLOWED', message: expect.stringMatching(message) });
  }
  const empty = await upload('空.pdf', Buffer.alloc(0), { 'x-dev-session': token });
  expect(empty.json()).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: '文件是空的，请重新选择' });
  expect(storedFiles()).toEqual([]);
  expect(await fileCount()).toBe(0);
});

test('too big: refused on the declared length before the body is read, and when an undeclared body grows past 20 MB', async () => {
  const token = await sessionOf('demo-editor');
  // Declares 25 MB but sends 1 KB: the answer comes at once, so nothing waited for the rest.
  const declared = await send('POST', '/files', { ...OCTETS, 'x-file-name': 'big.pdf', 'x-dev-session': token, 'content-length': String(25 * 1024 * 1024) }, PDF);
  expect(declared.status).toBe(413);
  expect(declared.json()).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE', message: '附件不能超过 20 MB，请压缩或拆分后再上传' });
  expect(declared.headers.connection).toBe('close');

  // Chunked, no length: counted as it arrives, refused once past the limit.
  const chunks = [PDF, ...Array.from({ length: 21 }, () => Buffer.alloc(1024 * 1024, 0x20))];
  const streamed = await send('POST', '/files', { ...OCTETS, 'x-file-name': 'big.pdf', 'x-dev-session': token, 'transfer-encoding': 'chunked' }, chunks);
  expect(streamed.status).toBe(413);
  expect(streamed.json().code).toBe('FILE_TOO_LARGE');
  expect(storedFiles()).toEqual([]);
  expect(await fileCount()).toBe(0);
});

test('only signed-in publishers and handlers may upload documents, decided on the server; anyone signed in a photo', async () => {
  const anonymous = await upload('a.pdf', PDF);
  expect([anonymous.status, anonymous.json().code]).toEqual([401, 'UNAUTHENTICATED']);
  expect((await upload('a.png', PNG)).status).toBe(401);
  const forged = await upload('a.pdf', PDF, { 'x-dev-session': (await sessionOf('demo-rater')).replace('demo-rater', 'demo-editor') });
  expect([forged.status, forged.json().code]).toEqual([401, 'UNAUTHENTICATED']);
  for (const openid of ['resident-zhang', 'demo-rater']) {
    const res = await upload('a.pdf', PDF, { 'x-dev-session': await sessionOf(openid) });
    expect([openid, res.status, res.json().code]).toEqual([openid, 403, 'FORBIDDEN']);
    expect(res.json().message).toBe('咨询、投诉只能附上图片（PNG、JPEG）；其他附件只有信息发布和申请办理人员，或正在补正申请的申请人，可以上传');
  }
  // A client's claim about itself counts for nothing.
  const claimed = await upload('a.pdf', PDF, { 'x-dev-session': await sessionOf('resident-zhang'), 'x-staff-role': 'admin' });
  expect(claimed.status).toBe(403);
  // A document named as a photo is caught by its bytes.
  const disguised = await upload('a.png', PDF, { 'x-dev-session': await sessionOf('resident-zhang') });
  expect([disguised.status, disguised.json().code]).toEqual([415, 'FILE_TYPE_NOT_ALLOWED']);
  expect(await fileCount()).toBe(0);
  // A photo for a question or complaint: any signed-in resident.
  const photo = await upload('积水.png', PNG, { 'x-dev-session': await sessionOf('resident-zhang') });
  expect(photo.status).toBe(200);
  expect(await fileCount()).toBe(1);
});

test('the same Host and Origin rules as function calls, and no cross-site form can post a file', async () => {
  const headers = { 'x-dev-session': await sessionOf('demo-admin') };
  const evilOrigin = await upload('a.pdf', PDF, { ...headers, origin: 'http://evil.example' });
  expect([evilOrigin.status, evilOrigin.json().code]).toEqual([403, 'FORBIDDEN']);
  expect(evilOrigin.headers.connection).toBe('close'); // its body is not read
  const otherPort = await upload('a.pdf', PDF, { ...headers, origin: `http://127.0.0.1:${port + 1}` });
  expect(otherPort.status).toBe(403);
  const rebound = await upload('a.pdf', PDF, { ...headers, host: `evil.example:${port}` });
  expect(rebound.status).toBe(403);
  for (const type of ['multipart/form-data; boundary=x', 'text/plain', 'application/x-www-form-urlencoded', 'application/json']) {
    const res = await upload('a.pdf', PDF, { ...headers, 'content-type': type });
    expect([type, res.status]).toEqual([type, 400]);
  }
  const sameOrigin = await upload('a.pdf', PDF, { ...headers, origin: `http://127.0.0.1:${port}` });
  expect(sameOrigin.status).toBe(200);
  expect(await fileCount()).toBe(1);
});

test('no traversal: the client names nothing on disk, and only a server-chosen id is served', async () => {
  const token = await sessionOf('demo-editor');
  const res = await upload('../../../../tmp/evil.pdf', PDF, { 'x-dev-session': token });
  expect(res.status).toBe(200);
  const file = res.json().data as UploadedAttachment;
  expect(file.name).toBe('evil.pdf');
  expect(storedFiles()).toEqual([file.id]);
  expect(existsSync(join(dataDir, 'evil.pdf'))).toBe(false);
  const windowsPath = await upload('..\\..\\secret\\名单.docx', zipWith('word/document.xml'), { 'x-dev-session': token });
  expect(windowsPath.json().data.name).toBe('名单.docx');

  for (const path of [
    '/files/../sunshine.sqlite',
    '/files/..%2Fsunshine.sqlite',
    '/files/%2e%2e%2fdev-session.secret',
    `/files/${file.id}/../../dev-session.secret`,
    '/files/dev-session.secret',
    `/files/${file.id}.part`,
    '/files/',
  ]) {
    const got = await send('GET', path, {});
    expect([path, got.status]).toEqual([path, 404]);
    expect(got.body.toString('utf8')).not.toContain('SQLite');
  }
  const unknown = await send('GET', '/files/AAAAAAAAAAAAAAAAAAAAAA', {});
  expect([unknown.status, unknown.json().code]).toEqual([404, 'FILE_NOT_FOUND']);
  const badName = await send('POST', '/files', { ...OCTETS, 'x-dev-session': token, 'x-file-name': '%E0%A4%A.pdf' }, PDF);
  expect(badName.json()).toMatchObject({ code: 'BAD_REQUEST', message: '文件名格式不正确' });
});

test('a resident may upload while one of their requests awaits a supplement (Art. 30), and attach that file to it; not before, not after', async () => {
  const api = async (openid: string, fn: string, action: string, data: object) => {
    const res = await send('POST', `/api/${fn}`, { 'content-type': 'application/json', 'x-dev-session': await sessionOf(openid) }, Buffer.from(JSON.stringify({ action, data })));
    return res.json();
  };
  const resident = { 'x-dev-session': await sessionOf('resident-up') };
  const submitted = (await api('resident-up', 'requests', 'submit', application())).data;
  expect((await upload('地块图.pdf', PDF, resident)).status).toBe(403); // nothing asked of them yet
  const registered = (await api('demo-clerk', 'requests', 'register', { id: submitted.id, version: submitted.version })).data;
  const asked = (await api('demo-clerk', 'requests', 'askSupplement', { id: registered.id, version: registered.version, items: ['请附上地块图'], workingDays: 10 })).data;

  const res = await upload('地块图.pdf', PDF, resident);
  expect(res.status).toBe(200);
  const file = res.json().data as UploadedAttachment;
  const given = await api('resident-up', 'requests', 'supplement', { id: asked.id, version: asked.version, text: '地块图见附件。', attachments: [{ name: file.name, url: file.url, sizeBytes: file.sizeBytes }] });
  expect(given).toMatchObject({ ok: true, data: { supplement: { answer: { attachments: [{ url: file.url }] } } } });
  // The clerk and the applicant can fetch it; the supplement given, the resident may upload no more.
  for (const openid of ['demo-clerk', 'resident-up']) expect((await send('GET', file.url, { 'x-dev-session': await sessionOf(openid) })).status).toBe(200);
  expect((await upload('又一个.pdf', PDF, resident)).status).toBe(403);
});
