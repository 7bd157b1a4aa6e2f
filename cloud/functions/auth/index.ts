import { accountInput, authInput, pagingShape } from '../../contract';
import * as enterprise from '../../domain/accounts/enterprise';
import { acceptInvite } from '../../domain/accounts/invites';
import { bindPhone, updateProfile } from '../../domain/accounts/profile';
import { issueSession, logout } from '../../domain/accounts/sessions';
import * as tickets from '../../domain/accounts/tickets';
import * as auth from '../../domain/auth/service';
import { loadActor } from '../../domain/orders/transition';
import { devAction, publicAction, userAction, type ActionMap } from '../router';

/**
 * `auth`: who am I, the profile, becoming an enterprise contact or an admin, the desktop
 * console's login by scanning, sessions; and (dev mode only) the demo quick login.
 */
export const actions: ActionMap = {
  devUsers: devAction(authInput.devUsers.extend(pagingShape), (ctx, input) => auth.devUsers(ctx.db, input)),
  devLogin: devAction(authInput.devLogin, async (ctx, input) => {
    const user = await auth.userForLogin(ctx.db, input.userId);
    return issueSession(ctx.db, ctx.tokens, ctx.clock.now(), user.id);
  }),
  me: userAction(authInput.me, (ctx) => auth.me(ctx.db, ctx.caller.userId)),
  updateProfile: userAction(accountInput.updateProfile, (ctx, i) => updateProfile(ctx.db, ctx.caller.userId, i)),
  bindPhone: userAction(accountInput.bindPhone, (ctx, i) => bindPhone(ctx.db, ctx.wechat, ctx.caller.userId, i.code)),
  applyEnterprise: userAction(accountInput.applyEnterprise, async (ctx, i) =>
    enterprise.applyEnterprise(ctx.db, ctx.clock.now(), await loadActor(ctx.db, ctx.caller), i)),
  enterpriseApplication: userAction(accountInput.enterpriseApplication, (ctx) => enterprise.myEnterpriseApplication(ctx.db, ctx.caller.userId)),
  acceptInvite: userAction(accountInput.acceptInvite, (ctx, i) => acceptInvite(ctx.db, ctx.clock.now(), ctx.caller.userId, i.code)),
  logout: userAction(accountInput.logout, (ctx, i) => logout(ctx.db, ctx.caller.userId, i.everywhere === true)),
  // A fresh token for the same session (the client refreshes before the old one expires).
  refresh: userAction(accountInput.refresh, (ctx) => issueSession(ctx.db, ctx.tokens, ctx.clock.now(), ctx.caller.userId)),
  loginTicket: publicAction(accountInput.loginTicket, (ctx) => tickets.createTicket(ctx.db, ctx.clock.now(), ctx.request?.userAgent ?? null, ctx.wechat)),
  scanTicket: userAction(accountInput.scanTicket, async (ctx, i) =>
    tickets.scanTicket(ctx.db, ctx.clock.now(), await loadActor(ctx.db, ctx.caller), i.ticket)),
  confirmTicket: userAction(accountInput.confirmTicket, async (ctx, i) =>
    tickets.confirmTicket(ctx.db, ctx.clock.now(), await loadActor(ctx.db, ctx.caller), i.ticket)),
  ticketStatus: publicAction(accountInput.ticketStatus, (ctx, i) => tickets.ticketStatus(ctx.db, ctx.tokens, ctx.clock.now(), i.ticket)),
};
