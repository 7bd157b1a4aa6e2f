import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { invalid, notFound, type orderInput } from '../../contract';
import type { NewMessage } from '../../db/repositories/inbox';
import type { OrderRow } from '../../db/repositories/orders';
import { getService } from '../../db/repositories/services';
import { techniciansForNeed, teamMembers } from '../../db/repositories/teams-members';
import { getTopic } from '../../db/repositories/topics';
import { blockedDaysOf, volunteersByIds, windowsOf, type VolunteerRow } from '../../db/repositories/volunteers';
import type { MenuSnapshot } from '../catalog/cache';
import { shanghaiClock } from '../time';
import { checkWithinAvailability } from './rules';
import type { DB } from '../../db/schema';
import { messages } from './notify';
import type { FullActor } from './transition';

export type CreateInput = z.output<typeof orderInput.create>;

/** What each kind of order contributes to the row, and who is told once it exists. */
export interface Prepared {
  orgId: string;
  topicId: string | null;
  serviceId: string | null;
  teamId: string | null;
  volunteerId: string | null;
  region: string | null;
  need: { title: string; field: string; description: string; urgency: string } | null;
  teamBroadcastAt: Date | null;
  /** The names the order's pages and messages show, known before the order is written. */
  names: { volunteerUserId: string | null; volunteerName: string | null; topicTitle: string | null; serviceTitle: string | null; teamName: string | null };
  timelineNote: (row: OrderRow) => string;
  /** Read before the write (the messages are written in its statement), through the menu snapshot. */
  notify: (row: OrderRow) => Promise<NewMessage[]>;
}

/**
 * What a new order reads: the menu from the process's snapshot (the write checks its version), the
 * rest from the database. Never inside a transaction: the need's transaction starts after.
 */
export interface PrepareReads {
  db: Kysely<DB>;
  menu: MenuSnapshot;
}

const volunteersOf = (r: PrepareReads, ids: string[]) => r.menu.read(`w:volunteers:${ids.join(',')}`, () => volunteersByIds(r.db, ids));

/** The named volunteer as the menu has them (approved only); a VALIDATION on volunteerId otherwise. */
async function namedVolunteer(r: PrepareReads, id: string, word: string): Promise<VolunteerRow> {
  const [v] = await volunteersOf(r, [id]);
  if (!v) throw invalid('volunteerId', `该${word}暂不接受预约`);
  return v;
}

/** The named volunteer's availability on the booked day (windows and blocked days), from the menu. */
export async function checkVolunteerFreeOnMenu(r: PrepareReads, volunteerId: string, start: Date, durationMin: number) {
  const day = shanghaiClock(start).key;
  const [windows, blocked] = await Promise.all([
    r.menu.read(`w:windows:${volunteerId}`, () => windowsOf(r.db, volunteerId)),
    r.menu.read(`w:blocked:${volunteerId}:${day}`, () => blockedDaysOf(r.db, volunteerId, day, day)),
  ]);
  checkWithinAvailability(start, durationMin, windows, blocked);
}


const PHOTO_REF = /^(\/uploads\/[a-f0-9]{64}\.(jpg|png|webp|gif)|cloud:\/\/\S+)$/;

async function prepareLecture(r: PrepareReads, input: CreateInput): Promise<Prepared> {
  if (!input.topicId) throw invalid('topicId', '请选择宣讲主题');
  const topicId = input.topicId;
  const topic = await r.menu.read(`w:topic:${topicId}`, () => getTopic(r.db, topicId));
  if (!topic) throw notFound('宣讲主题');
  if (!topic.durations.map(Number).includes(input.durationMin)) {
    throw invalid('durationMin', `请选择该主题提供的时长：${topic.durations.join('/')} 分钟`);
  }
  if (topic.venue_types.length && !topic.venue_types.includes(input.venue.type)) throw invalid('venue.type', '该主题不提供这种场地形式');
  if (input.volunteerId && !topic.volunteer_ids.includes(input.volunteerId)) throw invalid('volunteerId', '该宣讲人不讲授此主题');
  const speaker = input.volunteerId ? await namedVolunteer(r, input.volunteerId, '宣讲人') : null;
  return {
    orgId: topic.org_id, topicId: topic.id, serviceId: null, teamId: null, volunteerId: input.volunteerId ?? null,
    region: input.region ?? null, need: null, teamBroadcastAt: null,
    names: { volunteerUserId: speaker?.user_id ?? null, volunteerName: speaker?.name ?? null, topicTitle: topic.title, serviceTitle: null, teamName: null },
    timelineNote: (row) => (row.named ? `点单：${row.volunteer_name}` : '未指定宣讲人，发布到抢单池'),
    notify: async (row) =>
      row.volunteer_user_id
        ? [messages.newNamed(row, row.volunteer_user_id)]
        : (await volunteersOf(r, topic.volunteer_ids)).map((v) => messages.newInPool(row, v.user_id)),
  };
}

async function prepareService(r: PrepareReads, input: CreateInput): Promise<Prepared> {
  if (!input.serviceId) throw invalid('serviceId', '请选择技术服务');
  const serviceId = input.serviceId;
  const service = await r.menu.read(`w:service:${serviceId}`, () => getService(r.db, serviceId));
  if (!service) throw notFound('技术服务');
  if (service.mode === 'remote' && input.venue.type !== 'online') throw invalid('venue.type', '该服务为远程指导，请选择线上并填写会议链接');
  if (service.mode === 'onsite' && input.venue.type === 'online') throw invalid('venue.type', '该服务需上门，请填写服务地址');
  if (input.volunteerId && !service.volunteer_ids.includes(input.volunteerId)) throw invalid('volunteerId', '该技术人员不提供此服务');
  if (input.teamId && input.teamId !== service.team_id) throw invalid('teamId', '该服务不属于所选服务队');
  const teamId = input.volunteerId ? null : service.team_id;
  if (!input.volunteerId && !teamId) throw invalid('volunteerId', '请选择技术人员');
  const technician = input.volunteerId ? await namedVolunteer(r, input.volunteerId, '技术人员') : null;
  return {
    orgId: service.org_id, topicId: null, serviceId: service.id, teamId, volunteerId: input.volunteerId ?? null,
    region: input.region ?? null, need: null, teamBroadcastAt: null,
    names: {
      volunteerUserId: technician?.user_id ?? null, volunteerName: technician?.name ?? null, topicTitle: null,
      serviceTitle: service.title, teamName: teamId ? service.team_name : null,
    },
    timelineNote: (row) => (row.named ? `预约技术人员：${row.volunteer_name}` : `预约服务队：${row.team_name}`),
    notify: async (row) => {
      if (row.volunteer_user_id) return [messages.newNamed(row, row.volunteer_user_id)];
      // Captain and liaisons first; the other members are told by the timer if nobody answers.
      const members = await r.menu.read(`w:team:${teamId}`, () => teamMembers(r.db, teamId!));
      return members.filter((m) => m.team_role !== 'member').map((m) => messages.newForTeam(row, m.user_id));
    },
  };
}

function prepareNeed(r: PrepareReads, actor: FullActor, input: CreateInput): Prepared {
  const missing: Record<string, string> = {};
  if (!input.title) missing.title = '请填写标题';
  if (!input.field) missing.field = '请选择领域';
  if (!input.description) missing.description = '请描述遇到的问题';
  const [first] = Object.entries(missing);
  if (first) throw invalid(first[0], first[1]);
  (input.photos ?? []).forEach((p, i) => {
    if (!PHOTO_REF.test(p)) throw invalid(`photos.${i}`, '照片需先上传');
  });
  if (input.volunteerId || input.teamId || input.topicId || input.serviceId) throw invalid('kind', '需求发布不指定人员，发布后进入抢单池');
  if (!actor.orgId) throw invalid('kind', '请先完善所属工会后再发布需求');
  const region = input.region ?? actor.orgRegion ?? null;
  return {
    orgId: actor.orgId, topicId: null, serviceId: null, teamId: null, volunteerId: null, region,
    need: { title: input.title!, field: input.field!, description: input.description!, urgency: input.urgency ?? 'normal' },
    teamBroadcastAt: null,
    names: { volunteerUserId: null, volunteerName: null, topicTitle: null, serviceTitle: null, teamName: null },
    timelineNote: () => '发布需求，进入抢单池',
    notify: async (row) => (await techniciansForNeed(r.db, input.field!, region, 30)).map((t) => messages.newNeed(row, t.user_id)),
  };
}

export async function prepare(r: PrepareReads, actor: FullActor, input: CreateInput): Promise<Prepared> {
  if (input.kind === 'lecture') return prepareLecture(r, input);
  if (input.kind === 'service') return prepareService(r, input);
  return prepareNeed(r, actor, input);
}
