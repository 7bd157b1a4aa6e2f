import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { invalid, notFound, type orderInput } from '../../contract';
import type { NewMessage } from '../../db/repositories/inbox';
import type { OrderRow } from '../../db/repositories/orders';
import { getService } from '../../db/repositories/services';
import { techniciansForNeed, teamMembers } from '../../db/repositories/teams-members';
import { getTopic } from '../../db/repositories/topics';
import { volunteersByIds } from '../../db/repositories/volunteers';
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
  timelineNote: (row: OrderRow) => string;
  notify: (trx: Transaction<DB>, row: OrderRow) => Promise<NewMessage[]>;
}

const PHOTO_REF = /^(\/uploads\/[a-f0-9]{64}\.(jpg|png|webp|gif)|cloud:\/\/\S+)$/;

async function prepareLecture(db: Kysely<DB>, input: CreateInput): Promise<Prepared> {
  if (!input.topicId) throw invalid('topicId', '请选择宣讲主题');
  const topic = await getTopic(db, input.topicId);
  if (!topic) throw notFound('宣讲主题');
  if (!topic.durations.map(Number).includes(input.durationMin)) {
    throw invalid('durationMin', `请选择该主题提供的时长：${topic.durations.join('/')} 分钟`);
  }
  if (topic.venue_types.length && !topic.venue_types.includes(input.venue.type)) throw invalid('venue.type', '该主题不提供这种场地形式');
  if (input.volunteerId && !topic.volunteer_ids.includes(input.volunteerId)) throw invalid('volunteerId', '该宣讲人不讲授此主题');
  return {
    orgId: topic.org_id, topicId: topic.id, serviceId: null, teamId: null, volunteerId: input.volunteerId ?? null,
    region: input.region ?? null, need: null, teamBroadcastAt: null,
    timelineNote: (row) => (row.named ? `点单：${row.volunteer_name}` : '未指定宣讲人，发布到抢单池'),
    notify: async (trx, row) =>
      row.volunteer_user_id
        ? [messages.newNamed(row, row.volunteer_user_id)]
        : (await volunteersByIds(trx, topic.volunteer_ids)).map((v) => messages.newInPool(row, v.user_id)),
  };
}

async function prepareService(db: Kysely<DB>, input: CreateInput): Promise<Prepared> {
  if (!input.serviceId) throw invalid('serviceId', '请选择技术服务');
  const service = await getService(db, input.serviceId);
  if (!service) throw notFound('技术服务');
  if (service.mode === 'remote' && input.venue.type !== 'online') throw invalid('venue.type', '该服务为远程指导，请选择线上并填写会议链接');
  if (service.mode === 'onsite' && input.venue.type === 'online') throw invalid('venue.type', '该服务需上门，请填写服务地址');
  if (input.volunteerId && !service.volunteer_ids.includes(input.volunteerId)) throw invalid('volunteerId', '该技术人员不提供此服务');
  if (input.teamId && input.teamId !== service.team_id) throw invalid('teamId', '该服务不属于所选服务队');
  const teamId = input.volunteerId ? null : service.team_id;
  if (!input.volunteerId && !teamId) throw invalid('volunteerId', '请选择技术人员');
  return {
    orgId: service.org_id, topicId: null, serviceId: service.id, teamId, volunteerId: input.volunteerId ?? null,
    region: input.region ?? null, need: null, teamBroadcastAt: null,
    timelineNote: (row) => (row.named ? `预约技术人员：${row.volunteer_name}` : `预约服务队：${row.team_name}`),
    notify: async (trx, row) => {
      if (row.volunteer_user_id) return [messages.newNamed(row, row.volunteer_user_id)];
      // Captain and liaisons first; the other members are told by the timer if nobody answers.
      const leads = (await teamMembers(trx, teamId!)).filter((m) => m.team_role !== 'member');
      return leads.map((m) => messages.newForTeam(row, m.user_id));
    },
  };
}

async function prepareNeed(_db: Kysely<DB>, actor: FullActor, input: CreateInput, orgRegion: string | null): Promise<Prepared> {
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
  const region = input.region ?? orgRegion;
  return {
    orgId: actor.orgId, topicId: null, serviceId: null, teamId: null, volunteerId: null, region,
    need: { title: input.title!, field: input.field!, description: input.description!, urgency: input.urgency ?? 'normal' },
    teamBroadcastAt: null,
    timelineNote: () => '发布需求，进入抢单池',
    notify: async (trx, row) => (await techniciansForNeed(trx, input.field!, region, 30)).map((t) => messages.newNeed(row, t.user_id)),
  };
}

export function prepare(db: Kysely<DB>, actor: FullActor, input: CreateInput, orgRegion: string | null): Promise<Prepared> {
  if (input.kind === 'lecture') return prepareLecture(db, input);
  if (input.kind === 'service') return prepareService(db, input);
  return prepareNeed(db, actor, input, orgRegion);
}
