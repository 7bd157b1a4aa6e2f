import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { TEST_TEMPLATES } from '../helpers/outbox';
import { bookLectureFromMenu, expectClean } from './harness/journeys';
import { textOf } from './harness/tree';
import { World } from './harness/world';

const TOPIC = '当好助企发展的“电小二”'; // 吴志民's topic, one speaker
const SPEAKER = '吴志民';
const WORKER = 'o-weapp-subscriber';
const ids = (kinds: (keyof typeof TEST_TEMPLATES.templates)[]) => kinds.map((k) => TEST_TEMPLATES.templates[k]!.id);

/**
 * WeChat subscribe messages end to end: the prompt comes from the submit tap (at most 3
 * templates), the acceptances become credits, and the bundled timer sends through WeChat's open
 * API (a recording stand-in reached by the real wx-server-sdk) once per acceptance.
 */
describe('weapp: subscribe messages from the tap to WeChat', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.create({ subscribe: true });
  }, 300_000);
  afterAll(() => world?.close());

  it('a worker books and accepts the prompt; the speaker accepts; the result and the reminder reach WeChat once each', async () => {
    const worker = await world.phone(WORKER);
    const { orderId } = await bookLectureFromMenu(worker, TOPIC, { address: '金华市义乌市稠城街道工人北路 1 号', phone: '13700001111' });
    // One prompt, from the submit tap, with the requester's three templates.
    expect(worker.callsOf('requestSubscribeMessage')).toEqual([expect.objectContaining({ tmplIds: ids(['orderResult', 'reminder', 'rateRequest']), fromTap: true })]);
    const credits = async (openid: string) =>
      Object.fromEntries(
        (await world.database.db.selectFrom('subscriptions').innerJoin('users', 'users.id', 'subscriptions.user_id').select(['kind', 'credits']).where('users.openid', '=', openid).execute()).map(
          (r) => [r.kind, r.credits],
        ),
      );
    expect(await credits(WORKER)).toEqual({ orderResult: 1, reminder: 1, rateRequest: 1 });

    // ---- the speaker accepts, and is asked for his own two -------------------------------------
    const speakerOpenid = await world.openidOf(SPEAKER);
    const speaker = await world.phone(speakerOpenid);
    await speaker.switchTab('pages/tasks/index');
    await speaker.waitForText(TOPIC);
    await speaker.tap(speaker.byClass('task-card').find((n) => textOf(n).includes(TOPIC)));
    await speaker.tap(await speaker.waitForClass('task-action--accept'));
    await speaker.waitForText('已接单');
    expect(speaker.callsOf('requestSubscribeMessage')).toEqual([expect.objectContaining({ tmplIds: ids(['newOrder', 'reminder']), fromTap: true })]);

    // ---- the timer's next tick sends the result to the worker, once ------------------------------
    await world.tick();
    await world.tick();
    const sends = () => world.openapi!.calls.filter((c) => c.api === 'subscribeMessage.send');
    const toWorker = sends().filter((c) => c.data.touser === WORKER);
    expect(toWorker).toHaveLength(1);
    expect(toWorker[0]!.data).toMatchObject({ template_id: ids(['orderResult'])[0], page: `packages/order/detail/index?id=${orderId}` });
    const data = toWorker[0]!.data.data as Record<string, { value: string }>;
    expect([...data.thing1!.value].length).toBeLessThanOrEqual(20);
    expect(data.thing1!.value).toContain('电小二');
    expect([...data.phrase4!.value].length).toBeLessThanOrEqual(5);
    expect(await credits(WORKER)).toMatchObject({ orderResult: 0 });

    // ---- the clock passes 24 h before the start: the reminder, to both, once ---------------------
    // Time passes for the whole order: it was accepted days ago, and now starts in 23 hours.
    await sql`UPDATE orders SET during = tstzrange(now() + interval '23 hours', now() + interval '24 hours'), accepted_at = now() - interval '2 days' WHERE id = ${orderId}`.execute(world.database.db);
    await world.tick();
    await world.tick();
    const reminders = sends().filter((c) => c.data.template_id === ids(['reminder'])[0]);
    expect(reminders.map((c) => c.data.touser).sort()).toEqual([WORKER, speakerOpenid].sort());
    expect(await credits(WORKER)).toMatchObject({ reminder: 0, rateRequest: 1 });
    for (const p of [worker, speaker]) expectClean(p);
    expect(world.cloud.errorLines()).toEqual([]);
  });

  it('a message WeChat refuses is marked failed with its error, and the admin sees it in 消息发送', async () => {
    // A volunteer who subscribed to new orders, and a WeChat that refuses the send.
    const speakerOpenid = await world.openidOf('葛小青');
    const speaker = await world.database.db.selectFrom('users').select('id').where('openid', '=', speakerOpenid).executeTakeFirstOrThrow();
    await world.database.db.insertInto('subscriptions').values({ user_id: speaker.id, kind: 'newOrder', credits: 1, updated_at: new Date() })
      .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ credits: 1 })).execute();
    world.openapi!.answer = (call) => (call.data.touser === speakerOpenid ? { errcode: 40003, errmsg: 'invalid openid rid: harness' } : { errcode: 0 });
    const order = await world.acceptedLecture('o-weapp-subscriber-2', '葛小青', 10).catch(() => null);
    expect(order).not.toBeNull();
    await world.tick();
    const failed = await world.database.db.selectFrom('outbox').select(['status', 'last_error']).where('order_id', '=', order!.id).where('kind', '=', 'newOrder').executeTakeFirstOrThrow();
    expect(failed.status).toBe('failed');
    expect(failed.last_error).toContain('40003');

    const admin = await world.phone(await world.openidOf('浙江省总工会管理员'));
    await admin.navigateTo('/packages/admin/outbox/index');
    await admin.waitForClass('outbox-item--failed');
    const row = admin.byClass('outbox-item--failed')[0]!;
    expect(textOf(row)).toContain('发送失败');
    expect(textOf(row)).toContain('40003');
    expect(textOf(row)).toContain('葛小青');
    expectClean(admin);
  });

  it('a prompt outside a tap is refused by WeChat: the app never asks on page load', async () => {
    const phone = await world.phone('o-weapp-browser');
    await phone.navigateTo('/packages/order/need/index');
    await phone.waitForText('求助标题');
    expect(phone.callsOf('requestSubscribeMessage')).toEqual([]);
  });
});
