import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { AppError, conflict, forbidden, invalid, rateLimited, type CheckInCodeAnswer } from '../../contract';
import { CHECK_IN_CODE, judgeCode, parseCheckInCode } from '../../contract/check-in-code';
import { getOrder } from '../../db/repositories/orders';
import type { DB } from '../../db/schema';
import { allowedActions } from '../orders/access';
import { hiddenOrder, relationTo, type FullActor } from '../orders/transition';
import { toIso } from '../time';

/** The refusals a volunteer reads on the phone, one per way a code can be wrong. */
export const CODE_MESSAGES = {
  malformed: '签到码应为 6 位数字',
  wrong: '签到码不正确，请核对对方手机上显示的 6 位数字',
  expired: '签到码已过期，请对方刷新页面后重新出示',
  other_order: '这是另一个订单的签到码，请扫描本订单的签到码',
  locked: (minutes: number) => `签到码错误次数过多，请 ${minutes} 分钟后再试，或不使用签到码直接签到`,
} as const;

/**
 * `order.checkInCode`: the secret the requester's phone turns into the rotating code. Only the
 * requester gets it (not the volunteer, who would then verify themselves; not the admins), and
 * only on the day while the order waits for its check-in (`checkInCode` in the order's actions).
 * The secret is made on first use.
 */
export async function checkInCode(db: Kysely<DB>, now: Date, actor: FullActor, id: string): Promise<CheckInCodeAnswer> {
  const row = await getOrder(db, id);
  if (!row) throw hiddenOrder();
  const rel = await relationTo(db, row, actor);
  if (!rel.requester && !rel.volunteer && !rel.admin) throw hiddenOrder();
  if (!rel.requester) throw forbidden('签到码只向下单人显示');
  if (!allowedActions(row, rel, now).includes('checkInCode')) {
    throw conflict(row.status === 'accepted' ? '签到码在服务当天开放' : row.status === 'in_progress' ? '志愿者已签到' : '当前订单无需签到码');
  }
  await db
    .insertInto('order_check_in_secrets')
    .values({ order_id: id, secret: crypto.randomBytes(20).toString('hex'), created_at: now })
    .onConflict((oc) => oc.column('order_id').doNothing())
    .execute();
  const { secret } = await db.selectFrom('order_check_in_secrets').select('secret').where('order_id', '=', id).executeTakeFirstOrThrow();
  return {
    orderId: id,
    secret,
    periodSeconds: CHECK_IN_CODE.periodSeconds,
    digits: CHECK_IN_CODE.digits,
    serverTime: new Date(now).toISOString(),
    until: toIso(row.end_at),
  };
}

/**
 * Checks the code `task.checkIn` carries before the check-in itself. True when it is right.
 * False when the caller may not check in now at all: the check-in's own transition then answers
 * why (not found, not yours, wrong state). A wrong, expired or other order's code is stored as a
 * try (committed, so the limit holds however the call ends) and refused as VALIDATION on `code`;
 * after `wrongTries` of them within `wrongTriesMinutes` the order takes no code (RATE_LIMITED)
 * until the oldest ages out. The order row is locked meanwhile, so concurrent tries count exactly.
 */
export async function verifyCheckInCode(db: Kysely<DB>, now: Date, actor: FullActor, id: string, raw: string): Promise<boolean> {
  const outcome = await db.transaction().execute(async (trx): Promise<true | false | AppError> => {
    const row = await getOrder(trx, id, { forUpdate: true });
    if (!row || !actor.volunteerId) return false;
    const rel = await relationTo(trx, row, actor);
    if (!rel.volunteer || !allowedActions(row, rel, now).includes('checkIn')) return false;

    const since = new Date(now.getTime() - CHECK_IN_CODE.wrongTriesMinutes * 60_000);
    const tries = await trx
      .selectFrom('check_in_attempts')
      .select([sql<string>`count(*)`.as('n'), sql<Date | null>`min(at)`.as('oldest')])
      .where('order_id', '=', id)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    if (Number(tries.n) >= CHECK_IN_CODE.wrongTries) {
      const retryAfter = Math.max(1, Math.ceil((new Date(tries.oldest!).getTime() + CHECK_IN_CODE.wrongTriesMinutes * 60_000 - now.getTime()) / 1000));
      return rateLimited(CODE_MESSAGES.locked(Math.ceil(retryAfter / 60)), retryAfter);
    }

    const parsed = parseCheckInCode(raw);
    if (!parsed) return invalid('code', CODE_MESSAGES.malformed); // a typo, not a guess: not counted
    let verdict: 'ok' | 'wrong' | 'expired' | 'other_order';
    if (parsed.orderId !== undefined && parsed.orderId !== id) verdict = 'other_order';
    else {
      const s = await trx.selectFrom('order_check_in_secrets').select('secret').where('order_id', '=', id).executeTakeFirst();
      // No secret yet: the requester never opened the code, so nothing typed can be right.
      verdict = s ? judgeCode(s.secret, parsed.code, now.getTime()) : 'wrong';
    }
    if (verdict === 'ok') return true;
    await trx.insertInto('check_in_attempts').values({ order_id: id, volunteer_id: actor.volunteerId, at: now, verdict }).execute();
    return invalid('code', CODE_MESSAGES[verdict]);
  });
  if (outcome instanceof AppError) throw outcome;
  return outcome;
}
