import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { readPdf } from '../support/pdf-text';
import { application, organisationApplication } from '../support/request-factories';
import { sealPngBase64 } from '../support/seal-png';
import { chineseDate } from '../../shared/requests/letter-layout';

/**
 * The letters as the bureau's documents: `requests.letterPdf` draws a letter as a PDF (for its
 * applicant and for the staff who may handle the request, nobody else), laid out with its 文号,
 * addressee, dates in Chinese and — once an admin has uploaded one (`letterTemplates.saveSeal`) —
 * the bureau's seal. The PDF is read back with pdf.js, as a resident's viewer reads it.
 */
let cloud: CloudHarness;
beforeAll(async () => {
  cloud = await createCloudHarness();
});
afterAll(() => cloud.close());

const as = (openid: string | null, fn: string, action: string, data: unknown) => cloud.call(openid, fn, { action, data });

async function repliedRequest(input = application()): Promise<{ id: string; trackingNumber: string; on: string }> {
  const submitted = ok(await as('resident-a', 'requests', 'submit', input));
  const registered = ok(await as('demo-clerk', 'requests', 'register', { id: submitted.id, version: submitted.version }));
  const replied = ok(await as('demo-clerk', 'requests', 'reply', { id: registered.id, version: registered.version, category: 'partial', text: '招标文件予以公开，报价明细属于商业秘密，不予公开。' }));
  return { id: replied.id, trackingNumber: replied.trackingNumber, on: replied.reply.on };
}

const pdfOf = async (openid: string, id: string, letter = 0) => {
  const answer = ok(await as(openid, 'requests', 'letterPdf', { id, letter }));
  const bytes = Buffer.from(answer.pdfBase64, 'base64');
  expect(bytes.length).toBe(answer.bytes);
  return { answer, bytes, reading: readPdf(bytes) };
};

test('the applicant saves the reply letter as a PDF: its text reads back as the document, with no seal before one is uploaded', async () => {
  const request = await repliedRequest();
  const { answer, bytes, reading } = await pdfOf('resident-a', request.id);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const number = request.trackingNumber.replace(/〔(\d{4})〕(\d+)号$/, '〔$1〕第$2号');
  expect(answer.fileName).toBe(`政府信息公开申请答复告知书（${number}）.pdf`);
  // The font travels subset inside the file: a letter is tens of kilobytes, not the font's megabytes.
  expect(bytes.length).toBeLessThan(200 * 1024);

  const lines = reading.pages.flat();
  expect(lines.slice(0, 3)).toEqual(['政府信息公开申请答复告知书', number, '陈晓明：']);
  const text = lines.join('');
  expect(text).toContain('申请获取“');
  expect(text).toContain('招标文件予以公开，报价明细属于商业秘密，不予公开。');
  expect(text).toContain('行政复议');
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  expect(text).not.toContain('"');
  // The foot: the bureau's name over the date written in Chinese, and the page number.
  const last = reading.pages.at(-1)!;
  expect(last.slice(-3)).toEqual(['云溪区住房和城乡建设局', chineseDate(request.on), `— ${reading.pages.length} —`]);
  expect(reading.images).toEqual(reading.pages.map(() => 0));
  expect(reading.info).toMatchObject({ Title: `政府信息公开申请答复告知书 ${number}`, Author: '云溪区住房和城乡建设局', Language: 'zh-CN' });
});

test('the admin uploads the seal: letters carry it, on the page and in the PDF; taken down, they no longer do', async () => {
  const request = await repliedRequest();
  expect(ok(await as('resident-a', 'letterTemplates', 'seal', {}))).toMatchObject({ png: null, version: 0 });

  // Only an admin puts it up, only a PNG, within 40 KB; nothing is stored otherwise.
  const seal = sealPngBase64(120);
  expect(await as('demo-clerk', 'letterTemplates', 'saveSeal', { version: 0, png: seal })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]).toString('base64');
  expect(await as('demo-admin', 'letterTemplates', 'saveSeal', { version: 0, png: jpeg })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { png: '公章图片须为 PNG 格式（透明背景）' } });
  expect(await cloud.store.collection('meta').get('seal')).toBeNull();

  const saved = ok(await as('demo-admin', 'letterTemplates', 'saveSeal', { version: 0, png: seal }));
  expect(saved).toMatchObject({ png: seal, version: 1, updatedByName: '张敏' });
  expect(ok(await as('resident-b', 'letterTemplates', 'seal', {})).png).toBe(seal);
  const events = await cloud.store.collection('events').find({ where: { subjectType: 'letterTemplate', subjectId: 'seal' }, orderBy: [['at', 'asc']], limit: 5 });
  expect(events.items.map((e) => [e.action, e.actor])).toEqual([['sealSaved', 'demo-admin']]);

  const sealed = await pdfOf('resident-a', request.id);
  expect(sealed.reading.images.at(-1)).toBe(1);
  // The seal is over the foot, the text unchanged by it.
  expect(sealed.reading.pages.flat().slice(0, 3)).toEqual((await pdfOf('resident-a', request.id)).reading.pages.flat().slice(0, 3));

  // A stale version is refused; taking it down is one more change on the record.
  expect(await as('demo-admin', 'letterTemplates', 'saveSeal', { version: 0, png: null })).toMatchObject({ ok: false, code: 'VERSION_CONFLICT' });
  expect(ok(await as('demo-admin', 'letterTemplates', 'saveSeal', { version: 1, png: null }))).toMatchObject({ png: null, version: 2 });
  expect((await pdfOf('resident-a', request.id)).reading.images.at(-1)).toBe(0);
});

test('an organisation is addressed by its name and as 贵单位', async () => {
  const request = await repliedRequest(organisationApplication());
  const lines = (await pdfOf('resident-a', request.id)).reading.pages.flat();
  expect(lines[2]).toBe('云溪明理律师事务所：');
  expect(lines.join('')).toContain('收到贵单位提出的政府信息公开申请');
});

test('only the applicant and the staff who may handle the request have its letters: anyone else is told there is no such request', async () => {
  const request = await repliedRequest();
  // The clerk of the request's department saves it too (to print and post it).
  expect((await pdfOf('demo-clerk', request.id)).reading.pages.flat()[2]).toBe('陈晓明：');
  expect(await as('resident-b', 'requests', 'letterPdf', { id: request.id, letter: 0 })).toMatchObject({ ok: false, code: 'REQUEST_NOT_FOUND' });
  // A publisher is staff, but handles no requests.
  expect(await as('demo-editor', 'requests', 'letterPdf', { id: request.id, letter: 0 })).toMatchObject({ ok: false, code: 'REQUEST_NOT_FOUND' });
  expect(await as(null, 'requests', 'letterPdf', { id: request.id, letter: 0 })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  // A letter the request does not have.
  expect(await as('resident-a', 'requests', 'letterPdf', { id: request.id, letter: 3 })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '未找到该告知书' });
}, 30_000);
