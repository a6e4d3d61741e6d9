import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { noticeLinkOf } from '../hooks/use-notice-share';

/**
 * Under a notice: its 阅读 count, 分享给朋友 (WeChat's share sheet, through
 * the page's useShareAppMessage) or 复制链接 in a browser, and 返回首页 when
 * the notice was opened from a share and there is no page to go back to.
 */
export function NoticeShareBar({ id, views, firstPage }: { id: string; views: number | null; firstPage: boolean }) {
  const copy = async () => {
    try {
      await Taro.setClipboardData({ data: noticeLinkOf(id) });
      void Taro.showToast({ title: '链接已复制', icon: 'none' });
    } catch {
      void Taro.showToast({ title: '复制失败，请从地址栏复制', icon: 'none' });
    }
  };
  return (
    <View className="share-bar" data-testid="share-bar">
      <Text className="share-bar__views" data-testid="notice-views">{views === null ? '' : `阅读 ${views}`}</Text>
      {process.env.TARO_ENV === 'weapp' ? (
        <Button className="btn btn--plain btn--small" openType="share" data-testid="share-button">分享给朋友</Button>
      ) : (
        <Button className="btn btn--plain btn--small" onClick={() => void copy()} data-testid="copy-link">复制链接</Button>
      )}
      {firstPage && (
        <Button className="btn btn--primary btn--small" onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })} data-testid="home-button">首页</Button>
      )}
    </View>
  );
}
