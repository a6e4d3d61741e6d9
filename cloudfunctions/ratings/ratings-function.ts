import { defineFunction } from '../_runtime/define-function';
import { ratingsContract } from '../../shared/ratings/ratings-contract';
import { ratingFollowUpHandlers } from './rating-follow-ups';
import { ratingSubmitHandlers } from './rating-submit';
import { ratingsReadingHandlers } from './ratings-reading';
import { saveRatingSettings } from './rating-settings';

/**
 * Function `ratings` (好差评): residents rate a window, a visit or a
 * request's handling (rating-submit.ts); anyone reads the figures and the
 * public ratings, staff the follow-up queue and the ranking
 * (ratings-reading.ts); a 差评's follow-up is worked step by step
 * (rating-follow-ups.ts). What each step writes and counts is decided in
 * shared/ratings (rating-submission.ts, follow-up.ts).
 */
export const ratingsFunction = defineFunction('ratings', ratingsContract, {
  ...ratingsReadingHandlers,
  ...ratingSubmitHandlers,
  ...ratingFollowUpHandlers,
  // The bureau's settings (rating-settings.ts): an admin sets the 限期整改 bound.
  async saveSettings(input, { store, caller, now }) {
    return saveRatingSettings(store, input, caller.openid as string, now());
  },
});
