import type { Generated } from 'kysely';

/** Tables of migration 0008 (verified check-in, hand-backs, certificates); `DB` in schema.ts lists them. */

export interface OrderCheckInSecretsTable {
  order_id: string;
  secret: string;
  created_at: Date;
}

export interface CheckInAttemptsTable {
  id: Generated<string>;
  order_id: string;
  volunteer_id: string;
  at: Date;
  verdict: 'wrong' | 'expired' | 'other_order';
}

export interface HandBacksTable {
  id: Generated<string>;
  order_id: string;
  volunteer_id: string;
  at: Date;
  reason: string;
  went_to: 'pool' | 'team' | 'admin';
  /** numeric: read back as a string. */
  hours_before: string | number;
}

export interface CertificatesTable {
  code: string;
  volunteer_id: string;
  /** date: written 'YYYY-MM-DD', read back as a Date by node-postgres. */
  from_day: string | Date;
  to_day: string | Date;
  figures: unknown;
  issued_at: Date;
}
