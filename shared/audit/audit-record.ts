/**
 * The audit trail: one entry per staff write and per view of unmasked personal data.
 *
 * An entry names who (OPENID and the name on the staff list at the time), when, which
 * function.action, which record(s), and the names of the fields the call set — never their
 * values. A resident's name or ID number therefore never reaches the trail, so erasing a resident
 * never has to touch it, and the trail can stay append-only (the store refuses updates).
 */
export type AuditKind = 'write' | 'personalDataViewed';

export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  write: '修改',
  personalDataViewed: '查看完整个人信息',
};

export interface AuditRecord {
  at: string;
  /** The caller's OPENID. */
  actor: string;
  actorName: string;
  /** `function.action`, e.g. `requests.reply`. */
  action: string;
  kind: AuditKind;
  /** The first of `recordIds` (the store filters on scalars only), or null for an action with no record. */
  recordId: string | null;
  recordIds: string[];
  /** Field names the call set (nested ones as `notice.title`); never their values. */
  fields: string[];
}

/** Input keys that name the record an action works on, most specific first. */
const RECORD_ID_KEYS = ['id', 'openid', 'commentId', 'ratingId', 'windowId', 'requestId', 'key', 'year', 'date'] as const;

/** Input keys that say how the call was made, not what it changed. */
const NOT_CHANGES = new Set<string>(['version', 'idempotencyKey', 'cursor', ...RECORD_ID_KEYS]);

/** The record ids of one call: from its input's id-like fields, then the answer's own `id` (a record just created). */
export function recordIdsOf(input: unknown, answer: unknown): string[] {
  const ids: string[] = [];
  const add = (value: unknown) => {
    if ((typeof value === 'string' && value.length > 0) || (typeof value === 'number' && Number.isFinite(value))) {
      const id = String(value);
      if (!ids.includes(id)) ids.push(id);
    }
  };
  if (isPlainObject(input)) {
    for (const key of RECORD_ID_KEYS) add(input[key]);
    if (Array.isArray(input.ids)) input.ids.forEach(add);
  }
  if (isPlainObject(answer)) {
    add(answer.id);
    // A review item is about another record (the request whose letter it holds): searching the trail
    // by that request finds who read or decided the letter before it went out.
    add(answer.subjectId);
  }
  return ids;
}

/** The names of the fields a call set: top-level input keys, and one level into objects (`notice.title`). */
export function changedFieldsOf(input: unknown): string[] {
  if (!isPlainObject(input)) return [];
  const fields: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (NOT_CHANGES.has(key) || value === undefined) continue;
    if (isPlainObject(value) && Object.keys(value).length > 0) {
      for (const [inner, innerValue] of Object.entries(value)) if (innerValue !== undefined) fields.push(`${key}.${inner}`);
    } else {
      fields.push(key);
    }
  }
  return fields.sort();
}

export function auditEntryOf(call: {
  at: string;
  actor: string;
  actorName: string;
  action: string;
  kind: AuditKind;
  input: unknown;
  answer: unknown;
}): AuditRecord {
  const recordIds = recordIdsOf(call.input, call.answer);
  return {
    at: call.at,
    actor: call.actor,
    actorName: call.actorName,
    action: call.action,
    kind: call.kind,
    recordId: recordIds[0] ?? null,
    recordIds,
    fields: call.kind === 'write' ? changedFieldsOf(call.input) : [],
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
