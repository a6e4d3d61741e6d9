import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Dev sign-in tokens for the local cloud only. In WeChat the OPENID comes
 * from the platform and this file is never bundled.
 *
 * A token is `<openid>.<expires>.<nonce>.<hmac>`: it names who, until when
 * (Unix seconds) and which sign-in, signed with a secret kept in the data
 * folder, so tokens survive a restart but a token from another machine's data
 * folder is refused. Signing out revokes the token's nonce; revocations are
 * kept in the data folder until the token would have expired anyway.
 */
export const SESSION_COOKIE = 'sg_session';
export const SESSION_HEADER = 'x-dev-session';
/** A working day and then some: long enough for a demo, short enough that a leaked token dies. */
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

const SECRET_FILE = 'dev-session.secret';
const REVOKED_FILE = 'dev-session.revoked.json';
const SECRET = /^[0-9a-f]{64}$/;
const TOKEN = /^([A-Za-z0-9_-]{1,64})\.([0-9]{1,12})\.([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{43})$/;

export interface DevSessionOptions {
  now?: () => Date;
  ttlSeconds?: number;
  /** Where revocations are kept; omitted, they live in memory only. */
  revokedFile?: string;
}

export class DevSessions {
  private readonly now: () => Date;
  private readonly ttlSeconds: number;
  /** nonce → expiry (Unix seconds) of revoked tokens. */
  private readonly revoked: Map<string, number>;

  constructor(private readonly secret: Buffer, private readonly options: DevSessionOptions = {}) {
    // An empty key would sign every token with a key anyone knows.
    if (secret.length < 32) throw new Error('dev session secret must be at least 32 bytes');
    this.now = options.now ?? (() => new Date());
    this.ttlSeconds = options.ttlSeconds ?? SESSION_TTL_SECONDS;
    this.revoked = readRevoked(options.revokedFile);
  }

  /**
   * The data folder's secret, made when missing. A file that is empty or not
   * 32 bytes of hex (truncated, edited by hand) is replaced by a new secret:
   * every earlier token stops working, which is the safe outcome.
   */
  static fromDataDir(dataDir: string, options: Omit<DevSessionOptions, 'revokedFile'> = {}): DevSessions {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, SECRET_FILE);
    let text = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
    if (!SECRET.test(text)) {
      text = randomBytes(32).toString('hex');
      writeFileSync(file, text, { mode: 0o600 });
    }
    return new DevSessions(Buffer.from(text, 'hex'), { ...options, revokedFile: join(dataDir, REVOKED_FILE) });
  }

  get ttl(): number {
    return this.ttlSeconds;
  }

  issue(openid: string): string {
    const expires = this.nowSeconds() + this.ttlSeconds;
    const payload = `${openid}.${expires}.${randomBytes(16).toString('base64url')}`;
    return `${payload}.${this.sign(payload)}`;
  }

  /** The openid a token stands for, or null when it is missing, malformed, forged, expired or signed out. */
  verify(token: string | undefined | null): string | null {
    const parsed = this.parse(token);
    return parsed ? parsed.openid : null;
  }

  /** Ends the session the token belongs to; an unreadable token has nothing to end. */
  revoke(token: string | undefined | null): void {
    const parsed = this.parse(token);
    if (!parsed) return;
    this.revoked.set(parsed.nonce, parsed.expires);
    this.prune();
    if (this.options.revokedFile) writeRevoked(this.options.revokedFile, this.revoked);
  }

  /**
   * Tokens whose signature was checked already: a signed-in client sends its token with every call,
   * and an HMAC per call was a sixth of a staff queue call's time in the local cloud. Only the
   * signature is remembered; expiry and sign-out are checked on every call as before. Bounded: a full
   * memo starts over.
   */
  private readonly signed = new Map<string, { openid: string; expires: number; nonce: string }>();

  private parse(token: string | undefined | null): { openid: string; expires: number; nonce: string } | null {
    if (typeof token !== 'string') return null;
    const known = this.signed.get(token);
    if (known) return known.expires > this.nowSeconds() && !this.revoked.has(known.nonce) ? known : null;
    const parsed = this.parseSigned(token);
    if (parsed) {
      if (this.signed.size >= 10_000) this.signed.clear();
      this.signed.set(token, parsed);
    }
    return parsed && parsed.expires > this.nowSeconds() && !this.revoked.has(parsed.nonce) ? parsed : null;
  }

  /** The token's parts when it is well formed and signed with this secret (expiry and sign-out not checked). */
  private parseSigned(token: string): { openid: string; expires: number; nonce: string } | null {
    const match = TOKEN.exec(token);
    if (!match) return null;
    const [, openid, expiresText, nonce, signature] = match;
    const given = Buffer.from(signature, 'utf8');
    const expected = Buffer.from(this.sign(`${openid}.${expiresText}.${nonce}`), 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { openid, expires: Number(expiresText), nonce };
  }

  private prune(): void {
    const now = this.nowSeconds();
    for (const [nonce, expires] of this.revoked) if (expires <= now) this.revoked.delete(nonce);
  }

  private nowSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}

function readRevoked(file: string | undefined): Map<string, number> {
  if (!file || !existsSync(file)) return new Map();
  try {
    const entries = Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
    return new Map(entries.filter((e): e is [string, number] => typeof e[1] === 'number'));
  } catch {
    // Unreadable: start empty. Tokens it listed are still bounded by their expiry.
    return new Map();
  }
}

function writeRevoked(file: string, revoked: Map<string, number>): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(Object.fromEntries(revoked)), { mode: 0o600 });
  renameSync(temp, file);
}

/** A cookie's value, or null when absent or unreadable (bad percent-encoding is "not signed in", never a failure). */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return null;
    }
  }
  return null;
}
