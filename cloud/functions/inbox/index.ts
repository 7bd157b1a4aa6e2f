import { inboxInput, notifyInput } from '../../contract';
import * as inbox from '../../domain/inbox/service';
import * as notify from '../../domain/notify/service';
import { userAction, type ActionMap } from '../router';

/** `inbox`: in-app notifications of every order transition. */
export const actions: ActionMap = {
  list: userAction(inboxInput.list, (ctx, input) => inbox.list(ctx.db, ctx.caller.userId, input)),
  read: userAction(inboxInput.read, (ctx, input) => inbox.read(ctx.db, ctx.caller.userId, ctx.clock.now(), input.id ?? null)),
  // WeChat subscribe messages: what the user accepted, and the template ids the client asks for.
  subscribe: userAction(notifyInput.subscribe, (ctx, input) => notify.subscribe(ctx.db, ctx.caller.userId, ctx.clock.now(), input.kinds, ctx.notify)),
  subscriptions: userAction(notifyInput.subscriptions, (ctx) => notify.subscriptions(ctx.db, ctx.caller.userId, ctx.notify)),
};
