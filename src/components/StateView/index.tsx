import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './index.scss';

export interface StateViewProps {
  /** True while the first answer is awaited; children are not shown yet. */
  loading: boolean;
  /** A message to show with a retry button; wins over `empty`. */
  error: string | null;
  /** True when the answer came back with nothing to show. */
  empty?: boolean;
  emptyText?: string;
  emptyHint?: ReactNode;
  onRetry?: () => void;
  /** A button under the empty message, e.g. 去登录. */
  emptyAction?: { text: string; onClick: () => void };
  /** Rows of the loading placeholder. */
  skeletonRows?: number;
  children?: ReactNode;
}

/** Loading, error (with retry) and empty states in one place, so every list and page has all three. */
export function StateView({
  loading, error, empty = false, emptyText = '暂无内容', emptyHint, onRetry, emptyAction, skeletonRows = 3, children,
}: StateViewProps) {
  if (loading) {
    return (
      <View className="state-view state-view--loading" aria-busy="true">
        {Array.from({ length: skeletonRows }, (_, i) => (
          <View key={i} className="state-view__skeleton">
            <View className="state-view__bar state-view__bar--title" />
            <View className="state-view__bar" />
            <View className="state-view__bar state-view__bar--short" />
          </View>
        ))}
        <Text className="state-view__sr">加载中…</Text>
      </View>
    );
  }
  if (error) {
    return (
      <View className="state-view state-view--error" role="alert">
        <View className="state-view__icon state-view__icon--error">!</View>
        <Text className="state-view__text">{error}</Text>
        {onRetry && (
          <View className="state-view__retry" onClick={onRetry}>
            重试
          </View>
        )}
      </View>
    );
  }
  if (empty) {
    return (
      <View className="state-view state-view--empty">
        <View className="state-view__icon">○</View>
        <Text className="state-view__text">{emptyText}</Text>
        {emptyHint && <View className="state-view__hint">{emptyHint}</View>}
        {emptyAction && (
          <View className="state-view__action" onClick={emptyAction.onClick}>
            {emptyAction.text}
          </View>
        )}
      </View>
    );
  }
  return <>{children}</>;
}

export default StateView;
