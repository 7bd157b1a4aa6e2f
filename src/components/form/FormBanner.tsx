import { Text, View } from '@tarojs/components';

export interface FormBannerProps {
  /** The one line about the whole form (请完善标红的内容, the server's message). */
  message?: string | null;
  /** Messages for fields the form has no place for. */
  items?: string[];
  className?: string;
}

/** The form's message at the top; nothing when there is none. */
export function FormBanner({ message, items = [], className }: FormBannerProps) {
  if (!message && items.length === 0) return null;
  return (
    <View className={`form-banner${className ? ` ${className}` : ''}`} role="alert">
      {message && <Text className="form-banner__text">{message}</Text>}
      {items.map((m) => (
        <Text key={m} className="form-banner__item">
          {m}
        </Text>
      ))}
    </View>
  );
}
