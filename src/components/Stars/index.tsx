import { Text, View } from '@tarojs/components';
import { formatRating } from '@/utils/labels';
import './index.scss';

export interface StarsProps {
  rating: number | null;
  count?: number;
  /** false: only the five stars (where the average is shown beside them already). */
  showValue?: boolean;
}

/**
 * A read-only rating: five stars, the average and how many ratings; "暂无评价" before the first.
 * Text glyphs, not an icon font: they render the same on weapp (whose templates have no `<i>`)
 * and on H5.
 */
export function Stars({ rating, count, showValue = true }: StarsProps) {
  const text = formatRating(rating);
  if (rating == null || text == null) return <Text className="stars stars--none">暂无评价</Text>;
  const full = Math.round(rating);
  return (
    <View className="stars" aria-label={`评分 ${text}`}>
      <Text className="stars__on">{'★'.repeat(full)}</Text>
      <Text className="stars__off">{'★'.repeat(5 - full)}</Text>
      {showValue && <Text className="stars__value">{text}</Text>}
      {count != null && count > 0 && <Text className="stars__count">（{count}）</Text>}
    </View>
  );
}

export default Stars;
