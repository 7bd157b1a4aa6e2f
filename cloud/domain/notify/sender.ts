import type { Kysely } from 'kysely';
import { SUBSCRIBE_KINDS } from '../../contract';
import { claimDue, lockCredits, recordOutcome, setCredits, skipDueKinds, type DueRow, type Outcome, type PushFacts } from '../../db/repositories/outbox';
import type { DB } from '../../db/schema';
import { templateData, type NotifyConfig } from './templates';
import type { SendRequest, SendResult, Transport } from './transport';

/** Tries before a message is given up as failed, and the wait after each failed try. */
export const MAX_ATTEMPTS = 4;
export const RETRY_AFTER_MINUTES = [1, 5, 30];

/** WeChat answers that no retry can change: the user has no subscription left (skipped, credit gone)… */
const NO_SUBSCRIPTION = new Set([43101]);
/** …or our request or deployment is wrong (failed at once, so the console shows it): bad openid,
 * template id, field value or page; the function lacks the open-API permission. */
const PERMANENT = new Set([40003, 40037, 47003, 41030, -604101]);

export const SKIP_REASONS = {
  noTemplate: '未配置该类提醒的订阅模板',
  noOpenid: '用户未使用微信小程序登录（无 OPENID）',
  noCredit: '用户未订阅或订阅次数已用完',
} as const;

export interface DrainResult {
  sent: number;
  skipped: number;
  failed: number;
  retrying: number;
}

/**
 * Sends what is due, one row per transaction: claim the oldest due row (SKIP LOCKED: several
 * processes drain one queue, each row goes to exactly one), check the template and the recipient's
 * credit (locked, so one credit pays for one message), send, and record the outcome and spend the
 * credit in the same transaction. A failed try is retried with backoff, up to MAX_ATTEMPTS.
 * If the process dies after WeChat took a message but before the commit, the row is tried again:
 * WeChat answers 43101 (skipped) when that was the user's last acceptance of the template; only a
 * user with several acceptances left could get it twice (a send cannot be in our transaction).
 */
export async function drainOutbox(
  db: Kysely<DB>,
  now: Date,
  opts: NotifyConfig & { transport: Transport; limit?: number },
): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, skipped: 0, failed: 0, retrying: 0 };
  // Kinds with no template at all (e.g. a local server without SUBSCRIBE_TEMPLATES): one statement, not a transaction per row.
  result.skipped += await skipDueKinds(db, SUBSCRIBE_KINDS.filter((k) => !opts.templates[k]), SKIP_REASONS.noTemplate, now);
  for (let n = 0; n < (opts.limit ?? 200); n++) {
    const outcome = await db.transaction().execute(async (trx) => {
      const row = await claimDue(trx, now);
      if (!row) return null;
      const o = await sendOne(trx, row, now, opts);
      await recordOutcome(trx, row.id, o);
      return o;
    });
    if (!outcome) break;
    if (outcome.status === 'queued') result.retrying++;
    else result[outcome.status]++;
  }
  return result;
}

async function sendOne(trx: Parameters<typeof lockCredits>[0], row: DueRow, now: Date, opts: NotifyConfig & { transport: Transport }): Promise<Outcome> {
  const skip = (lastError: string): Outcome => ({ status: 'skipped', attempts: row.attempts, lastError });
  const template = opts.templates[row.kind];
  if (!template) return skip(SKIP_REASONS.noTemplate);
  const user = await trx.selectFrom('users').select('openid').where('id', '=', row.user_id).executeTakeFirst();
  if (opts.transport.needsOpenid && !user?.openid) return skip(SKIP_REASONS.noOpenid);
  const credits = await lockCredits(trx, row.user_id, row.kind);
  if (credits < 1) return skip(SKIP_REASONS.noCredit);

  const facts = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as PushFacts;
  const request: SendRequest = {
    touser: user?.openid ?? `local:${row.user_id}`,
    templateId: template.id,
    page: facts.page,
    data: templateData(template, facts),
    miniprogramState: opts.state,
    lang: 'zh_CN',
  };
  const attempts = row.attempts + 1;
  const res: SendResult = await opts.transport.send(request).catch((err: unknown) => ({ ok: false as const, code: null, message: String((err as Error)?.message ?? err) }));
  const base = { attempts, request, transport: opts.transport.name };
  if (res.ok) {
    await setCredits(trx, row.user_id, row.kind, credits - 1, now);
    return { ...base, status: 'sent', lastError: null, sentAt: now };
  }
  const lastError = `${res.code ?? '网络'}: ${res.message}`.slice(0, 500);
  if (res.code !== null && NO_SUBSCRIPTION.has(res.code)) {
    // WeChat has no acceptance left for this user and template: our count was ahead of it.
    await setCredits(trx, row.user_id, row.kind, 0, now);
    return { ...base, status: 'skipped', lastError };
  }
  if ((res.code !== null && PERMANENT.has(res.code)) || attempts >= MAX_ATTEMPTS) return { ...base, status: 'failed', lastError };
  const waitMin = RETRY_AFTER_MINUTES[Math.min(attempts - 1, RETRY_AFTER_MINUTES.length - 1)];
  return { ...base, status: 'queued', lastError, nextAttemptAt: new Date(now.getTime() + waitMin * 60_000) };
}
