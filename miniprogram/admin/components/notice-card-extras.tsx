import { Button, Text, View } from '@tarojs/components';
import type { NoticeManageSummary } from '../../../shared/notices/notice-schema';
import { go, routes } from '../../navigation';

/** Under a staff list card: how often residents read it, and — for a consultation — the way to its opinions. */
export function NoticeCardExtras({ notice, views }: { notice: NoticeManageSummary; views: number | undefined }) {
  if (notice.status === 'draft') return null;
  return (
    <View className="notice-card__meta">
      <Text data-testid="admin-notice-views">阅读 {views ?? '—'}</Text>
      {notice.kind === 'consultation' && (
        <Button
          className="btn btn--plain btn--small"
          onClick={(e) => {
            e.stopPropagation();
            go(routes.adminOpinions(notice.id));
          }}
          data-testid="admin-notice-opinions"
        >
          意见审核
        </Button>
      )}
    </View>
  );
}
