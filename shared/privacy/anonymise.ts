import type { Applicant } from '../requests/request-schema';
import type { RequestRecord } from '../requests/request-record';
import type { InquiryRecord } from '../inquiries/inquiry-types';

/**
 * Anonymising what the law makes the bureau keep (条例 Art. 45: the request's record; Art. 50: the
 * annual report's counts). What stays: the applicant's kind (自然人 / the organisation's category),
 * the tracking number, the dates, the information sought, every step and the reply with its report
 * category — so a report counted before and after gives the same totals. What goes: who the applicant
 * is (name, ID or credit-code number, phone, e-mail, address, OPENID), and every copy of those values
 * in the record's free text (a withdrawal reason, a supplement, a letter's addressee).
 *
 * Pure: the handlers (erasure, the retention job) read the records, this decides the patch, and the
 * change road writes it with an event that names the fields, never their values.
 */
export const ANONYMISED_NAME = '（已匿名）';
/** What a personal value in free text becomes. */
export const REDACTED = '〔已删除〕';
/** The actor and owner left where an OPENID stood: says that someone was there, not who. */
export const ERASED_PERSON = 'erased-resident';

/** Values shorter than this are not searched for in free text: a one-character name would blank every 张. */
const MIN_REDACTED_LENGTH = 2;

/** The personal values of one applicant, to be removed wherever they occur. */
export function personalValuesOf(applicant: Applicant): string[] {
  return [applicant.name, applicant.idNumber, applicant.creditCode, applicant.phone, applicant.email, applicant.address].filter(
    (v): v is string => typeof v === 'string' && v.trim().length >= MIN_REDACTED_LENGTH,
  );
}

/** Every occurrence of each value in `text` replaced by 〔已删除〕, longest values first (an address before the name in it). */
export function redactText(text: string, values: readonly string[]): string {
  let out = text;
  for (const value of [...new Set(values)].sort((a, b) => b.length - a.length)) {
    if (value.length >= MIN_REDACTED_LENGTH) out = out.split(value).join(REDACTED);
  }
  return out;
}

/** `redactText` over every string inside `value` (objects and arrays copied, other values kept). */
export function redactDeep<T>(value: T, values: readonly string[]): T {
  if (typeof value === 'string') return redactText(value, values) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, values)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, values)])) as T;
  }
  return value;
}

/** The applicant with only what the report counts: kind, organisation category, document type. */
export function anonymousApplicant(applicant: Applicant): Applicant {
  return {
    type: applicant.type,
    ...(applicant.orgKind ? { orgKind: applicant.orgKind } : {}),
    ...(applicant.idType ? { idType: applicant.idType } : {}),
    name: ANONYMISED_NAME,
    phone: '',
  };
}

/** The applicant's fields that anonymising removes or replaces, by name (for the event). */
const APPLICANT_FIELDS = ['name', 'idNumber', 'creditCode', 'phone', 'email', 'address'] as const;

/** Fields of the record whose free text may hold the applicant's values. */
const TEXT_FIELDS = ['information', 'purpose', 'supplement', 'consultations', 'reply', 'ending', 'letters', 'extension'] as const;

export interface Anonymisation<R> {
  patch: Partial<R>;
  /** Dotted names of what was removed or rewritten: `applicant.phone`, `history.actorOpenid`, `letters`… never a value. */
  fields: string[];
}

/**
 * The patch that anonymises one request, or null when it holds nothing personal any more. `values`
 * are every personal value known of the person (this and their other applications, their rating
 * contacts), so a phone typed into a withdrawal reason goes too. `at`: when (UTC ISO).
 */
export function anonymiseRequest(record: RequestRecord, values: readonly string[], at: string): Anonymisation<RequestRecord> | null {
  const all = [...values, ...personalValuesOf(record.applicant)];
  const fields: string[] = [];
  const patch: Partial<RequestRecord> = {};

  const applicant = anonymousApplicant(record.applicant);
  const removed = APPLICANT_FIELDS.filter((f) => (record.applicant[f] ?? '') !== (applicant[f] ?? ''));
  if (removed.length) {
    patch.applicant = applicant;
    fields.push(...removed.map((f) => `applicant.${f}`));
  }
  if (record.ownerOpenid !== null) {
    patch.ownerOpenid = null;
    fields.push('ownerOpenid');
  }
  const history = record.history.map((h) => ({
    ...h,
    actorOpenid: h.actor === 'applicant' ? null : h.actorOpenid,
    detail: h.detail === null ? null : redactText(h.detail, all),
  }));
  if (history.some((h, i) => h.actorOpenid !== record.history[i].actorOpenid)) fields.push('history.actorOpenid');
  if (history.some((h, i) => h.detail !== record.history[i].detail)) fields.push('history.detail');
  if (JSON.stringify(history) !== JSON.stringify(record.history)) patch.history = history;

  for (const field of TEXT_FIELDS) {
    const current = record[field];
    if (current === undefined || current === null) continue;
    const redacted = redactDeep(current, all);
    if (JSON.stringify(redacted) !== JSON.stringify(current)) {
      (patch as Record<string, unknown>)[field] = redacted;
      fields.push(field);
    }
  }
  if (fields.length === 0) return null;
  patch.anonymisedAt = at;
  patch.updatedAt = at;
  return { patch, fields };
}

/** The contact a resident left on an inquiry or complaint, as values to remove. */
export function inquiryValuesOf(record: Pick<InquiryRecord, 'contact'>): string[] {
  return [record.contact?.name, record.contact?.phone].filter((v): v is string => typeof v === 'string' && v.trim().length >= MIN_REDACTED_LENGTH);
}

/**
 * The patch that anonymises an inquiry or complaint (咨询、投诉: 件件有记录): the case, its messages
 * and answer stay; the contact, the OPENID and the resident's values in its text go. Null when
 * nothing personal is left.
 */
export function anonymiseInquiry(record: InquiryRecord, values: readonly string[], at: string): Anonymisation<InquiryRecord> | null {
  const all = [...values, ...inquiryValuesOf(record)];
  const fields: string[] = [];
  const patch: Partial<InquiryRecord> = {};
  if (record.contact !== null) {
    patch.contact = null;
    fields.push('contact');
  }
  if (record.ownerOpenid !== null) {
    patch.ownerOpenid = null;
    fields.push('ownerOpenid');
  }
  const history = record.history.map((h) => ({
    ...h,
    actor: h.actor.role === 'resident' ? { role: h.actor.role, openid: null, name: null } : h.actor,
    detail: h.detail === null ? null : redactText(h.detail, all),
  }));
  if (JSON.stringify(history) !== JSON.stringify(record.history)) {
    patch.history = history;
    fields.push('history');
  }
  for (const field of ['text', 'messages', 'rating'] as const) {
    const current = record[field];
    if (current === null) continue;
    const redacted = redactDeep(current, all);
    if (JSON.stringify(redacted) !== JSON.stringify(current)) {
      (patch as Record<string, unknown>)[field] = redacted;
      fields.push(field);
    }
  }
  if (fields.length === 0) return null;
  patch.anonymisedAt = at;
  patch.updatedAt = at;
  return { patch, fields };
}

/** The event detail of an anonymisation: the fields, never their values. */
export function anonymisedDetail(reason: 'erasure' | 'retention', fields: readonly string[]): string {
  return `${reason === 'erasure' ? '应申请人要求删除个人信息' : '超过保存期限'}，已匿名化：${fields.join('、')}`;
}
