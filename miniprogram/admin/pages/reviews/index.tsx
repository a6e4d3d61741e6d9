import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { call } from '../../../api/call';
import { PagedListView } from '../../../components/paged-list-view';
import { useElderClass } from '../../../elder-mode';
import { usePagedList } from '../../../hooks/use-paged-list';
import { go, routes } from '../../../navigation';
import { REVIEW_KIND_LABELS, type ReviewStatus, type ReviewSummary } from '../../../../shared/reviews/review-kinds';
import { waitedFor } from '../../../../shared/reviews/review-wording';
import { formatBeijingDateTime } from '../../../../shared/time/beijing-time';
import { REVIEW_STATUS_LABELS, reviewSubject } from '../../review-item';

/** A status, or 待我审核: pending items others submitted (one's own wait for someone else, SELF_REVIEW). */
type ReviewFilter = ReviewStatus | 'toDecide';

const FILTERS: Array<{ key: ReviewFilter; label: string }> = [
  { key: 'pending', label: '待审核' },
  { key: 'toDecide', label: '待我审核' },
  { key: 'sentBack', label: '已退回' },
  { key: 'approved', label: '已通过' },
];

/** A day: past it an item's wait shows in red, since the deadline behind it has kept running. */
const LONG_WAIT_MS = 24 * 3_600_000;

/** Reviewers: what waits for review, oldest first, with how long it has waited (deadlines keep running meanwhile). */
export default function ReviewsPage() {
  // Opened from 我的待办's 待我审核: what waits for this reviewer, not their own submissions.
  const opened = useRouter().params.filter;
  const [status, setStatus] = useState<ReviewFilter>(opened === 'toDecide' ? 'toDecide' : 'pending');
  const list = usePagedList(
    useCallback((cursor: string | null) => call('reviews', 'queue', status === 'toDecide' ? { status: 'pending', othersOnly: true, cursor, limit: 20 } : { status, cursor, limit: 20 }), [status]),
    [status],
  );
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void list.refresh();
    shown.current = true;
  });
  usePullDownRefresh(() => void list.refresh().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => void list.loadMore());
  const now = new Date();
  const elder = useElderClass();

  return (
    <View className={`page ${elder}`}>
      <View className="tabs">
        {FILTERS.map((f) => (
          <Text role="button" aria-pressed={f.key === status} tabIndex={0} key={f.key} className={`tabs__item ${f.key === status ? 'tabs__item--active' : ''}`} onClick={() => setStatus(f.key)} data-testid={`review-filter-${f.key}`}>
            {f.label}
          </Text>
        ))}
      </View>
      <PagedListView
        list={list}
        emptyText={status === 'pending' || status === 'toDecide' ? '没有待审核的事项' : '没有记录'}
        renderItem={(item: ReviewSummary) => (
          <View role="button" tabIndex={0} key={item.id} className="card" onClick={() => go(routes.adminReview(item.id))} data-testid="review-item">
            <View className="notice-card__meta">
              <Text className="badge badge--muted" data-testid="review-kind">{REVIEW_KIND_LABELS[item.kind]}</Text>
              {item.status === 'pending' ? (
                <Text className={`badge ${now.getTime() - Date.parse(item.submittedAt) >= LONG_WAIT_MS ? 'badge--open' : 'badge--muted'}`} data-testid="review-waited">
                  已等待 {waitedFor(item.submittedAt, now)}
                </Text>
              ) : (
                <Text className="badge badge--muted">{REVIEW_STATUS_LABELS[item.status]}</Text>
              )}
            </View>
            <Text className="notice-card__title" data-testid="review-subject">{reviewSubject(item)}</Text>
            <View className="notice-card__meta">
              <Text>提交人：{item.authorName}</Text>
              <Text>{formatBeijingDateTime(item.submittedAt)}</Text>
            </View>
            {item.dueOn && <Text className="hint" data-testid="review-due">答复期限 {item.dueOn}（审核期间照常计算）</Text>}
            {item.reviewerName && <Text className="hint">审核人：{item.reviewerName}{item.comment ? ` · ${item.comment}` : ''}</Text>}
          </View>
        )}
      />
    </View>
  );
}
