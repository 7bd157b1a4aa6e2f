import { sql } from 'kysely';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { Order, Page, Service, TeamDetail } from '../../cloud/contract';
import { createClock } from '../../cloud/domain/clock';
import { sendReminders } from '../../cloud/domain/notify/reminders';
import { escalateOverdue } from '../../cloud/domain/orders/sla';
import { rate } from '../../cloud/domain/orders/requester';
import { loadActor } from '../../cloud/domain/orders/transition';
import { checkIn, complete } from '../../cloud/domain/orders/volunteer';
import { bookableLecture, createWorkers, lectureInput, newRequestId, sessionFor, userIdOfVolunteer, type Session } from '../helpers/actors';
import { createTestDatabase, type EngineName, type TestDatabase } from '../helpers/db';
import { outboxOf } from '../helpers/outbox';
import { createTestServer, okData, type TestServer } from '../helpers/server';

const H = 3600_000;
const MIN = 60_000;

/**
 * The timer's reminders, driven by moving `now` as the SLA tests do: each fires once at its time
 * (also when two timer runs overlap), not before, not after its window.
 */
describe.each<EngineName>(['pglite', 'postgres'])('reminders (%s)', (engine) => {
  let database: TestDatabase;
  let server: TestServer;
  let worker: Session;
  let skip = 0;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    server = await createTestServer(database);
    [worker] = await createWorkers(server, 1, '提醒');
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  /** A named lecture at least two days ahead, accepted now. */
  async function acceptedLecture() {
    const { topic, speaker, profile, duration } = await bookableLecture(server, { skip: skip++ });
    const slot = profile.freeSlots.find((s) => new Date(s.start).getTime() > Date.now() + 50 * H && new Date(s.end).getTime() - new Date(s.start).getTime() >= duration * MIN)!;
    const order = okData(await worker.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, slot.start, duration)));
    const speakerSession = sessionFor(server, await userIdOfVolunteer(server, speaker.id));
    okData(await speakerSession.call<Order>('task', 'accept', { id: order.id }));
    return { order, speaker: speakerSession, start: new Date(order.start).getTime() };
  }

  /** Rows of one order's event, as [recipient, kind]. */
  const queued = async (orderId: string, prefix: string) =>
    (await outboxOf(database.db, orderId)).filter((r) => r.event.startsWith(prefix)).map((r) => [r.user_id, r.kind]).sort();
  const inboxTitles = async (orderId: string, userId: string) =>
    (await database.db.selectFrom('inbox_messages').select('title').where('order_id', '=', orderId).where('user_id', '=', userId).orderBy('id').execute()).map((m) => m.title);
  /** Two timer runs at once, as two processes or an overlapping run would. */
  const tick = (at: number) => Promise.all([sendReminders(database.db, new Date(at)), sendReminders(database.db, new Date(at))]);

  it('24 h and 2 h before the start: the volunteer and the requester, each once, inbox and WeChat', async () => {
    const { order, speaker, start } = await acceptedLecture();
    await tick(start - 24 * H - MIN);
    expect(await queued(order.id, 'remind24h@')).toEqual([]);

    // The dev clock offset moves it, like the SLA: a server running ahead to 24 h before the start.
    const offset = Math.ceil((start - 24 * H - Date.now()) / MIN) + 1;
    const ahead = createClock(offset).now();
    await Promise.all([sendReminders(database.db, ahead), sendReminders(database.db, ahead)]);
    expect(await queued(order.id, 'remind24h@')).toEqual([[speaker.userId, 'reminder'], [worker.userId, 'reminder']].sort());
    await tick(start - 10 * H);
    await tick(start - 3 * H);
    expect(await queued(order.id, 'remind24h@')).toHaveLength(2);
    expect(await queued(order.id, 'remind2h@')).toEqual([]);

    await tick(start - 2 * H + MIN);
    await tick(start - 30 * MIN);
    expect(await queued(order.id, 'remind2h@')).toEqual([[speaker.userId, 'reminder'], [worker.userId, 'reminder']].sort());
    const rows = await outboxOf(database.db, order.id);
    const toSpeaker = rows.find((r) => r.event.startsWith('remind2h@') && r.user_id === speaker.userId)!;
    const toRequester = rows.find((r) => r.event.startsWith('remind2h@') && r.user_id === worker.userId)!;
    expect(toSpeaker.payload).toMatchObject({ page: `packages/task/detail/index?id=${order.id}`, status: '即将开始' });
    expect(toRequester.payload).toMatchObject({ page: `packages/order/detail/index?id=${order.id}` });
    for (const u of [speaker.userId, worker.userId]) {
      const titles = await inboxTitles(order.id, u);
      expect(titles.filter((t) => t === '明天有一场服务')).toHaveLength(1);
      expect(titles.filter((t) => t === '服务即将开始')).toHaveLength(1);
    }
    const body = (await database.db.selectFrom('inbox_messages').select('body').where('order_id', '=', order.id).where('title', '=', '服务即将开始').executeTakeFirstOrThrow()).body;
    expect(body).toMatch(/^「.+」（\d+月\d+日 周. \d\d:\d\d）约 2 小时后开始/);
    // After the start: nothing more.
    await tick(start + MIN);
    expect((await outboxOf(database.db, order.id)).filter((r) => r.event.startsWith('remind'))).toHaveLength(4);
  });

  it('accepted inside the 24 h window: no 24 h reminder on the heels of the yes, the 2 h one still', async () => {
    const { topic, speaker, profile, duration } = await bookableLecture(server, { skip: skip++ });
    const slot = profile.freeSlots.find((s) => new Date(s.start).getTime() > Date.now() + 50 * H && new Date(s.end).getTime() - new Date(s.start).getTime() >= duration * MIN)!;
    const order = okData(await worker.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, slot.start, duration)));
    const start = new Date(order.start).getTime();
    const actor = await loadActor(database.db, await userIdOfVolunteer(server, speaker.id));
    const { accept } = await import('../../cloud/domain/orders/volunteer');
    await accept(database.db, new Date(start - 20 * H), actor, order.id);
    await tick(start - 20 * H + MIN);
    expect(await queued(order.id, 'remind24h@')).toEqual([]);
    await tick(start - 2 * H + MIN);
    expect(await queued(order.id, 'remind2h@')).toHaveLength(2);
  });

  it('1 h after completion and on day 7, to the requester while still unrated; not once rated', async () => {
    const { order, speaker, start } = await acceptedLecture();
    const actor = await loadActor(database.db, speaker.userId);
    await checkIn(database.db, new Date(start - 10 * MIN), actor, order.id);
    const done = start + 60 * MIN;
    await complete(database.db, new Date(done), actor, order.id, { peopleServed: 40, summary: '宣讲顺利完成，现场交流热烈。' });
    expect(await queued(order.id, 'rate')).toEqual([]);
    // Completion itself asks for a rating (rateRequest, in the transition).
    expect((await outboxOf(database.db, order.id)).filter((r) => r.kind === 'rateRequest').map((r) => r.user_id)).toEqual([worker.userId]);

    await tick(done + 59 * MIN);
    expect(await queued(order.id, 'rate1h@')).toEqual([]);
    await tick(done + 61 * MIN);
    await tick(done + 2 * H);
    await tick(done + 3 * 24 * H);
    expect(await queued(order.id, 'rate1h@')).toEqual([[worker.userId, 'rateRequest']]);
    expect(await queued(order.id, 'rate168h@')).toEqual([]);
    await tick(done + 7 * 24 * H + MIN);
    await tick(done + 8 * 24 * H);
    expect(await queued(order.id, 'rate168h@')).toEqual([[worker.userId, 'rateRequest']]);
    expect((await inboxTitles(order.id, worker.userId)).filter((t) => t === '请为服务评价')).toHaveLength(2);
    // The rating window (14 days) closed: nothing after it.
    await tick(done + 15 * 24 * H);
    expect((await outboxOf(database.db, order.id)).filter((r) => r.event.startsWith('rate'))).toHaveLength(2);

    // Rated within the hour: no nudge at all.
    const second = await acceptedLecture();
    const actor2 = await loadActor(database.db, second.speaker.userId);
    await checkIn(database.db, new Date(second.start - 10 * MIN), actor2, second.order.id);
    await complete(database.db, new Date(second.start + H), actor2, second.order.id, { peopleServed: 20, summary: '宣讲完成，效果良好。' });
    await rate(database.db, new Date(second.start + 90 * MIN), await loadActor(database.db, worker.userId), second.order.id, 5);
    await tick(second.start + 3 * H);
    await tick(second.start + H + 7 * 24 * H + MIN);
    expect((await outboxOf(database.db, second.order.id)).filter((r) => r.event.startsWith('rate'))).toEqual([]);
  });

  it('4 h before a pending order\'s SLA runs out: the named volunteer once; a team order\'s captain', async () => {
    const { topic, speaker, slot, duration } = await bookableLecture(server, { skip: skip++ });
    const order = okData(await worker.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, slot.start, duration)));
    const since = (await database.db.selectFrom('orders').select('pending_since').where('id', '=', order.id).executeTakeFirstOrThrow()).pending_since.getTime();
    const speakerUser = await userIdOfVolunteer(server, speaker.id);
    await tick(since + 20 * H - MIN);
    expect(await queued(order.id, 'slaWarning@')).toEqual([]);
    await tick(since + 20 * H + MIN);
    await tick(since + 23 * H);
    expect(await queued(order.id, 'slaWarning@')).toEqual([[speakerUser, 'reminder']]);
    expect((await inboxTitles(order.id, speakerUser)).filter((t) => t === '预约即将超时')).toHaveLength(1);
    // Escalated at 24 h: the warning is not repeated.
    await escalateOverdue(database.db, new Date(since + 24 * H + MIN));
    await tick(since + 24 * H + 2 * MIN);
    expect(await queued(order.id, 'slaWarning@')).toHaveLength(1);

    // A service booked with a team (nobody named): the captain hears of it.
    const services = okData(await server.call<Page<Service>>('catalog', 'services', { pageSize: 100 })).items;
    const svc = services.find((s) => s.teamId && s.mode !== 'remote')!;
    const team = okData(await server.call<TeamDetail>('catalog', 'team', { id: svc.teamId! }));
    const ent = await database.db.selectFrom('users').select('id').where(sql<boolean>`'enterprise' = ANY(roles)`).orderBy('id').executeTakeFirstOrThrow();
    const teamOrder = okData(await sessionFor(server, ent.id).call<Order>('order', 'create', {
      kind: 'service', serviceId: svc.id, start: new Date(Date.now() + 3 * 86_400_000).toISOString(), durationMin: 90,
      venue: { type: 'enterprise', address: '义乌市苏溪镇工业区 12 号' }, contactPhone: '13800005678', requestId: newRequestId(),
    }));
    const teamSince = (await database.db.selectFrom('orders').select('pending_since').where('id', '=', teamOrder.id).executeTakeFirstOrThrow()).pending_since.getTime();
    await tick(teamSince + 20 * H + MIN);
    const captains = team.members.filter((m) => m.teamRole === 'captain').map((m) => [m.userId, 'reminder']).sort();
    expect(captains.length).toBeGreaterThan(0);
    expect(await queued(teamOrder.id, 'slaWarning@')).toEqual(captains);
  });
});
