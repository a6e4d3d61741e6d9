import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Dev sign-in tokens for the local cloud only: `<openid>.<hmac>`. In WeChat
 * the OPENID comes from the platform and this file is never bundled.
 * The secret lives in the data folder, so tokens survive a restart but a
 * token from another machine's data folder is refused.
 */
export const SESSION_COOKIE = 'sg_session';
export const SESSION_HEADER = 'x-dev-session';

export class DevSessions {
  constructor(private readonly secret: Buffer) {}

  static fromDataDir(dataDir: string): DevSessions {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'dev-session.secret');
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    return new DevSessions(Buffer.from(readFileSync(file, 'utf8').trim(), 'hex'));
  }

  issue(openid: string): string {
    return `${openid}.${this.sign(openid)}`;
  }

  /** The openid a token stands for, or null when it is missing, malformed or forged. */
  verify(token: string | undefined | null): string | null {
    if (!token) return null;
    const dot = token.lastIndexOf('.');
    if (dot <= 0) return null;
    const openid = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'utf8');
    const expected = Buffer.from(this.sign(openid), 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected) ? openid : null;
  }

  private sign(openid: string): string {
    return createHmac('sha256', this.secret).update(openid).digest('base64url');
  }
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}
