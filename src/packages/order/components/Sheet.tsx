import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

export interface SheetProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children?: ReactNode;
  footer?: ReactNode;
  className?: string;
}

/** A bottom sheet over a dimmed page (reasons, ratings, new times). */
export function Sheet({ open, title, onClose, children, footer, className }: SheetProps) {
  if (!open) return null;
  return (
    <View className={`sheet${className ? ` ${className}` : ''}`} catchMove>
      <View className="sheet__mask" onClick={onClose} />
      <View className="sheet__panel" role="dialog" aria-label={title}>
        <View className="sheet__head">
          <Text className="sheet__title">{title}</Text>
          <View className="sheet__close" onClick={onClose} aria-label="关闭">
            ×
          </View>
        </View>
        <View className="sheet__body">{children}</View>
        {footer != null && <View className="sheet__foot">{footer}</View>}
      </View>
    </View>
  );
}
