import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { AppError, type Envelope } from '../shared/api/errors';
import {
  ATTACHMENT_FILE_TYPES,
  checkAttachmentFile,
  cleanFileName,
  fileKindByName,
  fileUploadedEvent,
  localFileUrl,
  MAX_UPLOAD_BYTES,
  nameRefusal,
  type AttachmentFileRecord,
  type UploadedAttachment,
} from '../shared/files/attachment-files';
import type { Caller } from '../shared/staff/roles';
import { uploadRefusal } from '../cloudfunctions/_runtime/upload-permission';
import type { Store } from '../cloudfunctions/_runtime/store/port';
import type { FileAccess } from './attachment-access';
import type { UploadStorage } from '../cloudfunctions/_runtime/upload-storage';

/**
 * Attachments in the local cloud: staff upload a file's bytes to
 * `POST /files`; it is checked (who, how big, what it really is), kept in
 * `<data folder>/files/<id>` under a name the server chose, recorded in the
 * `files` collection with an `uploaded` event, and served back at
 * `GET /files/<id>`. On CloudBase none of this runs: the phone puts the file
 * into cloud storage itself and the record holds its cloud:// fileID.
 *
 * Wire: `POST /files`, body = the file's bytes, `content-type:
 * application/octet-stream` (a plain cross-site form cannot send that without
 * a CORS preflight this server never grants), `x-file-name` = the original
 * name, percent-encoded UTF-8. Answers the usual envelope with an
 * UploadedAttachment.
 */
export const FILE_NAME_HEADER = 'x-file-name';
type Send = (res: ServerResponse, envelope: Envelope<unknown>, headers?: Record<string, string>) => void;

export class AttachmentUploads implements UploadStorage {
  private readonly dir: string;

  constructor(
    dataDir: string,
    private readonly store: Store,
    private readonly now: () => Date,
    private readonly maxBytes: number = MAX_UPLOAD_BYTES,
  ) {
    this.dir = join(dataDir, 'files');
    mkdirSync(this.dir, { recursive: true });
  }

  /** Answers the upload; true when the file was kept (a refusal answers and is false: it does not count against the caller's limit). */
  async upload(req: IncomingMessage, res: ServerResponse, caller: Caller, send: Send): Promise<boolean> {
    // Refusals before the body is read close the connection, so a 20 MB body is never taken in to be thrown away.
    const refuse = (error: AppError) => {
      send(res, error.toEnvelope(), { connection: 'close' });
      return false;
    };
    if (!caller.openid) return refuse(new AppError('UNAUTHENTICATED'));
    const name = readFileName(req.headers[FILE_NAME_HEADER]);
    if (typeof name !== 'string') return refuse(name);
    // Photos for a question or complaint come before the case exists; the kind is checked against the bytes below.
    const forbidden = await uploadRefusal(this.store, caller, name);
    if (forbidden) return refuse(forbidden);
    const badName = nameRefusal(name);
    if (badName) return refuse(new AppError('FILE_TYPE_NOT_ALLOWED', badName));
    if (Number(req.headers['content-length'] ?? 0) > this.maxBytes) return refuse(new AppError('FILE_TOO_LARGE'));

    const bytes = await readAtMost(req, this.maxBytes);
    if (!bytes) return refuse(new AppError('FILE_TOO_LARGE'));
    const answerRefusal = (error: AppError) => {
      send(res, error.toEnvelope());
      return false;
    };
    if (bytes.length === 0) return answerRefusal(new AppError('BAD_REQUEST', '文件是空的，请重新选择'));
    const checked = checkAttachmentFile(name, bytes);
    if (!checked.ok) return answerRefusal(new AppError('FILE_TYPE_NOT_ALLOWED', checked.message));

    const id = randomBytes(16).toString('base64url');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const record: AttachmentFileRecord = {
      name,
      contentType: checked.contentType,
      sizeBytes: bytes.length,
      sha256,
      uploadedBy: caller.openid as string,
      createdAt: this.now().toISOString(),
      attached: false,
    };
    const path = join(this.dir, id);
    writeFileSync(`${path}.part`, bytes, { mode: 0o600 });
    renameSync(`${path}.part`, path);
    try {
      await this.store.transaction(async (tx) => {
        await tx.collection('files').insert({ id, ...record });
        await tx.collection('events').insert(fileUploadedEvent(id, record.uploadedBy, this.now(), name));
      });
    } catch (error) {
      rmSync(path, { force: true });
      throw error;
    }
    const answer: UploadedAttachment = { id, name, url: localFileUrl(id), sizeBytes: record.sizeBytes, contentType: record.contentType, sha256 };
    send(res, { ok: true, data: answer });
    return true;
  }

  /** The jobs' road to the bytes (remove-unattached-uploads): the id is a record's, never a path. */
  async remove(id: string): Promise<void> {
    if (!/^[A-Za-z0-9_-]{22}$/.test(id)) throw new Error(`not a local upload id: ${id}`);
    rmSync(join(this.dir, id), { force: true });
  }

  /**
   * Serves a stored file by its id (already matched against LOCAL_FILE_PATH,
   * so it is a plain token, never a path). Content-Type is the one decided at
   * upload, never guessed by the browser (nosniff); the original name comes
   * back in Content-Disposition, UTF-8 encoded (RFC 6266 / 5987).
   */
  async serve(id: string, req: IncomingMessage, res: ServerResponse, send: Send, access: FileAccess): Promise<void> {
    // Refused and unknown answer alike, so a withdrawn notice's file does not even show it exists.
    if (access === 'refused') return send(res, new AppError('FILE_NOT_FOUND').toEnvelope());
    const record = await this.store.collection('files').get(id);
    const path = join(this.dir, id);
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      size = -1;
    }
    if (!record || record.removing || size < 0) return send(res, new AppError('FILE_NOT_FOUND').toEnvelope());
    const kind = fileKindByName(record.name);
    const inline = kind ? ATTACHMENT_FILE_TYPES[kind].inline : false;
    res.writeHead(200, {
      'content-type': record.contentType,
      'content-length': String(size),
      'content-disposition': contentDisposition(record.name, inline),
      'x-content-type-options': 'nosniff',
      // The bytes behind an id never change, but who may read them does (a notice withdrawn, a request's
      // file seen by its applicant only): a public file is revalidated on every use (its ETag makes that
      // cheap), a private one is never stored.
      'cache-control': access === 'public' ? 'no-cache' : 'private, no-store',
      etag: `"${record.sha256}"`,
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(path).pipe(res);
  }
}

function readFileName(header: string | string[] | undefined): string | AppError {
  if (typeof header !== 'string' || header.trim() === '') return new AppError('BAD_REQUEST', '请提供文件名');
  let decoded: string;
  try {
    decoded = decodeURIComponent(header);
  } catch {
    return new AppError('BAD_REQUEST', '文件名格式不正确');
  }
  const name = cleanFileName(decoded);
  return name ? name : new AppError('BAD_REQUEST', '请提供文件名');
}

/** The body, or null as soon as it grows past `limit` (the rest is never read). */
function readAtMost(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (value: Buffer | null, error?: unknown) => {
      req.off('data', onData).off('end', onEnd).off('error', onError);
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        return done(null);
      }
      chunks.push(chunk);
    };
    const onEnd = () => done(Buffer.concat(chunks));
    const onError = (error: unknown) => done(null, error);
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

export function contentDisposition(name: string, inline: boolean): string {
  // eslint-disable-next-line no-control-regex
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
