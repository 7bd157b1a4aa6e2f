import { accountAdminInput, adminInput, notifyInput } from '../../contract';
import * as enterprise from '../../domain/accounts/enterprise';
import { createInvite } from '../../domain/accounts/invites';
import * as roles from '../../domain/accounts/roles';
import { DEFAULT_ACCOUNT_SETTINGS } from '../../domain/accounts/settings';
import { candidates } from '../../domain/admin/candidates';
import * as dispatching from '../../domain/admin/dispatch';
import { exportFile } from '../../domain/admin/export';
import * as menu from '../../domain/admin/menu';
import { orgTree, setShowcase } from '../../domain/admin/showcase';
import { stats } from '../../domain/admin/stats';
import * as volunteers from '../../domain/admin/volunteers';
import { outbox } from '../../domain/notify/service';
import { loadActor } from '../../domain/orders/transition';
import type { AuthedContext } from '../context';
import { userAction, type ActionMap } from '../router';

/** A full year of a province's orders is written in seconds; a minute is the outer bound. */
const EXPORT_DEADLINE_MS = 60_000;

const actor = (ctx: AuthedContext) => loadActor(ctx.db, ctx.caller);

/** `admin`: the union's console. Every action checks the admin's org scope (their org and below). */
export const actions: ActionMap = {
  dispatch: userAction(adminInput.dispatch, async (ctx, i) => dispatching.dispatch(ctx.db, ctx.clock.now(), await actor(ctx), i.id, i.volunteerId, i.note, i.start)),
  candidates: userAction(adminInput.candidates, async (ctx, i) => candidates(ctx.db, await actor(ctx), i)),
  transfer: userAction(adminInput.transfer, async (ctx, i) => dispatching.transfer(ctx.db, ctx.clock.now(), await actor(ctx), i.id, i.orgId, i.note)),
  overdue: userAction(adminInput.overdue, async (ctx, i) => dispatching.overdue(ctx.db, ctx.clock.now(), await actor(ctx), i)),
  orders: userAction(adminInput.orders, async (ctx, i) => dispatching.orders(ctx.db, ctx.clock.now(), await actor(ctx), i)),
  orgs: userAction(adminInput.orgs, async (ctx) => orgTree(ctx.db, await actor(ctx))),
  applications: userAction(adminInput.applications, async (ctx, i) => volunteers.applications(ctx.db, await actor(ctx), i)),
  reviewVolunteer: userAction(adminInput.reviewVolunteer, async (ctx, i) => volunteers.review(ctx.db, ctx.clock.now(), await actor(ctx), i)),
  saveTopic: userAction(adminInput.saveTopic, async (ctx, i) => menu.saveTopic(ctx.db, await actor(ctx), i)),
  saveService: userAction(adminInput.saveService, async (ctx, i) => menu.saveService(ctx.db, await actor(ctx), i)),
  saveTeam: userAction(adminInput.saveTeam, async (ctx, i) => menu.saveTeam(ctx.db, await actor(ctx), i)),
  setMember: userAction(adminInput.setMember, async (ctx, i) => menu.setMember(ctx.db, await actor(ctx), i)),
  showcase: userAction(adminInput.showcase, async (ctx, i) => setShowcase(ctx.db, await actor(ctx), i)),
  stats: userAction(adminInput.stats, async (ctx, i) => stats(ctx.db, await actor(ctx), i)),
  // One export per admin at a time (a second one waits its turn by answering RATE_LIMITED); a
  // province-wide year takes longer than an ordinary call, hence its own deadline.
  export: userAction(
    adminInput.export,
    async (ctx, i) => {
      const work = async () => exportFile(ctx.db, await actor(ctx), i);
      return ctx.guards ? ctx.guards.exports.run(ctx.caller.userId, work) : work();
    },
    { deadlineMs: EXPORT_DEADLINE_MS },
  ),
  outbox: userAction(notifyInput.outbox, async (ctx, i) => outbox(ctx.db, await actor(ctx), i)),
  // Accounts: enterprise applications, admin invitations, users and their roles in scope.
  enterprises: userAction(accountAdminInput.enterprises, async (ctx, i) => enterprise.enterprises(ctx.db, await actor(ctx), i)),
  reviewEnterprise: userAction(accountAdminInput.reviewEnterprise, async (ctx, i) => enterprise.reviewEnterprise(ctx.db, ctx.clock.now(), await actor(ctx), i)),
  invite: userAction(accountAdminInput.invite, async (ctx, i) =>
    createInvite(ctx.db, ctx.clock.now(), await actor(ctx), i.orgId, (ctx.accounts ?? DEFAULT_ACCOUNT_SETTINGS).inviteTtlHours, ctx.wechat)),
  users: userAction(accountAdminInput.users, async (ctx, i) => roles.users(ctx.db, await actor(ctx), i)),
  revokeRole: userAction(accountAdminInput.revokeRole, async (ctx, i) => roles.revokeRole(ctx.db, ctx.clock.now(), await actor(ctx), i)),
  roleGrants: userAction(accountAdminInput.roleGrants, async (ctx, i) => roles.roleGrants(ctx.db, await actor(ctx), i)),
};
