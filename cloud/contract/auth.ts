import { z } from 'zod';
import { idSchema } from './common';

export const ROLES = ['worker', 'enterprise', 'volunteer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const authInput = {
  devUsers: z.object({}).strict(),
  devLogin: z.object({ userId: idSchema }).strict(),
  me: z.object({}).strict(),
};

export interface DevUser {
  id: string;
  name: string;
  roles: Role[];
  /** What the demo user stands for, e.g. 杭州市总工会 管理员 or a company name. */
  label: string;
}

export interface Me {
  id: string;
  name: string;
  roles: Role[];
  volunteerId?: string;
  orgId: string | null;
  orgName: string | null;
  company: string | null;
  /**
   * Name, mobile number and union organisation are set (the avatar is optional). Every answer
   * carries it; optional in the type only so that older clients' fixtures stay valid, and a
   * missing value reads as complete.
   */
  profileComplete?: boolean;
  phone?: string;
  avatarUrl?: string;
}

export interface LoginResult {
  token: string;
  user: Me;
}
