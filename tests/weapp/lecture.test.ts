import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { bookLectureFromMenu, expectClean } from './harness/journeys';
import { textOf } from './harness/tree';
import { World } from './harness/world';

const SPEAKER = '孔胜东';
const TOPIC = '公交车有起点、终点';
const ADDRESS = '杭州市拱墅区莫干山路 100 号工会大楼三楼';
const PHONE = '13800001234';
const SUMMARY = '讲了三十年公交路上的故事，职工反响热烈';


describe('weapp: a lecture from the menu to the rating, on two phones over the bundled functions', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.create();
  }, 300_000);
  afterAll(() => world?.close());

  it(`a new worker books ${SPEAKER}; he accepts, checks in with location, files the record; the worker rates`, async () => {
    const t0 = Date.now();
    // ---- a first-time WeChat user books from the menu -----------------------------------------
    const worker = await world.phone('o-weapp-new-worker');
    await worker.waitForText(TOPIC);
    await worker.tap(TOPIC);
    await worker.waitForText(SPEAKER);
    await worker.goBack();
    const { orderId } = await bookLectureFromMenu(worker, TOPIC, { address: ADDRESS, phone: PHONE });
    // The topic has one speaker: he was chosen without asking.
    expect(worker.text()).toContain(`等待${SPEAKER}确认`);
    expect(orderId).toMatch(/^\d+$/);
    // The booking went through the CloudBase function as this user, identified by the OPENID.
    expect(world.cloud.log.filter((c) => c.openid === 'o-weapp-new-worker' && c.name === 'order' && c.action === 'create')).toEqual([
      expect.objectContaining({ ok: true }),
    ]);
    // 订单 lists it.
    await worker.switchTab('pages/orders/index');
    await worker.waitForText(TOPIC);
    expectClean(worker);

    // ---- the speaker accepts on his phone -----------------------------------------------------
    const speaker = await world.phone(await world.openidOf(SPEAKER));
    await speaker.switchTab('pages/tasks/index');
    await speaker.waitForText(TOPIC);
    await speaker.tap(speaker.byClass('task-card').find((n) => textOf(n).includes(TOPIC))!);
    expect(speaker.route).toBe('packages/task/detail/index');
    await speaker.waitForText('接单');
    // Before accepting: the district, never the exact address or the phone.
    expect(speaker.text()).not.toContain(PHONE);
    expect(speaker.text()).not.toContain('莫干山路 100 号');
    await speaker.tap(speaker.byClass('task-action--accept')[0]!);
    await speaker.waitForText('已接单');
    expect(speaker.text()).toContain(ADDRESS);
    expect(speaker.text()).toContain(PHONE);

    // ---- the day comes: the lecture was given a moment ago (the record may not lie in the future) --
    await sql`UPDATE orders SET during = tstzrange(now() - interval '70 minutes', now() - interval '10 minutes') WHERE id = ${orderId}`.execute(world.database.db);
    await speaker.goBack();
    await speaker.pullDownRefresh();
    await speaker.tap(speaker.byClass('task-card').find((n) => textOf(n).includes(TOPIC)));
    await speaker.tap(await speaker.waitForClass('task-action--checkIn'));
    // WeChat's privacy check asks first: the consent sheet, then the location.
    await speaker.waitForText('隐私保护提示');
    expect(speaker.callsOf('getLocation')).toHaveLength(0);
    await speaker.tap('同意并继续');
    await speaker.waitForText('服务中');
    expect(speaker.text()).not.toContain('隐私保护提示');
    expect(speaker.callsOf('getLocation')).toHaveLength(1);
    const checked = await world.database.db.selectFrom('orders').select(['check_in_location']).where('id', '=', orderId).executeTakeFirstOrThrow();
    expect(checked.check_in_location).toMatchObject({ latitude: speaker.device.location.latitude, longitude: speaker.device.location.longitude });
    expect(speaker.lastToast()).toBe('已签到');

    // ---- the record --------------------------------------------------------------------------
    await speaker.tap(speaker.byClass('task-action--complete')[0]!);
    expect(speaker.route).toBe('packages/task/record/index');
    await speaker.waitForText('计 1 小时');
    await speaker.type('实际参加或受益的人数', '58');
    await speaker.type('讲了什么、现场反响如何', SUMMARY);
    await speaker.tap(speaker.byClass('record-submit')[0]!);
    await speaker.waitForText('已完成');
    expect(speaker.route).toBe('packages/task/detail/index');
    expect(speaker.text()).toContain(SUMMARY);
    expectClean(speaker);

    // ---- the worker sees it done and rates -------------------------------------------------------
    await worker.switchTab('pages/orders/index');
    await worker.pullDownRefresh();
    await worker.tap(worker.byClass('order-card').find((n) => textOf(n).includes(TOPIC))!);
    await worker.waitForText(SUMMARY);
    await worker.tap(worker.byClass('order-action--rate')[0]!);
    await worker.tap(worker.byClass('star-input__star')[4]!);
    expect(textOf(worker.byClass('star-input__word')[0]!)).toBe('非常满意');
    await worker.tap(worker.byClass('action-sheet__submit')[0]!);
    await worker.waitForText('已评价');
    const rated = await world.database.db.selectFrom('orders').select(['status', 'rating']).where('id', '=', orderId).executeTakeFirstOrThrow();
    expect(rated).toMatchObject({ status: 'rated', rating: 5 });
    expectClean(worker);
    expect(world.cloud.errorLines()).toEqual([]);
    console.log(`lecture journey in the weapp harness: ${Date.now() - t0} ms`);
  });
});
