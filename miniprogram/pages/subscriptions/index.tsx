import { Button, Text, View } from '@tarojs/components';
import { NOTICE_KINDS, NOTICE_KIND_LABELS } from '../../../shared/notices/notice-kinds';
import { H5_NOTE, useSubscriptions, type Topic } from '../../hooks/use-subscriptions';
import { useElderClass } from '../../elder-mode';

/** 我的订阅: follow notice kinds and departments; switch WeChat reminders on; see what is left of one-time ones. */
export default function SubscriptionsPage() {
  const elder = useElderClass();
  const s = useSubscriptions();
  const { data, error, reload } = s.view;

  if (error && !data) {
    return (
      <View className={`page ${elder}`}>
        <View className="list-state list-state--error" data-testid="subscriptions-error">
          <Text>{error.message}</Text>
          <Button className="btn btn--plain" onClick={() => void reload()}>重新加载</Button>
        </View>
      </View>
    );
  }
  if (!data) return <View className={`page ${elder}`}><View className="list-state" data-testid="list-loading">正在加载…</View></View>;

  const row = (topic: Topic, label: string, testId: string) => {
    const on = s.has(topic);
    return (
      <View key={testId} className="switch-row">
        <Text>{label}</Text>
        <Button
          className={`btn btn--small btn--wide ${on ? 'btn--plain' : 'btn--primary'}`}
          disabled={s.busy || undefined}
          onClick={() => void s.toggle(topic)}
          data-testid={testId}
          data-subscribed={on ? 'yes' : 'no'}
        >
          {on ? '已订阅' : '订阅'}
        </Button>
      </View>
    );
  };
  const oneTime = data.grants.filter((g) => g.kind === 'oneTime');
  const pairs = data.items.filter((t) => t.kind && t.departmentId);

  return (
    <View className={`page ${elder}`}>
      {s.notice && <View className="card" data-testid="subscriptions-notice"><Text>{s.notice}</Text></View>}

      <View className="menu">
        <Text className="section-note">微信提醒</Text>
        {s.wechat ? (
          <>
            <View className="switch-row">
              <Text>公开信息更新（长期）</Text>
              {s.bulletinOn ? (
                <Text className="switch-row__on">已开启</Text>
              ) : (
                <Button className="btn btn--primary btn--small btn--wide" onClick={() => void s.requestConsent(['bulletin'])}>开启</Button>
              )}
            </View>
            <View className="switch-row">
              <Text>申请进度</Text>
              <Button className="btn btn--plain btn--small btn--wide" onClick={() => void s.requestConsent(['requestReplied', 'supplementRequested', 'extended'])}>
                增加一次
              </Button>
            </View>
            {/* Each template is counted on its own: a reply can be announced while supplements cannot, and vice versa. */}
            {oneTime.map((g) => (
              <View key={g.templateId} className="switch-row" data-testid={`grant-left-${g.purpose}`}>
                <Text className="hint">{g.label}</Text>
                <Text>{g.banned ? '已关闭' : `剩余 ${g.remaining} 次`}</Text>
              </View>
            ))}
            <Text className="section-note">申请进度提醒每次同意只能发送一条，用完后需再次同意；关闭微信提醒不影响「消息」。</Text>
          </>
        ) : (
          <Text className="section-note" data-testid="wechat-unavailable">{H5_NOTE}</Text>
        )}
      </View>

      <View className="menu" data-testid="topics-kinds">
        <Text className="section-note">按信息类别</Text>
        {NOTICE_KINDS.map((kind) => row({ kind }, NOTICE_KIND_LABELS[kind], `topic-kind-${kind}`))}
      </View>

      <View className="menu" data-testid="topics-departments">
        <Text className="section-note">按发布部门</Text>
        {(s.departments.data ?? []).map((d) => row({ departmentId: d.id }, d.name, `topic-dept-${d.id}`))}
        {s.departments.error && <Text className="section-note">{s.departments.error.message}</Text>}
      </View>

      {pairs.length > 0 && (
        <View className="menu">
          <Text className="section-note">指定部门的指定类别</Text>
          {pairs.map((t) => row({ kind: t.kind ?? undefined, departmentId: t.departmentId ?? undefined }, t.label, `topic-pair-${t.kind}-${t.departmentId}`))}
        </View>
      )}
    </View>
  );
}
