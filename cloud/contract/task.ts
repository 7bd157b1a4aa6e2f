import { z } from 'zod';
import { idSchema, isoDateTime, pagingShape, lineText, multilineText } from './common';
import { ORDER_STATUSES } from './order';
import type { WeeklyWindow } from './catalog';
import { checkInCodeField } from './trust';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间格式应为 HH:mm');

export const taskInput = {
  inbox: z.object({ status: z.enum(ORDER_STATUSES, { error: '未知的订单状态' }).optional(), ...pagingShape }).strict(),
  pool: z
    .object({
      field: lineText().trim().max(20).optional(),
      region: lineText().trim().max(20).optional(),
      sort: z.enum(['urgent', 'recommended'], { error: '排序应为 urgent 或 recommended' }).optional(),
      ...pagingShape,
    })
    .strict(),
  accept: z.object({ id: idSchema }).strict(),
  decline: z.object({ id: idSchema, reason: multilineText('请填写原因').trim().min(2, '请填写婉拒原因（至少 2 个字）').max(200, '原因最多 200 字') }).strict(),
  grab: z.object({ id: idSchema }).strict(),
  checkIn: z
    .object({
      id: idSchema,
      // The requester's rotating code (typed 6 digits or the scanned QR): the check-in is 已核验.
      code: checkInCodeField.optional(),
      location: z
        .object({
          latitude: z.number().min(-90).max(90),
          longitude: z.number().min(-180).max(180),
          address: lineText().trim().max(200).optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
  complete: z
    .object({
      id: idSchema,
      record: z
        .object({
          peopleServed: z.number({ error: '请填写服务人数' }).int('人数应为整数').min(0, '人数不能为负').max(100000, '人数过多'),
          summary: multilineText('请填写服务小结').trim().min(5, '服务小结至少 5 个字').max(2000, '服务小结最多 2000 字'),
          outcome: z.enum(['resolved', 'partly', 'unresolved'], { error: '解决情况不正确' }).optional(),
          followUp: multilineText().trim().max(1000, '后续说明最多 1000 字').optional(),
          photos: z.array(lineText().max(500)).max(9, '最多 9 张照片').optional(),
          // When the service actually ran; without them the server takes check-in → now (older clients).
          actualStart: isoDateTime.optional(),
          actualEnd: isoDateTime.optional(),
        })
        .strict(),
    })
    .strict(),
  availability: z.object({}).strict(),
  stats: z.object({}).strict(),
  application: z.object({}).strict(),
  setAvailability: z
    .object({
      weekly: z
        .array(z.object({ weekday: z.number().int().min(1, '星期应为 1–7').max(7, '星期应为 1–7'), start: clock, end: clock }).strict())
        .max(50, '时段过多'),
      blocked: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')).max(200, '不可用日期过多'),
    })
    .strict(),
};

/** A volunteer's own totals, for 我的. */
export interface VolunteerStats {
  volunteerId: string;
  ordersDone: number;
  serviceHours: number;
  points: number;
  rating: number | null;
  ratingCount: number;
  active: number;
  /** Accepted orders I handed back (task.handBack). */
  handBacks?: number;
  /** Of my check-ins, how many were verified with the requester's code. */
  checkIns?: number;
  verifiedCheckIns?: number;
}

export interface Availability {
  weekly: WeeklyWindow[];
  /** Future blocked days, 'YYYY-MM-DD' (Asia/Shanghai). */
  blocked: string[];
}
