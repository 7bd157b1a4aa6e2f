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

/** A bottom sheet over a dimmed page (a reason to reject, a member to add). */
export function Sheet({ open, title, onClose, children, footer, className }: SheetProps) {
  if (!open) return null;
  return (
    <View className={`mg-sheet${className ? ` ${className}` : ''}`} catchMove>
      <View className="mg-sheet__mask" onClick={onClose} />
      <View className="mg-sheet__panel" role="dialog" aria-label={title}>
        <View className="mg-sheet__head">
          <Text className="mg-sheet__title">{title}</Text>
          <View className="mg-sheet__close" aria-label="关闭" onClick={onClose}>
            ×
          </View>
        </View>
        <View className="mg-sheet__body">{children}</View>
        {footer != null && <View className="mg-sheet__foot">{footer}</View>}
      </View>
    </View>
  );
}
