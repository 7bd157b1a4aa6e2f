import type { ActionInput, FieldErrors, Team } from '@cloud/contract';
import { LIMITS, tooLong } from '@/components/form/limits';

export type SaveTeamInput = ActionInput<'admin', 'saveTeam'>;

export interface TeamDraft {
  id?: string;
  name: string;
  kind: 'lecture' | 'service';
  region: string;
  intro: string;
  /** null: the admin's own org (the server's default). */
  orgId: string | null;
}

export function emptyTeam(): TeamDraft {
  return { name: '', kind: 'service', region: '', intro: '', orgId: null };
}

export function teamToDraft(t: Team): TeamDraft {
  return { id: t.id, name: t.name, kind: t.kind, region: t.region, intro: t.intro, orgId: t.orgId };
}

export function validateTeam(d: TeamDraft): FieldErrors {
  const e: FieldErrors = {};
  const name = d.name.trim();
  if (name.length < 4) e.name = '队名至少 4 个字';
  else if (name.length > LIMITS.team.name) e.name = tooLong('队名', LIMITS.team.name);
  const region = d.region.trim();
  if (!region) e.region = '请填写地区';
  else if (region.length > LIMITS.team.region) e.region = tooLong('地区', LIMITS.team.region);
  if (d.intro.trim().length > LIMITS.team.intro) e.intro = tooLong('简介', LIMITS.team.intro);
  return e;
}

export function toSaveTeamInput(d: TeamDraft): SaveTeamInput {
  return {
    ...(d.id ? { id: d.id } : {}),
    name: d.name.trim(),
    kind: d.kind,
    region: d.region.trim(),
    intro: d.intro.trim(),
    ...(d.orgId ? { orgId: d.orgId } : {}),
  };
}
