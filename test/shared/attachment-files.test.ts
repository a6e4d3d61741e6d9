import { AttachmentSchema } from '../../shared/notices/notice-schema';
import { ReplySchema } from '../../shared/requests/request-schema';
import { ATTACHMENT_URL, checkAttachmentFile, cleanFileName, LOCAL_FILE_PATH, nameRefusal } from '../../shared/files/attachment-files';

const ID = 'Ab3_-Ab3_-Ab3_-Ab3_-Ab';
const attachment = (url: string) => ({ name: '通知.pdf', url, sizeBytes: 1024 });

describe('an attachment points at an uploaded file, https or a CloudBase fileID, and nothing else', () => {
  test.each([`/files/${ID}`, ` /files/${ID} `, 'https://www.yunxi.gov.cn/a.pdf', 'cloud://env-1.7365/attachments/a.pdf'])('accepts %s', (url) => {
    expect(AttachmentSchema.safeParse(attachment(url)).success).toBe(true);
  });

  test.each([
    'javascript:alert(1)',
    'data:application/pdf;base64,JVBERi0=',
    'http://insecure.example/a.pdf',
    'file:///etc/passwd',
    '//evil.example/x',
    '/files/../sunshine.sqlite',
    `/files/${ID}/../../dev-session.secret`,
    `/files/${ID}.part`,
    `/files/${ID}?download=1`,
    '/files/short',
    `/files/${ID}x`,
    `/static/${ID}`,
    `files/${ID}`,
    `local://${ID}`,
  ])('refuses %s with a Chinese message', (url) => {
    const parsed = AttachmentSchema.safeParse(attachment(url));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0].message).toBe('附件须为上传的文件，或以 https:// 或 cloud:// 开头的地址');
  });

  test('a request reply takes the same forms', () => {
    const reply = { id: 'r1', version: 1, category: 'disclosed', text: '予以公开。', attachments: [attachment(`/files/${ID}`)] };
    expect(ReplySchema.safeParse(reply).success).toBe(true);
    expect(ReplySchema.safeParse({ ...reply, attachments: [attachment('/files/../x')] }).success).toBe(false);
  });

  test('the schema pattern and the path the local cloud serves agree', () => {
    expect(LOCAL_FILE_PATH.exec(`/files/${ID}`)?.[1]).toBe(ID);
    expect(ATTACHMENT_URL.test(`/files/${ID}`)).toBe(true);
    expect(LOCAL_FILE_PATH.test(`/files/${ID}/`)).toBe(false);
  });
});

describe('what a file is, from its first bytes', () => {
  const bytes = (...parts: Array<number[] | string>) =>
    Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));
  const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const ZIP = [0x50, 0x4b, 0x03, 0x04];

  test.each([
    ['a.pdf', bytes('%PDF-1.7'), 'application/pdf'],
    ['a.JPG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    ['a.jpeg', bytes([0xff, 0xd8, 0xff, 0xdb]), 'image/jpeg'],
    ['a.doc', bytes(OLE), 'application/msword'],
    ['a.xls', bytes(OLE), 'application/vnd.ms-excel'],
    ['a.docx', bytes(ZIP, '....word/document.xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['a.ofd', bytes(ZIP, '..OFD.xml..'), 'application/ofd'],
  ])('%s is accepted as %s', (name, content, type) => {
    expect(checkAttachmentFile(name, content)).toEqual({ ok: true, kind: expect.any(String), contentType: type });
  });

  test.each([
    ['a.pdf', bytes('%PDF')], // too short to be the signature
    ['a.png', bytes([0xff, 0xd8, 0xff])],
    ['a.xlsx', bytes(ZIP, 'word/document.xml')],
    ['a.doc', bytes(ZIP, 'word/document.xml')],
    ['a.jpg', bytes('GIF89a')],
  ])('%s with other content is a mismatch', (name, content) => {
    expect(checkAttachmentFile(name, content)).toMatchObject({ ok: false, reason: 'contentMismatch' });
  });

  test('names: only accepted extensions; paths and control characters dropped; long names keep their extension', () => {
    expect(nameRefusal('a.svg')).toBe('只能上传 PDF、Word、Excel、OFD 文档或 PNG、JPEG 图片，不支持“.svg”文件');
    expect(nameRefusal('报告.PDF')).toBeNull();
    expect(cleanFileName('C:\\Users\\clerk\\桌面\\报告\u0000"x".pdf')).toBe('报告x.pdf');
    expect(cleanFileName('../')).toBe('');
    const long = cleanFileName(`${'长'.repeat(150)}.docx`);
    expect(long).toHaveLength(100);
    expect(long.endsWith('长.docx')).toBe(true);
  });
});
