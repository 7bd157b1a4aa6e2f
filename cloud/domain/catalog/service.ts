import type { Kysely } from 'kysely';
import {
  CATEGORIES, DEFAULT_PAGE_SIZE, notFound, invalid, type Category, type Page, type ServiceDetail, type TeamDetail,
  type TopicDetail, type VolunteerProfile,
} from '../../contract';
import type { DB } from '../../db/schema';
import * as servicesRepo from '../../db/repositories/services';
import * as teamsRepo from '../../db/repositories/teams';
import * as topicsRepo from '../../db/repositories/topics';
import * as volunteersRepo from '../../db/repositories/volunteers';
import { busyIntervals } from '../../db/repositories/orders';
import type { Clock } from '../clock';
import { BOOKING_RULES } from '../rules';
import { dayjs, shanghaiDay, toIso, ZONE } from '../time';
import { casesOf } from '../admin/showcase';
import { cachedMenu } from './cache';
import { computeFreeSlots } from './free-slots';
import { minutesToClock, toService, toTeam, toTopicSummary, toVolunteerSummary } from './mappers';

export interface Paging {
  page?: number;
  pageSize?: number;
}

export function pageQuery(p: Paging) {
  const page = p.page ?? 1;
  const pageSize = p.pageSize ?? DEFAULT_PAGE_SIZE;
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}

const pageOf = <T>(items: T[], total: number, p: { page: number; pageSize: number }): Page<T> => ({
  items, total, page: p.page, pageSize: p.pageSize,
});

/** The cache key of a read: the action and its parsed input (zod gives a fixed key order). */
const keyOf = (action: string, input: unknown) => `${action}:${JSON.stringify(input)}`;

export function categories(db: Kysely<DB>): Promise<Page<Category>> {
  return cachedMenu(db, 'categories', () => loadCategories(db));
}

async function loadCategories(db: Kysely<DB>): Promise<Page<Category>> {
  const rows = await topicsRepo.listCategoriesWithCounts(db);
  const items = rows.map((r) => ({ id: r.id as Category['id'], name: r.name, topicCount: Number(r.topic_count) }));
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, CATEGORIES.length) };
}

export function topics(db: Kysely<DB>, input: Omit<topicsRepo.TopicFilter, 'limit' | 'offset'> & Paging) {
  return cachedMenu(db, keyOf('topics', input), () => loadTopics(db, input));
}

async function loadTopics(db: Kysely<DB>, input: Omit<topicsRepo.TopicFilter, 'limit' | 'offset'> & Paging) {
  const p = pageQuery(input);
  const { rows, total } = await topicsRepo.listTopics(db, { ...input, ...p });
  return pageOf(rows.map(toTopicSummary), total, p);
}

export function topic(db: Kysely<DB>, id: string): Promise<TopicDetail> {
  return cachedMenu(db, keyOf('topic', id), () => loadTopic(db, id));
}

async function loadTopic(db: Kysely<DB>, id: string): Promise<TopicDetail> {
  const row = await topicsRepo.getTopic(db, id);
  if (!row) throw notFound('宣讲主题');
  const volunteers = await volunteersRepo.volunteersByIds(db, row.volunteer_ids);
  return { ...toTopicSummary(row), volunteers: volunteers.map(toVolunteerSummary) };
}

export function services(db: Kysely<DB>, input: Omit<servicesRepo.ServiceFilter, 'limit' | 'offset'> & Paging) {
  return cachedMenu(db, keyOf('services', input), () => loadServices(db, input));
}

async function loadServices(db: Kysely<DB>, input: Omit<servicesRepo.ServiceFilter, 'limit' | 'offset'> & Paging) {
  const p = pageQuery(input);
  const { rows, total } = await servicesRepo.listServices(db, { ...input, ...p });
  return pageOf(rows.map(toService), total, p);
}

export function service(db: Kysely<DB>, id: string): Promise<ServiceDetail> {
  return cachedMenu(db, keyOf('service', id), () => loadService(db, id));
}

async function loadService(db: Kysely<DB>, id: string): Promise<ServiceDetail> {
  const row = await servicesRepo.getService(db, id);
  if (!row) throw notFound('技术服务');
  const volunteers = await volunteersRepo.volunteersByIds(db, row.volunteer_ids);
  return { ...toService(row), volunteers: volunteers.map(toVolunteerSummary) };
}

export function volunteers(db: Kysely<DB>, input: Omit<volunteersRepo.VolunteerFilter, 'limit' | 'offset'> & Paging) {
  return cachedMenu(db, keyOf('volunteers', input), () => loadVolunteers(db, input));
}

async function loadVolunteers(db: Kysely<DB>, input: Omit<volunteersRepo.VolunteerFilter, 'limit' | 'offset'> & Paging) {
  const p = pageQuery(input);
  const { rows, total } = await volunteersRepo.listVolunteers(db, { ...input, ...p });
  return pageOf(rows.map(toVolunteerSummary), total, p);
}

/** Longest window a profile may ask free slots for: a quarter, the booking horizon. */
const MAX_SLOT_RANGE_DAYS = BOOKING_RULES.horizonDays;

export async function volunteer(
  db: Kysely<DB>,
  clock: Clock,
  input: { id: string; from?: string; to?: string },
): Promise<VolunteerProfile> {
  const now = clock.now();
  const from = input.from ? new Date(input.from) : now;
  const to = input.to ? new Date(input.to) : dayjs(from).add(14, 'day').toDate();
  if (to <= from) throw invalid('to', '结束时间应晚于开始时间');
  if (dayjs(to).diff(from, 'day', true) > MAX_SLOT_RANGE_DAYS) {
    throw invalid('to', `查询范围最多 ${MAX_SLOT_RANGE_DAYS} 天`);
  }
  const dayKey = (d: Date) => shanghaiDay(d.getTime())?.key ?? dayjs(d).tz(ZONE).format('YYYY-MM-DD');
  const [fromDay, toDay] = [dayKey(from), dayKey(to)];
  // The profile from memory; the orders that take slots (one query) fresh on every call.
  const [{ row, windows, blocked, topicRows, serviceRows, cases }, busy] = await Promise.all([
    cachedMenu(db, keyOf('volunteer', [input.id, fromDay, toDay]), () => loadProfile(db, input.id, fromDay, toDay)),
    busyIntervals(db, input.id, from, to),
  ]);
  const slots = computeFreeSlots({
    windows: windows.map((w) => ({ weekday: w.weekday, startMinute: w.start_minute, endMinute: w.end_minute })),
    blockedDays: blocked,
    busy,
    from,
    to,
    earliest: dayjs(now).add(BOOKING_RULES.minNoticeHours, 'hour').toDate(),
  });
  return {
    ...toVolunteerSummary(row),
    bio: row.bio,
    orgName: row.org_name,
    topics: topicRows.map((t) => ({ id: t.id, title: t.title, category: t.category_id as VolunteerProfile['topics'][number]['category'] })),
    services: serviceRows,
    weekly: windows.map((w) => ({ weekday: w.weekday, start: minutesToClock(w.start_minute), end: minutesToClock(w.end_minute) })),
    freeSlots: slots.map((s) => ({ start: toIso(s.start), end: toIso(s.end) })),
    cases,
  };
}

/** What a volunteer's page shows apart from the free slots: it changes only with the menu. */
async function loadProfile(db: Kysely<DB>, id: string, fromDay: string, toDay: string) {
  const row = await volunteersRepo.getVolunteer(db, id);
  if (!row) throw notFound('志愿者');
  const [windows, blocked, topicRows, serviceRows, cases] = await Promise.all([
    volunteersRepo.windowsOf(db, row.id),
    volunteersRepo.blockedDaysOf(db, row.id, fromDay, toDay),
    volunteersRepo.topicsOfVolunteer(db, row.id),
    volunteersRepo.servicesOfVolunteer(db, row.id),
    casesOf(db, { volunteerId: row.id }),
  ]);
  return { row, windows, blocked, topicRows, serviceRows, cases };
}

export function teams(db: Kysely<DB>, input: Omit<teamsRepo.TeamFilter, 'limit' | 'offset'> & Paging) {
  return cachedMenu(db, keyOf('teams', input), () => loadTeams(db, input));
}

async function loadTeams(db: Kysely<DB>, input: Omit<teamsRepo.TeamFilter, 'limit' | 'offset'> & Paging) {
  const p = pageQuery(input);
  const { rows, total } = await teamsRepo.listTeams(db, { ...input, ...p });
  return pageOf(rows.map(toTeam), total, p);
}

export function team(db: Kysely<DB>, id: string): Promise<TeamDetail> {
  return cachedMenu(db, keyOf('team', id), () => loadTeam(db, id));
}

async function loadTeam(db: Kysely<DB>, id: string): Promise<TeamDetail> {
  const row = await teamsRepo.getTeam(db, id);
  if (!row) throw notFound('服务队');
  const [members, serviceRows, cases] = await Promise.all([
    volunteersRepo.volunteersOfTeam(db, id),
    servicesRepo.listServices(db, { teamId: id, limit: 100, offset: 0 }),
    casesOf(db, { teamId: id }),
  ]);
  const summaries = members.map(toVolunteerSummary);
  return {
    ...toTeam(row),
    members: summaries,
    services: serviceRows.rows.map(toService),
    totals: {
      members: summaries.length,
      ordersDone: summaries.reduce((n, m) => n + m.ordersDone, 0),
      serviceHours: Math.round(summaries.reduce((n, m) => n + m.serviceHours, 0) * 10) / 10,
    },
    cases,
  };
}
