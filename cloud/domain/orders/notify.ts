import type { NewMessage } from '../../db/repositories/inbox';
import type { OrderRow } from '../../db/repositories/orders';
import { dayjs, ZONE } from '../time';

/** "11月24日 周二 09:00" in Shanghai time, as the phone shows it. */
export const whenText = (d: Date) => {
  const t = dayjs(d).tz(ZONE);
  return `${t.month() + 1}月${t.date()}日 周${'日一二三四五六'[t.day()]} ${t.format('HH:mm')}`;
};

const what = (o: Pick<OrderRow, 'topic_title' | 'service_title' | 'title'>) =>
  `「${o.topic_title ?? o.service_title ?? o.title ?? '订单'}」`;

/** Inbox texts for each transition, addressed to the other side. */
export const messages = {
  newNamed: (o: OrderRow, volunteerUserId: string): NewMessage => ({
    userId: volunteerUserId,
    orderId: o.id,
    title: '新的宣讲预约',
    body: `${o.requester_name}${o.requester_company ? `（${o.requester_company}）` : ''}预约${what(o)}，${whenText(o.start_at)}，请在 24 小时内确认。`,
  }),
  newInPool: (o: OrderRow, userId: string): NewMessage => ({
    userId,
    orderId: o.id,
    title: '抢单池有新的宣讲需求',
    body: `${what(o)}，${whenText(o.start_at)}，先到先得。`,
  }),
  newForTeam: (o: OrderRow, userId: string): NewMessage => ({
    userId,
    orderId: o.id,
    title: '服务队收到新的预约',
    body: `${o.requester_name}${o.requester_company ? `（${o.requester_company}）` : ''}预约${what(o)}，${whenText(o.start_at)}，队员先到先得。`,
  }),
  newNeed: (o: OrderRow, userId: string): NewMessage => ({
    userId,
    orderId: o.id,
    title: o.urgency === 'normal' ? '抢单池有新的求助' : '抢单池有紧急求助',
    body: `${o.requester_company ?? o.requester_name}：${what(o)}（${o.field}），最早 ${whenText(o.start_at)}。`,
  }),
  accepted: (o: OrderRow): NewMessage => ({
    userId: o.requester_id,
    orderId: o.id,
    title: o.kind === 'lecture' ? '宣讲人已接单' : '志愿者已接单',
    body: `${o.volunteer_name ?? '志愿者'}已接受${what(o)}，${whenText(o.start_at)}。`,
  }),
  declined: (o: OrderRow, who: string, reason: string, next: 'pool' | 'admin'): NewMessage => ({
    userId: o.requester_id,
    orderId: o.id,
    title: '宣讲人婉拒了预约',
    body: `${who}：${reason}。${next === 'pool' ? '已转入宣讲人抢单池，其他宣讲人可以接单。' : '已转交工会管理员安排。'}`,
  }),
  escalated: (o: Pick<OrderRow, 'id'>, adminId: string, why: string): NewMessage => ({
    userId: adminId,
    orderId: o.id,
    title: '有订单需要处理',
    body: why,
  }),
  checkedIn: (o: OrderRow): NewMessage => ({
    userId: o.requester_id,
    orderId: o.id,
    title: '志愿者已签到',
    body: `${o.volunteer_name ?? '志愿者'}已到达，${what(o)}服务开始。`,
  }),
  completed: (o: OrderRow): NewMessage => ({
    userId: o.requester_id,
    orderId: o.id,
    title: '服务已完成，请评价',
    body: `${what(o)}已完成，欢迎在 14 天内评价。`,
  }),
  rated: (o: OrderRow, volunteerUserId: string, score: number): NewMessage => ({
    userId: volunteerUserId,
    orderId: o.id,
    title: '收到新的评价',
    body: `${what(o)}获得 ${score} 星评价。`,
  }),
  confirmed: (o: OrderRow, volunteerUserId: string): NewMessage => ({
    userId: volunteerUserId,
    orderId: o.id,
    title: '企业确认问题已解决',
    body: `${what(o)}已被确认解决，感谢您的服务。`,
  }),
  disputed: (o: OrderRow, volunteerUserId: string, reason: string): NewMessage => ({
    userId: volunteerUserId,
    orderId: o.id,
    title: '企业对服务记录有异议',
    body: `${what(o)}：${reason}`,
  }),
  cancelled: (o: OrderRow, volunteerUserId: string, reason: string): NewMessage => ({
    userId: volunteerUserId,
    orderId: o.id,
    title: '预约已取消',
    body: `${what(o)}（${whenText(o.start_at)}）已被取消：${reason}`,
  }),
  rescheduled: (o: OrderRow, volunteerUserId: string, start: Date): NewMessage => ({
    userId: volunteerUserId,
    orderId: o.id,
    title: '预约时间已变更',
    body: `${what(o)}改到 ${whenText(start)}，请重新确认。`,
  }),
  expired: (o: Pick<OrderRow, 'id' | 'requester_id'>): NewMessage => ({
    userId: o.requester_id,
    orderId: o.id,
    title: '预约超时未获响应',
    body: '您的预约超过时限无人响应，已转交工会管理员协调。',
  }),
};
