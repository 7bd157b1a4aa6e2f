import { sql, type Kysely, type Transaction } from 'kysely';
import type { UploadQuota } from '../config';
import type { DB } from '../db/schema';
import { shanghaiDayStart } from '../domain/time';

/**
 * Per-user daily upload quota, counted from the user's rows in `uploads` since Shanghai midnight.
 * The table is the truth, so the count survives restarts and holds across server processes on
 * one database (an in-memory counter would do neither).
 */

export interface UploadUsage {
  count: number;
  bytes: number;
}

/** Why an upload is refused for quota, with the wait until the day turns. */
export interface QuotaExceeded {
  message: string;
  /** Seconds until Shanghai midnight, when the day's count starts again. */
  retryAfter: number;
}

export async function usageToday(db: Kysely<DB> | Transaction<DB>, userId: string, now: Date): Promise<UploadUsage> {
  const row = await db
    .selectFrom('uploads')
    .select([sql<string>`count(*)`.as('count'), sql<string>`coalesce(sum(bytes), 0)`.as('bytes')])
    .where('user_id', '=', userId)
    .where('created_at', '>=', shanghaiDayStart(now).toDate())
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), bytes: Number(row.bytes) };
}

/**
 * Null when one more file of `incomingBytes` fits today's quota (1 byte: "is there room for
 * anything at all", asked before the body is read).
 */
export function quotaExceeded(usage: UploadUsage, quota: UploadQuota, incomingBytes: number, now: Date): QuotaExceeded | null {
  const full = usage.count + 1 > quota.perDay || usage.bytes + incomingBytes > quota.bytesPerDay;
  if (!full) return null;
  const megabytes = Math.round(quota.bytesPerDay / 1024 / 1024);
  const retryAfter = Math.max(1, Math.ceil(shanghaiDayStart(now).add(1, 'day').diff(now, 'millisecond') / 1000));
  return { message: `今天的图片上传额度已用完（每人每天最多 ${quota.perDay} 张、共 ${megabytes} MB），请明天再试`, retryAfter };
}

/**
 * Serialises the quota check and the insert of one user's concurrent uploads (two parallel
 * uploads must not both see the last free slot). A transaction-scoped advisory lock, keyed by
 * the user, so other users and other tables never wait for it.
 */
export async function lockUserUploads(trx: Transaction<DB>, userId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`uploads:${userId}`}, 0))`.execute(trx);
}
