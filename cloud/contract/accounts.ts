import { z } from 'zod';
import { idSchema, lineText, multilineText, pagingShape, searchText } from './common';
import { isCreditCode, normalizeCreditCode, normalizeMobile } from './identity-codes';
import type { Role } from './auth';

/** Roles an admin may take back; `worker` is what everybody is. */
export const REVOCABLE_ROLES = ['enterprise', 'volunteer', 'admin'] as const;
export type RevocableRole = (typeof REVOCABLE_ROLES)[number];

export const ENTERPRISE_STATUSES = ['applied', 'approved', 'rejected'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

export const TICKET_STATUSES = ['waiting', 'scanned', 'confirmed', 'expired'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** A typed mainland mobile number, answered as its 11 digits. */
export const mobileSchema = lineText('手机号必须是文字')
  .max(20, '请填写 11 位手机号')
  .transform((s, ctx) => {
    const m = normalizeMobile(s);
    if (!m) ctx.addIssue({ code: 'custom', message: '请填写正确的 11 位手机号' });
    return m ?? '';
  });

/** An avatar or photo as stored: our upload URL, a CloudBase file id or an https URL. */
const imageRef = lineText('头像必须是文字')
  .trim()
  .max(500, '头像地址过长')
  .refine((s) => /^(\/uploads\/[A-Za-z0-9._-]+|cloud:\/\/\S+|https:\/\/\S+)$/.test(s), '头像地址不正确');

/** Tickets and invitation codes we issue are short letters and digits; anything else finds nothing. */
const token = (what: string) => lineText(`${what}必须是文字`).trim().min(1, `请填写${what}`).max(64, `${what}不正确`);

export const accountInput = {
  updateProfile: z
    .object({
      name: lineText('姓名必须是文字').trim().min(1, '请填写姓名').max(20, '姓名最多 20 字'),
      phone: mobileSchema.optional(),
      avatarUrl: imageRef.optional(),
      orgId: idSchema,
    })
    .strict(),
  bindPhone: z.object({ code: token('手机号授权码') }).strict(),
  applyEnterprise: z
    .object({
      company: lineText('企业名称必须是文字').trim().min(2, '请填写企业全称').max(60, '企业名称最多 60 字'),
      creditCode: lineText('统一社会信用代码必须是文字')
        .max(30, '统一社会信用代码为 18 位')
        .refine(isCreditCode, '统一社会信用代码不正确，请核对 18 位代码')
        .transform(normalizeCreditCode),
      orgId: idSchema,
      address: lineText('地址必须是文字').trim().max(100, '地址最多 100 字').optional(),
    })
    .strict(),
  enterpriseApplication: z.object({}).strict(),
  acceptInvite: z.object({ code: token('邀请码') }).strict(),
  logout: z.object({ everywhere: z.boolean({ error: 'everywhere 应为 true 或 false' }).optional() }).strict(),
  refresh: z.object({}).strict(),
  loginTicket: z.object({}).strict(),
  scanTicket: z.object({ ticket: token('登录码') }).strict(),
  confirmTicket: z.object({ ticket: token('登录码') }).strict(),
  ticketStatus: z.object({ ticket: token('登录码') }).strict(),
};

export const accountAdminInput = {
  enterprises: z.object({ status: z.enum(ENTERPRISE_STATUSES, { error: '未知的审核状态' }).optional(), ...pagingShape }).strict(),
  reviewEnterprise: z
    .object({ id: idSchema, approve: z.boolean({ error: '请选择通过或驳回' }), reason: multilineText().trim().max(200, '理由最多 200 字').optional() })
    .strict()
    .refine((v) => v.approve || (v.reason && v.reason.length >= 2), { message: '驳回时请填写理由', path: ['reason'] }),
  invite: z.object({ orgId: idSchema }).strict(),
  users: z
    .object({ q: searchText, role: z.enum(['worker', ...REVOCABLE_ROLES], { error: '未知的身份' }).optional(), ...pagingShape })
    .strict(),
  revokeRole: z.object({ userId: idSchema, role: z.enum(REVOCABLE_ROLES, { error: '只能收回企业、志愿者或管理员身份' }) }).strict(),
  roleGrants: z.object({ userId: idSchema.optional(), ...pagingShape }).strict(),
};

export interface EnterpriseApplication {
  id: string;
  userId: string;
  status: EnterpriseStatus;
  reason?: string;
  company: string;
  creditCode: string;
  orgId: string;
  orgName: string;
  address: string | null;
  createdAt: string;
  reviewedAt: string | null;
}

/** What an admin sees of an application: the applicant's name and phone to check with them. */
export interface EnterpriseApplicationForAdmin extends EnterpriseApplication {
  userName: string;
  userPhone: string | null;
}

export interface Invite {
  /** The one-time code (shown once: only its hash is kept). */
  code: string;
  expiresAt: string;
  /** The mini-program page that accepts it, e.g. `/packages/account/invite/index?code=…`. */
  url: string;
  orgId: string;
  orgName: string;
  /** A QR code of the page (PNG data URL): a mini-program code on CloudBase, a plain QR elsewhere. */
  qrImage: string;
}

export interface AccountUser {
  id: string;
  name: string;
  roles: Role[];
  orgId: string | null;
  orgName: string | null;
  company: string | null;
  phone: string | null;
  avatarUrl: string | null;
  createdAt: string;
}

export interface RoleGrant {
  id: string;
  userId: string;
  userName: string;
  /** Who granted or revoked; null for the server's command line. */
  byUserId: string | null;
  byName: string | null;
  role: RevocableRole;
  orgId: string | null;
  orgName: string | null;
  change: 'granted' | 'revoked';
  via: 'invite' | 'enterprise' | 'volunteer' | 'revoke';
  at: string;
}

export interface LoginTicket {
  ticket: string;
  expiresAt: string;
  /** PNG data URL: a mini-program code on CloudBase, a plain QR of `url` elsewhere. */
  qrImage: string;
  /** The mini-program page the QR opens, with the ticket as its `scene`. */
  url: string;
}

export interface TicketView {
  status: TicketStatus;
  expiresAt: string;
  /** The browser that asked, as the phone shows it before confirming. */
  browser: string;
}

export interface TicketStatusAnswer {
  status: TicketStatus;
  /** Once, right after the admin confirmed: the browser's session. */
  token?: string;
}
