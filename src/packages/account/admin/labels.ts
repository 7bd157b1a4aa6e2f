import type { RevocableRole, RoleGrant } from '@cloud/contract';

export const REVOCABLE_LABEL: Record<RevocableRole, string> = { enterprise: '企业联系人', volunteer: '志愿者', admin: '管理员' };

export const GRANT_VIA_LABEL: Record<RoleGrant['via'], string> = {
  invite: '接受邀请',
  enterprise: '企业认证',
  volunteer: '志愿者申报',
  revoke: '收回',
};

/** One line of the record, e.g. 「金华市总工会管理员 授予 王五 管理员（浦江县总工会）· 接受邀请」. */
export function grantLine(g: RoleGrant): string {
  const who = g.byName ?? '服务器命令行';
  const what = `${REVOCABLE_LABEL[g.role]}${g.orgName ? `（${g.orgName}）` : ''}`;
  return `${who} ${g.change === 'granted' ? '授予' : '收回'} ${g.userName} ${what} · ${GRANT_VIA_LABEL[g.via]}`;
}

/** The same rule as the server: a rejection carries a reason of at least 2 characters. */
export function reasonError(reason: string): string | null {
  const r = reason.trim();
  if (r.length < 2) return '请填写驳回理由（至少 2 个字）';
  if (r.length > 200) return '理由最多 200 字';
  return null;
}
