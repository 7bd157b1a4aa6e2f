import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError, type LoginTicket, type TicketStatusAnswer, type TicketView } from '../../contract';
import type { DB } from '../../db/schema';
import type { LoginTicketsTable } from '../../db/schema-accounts';
import type { TokenSigner } from '../auth/tokens';
import type { FullActor } from '../orders/transition';
import { toIso } from '../time';
import { describeBrowser } from './browser';
import { qrImage } from './qr';
import { LOGIN_PAGE, TICKET_COLLECT_MS, TICKET_TTL_MS, type WeChatApi } from './settings';

/**
 * Desktop console login by scanning: the browser asks for a ticket and shows it as a QR code; an
 * admin scans it in the mini-program, sees which browser asked and confirms; the browser, polling,
 * collects a session token once. A ticket lives 2 minutes and is used once; only its hash is kept.
 */

/** 16 random bytes as 22 base64url characters: a WeChat `scene` takes at most 32. */
const newTicket = () => randomBytes(16).toString('base64url');
const hashOf = (ticket: string) => createHash('sha256').update(ticket).digest('hex');
export const loginPath = (ticket: string) => `/${LOGIN_PAGE}?scene=${encodeURIComponent(ticket)}`;

export async function createTicket(db: Kysely<DB>, now: Date, userAgent: string | null, wechat?: WeChatApi): Promise<LoginTicket> {
  const ticket = newTicket();
  const expiresAt = new Date(now.getTime() + TICKET_TTL_MS);
  // Tickets are worth nothing a day after they expired; keep the table small as new ones come.
  await db.deleteFrom('login_tickets').where('expires_at', '<', new Date(now.getTime() - 86_400_000)).execute();
  await db
    .insertInto('login_tickets')
    .values({ ticket_hash: hashOf(ticket), browser: describeBrowser(userAgent), created_at: now, expires_at: expiresAt })
    .execute();
  const url = loginPath(ticket);
  return { ticket, expiresAt: toIso(expiresAt), url, qrImage: await qrImage(url, ticket, LOGIN_PAGE, wechat) };
}

type Row = Pick<LoginTicketsTable, 'ticket_hash' | 'user_id' | 'expires_at' | 'confirmed_at'> & {
  status: 'waiting' | 'scanned' | 'confirmed' | 'collected';
  browser: string;
};

async function find(db: Kysely<DB>, ticket: string): Promise<Row> {
  const row = await db
    .selectFrom('login_tickets')
    .select(['ticket_hash', 'status', 'browser', 'user_id', 'expires_at', 'confirmed_at'])
    .where('ticket_hash', '=', hashOf(ticket))
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '登录二维码无效，请在电脑上刷新后重新扫码', { ticket: '登录码不正确' });
  return row;
}

const expired = (row: Row, now: Date) => row.expires_at.getTime() <= now.getTime();
const USED = () => new AppError('CONFLICT', '该登录二维码已使用，请在电脑上刷新后重新扫码', { ticket: '登录码已使用' });
const EXPIRED = () => new AppError('CONFLICT', '登录二维码已过期，请在电脑上刷新后重新扫码', { ticket: '登录码已过期' });

/** Only admins log in to the console; the phone learns this before anything else. */
function requireConsoleUser(actor: FullActor) {
  if (!actor.roles.includes('admin')) throw new AppError('FORBIDDEN', '只有工会管理员可以登录管理后台');
}

/** Refusals for a ticket the phone can no longer act on. */
function checkOpen(row: Row, now: Date) {
  if (row.status === 'confirmed' || row.status === 'collected') throw USED();
  if (expired(row, now)) throw EXPIRED();
}

const view = (row: Row, status: TicketView['status']): TicketView => ({ status, expiresAt: toIso(row.expires_at), browser: row.browser });

/** The phone opened the page the QR names: the browser sees 「已扫码」, the phone which browser asked. */
export async function scanTicket(db: Kysely<DB>, now: Date, actor: FullActor, ticket: string): Promise<TicketView> {
  requireConsoleUser(actor);
  const row = await find(db, ticket);
  checkOpen(row, now);
  if (row.status === 'waiting') {
    await db.updateTable('login_tickets').set({ status: 'scanned', scanned_at: now }).where('ticket_hash', '=', row.ticket_hash).where('status', '=', 'waiting').execute();
  }
  return view(row, 'scanned');
}

/** 「登录工会管理后台？」 confirmed: one guarded UPDATE, so a ticket is confirmed once. */
export async function confirmTicket(db: Kysely<DB>, now: Date, actor: FullActor, ticket: string): Promise<TicketView> {
  requireConsoleUser(actor);
  const row = await find(db, ticket);
  checkOpen(row, now);
  const res = await db
    .updateTable('login_tickets')
    .set({ status: 'confirmed', user_id: actor.userId, confirmed_at: now })
    .where('ticket_hash', '=', row.ticket_hash)
    .where('status', 'in', ['waiting', 'scanned'])
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw USED();
  return view(row, 'confirmed');
}

/**
 * What the browser polls. After the confirmation it answers the session token exactly once (the
 * collection is a guarded UPDATE too); a ticket asked after that is refused as used.
 */
export async function ticketStatus(db: Kysely<DB>, tokens: TokenSigner, now: Date, ticket: string): Promise<TicketStatusAnswer> {
  const row = await find(db, ticket);
  if (row.status === 'collected') throw USED();
  if (row.status === 'confirmed' && row.user_id && row.confirmed_at) {
    if (now.getTime() - row.confirmed_at.getTime() > TICKET_COLLECT_MS) return { status: 'expired' };
    const user = await db.selectFrom('users').select(['id', 'token_version', 'roles']).where('id', '=', row.user_id).executeTakeFirst();
    // Revoked between the confirmation and now: no session.
    if (!user || !user.roles.includes('admin')) return { status: 'expired' };
    const res = await db
      .updateTable('login_tickets')
      .set({ status: 'collected', collected_at: now })
      .where('ticket_hash', '=', row.ticket_hash)
      .where('status', '=', 'confirmed')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw USED();
    return { status: 'confirmed', token: tokens.sign(user.id, now, user.token_version) };
  }
  if (expired(row, now)) return { status: 'expired' };
  return { status: row.status === 'scanned' ? 'scanned' : 'waiting' };
}
