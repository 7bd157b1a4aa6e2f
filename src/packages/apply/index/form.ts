import type { ActionInput, Application, FieldErrors, Team, VolunteerKind } from '@cloud/contract';
import { LIMITS, tooLong } from '@/components/form/limits';

export type ApplyInput = ActionInput<'task', 'apply'>;

export interface ApplyDraft {
  kinds: VolunteerKind[];
  title: string;
  honours: string[];
  skills: string[];
  regions: string[];
  bio: string;
  orgId: string | null;
}

export const KIND_OPTIONS: { value: VolunteerKind; label: string; sub: string }[] = [
  { value: 'speaker', label: '宣讲', sub: '走进企业、车间、学校讲劳模精神和技能' },
  { value: 'technician', label: '技术服务', sub: '上门或远程解决技术难题、带徒培训' },
];

export function emptyApply(orgId: string | null = null): ApplyDraft {
  return { kinds: [], title: '', honours: [], skills: [], regions: [], bio: '', orgId };
}

/** An earlier application as the starting point of a new one (after a rejection, or to amend). */
export function applicationToDraft(a: Application): ApplyDraft {
  return {
    kinds: a.kinds.filter((k): k is VolunteerKind => k === 'speaker' || k === 'technician'),
    title: a.title,
    honours: [...a.honours],
    skills: [...a.skills],
    regions: [...a.regions],
    bio: a.bio,
    orgId: a.orgId,
  };
}

/** The server's rules (applyInput), checked before a round trip. Keys as the server's `fields`. */
export function validateApply(d: ApplyDraft): FieldErrors {
  const e: FieldErrors = {};
  if (d.kinds.length === 0) e.kinds = '请选择宣讲或技术服务';
  if (d.title.trim().length > LIMITS.apply.title) e.title = tooLong('称号', LIMITS.apply.title);
  if (d.honours.length > LIMITS.apply.tags) e.honours = `荣誉最多 ${LIMITS.apply.tags} 项`;
  if (d.skills.length === 0) e.skills = '请至少填写一项技能';
  else if (d.skills.length > LIMITS.apply.tags) e.skills = `技能最多 ${LIMITS.apply.tags} 项`;
  if (d.regions.length === 0) e.regions = '请至少填写一个服务地区';
  else if (d.regions.length > LIMITS.apply.tags) e.regions = `地区最多 ${LIMITS.apply.tags} 项`;
  const bio = d.bio.trim();
  if (bio.length < 10) e.bio = '请用至少 10 个字介绍自己';
  else if (bio.length > LIMITS.apply.bio) e.bio = tooLong('简介', LIMITS.apply.bio);
  if (!d.orgId) e.orgId = '请选择所属工会';
  return e;
}

export function toApplyInput(d: ApplyDraft): ApplyInput {
  if (!d.orgId) throw new Error('toApplyInput: validate the draft first (no org)');
  return {
    kinds: (['speaker', 'technician'] as const).filter((k) => d.kinds.includes(k)),
    title: d.title.trim(),
    honours: d.honours,
    skills: d.skills,
    regions: d.regions,
    bio: d.bio.trim(),
    orgId: d.orgId,
  };
}

export interface OrgOption {
  value: string;
  label: string;
}

/**
 * The unions an applicant may choose: those that run teams (`catalog.teams`; `admin.orgs` is for
 * admins only), each once, in the order first seen.
 */
export function orgsFromTeams(teams: Pick<Team, 'orgId' | 'orgName'>[]): OrgOption[] {
  const seen = new Map<string, string>();
  for (const t of teams) if (t.orgId && !seen.has(t.orgId)) seen.set(t.orgId, t.orgName);
  return [...seen].map(([value, label]) => ({ value, label }));
}
