import type { ActionInput, FieldErrors, VenueType } from '@cloud/contract';
import { ApiError } from '@/services/api';
import type { OrderDraft } from './draft';
import { withinWindow } from './slots';
import { LIMITS, tooLong } from '@/components/form/limits';

/** Same as the contract's PHONE_PATTERN (not imported: the contract module brings zod along). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const LINK_PATTERN = /^https?:\/\/\S+$/;

export type CreateInput = ActionInput<'order', 'create'>;

export interface BookingContext {
  kind: 'lecture' | 'service';
  /** Venue types the topic or service allows. */
  venueTypes: VenueType[];
  durations: number[];
  now: number;
  /** Named volunteer: the start must be one of these (from their free slots). */
  allowedStarts?: string[] | null;
  /** Service without a team: a technician must be named. */
  needsVolunteer?: boolean;
}

function venueErrors(d: OrderDraft, allowed: VenueType[], e: FieldErrors): void {
  const { type, address, link } = d.venue;
  if (!type) e['venue.type'] = '请选择场地类型';
  else if (allowed.length > 0 && !allowed.includes(type)) e['venue.type'] = '不提供这种场地形式，请重新选择';
  if (type === 'online') {
    if (!LINK_PATTERN.test(link.trim())) e['venue.link'] = '请填写以 http(s):// 开头的会议链接';
  } else if (type && address.trim().length < 4) {
    e['venue.address'] = '请填写详细地址（至少 4 个字）';
  }
}

function commonErrors(d: OrderDraft, now: number, e: FieldErrors): void {
  if (!d.start) e.start = '请选择时间';
  else if (!withinWindow(d.start, now)) e.start = '请选择 24 小时后、90 天内的时间';
  if (!PHONE_PATTERN.test(d.contactPhone.trim())) e.contactPhone = '请填写正确的手机号或座机号';
  if (d.headcount.trim() !== '') {
    const n = Number(d.headcount.trim());
    if (!Number.isInteger(n) || n < 1) e.headcount = '人数应为正整数';
    else if (n > 100000) e.headcount = '人数过多';
  }
  if (d.note.trim().length > LIMITS.order.note) e.note = tooLong('备注', LIMITS.order.note);
}

/** What the page can tell before asking the server; the server re-checks everything. */
export function validateBooking(d: OrderDraft, ctx: BookingContext): FieldErrors {
  const e: FieldErrors = {};
  if (ctx.kind === 'lecture' && !d.topicId) e.topicId = '请选择宣讲主题';
  if (ctx.kind === 'service' && !d.serviceId) e.serviceId = '请选择技术服务';
  if (ctx.needsVolunteer && !d.volunteerId) e.volunteerId = '请选择技术人员';
  if (d.durationMin == null) e.durationMin = '请选择时长';
  else if (ctx.durations.length > 0 && !ctx.durations.includes(d.durationMin)) e.durationMin = '请重新选择时长';
  commonErrors(d, ctx.now, e);
  if (!e.start && d.start && ctx.allowedStarts && !ctx.allowedStarts.includes(d.start)) {
    e.start = '该时间已不可约，请重新选择';
  }
  venueErrors(d, ctx.venueTypes, e);
  return e;
}

export function validateNeed(d: OrderDraft, now: number): FieldErrors {
  const e: FieldErrors = {};
  const title = d.title.trim();
  if (title.length < 4) e.title = '标题至少 4 个字';
  else if (title.length > LIMITS.order.title) e.title = tooLong('标题', LIMITS.order.title);
  if (!d.field.trim()) e.field = '请选择领域';
  const desc = d.description.trim();
  if (desc.length < 10) e.description = '请至少用 10 个字描述问题';
  else if (desc.length > LIMITS.order.description) e.description = tooLong('描述', LIMITS.order.description);
  if (d.durationMin == null) e.durationMin = '请选择时长';
  commonErrors(d, now, e);
  venueErrors(d, [], e);
  if (d.region.trim().length > LIMITS.order.region) e.region = tooLong('地区', LIMITS.order.region);
  return e;
}

function venueOf(d: OrderDraft): CreateInput['venue'] {
  const type = d.venue.type!;
  return type === 'online' ? { type, link: d.venue.link.trim() } : { type, address: d.venue.address.trim() };
}

function optional(s: string): string | undefined {
  const t = s.trim();
  return t === '' ? undefined : t;
}

/** The draft as `order.create` input (after validation). */
export function toCreateInput(d: OrderDraft, kind: 'lecture' | 'service' | 'need'): CreateInput {
  const base: CreateInput = {
    kind,
    start: d.start!,
    durationMin: d.durationMin!,
    venue: venueOf(d),
    contactPhone: d.contactPhone.trim(),
    requestId: d.requestId,
  };
  const headcount = d.headcount.trim() === '' ? undefined : Number(d.headcount.trim());
  if (headcount != null) base.headcount = headcount;
  const note = optional(d.note);
  if (note) base.note = note;
  if (kind === 'lecture') {
    base.topicId = d.topicId!;
    if (d.volunteerId) base.volunteerId = d.volunteerId;
  } else if (kind === 'service') {
    base.serviceId = d.serviceId!;
    if (d.volunteerId) base.volunteerId = d.volunteerId;
  } else {
    base.title = d.title.trim();
    base.field = d.field.trim();
    base.description = d.description.trim();
    if (d.photos.length) base.photos = d.photos;
    base.urgency = d.urgency;
    const region = optional(d.region);
    if (region) base.region = region;
  }
  return base;
}

/** Field keys the forms show errors under; anything else goes to the banner. */
const FIELD_ALIASES: Record<string, string> = {
  venue: 'venue.type',
  'venue.type': 'venue.type',
  'venue.address': 'venue.address',
  'venue.link': 'venue.link',
};

/**
 * The server's `fields` mapped onto the form's inputs: `venue.address` stays as it is, `photos.3`
 * goes to `photos`, an unknown key is kept (the banner lists those).
 */
export function fieldErrorsOf(err: unknown): FieldErrors {
  if (!(err instanceof ApiError) || !err.fields) return {};
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(err.fields)) {
    const k = FIELD_ALIASES[key] ?? key.replace(/\.\d+$/, '');
    if (!out[k]) out[k] = message;
  }
  return out;
}

/** Field keys of `errors` that none of `shown` covers (to list in the banner, so nothing is silent). */
export function unplacedErrors(errors: FieldErrors, shown: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([k]) => !shown.includes(k))
    .map(([, m]) => m);
}
