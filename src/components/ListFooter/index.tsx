import { View } from '@tarojs/components';
import './index.scss';

export interface ListFooterProps {
  count: number;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: string | null;
  onLoadMore: () => void;
}

/** The end of an infinitely scrolled list: loading, retry after a failed page, or the end. */
export function ListFooter({ count, hasMore, loadingMore, moreError, onLoadMore }: ListFooterProps) {
  if (count === 0) return null;
  if (loadingMore) return <View className="list-footer">加载中…</View>;
  if (moreError)
    return (
      <View className="list-footer list-footer--error" onClick={onLoadMore}>
        {moreError}，点此重试
      </View>
    );
  if (hasMore)
    return (
      <View className="list-footer list-footer--more" onClick={onLoadMore}>
        上滑或点此加载更多
      </View>
    );
  return <View className="list-footer">— 没有更多了 —</View>;
}

export default ListFooter;
