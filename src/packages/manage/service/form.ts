import type { ActionInput, FieldErrors, ServiceDetail, ServiceKind, ServiceMode } from '@cloud/contract';
import { SERVICE_KIND_LABEL } from '@/utils/labels';
import type { PickedVolunteer } from '../components/VolunteerPicker';
import { LIMITS, tooLong } from '@/components/form/limits';

export type SaveServiceInput = ActionInput<'admin', 'saveService'>;

export const KIND_OPTIONS = (Object.keys(SERVICE_KIND_LABEL) as ServiceKind[]).map((k) => ({ value: k, label: SERVICE_KIND_LABEL[k] }));
export const MODE_OPTIONS: { value: ServiceMode; label: string }[] = [
  { value: 'onsite', label: '上门服务' },
  { value: 'remote', label: '远程指导' },
  { value: 'both', label: '均可' },
];
/** Fields the unions report (SPEC); any other may be typed. */
export const FIELD_SUGGESTIONS = ['数控', '电力', '汽车维修', '医疗义诊', '维修电工', '电商', '机电维修', '焊接', '污水处理'];

export interface ServiceDraft {
  id?: string;
  title: string;
  summary: string;
  field: string;
  kind: ServiceKind | null;
  mode: ServiceMode | null;
  teamId: string | null;
  technicians: PickedVolunteer[];
  active: boolean;
}

export function emptyService(teamId: string | null = null): ServiceDraft {
  return { title: '', summary: '', field: '', kind: null, mode: 'onsite', teamId, technicians: [], active: true };
}

export function serviceToDraft(s: ServiceDetail): ServiceDraft {
  const names = new Map(s.volunteers.map((v) => [v.id, v.name]));
  return {
    id: s.id,
    title: s.title,
    summary: s.summary,
    field: s.field,
    kind: s.kind,
    mode: s.mode,
    teamId: s.teamId,
    technicians: s.volunteerIds.map((id) => ({ id, name: names.get(id) ?? `志愿者 ${id}` })),
    active: true,
  };
}

export function validateService(d: ServiceDraft): FieldErrors {
  const e: FieldErrors = {};
  const title = d.title.trim();
  if (title.length < 4) e.title = '标题至少 4 个字';
  else if (title.length > LIMITS.service.title) e.title = tooLong('标题', LIMITS.service.title);
  if (d.summary.trim().length > LIMITS.service.summary) e.summary = tooLong('简介', LIMITS.service.summary);
  const field = d.field.trim();
  if (!field) e.field = '请填写领域';
  else if (field.length > LIMITS.service.field) e.field = tooLong('领域', LIMITS.service.field);
  if (!d.kind) e.kind = '请选择服务类型';
  if (!d.mode) e.mode = '请选择服务方式';
  if (d.technicians.length > 50) e.volunteerIds = '技术人员最多 50 位';
  return e;
}

export function toSaveServiceInput(d: ServiceDraft): SaveServiceInput {
  if (!d.kind || !d.mode) throw new Error('toSaveServiceInput: validate the draft first');
  return {
    ...(d.id ? { id: d.id } : {}),
    title: d.title.trim(),
    summary: d.summary.trim(),
    field: d.field.trim(),
    kind: d.kind,
    mode: d.mode,
    teamId: d.teamId,
    volunteerIds: [...new Set(d.technicians.map((t) => t.id))],
    active: d.active,
  };
}
