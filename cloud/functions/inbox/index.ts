import { inboxInput } from '../../contract';
import * as inbox from '../../domain/inbox/service';
import { userAction, type ActionMap } from '../router';

/** `inbox`: in-app notifications of every order transition. */
export const actions: ActionMap = {
  list: userAction(inboxInput.list, (ctx, input) => inbox.list(ctx.db, ctx.caller.userId, input)),
  read: userAction(inboxInput.read, (ctx, input) => inbox.read(ctx.db, ctx.caller.userId, ctx.clock.now(), input.id ?? null)),
};
