import { Text, View } from '@tarojs/components';
import { formatBeijingDateTime } from '../../../shared/time/beijing-time';
import type { ReviewSummary } from '../../../shared/reviews/review-kinds';
import '../review.css';

/**
 * Where the author's submission stands, on the page of what was submitted (a notice, a request):
 * waiting for review, or sent back with the reviewer's comment to act on. An approved item needs no
 * banner — the act has happened and the page shows it.
 */
export function ReviewState({ review, subjectVersion }: { review: ReviewSummary | null; subjectVersion: number | undefined }) {
  if (!review || review.status === 'approved') return null;
  if (review.status === 'pending') {
    const stale = subjectVersion !== undefined && review.subjectVersion !== subjectVersion;
    return (
      <Text className="review__notice" data-testid="review-pending">
        已提交审核（{formatBeijingDateTime(review.submittedAt)}，{review.authorName}），等待审核人员审核，通过后才发出。
        {stale ? '提交之后又作了修改：审核人员将无法通过提交的版本，请重新提交。' : ''}
      </Text>
    );
  }
  return (
    <View className="review__notice review__notice--sent-back" data-testid="review-sent-back">
      <Text>
        审核退回（{review.reviewerName}，{review.decidedAt ? formatBeijingDateTime(review.decidedAt) : ''}）
      </Text>
      <Text className="review__body" data-testid="review-sent-back-comment">{review.comment}</Text>
      <Text>请按意见修改后重新提交。</Text>
    </View>
  );
}
