import { Text, View } from '@tarojs/components';
import type { TopicSummary } from '@cloud/contract';
import { formatDurations } from '@/utils/labels';
import { go, routes } from '@/utils/routes';
import './index.scss';

export interface TopicCardProps {
  topic: TopicSummary;
}

/** One lecture topic on the menu; tapping it opens the topic and its speakers. */
export function TopicCard({ topic }: TopicCardProps) {
  const speakers = topic.volunteerIds.length;
  return (
    <View className="topic-card" data-id={topic.id} onClick={() => go(routes.topic(topic.id))}>
      <Text className="topic-card__title">{topic.title}</Text>
      {topic.summary !== '' && <Text className="topic-card__summary">{topic.summary}</Text>}
      <View className="topic-card__meta">
        <Text className="chip chip--red topic-card__category">{topic.categoryName}</Text>
        <Text className="topic-card__durations">{formatDurations(topic.durations)}</Text>
        <Text className="topic-card__speakers">
          {speakers > 0 ? `${speakers} 位宣讲人` : '暂无宣讲人'}
        </Text>
      </View>
    </View>
  );
}

export default TopicCard;
