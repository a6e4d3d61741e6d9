import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { COMMENT_MAX_CHARS, COMMENT_STATUS_LABELS, commentTextProblem } from '../../shared/notices/comment-rules';
import type { Period } from '../../shared/notices/notice-schema';
import { periodStatus } from '../../shared/notices/period-status';
import { beijingToday, formatBeijingDate } from '../../shared/time/beijing-time';
import { useOpinions } from '../hooks/use-opinions';

type Consultation = { id: string; period: Period };

/**
 * Opinions on a consultation: a form while the period is open (opinions are
 * reviewed before anyone else sees them, and the form says so), the
 * resident's own with where each stands, and the published ones with the
 * bureau's replies.
 */
export function ConsultationOpinions({ notice, signedIn }: { notice: Consultation; signedIn: boolean }) {
  const state = periodStatus(notice.period, beijingToday(new Date()), 'consultation').state;
  const opinions = useOpinions(notice.id, signedIn);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async () => {
    const local = commentTextProblem(text);
    if (local) return setProblem(local);
    setSending(true);
    const failure = await opinions.send(text.trim());
    setSending(false);
    setProblem(failure);
    if (!failure) {
      setText('');
      void Taro.showToast({ title: '已提交，审核后公开', icon: 'none' });
    }
  };

  return (
    <View className="opinions" data-testid="opinions">
      <Text className="section-head__title">公众意见</Text>

      {state === 'open' && signedIn && (
        <View className="field opinions__form" data-testid="opinion-form">
          <Text className="field__label">我的意见</Text>
          <Textarea
            nativeProps={{ 'aria-label': '我的意见' }}
            className="field__textarea"
            value={text}
            maxlength={COMMENT_MAX_CHARS}
            placeholder="请写下您的意见或建议。意见经审核后公开，您的身份信息不会公开。"
            onInput={(e) => {
              setText(e.detail.value);
              setProblem(null);
            }}
            data-testid="opinion-input"
          />
          <Text className="hint">{text.trim().length} / {COMMENT_MAX_CHARS} 字</Text>
          {problem ? <Text className="field__error" data-testid="opinion-error">{problem}</Text> : null}
          <Button className="btn btn--primary btn--block" onClick={() => void submit()} disabled={sending || undefined} data-testid="opinion-submit">
            提交意见
          </Button>
        </View>
      )}
      {state === 'open' && !signedIn && <Text className="hint">登录后可以在征求意见期内留言。</Text>}
      {state === 'upcoming' && <Text className="hint">征求意见将于 {notice.period.start} 开始，届时可以留言。</Text>}
      {state === 'ended' && <Text className="hint" data-testid="opinions-closed">征求意见已结束，感谢您的关注。</Text>}

      {opinions.mine.length > 0 && (
        <View className="opinions__mine" data-testid="my-opinions">
          {opinions.mine.map((c) => (
            <View key={c.id} className="opinion opinion--mine" data-testid="my-opinion">
              <View className="opinion__head">
                <Text>我的意见 · {formatBeijingDate(c.createdAt)}</Text>
                <Text className={`badge badge--comment-${c.status}`}>{COMMENT_STATUS_LABELS[c.status]}</Text>
              </View>
              <Text className="opinion__text">{c.text}</Text>
              {c.reply ? <Text className="opinion__reply">答复：{c.reply.text}</Text> : null}
            </View>
          ))}
        </View>
      )}

      {opinions.loading && opinions.published.length === 0 ? (
        <View className="list-state">正在加载…</View>
      ) : opinions.loadError ? (
        <View className="list-state list-state--error">
          <Text>{opinions.loadError}</Text>
          <Button className="btn btn--plain" onClick={() => void opinions.reload()}>重新加载</Button>
        </View>
      ) : opinions.published.length === 0 ? (
        <View className="list-state" data-testid="opinions-empty">暂无公开的意见</View>
      ) : (
        opinions.published.map((c) => (
          <View key={c.id} className="opinion" data-testid="opinion">
            <Text className="opinion__meta">居民意见 · {formatBeijingDate(c.createdAt)}</Text>
            <Text className="opinion__text">{c.text}</Text>
            {c.reply ? (
              <View className="opinion__reply" data-testid="opinion-reply">
                <Text className="opinion__reply-label">答复（{formatBeijingDate(c.reply.at)}）</Text>
                <Text>{c.reply.text}</Text>
              </View>
            ) : null}
          </View>
        ))
      )}
      {opinions.published.length > 0 && opinions.loadingMore ? <View className="list-state">正在加载更多…</View> : null}
      {opinions.published.length > 0 && !opinions.loadingMore && opinions.hasMore ? (
        <View className="list-state" data-testid="opinions-more">
          {opinions.moreError ? <Text>{opinions.moreError}</Text> : null}
          <Button className="btn btn--plain" onClick={() => void opinions.loadMore()}>{opinions.moreError ? '重试' : '查看更多意见'}</Button>
        </View>
      ) : null}
    </View>
  );
}
