import { draftErrors } from '../../miniprogram/requests/request-validation';
import { emptyRequestDraft } from '../../miniprogram/requests/request-draft';
import { residentIdCheckChar } from '../../shared/requests/check-digits';

/** The form asks, before submitting, what the server will: the schema, and the rule that needs today. */
describe('draftErrors', () => {
  const bornOn = (date: string) => {
    const body = `110105${date.replaceAll('-', '')}002`;
    return body + residentIdCheckChar(body);
  };
  const draft = (idNumber: string) => ({ ...emptyRequestDraft(), name: '张三', idNumber, phone: '13800000000', description: '本区2026年老旧小区改造计划' });

  test('an ID whose birth date is after today (Beijing, on the phone’s clock) is refused beside the ID field', () => {
    const now = new Date('2026-11-24T02:00:00Z');
    expect(draftErrors(draft(bornOn('2026-11-25')), now)['applicant.idNumber']).toBe('身份证号码中的出生日期不正确');
    expect(draftErrors(draft(bornOn('2026-11-24')), now)['applicant.idNumber']).toBeUndefined();
  });

  test('the day turns at midnight Beijing time, not UTC', () => {
    // 2026-11-24 16:30 UTC is already the 25th in Beijing: someone born on the 25th exists.
    expect(draftErrors(draft(bornOn('2026-11-25')), new Date('2026-11-24T16:30:00Z'))['applicant.idNumber']).toBeUndefined();
  });
});
