import { View } from '@tarojs/components';
import { call } from '../../api/call';
import { useRemote } from '../../hooks/use-remote';
import { go, routes } from '../../navigation';
import type { RequestView } from '../../../shared/requests/request-types';
import type { ReviewKind } from '../../../shared/reviews/review-kinds';
import { ReviewState } from './review-state';

/** The step each kind of request letter is: a send-back is worth showing only while that step can still be taken. */
const STEP_OF: Partial<Record<ReviewKind, string>> = { 'request.reply': 'reply', 'request.close': 'close', 'request.extend': 'extend' };

/**
 * On the clerk's request page: the letter waiting for 公开审查 (Art. 17), or the one a reviewer sent
 * back with the comment to act on; a tap opens the item. Looked up again each time the request is
 * (re)loaded — after every action the page reloads it — so a letter just submitted shows at once.
 */
export function RequestReview({ request }: { request: RequestView }) {
  const review = useRemote(() => call('reviews', 'forSubject', { subjectId: request.id }), [request]);
  const item = review.data;
  if (!item) return null;
  const step = STEP_OF[item.kind];
  if (item.status === 'sentBack' && !(step && (request.allowed as string[]).includes(step))) return null;
  return (
    <View role="button" tabIndex={0} onClick={() => go(routes.adminReview(item.id))} data-testid="request-review">
      <ReviewState review={item} subjectVersion={item.status === 'pending' ? item.subjectVersion : request.version} />
    </View>
  );
}
