import { z } from 'zod';
import { VENUE_TYPES, type VenueType } from './catalog';
import { idSchema, isoDateTime, pagingShape, lineText, multilineText } from './common';

export const ORDER_KINDS = ['lecture', 'service', 'need'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

export const ORDER_STATUSES = [
  'pending', 'accepted', 'in_progress', 'completed', 'rated', 'declined', 'cancelled', 'expired',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Mainland mobile (11 digits) or a landline such as 0579-85123456. */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

const venueSchema = z
  .object({
    type: z.enum(VENUE_TYPES, { error: '请选择场地类型' }),
    address: lineText().trim().max(200, '地址最多 200 字').optional(),
    link: lineText().trim().max(500, '链接最多 500 字').optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.type === 'online') {
      if (!v.link || !/^https?:\/\/\S+$/.test(v.link)) {
        ctx.addIssue({ code: 'custom', path: ['link'], message: '线上宣讲请填写以 http(s):// 开头的会议链接' });
      }
    } else if (!v.address || v.address.length < 4) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: '请填写详细地址（至少 4 个字）' });
    }
  });

export const orderInput = {
  create: z
    .object({
      kind: z.enum(ORDER_KINDS, { error: '订单类型应为 lecture、service 或 need' }),
      topicId: idSchema.optional(),
      serviceId: idSchema.optional(),
      volunteerId: idSchema.optional(),
      teamId: idSchema.optional(),
      start: isoDateTime,
      durationMin: z.number({ error: '请选择时长' }).int('时长应为整数分钟').min(15, '时长至少 15 分钟').max(480, '时长最多 8 小时'),
      venue: venueSchema,
      headcount: z.number({ error: '人数应为数字' }).int('人数应为整数').min(1, '人数至少 1 人').max(100000, '人数过多').optional(),
      contactPhone: lineText('请填写联系电话').trim().regex(PHONE_PATTERN, '请填写正确的手机号或座机号'),
      note: multilineText().trim().max(500, '备注最多 500 字').optional(),
      requestId: z.string({ error: '缺少请求编号' }).regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号应为 8–64 位字母数字'),
      // need only (posted problems)
      title: lineText().trim().min(4, '标题至少 4 个字').max(60, '标题最多 60 字').optional(),
      field: lineText().trim().min(1).max(20, '领域最多 20 字').optional(),
      description: multilineText().trim().min(10, '请至少用 10 个字描述问题').max(2000, '描述最多 2000 字').optional(),
      photos: z.array(lineText().max(500)).max(9, '最多 9 张照片').optional(),
      urgency: z.enum(['normal', 'urgent', 'critical'], { error: '紧急程度不正确' }).optional(),
      region: lineText().trim().min(1).max(20, '地区最多 20 字').optional(),
    })
    .strict()
    .superRefine((o, ctx) => {
      if (o.kind === 'lecture' && !o.topicId) ctx.addIssue({ code: 'custom', path: ['topicId'], message: '请选择宣讲主题' });
    }),
  get: z.object({ id: idSchema }).strict(),
  mine: z.object({ status: z.enum(ORDER_STATUSES, { error: '未知的订单状态' }).optional(), ...pagingShape }).strict(),
  cancel: z.object({ id: idSchema, reason: multilineText('请填写取消原因').trim().min(2, '请填写取消原因（至少 2 个字）').max(200, '原因最多 200 字') }).strict(),
  reschedule: z.object({ id: idSchema, start: isoDateTime }).strict(),
  confirm: z.object({ id: idSchema }).strict(),
  dispute: z.object({ id: idSchema, reason: multilineText('请填写原因').trim().min(2, '请说明哪里没有解决（至少 2 个字）').max(500, '原因最多 500 字') }).strict(),
  reopen: z
    .object({ id: idSchema, to: z.enum(['pool', 'admin'], { error: '请选择重新发布到抢单池或转交管理员' }), note: multilineText().trim().max(500).optional() })
    .strict(),
  rate: z
    .object({
      id: idSchema,
      score: z.number({ error: '请打分' }).int('评分应为 1–5 的整数').min(1, '评分应为 1–5').max(5, '评分应为 1–5'),
      comment: multilineText().trim().max(500, '评价最多 500 字').optional(),
    })
    .strict(),
};

export interface Venue {
  type: VenueType;
  address?: string;
  link?: string;
}

export interface ServiceRecord {
  peopleServed: number;
  summary: string;
  outcome?: 'resolved' | 'partly' | 'unresolved';
  /** What remains to do when a need is not (fully) resolved. */
  followUp?: string;
  photos?: string[];
  /** When the service actually ran, ISO: as the volunteer filed it, else check-in and completion. */
  actualStart?: string;
  actualEnd?: string;
}

export interface TimelineEntry {
  at: string;
  from: OrderStatus | null;
  to: OrderStatus;
  /** User id of who made the change; null for the system (SLA timer). */
  by: string | null;
  byName: string;
  note: string;
}

/** What the caller may do next with this order; the pages show exactly these buttons. */
export type OrderAction =
  | 'cancel' | 'reschedule' | 'rate' | 'confirm' | 'dispute' | 'reopen'
  | 'accept' | 'decline' | 'checkIn' | 'complete' | 'grab' | 'handBack' | 'checkInCode'
  | 'dispatch' | 'transfer';

export interface Order {
  id: string;
  kind: OrderKind;
  status: OrderStatus;
  start: string;
  end: string;
  durationMin: number;
  named: boolean;
  volunteerId: string | null;
  volunteerName: string | null;
  topicId: string | null;
  topicTitle: string | null;
  serviceId: string | null;
  serviceTitle: string | null;
  teamId: string | null;
  teamName: string | null;
  requesterId: string;
  requesterName: string;
  requesterCompany: string | null;
  orgId: string;
  /**
   * The address, link and phone are null for anyone but the requester, the volunteer who accepted
   * and holds the order, and admins of its org.
   */
  venue: { type: VenueType; address: string | null; link: string | null };
  contactPhone: string | null;
  /**
   * Where, short of the exact address: 市/区县/街道 read from the address, else the order's region.
   * Also for a named volunteer who has not accepted yet and for pool candidates; null for others.
   * Always answered; optional in the type only so that older clients and fixtures stay valid.
   */
  district?: string | null;
  headcount: number | null;
  note: string;
  title: string | null;
  field: string | null;
  description: string | null;
  photos: string[];
  urgency: 'normal' | 'urgent' | 'critical' | null;
  requestId?: string;
  createdAt: string;
  acceptedAt: string | null;
  checkedInAt: string | null;
  /** Checked in with the requester's rotating code (已核验) or without (未核验); null before check-in. */
  checkInVerified?: boolean | null;
  completedAt: string | null;
  record: ServiceRecord | null;
  rating: number | null;
  ratingComment: string | null;
  escalatedAt: string | null;
  /** Needs: the requester confirmed the problem solved, or disputed the record. */
  confirmedAt: string | null;
  disputedAt: string | null;
  disputeReason: string | null;
  region: string | null;
  /** Marked by the union as an excellent case (优秀案例). */
  showcase: boolean;
  actions: OrderAction[];
}

export interface OrderDetail extends Order {
  timeline: TimelineEntry[];
}

/** Answer of `POST /api/upload` (multipart, field `file`): where the stored photo lives. */
export interface UploadResult {
  id: string;
  url: string;
}
