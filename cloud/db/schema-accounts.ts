import type { Generated } from 'kysely';

/** Tables of migration 0007 (accounts); `DB` in schema.ts lists them. */

export interface EnterpriseApplicationsTable {
  id: Generated<string>;
  user_id: string;
  company: string;
  credit_code: string;
  org_id: string;
  address: string | null;
  status: Generated<'applied' | 'approved' | 'rejected'>;
  reason: string | null;
  reviewed_by: string | null;
  created_at: Date;
  reviewed_at: Date | null;
}

export interface AdminInvitesTable {
  id: Generated<string>;
  code_hash: string;
  org_id: string;
  created_by: string | null;
  created_at: Date;
  expires_at: Date;
  used_by: string | null;
  used_at: Date | null;
}

export interface RoleGrantsTable {
  id: Generated<string>;
  user_id: string;
  by_user_id: string | null;
  role: 'enterprise' | 'volunteer' | 'admin';
  org_id: string | null;
  change: 'granted' | 'revoked';
  via: 'invite' | 'enterprise' | 'volunteer' | 'revoke';
  at: Date;
}

export interface LoginTicketsTable {
  ticket_hash: string;
  status: Generated<'waiting' | 'scanned' | 'confirmed' | 'collected'>;
  browser: Generated<string>;
  user_id: string | null;
  created_at: Date;
  expires_at: Date;
  scanned_at: Date | null;
  confirmed_at: Date | null;
  collected_at: Date | null;
}
