import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';

export interface BookingEntry {
  /** Stable hook for tests: the button gets class `booking-entry--<key>`. */
  key: string;
  /** e.g. 预约宣讲 */
  text: string;
  onClick: () => void;
}

export interface BookingBarProps {
  entries: BookingEntry[];
  note?: string;
}

/** The booking buttons at the bottom of a menu detail page (topic, speaker, service, team). */
export function BookingBar({ entries, note }: BookingBarProps) {
  if (entries.length === 0) return null;
  return (
    <View className="bottom-bar booking-bar">
      <View className="booking-bar__row">
        {entries.map((e, i) => (
          <Button
            key={e.key}
            className={`booking-entry booking-entry--${e.key}`}
            type={i === entries.length - 1 ? 'primary' : 'default'}
            block
            onClick={e.onClick}
          >
            {e.text}
          </Button>
        ))}
      </View>
      {note && <Text className="bottom-bar__note">{note}</Text>}
    </View>
  );
}

export default BookingBar;
