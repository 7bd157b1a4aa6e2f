import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ApiError, call } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';
import { useRouteParam } from '@/hooks/useRouteParam';
import { StateView } from '@/components/StateView';
import { Section } from '@/components/Section';
import { SpeakerCard } from '@/components/SpeakerCard';
import { BookingBar } from '@/components/BookingBar';
import { VENUE_LABEL, formatDurations } from '@/utils/labels';
import { go } from '@/utils/routes';
import { orderRoutes } from '@/pages/orders/routes';
import '../shared.scss';
import { useRootClass } from '@/hooks/useElder';

/** A lecture topic: what it covers, for whom, how long, where, and who can give it. */
export default function TopicPage() {
  const elder = useRootClass('');
  const id = useRouteParam('id');
  const topic = useAsync(async () => {
    if (!id) throw new ApiError('NOT_FOUND', '缺少主题编号');
    const t = await call('catalog', 'topic', { id });
    void Taro.setNavigationBarTitle({ title: t.title });
    return t;
  }, [id]);
  const t = topic.data;

  return (
    <View className={`detail topic-page${elder}`}>
      <StateView
        loading={topic.status === 'loading' && t == null}
        error={topic.error}
        onRetry={() => void topic.reload()}
      >
        {t && (
          <>
            <View className="detail__hero">
              <Text className="detail__hero-title topic-title">{t.title}</Text>
              <View className="detail__hero-tags">
                <Text className="chip chip--red">{t.categoryName}</Text>
                <Text className="chip">{formatDurations(t.durations)}</Text>
              </View>
            </View>
            <Section title="主题简介" className="detail__overlap">
              <Text className="detail__text">{t.summary || '暂无简介'}</Text>
            </Section>
            <Section title="宣讲信息">
              <View className="kv">
                <Text className="kv__key">适合对象</Text>
                <Text className="kv__value">{t.audience || '不限'}</Text>
              </View>
              <View className="kv">
                <Text className="kv__key">宣讲时长</Text>
                <Text className="kv__value">{formatDurations(t.durations)}</Text>
              </View>
              <View className="kv">
                <Text className="kv__key">宣讲场所</Text>
                <View className="kv__value tags">
                  {t.venueTypes.length === 0 ? (
                    <Text>不限</Text>
                  ) : (
                    t.venueTypes.map((v) => (
                      <Text key={v} className="chip">
                        {VENUE_LABEL[v]}
                      </Text>
                    ))
                  )}
                </View>
              </View>
            </Section>
            <Section title="宣讲人" extra={`${t.volunteers.length} 位可选`}>
              {t.volunteers.length === 0 ? (
                <Text className="muted">暂无可选的宣讲人</Text>
              ) : (
                t.volunteers.map((v) => <SpeakerCard key={v.id} volunteer={v} />)
              )}
            </Section>
            <BookingBar
              entries={[{ key: 'lecture', text: '预约宣讲', onClick: () => go(orderRoutes.book({ topicId: t.id })) }]}
              note={t.volunteers.length > 0 ? '可指定宣讲人，也可由宣讲人抢单' : '暂无指定宣讲人，提交后由工会协调'}
            />
          </>
        )}
      </StateView>
    </View>
  );
}
