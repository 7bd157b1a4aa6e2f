import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { completeProfile, expectClean } from './harness/journeys';
import { classesOf, closest, textOf } from './harness/tree';
import { World } from './harness/world';

/**
 * Real people on WeChat: a first-time user completes the profile the WeChat way (chooseAvatar,
 * the nickname keyboard, a typed mobile number where the phone button cannot be used here, the
 * union from the org tree); an admin's invitation makes another user an admin of a county union.
 */
describe('weapp: accounts on the mini-program', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.create();
  }, 300_000);
  afterAll(() => world?.close());

  it('a first-time user completes the profile from 我的, with a WeChat avatar and the org tree', async () => {
    const openid = 'o-weapp-profile-1';
    const phone = await world.phone(openid);
    phone.device.privacyAgreed = true;
    await phone.switchTab('pages/me/index');
    await phone.tap(await phone.waitForClass('me__profile-prompt'));
    expect(phone.route).toBe('packages/account/profile/index');
    await phone.waitForText('所属工会');
    // chooseAvatar answers a temp file the app uploads to cloud storage.
    const avatar = phone.addPhoto(Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'));
    await phone.fire(phone.byClass('profile-sheet__avatar-btn')[0]!, 'chooseavatar', { avatarUrl: avatar });
    await completeProfile(phone, { name: '陈晓燕', mobile: '13957112345' });
    const user = await world.database.db.selectFrom('users').select(['name', 'phone', 'avatar_url', 'org_id']).where('openid', '=', openid).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ name: '陈晓燕', phone: '13957112345' });
    expect(user.org_id).not.toBeNull();
    expect(String(user.avatar_url)).toMatch(/^cloud:\/\//);
    // Back on 我的: no prompt any more.
    expect(phone.route).toBe('pages/me/index');
    await phone.pullDownRefresh();
    expect(phone.byClass('me__profile-prompt')).toHaveLength(0);
    expect(phone.text()).toContain('陈晓燕');
    expectClean(phone);
  });

  it('a stranger applies as an enterprise, the city admin approves on the phone, and the new enterprise books a service', async () => {
    const openid = 'o-weapp-enterprise-1';
    const phone = await world.phone(openid);
    await phone.switchTab('pages/me/index');
    await phone.tap(await phone.waitForClass('me__profile-prompt'));
    await completeProfile(phone, { name: '沈立新', mobile: '13867001234' });
    await phone.tap(await phone.waitForClass('me__entry--enterprise'));
    expect(phone.route).toBe('packages/account/enterprise/index');
    await phone.waitForText('申请成为企业联系人');
    await phone.type(phone.byClass('enterprise__company')[0]!, '杭州新立机械制造有限公司');
    await phone.type(phone.byClass('enterprise__credit')[0]!, '91110108551385082Q');
    for (const name of ['浙江省总工会', '杭州市总工会']) {
      const option = phone.byClass('org-picker__option').find((n) => textOf(n).includes(name));
      if (option) await phone.tap(option);
    }
    await phone.tap(phone.byClass('enterprise__submit')[0]);
    await phone.waitForText('工会管理员审核后');

    // The city admin reviews on the phone: 通过.
    const admin = await world.phone(await world.openidOf('潘亚'));
    await admin.navigateTo('/packages/account/admin/index');
    await admin.waitForText('杭州新立机械制造有限公司');
    const approve = admin.byClass('acct-enterprise__approve').find((b) => textOf(closest(b, 'acct-item')!).includes('杭州新立机械制造有限公司'));
    await admin.tap(approve);
    await admin.settle();
    const user = await world.database.db.selectFrom('users').select(['roles', 'company']).where('openid', '=', openid).executeTakeFirstOrThrow();
    expect(user.roles).toContain('enterprise');
    expect(user.company).toBe('杭州新立机械制造有限公司');

    // The applicant is told in the inbox, and books a technical service.
    await phone.reLaunch('/packages/order/inbox/index');
    await phone.waitForText('杭州新立机械制造有限公司');
    const service = await world.database.db.selectFrom('services').select(['id', 'title']).orderBy('id').executeTakeFirstOrThrow();
    await phone.reLaunch(`/packages/menu/service/index?id=${service.id}`);
    await phone.waitForText(service.title);
    await phone.tap(phone.byText(/^预约/).at(-1));
    expect(phone.route).toBe('packages/order/book/index');
    await phone.waitForText('时长');
    const firstDuration = phone.byClass('choice').find((n) => /小时|分钟/.test(textOf(n)));
    await phone.tap(firstDuration);
    await phone.waitForClass('slot-day');
    // The first open start of the first day that has one: late in the day (Shanghai) every start
    // of tomorrow is inside the 24-hour notice time.
    const days = () => phone.byClass('slot-day').filter((n) => !classesOf(n).includes('slot-day--more'));
    let open;
    for (let i = 0; i < days().length && !open; i++) {
      await phone.tap(days()[i]);
      await phone.waitForClass('slot-start');
      open = phone.byClass('slot-start').find((n) => !classesOf(n).includes('slot-start--off'));
    }
    await phone.tap(open);
    await phone.tap(phone.byClass('choice').find((n) => textOf(n) === '企业'));
    await phone.type('详细地址', '杭州市余杭区良渚街道新立机械二号厂房');
    await phone.type('联系电话', '13867001234');
    await phone.tap('下一步：确认信息');
    await phone.tap(await phone.waitForClass('book-submit'));
    await phone.waitForText('等待');
    const booked = await world.database.db.selectFrom('orders').innerJoin('users', 'users.id', 'orders.requester_id').select(['orders.kind', 'orders.service_id'])
      .where('users.openid', '=', openid).executeTakeFirstOrThrow();
    expect(booked).toEqual({ kind: 'service', service_id: service.id });
    expectClean(phone);
    expectClean(admin);
  });

  it('the provincial admin invites a county admin, who accepts, sees only that county, and loses the console when revoked', async () => {
    const adminOpenid = await world.openidOf('浙江省总工会管理员');
    const org = await world.database.db.selectFrom('orgs').select(['id', 'name']).where('name', 'like', '%义乌市%').executeTakeFirstOrThrow();
    const invite = await world.api<{ code: string; url: string }>(adminOpenid, 'admin', 'invite', { orgId: org.id });
    expect(invite.url).toContain('packages/account/invite/index');
    const invitee = await world.phone('o-weapp-invitee', { launch: `packages/account/invite/index?code=${invite.code}` });
    await invitee.waitForText('邀请');
    const accept = invitee.byText(/接受邀请|成为管理员|确认/).at(-1);
    await invitee.tap(accept);
    await invitee.waitForText('管理员');
    const roles = await world.database.db.selectFrom('users').select(['roles']).where('openid', '=', 'o-weapp-invitee').executeTakeFirstOrThrow();
    expect(roles.roles).toContain('admin');
    // The same code a second time is refused.
    const again = await world.cloud.call('o-weapp-someone-else', 'auth', { action: 'acceptInvite', data: { code: invite.code } });
    expect(again.result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // The county admin's console shows only that county's orders.
    await invitee.reLaunch('/packages/admin/orders/index');
    await invitee.waitForText('共');
    const scope = await world.database.db
      .withRecursive('tree', (db) => db.selectFrom('orgs').select('id').where('id', '=', org.id).unionAll((q) => q.selectFrom('orgs').innerJoin('tree', 'tree.id', 'orgs.parent_id').select('orgs.id')))
      .selectFrom('tree').select('id').execute();
    const inScope = new Set(scope.map((r) => r.id));
    const listed = await world.api<{ items: { orgId: string }[]; total: number }>('o-weapp-invitee', 'admin', 'orders', { pageSize: 100 });
    expect(listed.total).toBeGreaterThan(0);
    expect(listed.items.filter((o) => !inScope.has(o.orgId))).toEqual([]);
    const all = await world.api<{ total: number }>(adminOpenid, 'admin', 'orders', { pageSize: 1 });
    expect(listed.total).toBeLessThan(all.total);
    expectClean(invitee);

    // Revoked by the provincial admin: the console is gone at the county admin's next call.
    const invitedUser = await world.database.db.selectFrom('users').select('id').where('openid', '=', 'o-weapp-invitee').executeTakeFirstOrThrow();
    await world.api(adminOpenid, 'admin', 'revokeRole', { userId: invitedUser.id, role: 'admin' });
    const after = await world.cloud.call('o-weapp-invitee', 'admin', { action: 'orders', data: { pageSize: 1 } });
    expect(after.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await invitee.reLaunch('/packages/admin/dashboard/index');
    await invitee.settle();
    // Every panel of the console answers the refusal instead of data.
    expect(invitee.text()).toContain('只有工会管理员可以执行此操作');
  });
});
