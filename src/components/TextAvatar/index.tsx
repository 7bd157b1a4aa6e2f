import { View } from '@tarojs/components';
import { initialOf } from '@/utils/labels';
import './index.scss';

export interface TextAvatarProps {
  name: string;
  size?: 'small' | 'large';
}

const PALETTE = ['#c8161d', '#b7791f', '#2f6fb3', '#2e8b57', '#8e44ad', '#d35400'];

/** A round avatar with the first character of the name (no photos are stored yet). */
export function TextAvatar({ name, size = 'small' }: TextAvatarProps) {
  const initial = initialOf(name);
  const colour = PALETTE[(initial.codePointAt(0) ?? 0) % PALETTE.length];
  return (
    <View className={`text-avatar text-avatar--${size}`} style={{ background: colour }}>
      {initial}
    </View>
  );
}

export default TextAvatar;
