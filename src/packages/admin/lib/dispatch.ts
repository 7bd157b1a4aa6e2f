import type { CandidateFit, CandidateFitItem, Order, VolunteerSummary } from '@cloud/contract';
import { call } from '@/services/api';

/**
 * Who is suitable for an order the admin dispatches: a lecture's topic speakers, a service's
 * technicians, a team order's members, and for a need (or when nothing is named) the technicians
 * by the need's field.
 */
export type CandidateSource =
  | { from: 'topic'; id: string }
  | { from: 'service'; id: string }
  | { from: 'team'; id: string }
  | { from: 'volunteers'; kind: 'speaker' | 'technician'; skill?: string };

export type DispatchableOrder = Pick<Order, 'kind' | 'topicId' | 'serviceId' | 'teamId' | 'field'>;

export function candidateSource(o: DispatchableOrder): CandidateSource {
  if (o.kind === 'lecture') {
    if (o.topicId) return { from: 'topic', id: o.topicId };
    if (o.teamId) return { from: 'team', id: o.teamId };
    return { from: 'volunteers', kind: 'speaker' };
  }
  if (o.kind === 'service') {
    if (o.serviceId) return { from: 'service', id: o.serviceId };
    if (o.teamId) return { from: 'team', id: o.teamId };
  }
  const skill = o.field?.trim();
  return skill ? { from: 'volunteers', kind: 'technician', skill } : { from: 'volunteers', kind: 'technician' };
}

/** The picker's subtitle: where the list comes from. */
export function sourceLabel(src: CandidateSource): string {
  switch (src.from) {
    case 'topic':
      return '该宣讲主题的宣讲人';
    case 'service':
      return '提供该服务的技术人员';
    case 'team':
      return '该服务队的成员';
    case 'volunteers':
      if (src.kind === 'speaker') return '全部宣讲人';
      return src.skill ? `擅长「${src.skill}」的技术人员` : '全部技术人员';
  }
}

export interface Candidates {
  items: VolunteerSummary[];
  /** Where they come from, shown above the list. */
  note: string;
}

/** Loads the suitable volunteers; with no technician for a need's field, offers all technicians. */
export async function loadCandidates(order: DispatchableOrder): Promise<Candidates> {
  const src = candidateSource(order);
  switch (src.from) {
    case 'topic':
      return { items: (await call('catalog', 'topic', { id: src.id })).volunteers, note: sourceLabel(src) };
    case 'service':
      return { items: (await call('catalog', 'service', { id: src.id })).volunteers, note: sourceLabel(src) };
    case 'team':
      return { items: (await call('catalog', 'team', { id: src.id })).members, note: sourceLabel(src) };
    case 'volunteers': {
      const page = await call('catalog', 'volunteers', { kind: src.kind, skill: src.skill, pageSize: 100 });
      if (page.items.length > 0 || !src.skill) return { items: page.items, note: sourceLabel(src) };
      const all = await call('catalog', 'volunteers', { kind: src.kind, pageSize: 100 });
      return { items: all.items, note: `暂无擅长「${src.skill}」的技术人员，以下为全部技术人员` };
    }
  }
}

/** How a candidate fits the order's time, as the dispatch dialog says it (server: admin.candidates). */
export const FIT_RANK: Record<CandidateFit, number> = { free: 0, outside: 1, blocked: 2, busy: 3, outOfScope: 4 };

export function fitText(f: CandidateFitItem): string {
  switch (f.fit) {
    case 'free':
      return '该时段空闲';
    case 'busy':
      return f.clash ? `时段冲突：${f.clash.title} ${clockOf(f.clash.start)}–${clockOf(f.clash.end)}` : '该时段已有其他订单';
    case 'blocked':
      return '当天不可预约';
    case 'outside':
      return '不在其可预约时段';
    case 'outOfScope':
      return '不在您的管辖范围';
  }
}

/** "14:00" in Shanghai (UTC+8, no daylight saving). */
export function clockOf(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  const two = (n: number) => (n < 10 ? '0' : '') + n;
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** Free first, then the rest by how badly they fit; the list's own order within each. */
export function byFit<T extends { id: string }>(items: T[], fits: Map<string, CandidateFitItem>): T[] {
  const rank = (v: T) => FIT_RANK[fits.get(v.id)?.fit ?? 'free'];
  return items.map((v, i) => ({ v, i })).sort((a, b) => rank(a.v) - rank(b.v) || a.i - b.i).map((x) => x.v);
}
