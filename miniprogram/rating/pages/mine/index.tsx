import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { call } from '../../../api/call';
import { PagedListView } from '../../../components/paged-list-view';
import { usePagedList } from '../../../hooks/use-paged-list';
import { FOLLOW_UP_STATUS_LABELS, RECTIFICATION_LABELS } from '../../../../shared/ratings/follow-up';
import type { MyRating } from '../../../../shared/ratings/ratings-types';
import { formatBeijingDate, formatBeijingDateTime } from '../../../../shared/time/beijing-time';
import { LevelChip } from '../../components/level-chip';
import '../../rating.css';
import { useElderClass } from '../../../elder-mode';
import { useForm } from '../../../hooks/use-form';

/** My ratings, newest first, with what became of each 差评 — and my say on whether it solved the problem. */
export default function MyRatingsPage() {
  const elder = useElderClass();
  const list = usePagedList(useCallback((cursor: string | null) => call('ratings', 'mine', { cursor, limit: 10 }), []), []);
  const [answered, setAnswered] = useState<Record<string, MyRating>>({});
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void list.refresh();
    shown.current = true;
  });
  usePullDownRefresh(() => void list.refresh().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => void list.loadMore());

  // Two buttons and nothing to type: the form hook's guard and reporting, with nothing to check.
  const form = useForm<void, void, MyRating>({ check: () => ({ data: undefined }) });
  const feedback = (id: string, solved: boolean) =>
    form.send(() => call('ratings', 'feedback', { ratingId: id, solved }), {
      done: '感谢您的反馈',
      onDone: (updated) => setAnswered((current) => ({ ...current, [id]: updated })),
    });

  return (
    <View className={`page ${elder}`}>
      <PagedListView
        list={list}
        emptyText="您还没有评价过。办完事扫一扫窗口的评价码即可评价。"
        renderItem={(item) => {
          const r = answered[item.id] ?? item;
          const f = r.followUp;
          return (
            <View key={r.id} className="card rating-card" data-testid="my-rating">
              <View className="rating-card__head">
                <Text className="rating-card__title">{r.windowName}</Text>
                <LevelChip level={r.level} />
              </View>
              <Text className="rating-card__meta">
                {r.serviceName ? `${r.serviceName} · ` : ''}
                {formatBeijingDateTime(r.createdAt)}
                {r.anonymous ? ' · 匿名公开' : ''}
              </Text>
              {r.tags.length > 0 && <Text className="rating-card__meta">{r.tags.join('、')}</Text>}
              {r.comment && <Text className="rating-card__comment">{r.comment}</Text>}
              {r.commentStatus === 'rejected' && <Text className="rating-card__held">留言未通过内容审核，仅您自己可见</Text>}
              {f && (
                <View className={`outcome ${f.response ? '' : 'outcome--waiting'}`} data-testid="my-rating-outcome">
                  <Text className="outcome__title">整改回访：{FOLLOW_UP_STATUS_LABELS[f.status]}</Text>
                  {f.reopened && !f.response && <Text data-testid="my-rating-reopened">您反馈问题未解决，已重新办理并报告管理员。</Text>}
                  {!f.response && <Text>我们将在 {f.dueDate}{f.dueProvisional ? '（暂定）' : ''} 前联系您并答复。</Text>}
                  {f.response && (
                    <>
                      <Text>
                        {RECTIFICATION_LABELS[f.response.rectification]}
                        {f.response.planDueDate ? `（${f.response.planDueDate} 前完成）` : ''} · {formatBeijingDate(f.response.respondedAt)} 答复
                      </Text>
                      <Text data-testid="my-rating-answer">{f.response.answer}</Text>
                      {f.completion && <Text data-testid="my-rating-completion">整改完成（{formatBeijingDate(f.completion.at)}）：{f.completion.done}</Text>}
                      {f.status === 'rectifying' ? (
                        <Text data-testid="my-rating-rectifying">整改完成后我们会告知您，届时请评价问题是否解决。</Text>
                      ) : f.feedback ? (
                        <Text data-testid="my-rating-feedback">您的反馈：{f.feedback.solved ? '问题已解决' : '问题未解决'}</Text>
                      ) : (
                        <>
                          <Text>问题解决了吗？</Text>
                          <View className="outcome__actions">
                            <Button className="btn btn--primary" onClick={() => void feedback(r.id, true)} data-testid="feedback-solved">已解决</Button>
                            <Button className="btn btn--plain" onClick={() => void feedback(r.id, false)} data-testid="feedback-unsolved">未解决</Button>
                          </View>
                        </>
                      )}
                    </>
                  )}
                </View>
              )}
            </View>
          );
        }}
      />
    </View>
  );
}
