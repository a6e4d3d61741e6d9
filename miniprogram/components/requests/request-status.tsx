import { Text } from '@tarojs/components';
import { REQUEST_STATUS_LABELS, type RequestStatus } from '../../../shared/requests/request-schema';

export function RequestStatusTag({ status }: { status: RequestStatus }) {
  return (
    <Text className={`status-tag status-tag--${status}`} data-testid="request-status">
      {REQUEST_STATUS_LABELS[status]}
    </Text>
  );
}

/**
 * How long is left, in the words a resident uses: working days, not dates
 * to count on a calendar. Null when no clock runs.
 */
export function daysLeftText(dueOn: string | null, workingDaysLeft: number | null, provisional: boolean): string | null {
  if (!dueOn || workingDaysLeft === null) return null;
  const mark = provisional ? '（暂定）' : '';
  if (workingDaysLeft < 0) return `已超期 ${-workingDaysLeft} 个工作日${mark}`;
  if (workingDaysLeft === 0) return `今天是答复期限${mark}`;
  return `还剩 ${workingDaysLeft} 个工作日${mark}`;
}

export type Urgency = 'overdue' | 'dueSoon' | 'normal' | 'none';

export function DueTag({ dueOn, workingDaysLeft, provisional, urgency }: { dueOn: string | null; workingDaysLeft: number | null; provisional: boolean; urgency: Urgency }) {
  const text = daysLeftText(dueOn, workingDaysLeft, provisional);
  if (!text) return null;
  return (
    <Text className={`due-tag due-tag--${provisional && urgency === 'normal' ? 'provisional' : urgency}`} data-testid="due-tag">
      {text}
    </Text>
  );
}

/** The resident's list has no urgency from the server: the same 3-working-day rule as the staff queue. */
export function urgencyOf(workingDaysLeft: number | null): Urgency {
  if (workingDaysLeft === null) return 'none';
  if (workingDaysLeft < 0) return 'overdue';
  return workingDaysLeft <= 3 ? 'dueSoon' : 'normal';
}
