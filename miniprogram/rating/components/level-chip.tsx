import { Text } from '@tarojs/components';
import { RATING_LEVEL_LABELS, type RatingLevel } from '../../../shared/ratings/rating-levels';

export function LevelChip({ level }: { level: RatingLevel }) {
  return <Text className={`level-chip level-chip--${level}`}>{RATING_LEVEL_LABELS[level]}</Text>;
}
