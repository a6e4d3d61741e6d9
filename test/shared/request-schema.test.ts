import { creditCodeCheckChar, creditCodeProblem, residentIdCheckChar, residentIdProblem } from '../../shared/requests/check-digits';
import { fieldErrorsOf } from '../../shared/api/zod-messages';
import { MAX_EXTENSION_WORKING_DAYS } from '../../shared/requests/deadline';
import { applicantProblemsOn, ExtendSchema, REPLY_CATEGORIES, REPLY_CATEGORY_INFO, SubmitSchema } from '../../shared/requests/request-schema';
import { application, organisationApplication, VALID_CREDIT_CODE, VALID_RESIDENT_ID } from '../support/request-factories';

describe('居民身份证 (GB 11643)', () => {
  test('the standard example and our fixture pass', () => {
    expect(residentIdProblem('11010519491231002X', '2026-11-24')).toBeNull();
    expect(residentIdProblem(VALID_RESIDENT_ID, '2026-11-24')).toBeNull();
  });
  test('a wrong check digit, an impossible or future birth date and a bad format are told apart', () => {
    expect(residentIdProblem('110105194912310021', '2026-11-24')).toBe('checkDigit');
    const feb30 = '11010519490230002';
    expect(residentIdProblem(feb30 + residentIdCheckChar(feb30), '2026-11-24')).toBe('birthDate');
    const future = '11010520300101002';
    expect(residentIdProblem(future + residentIdCheckChar(future), '2026-11-24')).toBe('birthDate');
    expect(residentIdProblem('1101051949123100', '2026-11-24')).toBe('format');
  });
});

describe('统一社会信用代码 (GB 32100)', () => {
  test('a valid code passes; a changed character fails its check', () => {
    expect(creditCodeProblem(VALID_CREDIT_CODE)).toBeNull();
    expect(creditCodeProblem('91350100M000100Y44')).toBe('checkDigit');
    expect(creditCodeProblem('91350100M000100I43')).toBe('format'); // I is not in the alphabet
    expect(creditCodeCheckChar(VALID_CREDIT_CODE.slice(0, 17))).toBe('3');
  });
});

describe('the application schema', () => {
  const errors = (input: unknown) => {
    const parsed = SubmitSchema.safeParse(input);
    return parsed.success ? {} : fieldErrorsOf(parsed.error);
  };

  test('valid applications by a person and by an organisation pass', () => {
    expect(errors(application())).toEqual({});
    expect(errors(organisationApplication())).toEqual({});
  });

  test('errors are Chinese and sit beside the field', () => {
    const bad = application({ applicant: { type: 'person', name: '陈晓明', idType: 'residentId', idNumber: '110105194912310021', phone: '1381234' } });
    expect(errors(bad)).toEqual({ 'applicant.phone': '请填写 11 位手机号码', 'applicant.idNumber': '身份证号码校验位不正确，请核对' });
  });

  test('an organisation needs its kind and credit code; a person their document', () => {
    expect(errors(application({ applicant: { type: 'organization', name: '某公司', phone: '13812345678' } }))).toEqual({
      'applicant.orgKind': '请选择组织类别',
      'applicant.creditCode': '请填写统一社会信用代码',
    });
    expect(errors(application({ applicant: { type: 'person', name: '某人', phone: '13812345678' } }))).toMatchObject({ 'applicant.idType': '请选择证件类型' });
  });

  test('a person has no organisation kind: one sent is refused, so the annual report cannot count it twice', () => {
    const person = application();
    expect(errors({ ...person, applicant: { ...person.applicant, orgKind: 'business' } })).toEqual({ 'applicant.orgKind': '自然人申请无需选择组织类别' });
  });

  test('post needs an address; email needs an email; paper cannot go by email', () => {
    expect(errors(application({ delivery: 'post' }))).toEqual({ 'applicant.address': '选择邮寄时请填写通讯地址' });
    expect(errors(application({ delivery: 'email' }))).toEqual({ 'applicant.email': '选择电子邮件时请填写邮箱' });
    expect(errors(application({ form: 'paper', delivery: 'inApp' }))).toEqual({ delivery: '纸质文本请选择邮寄或当面领取' });
  });

  test('purpose is never required; the description is', () => {
    expect(errors(application({ purpose: undefined }))).toEqual({});
    expect(errors(application({ information: { description: '  ' } }))).toEqual({ 'information.description': '此项必填' });
  });
});

test('every reply category has its report row, group and legal basis', () => {
  expect(REPLY_CATEGORIES).toHaveLength(21);
  for (const category of REPLY_CATEGORIES) {
    const info = REPLY_CATEGORY_INFO[category];
    expect(category.startsWith(info.group)).toBe(true);
    expect(info.reportLabel).toMatch(/[\u4e00-\u9fff]/);
    expect(info.legalBasis).toMatch(/政府信息公开条例/);
  }
});

describe('the rules that need today are asked with today', () => {
  const future = '11010520300101002';
  const bornIn2030 = future + residentIdCheckChar(future);

  test('a birth date after today is refused beside the field; today itself and earlier pass', () => {
    const person = { type: 'person' as const, idType: 'residentId' as const, idNumber: bornIn2030 };
    expect(applicantProblemsOn(person, '2026-11-24')).toEqual({ 'applicant.idNumber': '身份证号码中的出生日期不正确' });
    expect(applicantProblemsOn(person, '2029-12-31')).toEqual({ 'applicant.idNumber': '身份证号码中的出生日期不正确' });
    expect(applicantProblemsOn(person, '2030-01-01')).toEqual({});
    expect(applicantProblemsOn({ ...person, idNumber: VALID_RESIDENT_ID }, '2026-11-24')).toEqual({});
    // Only a 居民身份证 carries a birth date.
    expect(applicantProblemsOn({ ...person, idType: 'passport' }, '2026-11-24')).toEqual({});
  });

  test('the schema itself reads no clock: it still refuses an impossible birth date', () => {
    const feb30 = '11010519490230002';
    const impossible = application({ applicant: { ...application().applicant, idNumber: feb30 + residentIdCheckChar(feb30) } });
    const parsed = SubmitSchema.safeParse(impossible);
    expect(parsed.success ? {} : fieldErrorsOf(parsed.error)).toEqual({ 'applicant.idNumber': '身份证号码中的出生日期不正确' });
  });
});

describe('statutory numbers come from the domain', () => {
  test('an extension is at most MAX_EXTENSION_WORKING_DAYS (Art. 33: 20) working days', () => {
    const extend = (workingDays: number) => ExtendSchema.safeParse({ id: 'r1', version: 1, workingDays, approver: '张敏', reason: '需要调取档案' }).success;
    expect(MAX_EXTENSION_WORKING_DAYS).toBe(20);
    expect(extend(20)).toBe(true);
    expect(extend(21)).toBe(false);
    expect(extend(0)).toBe(false);
  });
});
