import { fireEvent, screen } from '@testing-library/react';
import { VALID_RESIDENT_ID } from './request-factories';

const type = (name: string, value: string) => fireEvent.change(screen.getByTestId(`input-${name}`), { target: { value } });
const click = (testId: string) => fireEvent.click(screen.getByTestId(testId));

/**
 * Page tests of the resident's new-request form: fills a valid application step by step (applicant,
 * contact, description) and goes on to the review step, where it can be submitted.
 */
export function fillValidApplication(): void {
  type('name', '陈晓明');
  type('idNumber', VALID_RESIDENT_ID);
  click('next-step');
  type('phone', '13812345678');
  click('next-step');
  type('description', '请公开青禾路旧改项目2025年的征收补偿方案。');
  click('next-step');
}
