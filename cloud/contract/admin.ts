import { z } from 'zod';
import { CATEGORIES, SERVICE_KINDS, SERVICE_MODES, TEAM_ROLES, VENUE_TYPES, VOLUNTEER_KINDS, type CategoryId } from './catalog';
import { idSchema, isoDateTime, pagingShape, searchText, lineText, multilineText } from './common';
import { ORDER_KINDS, ORDER_STATUSES } from './order';

const categoryIds = CATEGORIES.map((c) => c.id) as [CategoryId, ...CategoryId[]];
const note = multilineText().trim().max(500, '说明最多 500 字').optional();
const period = { from: isoDateTime, to: isoDateTime };
const tags = (what: string) => z.array(lineText().trim().min(1).max(30, `${what}每项最多 30 字`)).max(20, `${what}最多 20 项`);

export const adminInput = {
  // `start`: a new time agreed with the requester, required once a need's wanted time has passed.
  dispatch: z.object({ id: idSchema, volunteerId: idSchema, note, start: isoDateTime.optional() }).strict(),
  /** How each volunteer the admin might dispatch to fits the order's time (or a new `start`). */
  candidates: z
    .object({
      id: idSchema,
      volunteerIds: z.array(idSchema, { error: '请提供志愿者列表' }).min(1, '至少一位志愿者').max(100, '最多 100 位志愿者'),
      start: isoDateTime.optional(),
    })
    .strict(),
  transfer: z.object({ id: idSchema, orgId: idSchema, note }).strict(),
  overdue: z.object({ ...pagingShape }).strict(),
  orders: z
    .object({
      status: z.enum(ORDER_STATUSES, { error: '未知的订单状态' }).optional(),
      kind: z.enum(ORDER_KINDS, { error: '未知的订单类型' }).optional(),
      orgId: idSchema.optional(),
      q: searchText,
      ...pagingShape,
    })
    .strict(),
  orgs: z.object({}).strict(),
  applications: z.object({ status: z.enum(['applied', 'approved', 'rejected'], { error: '未知的审核状态' }).optional(), ...pagingShape }).strict(),
  reviewVolunteer: z
    .object({ id: idSchema, approve: z.boolean({ error: '请选择通过或驳回' }), reason: multilineText().trim().max(200, '理由最多 200 字').optional() })
    .strict()
    .refine((v) => v.approve || (v.reason && v.reason.length >= 2), { message: '驳回时请填写理由', path: ['reason'] }),
  saveTopic: z
    .object({
      id: idSchema.optional(),
      title: lineText().trim().min(4, '标题至少 4 个字').max(60, '标题最多 60 字'),
      summary: multilineText().trim().max(1000, '简介最多 1000 字'),
      category: z.enum(categoryIds, { error: '未知的分类' }),
      durations: z.array(z.number().int().min(15).max(480)).min(1, '至少提供一种时长').max(6),
      audience: lineText().trim().max(60),
      venueTypes: z.array(z.enum(VENUE_TYPES)).max(VENUE_TYPES.length),
      volunteerIds: z.array(idSchema).max(50),
      active: z.boolean().optional(),
    })
    .strict(),
  saveService: z
    .object({
      id: idSchema.optional(),
      title: lineText().trim().min(4, '标题至少 4 个字').max(60, '标题最多 60 字'),
      summary: multilineText().trim().max(1000, '简介最多 1000 字'),
      field: lineText().trim().min(1, '请填写领域').max(20),
      kind: z.enum(SERVICE_KINDS, { error: '未知的服务类型' }),
      mode: z.enum(SERVICE_MODES, { error: '未知的服务方式' }),
      teamId: idSchema.nullable().optional(),
      volunteerIds: z.array(idSchema).max(50),
      active: z.boolean().optional(),
    })
    .strict(),
  saveTeam: z
    .object({
      id: idSchema.optional(),
      name: lineText().trim().min(4, '队名至少 4 个字').max(40, '队名最多 40 字'),
      kind: z.enum(['lecture', 'service'], { error: '类型应为 lecture 或 service' }),
      region: lineText().trim().min(1, '请填写地区').max(20),
      intro: multilineText().trim().max(1000, '简介最多 1000 字'),
      orgId: idSchema.optional(),
    })
    .strict(),
  setMember: z
    .object({ teamId: idSchema, volunteerId: idSchema, role: z.enum(TEAM_ROLES, { error: '角色应为 captain、liaison、member 或 null（移出）' }).nullable() })
    .strict(),
  showcase: z.object({ id: idSchema, on: z.boolean(), title: lineText().trim().max(60).optional() }).strict(),
  stats: z.object({ ...period, orgId: idSchema.optional() }).strict(),
  export: z
    .object({
      ...period,
      orgId: idSchema.optional(),
      format: z.enum(['csv', 'xlsx'], { error: '格式应为 csv 或 xlsx' }),
      what: z.enum(['orders', 'stats'], { error: '内容应为 orders 或 stats' }).optional(),
    })
    .strict(),
};

/** The volunteer's application (申报), by the applicant. */
export const applyInput = z
  .object({
    kinds: z.array(z.enum(VOLUNTEER_KINDS)).min(1, '请选择宣讲或技术服务'),
    title: lineText().trim().max(30, '称号最多 30 字'),
    honours: tags('荣誉'),
    skills: tags('技能').min(1, '请至少填写一项技能'),
    regions: tags('地区').min(1, '请至少填写一个服务地区'),
    bio: multilineText().trim().min(10, '请用至少 10 个字介绍自己').max(1000, '简介最多 1000 字'),
    orgId: idSchema,
  })
  .strict();

/**
 * A dispatch candidate at the order's time: free; busy with another live order (the clash, its
 * title only when that order is in the admin's scope); the day blocked; outside their weekly
 * windows; or not in the admin's scope at all (dispatch would be refused).
 */
export type CandidateFit = 'free' | 'busy' | 'blocked' | 'outside' | 'outOfScope';

export interface CandidateFitItem {
  volunteerId: string;
  fit: CandidateFit;
  clash: { title: string; start: string; end: string } | null;
}

export interface OrgNode {
  id: string;
  name: string;
  parentId: string | null;
  level: 'province' | 'city' | 'county';
  region: string;
}

export interface Application {
  id: string;
  userId: string;
  name: string;
  kinds: string[];
  title: string;
  honours: string[];
  skills: string[];
  regions: string[];
  bio: string;
  orgId: string;
  orgName: string;
  status: 'applied' | 'approved' | 'rejected';
  reviewNote: string | null;
  appliedAt: string;
}

export interface CountBy {
  key: string;
  label: string;
  lectures: number;
  services: number;
  needsCollected: number;
  needsResolved: number;
  peopleServed: number;
  volunteerHours: number;
  /** Visits checked in, and of them verified with the requester's code (已核验). */
  checkIns?: number;
  verifiedCheckIns?: number;
}

export interface Stats {
  from: string;
  to: string;
  orgId: string;
  /** Lectures held (completed or rated). */
  lectures: number;
  /** Technical services and needs done (completed or rated). */
  services: number;
  peopleServed: number;
  enterprisesServed: number;
  needsCollected: number;
  needsResolved: number;
  volunteerHours: number;
  avgRating: number | null;
  /** Median minutes from order to acceptance. */
  medianResponseMinutes: number | null;
  ordersTotal: number;
  byStatus: { status: string; count: number }[];
  byMonth: CountBy[];
  byOrg: CountBy[];
  byTeam: CountBy[];
  /** Visits checked in in the period, and of them verified (the share per team is in byTeam). */
  checkIns?: number;
  verifiedCheckIns?: number;
  byCategory: CountBy[];
  ratingDistribution: { score: number; count: number }[];
}

export interface ExportFile {
  filename: string;
  mime: string;
  /** The file, base64 (also downloadable as `url` on the local server). */
  base64: string;
  rows: number;
}

export interface ShowcaseCase {
  orderId: string;
  title: string;
  kind: string;
  at: string;
  peopleServed: number | null;
  summary: string;
  requesterCompany: string | null;
}
