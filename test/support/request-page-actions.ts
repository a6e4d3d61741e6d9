import { fireEvent, screen, waitFor } from '@testing-library/react';

/**
 * Page tests of the staff request page: opens the form of one action (`key`: a `requests` command,
 * askFee, or redirect). The likely next step is open already; every other one is behind 其他操作,
 * one form at a time.
 */
export async function openAction(key: string): Promise<void> {
  await waitFor(() => screen.getByTestId('request-actions'));
  if (screen.queryByTestId(`action-${key}`)) return;
  fireEvent.click(screen.getByTestId('more-actions'));
  fireEvent.click(screen.getByTestId(`open-${key}`));
  await waitFor(() => screen.getByTestId(`action-${key}`));
}
