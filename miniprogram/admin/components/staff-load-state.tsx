import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { goHome } from '../../components/dead-end';

/**
 * What a staff page opened on one record (a request, a case, a follow-up, a review item…) shows
 * before it has the record, or why it never will. A link to a record that no longer exists — erased,
 * retired, moved to a department the clerk cannot see, or simply wrong — says so in plain words and
 * offers the way back to the list it belongs to; never a blank page or an id. Retrying is offered only
 * where it can help (the network, the server), not for a record that is not there.
 */
export function StaffLoadState(props: {
  error: { code?: string; message: string } | null;
  reload?: () => void | Promise<void>;
  /** 件申请 / 件咨询或投诉 / 个审核事项…: read after 这. */
  what: string;
  back: { label: string; url: string };
}) {
  const { error, what, back } = props;
  // Back to the list in place of this page, so that 返回 does not lead into the dead end again.
  const goBack = () => void Taro.redirectTo({ url: back.url });
  if (!error) return <View className="page request-page list-state" data-testid="detail-loading">正在加载…</View>;
  const missing = error.code === 'NOT_FOUND' || (error.code?.endsWith('_NOT_FOUND') ?? false);
  const refused = error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED';
  const title = missing ? `没有找到这${what}` : refused ? `无权查看这${what}` : `暂时打不开这${what}`;
  return (
    <View className="page dead-end" data-testid={missing ? 'staff-not-found' : 'detail-error'}>
      <View className="card dead-end__card">
        <Text className="dead-end__title" data-testid="dead-end-title">{title}</Text>
        <Text className="dead-end__text" data-testid="dead-end-text">
          {missing ? `这${what}已不存在或已停用，也可能不在您可以查看的范围内；链接有误时也会这样。` : error.message}
        </Text>
        {!missing && !refused && props.reload ? (
          <Button className="btn btn--plain btn--block" onClick={() => void props.reload?.()} data-testid="reload">重新加载</Button>
        ) : null}
        <Button className="btn btn--primary btn--block" onClick={goBack} data-testid="go-back">{back.label}</Button>
        <Button className="btn btn--plain btn--block" onClick={goHome} data-testid="go-home">返回首页</Button>
      </View>
    </View>
  );
}
