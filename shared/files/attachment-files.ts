import { withoutBidiControls } from '../api/bidi-controls';

/**
 * What an uploaded attachment may be (notices; request replies).
 * Pure rules shared by the phone (a quick check before sending) and the local
 * cloud (the decision, on the bytes themselves). No IO here.
 *
 * The file's name only says what the clerk claims; the first bytes say what it
 * is. Both must agree, so a program renamed `通知.pdf` is refused.
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface AttachmentFileType {
  extensions: readonly string[];
  contentType: string;
  /** How a phone opens it: images in the image viewer, the rest with openDocument. */
  opens: 'image' | 'document';
  /** Whether the browser may show it in place (PDF and images) or should save it. */
  inline: boolean;
}

export const ATTACHMENT_FILE_TYPES = {
  pdf: { extensions: ['pdf'], contentType: 'application/pdf', opens: 'document', inline: true },
  png: { extensions: ['png'], contentType: 'image/png', opens: 'image', inline: true },
  jpeg: { extensions: ['jpg', 'jpeg'], contentType: 'image/jpeg', opens: 'image', inline: true },
  docx: { extensions: ['docx'], contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', opens: 'document', inline: false },
  xlsx: { extensions: ['xlsx'], contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', opens: 'document', inline: false },
  doc: { extensions: ['doc'], contentType: 'application/msword', opens: 'document', inline: false },
  xls: { extensions: ['xls'], contentType: 'application/vnd.ms-excel', opens: 'document', inline: false },
  ofd: { extensions: ['ofd'], contentType: 'application/ofd', opens: 'document', inline: false },
} as const satisfies Record<string, AttachmentFileType>;

export type AttachmentFileKind = keyof typeof ATTACHMENT_FILE_TYPES;

export const ACCEPTED_EXTENSIONS: string[] = Object.values(ATTACHMENT_FILE_TYPES).flatMap((t) => [...t.extensions]);

export const FILE_TYPE_HINT = '只能上传 PDF、Word、Excel、OFD 文档或 PNG、JPEG 图片';

/**
 * Where the local cloud serves an uploaded file: `/files/<id>`, the id chosen
 * by the server (22 characters of base64url, 128 random bits). Nothing else
 * fits the pattern, so no traversal or other scheme can pass as one.
 */
export const LOCAL_FILE_PATH = /^\/files\/([A-Za-z0-9_-]{22})$/;
/**
 * A file the app itself uploaded: to the local cloud (/files/<id>), or to CloudBase storage under the
 * path the app writes (`attachments/<yyyy-mm>/<random>.<ext>`, see miniprogram/api/upload.ts). What a
 * resident attaches must be one of these: an https:// address would be stored unseen and unchecked.
 */
export const APP_UPLOADED_FILE = /^(\/files\/[A-Za-z0-9_-]{22}|cloud:\/\/[^/\s]+\/attachments\/\d{4}-\d{2}\/[A-Za-z0-9_-]+\.[a-z0-9]{1,10})$/;
/** Every form an attachment's address may take: https, a CloudBase fileID, or a local-cloud upload (LOCAL_FILE_PATH). */
export const ATTACHMENT_URL = /^(https:\/\/|cloud:\/\/|\/files\/[A-Za-z0-9_-]{22}$)/;
export const localFileUrl = (id: string): string => `/files/${id}`;

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The type a name claims, or null when its extension is not one we accept. */
export function fileKindByName(name: string): AttachmentFileKind | null {
  const ext = extensionOf(name);
  for (const [kind, type] of Object.entries(ATTACHMENT_FILE_TYPES)) {
    if ((type.extensions as readonly string[]).includes(ext)) return kind as AttachmentFileKind;
  }
  return null;
}

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4: docx, xlsx and ofd are zip packages
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // doc and xls are OLE compound files

/**
 * A zip package is told apart by the names of its parts, which every zip lists
 * in plain bytes (local headers and the central directory). Long names, so
 * compressed data cannot match them by chance.
 */
const ZIP_PART: Partial<Record<AttachmentFileKind, string>> = { docx: 'word/document', xlsx: 'xl/workbook', ofd: 'OFD.xml' };

const MAGIC: Record<AttachmentFileKind, (bytes: Uint8Array) => boolean> = {
  pdf: (b) => startsWith(b, PDF),
  png: (b) => startsWith(b, PNG),
  jpeg: (b) => startsWith(b, JPEG),
  docx: (b) => startsWith(b, ZIP) && contains(b, ZIP_PART.docx!),
  xlsx: (b) => startsWith(b, ZIP) && contains(b, ZIP_PART.xlsx!),
  ofd: (b) => startsWith(b, ZIP) && contains(b, ZIP_PART.ofd!),
  // An OLE file does not say cheaply whether it holds Word or Excel: the extension decides between the two.
  doc: (b) => startsWith(b, OLE),
  xls: (b) => startsWith(b, OLE),
};

/** Why a name alone is refused (its extension is not one we accept), or null; the phone checks this before sending. */
export function nameRefusal(name: string): string | null {
  if (fileKindByName(name)) return null;
  const ext = extensionOf(name);
  return `${FILE_TYPE_HINT}，不支持${ext ? `“.${ext}”` : '没有扩展名的'}文件`;
}

export type FileCheck =
  | { ok: true; kind: AttachmentFileKind; contentType: string }
  | { ok: false; reason: 'typeNotAllowed' | 'contentMismatch'; message: string };

/** Decides on the name's extension and the content's first bytes together. */
export function checkAttachmentFile(name: string, bytes: Uint8Array): FileCheck {
  const kind = fileKindByName(name);
  if (!kind) return { ok: false, reason: 'typeNotAllowed', message: nameRefusal(name) as string };
  if (!MAGIC[kind](bytes)) {
    return { ok: false, reason: 'contentMismatch', message: `文件内容与扩展名“.${extensionOf(name)}”不符，请上传真实的 ${kind.toUpperCase()} 文件` };
  }
  return { ok: true, kind, contentType: ATTACHMENT_FILE_TYPES[kind].contentType };
}

/**
 * The name shown to residents: the last segment of whatever path the phone
 * sent, without control characters (direction controls too: `\u202e` could show `exe.pdf` as
 * `fdp.exe`), at most 100 characters (the attachment
 * schema's limit) with its extension kept. Empty when nothing usable is left.
 */
export function cleanFileName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const base = withoutBidiControls((raw.split(/[/\\]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '')).trim();
  if (base.length <= 100) return base;
  const ext = extensionOf(base);
  const tail = ext && ext.length <= 10 ? `.${ext}` : '';
  return base.slice(0, 100 - tail.length) + tail;
}

/** "12 KB" / "1.5 MB" for a list line. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The metadata kept for each uploaded file (collection `files`). */
export interface AttachmentFileRecord {
  name: string;
  contentType: string;
  sizeBytes: number;
  /** Local cloud only: CloudBase's bytes go from the phone to cloud storage and never pass a function. */
  sha256?: string;
  uploadedBy: string;
  createdAt: string;
  /** Where the bytes are: a CloudBase fileID (cloud://…); absent for the local cloud's `/files/<id>`. */
  url?: string;
  /**
   * Whether a write has named the file yet (a notice, a reply, a supplement, a question): false from
   * the upload until then. Uploads still false a day on were picked and never sent, and the
   * `remove-unattached-uploads` job removes them. Files uploaded before this was kept have no
   * value and are never removed.
   */
  attached?: boolean;
  attachedAt?: string;
  /**
   * Set by the `remove-unattached-uploads` job before it removes the bytes; the record goes after them.
   * A run cut off between the two leaves it set, and the next run finishes the removal. Such a file is
   * gone for everyone meanwhile: not served, not attachable, not marked attached.
   */
  removing?: boolean;
}

/** What the upload answers: the attachment to put into a notice or a reply, plus what was checked. */
export interface UploadedAttachment {
  id: string;
  name: string;
  url: string;
  sizeBytes: number;
  contentType: string;
  sha256: string;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

function contains(bytes: Uint8Array, text: string): boolean {
  const needle = Array.from(text, (c) => c.charCodeAt(0));
  const first = needle[0];
  for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

/** The record of an upload on the events history (who put which file into the system, when). */
export interface FileEvent {
  subjectType: 'file';
  subjectId: string;
  /** `anonymised`: the resident who uploaded it erased their data; the file stays with the request it belongs to. */
  action: 'uploaded' | 'anonymised' | 'removed';
  actor: string;
  at: string;
  detail: string;
}

/** An upload nobody attached to anything, removed with its bytes (the `remove-unattached-uploads` job). */
export function fileRemovedEvent(fileId: string, now: Date, name: string): FileEvent {
  return { subjectType: 'file', subjectId: fileId, action: 'removed', actor: 'system', at: now.toISOString(), detail: name };
}

export function fileUploadedEvent(fileId: string, actor: string, now: Date, name: string): FileEvent {
  return { subjectType: 'file', subjectId: fileId, action: 'uploaded', actor, at: now.toISOString(), detail: name };
}
