import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/call';
import { NoticeBody } from '../../../components/notice-body';
import { useRemote } from '../../../hooks/use-remote';
import { NoticeDiffView } from '../../components/notice-diff';
import { NOTICE_STATUS_LABELS } from '../../../../shared/notices/notice-kinds';
import { VERSION_ACTION_LABELS } from '../../../../shared/notices/notice-versions';
import { formatBeijingDateTime } from '../../../../shared/time/beijing-time';
import { routes } from '../../../navigation';
import { StaffLoadState } from '../../components/staff-load-state';

/** Staff: one kept version — who did what and when, what it changed, and its full text as residents would read it. */
export default function NoticeVersionPage() {
  const { id = '', version = '' } = useRouter().params;
  const detail = useRemote(() => call('notices', 'versionDetail', { id, version: Number(version) }), [id, version]);

  if (!detail.data) {
    return <StaffLoadState error={detail.loading ? null : detail.error ?? { code: 'NOTICE_VERSION_NOT_FOUND', message: '未找到该历史版本' }} reload={detail.reload} what="个历史版本" back={{ label: '返回修改记录', url: routes.adminNoticeHistory(id) }} />;
  }
  const { version: v, diff, previousVersion } = detail.data;
  return (
    <View className="page">
      <View className="card" data-testid="version-head">
        <Text className="version-card__action">
          第 {v.noticeVersion} 版 · {VERSION_ACTION_LABELS[v.action]} · {NOTICE_STATUS_LABELS[v.status]}
        </Text>
        <View className="notice-card__meta">
          <Text>{v.actorName || '—'}</Text>
          <Text>{formatBeijingDateTime(v.at)}</Text>
        </View>
        {v.detail ? <Text className="version-card__detail">{v.detail}</Text> : null}
        {v.snapshot.withdrawReason ? <Text className="version-card__detail">撤回原因：{v.snapshot.withdrawReason}</Text> : null}
      </View>
      {diff ? (
        <>
          <Text className="hint">对照第 {previousVersion} 版</Text>
          <NoticeDiffView diff={diff} />
        </>
      ) : (
        <Text className="hint">这是保留的第一个版本，没有可对照的上一版本。</Text>
      )}
      <Text className="diff__heading">此版本全文</Text>
      <View className="page--paper">
        <NoticeBody notice={v.snapshot} />
      </View>
    </View>
  );
}
