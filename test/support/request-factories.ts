import type { EnterInput, SubmitInput } from '../../shared/requests/request-schema';

/** Valid identity numbers (their check digits are right) for tests and demo data. */
export const VALID_RESIDENT_ID = '330106199003071236';
export const VALID_CREDIT_CODE = '91350100M000100Y43';

let keySeq = 0;
/** A fresh idempotency key, as the app makes one per draft. */
export function freshKey(): string {
  keySeq += 1;
  return `test-key-${Date.now().toString(36)}-${keySeq}`;
}

/** A valid online application by a person; tests override what they care about. */
export function application(overrides: Partial<SubmitInput> = {}): SubmitInput {
  return {
    idempotencyKey: freshKey(),
    applicant: { type: 'person', name: '陈晓明', idType: 'residentId', idNumber: VALID_RESIDENT_ID, phone: '13812345678' },
    information: { description: '请公开本小区 2025 年度老旧小区改造项目的招标文件和中标结果。', title: '老旧小区改造项目招标文件' },
    form: 'electronic',
    delivery: 'inApp',
    ...overrides,
  };
}

/** A valid application by an organisation, delivered by post. */
export function organisationApplication(overrides: Partial<SubmitInput> = {}): SubmitInput {
  return application({
    applicant: {
      type: 'organization',
      orgKind: 'legalService',
      name: '云溪明理律师事务所',
      creditCode: VALID_CREDIT_CODE,
      phone: '13900001111',
      address: '云溪区文三路 12 号',
    },
    form: 'paper',
    delivery: 'post',
    ...overrides,
  });
}

/** A paper application as a clerk types it in. */
export function enteredApplication(overrides: Partial<EnterInput> = {}): EnterInput {
  return { ...application(), channel: 'letter', receivedOn: '2026-11-20', ...overrides } as EnterInput;
}
