import type { FieldErrors, Me } from '@cloud/contract';
// The pure checks only (no zod): the same rule as the server's, one source.
import { NEW_USER_NAME, normalizeMobile } from '@cloud/contract/identity-codes';
export const NAME_MAX = 20;

export interface ProfileDraft {
  name: string;
  phone: string;
  avatarUrl: string | null;
  orgId: string | null;
}

export const draftFromUser = (u: Me): ProfileDraft => ({
  name: u.name === NEW_USER_NAME ? '' : u.name,
  phone: u.phone ?? '',
  avatarUrl: u.avatarUrl ?? null,
  orgId: u.orgId,
});

/** The same rules as `auth.updateProfile`, so most mistakes show before the call. */
export function validateProfile(d: ProfileDraft): FieldErrors {
  const errors: FieldErrors = {};
  const name = d.name.trim();
  if (!name) errors.name = '请填写姓名';
  else if (name.length > NAME_MAX) errors.name = `姓名最多 ${NAME_MAX} 字`;
  if (!d.phone.trim()) errors.phone = '请填写手机号';
  else if (!normalizeMobile(d.phone)) errors.phone = '请填写正确的 11 位手机号';
  if (!d.orgId) errors.orgId = '请选择所属工会';
  return errors;
}

export function toProfileInput(d: ProfileDraft) {
  return {
    name: d.name.trim(),
    phone: normalizeMobile(d.phone) ?? d.phone.trim(),
    orgId: d.orgId ?? '',
    ...(d.avatarUrl ? { avatarUrl: d.avatarUrl } : {}),
  };
}

/** Whether 我的 and booking must ask: only a server answer that says so (older answers lack it). */
export const needsProfile = (u: Me | null) => u !== null && u.profileComplete === false;
