import * as z from 'zod/mini';

/**
 * The shapes every feature's contract shares: a page of a list, record ids,
 * versions and cursors. Feature contracts import these from here; the index
 * (contract.ts) only gathers the features.
 */
export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

/** Record ids reach store queries and URLs: letters, digits, `_` and `-` only. */
export const IdSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确'));
/** The version the editor loaded: a change made on a stale page is refused (VERSION_CONFLICT). */
export const VersionSchema = z.number().check(z.int(), z.gte(1));
/** An opaque cursor from a previous page's `nextCursor`. */
export const CursorSchema = z.optional(z.nullable(z.string().check(z.maxLength(512))));
export const LimitSchema = z._default(z.number().check(z.int(), z.gte(1), z.lte(50)), 20);
/** A mainland mobile number: 11 digits starting 13–19. */
export const MobileSchema = z.string().check(z.trim(), z.regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号码'));
/**
 * The key a form sends with a submission, so a second tap or a retried call is not a second application
 * or case. Here rather than in the request schema, so an inquiry's contract does not load every request schema.
 */
export const IdempotencyKeySchema = z.string().check(z.trim(), z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, '提交标识格式不正确'));
/** An action that takes nothing. */
export const EmptySchema = z.strictObject({});

export interface Department {
  id: string;
  name: string;
  order: number;
}
