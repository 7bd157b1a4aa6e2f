import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './index.scss';

export interface SectionProps {
  title: string;
  /** Shown at the right of the title, e.g. a count or a link. */
  extra?: ReactNode;
  className?: string;
  children?: ReactNode;
}

/** A titled white block on a detail page. */
export function Section({ title, extra, className, children }: SectionProps) {
  return (
    <View className={`section${className ? ` ${className}` : ''}`}>
      <View className="section__head">
        <Text className="section__title">{title}</Text>
        {extra != null && <View className="section__extra">{extra}</View>}
      </View>
      <View className="section__body">{children}</View>
    </View>
  );
}

export default Section;
