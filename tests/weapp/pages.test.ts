import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import { sql } from 'kysely';
import path from 'node:path';
import { WEAPP_DIR } from './harness/build';
import type { Phone } from './harness/phone';
import { World } from './harness/world';

/**
 * Every page of app.json opens on a phone, as each role that can reach it: it renders something
 * readable, every node it renders has a template in base.wxml, the app reaches for no wx API the
 * platform lacks, and nothing lands on the console as an error.
 */
interface Role {
  name: string;
  /** A demo user's name, or a fresh OPENID (a first-time WeChat user). */
  user: string | { openid: string };
  pages: (ids: Ids) => string[];
}

interface Ids {
  topic: string;
  volunteer: string;
  team: string;
  service: string;
  lectureOrder: string;
  speakerTask: string;
  inProgressTask: string;
  enterpriseOrder: string;
}

const TABS = ['pages/index/index', 'pages/orders/index', 'pages/tasks/index', 'pages/me/index'];
const MENU = (i: Ids) => [
  `packages/menu/topic/index?id=${i.topic}`,
  `packages/menu/volunteer/index?id=${i.volunteer}`,
  `packages/menu/team/index?id=${i.team}`,
  'packages/menu/teams/index',
  'packages/menu/teams/index?kind=service',
  `packages/menu/services/index?teamId=${i.team}`,
  `packages/menu/service/index?id=${i.service}`,
];

const ROLES: Role[] = [
  {
    name: 'a first-time WeChat user (worker)',
    user: { openid: 'o-pages-new-user' },
    pages: (i) => [
      ...TABS, ...MENU(i), `packages/order/book/index?topicId=${i.topic}`, 'packages/order/inbox/index', 'packages/apply/index/index',
      'packages/account/enterprise/index', 'packages/account/invite/index', 'packages/account/profile/index',
    ],
  },
  {
    name: 'the requester of a lecture',
    user: '王海涛',
    pages: (i) => [`packages/order/detail/index?id=${i.lectureOrder}`, 'pages/orders/index'],
  },
  {
    name: 'an enterprise contact',
    user: '楼佳琪',
    pages: (i) => [...TABS, 'packages/order/need/index', `packages/order/book/index?serviceId=${i.service}`, `packages/order/detail/index?id=${i.enterpriseOrder}`, 'packages/order/inbox/index'],
  },
  {
    name: 'a speaker (volunteer)',
    user: '孔胜东',
    pages: (i) => [...TABS, `packages/task/detail/index?id=${i.speakerTask}`, `packages/task/record/index?id=${i.inProgressTask}`, 'packages/task/availability/index', 'packages/order/inbox/index'],
  },
  {
    name: 'the provincial union admin',
    user: '浙江省总工会管理员',
    pages: (i) => [
      ...TABS,
      'packages/admin/dashboard/index', 'packages/admin/overdue/index', 'packages/admin/orders/index', 'packages/admin/export/index',
      'packages/admin/outbox/index', 'packages/account/admin/index', 'packages/account/login/index',
      'packages/manage/index/index', 'packages/manage/applications/index', 'packages/manage/topics/index', `packages/manage/topic/index?id=${i.topic}`,
      'packages/manage/services/index', `packages/manage/service/index?id=${i.service}`, 'packages/manage/teams/index', `packages/manage/team/index?id=${i.team}`,
      `packages/order/detail/index?id=${i.lectureOrder}`, `packages/task/detail/index?id=${i.speakerTask}`,
    ],
  },
];

describe('weapp: every page opens for each role that can reach it', () => {
  let world: World;
  let ids: Ids;
  const opened = new Set<string>();

  beforeAll(async () => {
    world = await World.create();
    const db = world.database.db;
    const one = async (q: Promise<{ id: string } | undefined>) => (await q)!.id;
    // A lecture of 王海涛 with 孔胜东 (booked through the functions), and one he is giving now.
    const requester = await world.openidOf('王海涛');
    const booked = await world.acceptedLecture(requester, '孔胜东');
    const giving = await world.acceptedLecture(requester, '孔胜东', 200);
    await world.api(booked.speakerOpenid, 'task', 'checkIn', { id: giving.id });
    ids = {
      topic: await one(db.selectFrom('topics').select('id').orderBy('id').executeTakeFirst()),
      // A rated volunteer: the speaker page draws the stars.
      volunteer: await one(
        db.selectFrom('orders').select('volunteer_id as id').where('rating', 'is not', null).where('volunteer_id', 'is not', null)
          .groupBy('volunteer_id').orderBy(sql`count(*)`, 'desc').executeTakeFirst() as Promise<{ id: string } | undefined>,
      ),
      team: await one(db.selectFrom('teams').select('id').orderBy('id').executeTakeFirst()),
      service: await one(db.selectFrom('services').select('id').orderBy('id').executeTakeFirst()),
      lectureOrder: booked.id,
      speakerTask: booked.id,
      inProgressTask: giving.id,
      enterpriseOrder: await one(
        db.selectFrom('orders').innerJoin('users', 'users.id', 'orders.requester_id').select('orders.id').where('users.name', '=', '楼佳琪').orderBy('orders.id', 'desc').executeTakeFirst(),
      ),
    };
  }, 300_000);
  afterAll(() => world?.close());

  for (const role of ROLES) {
    it(`as ${role.name}`, async () => {
      const openid = typeof role.user === 'string' ? await world.openidOf(role.user) : role.user.openid;
      const phone: Phone = await world.phone(openid);
      for (const url of role.pages(ids)) {
        const route = url.split('?')[0]!;
        await phone.reLaunch(`/${url}`);
        await phone.settle();
        // Loaded: whatever the page fetches has arrived and rendered.
        await new Promise((r) => setTimeout(r, 30));
        await phone.settle();
        const text = phone.text();
        expect({ url, readable: text.trim().length > 0 }).toEqual({ url, readable: true });
        expect({ url, text: /加载失败|出错了|页面不存在|undefined|NaN|\[object Object\]/.exec(text)?.[0] ?? null }).toEqual({ url, text: null });
        phone.nodes();
        expect({ url, errors: phone.errors, missingApis: [...phone.missing], missingTemplates: phone.missingTemplates }).toEqual({ url, errors: [], missingApis: [], missingTemplates: [] });
        opened.add(route);
      }
    });
  }

  it('that was every page of app.json', () => {
    const app = JSON.parse(fs.readFileSync(path.join(WEAPP_DIR, 'app.json'), 'utf8')) as { pages: string[]; subPackages: { root: string; pages: string[] }[] };
    const all = [...app.pages, ...app.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
    expect(all.filter((r) => !opened.has(r))).toEqual([]);
  });
});
