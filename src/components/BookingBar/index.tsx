import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';

export interface BookingBarProps {
  /** e.g. 预约宣讲 */
  action: string;
}

/**
 * The booking button at the bottom of a detail page. Booking opens with the order flow in the next
 * release; until then the button is disabled and says so, rather than pretending to work.
 */
export function BookingBar({ action }: BookingBarProps) {
  return (
    <View className="bottom-bar booking-bar">
      <Button type="primary" block disabled>
        {`${action}（即将开放）`}
      </Button>
      <Text className="bottom-bar__note">在线预约即将上线，敬请期待</Text>
    </View>
  );
}

export default BookingBar;
