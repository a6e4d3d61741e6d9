import { Text } from '@tarojs/components';
import type { NoticeManageSummary } from '../../../shared/notices/notice-schema';
import { formatBeijingDateTime } from '../../../shared/time/beijing-time';

/** A line under a staff list card: when a scheduled notice goes out, or why a withdrawn one was withdrawn. */
export function NoticeManageNote({ notice }: { notice: NoticeManageSummary }) {
  if (notice.scheduledAt) {
    return <Text className="notice-card__note" data-testid="scheduled-at">将于 {formatBeijingDateTime(notice.scheduledAt)} 自动发布</Text>;
  }
  if (notice.status === 'withdrawn' && notice.withdrawReason) {
    return <Text className="notice-card__note" data-testid="withdraw-reason">撤回原因：{notice.withdrawReason}</Text>;
  }
  return null;
}
