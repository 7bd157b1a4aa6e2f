import type { Kysely } from 'kysely';
import type { Order } from '../../cloud/contract';
import type { DB } from '../../cloud/db/schema';
import type { NotifyConfig } from '../../cloud/domain/notify/templates';
import type { SendRequest, SendResult, Transport } from '../../cloud/domain/notify/transport';
import { bookableLecture, lectureInput, sessionFor, userIdOfVolunteer, type Session } from './actors';
import { okData, type TestServer } from './server';

/** A template per kind, shaped like real ones from the mini-program console (the README table). */
export const TEST_TEMPLATES: NotifyConfig = {
  state: 'developer',
  templates: {
    newOrder: { id: 'tmpl-new-order', title: '新订单提醒', fields: { thing1: 'title', time2: 'time', name3: 'name', phrase4: 'status', thing5: 'note' } },
    orderResult: { id: 'tmpl-order-result', title: '预约结果通知', fields: { thing1: 'title', time2: 'time', name3: 'name', phrase4: 'status', thing5: 'note' } },
    reminder: { id: 'tmpl-reminder', title: '服务开始提醒', fields: { thing1: 'title', time2: 'time', name3: 'name', thing4: 'note' } },
    rateRequest: { id: 'tmpl-rate', title: '服务评价提醒', fields: { thing1: 'title', time2: 'time', name3: 'name', thing4: 'note', character_string5: 'orderId' } },
  },
};

/** A named lecture booked by `requester`; the speaker's session too. */
export async function bookNamedLecture(server: TestServer, requester: Session, skip = 0): Promise<{ order: Order; speaker: Session }> {
  const { topic, speaker, slot, duration } = await bookableLecture(server, { skip });
  const order = okData(await requester.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, slot.start, duration)));
  return { order, speaker: sessionFor(server, await userIdOfVolunteer(server, speaker.id)) };
}

export const outboxOf = (db: Kysely<DB>, orderId: string) =>
  db.selectFrom('outbox').selectAll().where('order_id', '=', orderId).orderBy('id').execute();

export async function setCredits(db: Kysely<DB>, userId: string, kind: string, credits: number) {
  await db
    .insertInto('subscriptions')
    .values({ user_id: userId, kind, credits, updated_at: new Date() })
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ credits }))
    .execute();
}

/** A transport that answers what `answer` says, keeping every request (the WeChat side in a test). */
export function scriptedTransport(answer: (req: SendRequest, n: number) => SendResult | Promise<SendResult>, name = 'wechat'): Transport & { sent: SendRequest[] } {
  const sent: SendRequest[] = [];
  return {
    name,
    needsOpenid: false,
    sent,
    async send(req) {
      sent.push(req);
      return answer(req, sent.length);
    },
  };
}
