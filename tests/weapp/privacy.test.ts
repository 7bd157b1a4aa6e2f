import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { textOf } from './harness/tree';
import { World } from './harness/world';
import { newDevice } from './harness/wx';

/**
 * WeChat's privacy check (`__usePrivacyCheck__`): location, photos and the clipboard wait for the
 * app's consent sheet. Refused, or with location turned down, everything still works without them
 * and says so.
 */
describe('weapp: privacy consent and location, both ways', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.create();
  }, 300_000);
  afterAll(() => world?.close());

  async function openTask(openid: string, title: string, device = newDevice()) {
    const phone = await world.phone(openid, { device });
    await phone.switchTab('pages/tasks/index');
    await phone.waitForText(title);
    await phone.tap(phone.byClass('task-card').find((n) => textOf(n).includes(title)));
    await phone.tap(await phone.waitForClass('task-action--checkIn'));
    return phone;
  }

  async function checkInLocation(id: string) {
    const row = await world.database.db.selectFrom('orders').select(['status', 'check_in_location']).where('id', '=', id).executeTakeFirstOrThrow();
    return row;
  }

  it('refusing the privacy guide: check-in still goes through, without a location, and says why', async () => {
    const order = await world.acceptedLecture('o-privacy-worker-1', '吴志民');
    const speaker = await openTask(order.speakerOpenid, order.title);
    await speaker.waitForText('隐私保护指引');
    // The guide itself opens in WeChat's own page.
    await speaker.tap('《劳模工匠点单小程序隐私保护指引》');
    expect(speaker.callsOf('openPrivacyContract')).toHaveLength(1);
    await speaker.tap(speaker.byClass('privacy-sheet__refuse')[0]);
    await speaker.waitForText('服务中');
    expect(speaker.callsOf('getLocation')).toHaveLength(0);
    expect(speaker.lastToast()).toBe('已签到，未同意隐私保护指引，未记录位置');
    expect(await checkInLocation(order.id)).toEqual({ status: 'in_progress', check_in_location: null });
    expect(speaker.errors).toEqual([]);
  });

  it('agreed before, location turned down in WeChat’s dialog: check-in without a location', async () => {
    const order = await world.acceptedLecture('o-privacy-worker-2', '葛小青');
    const device = newDevice();
    device.privacyAgreed = true;
    device.location.answer = 'deny';
    const speaker = await openTask(order.speakerOpenid, order.title, device);
    await speaker.waitForText('服务中');
    expect(speaker.text()).not.toContain('隐私保护提示');
    expect(speaker.callsOf('getLocation')).toHaveLength(1);
    expect(speaker.lastToast()).toBe('已签到，未能获取位置（未授权或无信号）');
    expect(await checkInLocation(order.id)).toEqual({ status: 'in_progress', check_in_location: null });
    expect(speaker.errors).toEqual([]);
  });

  it('photos for a need: refused, the form says so and can be sent without; agreed, the photo uploads to cloud storage', async () => {
    const enterprise = await world.phone(await world.openidOf('楼佳琪'));
    enterprise.addPhoto(Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'));
    await enterprise.navigateTo('/packages/order/need/index');
    await enterprise.waitForClass('photo-field__add');
    await enterprise.tap(enterprise.byClass('photo-field__add')[0]);
    await enterprise.waitForText('隐私保护提示');
    await enterprise.tap(enterprise.byClass('privacy-sheet__refuse')[0]);
    await enterprise.waitForText('未同意隐私保护指引，不能选择照片');
    expect(enterprise.callsOf('cloud.uploadFile')).toHaveLength(0);
    // Asked again on the next tap; this time agreed.
    await enterprise.tap(enterprise.byClass('photo-field__add')[0]);
    await enterprise.tap('同意并继续');
    await enterprise.waitForClass('photo-field__photo');
    const [upload] = enterprise.callsOf('cloud.uploadFile') as { cloudPath: string }[];
    expect(upload!.cloudPath).toMatch(/^needs\/.+\.jpg$/);
    expect(enterprise.errors).toEqual([]);
  });
});
