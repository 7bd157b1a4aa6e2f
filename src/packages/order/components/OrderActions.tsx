import { Text, View } from '@tarojs/components';
import type { OrderAction } from '@cloud/contract';

/** What the requester may do; shown in this order, the first as the main button. */
export const REQUESTER_ACTIONS = ['confirm', 'rate', 'reschedule', 'dispute', 'reopen', 'cancel'] as const;
export type RequesterAction = (typeof REQUESTER_ACTIONS)[number];

/** The volunteer's side is handled on the task pages. */
const VOLUNTEER_ACTIONS: OrderAction[] = ['accept', 'decline', 'checkIn', 'complete', 'grab'];

export const ACTION_LABEL: Record<RequesterAction, string> = {
  confirm: '确认已解决',
  rate: '评价',
  reschedule: '改期',
  dispute: '问题未解决',
  reopen: '重新发布',
  cancel: '取消订单',
};

const PRIMARY: RequesterAction[] = ['confirm', 'rate'];

export interface OrderActionsProps {
  actions: OrderAction[];
  onAction: (action: RequesterAction) => void;
  /** Opens the volunteer's task page for this order. */
  onHandle: () => void;
}

/** The bottom bar of an order: exactly the buttons its `actions` allow, nothing else. */
export function OrderActions({ actions, onAction, onHandle }: OrderActionsProps) {
  const mine = REQUESTER_ACTIONS.filter((a) => actions.includes(a));
  const volunteer = actions.filter((a) => VOLUNTEER_ACTIONS.includes(a));
  if (mine.length === 0 && volunteer.length === 0) return null;
  return (
    <View className="order-actions">
      {volunteer.length > 0 && (
        <View className="order-task-link" data-actions={volunteer.join(',')} onClick={onHandle}>
          <Text>去处理</Text>
        </View>
      )}
      {mine.map((a) => (
        <View
          key={a}
          data-action={a}
          className={`order-action order-action--${a}${PRIMARY.includes(a) ? ' order-action--primary' : ''}`}
          onClick={() => onAction(a)}
        >
          {ACTION_LABEL[a]}
        </View>
      ))}
    </View>
  );
}
