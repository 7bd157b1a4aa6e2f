import type { ReactNode } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';

export interface SheetProps {
  open: boolean;
  title: string;
  subtitle?: string;
  onClose: () => void;
  className?: string;
  children?: ReactNode;
  footer?: ReactNode;
}

/** A bottom sheet on a phone, a centred dialog on a desktop (see shared.scss). */
export function Sheet({ open, title, subtitle, onClose, className, children, footer }: SheetProps) {
  if (!open) return null;
  return (
    <View className={`admin-sheet${className ? ` ${className}` : ''}`} role="dialog" aria-label={title}>
      <View className="admin-sheet__mask" onClick={onClose} />
      <View className="admin-sheet__panel" catchMove>
        <View className="admin-sheet__head">
          <View className="admin-sheet__titles">
            <Text className="admin-sheet__title">{title}</Text>
            {subtitle && <Text className="admin-sheet__subtitle">{subtitle}</Text>}
          </View>
          <View className="admin-sheet__close" onClick={onClose} aria-label="关闭">
            ×
          </View>
        </View>
        <ScrollView scrollY className="admin-sheet__body">
          {children}
        </ScrollView>
        {footer && <View className="admin-sheet__foot">{footer}</View>}
      </View>
    </View>
  );
}
