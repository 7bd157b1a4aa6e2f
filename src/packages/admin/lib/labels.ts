import type { Order, OrderKind, OrderStatus } from '@cloud/contract';
import { STATUS_WORDS, whoWord, type WhoFacts } from '@cloud/contract/status-words';

export const KIND_LABEL: Record<OrderKind, string> = {
  lecture: '宣讲',
  service: '技术服务',
  need: '求助需求',
};

/** Order states as admins read them: the one shared table (the export uses the same words). */
export const STATUS_LABEL: Record<OrderStatus, string> = STATUS_WORDS.admin;

/** "志愿者 张三", the team, or what the order waits for (a cancelled order waits for nobody). */
export const orderWho = (o: WhoFacts) => whoWord(o, 'admin');

/** Tone of a status chip: red needs the admin, gold is under way, grey is closed. */
export function statusTone(status: OrderStatus): 'red' | 'gold' | 'green' | 'grey' {
  if (status === 'expired' || status === 'declined') return 'red';
  if (status === 'pending' || status === 'accepted' || status === 'in_progress') return 'gold';
  if (status === 'completed' || status === 'rated') return 'green';
  return 'grey';
}

export function orderTitle(o: Pick<Order, 'topicTitle' | 'serviceTitle' | 'title'>): string {
  return o.topicTitle ?? o.serviceTitle ?? o.title ?? '未命名订单';
}

/** "2天3小时", "5小时20分钟", "12分钟", "刚刚": how long since `since`. */
export function formatWaited(since: string, now: Date = new Date()): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 60_000));
  if (minutes < 1) return '刚刚';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  if (hours > 0) return mins > 0 ? `${hours}小时${mins}分钟` : `${hours}小时`;
  return `${mins}分钟`;
}

/** Showcase (优秀案例) is possible for finished orders only. */
export function canShowcase(o: Pick<Order, 'status'>): boolean {
  return o.status === 'completed' || o.status === 'rated';
}
