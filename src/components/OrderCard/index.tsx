import { Text, View } from '@tarojs/components';
import type { Order, OrderStatus } from '@cloud/contract';
import { ORDER_KIND_LABEL, ORDER_STATUS_LABEL, STATUS_TONE, URGENCY_LABEL, orderTimeText, orderTitle, orderWho } from './labels';
import './index.scss';

export function StatusChip({ status, className }: { status: OrderStatus; className?: string }) {
  return (
    <Text className={`order-status order-status--${status} order-status--${STATUS_TONE[status]}${className ? ` ${className}` : ''}`}>
      {ORDER_STATUS_LABEL[status]}
    </Text>
  );
}

export interface OrderCardProps {
  order: Order;
  onClick?: (order: Order) => void;
}

/** One of my orders in a list: kind, what, when (Shanghai), who, and its state. */
export function OrderCard({ order: o, onClick }: OrderCardProps) {
  return (
    <View className={`order-card order-card--${o.kind}`} data-id={o.id} onClick={() => onClick?.(o)}>
      <View className="order-card__head">
        <Text className={`order-kind order-kind--${o.kind}`}>{ORDER_KIND_LABEL[o.kind]}</Text>
        {o.kind === 'need' && o.urgency && o.urgency !== 'normal' && (
          <Text className="order-card__urgent">{URGENCY_LABEL[o.urgency]}</Text>
        )}
        <StatusChip status={o.status} className="order-card__status" />
      </View>
      <Text className="order-card__title">{orderTitle(o)}</Text>
      <View className="order-card__row">
        <Text className="order-card__key">时间</Text>
        <Text className="order-card__value order-card__time">{orderTimeText(o)}</Text>
      </View>
      <View className="order-card__row">
        <Text className="order-card__key">{o.kind === 'lecture' ? '宣讲人' : '服务方'}</Text>
        <Text className={`order-card__value${o.volunteerName || o.teamName ? '' : ' order-card__value--open'}`}>
          {orderWho(o)}
        </Text>
      </View>
    </View>
  );
}

export default OrderCard;
