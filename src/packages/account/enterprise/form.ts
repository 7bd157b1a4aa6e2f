import type { FieldErrors } from '@cloud/contract';
import { isCreditCode, normalizeCreditCode } from '@cloud/contract/identity-codes';

export interface EnterpriseDraft {
  company: string;
  creditCode: string;
  orgId: string | null;
  address: string;
}

/** The same rules as `auth.applyEnterprise`: the GB 32100 check character catches a mistyped code. */
export function validateEnterprise(d: EnterpriseDraft): FieldErrors {
  const errors: FieldErrors = {};
  const company = d.company.trim();
  if (company.length < 2) errors.company = '请填写企业全称';
  else if (company.length > 60) errors.company = '企业名称最多 60 字';
  if (!d.creditCode.trim()) errors.creditCode = '请填写 18 位统一社会信用代码';
  else if (!isCreditCode(d.creditCode)) errors.creditCode = '统一社会信用代码不正确，请核对 18 位代码';
  if (!d.orgId) errors.orgId = '请选择所在地工会';
  if (d.address.trim().length > 100) errors.address = '地址最多 100 字';
  return errors;
}

export const toEnterpriseInput = (d: EnterpriseDraft) => ({
  company: d.company.trim(),
  creditCode: normalizeCreditCode(d.creditCode),
  orgId: d.orgId ?? '',
  ...(d.address.trim() ? { address: d.address.trim() } : {}),
});

export const ENTERPRISE_STATUS_TEXT = { applied: '审核中', approved: '已通过', rejected: '未通过' } as const;
