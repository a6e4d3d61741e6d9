import type { ApplicantType, DeliveryMethod, IdType, InformationForm, OrgKind, SubmitInput } from '../../shared/requests/request-schema';

/**
 * The new-request form keeps a flat draft of strings (what inputs hold) and
 * builds the `submit` input from it only when checking or sending; the
 * server's own schema then validates it, and its error paths
 * ("applicant.idNumber") are the keys the form shows errors under.
 */
export interface RequestDraft {
  /** Made once per draft and kept across retries: the server answers a repeat with the same request. */
  idempotencyKey: string;
  step: number;
  applicantType: ApplicantType;
  orgKind: OrgKind;
  name: string;
  idType: IdType;
  idNumber: string;
  creditCode: string;
  phone: string;
  email: string;
  address: string;
  description: string;
  title: string;
  docNumber: string;
  purpose: string;
  form: InformationForm;
  delivery: DeliveryMethod;
  /** The resident's inquiry this application is made from (staff found it to be a disclosure request): linked both ways on submit. */
  fromCaseId?: string;
}

export const DRAFT_STORAGE_KEY = 'sg-request-draft';

/** 32 characters from the best randomness available; unique enough to tell one resident's drafts apart. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  const cryptoApi = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (cryptoApi?.getRandomValues) cryptoApi.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function emptyRequestDraft(): RequestDraft {
  return {
    idempotencyKey: newIdempotencyKey(),
    step: 0,
    applicantType: 'person',
    orgKind: 'business',
    name: '',
    idType: 'residentId',
    idNumber: '',
    creditCode: '',
    phone: '',
    email: '',
    address: '',
    description: '',
    title: '',
    docNumber: '',
    purpose: '',
    form: 'electronic',
    delivery: 'inApp',
  };
}

export function isRequestDraft(value: unknown): value is RequestDraft {
  if (!value || typeof value !== 'object') return false;
  const d = value as Record<string, unknown>;
  return typeof d.idempotencyKey === 'string' && d.idempotencyKey.length >= 16 && typeof d.name === 'string' && typeof d.description === 'string' && typeof d.step === 'number';
}

const optional = (value: string) => (value.trim() ? value : undefined);

/** The applicant part, shared by the resident's `submit` and the clerk's `enter`. */
export function applicantFromDraft(d: RequestDraft): SubmitInput['applicant'] {
  const person = d.applicantType === 'person';
  return {
    type: d.applicantType,
    ...(person ? {} : { orgKind: d.orgKind }),
    name: d.name,
    ...(person ? { idType: d.idType, idNumber: d.idNumber } : { creditCode: d.creditCode }),
    phone: d.phone,
    ...(optional(d.email) ? { email: d.email } : {}),
    ...(optional(d.address) ? { address: d.address } : {}),
  };
}

export function submitInputFromDraft(d: RequestDraft): SubmitInput {
  return {
    idempotencyKey: d.idempotencyKey,
    applicant: applicantFromDraft(d),
    information: {
      description: d.description,
      ...(optional(d.title) ? { title: d.title } : {}),
      ...(optional(d.docNumber) ? { docNumber: d.docNumber } : {}),
    },
    ...(optional(d.purpose) ? { purpose: d.purpose } : {}),
    form: d.form,
    delivery: d.delivery,
    ...(d.fromCaseId ? { fromCaseId: d.fromCaseId } : {}),
  };
}

/** Which error paths belong to which step, so "下一步" checks only what is on screen. */
export const STEP_FIELDS: string[][] = [
  ['applicant.type', 'applicant.orgKind', 'applicant.name', 'applicant.idType', 'applicant.idNumber', 'applicant.creditCode'],
  ['applicant.phone', 'applicant.email', 'applicant.address', 'form', 'delivery'],
  ['information.description', 'information.title', 'information.docNumber', 'information', 'purpose'],
  [],
];

export const STEP_TITLES = ['申请人', '联系与获取', '所需信息', '确认提交'];

export function stepOfField(path: string): number {
  const index = STEP_FIELDS.findIndex((fields) => fields.some((f) => path === f || path.startsWith(`${f}.`)));
  return index === -1 ? STEP_FIELDS.length - 1 : index;
}

export function errorsForStep(errors: Record<string, string>, step: number): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => stepOfField(path) === step));
}
