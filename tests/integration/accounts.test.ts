import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type {
  AccountUser, EnterpriseApplication, EnterpriseApplicationForAdmin, InboxPage, Invite, Me, OrgNode, Page, RoleGrant,
} from '../../cloud/contract';
import { createInvite } from '../../cloud/domain/accounts/invites';
import { createTestDatabase, type EngineName, type TestDatabase } from '../helpers/db';
import { adminOf, orgsByName } from '../helpers/orgs';
import { createTestServer, okData, type TestServer } from '../helpers/server';

/**
 * Real accounts over the HTTP stack on both engines: a stranger completes the profile, applies
 * as an enterprise contact and is approved by an admin in scope; admins invite admins with
 * one-time codes; admins list users in scope and take roles back, which ends the sessions; every
 * grant and revocation is recorded. Refusals: bad input names the field, wrong role and wrong
 * scope are FORBIDDEN, a used or expired code is CONFLICT.
 */
const ENGINES: EngineName[] = ['pglite', 'postgres'];
type Res = { status: number; body: { ok: boolean; error?: { code: string; message: string; fields?: Record<string, string> } } };
const code = (res: Res) => (res.body.ok ? 'OK' : res.body.error!.code);
const fields = (res: Res) => Object.keys(res.body.error?.fields ?? {});
const message = (res: Res) => res.body.error?.message ?? '';
// Real, published codes (小米科技, 山东步长制药).
const CREDIT_CODE = '91110108551385082Q';
const OTHER_CREDIT_CODE = '91370000728611939A';

describe.each(ENGINES)('accounts on %s', (engine) => {
  let database: TestDatabase;
  let server: TestServer;
  let org: Record<string, string>;
  let seq = 0;

  /** A token at the user's current token version, as a login would issue. */
  const tokenOf = async (userId: string) => {
    const u = await database.db.selectFrom('users').select('token_version').where('id', '=', userId).executeTakeFirstOrThrow();
    return server.services.tokens.sign(userId, server.services.clock.now(), u.token_version);
  };
  const as = (token: string) => <T = unknown>(fn: string, action: string, data?: unknown) => server.call<T>(fn, action, data, token);

  /** A first-time WeChat user: a nameless worker without phone or union, as CloudBase creates one. */
  async function stranger() {
    const row = await database.db
      .insertInto('users')
      .values({ name: '微信用户', openid: `o-${engine}-${seq++}`, roles: ['worker'], org_id: null, company: null, phone: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const token = await tokenOf(row.id);
    return { userId: row.id, token, call: as(token) };
  }
  async function profiled(name: string, orgName: string) {
    const s = await stranger();
    okData(await s.call('auth', 'updateProfile', { name, phone: `1390000${String(1000 + seq++).slice(-4)}`, orgId: org[orgName] }));
    return s;
  }
  const admin = async (orgName: string) => {
    const s = await adminOf(server, org[orgName]);
    const token = await tokenOf(s.userId);
    return { userId: s.userId, token, call: as(token) };
  };
  const grants = (userId: string) =>
    database.db.selectFrom('role_grants').select(['role', 'change', 'via', 'by_user_id', 'org_id']).where('user_id', '=', userId).orderBy('id').execute();

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    server = await createTestServer(database);
    org = await orgsByName(server);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  describe('profile', () => {
    it('catalog.orgs answers the union tree to anyone, parents first, paged', async () => {
      const all = okData(await server.call<Page<OrgNode>>('catalog', 'orgs', { pageSize: 100 }));
      expect(all.total).toBe(Object.keys(org).length);
      expect(all.items[0]).toMatchObject({ name: '浙江省总工会', parentId: null, level: 'province' });
      const byId = new Map(all.items.map((o, i) => [o.id, i]));
      for (const [i, o] of all.items.entries()) if (o.parentId) expect(byId.get(o.parentId)!).toBeLessThan(i);
      expect(all.items.find((o) => o.name === '义乌市总工会')!.parentId).toBe(org['金华市总工会']);
      const page2 = okData(await server.call<Page<OrgNode>>('catalog', 'orgs', { page: 2, pageSize: 3 }));
      expect(page2.items.map((o) => o.id)).toEqual(all.items.slice(3, 6).map((o) => o.id));
      const bad = await server.call('catalog', 'orgs', { pageSize: 1000 });
      expect([code(bad), fields(bad)]).toEqual(['VALIDATION', ['pageSize']]);
    });

    it('a first-time user is incomplete until name, mobile and union are saved', async () => {
      const s = await stranger();
      const before = okData(await s.call<Me>('auth', 'me', {}));
      expect(before.profileComplete).toBe(false);
      expect(before.phone).toBeUndefined();
      const saved = okData(await s.call<Me>('auth', 'updateProfile', { name: ' 张三 ', phone: '+86 139-0000-0001', avatarUrl: '/uploads/abc.jpg', orgId: org['义乌市总工会'] }));
      expect(saved).toMatchObject({ name: '张三', phone: '13900000001', avatarUrl: '/uploads/abc.jpg', orgId: org['义乌市总工会'], orgName: '义乌市总工会', profileComplete: true });
      expect(okData(await s.call<Me>('auth', 'me', {})).profileComplete).toBe(true);
      // The phone is kept when not sent again (on WeChat it may have come from bindPhone).
      expect(okData(await s.call<Me>('auth', 'updateProfile', { name: '张三丰', orgId: org['义乌市总工会'] })).phone).toBe('13900000001');
    });

    it('bad input names the field; an unknown union is NOT_FOUND', async () => {
      const s = await stranger();
      const base = { name: '李四', phone: '13900000002', orgId: org['义乌市总工会'] };
      for (const [data, field] of [
        [{ ...base, phone: '12345678901' }, 'phone'], [{ ...base, phone: '1390000000' }, 'phone'], [{ ...base, phone: '0579-85551234' }, 'phone'],
        [{ ...base, name: '  ' }, 'name'], [{ ...base, name: '名'.repeat(21) }, 'name'], [{ ...base, avatarUrl: 'javascript:alert(1)' }, 'avatarUrl'],
        [{ ...base, orgId: 42 }, 'orgId'], [{ name: '李四', phone: '13900000002' }, 'orgId'],
      ] as const) {
        const res = await s.call('auth', 'updateProfile', data);
        expect(code(res), JSON.stringify(data)).toBe('VALIDATION');
        expect(fields(res), JSON.stringify(data)).toEqual([field]);
      }
      const unknown = await s.call('auth', 'updateProfile', { ...base, orgId: '999999' });
      expect(code(unknown)).toBe('NOT_FOUND');
      // Without a phone at all the profile cannot be saved.
      const noPhone = await s.call('auth', 'updateProfile', { name: '李四', orgId: org['义乌市总工会'] });
      expect([code(noPhone), fields(noPhone)]).toEqual(['VALIDATION', ['phone']]);
      expect(okData(await s.call<Me>('auth', 'me', {})).profileComplete).toBe(false);
    });

    it('an admin cannot move their own scope through the profile', async () => {
      const a = await admin('义乌市总工会');
      const res = await a.call('auth', 'updateProfile', { name: '义乌管理员', phone: '13800000006', orgId: org['金华市总工会'] });
      expect([code(res), fields(res)]).toEqual(['FORBIDDEN', ['orgId']]);
      okData(await a.call('auth', 'updateProfile', { name: '义乌市总工会管理员', phone: '13800000006', orgId: org['义乌市总工会'] }));
    });

    it('the WeChat phone button needs CloudBase: locally a clear error on the code, and the user types', async () => {
      const s = await stranger();
      const res = await s.call('auth', 'bindPhone', { code: 'wx-code-123' });
      expect([code(res), fields(res)]).toEqual(['VALIDATION', ['code']]);
      expect(message(res)).toContain('手动填写');
    });
  });

  describe('enterprise contacts are vouched for', () => {
    let applicant: Awaited<ReturnType<typeof profiled>>;
    let application: EnterpriseApplication;

    beforeAll(async () => {
      applicant = await profiled('楼企业', '义乌市总工会');
    });

    it('the credit code is checked with its GB 32100 check character, naming the field', async () => {
      for (const creditCode of ['91110108551385082F', '9111010855138508', 'FOOBARFOOBARFOOBAR', '91110108551385O82Q']) {
        const res = await applicant.call('auth', 'applyEnterprise', { company: '义乌测试袜业有限公司', creditCode, orgId: org['义乌市总工会'] });
        expect([code(res), fields(res)], creditCode).toEqual(['VALIDATION', ['creditCode']]);
      }
      const noCompany = await applicant.call('auth', 'applyEnterprise', { company: '', creditCode: CREDIT_CODE, orgId: org['义乌市总工会'] });
      expect([code(noCompany), fields(noCompany)]).toEqual(['VALIDATION', ['company']]);
      const unknownOrg = await applicant.call('auth', 'applyEnterprise', { company: '义乌测试袜业有限公司', creditCode: CREDIT_CODE, orgId: '999999' });
      expect(code(unknownOrg)).toBe('NOT_FOUND');
      expect(await database.db.selectFrom('enterprise_applications').select('id').where('user_id', '=', applicant.userId).execute()).toEqual([]);
    });

    it('an incomplete profile must be completed first', async () => {
      const s = await stranger();
      const res = await s.call('auth', 'applyEnterprise', { company: '义乌测试袜业有限公司', creditCode: CREDIT_CODE, orgId: org['义乌市总工会'] });
      expect(code(res)).toBe('FORBIDDEN');
    });

    it('applies once; the org\'s admins are told', async () => {
      const yiwu = await admin('义乌市总工会');
      const unreadBefore = okData(await yiwu.call<InboxPage>('inbox', 'list', {})).unread;
      application = okData(await applicant.call<EnterpriseApplication>('auth', 'applyEnterprise', {
        company: '义乌测试袜业有限公司', creditCode: '9111 0108 5513 8508 2q', orgId: org['义乌市总工会'], address: '义乌市稠城街道',
      }));
      expect(application).toMatchObject({ status: 'applied', creditCode: CREDIT_CODE, company: '义乌测试袜业有限公司', orgName: '义乌市总工会' });
      const again = await applicant.call('auth', 'applyEnterprise', { company: '另一家公司', creditCode: OTHER_CREDIT_CODE, orgId: org['义乌市总工会'] });
      expect(code(again)).toBe('CONFLICT');
      expect(okData(await yiwu.call<InboxPage>('inbox', 'list', {})).unread).toBe(unreadBefore + 1);
      expect(okData(await applicant.call<EnterpriseApplication | null>('auth', 'enterpriseApplication', {}))).toMatchObject({ id: application.id, status: 'applied' });
    });

    it('admins see the applications of their scope only', async () => {
      const ids = async (who: Awaited<ReturnType<typeof admin>>) =>
        okData(await who.call<Page<EnterpriseApplicationForAdmin>>('admin', 'enterprises', {})).items.map((a) => a.id);
      expect(await ids(await admin('义乌市总工会'))).toContain(application.id);
      expect(await ids(await admin('金华市总工会'))).toContain(application.id); // the city above
      expect(await ids(await admin('浦江县总工会'))).not.toContain(application.id); // a sibling county
      expect(await ids(await admin('杭州市总工会'))).not.toContain(application.id); // another city
      const item = okData(await (await admin('义乌市总工会')).call<Page<EnterpriseApplicationForAdmin>>('admin', 'enterprises', {})).items.find((a) => a.id === application.id)!;
      expect(item).toMatchObject({ userName: '楼企业', userPhone: expect.stringMatching(/^1390000/) });
      const bad = await applicant.call('admin', 'enterprises', { status: 'pending' });
      expect([code(bad), fields(bad)]).toEqual(['VALIDATION', ['status']]);
      expect(code(await applicant.call('admin', 'enterprises', {}))).toBe('FORBIDDEN');
    });

    it('review: wrong role and wrong scope are refused; rejecting needs a reason', async () => {
      expect(code(await applicant.call('admin', 'reviewEnterprise', { id: application.id, approve: true }))).toBe('FORBIDDEN');
      expect(code(await (await admin('浦江县总工会')).call('admin', 'reviewEnterprise', { id: application.id, approve: true }))).toBe('FORBIDDEN');
      expect(code(await (await admin('杭州市总工会')).call('admin', 'reviewEnterprise', { id: application.id, approve: true }))).toBe('FORBIDDEN');
      const noReason = await (await admin('义乌市总工会')).call('admin', 'reviewEnterprise', { id: application.id, approve: false });
      expect([code(noReason), fields(noReason)]).toEqual(['VALIDATION', ['reason']]);
      expect(code(await (await admin('义乌市总工会')).call('admin', 'reviewEnterprise', { id: '999999', approve: true }))).toBe('NOT_FOUND');
      expect(okData(await applicant.call<Me>('auth', 'me', {})).roles).toEqual(['worker']);
    });

    it('approval by the city above adds the role and the company, tells the applicant and is recorded', async () => {
      const jinhua = await admin('金华市总工会');
      const reviewed = okData(await jinhua.call<EnterpriseApplicationForAdmin>('admin', 'reviewEnterprise', { id: application.id, approve: true }));
      expect(reviewed.status).toBe('approved');
      const me = okData(await applicant.call<Me>('auth', 'me', {}));
      expect(me.roles.sort()).toEqual(['enterprise', 'worker']);
      expect(me.company).toBe('义乌测试袜业有限公司');
      const inbox = okData(await applicant.call<InboxPage>('inbox', 'list', {}));
      expect(inbox.items[0].title).toBe('企业认证已通过');
      expect(await grants(applicant.userId)).toEqual([{ role: 'enterprise', change: 'granted', via: 'enterprise', by_user_id: jinhua.userId, org_id: org['义乌市总工会'] }]);
      expect(code(await jinhua.call('admin', 'reviewEnterprise', { id: application.id, approve: false, reason: '重复审核' }))).toBe('CONFLICT');
      expect(okData(await applicant.call<EnterpriseApplication>('auth', 'enterpriseApplication', {})).status).toBe('approved');
      // Already an enterprise contact: a new application is a conflict.
      expect(code(await applicant.call('auth', 'applyEnterprise', { company: '另一家公司', creditCode: OTHER_CREDIT_CODE, orgId: org['义乌市总工会'] }))).toBe('CONFLICT');
    });

    it('a rejection carries its reason to the applicant, who may apply again', async () => {
      const s = await profiled('王申请', '浦江县总工会');
      const a = okData(await s.call<EnterpriseApplication>('auth', 'applyEnterprise', { company: '浦江测试水晶有限公司', creditCode: OTHER_CREDIT_CODE, orgId: org['浦江县总工会'] }));
      okData(await (await admin('浦江县总工会')).call('admin', 'reviewEnterprise', { id: a.id, approve: false, reason: '营业执照名称不符' }));
      expect(okData(await s.call<EnterpriseApplication>('auth', 'enterpriseApplication', {}))).toMatchObject({ status: 'rejected', reason: '营业执照名称不符' });
      expect(okData(await s.call<InboxPage>('inbox', 'list', {})).items[0].body).toContain('营业执照名称不符');
      expect(okData(await s.call<Me>('auth', 'me', {})).roles).toEqual(['worker']);
      okData(await s.call('auth', 'applyEnterprise', { company: '浦江测试水晶股份有限公司', creditCode: OTHER_CREDIT_CODE, orgId: org['浦江县总工会'] }));
    });
  });

  describe('admins are invited', () => {
    it('invite: own org or below; not a sibling, not above, not as a non-admin; unknown org NOT_FOUND', async () => {
      const jinhua = await admin('金华市总工会');
      const yiwu = await admin('义乌市总工会');
      const own = okData(await jinhua.call<Invite>('admin', 'invite', { orgId: org['金华市总工会'] }));
      expect(own.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(own.url).toBe(`/packages/account/invite/index?code=${own.code.replace(/-/g, '')}`);
      expect(own.qrImage).toMatch(/^data:image\/png;base64,/);
      // Default lifetime 72 hours.
      expect(Date.parse(own.expiresAt) - server.services.clock.now().getTime()).toBeGreaterThan(71.9 * 3_600_000);
      expect(Date.parse(own.expiresAt) - server.services.clock.now().getTime()).toBeLessThanOrEqual(72 * 3_600_000);
      okData(await jinhua.call<Invite>('admin', 'invite', { orgId: org['浦江县总工会'] }));
      expect(code(await yiwu.call('admin', 'invite', { orgId: org['浦江县总工会'] }))).toBe('FORBIDDEN');
      expect(code(await yiwu.call('admin', 'invite', { orgId: org['金华市总工会'] }))).toBe('FORBIDDEN');
      expect(code(await (await stranger()).call('admin', 'invite', { orgId: org['义乌市总工会'] }))).toBe('FORBIDDEN');
      expect(code(await jinhua.call('admin', 'invite', { orgId: '999999' }))).toBe('NOT_FOUND');
      const bad = await jinhua.call('admin', 'invite', { orgId: 7 });
      expect([code(bad), fields(bad)]).toEqual(['VALIDATION', ['orgId']]);
      // Only the hash is kept.
      const stored = await database.db.selectFrom('admin_invites').select('code_hash').execute();
      expect(stored.some((r) => r.code_hash.includes(own.code.replace(/-/g, '')))).toBe(false);
    });

    it('accept: the invitee becomes an admin of that county and sees only that county; a second use is CONFLICT', async () => {
      const jinhua = await admin('金华市总工会');
      const invite = okData(await jinhua.call<Invite>('admin', 'invite', { orgId: org['浦江县总工会'] }));
      const invitee = await profiled('浦江新管理员', '浦江县总工会');
      // Case, spaces and hyphens as typed do not matter.
      const me = okData(await invitee.call<Me>('auth', 'acceptInvite', { code: ` ${invite.code.toLowerCase().replace(/-/g, ' ')} ` }));
      expect(me.roles).toContain('admin');
      expect(me.orgId).toBe(org['浦江县总工会']);
      const seen = okData(await invitee.call<Page<AccountUser>>('admin', 'users', { pageSize: 100 }));
      expect(seen.items.length).toBeGreaterThan(0);
      expect(new Set(seen.items.map((u) => u.orgId))).toEqual(new Set([org['浦江县总工会']]));
      expect(code(await invitee.call('admin', 'invite', { orgId: org['义乌市总工会'] }))).toBe('FORBIDDEN');
      const second = await (await profiled('后来者', '浦江县总工会')).call('auth', 'acceptInvite', { code: invite.code });
      expect([code(second), fields(second)]).toEqual(['CONFLICT', ['code']]);
      expect(await grants(invitee.userId)).toEqual([{ role: 'admin', change: 'granted', via: 'invite', by_user_id: jinhua.userId, org_id: org['浦江县总工会'] }]);
      expect(okData(await jinhua.call<InboxPage>('inbox', 'list', {})).items[0].title).toBe('管理员邀请已被接受');
    });

    it('unknown and expired codes are refused clearly and change nothing', async () => {
      const s = await profiled('试码人', '义乌市总工会');
      const unknown = await s.call('auth', 'acceptInvite', { code: 'AAAA-BBBB-CCCC' });
      expect([code(unknown), fields(unknown)]).toEqual(['NOT_FOUND', ['code']]);
      const old = await createInvite(database.db, new Date(Date.now() - 73 * 3_600_000), null, org['义乌市总工会'], 72);
      const expired = await s.call('auth', 'acceptInvite', { code: old.code });
      expect([code(expired), fields(expired)]).toEqual(['CONFLICT', ['code']]);
      expect(message(expired)).toContain('过期');
      const empty = await s.call('auth', 'acceptInvite', { code: '' });
      expect([code(empty), fields(empty)]).toEqual(['VALIDATION', ['code']]);
      expect(okData(await s.call<Me>('auth', 'me', {})).roles).toEqual(['worker']);
    });

    it('of many people accepting one code at once, exactly one becomes admin', async () => {
      const invite = okData(await (await admin('湖州市总工会')).call<Invite>('admin', 'invite', { orgId: org['德清县总工会'] }));
      const people = await Promise.all(Array.from({ length: 8 }, (_, i) => profiled(`抢邀请${i}`, '德清县总工会')));
      const answers = await Promise.all(people.map((p) => p.call('auth', 'acceptInvite', { code: invite.code })));
      expect(answers.map(code).sort()).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
      const admins = await database.db.selectFrom('users').select('id').where('id', 'in', people.map((p) => p.userId)).where((eb) => eb(eb.val('admin'), '=', eb.fn.any('roles'))).execute();
      expect(admins).toHaveLength(1);
      const used = await database.db.selectFrom('role_grants').select('user_id').where('user_id', 'in', people.map((p) => p.userId)).execute();
      expect(used.map((u) => u.user_id)).toEqual([admins[0].id]);
    });
  });

  describe('users in scope and taking roles back', () => {
    it('lists users of the admin\'s orgs, by text and by role', async () => {
      const yiwu = await admin('义乌市总工会');
      const all = okData(await yiwu.call<Page<AccountUser>>('admin', 'users', { pageSize: 100 }));
      expect(all.total).toBeGreaterThan(0);
      expect(all.items.every((u) => u.orgId === org['义乌市总工会'])).toBe(true);
      const ents = okData(await yiwu.call<Page<AccountUser>>('admin', 'users', { role: 'enterprise', pageSize: 100 }));
      expect(ents.items.length).toBeGreaterThan(0);
      expect(ents.items.every((u) => u.roles.includes('enterprise'))).toBe(true);
      const byName = okData(await yiwu.call<Page<AccountUser>>('admin', 'users', { q: '楼企业' }));
      expect(byName.items.map((u) => u.name)).toEqual(['楼企业']);
      const wildcard = okData(await yiwu.call<Page<AccountUser>>('admin', 'users', { q: '%' }));
      expect(wildcard.total).toBe(0);
      const bad = await yiwu.call('admin', 'users', { role: 'boss' });
      expect([code(bad), fields(bad)]).toEqual(['VALIDATION', ['role']]);
      expect(code(await (await stranger()).call('admin', 'users', {}))).toBe('FORBIDDEN');
    });

    it('revoke: not from oneself, not above or beside one\'s scope, not a role the user lacks', async () => {
      const yiwu = await admin('义乌市总工会');
      const jinhua = await admin('金华市总工会');
      const pujiang = await admin('浦江县总工会');
      const self = await yiwu.call('admin', 'revokeRole', { userId: yiwu.userId, role: 'admin' });
      expect([code(self), fields(self)]).toEqual(['FORBIDDEN', ['userId']]);
      expect(code(await yiwu.call('admin', 'revokeRole', { userId: jinhua.userId, role: 'admin' }))).toBe('FORBIDDEN');
      expect(code(await yiwu.call('admin', 'revokeRole', { userId: pujiang.userId, role: 'admin' }))).toBe('FORBIDDEN');
      const worker = await profiled('普通职工', '义乌市总工会');
      expect(code(await yiwu.call('admin', 'revokeRole', { userId: worker.userId, role: 'enterprise' }))).toBe('CONFLICT');
      const bad = await yiwu.call('admin', 'revokeRole', { userId: worker.userId, role: 'worker' });
      expect([code(bad), fields(bad)]).toEqual(['VALIDATION', ['role']]);
      expect(code(await worker.call('admin', 'revokeRole', { userId: yiwu.userId, role: 'admin' }))).toBe('FORBIDDEN');
      expect(code(await yiwu.call('admin', 'revokeRole', { userId: '999999', role: 'admin' }))).toBe('NOT_FOUND');
      expect(okData(await jinhua.call<Me>('auth', 'me', {})).roles).toContain('admin');
    });

    it('a revoked county admin loses the console at the next call; the session ends; both sides are recorded and shown', async () => {
      const jinhua = await admin('金华市总工会');
      const invite = okData(await jinhua.call<Invite>('admin', 'invite', { orgId: org['浦江县总工会'] }));
      const county = await profiled('将被收回的管理员', '浦江县总工会');
      okData(await county.call('auth', 'acceptInvite', { code: invite.code }));
      okData(await county.call('admin', 'users', {}));
      const after = okData(await jinhua.call<AccountUser>('admin', 'revokeRole', { userId: county.userId, role: 'admin' }));
      expect(after.roles).toEqual(['worker']);
      // The old session is over …
      expect(code(await county.call('admin', 'users', {}))).toBe('UNAUTHENTICATED');
      expect(code(await county.call('auth', 'me', {}))).toBe('UNAUTHENTICATED');
      // … and a new one has no console.
      const fresh = as(await tokenOf(county.userId));
      expect(code(await fresh('admin', 'users', {}))).toBe('FORBIDDEN');
      expect(okData(await fresh<InboxPage>('inbox', 'list', {})).items[0].title).toBe('工会管理员身份已被收回');
      const record = okData(await jinhua.call<Page<RoleGrant>>('admin', 'roleGrants', { userId: county.userId }));
      expect(record.items.map((g) => [g.change, g.role, g.via, g.byName])).toEqual([
        ['revoked', 'admin', 'revoke', '金华市总工会管理员'],
        ['granted', 'admin', 'invite', '金华市总工会管理员'],
      ]);
      // A county beside it does not see that record; the county itself does.
      expect(okData(await (await admin('义乌市总工会')).call<Page<RoleGrant>>('admin', 'roleGrants', { userId: county.userId })).total).toBe(0);
      expect(okData(await (await admin('浦江县总工会')).call<Page<RoleGrant>>('admin', 'roleGrants', { userId: county.userId })).total).toBe(2);
      expect(code(await jinhua.call('admin', 'revokeRole', { userId: county.userId, role: 'admin' }))).toBe('CONFLICT');
    });

    it('taking back a volunteer suspends the profile; the grant of an approval was recorded', async () => {
      const yiwu = await admin('义乌市总工会');
      const v = await profiled('将被收回的志愿者', '义乌市总工会');
      const appl = okData(await v.call<{ id: string }>('task', 'apply', {
        kinds: ['technician'], title: '', honours: [], skills: ['数控'], regions: ['义乌'], bio: '从事数控加工二十年，擅长设备维修。', orgId: org['义乌市总工会'],
      }));
      okData(await yiwu.call('admin', 'reviewVolunteer', { id: appl.id, approve: true }));
      expect(await grants(v.userId)).toEqual([{ role: 'volunteer', change: 'granted', via: 'volunteer', by_user_id: yiwu.userId, org_id: org['义乌市总工会'] }]);
      okData(await yiwu.call('admin', 'revokeRole', { userId: v.userId, role: 'volunteer' }));
      const row = await database.db.selectFrom('volunteers').select('status').where('user_id', '=', v.userId).executeTakeFirstOrThrow();
      expect(row.status).toBe('suspended');
      const me = okData(await as(await tokenOf(v.userId))<Me>('auth', 'me', {}));
      expect(me.roles).toEqual(['worker']);
      expect(me.volunteerId).toBeUndefined();
    });
  });

  describe('sessions', () => {
    it('logout everywhere ends every token; refresh issues a working one', async () => {
      const s = await profiled('会话用户', '义乌市总工会');
      const refreshed = okData(await s.call<{ token: string; user: Me }>('auth', 'refresh', {}));
      expect(refreshed.user.id).toBe(s.userId);
      okData(await as(refreshed.token)('auth', 'me', {}));
      expect(okData(await s.call('auth', 'logout', {}))).toEqual({ loggedOut: true });
      okData(await s.call('auth', 'me', {})); // a plain logout only forgets the token on the client
      okData(await s.call('auth', 'logout', { everywhere: true }));
      expect(code(await s.call('auth', 'me', {}))).toBe('UNAUTHENTICATED');
      expect(code(await as(refreshed.token)('auth', 'me', {}))).toBe('UNAUTHENTICATED');
      okData(await as(await tokenOf(s.userId))('auth', 'me', {}));
      const bad = await s.call('auth', 'logout', { everywhere: 'yes' });
      expect(code(bad)).toBe('UNAUTHENTICATED'); // identity comes before the input
    });
  });
});
