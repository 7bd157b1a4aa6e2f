import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { completeProfile, expectClean } from './harness/journeys';
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

  it('the provincial admin invites; the invitee opens the link and becomes an admin of that union', async () => {
    const adminOpenid = await world.openidOf('浙江省总工会管理员');
    const org = await world.database.db.selectFrom('orgs').select(['id', 'name']).where('name', 'like', '%义乌%').executeTakeFirstOrThrow();
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
    expectClean(invitee);
  });
});
