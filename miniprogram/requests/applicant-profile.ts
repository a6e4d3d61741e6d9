import Taro from '@tarojs/taro';
import type { RequestDraft } from './request-draft';
import { maskAddress, maskEmail, maskIdNumber, maskName, maskPhone } from '../../shared/privacy/masking';
import { ID_TYPE_LABELS, ORG_KIND_LABELS } from '../../shared/requests/request-schema';

/**
 * 我的 → 申请人信息: the applicant's details, written once and filled into every new application.
 * Kept on this phone only (Taro storage), never sent anywhere by themselves: the bureau receives them
 * only inside an application the resident submits. So the personal data the bureau holds does not
 * grow by a profile, and 删除 here is immediate and complete.
 */
export const APPLICANT_PROFILE_KEY = 'sg-applicant-profile';

export const PROFILE_FIELDS = ['applicantType', 'orgKind', 'name', 'idType', 'idNumber', 'creditCode', 'phone', 'email', 'address'] as const;
export type ApplicantProfile = Pick<RequestDraft, (typeof PROFILE_FIELDS)[number]>;

export function emptyApplicantProfile(): ApplicantProfile {
  return { applicantType: 'person', orgKind: 'business', name: '', idType: 'residentId', idNumber: '', creditCode: '', phone: '', email: '', address: '' };
}

function isProfile(value: unknown): value is ApplicantProfile {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return PROFILE_FIELDS.every((k) => typeof v[k] === 'string') && (v.applicantType === 'person' || v.applicantType === 'organization');
}

/** The saved details, or null when none were saved (or what is stored is not a profile). */
export function loadApplicantProfile(): ApplicantProfile | null {
  try {
    const raw = Taro.getStorageSync(APPLICANT_PROFILE_KEY);
    const parsed: unknown = typeof raw === 'string' && raw ? JSON.parse(raw) : null;
    return isProfile(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveApplicantProfile(profile: ApplicantProfile): void {
  Taro.setStorageSync(APPLICANT_PROFILE_KEY, JSON.stringify(profileOf(profile)));
}

export function deleteApplicantProfile(): void {
  Taro.removeStorageSync(APPLICANT_PROFILE_KEY);
}

/** Just the applicant's fields of a draft (or of a profile). */
export function profileOf(source: ApplicantProfile): ApplicantProfile {
  return Object.fromEntries(PROFILE_FIELDS.map((k) => [k, source[k]])) as ApplicantProfile;
}

/** Whether a draft's applicant part is still untouched, so filling it in overwrites nothing typed. */
export function applicantPartEmpty(draft: RequestDraft): boolean {
  return !draft.name.trim() && !draft.idNumber.trim() && !draft.creditCode.trim() && !draft.phone.trim() && !draft.email.trim() && !draft.address.trim();
}

/** The saved details as the resident sees them on 申请人信息: masked, like every list in the app. */
export function maskedProfileRows(p: ApplicantProfile): Array<[string, string]> {
  const person = p.applicantType === 'person';
  const rows: Array<[string, string]> = [
    ['申请人类型', person ? '自然人' : `法人或其他组织（${ORG_KIND_LABELS[p.orgKind]}）`],
    [person ? '姓名' : '单位名称', person ? maskName(p.name) : p.name],
    person ? [ID_TYPE_LABELS[p.idType], maskIdNumber(p.idNumber.trim())] : ['统一社会信用代码', maskIdNumber(p.creditCode.trim())],
    ['手机号码', maskPhone(p.phone.trim())],
    ['电子邮箱', p.email.trim() ? maskEmail(p.email.trim()) : ''],
    ['通信地址', p.address.trim() ? maskAddress(p.address) : ''],
  ];
  return rows.filter(([, value]) => value);
}
