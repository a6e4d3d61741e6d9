import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Store } from '../cloudfunctions/_runtime/store/port';
import type { Attachment } from '../shared/notices/notice-schema';

/**
 * The demo guides' downloadable 申请书示范文本 (政务九公开: a guide publishes a model application): small
 * Word documents made here, so the demo has real files behind its attachment links rather than links
 * to nowhere. Each has a fixed id; the local cloud writes the bytes and the `files` record on start
 * when they are missing (the store may be seeded while the files folder was emptied, or the reverse).
 */
interface DemoFile {
  /** 22 characters, as an upload id is. */
  id: string;
  name: string;
  title: string;
  paragraphs: string[];
}

const DEMO_FILES: DemoFile[] = [
  {
    id: 'demoElevatorFilingForm',
    name: '既有住宅加装电梯备案申请书（示范文本）.docx',
    title: '既有住宅加装电梯备案申请书（示范文本）',
    paragraphs: [
      '云溪区住房和城乡建设局：',
      '我单元位于云溪区______路______号______幢______单元，共______层______户，现申请加装电梯一部。本单元业主______户同意（占总户数______%），同意业主专有部分面积______平方米（占总面积______%）。',
      '设计方案已于______年______月______日至______年______月______日在本单元公示，公示期间实名异议______件，已妥善处理。',
      '附：1. 业主同意书及身份证明复印件；2. 设计方案及公示情况说明；3. 房屋安全性鉴定报告。',
      '申请人代表（签名）：__________    联系电话：__________',
      '______年______月______日',
    ],
  },
  {
    id: 'demoRentalContractForm',
    name: '云溪区住房租赁合同示范文本.docx',
    title: '云溪区住房租赁合同（示范文本）',
    paragraphs: [
      '出租人（甲方）：__________  身份证件号码：__________',
      '承租人（乙方）：__________  身份证件号码：__________',
      '第一条 房屋坐落于云溪区______路______号______室，建筑面积______平方米，用途为居住。',
      '第二条 租赁期限自______年______月______日至______年______月______日。',
      '第三条 月租金为人民币______元，押金为人民币______元；租金按______支付。',
      '第四条 租赁期间房屋及其附属设施的维修责任：__________________。',
      '第五条 本合同签订之日起30日内，甲乙双方应当到房屋所在地住房和城乡建设部门办理房屋租赁登记备案。',
      '甲方（签名）：__________    乙方（签名）：__________    签订日期：______年______月______日',
    ],
  },
];

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The three parts Word needs: content types, the package relationship, and the document. */
function docxParts(file: DemoFile): Array<[string, string]> {
  const paragraph = (text: string, bold = false) =>
    `<w:p><w:r>${bold ? '<w:rPr><w:b/><w:sz w:val="36"/></w:rPr>' : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
  return [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ],
    [
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraph(file.title, true)}${file.paragraphs.map((p) => paragraph(p)).join('')}</w:body></w:document>`,
    ],
  ];
}

/** A zip archive of `entries`, stored uncompressed, with fixed times: the same bytes every time. */
function zip(entries: Array<[string, string]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const DOS_DATE_1980_01_01 = 0x21;
  for (const [name, text] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE_1980_01_01, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE_1980_01_01, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const bytesOf = (file: DemoFile) => zip(docxParts(file));
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The attachment a demo guide carries for the file with this id. */
/** The demo files' ids: tests of uploads tell a person's files from these, which every demo data folder has. */
export const DEMO_FILE_IDS: readonly string[] = DEMO_FILES.map((f) => f.id);

export function demoAttachment(id: 'demoElevatorFilingForm' | 'demoRentalContractForm'): Attachment {
  const file = DEMO_FILES.find((f) => f.id === id)!;
  return { name: file.name, url: `/files/${file.id}`, sizeBytes: bytesOf(file).length };
}

/** Writes the demo files' bytes and records where missing; a person's own files are never touched. */
export async function seedDemoFiles(dataDir: string, store: Store, now: Date): Promise<void> {
  const dir = join(dataDir, 'files');
  mkdirSync(dir, { recursive: true });
  for (const file of DEMO_FILES) {
    const bytes = bytesOf(file);
    const path = join(dir, file.id);
    if (!existsSync(path)) {
      writeFileSync(`${path}.part`, bytes, { mode: 0o600 });
      renameSync(`${path}.part`, path);
    }
    if (!(await store.collection('files').get(file.id))) {
      await store.collection('files').insert({
        id: file.id,
        name: file.name,
        contentType: DOCX,
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        uploadedBy: 'demo-editor',
        createdAt: now.toISOString(),
        attached: true,
      });
    }
  }
}
