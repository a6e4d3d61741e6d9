import { Button, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../api/call';
import { ConsultationOpinions } from '../../components/consultation-opinions';
import { DeadEnd, goHome } from '../../components/dead-end';
import { NoticeBody } from '../../components/notice-body';
import { NoticeShareBar } from '../../components/notice-share-bar';
import { useNoticeShare } from '../../hooks/use-notice-share';
import { useRemote } from '../../hooks/use-remote';
import { useWhoami } from '../../hooks/use-whoami';
import { useElderClass } from '../../elder-mode';
import { PrivacyPopup } from '../../privacy/privacy-popup';

/** One published notice, in full; a consultation also shows its opinions. Opened from a shared link it may be the first page. */
export default function NoticeDetailPage() {
  const id = useRouter().params.id ?? '';
  const notice = useRemote(() => call('notices', 'get', { id }), [id]);
  const { whoami } = useWhoami();
  const elder = useElderClass();
  const share = useNoticeShare(id, notice.data?.title);

  if (notice.loading && !notice.data) return <View className={`page ${elder} list-state`} data-testid="detail-loading">正在加载…</View>;
  // A link that leads nowhere says why, and the way home; retrying helps only when the network failed.
  if (notice.error?.code === 'NOTICE_WITHDRAWN') {
    return <DeadEnd testId="detail-error" elder={elder} title="这条信息已撤回" text={`${notice.error.message}。您可以回到首页查看其他信息，或搜索相关内容。`} />;
  }
  if (notice.error?.code === 'NOTICE_NOT_FOUND' || (!notice.error && !notice.data)) {
    return <DeadEnd testId="detail-error" elder={elder} title="没有找到这条信息" text="链接可能有误，或这条信息没有公开。您可以回到首页查找需要的信息。" />;
  }
  if (notice.error || !notice.data) {
    return (
      <View className={`page ${elder} list-state list-state--error`} data-testid="detail-error">
        <View>{notice.error?.message ?? '加载失败'}</View>
        <Button className="btn btn--plain" onClick={() => void notice.reload()}>重新加载</Button>
        <Button className="btn btn--plain" onClick={goHome} data-testid="go-home">返回首页</Button>
      </View>
    );
  }
  return (
    <View className={`page page--paper ${elder}`}>
      {/* Copying an address or a link uses the clipboard, a privacy API. */}
      <PrivacyPopup />
      <NoticeBody notice={notice.data} />
      <NoticeShareBar id={id} views={share.views} firstPage={share.firstPage} />
      {notice.data.kind === 'consultation' && <ConsultationOpinions notice={notice.data} signedIn={!!whoami?.openid} />}
    </View>
  );
}
