import { useCallback, useRef, useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { CategoryId } from '@cloud/contract';
import { call } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';
import { usePagedList } from '@/hooks/usePagedList';
import { StateView } from '@/components/StateView';
import { ListFooter } from '@/components/ListFooter';
import { TopicCard } from '@/components/TopicCard';
import { SearchInput } from '@/components/SearchInput';
import { FilterChips } from '@/components/FilterChips';
import { useStore } from '@/stores';
import { useRootClass } from '@/hooks/useElder';
import { go, goTab, routes } from '@/utils/routes';
import { callUnion } from '@/utils/union-phone';
import './index.scss';

const PAGE_SIZE = 10;

/** One telling character per category (劳模精神 and 劳动精神 share their first one). */
const CATEGORY_GLYPH: Record<CategoryId, string> = {
  laomo: '模',
  gongjiang: '匠',
  laodong: '劳',
  jineng: '技',
  anquan: '安',
  zhengce: '法',
  jiankang: '康',
  shehui: '社',
};

/** 点单: the lecture menu — categories, search, and the topics to order from. */
export default function MenuHome() {
  const [category, setCategory] = useState<CategoryId | undefined>(undefined);
  const [q, setQ] = useState('');

  const categories = useAsync(() => call('catalog', 'categories', {}), []);
  const topics = usePagedList(
    (page) => call('catalog', 'topics', { category, q: q || undefined, page, pageSize: PAGE_SIZE }),
    [category, q],
  );

  useReachBottom(() => topics.loadMore());
  usePullDownRefresh(() => {
    void Promise.all([categories.reload(), topics.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  const pickFromGrid = useCallback((id: CategoryId) => {
    setCategory((current) => (current === id ? undefined : id));
    void Taro.pageScrollTo({ selector: '#topic-list', duration: 300 });
  }, []);

  const categoryName = categories.data?.items.find((c) => c.id === category)?.name;

  // A new search looks in every category (「孔胜东」 was not found while 安全生产 stayed chosen
  // out of sight); picking a category afterwards narrows it, and the title says so.
  // The box reports the same text twice (搜索 key, then the typing pause): only new text resets.
  const lastQ = useRef('');
  const search = useCallback((text: string) => {
    setQ(text);
    if (text && text !== lastQ.current) setCategory(undefined);
    lastQ.current = text;
  }, []);
  // 长辈模式: search, the eight categories, 我的订单 and a call to the union; the rest stays out.
  const elder = useStore((st) => st.elder);
  const orgName = useStore((st) => st.user?.orgName);
  const rootClass = useRootClass('home');
  const listTitle = q ? (categoryName ? `在「${categoryName}」中搜索“${q}”` : `全部分类中搜索“${q}”`) : categoryName ?? '全部主题';

  return (
    <View className={rootClass}>
      <View className="home__hero">
        <Text className="home__title">看菜单 · 点宣讲</Text>
        {!elder && <Text className="home__subtitle">选主题，也选宣讲人；劳模工匠送课到身边</Text>}
      </View>

      <SearchInput className="topic-search home__search" placeholder="搜索宣讲主题、宣讲人" onSearch={search} />

      {/* 长辈模式: the two things asked for most, above the fold. */}
      {elder && (
        <View className="home__entries home__entries--elder">
          <View className="btn btn--outline home__big home__big--orders" onClick={() => goTab(routes.orders)}>
            我的订单
          </View>
          <View className="btn btn--primary home__big home__big--call" onClick={() => callUnion()}>
            {`给${orgName ?? '工会'}打电话`}
          </View>
        </View>
      )}

      <View className="home__grid">
        {categories.status === 'error' ? (
          <View className="home__grid-error" onClick={() => void categories.reload()}>
            分类加载失败：{categories.error}，点此重试
          </View>
        ) : categories.data == null ? (
          Array.from({ length: 8 }, (_, i) => <View key={i} className="category-item category-item--placeholder" />)
        ) : (
          categories.data.items.map((c) => (
            <View
              key={c.id}
              className={`category-item${c.id === category ? ' category-item--active' : ''}`}
              data-id={c.id}
              onClick={() => pickFromGrid(c.id)}
            >
              <View className={`category-item__icon category-item__icon--${c.id}`}>{CATEGORY_GLYPH[c.id]}</View>
              <Text className="category-item__name">{c.name}</Text>
              <Text className="category-item__count">{c.topicCount} 个主题</Text>
            </View>
          ))
        )}
      </View>

      {!elder && (
      <View className="home__entries">
        <View className="home__entry" onClick={() => go(routes.teams())}>
          <Text className="home__entry-title">服务队</Text>
          <Text className="home__entry-desc">宣讲团与技术服务队</Text>
        </View>
        <View className="home__entry home__entry--gold" onClick={() => go(routes.services())}>
          <Text className="home__entry-title">技术服务</Text>
          <Text className="home__entry-desc">企业预约劳模工匠上门</Text>
        </View>
      </View>
      )}

      <View id="topic-list" className="home__list-head">
        <Text className="home__list-title">{listTitle}</Text>
        {!topics.loading && !topics.error && <Text className="home__list-total">共 {topics.total} 个</Text>}
        {q && category && (
          <Text className="home__search-all" onClick={() => setCategory(undefined)}>
            搜全部分类
          </Text>
        )}
      </View>

      {categories.data && !elder && (
        <FilterChips
          options={categories.data.items.map((c) => ({ value: c.id, label: c.name }))}
          value={category}
          onChange={setCategory}
        />
      )}

      <StateView
        loading={topics.loading}
        error={topics.error}
        empty={topics.items.length === 0}
        emptyText={q ? `没有找到与“${q}”相关的主题` : '这个分类还没有主题'}
        emptyHint={q || category ? '换个关键词或分类试试' : undefined}
        onRetry={() => void topics.reload()}
      >
        {topics.items.map((t) => (
          <TopicCard key={t.id} topic={t} />
        ))}
        <ListFooter
          count={topics.items.length}
          hasMore={topics.hasMore}
          loadingMore={topics.loadingMore}
          moreError={topics.moreError}
          onLoadMore={topics.loadMore}
        />
      </StateView>
    </View>
  );
}
