import type { NewMessage } from '../../db/repositories/inbox';
import type { OrderRow } from '../../db/repositories/orders';
import type { SubscribeKind } from '../../contract';
import type { Push } from '../../db/repositories/outbox';
import { shanghaiClock } from '../time';
import { RATING_WINDOW_DAYS } from './rules';

/** "11月24日 周二 09:00" in Shanghai time, as the phone shows it. */
export const whenText = (d: Date) => {
  const t = shanghaiClock(d);
  return `${t.month}月${t.date}日 周${'日一二三四五六'[t.weekday % 7]} ${t.hhmm}`;
};

const titleOf = (o: Pick<OrderRow, 'topic_title' | 'service_title' | 'title'>) => o.topic_title ?? o.service_title ?? o.title ?? '订单';
const what = (o: Pick<OrderRow, 'topic_title' | 'service_title' | 'title'>) => `「${titleOf(o)}」`;
/** 「topic」（11月24日 周二 09:00）: which order a message is about, in every message. */
const which = (o: Pick<OrderRow, 'topic_title' | 'service_title' | 'title' | 'start_at'>, start = o.start_at) => `${what(o)}（${whenText(start)}）`;

/** Pages a tap on a subscribe message opens (as app.config lists them, no leading slash). */
export const ORDER_PAGE = 'packages/order/detail/index';
export const TASK_PAGE = 'packages/task/detail/index';

const requesterLabel = (o: OrderRow) => o.requester_company ?? o.requester_name;
const volunteerLabel = (o: OrderRow) => o.volunteer_name ?? o.team_name ?? '志愿者';

/**
 * The subscribe-message side of a message: the facts the template fields are filled from. `to`
 * says who reads it, which decides the page a tap opens and whose name is shown.
 */
function push(kind: SubscribeKind, o: OrderRow, to: 'volunteer' | 'requester', f: { status: string; note: string; name?: string; start?: Date }): Push {
  return {
    kind,
    facts: {
      title: titleOf(o),
      time: (f.start ?? o.start_at).toISOString(),
      name: f.name ?? (to === 'volunteer' ? requesterLabel(o) : volunteerLabel(o)),
      status: f.status,
      note: f.note,
      orderId: o.id,
      page: `${to === 'volunteer' ? TASK_PAGE : ORDER_PAGE}?id=${o.id}`,
    },
  };
}

/** Inbox texts for each transition, addressed to the other side; `push` marks those that also go out on WeChat. */
export const messages = {
  newNamed: (o: OrderRow, volunteerUserId: string): NewMessage => ({
    userId: volunteerUserId,
    orderId: o.id,
    title: '新的宣讲预约',
    body: `${o.requester_name}${o.requester_company ? `（${o.requester_company}）` : ''}预约${what(o)}，${whenText(o.start_at)}，请在 24 小时内确认。`,
    push: push('newOrder', o, 'volunteer', { status: '待确认', note: '请在24小时内确认' }),
  }),
  newInPool: (o: OrderRow, userId: string): NewMessage => ({
    userId,
    orderId: o.id,
    title: '抢单池有新的宣讲需求',
    body: `${what(o)}，${whenText(o.start_at)}，先到先得。`,
    push: push('newOrder', o, 'volunteer', { status: '可抢单', note: '抢单池新订单，先到先得' }),
  }),
  newForTeam: (o: OrderRow, userId: string): NewMessage => ({
    userId,
    orderId: o.id,
    title: '服务队收到新的预约',
    body: `${o.requester_name}${o.requester_company ? `（${o.requester_company}）` : ''}预约${what(o)}，${whenText(o.start_at)}，队员先到先得。`,
    push: push('newOrder', o, 'volunteer', { status: '待接单', note: '服务队新预约，队员先到先得' }),
  }),
  newNeed: (o: OrderRow, userId: string): NewMessage => ({
    userId,
    orderId: o.id,
    title: o.urgency === 'normal' ? '抢单池有新的求助' : '抢单池有紧急求助',
    body: `${o.requester_company ?? o.requester_name}：${what(o)}（${o.field}），最早 ${whenText(o.start_at)}。`,
    push: push('newOrder', o, 'volunteer', { status: o.urgency === 'normal' ? '新求助' : '紧急求助', note: `${o.field ?? ''}求助，先到先得` }),
  }),
  accepted: (o: OrderRow): NewMessage => ({
    userId: o.requester_id,
    orderId: o.id,
    title: o.kind === 'lecture' ? '宣讲人已接单' : '志愿者已接单',
    body: `${o.volunteer_name ?? '志愿者'}已接受${what(o)}，${whenText(o.start_at)}。`,
    push: push('orderResult', o, 'requester', { status: '已接单', note: '请按时做好接待准备' }),
  }),
  declined: (o: OrderRow, who: string, reason: string, next: 'pool' | 'admin'): NewMessage => ({
    userId: o.requester_id,
    orderId: o.id,
    title: '宣讲人婉拒了预约',
    body: `${who}婉拒了${which(o)}：${reason}。${next === 'pool' ? '已转入宣讲人抢单池，其他宣讲人可以接单。' : '已转交工会管理员安排。'}`,
    push: push('orderResult', o, 'requester', { status: '已婉拒', name: who, note: next === 'pool' ? '已转入抢单池，其他人可接单' : '已转交工会管理员安排' }),
  }),
  /** task.handBack: to the requester at once; `next` says where the order went. */
  handedBack: (o: OrderRow, who: string, reason: string, next: 'pool' | 'team' | 'admin'): NewMessage => ({
    userId: o.requester_id,
    orderId: o.id,
    title: '志愿者交还了订单',
    body: `${who}因故无法前来，交还了${which(o)}：${reason}。${next === 'pool' ? '已转入抢单池，其他志愿者可以接单。' : next === 'team' ? '已交回服务队，队员可以接单。' : '已转交工会管理员安排。'}`,
    push: push('orderResult', o, 'requester', { status: '已交还', name: who, note: next === 'admin' ? '已转交工会管理员安排' : '已重新发布，等待其他人接单' }),
  }),
  /** To an admin; `why` says what to do (the order and its time are added here). */
  escalated: (o: OrderRow, adminId: string, why: string): NewMessage => ({
    userId: adminId,
    orderId: o.id,
    title: '有订单需要处理',
    body: `${which(o)}：${why}`,
  }),
  /** 派单: to the volunteer the admin named, who is asked for a yes. */
  dispatched: (o: OrderRow, volunteerUserId: string, note?: string): NewMessage => ({
    userId: volunteerUserId,
    orderId: o.id,
    title: '工会派单',
    body: `工会管理员为您安排了${which(o)}，请尽快确认。${note ?? ''}`,
    push: push('newOrder', o, 'volunteer', { status: '待确认', note: '工会派单，请尽快确认' }),
  }),
  /** 派单: to the requester, whose order now waits for the named volunteer. */
  dispatchedToRequester: (o: OrderRow, volunteerName: string): NewMessage => ({
    userId: o.requester_id,
    orderId: o.id,
    title: '工会已安排志愿者',
    body: `${which(o)}已安排 ${volunteerName}，等待其确认。`,
  }),
  checkedIn: (o: OrderRow): NewMessage => ({
    userId: o.requester_id,
    orderId: o.id,
    title: '志愿者已签到',
    body: `${o.volunteer_name ?? '志愿者'}已到达，${which(o)}服务开始。`,
  }),
  completed: (o: OrderRow): NewMessage => ({
    userId: o.requester_id,
    orderId: o.id,
    title: '服务已完成，请评价',
    body: `${which(o)}已完成，欢迎在 ${RATING_WINDOW_DAYS} 天内评价。`,
    push: push('rateRequest', o, 'requester', { status: '待评价', note: `欢迎在${RATING_WINDOW_DAYS}天内评价` }),
  }),
  rated: (o: OrderRow, volunteerUserId: string, score: number): NewMessage => ({
    userId: volunteerUserId,
    orderId: o.id,
    title: '收到新的评价',
    body: `${which(o)}获得 ${score} 星评价。`,
  }),
  confirmed: (o: OrderRow, volunteerUserId: string): NewMessage => ({
    userId: volunteerUserId,
    orderId: o.id,
    title: '企业确认问题已解决',
    body: `${which(o)}已被确认解决，感谢您的服务。`,
  }),
  disputed: (o: OrderRow, volunteerUserId: string, reason: string): NewMessage => ({
    userId: volunteerUserId,
    orderId: o.id,
    title: '企业对服务记录有异议',
    body: `${which(o)}：${reason}`,
  }),
  cancelled: (o: OrderRow, volunteerUserId: string, reason: string): NewMessage => ({
    userId: volunteerUserId,
    orderId: o.id,
    title: '预约已取消',
    body: `${which(o)}已被取消：${reason}`,
  }),
  rescheduled: (o: OrderRow, volunteerUserId: string, start: Date): NewMessage => ({
    userId: volunteerUserId,
    orderId: o.id,
    title: '预约时间已变更',
    body: `${what(o)}由 ${whenText(o.start_at)} 改到 ${whenText(start)}，请重新确认。`,
    push: push('newOrder', o, 'volunteer', { status: '待确认', note: '预约时间已变更，请重新确认', start }),
  }),
  expired: (o: OrderRow): NewMessage => ({
    userId: o.requester_id,
    orderId: o.id,
    title: '预约超时未获响应',
    body: `您预约的${which(o)}超过时限无人响应，已转交工会管理员协调。`,
  }),

  // Sent by the timer (domain/notify/reminders.ts).
  startsSoon: (o: OrderRow, userId: string, to: 'volunteer' | 'requester', hours: number): NewMessage => ({
    userId,
    orderId: o.id,
    title: hours >= 24 ? '明天有一场服务' : '服务即将开始',
    body: `${which(o)}约 ${hours} 小时后开始，${to === 'volunteer' ? '请按时到场签到。' : `${volunteerLabel(o)}将按时到场，请做好接待准备。`}`,
    push: push('reminder', o, to, { status: '即将开始', note: hours >= 24 ? '明天开始，请提前安排' : `约${hours}小时后开始` }),
  }),
  rateNudge: (o: OrderRow, daysLeft: number): NewMessage => ({
    userId: o.requester_id,
    orderId: o.id,
    title: '请为服务评价',
    body: `${which(o)}已完成，您的评价能帮助${volunteerLabel(o)}做得更好，还可评价 ${daysLeft} 天。`,
    push: push('rateRequest', o, 'requester', { status: '待评价', note: `还可评价${daysLeft}天` }),
  }),
  answerSoon: (o: OrderRow, userId: string, hoursLeft: number): NewMessage => ({
    userId,
    orderId: o.id,
    title: '预约即将超时',
    body: `${which(o)}还有约 ${hoursLeft} 小时无人确认将转交工会，请尽快接单或婉拒。`,
    push: push('reminder', o, 'volunteer', { status: '待确认', note: `${hoursLeft}小时后超时，请尽快处理` }),
  }),
};
